import { Decider, DomainError, happenedBy } from '../../../shared-kernel/src';
import type { ActionData, ActionPlanEvent, ActionStatus } from './action-plan.events';

export interface ActionPlanState {
  drafted: boolean;
  year: number | null;
  adopted: boolean;
  closed: boolean;
  /** Keyed by ids the client chose: Maps, so an id such as `constructor` is just an id. */
  priorities: Set<string>;
  actions: Map<string, { status: ActionStatus }>;
}

/** The linked diagnostic, as the handler read it from the diagnostic's stream. */
export interface DiagnosticFacts {
  published: boolean;
  findingIds: string[];
  coConstructed: boolean;
}

export type ActionPlanCommand =
  | { kind: 'draft'; safir: string; year: number; diagnosticYear: number; diagnostic: DiagnosticFacts }
  | { kind: 'add-priority'; priorityId: string; title: string; findingIds: string[]; diagnostic: DiagnosticFacts }
  | ({ kind: 'add-action' } & ActionData)
  | { kind: 'adopt'; adoptedOn: string }
  | { kind: 'report-progress'; actionId: string; value: number; on: string; comment: string | null }
  | { kind: 'change-status'; actionId: string; status: ActionStatus; reason: string | null }
  | { kind: 'mid-year-review'; reviewedOn: string; summary: string }
  | { kind: 'close'; closedOn: string }
  | { kind: 'adjust-closed'; actionId: string | null; note: string; value: number | null };

