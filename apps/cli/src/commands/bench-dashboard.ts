import type { INestApplication } from '@nestjs/common';
import { createApp } from '@ancrage/api';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { ProjectionEngine } from '@ancrage/projections';
import { JsonLogger, loadConfig, externalDatabase } from '@ancrage/platform';
import { scratchDatabase } from '../bench/scratch-database';
import { runDemo, settableClock } from './demo';

// autocannon ships no types; this is the part of its result we print.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- no types to import it with
const autocannon = require('autocannon') as (options: object) => Promise<AutocannonResult>;
interface AutocannonResult {
  latency: { p50: number; p99: number; average: number };
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
}

/** The queries the dashboard's views make, live (no asOf), as a national director. */
const ENDPOINTS = [
  '/action-plans/execution?year=2018&limit=500',
  '/fund/rollup?year=2018',
  '/priority-circles/matrix?region=32',
  '/anchoring-profiles?year=2018&limit=500',
  '/agencies/62001/fund/2018',
  '/agencies/62001/action-plans/2018',
  '/agencies/62001/timeline?limit=50',
];

/**
 * `ancrage bench dashboard`: the demo territory on a scratch database, the API on a free port, and
 * autocannon against each dashboard endpoint in turn; prints p50/p99 latency and requests/s.
 */
export async function benchDashboard(options: { connections: string; duration: string; scale: string }): Promise<void> {
  const connections = Number(options.connections);
  const duration = Number(options.duration);
  const scale = Number(options.scale);
  if (!Number.isInteger(connections) || connections < 1) throw new Error('--connections must be a positive integer');
  if (!Number.isInteger(duration) || duration < 1) throw new Error('--duration must be a positive number of seconds');
  if (!Number.isInteger(scale) || scale < 1 || scale > 100) throw new Error('--scale must be an integer between 1 and 100');
  const base = loadConfig();
  const scratch = await scratchDatabase(base.databaseUrl, 'ancrage-dashboard-bench');
  const config = { ...base, databaseUrl: scratch.url, logLevel: 'error' as const, demoOnFirstStart: false };
  const logger = new JsonLogger('error', (line) => process.stderr.write(`${line}\n`));
  const { clock, set } = settableClock();
  let app: INestApplication | undefined;
  try {
    app = await createApp({ config, database: externalDatabase(scratch.url, true), logger, clock });
    await app.listen(0, '127.0.0.1');
    const demo = await runDemo(app, config, set, { seed: 2018, scale });
    const head = await app.get<EventStore>(EVENT_STORE).headPosition();
    await app.get(ProjectionEngine).waitFor(head, undefined, 300_000);
    const url = await app.getUrl();
    const token = demo.users.find((u) => u.scope === 'national')!.token;
    console.log(
      `Dashboard bench on ${scratch.server} PostgreSQL, ${demo.agencies} agencies, ${head} events; autocannon ${connections} connections × ${duration} s per endpoint`,
    );
    console.log(`${'endpoint'.padEnd(46)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'req/s'.padStart(8)} ${'non-2xx'.padStart(8)}`);
    const results = [];
    for (const path of ENDPOINTS) {
      // A worker thread drives the load, so the client does not share the server's event loop.
      const r = await autocannon({
        url: `${url}${path}`,
        connections,
        duration,
        workers: 1,
        headers: { authorization: `Bearer ${token}` },
      });
      results.push({
        path,
        p50: r.latency.p50,
        p99: r.latency.p99,
        requestsPerSecond: Math.round(r.requests.average),
        non2xx: r.non2xx + r.errors,
      });
      console.log(
        `${path.padEnd(46)} ${String(r.latency.p50).padStart(7)} ${String(r.latency.p99).padStart(7)} ${String(Math.round(r.requests.average)).padStart(8)} ${String(r.non2xx + r.errors).padStart(8)}`,
      );
    }
    console.log(JSON.stringify({ dashboardBench: { connections, duration, agencies: demo.agencies, events: head, results } }));
  } finally {
    await app?.close();
    await scratch.drop();
  }
}
