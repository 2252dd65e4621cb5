import type { INestApplication } from '@nestjs/common';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createApp } from '@ancrage/api';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { JsonLogger, loadConfig, externalDatabase } from '@ancrage/platform';
import type { LoadPlan, OperationResult } from '../bench/load-driver';
import { scratchDatabase } from '../bench/scratch-database';
import { runDemo, settableClock } from './demo';

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;
const ms = (v: number) => v.toFixed(1).padStart(8);

/**
 * `ancrage bench-load`: the demo on a scratch database, then many connections at once mixing reads
 * and writes on a few shared streams (issue 16's mixed load). Prints, per operation, the statuses,
 * p50/p99 and error codes; then checks that the log grew by exactly the events the accepted writes
 * reported. Exits non-zero when any answer is a 5xx, an append-only fact gets a 409, or the counts differ.
 */
export async function benchLoad(options: { connections: string; duration: string }): Promise<void> {
  const connections = Number(options.connections);
  const durationSeconds = Number(options.duration);
  if (!Number.isInteger(connections) || connections < 1 || connections > 1000)
    throw new Error('--connections must be an integer between 1 and 1000');
  if (!Number.isInteger(durationSeconds) || durationSeconds < 1) throw new Error('--duration must be a positive number of seconds');
  const base = loadConfig();
  const scratch = await scratchDatabase(base.databaseUrl, 'ancrage-load-bench');
  const config = { ...base, databaseUrl: scratch.url, logLevel: 'error' as const, demoOnFirstStart: false };
  const logger = new JsonLogger('error', (line) => process.stderr.write(`${line}\n`));
  const { clock, set } = settableClock();
  let app: INestApplication | undefined;
  try {
    app = await createApp({ config, database: externalDatabase(scratch.url, true), logger, clock });
    await app.listen(0, '127.0.0.1');
    const demo = await runDemo(app, config, set, { seed: 2018, scale: 1 });
    set(null);
    const url = await app.getUrl();
    const token = (userId: string) => demo.users.find((u) => u.userId === userId)!.token;
    const safir = '62001';
    const year = new Date().getFullYear();
    const call = async (method: string, path: string, who: string, body?: unknown) => {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token(who)}`, 'content-type': 'application/json', accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as unknown;
    };
    // A large envelope for this year, so commitments meet each other rather than its limit.
    await call('POST', `/agencies/${safir}/fund/${year}/envelope`, 'director-32', { amountCents: 100_000_000_00 });
    const partnerships = (await call('GET', `/agencies/${safir}/partnerships?limit=50`, 'manager-62001')) as {
      items: { partnerId: string; partner: { closed?: boolean } | null }[];
    };
    const partnerIds = partnerships.items
      .filter((p) => p.partner && !p.partner.closed)
      .slice(0, 2)
      .map((p) => p.partnerId);
    const store = app.get<EventStore>(EVENT_STORE);
    const before = await store.headPosition();
    const plan: LoadPlan = {
      url,
      managerToken: token('manager-62001'),
      safir,
      year,
      partnerIds,
      connections,
      durationSeconds,
      today: new Date().toISOString().slice(0, 10),
    };
    console.log(
      `Load bench on ${scratch.server} PostgreSQL, ${before} events: ${connections} connections × ${durationSeconds} s, agency ${safir}, partnerships ${partnerIds.join(' and ')}, fund ${year}`,
    );

    const worker = new Worker(join(__dirname, '../bench/load-driver.js'), { workerData: plan });
    const results = await new Promise<OperationResult[]>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    const after = await store.headPosition();

    console.log(
      `${'operation'.padEnd(24)} ${'answers'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}  statuses (error codes)`,
    );
    const all = { reads: [] as number[], writes: [] as number[] };
    for (const r of results) {
      const sorted = [...r.latencies].sort((a, b) => a - b);
      (r.write ? all.writes : all.reads).push(...sorted);
      const statuses = Object.entries(r.statuses)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ');
      const codes = Object.entries(r.codes)
        .map(([c, n]) => `${c}×${n}`)
        .join(' ');
      console.log(
        `${r.name.padEnd(24)} ${String(r.latencies.length).padStart(8)} ${ms(percentile(sorted, 50))} ${ms(percentile(sorted, 99))}  ${statuses}${codes ? ` (${codes})` : ''}${r.networkErrors ? ` network errors ×${r.networkErrors}` : ''}`,
      );
    }
    for (const [kind, values] of Object.entries(all)) {
      const sorted = values.sort((a, b) => a - b);
      console.log(
        `${`all ${kind}`.padEnd(24)} ${String(sorted.length).padStart(8)} ${ms(percentile(sorted, 50))} ${ms(percentile(sorted, 99))}`,
      );
    }
    const count = (test: (status: number) => boolean, only?: (r: OperationResult) => boolean) =>
      results
        .filter((r) => !only || only(r))
        .reduce(
          (s, r) =>
            s +
            Object.entries(r.statuses)
              .filter(([st]) => test(Number(st)))
              .reduce((t, [, n]) => t + n, 0),
          0,
        );
    const appendOnly = (r: OperationResult) => r.name === 'log contact' || r.name === 'assess quality';
    const serverErrors = count((s) => s >= 500);
    const networkErrors = results.reduce((s, r) => s + r.networkErrors, 0);
    const appendOnlyConflicts = count((s) => s === 409, appendOnly);
    const otherErrors = count((s) => s >= 400 && s < 500);
    const reported = results.reduce((s, r) => s + r.eventsReported, 0);
    const accepted = count(
      (s) => s >= 200 && s < 300,
      (r) => r.write,
    );
    const summary = {
      connections,
      durationSeconds,
      accepted,
      eventsReported: reported,
      newEvents: after - before,
      serverErrors,
      networkErrors,
      appendOnlyConflicts,
      otherErrors,
    };
    console.log(
      `accepted writes ${accepted}, events they reported ${reported}, new events in the log ${after - before}; 5xx ${serverErrors}, 409 on append-only facts ${appendOnlyConflicts}, other 4xx ${otherErrors}, network errors ${networkErrors}`,
    );
    console.log(JSON.stringify({ loadBench: summary }));
    if (serverErrors || networkErrors || appendOnlyConflicts || otherErrors || reported !== after - before || accepted !== reported)
      process.exitCode = 1;
  } finally {
    await app?.close();
    await scratch.drop();
  }
}
