import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Anchoring1764000007000 implements MigrationInterface {
  name = 'Anchoring1764000007000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE anchoring_agencies (safir text PRIMARY KEY, name text NOT NULL, region text NOT NULL, "employmentBasin" text NOT NULL, contexts jsonb NOT NULL)`,
    );
    await q.query(`CREATE INDEX anchoring_agencies_region ON anchoring_agencies (region)`);
    await q.query(`CREATE TABLE anchoring_partners ("partnerId" text PRIMARY KEY, "defaultCircle" integer NOT NULL)`);
    await q.query(
      `CREATE TABLE anchoring_partnerships (safir text, "partnerId" text, circle integer, agreements jsonb NOT NULL, assessments jsonb NOT NULL, PRIMARY KEY (safir, "partnerId"))`,
    );
    await q.query(
      `CREATE TABLE anchoring_joint_events (safir text, "jointEventId" text, date text NOT NULL, cancelled boolean NOT NULL, PRIMARY KEY (safir, "jointEventId"))`,
    );
    await q.query(
      `CREATE TABLE anchoring_years (safir text, year integer, "diagnosticCoConstructed" boolean NOT NULL, commitments jsonb NOT NULL, "prospectingActions" jsonb NOT NULL, PRIMARY KEY (safir, year))`,
    );
  }
  async down(q: QueryRunner): Promise<void> {
    for (const t of ['anchoring_years', 'anchoring_joint_events', 'anchoring_partnerships', 'anchoring_partners', 'anchoring_agencies'])
      await q.query(`DROP TABLE ${t}`);
  }
}
