import { dayOf, Decider, DomainError, factOn, PathwayMeasure } from '@ancrage/shared-kernel';
import { ActionData, ActionPlanEvent, ActionStatus, FINAL_STATUSES, OpenActionDecision } from './action-plan.events';

export interface ActionPlanState {
  drafted: boolean;
  year: number | null;
  /** Days the plan was drafted, adopted and closed: later facts cannot be dated before them. */
  draftedOn: string | null;
  adoptedOn: string | null;
  closedOn: string | null;
  adopted: boolean;
  closed: boolean;
  /** Keyed by ids the client chose: Maps, so an id such as `constructor` is just an id. */
  priorities: Set<string>;
  actions: Map<string, PlanActionState>;
}

interface PlanActionState {
  status: ActionStatus;
  /** The pathway whose cohorts give the action its values, if one does. */
  measuredBy?: { pathwayId: string; measure: PathwayMeasure };
}

/** The linked diagnostic, as the handler read it from the diagnostic's stream. */
export interface DiagnosticFacts {
  published: boolean;
  findingIds: string[];
  coConstructed: boolean;
}

/** Every fact of a plan may be dated (`…On`, a day); without a date it happened when recorded. */
export type ActionPlanCommand =
  | { kind: 'draft'; safir: string; year: number; diagnosticYear: number; diagnostic: DiagnosticFacts; draftedOn?: string }
  | { kind: 'add-priority'; priorityId: string; title: string; findingIds: string[]; diagnostic: DiagnosticFacts; addedOn?: string }
  | ({ kind: 'add-action'; addedOn?: string } & ActionData)
  | { kind: 'adopt'; adoptedOn: string }
  | { kind: 'report-progress'; actionId: string; value: number; on: string; comment: string | null }
  | {
      kind: 'measure-by-pathway';
      actionId: string;
      pathwayId: string;
      measure: PathwayMeasure;
      /** The pathway, as the handler read it from its stream. */
      pathway: { opened: boolean };
      linkedOn?: string;
    }
  | { kind: 'change-status'; actionId: string; status: ActionStatus; reason: string | null; changedOn?: string }
  | { kind: 'mid-year-review'; reviewedOn: string; summary: string }
  | { kind: 'close'; closedOn: string; openActions?: OpenActionDecision }
  | { kind: 'adjust-closed'; actionId: string | null; note: string; value: number | null; adjustedOn?: string };

