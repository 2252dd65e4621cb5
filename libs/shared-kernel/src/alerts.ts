/**
 * What someone should act on, computed from the read models for the scope of each user: shown in
 * the page's inbox and sent in e-mail digests. Each context that holds such facts is a source.
 */
export const ALERT_KINDS = [
  'OVER_COMMITMENT_PENDING',
  'AGREEMENT_EXPIRING',
  'ENVELOPE_RUNNING_OUT',
  'ACTION_LATE',
  'EXPECTATION_OPEN',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface Alert {
  kind: AlertKind;
  safir: string;
  region: string | null;
  /**
   * The day that makes it an alert: the agreement's end, the envelope's forecast exhaustion, the
   * action's due date, the day the expectation or the request was recorded.
   */
  on: string;
  /** What it is about, by name: the partner, the action's title; null for an envelope or a request. */
  subject: string | null;
  /** The thing's id in its agency: partnerId, actionId, requestId; the year for an envelope. */
  ref: string;
  year: number | null;
  /** The request's amount, or what is left of the envelope. */
  amountCents: number | null;
  /** The expectation, as its code. */
  code: string | null;
}

/** Whose alerts: a manager's agencies, a director's regions or the whole country. */
export interface AlertScope {
  national: boolean;
  regions: string[];
  agencies: string[];
}

export const isEmptyScope = (s: AlertScope) => !s.national && s.regions.length === 0 && s.agencies.length === 0;
