import { randomUUID } from 'node:crypto';
import { createDataSource, createPool, installPgTypeParsers, migrate } from '@ancrage/database';
import { scratchDatabase } from '../bench/scratch-database';
import { NewEvent, newEventId } from '@ancrage/event-store';
import { EVENT_LOG_MIGRATIONS, PostgresEventStore } from '@ancrage/event-store-postgres';
import { AsOf, ProjectionEngine, ReadModels } from '@ancrage/projections';
import { loadConfig, PLATFORM_MIGRATIONS } from '@ancrage/platform';
import {
  agencyActivity,
  AgencyActivityRow,
  BenchNaiveActivity1764000009999,
  NaiveActivityRow,
  naiveApply,
} from '../bench/agency-activity.projection';
import { progressBar } from '../progress';

interface BenchOptions {
  events: string;
  quick?: boolean;
}

const AGENCIES = Array.from({ length: 900 }, (_, i) => String(10000 + i * 97).padStart(5, '0'));
/** One large agency: five events in 250 of the log, spread over all of it, as a real agency's would be. */
const LARGE_AGENCY = '99999';
const TEN_YEARS_DAYS = 3650;

/**
 * A realistic-looking event: contacts and 5% commitments of 900 agencies, plus one large agency;
 * the i-th of `total` events occurs i/total of the way through ten years.
 */
export function generated(i: number, total: number): NewEvent {
  const agency = i % 250 < 5 ? LARGE_AGENCY : AGENCIES[i % AGENCIES.length];
  const day = Math.min(TEN_YEARS_DAYS - 1, Math.floor((i / total) * TEN_YEARS_DAYS));
  const occurredAt = new Date(Date.UTC(2016, 0, 1) + day * 86_400_000).toISOString();
  const commitment = i % 5 === 0;
  return {
    // Time-ordered, as the decider runner makes them for commands without an idempotency key.
    eventId: newEventId(),
    type: commitment ? 'ExpenditureCommitted' : 'ContactLogged',
    schemaVersion: 1,
    data: commitment
      ? { commitmentId: randomUUID(), amountCents: 1000 + (i % 50) * 2500, category: 'DEROGATORY_MOBILITY_AID', route: 'SUBSIDY' }
      : { partnerId: `p-${i % 40}`, channel: 'MEETING', note: 'Point mensuel avec la Mission locale' },
    metadata: { actor: 'bench', role: 'manager', agency, correlationId: randomUUID(), causationId: null, idempotencyKey: null, occurredAt },
  };
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const rate = (n: number, s: number) => Math.round(n / s);
const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);

/**
 * `ancrage bench`: append and rebuild throughput, rebuild memory, and the ratio to a naive
 * per-event TypeORM projection, on a scratch database of the configured (or an embedded) server.
 */
