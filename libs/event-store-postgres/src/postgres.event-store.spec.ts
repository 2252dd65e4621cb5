import { Client } from 'pg';
import { createPool } from '@ancrage/database';
import { migrate } from '@ancrage/database';
import { eventStoreContract } from '@ancrage/event-store/testing';
import { newEvent } from '@ancrage/event-store/testing';
import {
  DuplicateEventIdError,
  NewEvent,
  payloadDigest,
  UpcasterRegistry,
  verifyChain,
  WrongExpectedVersionError,
} from '@ancrage/event-store';
import { createTestDatabase } from '@ancrage/testing/test-database';
import { EventLog1764000000000 } from './migrations/1764000000000-event-log';
import { EVENT_LOG_MIGRATIONS } from './migrations/event-log-migrations';
import { PostgresEventStore, PostgresEventStoreLog } from './postgres.event-store';

async function openStore(upcasters = new UpcasterRegistry()) {
  const db = await createTestDatabase();
  await migrate({ url: db.url, migrations: EVENT_LOG_MIGRATIONS });
  const pool = createPool(db.url, 10);
  const store = new PostgresEventStore({ pool, connectionString: db.url, upcasters });
  return {
    db,
    pool,
    store,
    teardown: async () => {
      await store.close();
      await pool.end();
      await db.drop();
    },
  };
}

eventStoreContract('postgres', (upcasters) => openStore(upcasters));

describe('PostgresEventStore schema upgrade', () => {
  it('keeps a log written under the first schema (jsonb, locale keys, sorted digests) verifiable, and appends to it on both paths', async () => {
    const db = await createTestDatabase();
    const migrateTo = async (migrations: typeof EVENT_LOG_MIGRATIONS) => {
      await migrate({ url: db.url, migrations });
    };
    const pool = createPool(db.url, 4);
    try {
      await migrateTo([EventLog1764000000000]);
      for (let i = 0; i < 4; i++) {
        const e = newEvent({ data: { n: i, note: 'é\t"x"', nested: { b: 1, a: [2, 3] } } });
        const events = [{ ...e, digest: payloadDigest({ ...e, streamId: `s-${i % 2}` }, 1) }];
        await pool.query('SELECT * FROM event_log_append_batch($1)', [
          JSON.stringify([{ stream: `s-${i % 2}`, expected: null, any: true, events }]),
        ]);
      }
      await migrateTo(EVENT_LOG_MIGRATIONS);
      const { rows } = await pool.query(`SELECT pg_typeof(data)::text AS type FROM event_log LIMIT 1`);
      expect(rows[0].type).toBe('json');
      const store = new PostgresEventStore({ pool });
      // Keys out of order: both paths must store the very text they digested.
      const unsorted = () => newEvent({ data: { z: 1, a: { y: 'é', b: [2, 1] } } });
      await store.append('s-0', [unsorted()], 1);
      await store.append('s-1', Array.from({ length: 60 }, unsorted), 'any');
      expect(store.appendPaths()).toEqual({ functionGroups: 1, bulkGroups: 1, bulkFallbacks: 0 });
      const s0 = await store.readStream('s-0');
      expect(s0.map((e) => [e.streamVersion, e.digestForm])).toEqual([
        [0, 1],
        [1, 1],
        [2, 2],
      ]);
      expect(Object.keys(s0[2].data as object)).toEqual(['z', 'a']);
      expect(await verifyChain(store)).toMatchObject({ ok: true, headPosition: 65 });
      await store.close();
    } finally {
      await pool.end();
      await db.drop();
    }
  });
});