export const actionPlanDecider: Decider<ActionPlanCommand, ActionPlanEvent, ActionPlanState> = {
  initialState: () => ({ drafted: false, year: null, adopted: false, closed: false, priorities: new Set(), actions: new Map() }),
  evolve(s, e) {
    switch (e.type) {
      case 'ActionPlanDrafted':
        return { ...s, drafted: true, year: e.data.year };
      case 'PriorityAdded':
        return { ...s, priorities: new Set(s.priorities).add(e.data.priorityId) };
      case 'ActionAdded':
        return { ...s, actions: new Map(s.actions).set(e.data.actionId, { status: 'PLANNED' }) };
      case 'ActionPlanAdopted':
        return { ...s, adopted: true };
      case 'ActionStatusChanged':
        return { ...s, actions: new Map(s.actions).set(e.data.actionId, { status: e.data.status }) };
      case 'ActionPlanClosed':
        return { ...s, closed: true };
      default:
        return s;
    }
  },
  decide(c, s, { now }) {
    if (c.kind === 'draft') {
      if (s.drafted) throw new DomainError('PLAN_EXISTS', `the ${c.year} action plan is already drafted`, 'conflict');
      if (!c.diagnostic.published) throw new DomainError('DIAGNOSTIC_NOT_PUBLISHED', `the ${c.diagnosticYear} diagnostic of this agency is not published`, 'rule', 'diagnosticYear');
      return [{ type: 'ActionPlanDrafted', data: { safir: c.safir, year: c.year, diagnosticYear: c.diagnosticYear, diagnosticCoConstructed: c.diagnostic.coConstructed } }];
    }
    if (!s.drafted) throw new DomainError('PLAN_NOT_FOUND', 'no action plan drafted for this agency and year', 'not_found');
    if (c.kind === 'adjust-closed') {
      if (!s.closed) throw new DomainError('PLAN_NOT_CLOSED', 'adjustments are for closed plans; report progress instead', 'rule');
      if (c.actionId && !s.actions.has(c.actionId)) throw new DomainError('ACTION_NOT_FOUND', `no action ${c.actionId}`, 'not_found', 'actionId');
      return [{ type: 'ClosedPlanAdjusted', data: { planYear: s.year!, actionId: c.actionId, note: c.note, value: c.value } }];
    }
    if (s.closed) throw new DomainError('PLAN_CLOSED', `the ${s.year} plan is closed: record an adjustment that names it instead`, 'rule');
    const action = 'actionId' in c && c.actionId ? s.actions.get(c.actionId) : undefined;
    switch (c.kind) {
      case 'add-priority': {
        if (s.priorities.has(c.priorityId)) throw new DomainError('PRIORITY_EXISTS', `priority ${c.priorityId} exists`, 'conflict', 'priorityId');
        if (c.findingIds.length === 0) throw new DomainError('NO_FINDING_CITED', 'a priority must cite at least one finding of the diagnostic', 'rule', 'findingIds');
        const unknown = c.findingIds.filter((f) => !c.diagnostic.findingIds.includes(f));
        if (unknown.length) throw new DomainError('UNKNOWN_FINDING', `not findings of the linked diagnostic: ${unknown.join(', ')}`, 'rule', 'findingIds');
        return [{ type: 'PriorityAdded', data: { priorityId: c.priorityId, title: c.title, findingIds: c.findingIds } }];
      }
      case 'add-action': {
        if (s.actions.has(c.actionId)) throw new DomainError('ACTION_EXISTS', `action ${c.actionId} exists`, 'conflict', 'actionId');
        if (!s.priorities.has(c.priorityId)) throw new DomainError('PRIORITY_NOT_FOUND', `no priority ${c.priorityId}`, 'rule', 'priorityId');
        if (c.dueDate < c.startDate) throw new DomainError('DUE_BEFORE_START', 'the due date is before the start date', 'rule', 'dueDate');
        if (!c.dueDate.startsWith(String(s.year)) && !c.dueDateReason) {
          throw new DomainError('DUE_OUTSIDE_YEAR', `the due date falls outside ${s.year}: give a reason`, 'rule', 'dueDateReason');
        }
        if (c.indicator.target === c.indicator.baseline) throw new DomainError('TARGET_EQUALS_BASELINE', 'the target must differ from the baseline', 'rule', 'indicator.target');
        const { kind: _k, ...data } = c;
        return [{ type: 'ActionAdded', data }];
      }
      case 'adopt':
        if (s.adopted) throw new DomainError('ALREADY_ADOPTED', 'the plan is already adopted', 'rule');
        if (s.actions.size === 0) throw new DomainError('EMPTY_PLAN', 'a plan needs at least one action to be adopted', 'rule');
        return [{ type: 'ActionPlanAdopted', data: { adoptedOn: c.adoptedOn } }];
      case 'report-progress':
        if (!action) throw new DomainError('ACTION_NOT_FOUND', `no action ${c.actionId}`, 'not_found', 'actionId');
        if (action.status === 'ABANDONED') throw new DomainError('ACTION_ABANDONED', 'no progress can be reported on an abandoned action', 'rule', 'actionId');
        if (!Number.isFinite(c.value)) throw new DomainError('INVALID_VALUE', 'value must be a number', 'rule', 'value');
        happenedBy(c.on, now, 'on');
        return [{ type: 'ProgressReported', data: { actionId: c.actionId, value: c.value, on: c.on, comment: c.comment }, occurredAt: `${c.on}T12:00:00.000Z` }];
      case 'change-status':
        if (!action) throw new DomainError('ACTION_NOT_FOUND', `no action ${c.actionId}`, 'not_found', 'actionId');
        if (['ABANDONED', 'BLOCKED', 'PAUSED'].includes(c.status) && !c.reason) throw new DomainError('REASON_REQUIRED', `say why the action is ${c.status.toLowerCase()}`, 'rule', 'reason');
        return action.status === c.status ? [] : [{ type: 'ActionStatusChanged', data: { actionId: c.actionId, status: c.status, reason: c.reason } }];
      case 'mid-year-review':
        if (!s.adopted) throw new DomainError('NOT_ADOPTED', 'a mid-year review needs an adopted plan', 'rule');
        happenedBy(c.reviewedOn, now, 'reviewedOn');
        return [{ type: 'MidYearReviewRecorded', data: { reviewedOn: c.reviewedOn, summary: c.summary }, occurredAt: `${c.reviewedOn}T12:00:00.000Z` }];
      case 'close':
        return [{ type: 'ActionPlanClosed', data: { closedOn: c.closedOn } }];
    }
  },
};
