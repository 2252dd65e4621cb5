import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Span } from './strong-spans';

export interface ContextRevision {
  effectiveDate: string;
  class: 'FAVOURABLE' | 'INTERMEDIATE' | 'DIFFICULT';
  score: number;
}

export interface AgreementSpan {
  agreementId: string;
  startDate: string;
  endDate: string | null;
  terminatedOn: string | null;
}

@Entity('anchoring_agencies')
export class AnchoringAgencyRow {
  @PrimaryColumn('text') safir: string;
  @Column('text') name: string;
  @Column('text') region: string;
  @Column('text') employmentBasin: string;
  /** Every context revision, by the date it takes effect: a year reads the last one in force. */
  @Column('jsonb') contexts: ContextRevision[];
}

@Entity('anchoring_partners')
export class AnchoringPartnerRow {
  @PrimaryColumn('text') partnerId: string;
  @Column('integer') defaultCircle: number;
}

@Entity('anchoring_partnerships')
export class AnchoringPartnershipRow {
  @PrimaryColumn('text') safir: string;
  @PrimaryColumn('text') partnerId: string;
  /** Circle assigned by the agency; null means the partner category's default. */
  @Column('integer', { nullable: true }) circle: number | null;
  @Column('jsonb') agreements: AgreementSpan[];
  @Column('jsonb') assessments: { on: string; score: number }[];
}

@Entity('anchoring_joint_events')
export class AnchoringJointEventRow {
  @PrimaryColumn('text') safir: string;
  @PrimaryColumn('text') jointEventId: string;
  @Column('text') date: string;
  @Column('boolean') cancelled: boolean;
  /** Held with outcomes: only these count as initiated (a planned event may never take place). */
  @Column('boolean') held: boolean;
}

@Entity('anchoring_years')
export class AnchoringYearRow {
  @PrimaryColumn('text') safir: string;
  @PrimaryColumn('integer') year: number;
  @Column('boolean') diagnosticCoConstructed: boolean;
  /** 5% commitments of the year: category, amount and what was released of it, by commitment id. */
  @Column('jsonb') commitments: Record<string, { category: string; amountCents: number; releasedCents: number }>;
  /** Employer-prospecting actions of the year's plan, with whether they were abandoned. */
  @Column('jsonb') prospectingActions: Record<string, { abandoned: boolean }>;
  /** What the profile reads, kept beside the maps so it reads three numbers, not every commitment. */
  @Column('bigint') netCommittedCents: number;
  /** Of which on specific public actions or innovative projects. */
  @Column('bigint') targetedNetCents: number;
  @Column('integer') prospectingActionsKept: number;
  /** Meetings of the agency's local instances held in the year, and those it was represented at. */
  @Column('integer') instanceMeetings: number;
  @Column('integer') instanceMeetingsAttended: number;
}

/** The columns of a year the profile reads. */
export const YEAR_FIGURES = [
  'safir',
  'year',
  'diagnosticCoConstructed',
  'netCommittedCents',
  'targetedNetCents',
  'prospectingActionsKept',
  'instanceMeetings',
  'instanceMeetingsAttended',
] as const satisfies readonly (keyof AnchoringYearRow)[];
export type AnchoringYearFigures = Pick<AnchoringYearRow, (typeof YEAR_FIGURES)[number]>;

/**
 * One agency's strong priority partnerships: for each partner, the days it counts (circle 1–2,
 * active agreement, last score ≥ 3), kept by the fold so a profile of any date reads one row per
 * agency. Partners that never count are left out.
 */
@Entity('anchoring_strong_partnerships')
export class AnchoringStrongRow {
  @PrimaryColumn('text') safir: string;
  @Column('jsonb') spans: Record<string, Span[]>;
}
