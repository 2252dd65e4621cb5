import type { EventStore } from '@ancrage/event-store';
import type { Cut, ReadModels } from '@ancrage/projections';
import { fold, PathwayMeasure } from '@ancrage/shared-kernel';
import { pathwayDecider } from './domain/pathway.decider';
import { PathwayEvent, pathwayStream } from './domain/pathways.events';
import { CohortOutcomesRow, CohortRow } from './read-models/pathways.entities';
import { measureSeries } from './read-models/pathway-views';
import { pathwaysProjection } from './read-models/pathways.projection';

/** The projections pathwayIndicatorValues reads: what a reader waiting for a position waits on. */
export const PATHWAY_INDICATOR_PROJECTIONS: readonly string[] = [pathwaysProjection.name];

/** What a plan needs to know of a pathway before its action is measured by it (folded from its stream). */
export async function pathwayFacts(store: EventStore, safir: string, pathwayId: string) {
  const events = (await store.readStream(pathwayStream(safir, pathwayId))).map(
    (e) => ({ type: e.type, data: e.data, occurredAt: e.metadata.occurredAt }) as PathwayEvent,
  );
  return { opened: fold(pathwayDecider, events).opened };
}

export interface MeasuredAction {
  safir: string;
  actionId: string;
  pathwayId: string;
  measure: PathwayMeasure;
}

/**
 * The values each pathway gives the plan action of `year` it measures, at the read's cut: the same
 * rows as the pathway's own view, so the plan and the pathway never tell two stories.
 */
export async function pathwayIndicatorValues(reads: ReadModels, cut: Cut, year: number, measured: MeasuredAction[]) {
  if (measured.length === 0) return [];
  const where = { safir: [...new Set(measured.map((m) => m.safir))], pathwayId: [...new Set(measured.map((m) => m.pathwayId))] };
  const [cohorts, outcomes] = await Promise.all([
    reads.find(CohortRow, cut, where, { columns: ['safir', 'pathwayId', 'cohortId', 'startedOn', 'entries'] }),
    reads.find(CohortOutcomesRow, cut, where, { columns: ['safir', 'pathwayId', 'cohortId', 'on', 'exits', 'employment', 'training'] }),
  ]);
  const of = <R extends { safir: string; pathwayId: string }>(rows: R[], m: MeasuredAction) =>
    rows.filter((r) => r.safir === m.safir && r.pathwayId === m.pathwayId);
  return measured.map((m) => ({ ...m, values: measureSeries(of(cohorts, m), of(outcomes, m), year, m.measure) }));
}
