import { randomInt } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIT_CONTEXT, generateSigningKeys, publicKeyOf, TreeSealer, TreeStore, verifyLog } from '@ancrage/audit';
import { createPool, installPgTypeParsers, migrate } from '@ancrage/database';
import { EVENT_LOG_MIGRATIONS, PostgresEventStore } from '@ancrage/event-store-postgres';
import { JsonLogger, loadConfig, PLATFORM_MIGRATIONS } from '@ancrage/platform';
import { scratchDatabase } from '../bench/scratch-database';
import { progressBar } from '../progress';
import { generated } from './bench';

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const rate = (n: number, s: number) => Math.round(n / s);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * The verifiable log's costs on a scratch database (issue targets in brackets): appends with the
 * sealer running beside them against appends alone [within 10%], sealing, verifying the whole log
 * against a signed head [1,000,000 events under 15 s], and inclusion proofs [under 5 ms].
 */
export async function benchAudit(options: { events: string }): Promise<void> {
  installPgTypeParsers();
  const total = Number(options.events);
  if (!Number.isInteger(total) || total < 10_000) throw new Error('--events must be an integer of at least 10000');
  const base = loadConfig();
  const scratch = await scratchDatabase(base.databaseUrl, 'ancrage-bench-audit');
  const keys = generateSigningKeys();
  const dir = mkdtempSync(join(tmpdir(), 'ancrage-bench-audit-'));
  writeFileSync(join(dir, 'key.pem'), keys.privateKeyPem);
  const config = {
    ...base,
    audit: {
      ...base.audit,
      signingKeyFile: join(dir, 'key.pem'),
      publicKeyFile: null,
      sealIntervalMs: 0,
      witnessDir: join(dir, 'witness'),
    },
  };
  await migrate({ url: scratch.url, migrations: [...EVENT_LOG_MIGRATIONS, ...PLATFORM_MIGRATIONS, ...(AUDIT_CONTEXT.migrations ?? [])] });
  const pool = createPool(scratch.url, 10);
  const store = new PostgresEventStore({ pool });
  const tree = new TreeStore(pool);
  const sealer = new TreeSealer(
    pool,
    tree,
    store,
    config,
    () => new Date(),
    new JsonLogger('error', (l) => process.stderr.write(`${l}\n`)),
  );
  let next = 0;
  const append = async (n: number, label: string) => {
    const batches = Array.from({ length: n / 100 }, () => Array.from({ length: 100 }, () => generated(next++, total)));
    const start = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        for (let i = w; i < batches.length; i += 8) await store.append(`bench-audit-${label}-${w}-${i % 50}`, batches[i], 'any');
      }),
    );
    return rate(n, seconds(start));
  };
  try {
    console.log(`Ancrage bench-audit on ${scratch.server}, node ${process.version}`);
    // 1. Appends alone and with the sealer sealing every second, alternated twice to spread the noise.
    const alone: number[] = [];
    const sealing: number[] = [];
    for (let round = 0; round < 2; round++) {
      alone.push(await append(50_000, `a${round}`));
      let stop = false;
      const loop = (async () => {
        while (!stop) {
          await sealer.seal();
          await new Promise((r) => setTimeout(r, 1000));
        }
      })();
      sealing.push(await append(50_000, `s${round}`));
      stop = true;
      await loop;
    }
    const mean = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
    console.log(
      `append, 100 events per call, 8 writers:  ${mean(alone)} events/s alone, ${mean(sealing)} events/s while sealing every second (${Math.round((mean(sealing) / mean(alone)) * 100)}%)`,
    );

    // 2. Fill up to the size to verify, then seal it all.
    const bar = progressBar('generating log'.padEnd(18));
    bar.start(total, next, { rate: 0 });
    while (next < total) {
      const n = Math.min(1000, total - next);
      await store.append(
        `bench-audit-fill-${next % 997}`,
        Array.from({ length: n }, () => generated(next++, total)),
        'any',
      );
      bar.update(next, { rate: 0 });
    }
    bar.stop();
    let start = process.hrtime.bigint();
    const sealedFrom = (await tree.size()).size;
    const head = (await sealer.seal())!;
    console.log(
      `seal ${head.treeSize - sealedFrom} events into the tree and sign:   ${rate(head.treeSize - sealedFrom, seconds(start))} events/s`,
    );

    // 3. Verify the whole log against the signed head, with the public key only.
    start = process.hrtime.bigint();
    const verdict = await verifyLog({ store, tree, heads: [head], publicKeyPem: publicKeyOf(keys.privateKeyPem) });
    const s = seconds(start);
    console.log(
      `verify ${verdict.checked} events against the signed head: ${s.toFixed(1)} s (${rate(verdict.checked, s)} events/s, ${verdict.ok ? 'intact' : 'ALTERED'}), peak RSS ${Math.round(process.memoryUsage().rss / 1048576)} MiB`,
    );

    // 4. Inclusion proofs of random events.
    const times: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const position = randomInt(1, head.treeSize + 1);
      const t = process.hrtime.bigint();
      await tree.inclusion(position, head.treeSize);
      times.push(seconds(t) * 1000);
    }
    times.sort((a, b) => a - b);
    console.log(
      `inclusion proof (1000 random events):    p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms`,
    );
  } finally {
    await store.close();
    await pool.end();
    await scratch.drop();
  }
}
