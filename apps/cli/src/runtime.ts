import { INestApplicationContext } from '@nestjs/common';
import { createAppContext } from '../../api/src';
import { AppConfig, DatabaseHandle, JsonLogger, loadConfig, openDatabase } from '../../../libs/platform/src';

/** Logs of CLI commands go to stderr, so stdout carries only the command's own output. */
export function cliLogger(config: AppConfig): JsonLogger {
  return new JsonLogger(config.logLevel === 'debug' ? 'debug' : 'warn', (line) => process.stderr.write(`${line}\n`));
}

/** Runs a command inside the application context (no HTTP, no projectors of its own). */
export async function withContext<T>(work: (ctx: INestApplicationContext, config: AppConfig) => Promise<T>, clock?: () => Date): Promise<T> {
  const config = { ...loadConfig(), runProjections: false };
  const logger = cliLogger(config);
  const database: DatabaseHandle = await openDatabase(config, (m) => logger.event('info', m));
  const ctx = await createAppContext({ config, database, logger, clock });
  try {
    return await work(ctx, config);
  } finally {
    await ctx.close();
    await database.stop();
  }
}
