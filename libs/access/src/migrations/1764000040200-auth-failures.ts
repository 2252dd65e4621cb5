import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Authentication failures per address, shared by every API process (unlogged: a crash may forget them). */
export class AuthFailures1764000040200 implements MigrationInterface {
  name = 'AuthFailures1764000040200';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNLOGGED TABLE auth_failures (address text NOT NULL, failed_at timestamptz NOT NULL DEFAULT clock_timestamp())`);
    await q.query(`CREATE INDEX auth_failures_address ON auth_failures (address, failed_at)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE auth_failures`);
  }
}
