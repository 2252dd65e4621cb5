import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Spreadsheet imports: the file as uploaded, where its rehearsal or its import stands, and the
 * per-row report (every API process answers for any import; a stalled one is resumed by applying again,
 * and `run_token` names the one worker that may still write its progress).
 */
export class ImportRuns1764000080100 implements MigrationInterface {
  name = 'ImportRuns1764000080100';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE import_runs (
      import_id text PRIMARY KEY, safir text NOT NULL, kind text NOT NULL, file_name text NOT NULL, file_sha256 text NOT NULL,
      file bytea NOT NULL, user_id text NOT NULL, status text NOT NULL, total integer, done integer NOT NULL DEFAULT 0,
      report jsonb, applied_report jsonb, error text, run_token text, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX import_runs_agency ON import_runs (safir, created_at DESC)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_runs`);
  }
}
