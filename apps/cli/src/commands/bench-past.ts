import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { IssueApiToken } from '@ancrage/access';
import type { Pool } from 'pg';
import { createApp } from '@ancrage/api';
import { AuditService } from '@ancrage/audit';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { ProjectionEngine } from '@ancrage/projections';
import { JsonLogger, loadConfig, PG_POOL, externalDatabase } from '@ancrage/platform';
import { scratchDatabase } from '../bench/scratch-database';
import { runDemo, settableClock } from './demo';

/** A view as the page asks for it, and the projection a replay of it would fold. */
interface View {
  path: string;
  projection: string;
}

const NATIONAL: View[] = [
  { path: '/action-plans/execution?year=2018&limit=500', projection: 'action-plans' },
  { path: '/fund/rollup?year=2018', projection: 'fund-consumption' },
  { path: '/priority-circles/matrix', projection: 'partnerships' },
  { path: '/anchoring-profiles?year=2018&limit=500', projection: 'anchoring' },
  { path: '/diagnostics/co-construction?limit=500', projection: 'diagnostics' },
];
const regional = (v: View): View => ({ ...v, path: `${v.path}${v.path.includes('?') ? '&' : '?'}region=32` });
const AGENCY: View[] = [
  { path: '/agencies/62001/fund/2018', projection: 'fund-consumption' },
  { path: '/agencies/62001/action-plans/2018', projection: 'action-plans' },
  { path: '/agencies/62001/partnerships?limit=50', projection: 'partnerships' },
  { path: '/agencies/62001/anchoring-profile?year=2018', projection: 'anchoring' },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (v: number) => v.toFixed(1).padStart(8);
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

/**
 * `ancrage bench-past`: the demo at a scale (25: about 950 agencies) on a scratch database, every
 * projection rebuilt from the log, then each national, regional and agency view read live and at
 * random past cuts ("as of" a date, "as known at" an instant, or both), beside the time a full
 * replay of its projection takes, what the row versions cost in storage, and a check that the
 * tables answer sampled cuts exactly as a replay does.
 */
export async function benchPast(options: { scale: string; samples: string; database?: string; keep?: boolean }): Promise<void> {
  const scale = Number(options.scale);
  const samples = Number(options.samples);
  if (!Number.isInteger(scale) || scale < 1 || scale > 100) throw new Error('--scale must be an integer between 1 and 100');
  if (!Number.isInteger(samples) || samples < 5) throw new Error('--samples must be an integer of at least 5');
  const base = loadConfig();
  // --database reads a demo an earlier run kept (--keep): the next runs skip its recording.
  const scratch = options.database
    ? { url: options.database, server: 'DATABASE_URL' as const, drop: () => Promise.resolve() }
    : await scratchDatabase(base.databaseUrl, 'ancrage-past-bench');
  // The demo is recorded with the projectors off; the rebuilds below then build every table.
  const config = { ...base, databaseUrl: scratch.url, logLevel: 'error' as const, demoOnFirstStart: false, runProjections: false };
  const logger = new JsonLogger('error', (line) => process.stderr.write(`${line}\n`));
  const { clock, set } = settableClock();
  let app: INestApplication | undefined;
  try {
    app = await createApp({ config, database: externalDatabase(scratch.url, true), logger, clock });
    await app.listen(0, '127.0.0.1');
    const demo = options.database ? await recorded(app, scale) : await runDemo(app, config, set, { seed: 2018, scale });
    set(null);
    const store = app.get<EventStore>(EVENT_STORE);
    const engine = app.get(ProjectionEngine);
    const pool = app.get<Pool>(PG_POOL);
    const head = await store.headPosition();
    console.log(
      `Past bench on ${scratch.server} PostgreSQL: demo ×${scale}, ${demo.agencies} agencies, ${head} events (recorded in ${demo.seconds.toFixed(0)} s); ${samples} reads per view and mode`,
    );

    // Rebuild every projection, and what its row versions cost.
    console.log(
      `\n${'projection'.padEnd(18)} ${'events'.padStart(8)} ${'ev/s'.padStart(8)} ${'rows'.padStart(9)} ${'versions'.padStart(9)} ${'MiB'.padStart(6)} ${'versions/100k ev'.padStart(17)} ${'MiB/100k ev'.padStart(12)}`,
    );
    let rebuildEvents = 0;
    let rebuildSeconds = 0;
    const storage: Record<string, { rows: number; versions: number; mib: number }> = {};
    for (const name of engine.names()) {
      const t = process.hrtime.bigint();
      const r = await engine.rebuild(name);
      const s = seconds(t);
      rebuildEvents += r.events;
      rebuildSeconds += s;
      let rows = 0;
      let versions = 0;
      let bytes = 0;
      for (const spec of Object.values(engine.get(name).tables)) {
        const table = engine.storeOf(spec.entity).table.tableName;
        const q = (
          await pool.query<{ rows: number; versions: number; bytes: string }>(
            `SELECT count(*) FILTER (WHERE is_current AND NOT is_removed)::int AS rows, count(*)::int AS versions, pg_total_relation_size($1)::bigint AS bytes FROM "${table}"`,
            [table],
          )
        ).rows[0];
        rows += q.rows;
        versions += q.versions;
        bytes += Number(q.bytes);
      }
      storage[name] = { rows, versions, mib: Math.round((bytes / 1048576) * 10) / 10 };
      const per100k = (v: number) => (r.events ? (v / r.events) * 100_000 : 0);
      console.log(
        `${name.padEnd(18)} ${String(r.events).padStart(8)} ${String(Math.round(r.events / s)).padStart(8)} ${String(rows).padStart(9)} ${String(versions).padStart(9)} ${storage[name].mib.toFixed(1).padStart(6)} ${Math.round(per100k(versions)).toString().padStart(17)} ${per100k(
          bytes / 1048576,
        )
          .toFixed(1)
          .padStart(12)}`,
      );
    }
    console.log(
      `all projections: ${rebuildEvents} events folded in ${rebuildSeconds.toFixed(1)} s (${Math.round(rebuildEvents / rebuildSeconds)} events/s)`,
    );

    const url = await app.getUrl();
    const token = demo.users.find((u) => u.scope === 'national')!.token;
    const { rows: span } = await pool.query<{ first: string; last: string }>(
      `SELECT min(recorded_at)::text AS first, max(recorded_at)::text AS last FROM event_log`,
    );
    const first = Date.parse(span[0].first);
    const last = Date.parse(span[0].last);
    let seed = 20170630;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const randomDate = () => new Date(Date.UTC(2016, 5, 1) + Math.floor(random() * 940) * 86_400_000).toISOString().slice(0, 10);
    const randomInstant = () => new Date(first + Math.floor(random() * (last - first))).toISOString();
    const pastQuery = (i: number) =>
      i % 3 === 0 ? `asOf=${randomDate()}` : i % 3 === 1 ? `knownAt=${randomInstant()}` : `asOf=${randomDate()}&knownAt=${randomInstant()}`;
    const get = async (path: string) => {
      const t = performance.now();
      const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      if (res.status >= 500) throw new Error(`${path}: ${res.status}`);
      return performance.now() - t;
    };
    const join = (path: string, query: string) => `${path}${path.includes('?') ? '&' : '?'}${query}`;

    console.log(
      `\n${'view'.padEnd(58)} ${'live p50'.padStart(8)} ${'p99'.padStart(8)} ${'past p50'.padStart(8)} ${'p99'.padStart(8)} ${'replay'.padStart(8)}  (ms)`,
    );
    const results: Record<string, number | string>[] = [];
    for (const [scope, views] of [
      ['national', NATIONAL],
      ['regional', NATIONAL.map(regional)],
      ['agency', AGENCY],
    ] as const) {
      for (const view of views) {
        // consistentWith=0 waits for nothing and bypasses the view cache: every read is computed.
        const live = [];
        for (let i = 0; i < samples; i++) live.push(await get(join(view.path, 'consistentWith=0')));
        const past = [];
        for (let i = 0; i < samples; i++) past.push(await get(join(view.path, `${pastQuery(i)}&consistentWith=0`)));
        const replays = [];
        for (let i = 0; i < 3; i++) {
          const t = performance.now();
          await engine.replay(view.projection, {
            occurredAt: `${randomDate()}T23:59:59.999Z`,
            agency: scope === 'agency' ? '62001' : undefined,
          });
          replays.push(performance.now() - t);
        }
        live.sort((a, b) => a - b);
        past.sort((a, b) => a - b);
        replays.sort((a, b) => a - b);
        const line = {
          view: view.path,
          scope,
          liveP50: percentile(live, 50),
          liveP99: percentile(live, 99),
          pastP50: percentile(past, 50),
          pastP99: percentile(past, 99),
          replay: replays[1],
        };
        results.push(line);
        console.log(
          `${view.path.padEnd(58)} ${ms(line.liveP50)} ${ms(line.liveP99)} ${ms(line.pastP50)} ${ms(line.pastP99)} ${ms(line.replay)}`,
        );
      }
    }

    // The tables answer sampled cuts exactly as a full replay does.
    const audit = app.get(AuditService);
    const checks: string[] = [];
    for (const name of engine.names()) {
      for (const cut of [
        { validAt: `${randomDate()}T23:59:59.999Z` },
        { knownAt: randomInstant() },
        { validAt: `${randomDate()}T23:59:59.999Z`, knownAt: randomInstant() },
      ]) {
        const d = await audit.drift(name, undefined, cut);
        checks.push(`${name} ${JSON.stringify(cut)}: ${d.inSync ? 'identical' : 'DIFFERENT'}`);
        if (!d.inSync) process.exitCode = 1;
      }
    }
    console.log(
      `\nsampled cuts answered as a full replay answers them: ${checks.filter((c) => c.endsWith('identical')).length} of ${checks.length}`,
    );
    for (const c of checks.filter((x) => !x.endsWith('identical'))) console.log(`  ${c}`);
    console.log(
      JSON.stringify({
        pastBench: {
          scale,
          agencies: demo.agencies,
          events: head,
          rebuildEventsPerSecond: Math.round(rebuildEvents / rebuildSeconds),
          storage,
          results,
        },
      }),
    );
  } finally {
    await app?.close();
    if (options.keep && !options.database) console.log(`\nthe demo is kept: --database ${scratch.url}`);
    else await scratch.drop();
  }
}

/** A demo recorded by an earlier run: a fresh token for its national director. */
async function recorded(app: INestApplication, scale: number) {
  const pool = app.get<Pool>(PG_POOL);
  const { rows } = await pool.query<{ n: number }>(`SELECT count(DISTINCT agency)::int AS n FROM event_log WHERE agency IS NOT NULL`);
  const userId = 'demo-director-national';
  const context = { actor: 'bench-past', role: 'operator' as const, correlationId: `bench-past-${Date.now().toString(36)}` };
  const { token } = await app.get(CommandBus).execute(new IssueApiToken(userId, 'bench-past', null, context));
  return { agencies: rows[0].n, seconds: 0, scale, users: [{ userId, scope: 'national', token }] };
}
