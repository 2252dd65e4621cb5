import { dayOf } from '@ancrage/shared-kernel';
import { defineProjection } from '@ancrage/projections';
import { PATHWAY_EVENT_TYPES, PathwayEvent } from '../domain/pathways.events';
import { CohortOutcomesRow, CohortRow, PathwayRow } from './pathways.entities';

export type PathwayTables = { pathways: PathwayRow; cohorts: CohortRow; outcomes: CohortOutcomesRow };

/** The agency's pathways, their cohorts and each cohort's outcomes, each on its own date. */
export const pathwaysProjection = defineProjection<PathwayTables>({
  name: 'pathways',
  version: 1,
  eventTypes: PATHWAY_EVENT_TYPES,
  tables: {
    pathways: { entity: PathwayRow, key: ['safir', 'pathwayId'] },
    cohorts: { entity: CohortRow, key: ['safir', 'pathwayId', 'cohortId'] },
    outcomes: { entity: CohortOutcomesRow, key: ['safir', 'pathwayId', 'cohortId', 'on'] },
  },
  touches(e) {
    const d = e.data as { safir: string; pathwayId: string; cohortId?: string; on?: string };
    const cohort = { table: 'cohorts' as const, key: { safir: d.safir, pathwayId: d.pathwayId, cohortId: d.cohortId } };
    if (e.type === 'CohortStarted') return [cohort];
    if (e.type === 'CohortOutcomesRecorded') return [cohort, { table: 'outcomes', key: { ...cohort.key, on: d.on } }];
    return [{ table: 'pathways', key: { safir: d.safir, pathwayId: d.pathwayId } }];
  },
  apply(e, rows) {
    const event = { type: e.type, data: e.data } as PathwayEvent;
    const day = dayOf(e.metadata.occurredAt)!;
    switch (event.type) {
      case 'PathwayOpened':
        return rows.put('pathways', { ...event.data, openedOn: day, closedOn: null, closeReason: null });
      case 'CohortStarted': {
        const { safir, pathwayId, cohortId, entries } = event.data;
        return rows.put('cohorts', {
          safir,
          pathwayId,
          cohortId,
          startedOn: day,
          entries,
          exits: 0,
          employment: 0,
          training: 0,
          outcomesOn: null,
        });
      }
      case 'CohortOutcomesRecorded': {
        const { safir, pathwayId, cohortId, on, exits, employment, training } = event.data;
        rows.put('outcomes', { safir, pathwayId, cohortId, on, exits, employment, training });
        const c = rows.get('cohorts', { safir, pathwayId, cohortId });
        return c && rows.put('cohorts', { ...c, exits, employment, training, outcomesOn: on });
      }
      case 'PathwayClosed': {
        const p = rows.get('pathways', { safir: event.data.safir, pathwayId: event.data.pathwayId });
        return p && rows.put('pathways', { ...p, closedOn: day, closeReason: event.data.reason });
      }
    }
  },
});
