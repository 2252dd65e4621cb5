import type { RecordedEvent } from '@ancrage/event-store';
import { defineProjection } from '@ancrage/projections';
import type { ActionPlanEvent } from '../domain/action-plan.events';
import { ActionPlanRow, PlanActionProgressRow, PlanActionRow, PlanAgencyRow } from './plan.entities';

export type PlanTables = { plans: ActionPlanRow; actions: PlanActionRow; progress: PlanActionProgressRow; agencies: PlanAgencyRow };

/** action-plan-{safir}-{year} */
export function planKey(streamId: string): { safir: string; year: number } {
  const parts = streamId.split('-');
  return { safir: parts[2], year: Number(parts[3]) };
}

export const plansProjection = defineProjection<PlanTables>({
  name: 'action-plans',
  // 2: a close abandons or carries over the actions still open. 3: actions' service offer. 4: measured by a pathway.
  version: 4,
  eventTypes: [
    'AgencyRegistered',
    'ActionPlanDrafted',
    'PriorityAdded',
    'ActionAdded',
    'ActionPlanAdopted',
    'ProgressReported',
    'ActionMeasuredByPathway',
    'ActionStatusChanged',
    'MidYearReviewRecorded',
    'ActionPlanClosed',
    'ClosedPlanAdjusted',
  ],
  tables: {
    plans: { entity: ActionPlanRow, key: ['safir', 'year'], stable: ['region'], indexes: [['year', 'region']] },
    actions: { entity: PlanActionRow, key: ['safir', 'year', 'actionId'], indexes: [['year']] },
    progress: { entity: PlanActionProgressRow, key: ['safir', 'year', 'actionId', 'month'], indexes: [['year']] },
    agencies: { entity: PlanAgencyRow, key: ['safir'] },
  },
  touches(e: RecordedEvent) {
    if (e.type === 'AgencyRegistered') return [{ table: 'agencies', key: { safir: (e.data as { safir: string }).safir } }];
    const k = planKey(e.streamId);
    const d = e.data as { actionId?: string; on?: string; openActions?: { actionId: string }[] };
    return [
      { table: 'agencies', key: { safir: k.safir } },
      { table: 'plans', key: k },
      ...(d.actionId ? [{ table: 'actions' as const, key: { ...k, actionId: d.actionId } }] : []),
      ...(d.openActions ?? []).map((o) => ({ table: 'actions' as const, key: { ...k, actionId: o.actionId } })),
      ...(e.type === 'ProgressReported'
        ? [{ table: 'progress' as const, key: { ...k, actionId: d.actionId, month: d.on!.slice(0, 7) } }]
        : []),
    ];
  },
  apply(e, rows) {
    if (e.type === 'AgencyRegistered') {
      const d = e.data as { safir: string; region: string };
      return rows.put('agencies', { safir: d.safir, region: d.region });
    }
    const k = planKey(e.streamId);
    const event = { type: e.type, data: e.data } as ActionPlanEvent;
    if (event.type === 'ActionPlanDrafted') {
      return rows.put('plans', {
        ...k,
        region: rows.get('agencies', { safir: k.safir })?.region ?? null,
        status: 'DRAFT',
        adoptedOn: null,
        closedOn: null,
        diagnosticYear: event.data.diagnosticYear,
        diagnosticCoConstructed: event.data.diagnosticCoConstructed,
        priorities: [],
        reviews: [],
        adjustments: [],
      });
    }
    const plan = rows.get('plans', k);
    if (!plan) return;
    switch (event.type) {
      case 'PriorityAdded':
        return rows.put('plans', { ...plan, priorities: [...plan.priorities, event.data] });
      case 'ActionAdded': {
        const a = event.data;
        return rows.put('actions', {
          ...k,
          actionId: a.actionId,
          priorityId: a.priorityId,
          title: a.title,
          lever: a.lever,
          owner: a.owner,
          partnerIds: a.partnerIds,
          services: a.services ?? [],
          startDate: a.startDate,
          dueDate: a.dueDate,
          indicatorName: a.indicator.name,
          unit: a.indicator.unit,
          baseline: a.indicator.baseline,
          target: a.indicator.target,
          status: 'PLANNED',
          latestValue: null,
          latestOn: null,
          measuredBy: null,
        });
      }
      case 'ActionPlanAdopted':
        return rows.put('plans', { ...plan, status: 'ADOPTED', adoptedOn: event.data.adoptedOn });
      case 'ActionPlanClosed':
        // Actions still open at the close are abandoned or carried over, as the close says.
        for (const o of event.data.openActions ?? []) {
          const a = rows.get('actions', { ...k, actionId: o.actionId });
          if (a) rows.put('actions', { ...a, status: o.decision });
        }
        return rows.put('plans', { ...plan, status: 'CLOSED', closedOn: event.data.closedOn });
      case 'MidYearReviewRecorded':
        return rows.put('plans', { ...plan, reviews: [...plan.reviews, event.data] });
      case 'ClosedPlanAdjusted':
        return rows.put('plans', {
          ...plan,
          adjustments: [
            ...plan.adjustments,
            { actionId: event.data.actionId, note: event.data.note, value: event.data.value, recordedAt: e.metadata.recordedAt },
          ],
        });
      case 'ActionMeasuredByPathway': {
        const a = rows.get('actions', { ...k, actionId: event.data.actionId });
        return a && rows.put('actions', { ...a, measuredBy: { pathwayId: event.data.pathwayId, measure: event.data.measure } });
      }
      case 'ActionStatusChanged': {
        const a = rows.get('actions', { ...k, actionId: event.data.actionId });
        return a && rows.put('actions', { ...a, status: event.data.status });
      }
      case 'ProgressReported': {
        const a = rows.get('actions', { ...k, actionId: event.data.actionId });
        if (!a) return;
        const newer = a.latestOn === null || event.data.on >= a.latestOn;
        rows.put(
          'actions',
          newer
            ? { ...a, latestValue: event.data.value, latestOn: event.data.on, status: a.status === 'PLANNED' ? 'IN_PROGRESS' : a.status }
            : a,
        );
        const m = rows.get('progress', { ...k, actionId: a.actionId, month: event.data.on.slice(0, 7) });
        if (!m || event.data.on >= m.on)
          rows.put('progress', {
            ...k,
            actionId: a.actionId,
            month: event.data.on.slice(0, 7),
            value: event.data.value,
            on: event.data.on,
          });
        return;
      }
    }
  },
});
