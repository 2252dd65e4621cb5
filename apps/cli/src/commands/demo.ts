import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { eventLogIsEmpty } from '@ancrage/event-store-postgres';
import { createAppContext } from '@ancrage/api';
import type { AppConfig, DatabaseHandle, JsonLogger } from '@ancrage/platform';
import { writeDemoUsers } from '@ancrage/api';
import { DemoResult, loadDemo } from '../demo/load-demo';
import { progressBar } from '../progress';
import { withContext } from '../runtime';

/** A clock the demo moves day by day (commands read it through CLOCK); null gives real time back. */
export function settableClock(): { clock: () => Date; set: (now: Date | null) => void } {
  let now: Date | null = null;
  return { clock: () => now ?? new Date(), set: (d) => (now = d) };
}

/** Loads the demo through the context's command bus, with a progress bar on stderr. */
export async function runDemo(
  ctx: INestApplicationContext,
  config: AppConfig,
  set: (now: Date | null) => void,
  options: { seed: number; scale: number },
): Promise<DemoResult & { events: number; seconds: number }> {
  const store = ctx.get<EventStore>(EVENT_STORE);
  const before = await store.headPosition();
  const bar = progressBar('demo'.padEnd(10));
  const started = process.hrtime.bigint();
  let shown = false;
  const result = await loadDemo(ctx.get(CommandBus), set, {
    ...options,
    onProgress: (done, total) => {
      if (!shown) bar.start(total, 0, { rate: 0 });
      shown = true;
      if (done % 50 === 0 || done === total)
        bar.update(done, { rate: Math.round(done / (Number(process.hrtime.bigint() - started) / 1e9)) });
    },
  });
  bar.stop();
  if (!config.databaseUrl) writeDemoUsers(config.dataDir, result.users);
  return { ...result, events: (await store.headPosition()) - before, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

export async function demoCommand(options: { seed: string; scale: string }): Promise<void> {
  const seed = Number(options.seed);
  const scale = Number(options.scale);
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a non-negative integer');
  if (!Number.isInteger(scale) || scale < 1 || scale > 100) throw new Error('--scale must be an integer between 1 and 100');
  const { clock, set } = settableClock();
  await withContext(async (ctx, config) => {
    const r = await runDemo(ctx, config, set, { seed, scale });
    console.error(`demo: ${r.agencies} agencies, ${r.commands} commands, ${r.events} new events in ${r.seconds.toFixed(1)} s`);
    console.log('Demo users (tokens shown once; send as "Authorization: Bearer <token>"):');
    for (const u of r.users) console.log(`  ${u.role.padEnd(9)} ${u.userId.padEnd(24)} ${u.scope.padEnd(28)} ${u.token}`);
  }, clock);
}

/**
 * First start with the embedded store: an empty log gets the demo, so a newcomer sees every view
 * with something true in it. Never called for an external database; ANCRAGE_DEMO=false skips it.
 */
export async function loadDemoOnFirstStart(config: AppConfig, database: DatabaseHandle, logger: JsonLogger): Promise<void> {
  // Asked directly, so an ordinary start does not build a second application context.
  if (!(await eventLogIsEmpty(database.url))) return;
  const { clock, set } = settableClock();
  const ctx = await createAppContext({ config: { ...config, runProjections: false }, database, logger, clock });
  try {
    logger.event('info', 'empty embedded store: loading the demo territory (ANCRAGE_DEMO=false to skip)');
    const r = await runDemo(ctx, config, set, { seed: 2018, scale: 1 });
    logger.event('info', 'demo loaded: open the web page and sign in as a demo user', {
      agencies: r.agencies,
      events: r.events,
      seconds: Math.round(r.seconds * 10) / 10,
    });
  } finally {
    await ctx.close();
  }
}
