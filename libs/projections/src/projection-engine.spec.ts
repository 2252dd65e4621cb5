import fc from 'fast-check';
import { Pool } from 'pg';
import { createPool } from '@ancrage/database';
import type { DataSource } from 'typeorm';
import { createDataSource, installPgTypeParsers, migrate } from '@ancrage/database';
import { EventStore, NewEvent } from '@ancrage/event-store';
import { newEvent } from '@ancrage/event-store/testing';
import { EVENT_LOG_MIGRATIONS, PostgresEventStore } from '@ancrage/event-store-postgres';
import { createTestDatabase, TestDatabase } from '@ancrage/testing/test-database';
import { LIVE } from './bitemporal/cut';
import { PROJECTION_MIGRATIONS } from './index';
import { ProjectionEngine } from './projection-engine';
import { ReadModels } from './read-models';
import { contactsPerMonth, ContactsPerMonthRow } from './testing/contacts-per-month.projection';
import { SampleCounterRow, sampleProjection, SampleStatusRow } from './testing/sample.projection';

installPgTypeParsers();

function contact(agency: string, occurredAt: string, minutes: number, actor = 'user-1'): NewEvent {
  const e = newEvent({ type: 'ContactLogged', agency, data: { minutes } });
  return { ...e, metadata: { ...e.metadata, occurredAt, actor } };
}

