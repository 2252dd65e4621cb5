import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ActionPlans1764000006000 implements MigrationInterface {
  name = 'ActionPlans1764000006000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE action_plans (safir text, year integer, region text, status text NOT NULL, "adoptedOn" text, "closedOn" text,
      "diagnosticYear" integer NOT NULL, "diagnosticCoConstructed" boolean NOT NULL, priorities jsonb NOT NULL, reviews jsonb NOT NULL,
      adjustments jsonb NOT NULL, PRIMARY KEY (safir, year))`);
    await q.query(`CREATE INDEX action_plans_year_region ON action_plans (year, region)`);
    await q.query(`CREATE TABLE plan_actions (safir text, year integer, "actionId" text, "priorityId" text NOT NULL, title text NOT NULL,
      lever text NOT NULL, owner text NOT NULL, "partnerIds" jsonb NOT NULL, "startDate" text NOT NULL, "dueDate" text NOT NULL,
      "indicatorName" text NOT NULL, unit text NOT NULL, baseline double precision NOT NULL, target double precision NOT NULL,
      status text NOT NULL, "latestValue" double precision, "latestOn" text, PRIMARY KEY (safir, year, "actionId"))`);
    await q.query(`CREATE TABLE plan_action_progress (safir text, year integer, "actionId" text, month text, value double precision NOT NULL,
      "on" text NOT NULL, PRIMARY KEY (safir, year, "actionId", month))`);
    await q.query(`CREATE TABLE plan_agencies (safir text PRIMARY KEY, region text NOT NULL)`);
  }
  async down(q: QueryRunner): Promise<void> {
    for (const t of ['plan_agencies', 'plan_action_progress', 'plan_actions', 'action_plans']) await q.query(`DROP TABLE ${t}`);
  }
}
