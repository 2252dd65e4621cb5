import { join } from 'node:path';
import { startEmbeddedPostgres } from '@ancrage/database';
import type { AppConfig } from '../config/app-config';
import { readServerState } from './server-state';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  /** True when this process created the embedded cluster: a brand-new, empty store. */
  freshlyCreated: boolean;
  /** The embedded server's data directory and port (null with DATABASE_URL). */
  embeddedAt: { dataDir: string; port: number } | null;
  /** Stops the embedded server if this process started (or adopted) it. */
  stop(): Promise<void>;
}

/**
 * The configured PostgreSQL, or the embedded one of the data directory. A CLI command next to a
 * running `serve` finds that server's database through the data directory (whatever port it was
 * started on), and says which database it uses when it has to start one itself.
 */
export async function openDatabase(config: AppConfig, log: (msg: string) => void = () => undefined): Promise<DatabaseHandle> {
  if (config.databaseUrl) return externalDatabase(config.databaseUrl);
  const dataDir = join(config.dataDir, 'postgres');
  const db = await startEmbeddedPostgres({ dataDir, port: config.embeddedPort, log });
  const server = readServerState(config.dataDir);
  if (db.startedBy !== null) {
    const by = server?.pid === db.startedBy ? `the Ancrage server running at ${server.url}` : 'another Ancrage command';
    log(`using the embedded PostgreSQL of ${config.dataDir} (port ${db.port}), started by ${by} (pid ${db.startedBy})`);
  } else if (db.owned && !db.created) {
    log(`no Ancrage server runs on ${config.dataDir}: embedded PostgreSQL started there on port ${db.port}, until this process ends`);
  }
  if (db.created) log(`no database yet in ${config.dataDir}: embedded PostgreSQL created there, on port ${db.port}`);
  return {
    url: db.url,
    embedded: true,
    freshlyCreated: db.created,
    embeddedAt: { dataDir: db.dataDir, port: db.port },
    stop: () => db.stop(),
  };
}

/** A database this process neither starts nor stops (DATABASE_URL, a test's or a bench's scratch database). */
export function externalDatabase(url: string, freshlyCreated = false): DatabaseHandle {
  return { url, embedded: false, freshlyCreated, embeddedAt: null, stop: () => Promise.resolve() };
}
