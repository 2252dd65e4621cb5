import { mkdtempSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Jest loads its global setup outside the module map, so the aliases do not reach here.
// eslint-disable-next-line no-restricted-imports
import { startEmbeddedPostgres } from '../libs/database/src';

/**
 * Every PostgreSQL suite gets its own database on one server: the one DATABASE_URL names (CI uses
 * the machine's PostgreSQL 15), or else an embedded PostgreSQL started for this run.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.ANCRAGE_TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'ancrage-test-'));
  chmodSync(dir, 0o755);
  const db = await startEmbeddedPostgres({ dataDir: join(dir, 'pg') });
  process.env.ANCRAGE_TEST_ADMIN_URL = db.url;
  (globalThis as { __ANCRAGE_EMBEDDED__?: typeof db }).__ANCRAGE_EMBEDDED__ = db;
}