describe('ProjectionEngine on PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let pool: Pool;
  let store: EventStore;

  beforeEach(async () => {
    db = await createTestDatabase();
    const schema = {
      url: db.url,
      entities: [ContactsPerMonthRow, SampleCounterRow, SampleStatusRow],
      migrations: [...EVENT_LOG_MIGRATIONS, ...PROJECTION_MIGRATIONS],
    };
    await migrate(schema);
    ds = createDataSource(schema);
    await ds.initialize();
    pool = createPool(db.url, 6);
    store = new PostgresEventStore({ pool, connectionString: db.url });
    // The tables exist before any event, as after a deployment's first start.
    await new ProjectionEngine(store, pool, ds, [contactsPerMonth(), sampleProjection]).prepare();
  });

  afterEach(async () => {
    engineForReads = undefined;
    await store.close();
    await pool.end();
    await ds.destroy();
    await db.drop();
  });

  let engineForReads: ProjectionEngine | undefined;
  /** The live rows, read as every view reads them. */
  const liveRows = async () => {
    engineForReads ??= new ProjectionEngine(store, pool, ds, [contactsPerMonth()]);
    return new ReadModels(pool, engineForReads).find(ContactsPerMonthRow, LIVE, {}, { order: { agency: 'ASC', month: 'ASC' } });
  };
  const sorted = (rows: ContactsPerMonthRow[]) => [...rows].sort((a, b) => `${a.agency}${a.month}`.localeCompare(`${b.agency}${b.month}`));

  async function seed(): Promise<void> {
    await store.append(
      'partnership-75001-a',
      [contact('75001', '2018-01-10T10:00:00Z', 30), contact('75001', '2018-01-20T10:00:00Z', 45)],
      'no_stream',
    );
    await store.append('partnership-13002-b', [contact('13002', '2018-02-01T10:00:00Z', 60, 'user-2')], 'no_stream');
    await store.append('unrelated', [newEvent({ type: 'AgreementSigned' })], 'no_stream');
    await store.append('partnership-75001-a', [contact('75001', '2018-03-05T10:00:00Z', 15)], 1);
  }

  it('folds events into rows and moves the checkpoint past events it does not read', async () => {
    await seed();
    const engine = new ProjectionEngine(store, pool, ds, [contactsPerMonth()], { batchSize: 2 });
    await engine.prepare();
    expect(await engine.catchUp('test-contacts-per-month')).toBe(4);
    expect(await liveRows()).toEqual([
      { agency: '13002', month: '2018-02', contacts: 1, totalMinutes: 60, lastActor: 'user-2' },
      { agency: '75001', month: '2018-01', contacts: 2, totalMinutes: 75, lastActor: 'user-1' },
      { agency: '75001', month: '2018-03', contacts: 1, totalMinutes: 15, lastActor: 'user-1' },
    ]);
    const [status] = await engine.status();
    expect(status).toMatchObject({ checkpoint: 5, headPosition: 5, lag: 0 });
  });

  it('deletes rows the fold deletes', async () => {
    await seed();
    const retract = newEvent({ type: 'ContactRetracted', data: { minutes: 15 } });
    retract.metadata = { ...retract.metadata, occurredAt: '2018-03-05T10:00:00Z' };
    await store.append('partnership-75001-a', [retract], 'any');
    const engine = new ProjectionEngine(store, pool, ds, [contactsPerMonth()]);
    await engine.prepare();
    await engine.catchUp('test-contacts-per-month');
    expect((await liveRows()).map((r) => r.month)).toEqual(['2018-02', '2018-01']);
  });

  it('never counts twice: a batch that fails midway leaves rows and checkpoint as they were', async () => {
    await seed();
    await store.append(
      'partnership-75001-a',
      [contact('75001', '2018-01-25T10:00:00Z', 99), contact('75001', '2018-01-26T10:00:00Z', 1)],
      'any',
    );
    const crashing = new ProjectionEngine(store, pool, ds, [contactsPerMonth({ failOnMinutes: 99 })], { batchSize: 3 });
    await crashing.prepare();
    await crashing.runBatch(crashing.get('test-contacts-per-month')); // the first three contacts land
    const afterFirst = await liveRows();
    await expect(crashing.runBatch(crashing.get('test-contacts-per-month'))).rejects.toThrow('simulated crash');
    expect(await liveRows()).toEqual(afterFirst);
    expect((await crashing.status())[0].checkpoint).toBe(3);

    // Restarted with a healthy fold, it ends where a rebuild from scratch ends.
    const restarted = new ProjectionEngine(store, pool, ds, [contactsPerMonth()], { batchSize: 3 });
    await restarted.catchUp('test-contacts-per-month');
    const resumed = await liveRows();
    await restarted.rebuild('test-contacts-per-month');
    expect(await liveRows()).toEqual(resumed);
    expect(resumed.find((r) => r.month === '2018-01')).toMatchObject({ contacts: 4, totalMinutes: 175 });
  });

  it('rebuilds into fresh tables while readers keep seeing the complete old model, then swaps', async () => {
    for (let i = 0; i < 40; i++)
      await store.append(`s-${i}`, [contact('75001', `2018-${String((i % 12) + 1).padStart(2, '0')}-01T00:00:00Z`, i)], 'no_stream');
    const engine = new ProjectionEngine(store, pool, ds, [contactsPerMonth()], { rebuildFlushEvents: 5 });
    await engine.catchUp('test-contacts-per-month');
    const before = await liveRows();
    const seenDuring: number[] = [];
    const progress: number[] = [];
    const result = await engine.rebuild('test-contacts-per-month', (p) => {
      progress.push(p.position);
      seenDuring.push(p.events);
    });
    expect(result.events).toBe(40);
    expect(progress.length).toBeGreaterThan(1);
    expect(await liveRows()).toEqual(before);
    const tables = await pool.query(`SELECT tablename FROM pg_tables WHERE tablename LIKE 'test_contacts%'`);
    expect(tables.rows.map((r) => r.tablename)).toEqual(['test_contacts_per_month']);
    // A second rebuild works too (index names of the swapped table do not clash).
    await engine.rebuild('test-contacts-per-month');
    expect(await liveRows()).toEqual(before);
  });

  it('replays in memory as of a position, an occurredAt date and a recordedAt time, without touching live tables', async () => {
    await seed();
    const engine = new ProjectionEngine(store, pool, ds, [contactsPerMonth()]);
    await engine.prepare();

    const all = await engine.replay<{ months: ContactsPerMonthRow }>('test-contacts-per-month');
    await engine.catchUp('test-contacts-per-month');
    expect(sorted(all.list('months'))).toEqual(await liveRows());

    const byPosition = await engine.replay<{ months: ContactsPerMonthRow }>('test-contacts-per-month', { position: 2 });
    expect(byPosition.list('months')).toEqual([{ agency: '75001', month: '2018-01', contacts: 2, totalMinutes: 75, lastActor: 'user-1' }]);

    const byOccurred = await engine.replay<{ months: ContactsPerMonthRow }>('test-contacts-per-month', {
      occurredAt: '2018-02-15T00:00:00Z',
    });
    expect(sorted(byOccurred.list('months')).map((r) => r.month)).toEqual(['2018-02', '2018-01']);

    const [first] = await store.readStream('partnership-75001-a');
    const byRecorded = await engine.replay<{ months: ContactsPerMonthRow }>('test-contacts-per-month', {
      recordedAt: first.metadata.recordedAt,
      agency: '75001',
    });
    expect(byRecorded.list('months').every((r) => r.agency === '75001')).toBe(true);

    const oneAgency = await engine.replay<{ months: ContactsPerMonthRow }>('test-contacts-per-month', { agency: '13002' });
    expect(oneAgency.list('months')).toEqual([{ agency: '13002', month: '2018-02', contacts: 1, totalMinutes: 60, lastActor: 'user-2' }]);
  });

  it('follows the log live and lets a reader wait for its own write', async () => {
    const engine = new ProjectionEngine(store, pool, ds, [contactsPerMonth()]);
    await engine.start();
    try {
      const { positions } = await store.append('partnership-75001-a', [contact('75001', '2018-05-05T00:00:00Z', 5)], 'no_stream');
      expect(await engine.waitFor(positions[0], ['test-contacts-per-month'], 10_000)).toBe(true);
      expect(await liveRows()).toEqual([{ agency: '75001', month: '2018-05', contacts: 1, totalMinutes: 5, lastActor: 'user-1' }]);
      expect((await engine.status())[0]).toMatchObject({ state: 'live', lag: 0 });
      // Another process that does not run projectors (a CLI command) reports the same.
      const bystander = new ProjectionEngine(store, pool, ds, [contactsPerMonth()]);
      expect((await bystander.status())[0]).toMatchObject({ state: 'live', lag: 0 });
      await engine.stop();
      expect((await bystander.status())[0]).toMatchObject({ state: 'stopped', lag: 0 });
      await store.append('partnership-75001-b', [contact('75001', '2018-05-06T00:00:00Z', 5)], 'no_stream');
      expect((await bystander.status())[0]).toMatchObject({ state: 'behind', lag: 1 });
    } finally {
      await engine.stop();
    }
  });

  it('elects one projector per projection across engines', async () => {
    const first = new ProjectionEngine(store, pool, ds, [contactsPerMonth()]);
    const second = new ProjectionEngine(store, pool, ds, [contactsPerMonth()]);
    await first.start();
    await second.start();
    try {
      for (let i = 0; i < 20; i++) await store.append(`s-${i}`, [contact('75001', '2018-06-01T00:00:00Z', 1)], 'no_stream');
      expect(await first.waitFor(await store.headPosition(), undefined, 10_000)).toBe(true);
      expect(await liveRows()).toEqual([{ agency: '75001', month: '2018-06', contacts: 20, totalMinutes: 20, lastActor: 'user-1' }]);
    } finally {
      await first.stop();
      await second.stop();
    }
  });

  it('answers every valid and recorded time as a full replay does, live in batches of any size and after a rebuild (seeded random histories)', async () => {
    const engine = new ProjectionEngine(store, pool, ds, [sampleProjection]);
    const reads = new ReadModels(pool, engine);
    await engine.prepare();
    const day = (n: number) => new Date(Date.UTC(2018, 0, 1) + n * 86_400_000).toISOString();
    const event = fc.record({
      type: fc.constantFrom('Count', 'Count', 'SetStatus', 'Transfer', 'Reset'),
      agency: fc.constantFrom('a', 'b'),
      day: fc.integer({ min: 0, max: 70 }),
      status: fc.constantFrom('open', 'closed'),
      n: fc.integer({ min: 1, max: 9 }),
      sameInstant: fc.boolean(),
    });
    const cuts: { agencies: string[]; validAt?: string; knownAt?: string }[] = [];
    let run = 0;
    const rowsAt = async (agencies: string[], validAt?: string, knownAt?: string) => {
      const cut = { validAt, knownAt };
      const counters = await reads.find(SampleCounterRow, cut, { agency: agencies }, { order: { agency: 'ASC', month: 'ASC' } });
      const statuses = await reads.find(SampleStatusRow, cut, { agency: agencies }, { order: { agency: 'ASC' } });
      return { counters, statuses };
    };
    const replayed = async (agencies: string[], validAt?: string, knownAt?: string) => {
      const rows = await engine.replay<{ counters: SampleCounterRow; statuses: SampleStatusRow }>(sampleProjection.name, {
        occurredAt: validAt,
        recordedAt: knownAt,
      });
      const mine = <R extends { agency: string }>(list: R[]) => list.filter((r) => agencies.includes(r.agency));
      const order = (r: { agency: string; month?: string }) => `${r.agency}|${r.month ?? ''}`;
      return {
        counters: mine(rows.list('counters')).sort((x, y) => order(x).localeCompare(order(y))),
        statuses: mine(rows.list('statuses')).sort((x, y) => order(x).localeCompare(order(y))),
      };
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(event, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.integer({ min: -1, max: 72 }), { minLength: 3, maxLength: 6 }),
        async (specs, batch, validDays) => {
          run++;
          const agencies = [`r${run}a`, `r${run}b`];
          // Consecutive events marked sameInstant are appended together: one recorded instant.
          const groups: NewEvent[][] = [];
          for (const [i, spec] of specs.entries()) {
            const occurredAt = day(spec.day);
            const agency = spec.agency === 'a' ? agencies[0] : agencies[1];
            // Tags with a tab, a line break and a backslash travel through COPY's text format.
            const data = {
              agency,
              ...(spec.type === 'Reset' ? { month: occurredAt.slice(0, 7) } : {}),
              status: spec.status,
              n: spec.n,
              tag: spec.n % 2 ? 'odd\tone' : 'even\\one\n',
            };
            const e = newEvent({ type: spec.type, agency, data });
            e.metadata = { ...e.metadata, occurredAt };
            if (i === 0 || !spec.sameInstant) groups.push([]);
            groups.at(-1)!.push(e);
          }
          for (const group of groups) await store.append(`sample-${run}`, group, 'any');
          for (;;) if ((await engine.runBatch(engine.get(sampleProjection.name), batch)).caughtUp) break;
          const recorded = [...new Set((await store.readStream(`sample-${run}`)).map((e) => e.metadata.recordedAt))];
          const knownAts = [undefined, ...recorded, ...recorded.map((r) => new Date(Date.parse(r) - 1).toISOString())];
          for (const knownAt of knownAts) {
            for (const validAt of [undefined, ...validDays.map(day)]) {
              expect(await rowsAt(agencies, validAt, knownAt)).toEqual(await replayed(agencies, validAt, knownAt));
              if (cuts.length < 400) cuts.push({ agencies, validAt, knownAt });
            }
          }
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 12), seed: 20170115 },
    );
    // A rebuild from scratch gives the same answers at every cut.
    const before = await Promise.all(cuts.map((c) => rowsAt(c.agencies, c.validAt, c.knownAt)));
    await engine.rebuild(sampleProjection.name);
    expect(await Promise.all(cuts.map((c) => rowsAt(c.agencies, c.validAt, c.knownAt)))).toEqual(before);
  });
});
