import type { WhenItHappened } from '@ancrage/shared-kernel';

/** The "5%": the share of the regional intervention budget left to local initiative. Cents only. */
export const EXPENDITURE_CATEGORIES = [
  'DEROGATORY_MOBILITY_AID',
  'LOCAL_SERVICE_PURCHASE',
  'SPECIFIC_PUBLIC_ACTION',
  'INNOVATIVE_PROJECT',
  'PARTNER_SUBSIDY',
] as const;
export type ExpenditureCategory = (typeof EXPENDITURE_CATEGORIES)[number];

export const FUNDING_ROUTES = ['PUBLIC_PROCUREMENT', 'SUBSIDY'] as const;
export type FundingRoute = (typeof FUNDING_ROUTES)[number];

/** The criterion a derogatory mobility aid relaxes (the study's list). */
export const RELAXED_CRITERIA = ['RESOURCES', 'CONTRACT_LENGTH', 'MINIMUM_DISTANCE', 'NATURE_OF_EXPENSES'] as const;
export type RelaxedCriterion = (typeof RELAXED_CRITERIA)[number];

export interface MobilityDetails {
  relaxedCriterion: RelaxedCriterion;
  leavesEmploymentBasin: boolean;
}

export interface ExpenditureCommittedData {
  commitmentId: string;
  category: ExpenditureCategory;
  route: FundingRoute;
  amountCents: number;
  beneficiaryPartnerId: string | null;
  planActionId: string | null;
  rationale: string;
  mobility: MobilityDetails | null;
}

export type FundEvent = WhenItHappened<
  | { type: 'EnvelopeAllocated'; data: { safir: string; year: number; region: string; amountCents: number } }
  | { type: 'EnvelopeAdjusted'; data: { deltaCents: number; reason: string } }
  | { type: 'ExpenditureCommitted'; data: ExpenditureCommittedData }
  /** A manager asks the region's director for room beyond the envelope. */
  | { type: 'OverCommitmentRequested'; data: { requestId: string; amountCents: number; reason: string; requestedBy: string } }
  /** `requestId` names the request it answers (absent in events recorded before requests existed). */
  | { type: 'OverCommitmentAuthorised'; data: { amountCents: number; reason: string; authorisedBy: string; requestId?: string | null } }
  | { type: 'OverCommitmentRefused'; data: { requestId: string; reason: string; refusedBy: string } }
  | { type: 'PaymentRecorded'; data: { commitmentId: string; paymentId: string; amountCents: number } }
  | { type: 'CommitmentReleased'; data: { commitmentId: string; releasedCents: number; reason: string } }
  /** A payment recorded in error, compensated: it names the event it corrects, which stays in history. */
  | {
      type: 'PaymentCorrected';
      data: {
        commitmentId: string;
        paymentId: string;
        correctsEventId: string;
        previousCents: number;
        correctedCents: number;
        reason: string;
      };
    }
  | { type: 'FundYearClosed'; data: { reason: string } }
>;

export const FUND_EVENT_TYPES = [
  'EnvelopeAllocated',
  'EnvelopeAdjusted',
  'ExpenditureCommitted',
  'OverCommitmentRequested',
  'OverCommitmentAuthorised',
  'OverCommitmentRefused',
  'PaymentRecorded',
  'CommitmentReleased',
  'PaymentCorrected',
  'FundYearClosed',
] as const;

export const fundStream = (safir: string, year: number) => `fund-${safir}-${year}`;
