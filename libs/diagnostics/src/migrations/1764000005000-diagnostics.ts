import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Diagnostics1764000005000 implements MigrationInterface {
  name = 'Diagnostics1764000005000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE diagnostics (safir text, year integer, region text, revision integer NOT NULL, published boolean NOT NULL,
      "publishedRevision" integer, "coConstruction" text NOT NULL, "internalTeams" jsonb NOT NULL, partners jsonb NOT NULL,
      findings jsonb NOT NULL, sections jsonb NOT NULL, PRIMARY KEY (safir, year))`);
    await q.query(`CREATE TABLE diagnostic_revisions (safir text, year integer, revision integer, section text NOT NULL, text text NOT NULL,
      "keyFigures" jsonb NOT NULL, reason text, "recordedAt" text NOT NULL, "recordedBy" text NOT NULL, PRIMARY KEY (safir, year, revision))`);
    await q.query(`CREATE TABLE diagnostic_agencies (safir text PRIMARY KEY, region text NOT NULL)`);
  }
  async down(q: QueryRunner): Promise<void> {
    for (const t of ['diagnostic_agencies', 'diagnostic_revisions', 'diagnostics']) await q.query(`DROP TABLE ${t}`);
  }
}
