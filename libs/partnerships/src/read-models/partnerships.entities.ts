import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('partners')
export class PartnerRow {
  @PrimaryColumn('text') partnerId: string;
  @Column('text') name: string;
  @Column('text') category: string;
  @Column('text', { nullable: true }) subkind: string | null;
  @Column('text', { nullable: true }) dataInclusionCode: string | null;
  @Column('text', { nullable: true }) siret: string | null;
  @Column('text') scale: string;
  @Column('text', { nullable: true }) parentPartnerId: string | null;
  @Column('integer') defaultCircle: number;
  @Column('boolean') closed: boolean;
}

/** One agency with one partner: circle, current agreement, latest assessment, activity counts. */
@Entity('partnerships')
export class PartnershipRow {
  @PrimaryColumn('text') safir: string;
  @PrimaryColumn('text') partnerId: string;
  @Column('text', { nullable: true }) region: string | null;
  @Column('integer', { nullable: true }) circle: number | null;
  @Column('text', { nullable: true }) circleReason: string | null;
  @Column('text', { nullable: true }) agreementId: string | null;
  @Column('text', { nullable: true }) agreementReference: string | null;
  @Column('boolean', { nullable: true }) agreementFormal: boolean | null;
  @Column('jsonb', { nullable: true }) agreementObjectives: string[] | null;
  @Column('jsonb', { nullable: true }) agreementServices: string[] | null;
  @Column('text', { nullable: true }) agreementStart: string | null;
  @Column('text', { nullable: true }) agreementEnd: string | null;
  @Column('text', { nullable: true }) agreementTerminatedOn: string | null;
  @Column('integer', { nullable: true }) lastScore: number | null;
  @Column('text', { nullable: true }) lastAssessedOn: string | null;
  @Column('jsonb', { nullable: true }) lastCriteria: Record<string, boolean> | null;
  @Column('integer') contacts: number;
  @Column('integer') openExpectations: number;
  @Column('integer') addressedExpectations: number;
  /** Every expectation recorded, open or addressed, oldest first. */
  @Column('jsonb') expectations: PartnerExpectationEntry[];
}

export interface PartnerExpectationEntry {
  expectationId: string;
  expectation: string;
  note: string | null;
  recordedAt: string;
  addressedAt: string | null;
  addressedNote: string | null;
}

@Entity('partnership_months')
export class PartnershipMonthRow {
  @PrimaryColumn('text') safir: string;
  @PrimaryColumn('text') partnerId: string;
  @PrimaryColumn('text') month: string;
  @Column('integer') contacts: number;
  @Column('integer') jointEvents: number;
  @Column('integer', { nullable: true }) score: number | null;
}

@Entity('joint_events')
export class JointEventRow {
  @PrimaryColumn('text') safir: string;
  @PrimaryColumn('text') jointEventId: string;
  @Column('text') kind: string;
  @Column('text') date: string;
  @Column('text') title: string;
  @Column('jsonb') partnerIds: string[];
  @Column('jsonb') publics: string[];
  @Column('text', { nullable: true }) planActionId: string | null;
  @Column('jsonb') services: string[];
  @Column('text') status: string;
  @Column('jsonb', { nullable: true }) outcomes: {
    jobSeekersPresent: number;
    employersPresent: number;
    candidatesPresented: number;
    hires: number;
  } | null;
  @Column('text', { nullable: true }) cancelReason: string | null;
}

/** Agencies' regions, learnt from territory's AgencyRegistered events (no cross-context reads). */
@Entity('partnership_agencies')
export class PartnershipAgencyRow {
  @PrimaryColumn('text') safir: string;
  @Column('text') region: string;
}

/**
 * Graphique 3's counts for one agency, kept by the fold so a national matrix reads one row per
 * agency instead of every partnership: per partner category, nine counts of partnerships, by
 * effective circle (1–3) and quality (good: last score ≥ 3, poor, not assessed), at
 * `(circle − 1) × 3 + quality`. A row version starts only where a count changes.
 */
@Entity('partnership_circle_counts')
export class PartnershipCircleCountsRow {
  @PrimaryColumn('text') safir: string;
  @Column('text', { nullable: true }) region: string | null;
  @Column('jsonb') byCategory: Record<string, number[]>;
}
