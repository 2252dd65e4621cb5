import { INestApplicationContext } from '@nestjs/common';
import { createAppContext } from '@ancrage/api';
import { AppConfig, DatabaseHandle, JsonLogger, loadConfig, openDatabase } from '@ancrage/platform';

/** Logs of CLI commands go to stderr, so stdout carries only the command's own output. */
export function cliLogger(config: AppConfig): JsonLogger {
  return new JsonLogger(config.logLevel === 'debug' ? 'debug' : 'warn', (line) => process.stderr.write(`${line}\n`));
}

/** Which database a command works on is part of its answer: said on stderr whatever LOG_LEVEL. */
export function sayOnStderr(message: string): void {
  process.stderr.write(`ancrage: ${message}\n`);
}

/** Runs a command inside the application context (no HTTP, no projectors of its own). */
export async function withContext<T>(
  work: (ctx: INestApplicationContext, config: AppConfig) => Promise<T>,
  clock?: () => Date,
): Promise<T> {
  const config = { ...loadConfig(), runProjections: false };
  const logger = cliLogger(config);
  const database: DatabaseHandle = await openDatabase(config, sayOnStderr);
  // An interrupted command still stops the embedded server it started.
  const interrupted = () => void database.stop().finally(() => process.exit(130));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, interrupted);
  }
  const ctx = await createAppContext({ config, database, logger, clock });
  try {
    return await work(ctx, config);
  } finally {
    await ctx.close();
    await database.stop();
  }
}
