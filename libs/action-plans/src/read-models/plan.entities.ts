import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('action_plans')
export class ActionPlanRow {
  @PrimaryColumn('text') safir: string;
  @PrimaryColumn('integer') year: number;
  @Column('text', { nullable: true }) region: string | null;
  @Column('text') status: string;
  @Column('text', { nullable: true }) adoptedOn: string | null;
  @Column('text', { nullable: true }) closedOn: string | null;
  @Column('integer') diagnosticYear: number;
  @Column('boolean') diagnosticCoConstructed: boolean;
  @Column('jsonb') priorities: { priorityId: string; title: string; findingIds: string[] }[];
  @Column('jsonb') reviews: { reviewedOn: string; summary: string }[];
  @Column('jsonb') adjustments: { actionId: string | null; note: string; value: number | null; recordedAt: string }[];
}

@Entity('plan_actions')
export class PlanActionRow {
  @PrimaryColumn('text') safir: string;
  @PrimaryColumn('integer') year: number;
  @PrimaryColumn('text') actionId: string;
  @Column('text') priorityId: string;
  @Column('text') title: string;
  @Column('text') lever: string;
  @Column('text') owner: string;
  @Column('jsonb') partnerIds: string[];
  @Column('jsonb') services: string[];
  @Column('text') startDate: string;
  @Column('text') dueDate: string;
  @Column('text') indicatorName: string;
  @Column('text') unit: string;
  @Column('double precision') baseline: number;
  @Column('double precision') target: number;
  @Column('text') status: string;
  @Column('double precision', { nullable: true }) latestValue: number | null;
  @Column('text', { nullable: true }) latestOn: string | null;
  /** The pathway whose cohorts give the action its values (then latestValue and the progress rows stay empty). */
  @Column('jsonb', { nullable: true }) measuredBy: { pathwayId: string; measure: string } | null;
}

/** The latest value reported for an action in a month: the month-by-month progress series. */
@Entity('plan_action_progress')
export class PlanActionProgressRow {
  @PrimaryColumn('text') safir: string;
  @PrimaryColumn('integer') year: number;
  @PrimaryColumn('text') actionId: string;
  @PrimaryColumn('text') month: string;
  @Column('double precision') value: number;
  @Column('text') on: string;
}

@Entity('plan_agencies')
export class PlanAgencyRow {
  @PrimaryColumn('text') safir: string;
  @Column('text') region: string;
}
