import type { PathwayMeasure, ServiceOffer, WhenItHappened } from '@ancrage/shared-kernel';
/** The study's levers (end of the study), one per action. */
export const LEVERS = [
  'INTERNAL_MOBILISATION',
  'PARTNER_CO_CONSTRUCTION',
  'COMBINING_SERVICE_OFFER_SEGMENTS',
  'INTENSIVE_SUPPORT',
  'TRAINING',
  'EMPLOYER_PROSPECTING_AND_PROFILE_PROMOTION',
  'SPECIFIC_INITIATIVES_FUNDED_BY_5_PERCENT',
  'COMMUNICATION_TO_EMPLOYERS_AND_PARTNERS',
  'MANAGER_PROACTIVITY',
  'JOB_SEEKER_EMPLOYER_ADVISER_SYNERGY',
  'OPEN_PREMISES',
] as const;
export type Lever = (typeof LEVERS)[number];
export const ACTION_STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE', 'PAUSED', 'ABANDONED', 'BLOCKED'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface Indicator {
  name: string;
  unit: string;
  baseline: number;
  target: number;
}

/** Statuses that end an action: a plan closes only when every action has one, or says what becomes of the others. */
export const FINAL_STATUSES: readonly ActionStatus[] = ['DONE', 'ABANDONED'];

/** What a close does with an action still open: it is abandoned, or carried over to next year's plan. */
export const OPEN_ACTION_DECISIONS = ['ABANDONED', 'CARRIED_OVER'] as const;
export type OpenActionDecision = (typeof OPEN_ACTION_DECISIONS)[number];
/** What the read side shows of an action: its status, or what the plan's close did with it. */
export const SHOWN_ACTION_STATUSES = [...ACTION_STATUSES, 'CARRIED_OVER'] as const;
export interface OpenActionOutcome {
  actionId: string;
  previousStatus: ActionStatus;
  decision: OpenActionDecision;
}

export interface ActionData {
  actionId: string;
  priorityId: string;
  title: string;
  lever: Lever;
  owner: string;
  partnerIds: string[];
  startDate: string;
  dueDate: string;
  dueDateReason: string | null;
  indicator: Indicator;
  /** The service offer the action mobilises; absent from actions added before it was asked. */
  services?: ServiceOffer[];
}

export type ActionPlanEvent = WhenItHappened<
  | { type: 'ActionPlanDrafted'; data: { safir: string; year: number; diagnosticYear: number; diagnosticCoConstructed: boolean } }
  | { type: 'PriorityAdded'; data: { priorityId: string; title: string; findingIds: string[] } }
  | { type: 'ActionAdded'; data: ActionData }
  | { type: 'ActionPlanAdopted'; data: { adoptedOn: string } }
  | { type: 'ProgressReported'; data: { actionId: string; value: number; on: string; comment: string | null } }
  /** From then on the action's values are the pathway's (its cohorts of the plan year), not reported by hand. */
  | { type: 'ActionMeasuredByPathway'; data: { actionId: string; pathwayId: string; measure: PathwayMeasure } }
  | { type: 'ActionStatusChanged'; data: { actionId: string; status: ActionStatus; reason: string | null } }
  | { type: 'MidYearReviewRecorded'; data: { reviewedOn: string; summary: string } }
  | { type: 'ActionPlanClosed'; data: { closedOn: string; openActions?: OpenActionOutcome[] } }
  | { type: 'ClosedPlanAdjusted'; data: { planYear: number; actionId: string | null; note: string; value: number | null } }
>;

export const ACTION_PLAN_EVENT_TYPES = [
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
] as const;
export const actionPlanStream = (safir: string, year: number) => `action-plan-${safir}-${year}`;
