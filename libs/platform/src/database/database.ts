import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../../database/src';
import type { AppConfig } from '../config/app-config';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  /** True when this process created the embedded cluster: a brand-new, empty store. */
  freshlyCreated: boolean;
  /** Stops the embedded server if this process started it. */
  stop(): Promise<void>;
}

/**
 * The configured PostgreSQL, or the embedded one. When another Ancrage process already runs the
 * embedded server on this data directory (a CLI next to `serve`), connect to it instead.
 */
export async function openDatabase(config: AppConfig, log: (msg: string) => void = () => undefined): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: false, freshlyCreated: false, stop: async () => undefined };
  }
  const dataDir = join(config.dataDir, 'postgres');
  const running = await runningEmbedded(config.embeddedPort);
  if (running) return { url: running, embedded: true, freshlyCreated: false, stop: async () => undefined };
  log(`no DATABASE_URL: starting embedded PostgreSQL in ${dataDir} on port ${config.embeddedPort}`);
  const db = await startEmbeddedPostgres({ dataDir, port: config.embeddedPort, log });
  return { url: db.url, embedded: true, freshlyCreated: db.created, stop: () => db.stop() };
}

async function runningEmbedded(port: number): Promise<string | null> {
  const url = `postgres://ancrage:ancrage@127.0.0.1:${port}/ancrage`;
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}
