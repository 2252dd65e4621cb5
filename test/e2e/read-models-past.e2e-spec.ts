import { CommandBus } from '@nestjs/cqrs';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { CONTEXTS, EVENT_LOG } from '@ancrage/api';
import { settableClock } from '@ancrage/cli';
import { loadDemo } from '@ancrage/cli';
import { createDataSource, createPool, installPgTypeParsers, migrate } from '@ancrage/database';
import { EVENT_STORE, EventStore, NewEvent, RecordedEvent } from '@ancrage/event-store';
import { PostgresEventStore } from '@ancrage/event-store-postgres';
import { diffRows } from '@ancrage/audit';
import { Cut, ProjectionEngine, ReadModels } from '@ancrage/projections';
import { schemaOf } from '@ancrage/platform';
import { Harness, startApp } from '../support/app-harness';
import { createTestDatabase, TestDatabase } from '../support/test-database';

installPgTypeParsers();

/** A small seeded generator (mulberry32): the same history and cuts for the same seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env.FC_SEED ?? 20180630);
/** Agencies of the demo and the shared register: every projection, every kind of fact (73001–73002 run a campaign together). */
const AGENCIES = new Set(['62001', '62002', '59350', '73001', '73002']);

/**
 * The property every read model must hold: for seeded random histories, what its versioned
 * tables answer at any cut (a date, an instant, both, or live) equals a full replay of the log to
 * that cut, after live batches of random sizes and again after a rebuild. The histories are the
 * demo's facts recorded in another order: some weeks late, as agencies do, so "as of" and
 * "as known at" part ways.
 */
describe('every read model answers the past as a full replay does', () => {
  let h: Harness;
  let copy: TestDatabase;
  let ds: DataSource;
  let pool: Pool;
  let store: PostgresEventStore;
  let engine: ProjectionEngine;
  let reads: ReadModels;
  let recorded: string[] = [];
  const next = random(SEED);

  beforeAll(async () => {
    const { clock, set } = settableClock();
    h = await startApp({ ANCRAGE_PROJECTIONS: 'false' }, clock);
    await loadDemo(h.app.get(CommandBus), set, { seed: SEED, scale: 1 });
    const demo: RecordedEvent[] = [];
    const source = h.app.get<EventStore>(EVENT_STORE);
    for (let after = 0; ;) {
      const slice = await source.readAll({ after, limit: 5000, upcast: false });
      demo.push(
        ...slice.events.filter(
          (e) => e.metadata.agency === null || AGENCIES.has(e.metadata.agency) || !/^\d{5}$/.test(e.metadata.agency ?? ''),
        ),
      );
      after = slice.scannedTo;
      if (slice.endOfLog) break;
    }
    // One fact in five is recorded up to 300 places later; each stream keeps its own order.
    const lastKey = new Map<string, number>();
    const keyed = demo.map((e, i) => {
      const key = Math.max(i + (next() < 0.2 ? Math.floor(next() * 300) : 0), lastKey.get(e.streamId) ?? 0);
      lastKey.set(e.streamId, key);
      return { e, key };
    });
    const ordered = keyed.sort((a, b) => a.key - b.key).map((k) => k.e);

    copy = await createTestDatabase();
    const { entities, migrations } = schemaOf(CONTEXTS, EVENT_LOG);
    await migrate({ url: copy.url, entities, migrations });
    ds = createDataSource({ url: copy.url, entities, migrations });
    await ds.initialize();
    pool = createPool(copy.url, 8);
    store = new PostgresEventStore({ pool, connectionString: copy.url });
    engine = new ProjectionEngine(
      store,
      pool,
      ds,
      CONTEXTS.flatMap((c) => c.projections ?? []),
    );
    reads = new ReadModels(pool, engine);
    await engine.prepare();
    // Runs of one stream travel together, as a command's events do.
    for (let i = 0; i < ordered.length;) {
      let j = i + 1;
      while (j < ordered.length && ordered[j].streamId === ordered[i].streamId && j - i < 20) j++;
      const batch: NewEvent[] = ordered
        .slice(i, j)
        .map((e) => ({ eventId: e.eventId, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata }));
      await store.append(ordered[i].streamId, batch, 'any');
      i = j;
    }
    recorded = [...new Set((await store.readAll({ limit: 100_000 })).events.map((e) => e.metadata.recordedAt))].sort();
  }, 180_000);

  afterAll(async () => {
    await store?.close();
    await pool?.end();
    await ds?.destroy();
    await copy?.drop();
    await h?.close();
  });

  /** Random cuts: live, dates of the demo's years, recording instants, and both at once. */
  function cuts(n: number): Cut[] {
    const list: Cut[] = [{}];
    const day = () => new Date(Date.UTC(2015, 11, 1) + Math.floor(next() * 1250) * 86_400_000).toISOString().slice(0, 10);
    const instant = () => recorded[Math.floor(next() * recorded.length)];
    for (let i = 0; i < n; i++) {
      const kind = next();
      const validAt = kind < 0.7 ? `${day()}T23:59:59.999Z` : undefined;
      const knownAt = kind > 0.4 ? instant() : undefined;
      list.push({ validAt, knownAt });
    }
    return list;
  }

  async function mismatches(name: string, cut: Cut): Promise<string[]> {
    const p = engine.get(name);
    const replayed = await engine.replay(name, { occurredAt: cut.validAt, recordedAt: cut.knownAt });
    const read: Record<string, object[]> = {};
    const expected: Record<string, object[]> = {};
    for (const [table, spec] of Object.entries(p.tables)) {
      read[table] = await reads.find(spec.entity, cut);
      expected[table] = replayed.list(table);
    }
    const keys = Object.fromEntries(Object.entries(p.tables).map(([t, spec]) => [t, spec.key]));
    return diffRows(keys, expected, read)
      .filter((d) => d.added.length || d.removed.length || d.changed.length)
      .map(
        (d) =>
          `${name}.${d.table} at ${JSON.stringify(cut)}: +${d.added.length} -${d.removed.length} ~${d.changed.length} ${JSON.stringify(d.changed[0] ?? d.added[0] ?? d.removed[0])}`,
      );
  }

  it('live in batches of random sizes, then after a rebuild', async () => {
    const sample = cuts(24);
    for (const name of engine.names()) {
      for (;;) if ((await engine.runBatch(engine.get(name), 1 + Math.floor(next() * 400))).caughtUp) break;
    }
    const failures: string[] = [];
    for (const name of engine.names()) for (const cut of sample) failures.push(...(await mismatches(name, cut)));
    expect(failures).toEqual([]);

    for (const name of engine.names()) await engine.rebuild(name);
    for (const name of engine.names()) for (const cut of sample.slice(0, 8)) failures.push(...(await mismatches(name, cut)));
    expect(failures).toEqual([]);
  }, 300_000);
});
