import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Partnerships1764000004000 implements MigrationInterface {
  name = 'Partnerships1764000004000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE partners ("partnerId" text PRIMARY KEY, name text NOT NULL, category text NOT NULL, subkind text,
      "dataInclusionCode" text, siret text, scale text NOT NULL, "parentPartnerId" text, "defaultCircle" integer NOT NULL, closed boolean NOT NULL)`);
    await q.query(`CREATE TABLE partnerships (safir text, "partnerId" text, region text, circle integer, "circleReason" text,
      "agreementId" text, "agreementReference" text, "agreementFormal" boolean, "agreementObjectives" jsonb, "agreementStart" text,
      "agreementEnd" text, "agreementTerminatedOn" text, "lastScore" integer, "lastAssessedOn" text, "lastCriteria" jsonb,
      contacts integer NOT NULL, "openExpectations" integer NOT NULL, "addressedExpectations" integer NOT NULL, PRIMARY KEY (safir, "partnerId"))`);
    await q.query(`CREATE INDEX partnerships_region ON partnerships (region)`);
    await q.query(`CREATE TABLE partnership_months (safir text, "partnerId" text, month text, contacts integer NOT NULL,
      "jointEvents" integer NOT NULL, score integer, PRIMARY KEY (safir, "partnerId", month))`);
    await q.query(`CREATE TABLE joint_events (safir text, "jointEventId" text, kind text NOT NULL, date text NOT NULL, title text NOT NULL,
      "partnerIds" jsonb NOT NULL, publics jsonb NOT NULL, "planActionId" text, status text NOT NULL, outcomes jsonb, "cancelReason" text,
      PRIMARY KEY (safir, "jointEventId"))`);
    await q.query(`CREATE TABLE partnership_agencies (safir text PRIMARY KEY, region text NOT NULL)`);
  }
  async down(q: QueryRunner): Promise<void> {
    for (const t of ['partnership_agencies', 'joint_events', 'partnership_months', 'partnerships', 'partners'])
      await q.query(`DROP TABLE ${t}`);
  }
}
