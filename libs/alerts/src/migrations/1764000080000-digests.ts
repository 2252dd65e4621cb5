import PgBoss from 'pg-boss';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APPLICATION_ROLE } from '@ancrage/database';

/** The schema pg-boss keeps its queues in. */
export const JOB_SCHEMA = 'pgboss';

/**
 * What each digest run sent (one row per user and period: the key that makes a doubled or retried
 * run send nothing twice), and pg-boss's queue tables, installed here so that the application role,
 * which may not create schemas, owns them and runs pg-boss with `migrate: false`.
 */
export class Digests1764000080000 implements MigrationInterface {
  name = 'Digests1764000080000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE digest_deliveries (
      user_id text NOT NULL, period text NOT NULL, cadence text NOT NULL, status text NOT NULL,
      email text, alert_count integer NOT NULL DEFAULT 0, alert_keys jsonb NOT NULL DEFAULT '[]',
      message_id text, decided_at timestamptz, PRIMARY KEY (user_id, period))`);
    await q.query(`CREATE INDEX digest_deliveries_period ON digest_deliveries (period, status)`);
    // pg-boss's own plan, without its BEGIN and COMMIT: this migration is already a transaction.
    const plan = PgBoss.getConstructionPlans(JOB_SCHEMA);
    // Nor its CREATE SCHEMA: the schema is made here for the application role, which may not create one.
    const body = plan
      .replace(/^\s*BEGIN;/, '')
      .replace(/COMMIT;\s*$/, '')
      .replace(new RegExp(`CREATE SCHEMA IF NOT EXISTS ${JOB_SCHEMA}\\s*;`), '');
    if (/^\s*BEGIN;|CREATE SCHEMA|COMMIT;\s*$/.test(body)) throw new Error('pg-boss construction plan: unexpected shape');
    const app = (await q.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [APPLICATION_ROLE])) as unknown[];
    await q.query(`CREATE SCHEMA ${JOB_SCHEMA}${app.length ? ` AUTHORIZATION ${APPLICATION_ROLE}` : ''}`);
    if (app.length) await q.query(`SET LOCAL ROLE ${APPLICATION_ROLE}`);
    await q.query(body);
    if (app.length) await q.query(`RESET ROLE`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA ${JOB_SCHEMA} CASCADE`);
    await q.query(`DROP TABLE digest_deliveries`);
  }
}
