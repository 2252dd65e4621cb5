import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Over-commitment requests, and each commitment's payments (fund-consumption v2 folds them; its rebuild fills them). */
export class FundRequests1764000040000 implements MigrationInterface {
  name = 'FundRequests1764000040000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE fund_over_commitment_requests (
      safir text, year integer, "requestId" text, region text NOT NULL, "amountCents" bigint NOT NULL, reason text NOT NULL,
      "requestedBy" text NOT NULL, "requestedAt" text NOT NULL, status text NOT NULL, "authorisedCents" bigint,
      "answeredBy" text, "answeredAt" text, answer text, PRIMARY KEY (safir, year, "requestId"))`);
    await q.query(`CREATE INDEX fund_requests_region_status ON fund_over_commitment_requests (region, status)`);
    await q.query(`ALTER TABLE fund_commitments ADD COLUMN payments jsonb NOT NULL DEFAULT '[]'`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fund_commitments DROP COLUMN payments`);
    await q.query(`DROP TABLE fund_over_commitment_requests`);
  }
}