describe('PostgresEventStore specifics', () => {
  let subject: Awaited<ReturnType<typeof openStore>>;
  beforeEach(async () => {
    subject = await openStore();
  });
  afterEach(() => subject.teardown());

  async function failInsertsOfType(type: string): Promise<void> {
    await subject.db.insider(`CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.type = '${type}' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$`);
    await subject.db.insider(`CREATE TRIGGER refuse_boom BEFORE INSERT ON event_log FOR EACH ROW EXECUTE FUNCTION refuse_boom()`);
  }

  it('rolls back the whole batch when the database refuses one of its events', async () => {
    const { store } = subject;
    await store.append('s', [newEvent()], 'no_stream');
    await failInsertsOfType('Boom');
    await expect(store.append('s', [newEvent(), newEvent({ type: 'Boom' })], 0)).rejects.toThrow('refused by test trigger');
    expect(await store.readStream('s')).toHaveLength(1);
    expect(await store.headPosition()).toBe(1);
    expect((await verifyChain(store)).ok).toBe(true);
  });

  it('groups concurrent appends into shared commits, each succeeding or failing on its own', async () => {
    const { store } = subject;
    await failInsertsOfType('Boom');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => store.append(`g-${i % 5}`, [newEvent({ type: i % 7 === 3 ? 'Boom' : 'ContactLogged' })], 'any')),
    );
    const failed = outcomes.filter((o) => o.status === 'rejected');
    expect(failed).toHaveLength(4);
    expect(await store.headPosition()).toBe(26);
    expect((await verifyChain(store)).ok).toBe(true);
    // Versions within each stream are contiguous whatever group the appends travelled in.
    for (let s = 0; s < 5; s++) {
      const versions = (await store.readStream(`g-${s}`)).map((e) => e.streamVersion);
      expect(versions).toEqual(versions.map((_, i) => i));
    }
  });

  describe('bulk appends (groups of 50 events or more are COPYed in)', () => {
    const many = (n: number, overrides: Parameters<typeof newEvent>[0] = {}): NewEvent[] =>
      Array.from({ length: n }, () => newEvent(overrides));

    it('stores what the function path stores, awkward characters included, and chains it', async () => {
      const { store, pool } = subject;
      const awkward = { note: 'tab\there, newline\nthere, back\\slash, "quotes", \\N, é, 🚀', nested: { list: [1, 'a\\tb', null] } };
      // Instants with microseconds, offsets and dates before 1970 and 2000, which the binary COPY encodes itself.
      const at = (occurredAt: string) => ({ ...newEvent().metadata, occurredAt });
      const instants = [
        '1960-03-14T09:00:00.123456+02:00',
        '1999-12-31T23:59:59.999999Z',
        '2018-03-14T09:00Z',
        '2031-01-01T00:00:00.5-05:30',
      ];
      const small = [newEvent({ data: awkward, agency: null })];
      const large = [
        ...many(246),
        ...instants.map((instant) => ({ ...newEvent(), metadata: at(instant) })),
        newEvent({ data: awkward, agency: null }),
        newEvent({ type: 'Tab\tType', agency: 'a\\b' }),
      ];
      await store.append('small', small, 'no_stream');
      const result = await store.append('large', large, 'no_stream');
      expect(store.appendPaths()).toEqual({ functionGroups: 1, bulkGroups: 1, bulkFallbacks: 0 });
      expect(result).toMatchObject({ streamVersion: 251, alreadyRecorded: false });
      expect(result.positions).toEqual(large.map((_, i) => 2 + i));

      const [fromFunction] = await store.readStream('small');
      const stored = await store.readStream('large');
      expect(stored).toHaveLength(252);
      expect(stored[250].data).toEqual(fromFunction.data);
      expect(stored[250].metadata.agency).toBeNull();
      expect(stored[251]).toMatchObject({ type: 'Tab\tType', metadata: { agency: 'a\\b' } });
      stored.forEach((e, i) =>
        expect({ id: e.eventId, v: e.streamVersion, data: e.data }).toEqual({ id: large[i].eventId, v: i, data: large[i].data }),
      );
      const occurred = await pool.query(
        `SELECT count(*)::int AS n FROM event_log WHERE occurred_at = (metadata->>'occurredAt')::timestamptz`,
      );
      expect(occurred.rows[0].n).toBe(253);
      expect(await verifyChain(store, { batchSize: 100 })).toMatchObject({ ok: true, headPosition: 253 });
    });

    it('groups concurrent large appends with contiguous versions per stream', async () => {
      const { store } = subject;
      await Promise.all(Array.from({ length: 12 }, (_, i) => store.append(`bulk-${i % 3}`, many(100), 'any')));
      expect(store.appendPaths().bulkGroups).toBeGreaterThan(0);
      expect(store.appendPaths().bulkFallbacks).toBe(0);
      for (let s = 0; s < 3; s++) {
        const versions = (await store.readStream(`bulk-${s}`)).map((e) => e.streamVersion);
        expect(versions).toEqual(versions.map((_, i) => i));
      }
      expect(await verifyChain(store)).toMatchObject({ ok: true, headPosition: 1200 });
    });

    it('answers a retried large append with the original positions and writes nothing', async () => {
      const { store } = subject;
      const batch = many(300);
      const first = await store.append('retried', batch, 'no_stream');
      const again = await store.append('retried', batch, 'no_stream');
      const anyAgain = await store.append('retried', batch, 'any');
      expect(again).toEqual({ ...first, alreadyRecorded: true });
      expect(anyAgain).toEqual({ ...first, alreadyRecorded: true });
      expect(await store.headPosition()).toBe(300);
      expect(store.appendPaths()).toEqual({ functionGroups: 2, bulkGroups: 1, bulkFallbacks: 2 });
    });

    it('refuses a stale version or a reused event id with the typed errors, writing nothing', async () => {
      const { store } = subject;
      const stored = many(200);
      await store.append('s', stored, 'no_stream');
      await expect(store.append('s', many(200), 5)).rejects.toEqual(new WrongExpectedVersionError('s', 5, 199));
      await expect(store.append('t', [...many(199), { ...stored[0], data: { other: true } }], 'no_stream')).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      expect(await store.headPosition()).toBe(200);
      expect(await verifyChain(store)).toMatchObject({ ok: true });
    });

    it('applies exact versions of concurrent large appends to one stream in the order they were made', async () => {
      const { store } = subject;
      const [first, second] = await Promise.all([store.append('same', many(60), 'no_stream'), store.append('same', many(60), 59)]);
      // Usually both are COPYed in; if the second group's server reaches the lock first, its stale
      // version sends it to the function path, which waits for the first group's commit.
      expect(store.appendPaths().bulkGroups).toBeGreaterThan(0);
      expect([first.streamVersion, second.streamVersion]).toEqual([59, 119]);
      expect(second.positions).toEqual(Array.from({ length: 60 }, (_, i) => 61 + i));
      expect((await store.readStream('same')).map((e) => e.streamVersion)).toEqual(Array.from({ length: 120 }, (_, i) => i));
      expect(await verifyChain(store)).toMatchObject({ ok: true, headPosition: 120 });
    });

    it('falls back once and recovers when a session loses its staging table (a pooler discarding it)', async () => {
      const { db } = subject;
      const pool = createPool(db.url, 1);
      const logged: Parameters<PostgresEventStoreLog>[] = [];
      const store = new PostgresEventStore({ pool, log: (...entry) => logged.push(entry) });
      try {
        await store.append('a', many(60), 'no_stream');
        await pool.query('DISCARD ALL');
        await store.append('a', many(60), 59);
        await store.append('a', many(60), 119);
        expect(store.appendPaths()).toEqual({ functionGroups: 1, bulkGroups: 2, bulkFallbacks: 1 });
        // Not an ordinary conflict: the bulk path itself failed, which is worth a warning.
        expect(logged).toEqual([
          [
            'warn',
            'bulk append fell back to the function path',
            { appends: 1, events: 60, reason: expect.stringContaining('event_log_staging'), code: '42P01' },
          ],
        ]);
        expect(await verifyChain(store)).toMatchObject({ ok: true, headPosition: 180 });
      } finally {
        await store.close();
        await pool.end();
      }
    });

    it('logs why a large group fell back to the function path', async () => {
      const { pool } = subject;
      const logged: Parameters<PostgresEventStoreLog>[] = [];
      const store = new PostgresEventStore({ pool, log: (...entry) => logged.push(entry) });
      const stored = many(60);
      await store.append('s', stored, 'no_stream');
      expect(logged).toEqual([]);
      await expect(store.append('s', many(60), 5)).rejects.toEqual(new WrongExpectedVersionError('s', 5, 59));
      await expect(store.append('s', stored, 'any')).resolves.toMatchObject({ alreadyRecorded: true });
      expect(store.appendPaths()).toEqual({ functionGroups: 2, bulkGroups: 1, bulkFallbacks: 2 });
      // A stale version and a retry are how the function path gets to answer each append: info, not warn.
      const fellBack = 'bulk append fell back to the function path';
      expect(logged).toEqual([
        ['info', fellBack, { appends: 1, events: 60, reason: 'stream s is at version 59, expected 5', code: 'AE003' }],
        ['info', fellBack, { appends: 1, events: 60, reason: expect.stringContaining('duplicate key'), code: '23505' }],
      ]);
      await store.close();
    });

    it('writes a group whose fallback the logger fails to record', async () => {
      const { pool } = subject;
      const failing = () => {
        throw new Error('logger down');
      };
      const store = new PostgresEventStore({ pool, log: failing });
      await store.append('s', many(60), 'no_stream');
      await expect(store.append('s', many(60), 5)).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(store.append('s', many(60), 59)).resolves.toMatchObject({ streamVersion: 119 });
      expect(store.appendPaths()).toEqual({ functionGroups: 1, bulkGroups: 2, bulkFallbacks: 1 });
      await store.close();
    });

    it('fails only the item the database refuses when large appends share a group', async () => {
      const { store } = subject;
      await failInsertsOfType('Boom');
      const outcomes = await Promise.allSettled([
        store.append('ok-1', many(150), 'any'),
        store.append('bad', [...many(149), newEvent({ type: 'Boom' })], 'any'),
        store.append('ok-2', many(150), 'any'),
        store.append('ok-3', many(150), 'any'),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect(await store.readStream('bad')).toHaveLength(0);
      expect(await store.headPosition()).toBe(450);
      expect(await verifyChain(store)).toMatchObject({ ok: true, headPosition: 450 });
    });
  });

  describe('append-only by construction', () => {
    beforeEach(() => subject.store.append('s', [newEvent(), newEvent()], 'no_stream'));

    it.each([
      ['UPDATE', `UPDATE event_log SET type = 'Forged' WHERE position = 1`],
      ['DELETE', `DELETE FROM event_log WHERE position = 2`],
      ['TRUNCATE', `TRUNCATE event_log`],
    ])('refuses %s to the application role (privileges) and to a superuser (the trigger)', async (_, statement) => {
      await expect(subject.pool.query(statement)).rejects.toThrow(/permission denied/);
      const superuser = new Client({ connectionString: subject.db.url });
      await superuser.connect();
      try {
        expect(
          (await superuser.query<{ rolsuper: boolean }>(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`)).rows[0].rolsuper,
        ).toBe(true);
        await expect(superuser.query(statement)).rejects.toThrow(/event_log is append-only/);
        // The documented maintenance role may repair it.
        await superuser.query(`SET ROLE ancrage_maintenance`);
        await superuser.query(statement);
      } finally {
        await superuser.end();
      }
    });

    it('lets the application role append and read, and nothing else on the log', async () => {
      const { rows } = await subject.pool.query<{ role: string; privileges: string[] }>(
        `SELECT current_user AS role, ARRAY(SELECT p FROM unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','REFERENCES','TRIGGER']) p
                 WHERE has_table_privilege('event_log', p)) AS privileges`,
      );
      expect(rows[0]).toEqual({ role: 'ancrage_app', privileges: ['SELECT', 'INSERT'] });
      await subject.store.append('s', [newEvent()], 1);
      expect(await subject.store.headPosition()).toBe(3);
    });
  });

  describe('tamper evidence (rows changed directly in SQL)', () => {
    beforeEach(async () => {
      for (let i = 0; i < 10; i++) {
        await subject.store.append(`fund-75001-${2010 + (i % 3)}`, [newEvent({ data: { amountCents: 1000 * (i + 1) } })], 'any');
      }
      expect((await verifyChain(subject.store)).ok).toBe(true);
    });

    const sql = (text: string) => subject.db.insider(text);

    it('names the position whose data was edited', async () => {
      await sql(`UPDATE event_log SET data = jsonb_set(data::jsonb, '{amountCents}', '999999') WHERE position = 4`);
      expect(await verifyChain(subject.store, { batchSize: 3 })).toMatchObject({ ok: false, position: 4 });
    });

    it('names the position whose metadata was edited (who recorded it)', async () => {
      await sql(`UPDATE event_log SET metadata = jsonb_set(metadata::jsonb, '{actor}', '"someone-else"') WHERE position = 7`);
      expect(await verifyChain(subject.store)).toMatchObject({ ok: false, position: 7 });
    });

    it('names the position after a deleted event', async () => {
      await sql(`DELETE FROM event_log WHERE position = 5`);
      expect(await verifyChain(subject.store)).toMatchObject({ ok: false, position: 6 });
    });

    it('names the first of two swapped events', async () => {
      await sql(`UPDATE event_log SET position = -1 WHERE position = 3`);
      await sql(`UPDATE event_log SET position = 3 WHERE position = 8`);
      await sql(`UPDATE event_log SET position = 8 WHERE position = -1`);
      expect(await verifyChain(subject.store)).toMatchObject({ ok: false, position: 3 });
    });

    it('names an inserted event', async () => {
      // Make room at position 6 (two steps, so the primary key never collides), then forge an event there.
      await sql(`UPDATE event_log SET position = position + 100 WHERE position >= 6`);
      await sql(`UPDATE event_log SET position = position - 99 WHERE position >= 106`);
      await sql(`INSERT INTO event_log SELECT 6, gen_random_uuid(), stream_id, 99, type, schema_version, agency, data, metadata,
                   occurred_at, recorded_at, payload_digest, hash, digest_form FROM event_log WHERE position = 2`);
      expect(await verifyChain(subject.store)).toMatchObject({ ok: false, position: 6 });
    });

    it('notices a truncated tail', async () => {
      await sql(`DELETE FROM event_log WHERE position >= 9`);
      expect(await verifyChain(subject.store)).toMatchObject({ ok: false, position: 9 });
    });

    // Every column of a row, each edited alone: what the hash covers, and the copies reads filter on.
    it.each([
      ['event_id', `event_id = gen_random_uuid()`],
      ['stream_id', `stream_id = 'fund-75001-2099'`],
      ['stream_version', `stream_version = 99`],
      ['type', `type = 'PaymentCancelled'`],
      ['schema_version', `schema_version = 2`],
      ['agency', `agency = '13001'`],
      ['data', `data = '{"amountCents":1}'`],
      ['metadata', `metadata = jsonb_set(metadata::jsonb, '{role}', '"director"')`],
      ['occurred_at', `occurred_at = '2019-03-01T00:00:00Z'`],
      ['recorded_at', `recorded_at = recorded_at + interval '1 second'`],
      ['payload_digest', `payload_digest = sha256('forged')`],
      ['hash', `hash = sha256('forged')`],
      ['digest_form', `digest_form = 1`],
    ])('names the position whose %s was edited', async (_, assignment) => {
      await sql(`UPDATE event_log SET ${assignment} WHERE position = 5`);
      expect(await verifyChain(subject.store)).toMatchObject({ ok: false, position: 5 });
    });

    it('covers every column of the log (a new column needs a case above)', async () => {
      const rows = await subject.db.insider<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'event_log' ORDER BY ordinal_position`,
      );
      expect(rows.map((r) => r.column_name).sort()).toEqual(
        [
          'position',
          'event_id',
          'stream_id',
          'stream_version',
          'type',
          'schema_version',
          'agency',
          'data',
          'metadata',
          'occurred_at',
          'recorded_at',
          'payload_digest',
          'hash',
          'digest_form',
        ].sort(),
      );
    });

    it('names an edited recordedAt', async () => {
      await sql(`UPDATE event_log SET recorded_at = recorded_at - interval '1 day' WHERE position = 2`);
      expect(await verifyChain(subject.store)).toMatchObject({ ok: false, position: 2 });
    });
  });
});
