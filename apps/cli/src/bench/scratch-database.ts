import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '@ancrage/database';

export interface ScratchDatabase {
  url: string;
  /** DATABASE_URL or embedded: what the figures were measured on. */
  server: 'DATABASE_URL' | 'embedded';
  drop(): Promise<void>;
}

/** A throw-away database on the configured server, or on an embedded one started for the run. */
export async function scratchDatabase(adminUrl: string | null, prefix: string): Promise<ScratchDatabase> {
  let embeddedStop: (() => Promise<void>) | undefined;
  let embeddedDir: string | undefined;
  if (!adminUrl) {
    embeddedDir = mkdtempSync(join(tmpdir(), `${prefix}-`));
    chmodSync(embeddedDir, 0o755);
    const db = await startEmbeddedPostgres({ dataDir: join(embeddedDir, 'pg') });
    adminUrl = db.url;
    embeddedStop = () => db.stop();
  }
  const dbName = `${prefix.replace(/-/g, '_')}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  return {
    url: url.toString(),
    server: embeddedStop ? 'embedded' : 'DATABASE_URL',
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
      await embeddedStop?.();
      if (embeddedDir) rmSync(embeddedDir, { recursive: true, force: true });
    },
  };
}