export async function bench(options: BenchOptions): Promise<void> {
  installPgTypeParsers();
  const config = loadConfig();
  const total = options.quick ? 20_000 : Number(options.events);
  if (!Number.isInteger(total) || total < 1000) throw new Error('--events must be an integer of at least 1000');
  const sizes = options.quick ? { single: 400, batched: 8_000, naive: 1000 } : { single: 4000, batched: 200_000, naive: 20_000 };

  const scratch = await scratchDatabase(config.databaseUrl, 'ancrage-bench');
  const url = new URL(scratch.url);
  const schema = {
    url: url.toString(),
    entities: [AgencyActivityRow, NaiveActivityRow],
    migrations: [...EVENT_LOG_MIGRATIONS, ...PLATFORM_MIGRATIONS, BenchNaiveActivity1764000009999],
  };
  await migrate(schema);
  const ds = createDataSource(schema);
  const pool = createPool(url.toString(), 10);
  const store = new PostgresEventStore({ pool });
  const results: Record<string, number | string> = {};
  try {
    await ds.initialize();
    const server = (await pool.query<{ server_version: string }>(`SHOW server_version`)).rows[0].server_version;
    console.log(`Ancrage bench on PostgreSQL ${server} (${config.databaseUrl ? 'DATABASE_URL' : 'embedded'}), node ${process.version}`);
    let next = 0;

    // The timed phases append events generated before their clock starts: they measure the store,
    // not the generator (three random UUIDs and a date per event).
    const upcoming = (n: number) => Array.from({ length: n }, () => generated(next++, total));

    // 1. single-event appends, 8 concurrent writers, each on its own streams
    const singles = upcoming(sizes.single);
    let start = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        for (let i = 0; i < sizes.single / 8; i++)
          await store.append(`bench-single-${w}-${i % 50}`, [singles[w * (sizes.single / 8) + i]], 'any');
      }),
    );
    results.appendSingle = rate(sizes.single, seconds(start));
    console.log(`append, 1 event per call, 8 writers:    ${results.appendSingle} events/s (${sizes.single} events)`);

    // 2. batches of 100, 8 concurrent writers
    const batches = Array.from({ length: sizes.batched / 100 }, () => upcoming(100));
    const pathsBefore = store.appendPaths();
    start = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        for (let i = 0; i < sizes.batched / 800; i++)
          await store.append(`bench-batch-${w}-${i % 50}`, batches[w * (sizes.batched / 800) + i], 'any');
      }),
    );
    results.appendBatch100 = rate(sizes.batched, seconds(start));
    const paths = store.appendPaths();
    console.log(
      `append, 100 events per call, 8 writers: ${results.appendBatch100} events/s (${sizes.batched} events; ` +
        `${paths.bulkGroups - pathsBefore.bulkGroups} groups copied in, ${paths.functionGroups - pathsBefore.functionGroups} through the append function)`,
    );
    batches.length = 0;

    // 3. fill the log up to the rebuild size
    const missing = total - next;
    if (missing > 0) {
      const bar = progressBar('generating log'.padEnd(18));
      bar.start(missing, 0, { rate: 0 });
      start = process.hrtime.bigint();
      let done = 0;
      await Promise.all(
        Array.from({ length: 4 }, async (_, w) => {
          while (next < total) {
            const n = Math.min(1000, total - next);
            const batch = Array.from({ length: n }, () => generated(next++, total));
            await store.append(`bench-fill-${w}-${next % 997}`, batch, 'any');
            done += n;
            bar.update(done, { rate: rate(done, seconds(start)) });
          }
        }),
      );
      bar.stop();
    }

    // Statistics as autovacuum would have them on a log that grew over time (a bulk load leaves none).
    await pool.query('ANALYZE event_log');

    // 4. rebuild over the whole log, sampling memory
    const engine = new ProjectionEngine(store, pool, ds, [agencyActivity]);
    await engine.prepare();
    (globalThis as { gc?: () => void }).gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const bar = progressBar('rebuild'.padEnd(18));
    bar.start(total, 0, { rate: 0 });
    start = process.hrtime.bigint();
    const rebuilt = await engine.rebuild(agencyActivity.name, (p) => bar.update(p.events, { rate: rate(p.events, seconds(start)) }));
    const rebuildSeconds = seconds(start);
    clearInterval(sampler);
    bar.stop();
    peak = Math.max(peak, process.memoryUsage().rss);
    const rows = Number((await pool.query<{ count: string }>(`SELECT count(*) FROM bench_agency_activity WHERE is_current`)).rows[0].count);
    const versions = Number((await pool.query<{ count: string }>(`SELECT count(*) FROM bench_agency_activity`)).rows[0].count);
    const tableBytes = Number((await pool.query<{ n: string }>(`SELECT pg_total_relation_size('bench_agency_activity') AS n`)).rows[0].n);
    results.rebuildEventsPerSecond = rate(rebuilt.events, rebuildSeconds);
    results.rebuildPeakRssMiB = mib(peak);
    console.log(
      `rebuild, ${rebuilt.events} events -> ${rows} rows (${versions} row versions, ${mib(tableBytes)} MiB): ${results.rebuildEventsPerSecond} events/s (${rebuildSeconds.toFixed(1)} s), ` +
        `peak RSS ${results.rebuildPeakRssMiB} MiB`,
    );
    results.rowVersions = versions;
    results.tableMiB = mib(tableBytes);

    // 5. "as of" for the large agency: one event in 50 of the log (20,000 of 1,000,000, over ten
    // years), read from the versioned table as of mid-2021, then replayed in memory for comparison
    const asOfEvents = Number(
      (await pool.query<{ count: string }>(`SELECT count(*) FROM event_log WHERE agency = $1`, [LARGE_AGENCY])).rows[0].count,
    );
    const medianReplayMs = async (asOf: AsOf) => {
      const timings: number[] = [];
      for (let run = 0; run < 7; run++) {
        const t = process.hrtime.bigint();
        const rows = await engine.replay(agencyActivity.name, { agency: LARGE_AGENCY, ...asOf });
        timings.push(seconds(t) * 1000);
        if (rows.list('activity').length === 0) throw new Error('as-of replay found no rows');
      }
      return Math.round(timings.sort((a, b) => a - b)[3]);
    };
    const reads = new ReadModels(pool, engine);
    const readMs: number[] = [];
    for (let run = 0; run < 7; run++) {
      const t = process.hrtime.bigint();
      const found = await reads.find(AgencyActivityRow, { validAt: '2021-06-30T23:59:59.999Z' }, { agency: LARGE_AGENCY });
      readMs.push(seconds(t) * 1000);
      if (found.length === 0) throw new Error('as-of read found no rows');
    }
    results.asOfReadOneAgencyMs = Number(readMs.sort((a, b) => a - b)[3].toFixed(1));
    console.log(`as of 2021-06-30, one agency, read:      ${results.asOfReadOneAgencyMs} ms (median of 7, from the row versions)`);
    results.asOfOneAgencyMs = await medianReplayMs({ occurredAt: '2021-06-30T23:59:59.999Z' });
    console.log(`as of 2021-06-30, one agency of ${asOfEvents} events: ${results.asOfOneAgencyMs} ms (median of 7, replayed in memory)`);
    // The worst case: every one of the agency's events, as known today.
    results.asOfWholeHistoryMs = await medianReplayMs({ recordedAt: new Date().toISOString() });
    console.log(`as known today, the same agency:         ${results.asOfWholeHistoryMs} ms (median of 7, in memory)`);

    // 6. naive baseline on a prefix of the same log, into an empty table
    const repo = ds.getRepository(NaiveActivityRow);
    const { events } = await store.readAll({ limit: sizes.naive, types: agencyActivity.eventTypes });
    start = process.hrtime.bigint();
    for (const e of events) await naiveApply(repo, e);
    results.naiveEventsPerSecond = rate(events.length, seconds(start));
    results.speedupOverNaive = (results.rebuildEventsPerSecond / results.naiveEventsPerSecond).toFixed(1);
    console.log(`naive TypeORM save per event:           ${results.naiveEventsPerSecond} events/s (${events.length} events)`);
    console.log(`rebuild speed-up over the naive fold:   ${results.speedupOverNaive}x`);
    console.log(JSON.stringify({ bench: results }));
  } finally {
    await store.close();
    await pool.end();
    await ds.destroy().catch(() => undefined);
    await scratch.drop();
  }
}