export const actionPlanDecider: Decider<ActionPlanCommand, ActionPlanEvent, ActionPlanState> = {
  initialState: () => ({
    drafted: false,
    year: null,
    draftedOn: null,
    adoptedOn: null,
    closedOn: null,
    adopted: false,
    closed: false,
    priorities: new Set(),
    actions: new Map(),
  }),
  evolve(s, e) {
    switch (e.type) {
      case 'ActionPlanDrafted':
        return { ...s, drafted: true, year: e.data.year, draftedOn: dayOf(e.occurredAt) };
      case 'PriorityAdded':
        return { ...s, priorities: new Set(s.priorities).add(e.data.priorityId) };
      case 'ActionAdded':
        return { ...s, actions: new Map(s.actions).set(e.data.actionId, { status: 'PLANNED' }) };
      case 'ActionPlanAdopted':
        return { ...s, adopted: true, adoptedOn: e.data.adoptedOn };
      case 'ActionStatusChanged':
        return { ...s, actions: new Map(s.actions).set(e.data.actionId, { ...s.actions.get(e.data.actionId), status: e.data.status }) };
      case 'ActionMeasuredByPathway': {
        const { pathwayId, measure } = e.data;
        const a = s.actions.get(e.data.actionId) ?? { status: 'PLANNED' };
        return { ...s, actions: new Map(s.actions).set(e.data.actionId, { ...a, measuredBy: { pathwayId, measure } }) };
      }
      case 'ActionPlanClosed': {
        const actions = new Map(s.actions);
        for (const o of e.data.openActions ?? [])
          actions.set(o.actionId, { ...actions.get(o.actionId), status: o.decision === 'ABANDONED' ? 'ABANDONED' : o.previousStatus });
        return { ...s, closed: true, closedOn: e.data.closedOn, actions };
      }
      default:
        return s;
    }
  },
  decide(c, s, { now }) {
    if (c.kind === 'draft') {
      if (s.drafted) throw new DomainError('PLAN_EXISTS', `the ${c.year} action plan is already drafted`, 'conflict');
      if (!c.diagnostic.published)
        throw new DomainError(
          'DIAGNOSTIC_NOT_PUBLISHED',
          `the ${c.diagnosticYear} diagnostic of this agency is not published`,
          'rule',
          'diagnosticYear',
        );
      // A plan is prepared from the autumn before its year, and drafted by its end.
      const dated = factOn(c.draftedOn, now, 'draftedOn', {
        notBefore: { day: `${c.year - 1}-01-01`, code: 'OUTSIDE_PLAN_PERIOD', why: `1 January ${c.year - 1}` },
        notAfter: { day: `${c.year}-12-31`, code: 'OUTSIDE_PLAN_PERIOD', why: `the end of ${c.year}` },
      });
      return [
        {
          type: 'ActionPlanDrafted',
          data: { safir: c.safir, year: c.year, diagnosticYear: c.diagnosticYear, diagnosticCoConstructed: c.diagnostic.coConstructed },
          ...dated,
        },
      ];
    }
    if (!s.drafted) throw new DomainError('PLAN_NOT_FOUND', 'no action plan drafted for this agency and year', 'not_found');
    const afterDraft = { day: s.draftedOn, code: 'DATE_BEFORE_DRAFT', why: 'the day the plan was drafted' };
    const yearEnd = { day: `${s.year}-12-31`, code: 'OUTSIDE_PLAN_PERIOD', why: `the end of ${s.year}` };
    if (c.kind === 'adjust-closed') {
      if (!s.closed) throw new DomainError('PLAN_NOT_CLOSED', 'adjustments are for closed plans; report progress instead', 'rule');
      if (c.actionId && !s.actions.has(c.actionId))
        throw new DomainError('ACTION_NOT_FOUND', `no action ${c.actionId}`, 'not_found', 'actionId');
      const dated = factOn(c.adjustedOn, now, 'adjustedOn', {
        notBefore: { day: s.closedOn, code: 'DATE_BEFORE_CLOSE', why: 'the day the plan was closed' },
      });
      return [{ type: 'ClosedPlanAdjusted', data: { planYear: s.year!, actionId: c.actionId, note: c.note, value: c.value }, ...dated }];
    }
    if (s.closed) throw new DomainError('PLAN_CLOSED', `the ${s.year} plan is closed: record an adjustment that names it instead`, 'rule');
    const action = 'actionId' in c && c.actionId ? s.actions.get(c.actionId) : undefined;
    switch (c.kind) {
      case 'add-priority': {
        if (s.priorities.has(c.priorityId))
          throw new DomainError('PRIORITY_EXISTS', `priority ${c.priorityId} exists`, 'conflict', 'priorityId');
        if (c.findingIds.length === 0)
          throw new DomainError('NO_FINDING_CITED', 'a priority must cite at least one finding of the diagnostic', 'rule', 'findingIds');
        const unknown = c.findingIds.filter((f) => !c.diagnostic.findingIds.includes(f));
        if (unknown.length)
          throw new DomainError('UNKNOWN_FINDING', `not findings of the linked diagnostic: ${unknown.join(', ')}`, 'rule', 'findingIds');
        const dated = factOn(c.addedOn, now, 'addedOn', { notBefore: afterDraft, notAfter: yearEnd });
        return [{ type: 'PriorityAdded', data: { priorityId: c.priorityId, title: c.title, findingIds: c.findingIds }, ...dated }];
      }
      case 'add-action': {
        if (s.actions.has(c.actionId)) throw new DomainError('ACTION_EXISTS', `action ${c.actionId} exists`, 'conflict', 'actionId');
        if (!s.priorities.has(c.priorityId))
          throw new DomainError('PRIORITY_NOT_FOUND', `no priority ${c.priorityId}`, 'rule', 'priorityId');
        if (c.dueDate < c.startDate) throw new DomainError('DUE_BEFORE_START', 'the due date is before the start date', 'rule', 'dueDate');
        if (!c.dueDate.startsWith(String(s.year)) && !c.dueDateReason) {
          throw new DomainError('DUE_OUTSIDE_YEAR', `the due date falls outside ${s.year}: give a reason`, 'rule', 'dueDateReason');
        }
        if (c.indicator.target === c.indicator.baseline)
          throw new DomainError('TARGET_EQUALS_BASELINE', 'the target must differ from the baseline', 'rule', 'indicator.target');
        const { kind: _k, addedOn, ...data } = c;
        return [{ type: 'ActionAdded', data, ...factOn(addedOn, now, 'addedOn', { notBefore: afterDraft, notAfter: yearEnd }) }];
      }
      case 'adopt': {
        if (s.adopted) throw new DomainError('ALREADY_ADOPTED', 'the plan is already adopted', 'rule');
        if (s.actions.size === 0) throw new DomainError('EMPTY_PLAN', 'a plan needs at least one action to be adopted', 'rule');
        const dated = factOn(c.adoptedOn, now, 'date', { notBefore: afterDraft, notAfter: yearEnd });
        return [{ type: 'ActionPlanAdopted', data: { adoptedOn: c.adoptedOn }, ...dated }];
      }
      case 'report-progress': {
        if (!action) throw new DomainError('ACTION_NOT_FOUND', `no action ${c.actionId}`, 'not_found', 'actionId');
        if (action.status === 'ABANDONED')
          throw new DomainError('ACTION_ABANDONED', 'no progress can be reported on an abandoned action', 'rule', 'actionId');
        if (action.measuredBy)
          throw new DomainError(
            'ACTION_MEASURED_BY_PATHWAY',
            `the action's values come from the cohorts of pathway ${action.measuredBy.pathwayId}: record them there`,
            'rule',
            'actionId',
          );
        if (!Number.isFinite(c.value)) throw new DomainError('INVALID_VALUE', 'value must be a number', 'rule', 'value');
        const dated = factOn(c.on, now, 'on', { notBefore: afterDraft, inYear: { year: s.year!, code: 'OUTSIDE_PLAN_YEAR' } });
        return [{ type: 'ProgressReported', data: { actionId: c.actionId, value: c.value, on: c.on, comment: c.comment }, ...dated }];
      }
      case 'measure-by-pathway': {
        if (!action) throw new DomainError('ACTION_NOT_FOUND', `no action ${c.actionId}`, 'not_found', 'actionId');
        if (action.status === 'ABANDONED')
          throw new DomainError('ACTION_ABANDONED', 'an abandoned action is measured no more', 'rule', 'actionId');
        if (!c.pathway.opened) throw new DomainError('UNKNOWN_PATHWAY', `no pathway ${c.pathwayId} in this agency`, 'rule', 'pathwayId');
        // The same link again changes nothing, whatever day it is asked on (a retry, a past year's plan).
        if (action.measuredBy?.pathwayId === c.pathwayId && action.measuredBy.measure === c.measure) return [];
        const dated = factOn(c.linkedOn, now, 'linkedOn', { notBefore: afterDraft, notAfter: yearEnd });
        return [{ type: 'ActionMeasuredByPathway', data: { actionId: c.actionId, pathwayId: c.pathwayId, measure: c.measure }, ...dated }];
      }
      case 'change-status':
        if (!action) throw new DomainError('ACTION_NOT_FOUND', `no action ${c.actionId}`, 'not_found', 'actionId');
        if (['ABANDONED', 'BLOCKED', 'PAUSED'].includes(c.status) && !c.reason)
          throw new DomainError('REASON_REQUIRED', `say why the action is ${c.status.toLowerCase()}`, 'rule', 'reason');
        if (action.status === c.status) return [];
        return [
          {
            type: 'ActionStatusChanged',
            data: { actionId: c.actionId, status: c.status, reason: c.reason },
            ...factOn(c.changedOn, now, 'changedOn', { notBefore: afterDraft }),
          },
        ];
      case 'mid-year-review': {
        if (!s.adopted) throw new DomainError('NOT_ADOPTED', 'a mid-year review needs an adopted plan', 'rule');
        const dated = factOn(c.reviewedOn, now, 'reviewedOn', {
          notBefore: { day: s.adoptedOn, code: 'DATE_BEFORE_ADOPTION', why: 'the day the plan was adopted' },
          inYear: { year: s.year!, code: 'OUTSIDE_PLAN_YEAR' },
        });
        return [{ type: 'MidYearReviewRecorded', data: { reviewedOn: c.reviewedOn, summary: c.summary }, ...dated }];
      }
      case 'close': {
        const dated = factOn(c.closedOn, now, 'date', { notBefore: afterDraft });
        const open = [...s.actions].filter(([, a]) => !FINAL_STATUSES.includes(a.status));
        if (open.length && !c.openActions) {
          throw new DomainError(
            'OPEN_ACTIONS',
            `${open.length} action(s) are not done or abandoned (${open.map(([id]) => id).join(', ')}): finish them, or say whether the close abandons them or carries them over to next year's plan`,
            'rule',
            'openActions',
          );
        }
        const openActions = open.map(([actionId, a]) => ({ actionId, previousStatus: a.status, decision: c.openActions! }));
        return [{ type: 'ActionPlanClosed', data: { closedOn: c.closedOn, ...(openActions.length ? { openActions } : {}) }, ...dated }];
      }
    }
  },
};
