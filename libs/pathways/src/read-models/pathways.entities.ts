import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('pathways_pathways')
export class PathwayRow {
  @PrimaryColumn('text') safir: string;
  @PrimaryColumn('text') pathwayId: string;
  @Column('text') name: string;
  @Column('jsonb') publics: string[];
  @Column('jsonb') partnerIds: string[];
  @Column('jsonb') services: string[];
  @Column('integer') yearlyReachTarget: number;
  @Column('double precision') employmentRateTarget: number;
  @Column('text', { nullable: true }) planActionId: string | null;
  @Column('text') openedOn: string;
  @Column('text', { nullable: true }) closedOn: string | null;
  @Column('text', { nullable: true }) closeReason: string | null;
}

/** A cohort with its latest outcomes to date. */
@Entity('pathways_cohorts')
export class CohortRow {
  @PrimaryColumn('text') safir: string;
  @PrimaryColumn('text') pathwayId: string;
  @PrimaryColumn('text') cohortId: string;
  @Column('text') startedOn: string;
  @Column('integer') entries: number;
  @Column('integer') exits: number;
  @Column('integer') employment: number;
  @Column('integer') training: number;
  @Column('text', { nullable: true }) outcomesOn: string | null;
}

/** Each record of a cohort's outcomes, so the rates can be drawn over time. */
@Entity('pathways_outcomes')
export class CohortOutcomesRow {
  @PrimaryColumn('text') safir: string;
  @PrimaryColumn('text') pathwayId: string;
  @PrimaryColumn('text') cohortId: string;
  @PrimaryColumn('text') on: string;
  @Column('integer') exits: number;
  @Column('integer') employment: number;
  @Column('integer') training: number;
}
