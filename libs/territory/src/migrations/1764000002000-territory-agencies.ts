import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TerritoryAgencies1764000002000 implements MigrationInterface {
  name = 'TerritoryAgencies1764000002000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE territory_agencies (
      safir text PRIMARY KEY, name text NOT NULL, region text NOT NULL, department text NOT NULL,
      "employmentBasin" text NOT NULL, "areaType" text NOT NULL, "registeredAt" text NOT NULL,
      "contextEffectiveDate" text, figures jsonb, "contextClass" text, classification jsonb)`);
    await q.query(`CREATE INDEX territory_agencies_region ON territory_agencies (region)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE territory_agencies`);
  }
}
