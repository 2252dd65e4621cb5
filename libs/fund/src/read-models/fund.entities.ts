import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CentsBy = Record<string, number>;

/** One agency's fund for one year: the envelope and what has been done with it. */
@Entity('fund_envelopes')
export class FundEnvelopeRow {
  @PrimaryColumn('text') safir: string;
  @PrimaryColumn('integer') year: number;
  @Column('text') region: string;
  @Column('bigint') envelopeCents: number;
  @Column('bigint') authorisedOverCents: number;
  /** Committed minus released. */
  @Column('bigint') committedCents: number;
  @Column('bigint') paidCents: number;
  @Column('bigint') releasedCents: number;
  @Column('bigint') mobilityCents: number;
  @Column('bigint') mobilityLeavingBasinCents: number;
  @Column('jsonb') committedByCategory: CentsBy;
  @Column('jsonb') committedByRoute: CentsBy;
  @Column('integer') commitments: number;
  @Column('boolean') closed: boolean;
}

/** Flows of one month (by the date things happened: commitment date, payment date). */
@Entity('fund_months')
export class FundMonthRow {
  @PrimaryColumn('text') safir: string;
  @PrimaryColumn('integer') year: number;
  /** YYYY-MM */
  @PrimaryColumn('text') month: string;
  @Column('bigint') envelopeDeltaCents: number;
  @Column('bigint') committedCents: number;
  @Column('bigint') paidCents: number;
  @Column('bigint') releasedCents: number;
  @Column('jsonb') committedByCategory: CentsBy;
  @Column('jsonb') committedByRoute: CentsBy;
}

@Entity('fund_commitments')
export class FundCommitmentRow {
  @PrimaryColumn('text') safir: string;
  @PrimaryColumn('integer') year: number;
  @PrimaryColumn('text') commitmentId: string;
  @Column('text') category: string;
  @Column('text') route: string;
  @Column('bigint') amountCents: number;
  @Column('bigint') paidCents: number;
  @Column('bigint') releasedCents: number;
  @Column('text', { nullable: true }) beneficiaryPartnerId: string | null;
  @Column('text', { nullable: true }) planActionId: string | null;
  @Column('text') rationale: string;
  @Column('jsonb', { nullable: true }) mobility: { relaxedCriterion: string; leavesEmploymentBasin: boolean } | null;
  @Column('text') committedAt: string;
  @Column('text') recordedBy: string;
  /** Each payment with its current amount (after corrections), oldest first. */
  @Column('jsonb') payments: FundPaymentEntry[];
}

export interface FundPaymentEntry {
  paymentId: string;
  amountCents: number;
  paidAt: string;
  /** Set when a correction changed the amount first recorded. */
  recordedCents: number | null;
}

/** An over-commitment request and its answer: the director's inbox and the manager's follow-up. */
@Entity('fund_over_commitment_requests')
export class FundRequestRow {
  @PrimaryColumn('text') safir: string;
  @PrimaryColumn('integer') year: number;
  @PrimaryColumn('text') requestId: string;
  @Column('text') region: string;
  @Column('bigint') amountCents: number;
  @Column('text') reason: string;
  @Column('text') requestedBy: string;
  @Column('text') requestedAt: string;
  /** PENDING, AUTHORISED or REFUSED. */
  @Column('text') status: string;
  @Column('bigint', { nullable: true }) authorisedCents: number | null;
  @Column('text', { nullable: true }) answeredBy: string | null;
  @Column('text', { nullable: true }) answeredAt: string | null;
  @Column('text', { nullable: true }) answer: string | null;
}
