import { pathwayIndicatorValues } from '@ancrage/pathways';
import type { Cut, ReadModels } from '@ancrage/projections';
import type { PathwayMeasure } from '@ancrage/shared-kernel';
import type { PlanActionProgressRow, PlanActionRow } from './plan.entities';
import { withMeasuredValues } from './plan-views';

/**
 * The actions of a year with the values their pathways give them, read from the pathways' rows at
 * the same cut: what every reader of progress uses (the plan view, the execution list, the alerts),
 * so none of them judges a measured action on values it no longer has.
 */
export async function withPathwayValues<
  A extends Pick<PlanActionRow, 'safir' | 'year' | 'actionId' | 'latestValue' | 'latestOn' | 'measuredBy'>,
>(
  reads: ReadModels,
  cut: Cut,
  year: number,
  actions: A[],
  reported: Pick<PlanActionProgressRow, 'safir' | 'year' | 'actionId' | 'value' | 'on'>[],
) {
  const links = actions.flatMap((a) =>
    a.measuredBy
      ? [{ safir: a.safir, actionId: a.actionId, pathwayId: a.measuredBy.pathwayId, measure: a.measuredBy.measure as PathwayMeasure }]
      : [],
  );
  return withMeasuredValues(actions, reported, await pathwayIndicatorValues(reads, cut, year, links));
}
