import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Fund1764000003000 implements MigrationInterface {
  name = 'Fund1764000003000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE fund_envelopes (
      safir text, year integer, region text NOT NULL, "envelopeCents" bigint NOT NULL, "authorisedOverCents" bigint NOT NULL,
      "committedCents" bigint NOT NULL, "paidCents" bigint NOT NULL, "releasedCents" bigint NOT NULL, "mobilityCents" bigint NOT NULL,
      "mobilityLeavingBasinCents" bigint NOT NULL, "committedByCategory" jsonb NOT NULL, "committedByRoute" jsonb NOT NULL,
      commitments integer NOT NULL, closed boolean NOT NULL, PRIMARY KEY (safir, year))`);
    await q.query(`CREATE INDEX fund_envelopes_year_region ON fund_envelopes (year, region)`);
    await q.query(`CREATE TABLE fund_months (
      safir text, year integer, month text, "envelopeDeltaCents" bigint NOT NULL, "committedCents" bigint NOT NULL,
      "paidCents" bigint NOT NULL, "releasedCents" bigint NOT NULL, "committedByCategory" jsonb NOT NULL,
      "committedByRoute" jsonb NOT NULL, PRIMARY KEY (safir, year, month))`);
    await q.query(`CREATE TABLE fund_commitments (
      safir text, year integer, "commitmentId" text, category text NOT NULL, route text NOT NULL, "amountCents" bigint NOT NULL,
      "paidCents" bigint NOT NULL, "releasedCents" bigint NOT NULL, "beneficiaryPartnerId" text, "planActionId" text,
      rationale text NOT NULL, mobility jsonb, "committedAt" text NOT NULL, "recordedBy" text NOT NULL,
      PRIMARY KEY (safir, year, "commitmentId"))`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fund_commitments`);
    await q.query(`DROP TABLE fund_months`);
    await q.query(`DROP TABLE fund_envelopes`);
  }
}
