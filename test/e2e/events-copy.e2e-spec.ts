import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createPool, migrate } from '@ancrage/database';
import { EVENT_STORE, EventStore, NewEvent, StoredEventText } from '@ancrage/event-store';
import { EVENT_LOG_MIGRATIONS, PostgresEventStore } from '@ancrage/event-store-postgres';
import { Harness, startApp } from '../support/app-harness';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const run = promisify(execFile);
const CLI = ['dist/apps/cli/src/main.js', 'events', 'copy'];
const env = { ...process.env, LOG_LEVEL: 'warn' };

// A type no projection reads; texts in the writer's key order, accents and all, as the log keeps them.
const probe = (i: number): NewEvent => ({
  eventId: randomUUID(),
  type: 'CopyProbe',
  schemaVersion: 1,
  data: { zèbre: i, alpha: `réunion n° ${i}`, nested: { b: [i, 'ü'], a: null } },
  metadata: {
    actor: 'u',
    role: 'manager',
    agency: `6200${i % 3}`,
    correlationId: randomUUID(),
    causationId: null,
    idempotencyKey: null,
    occurredAt: `2018-03-${String((i % 28) + 1).padStart(2, '0')}T09:00:00.000Z`,
  },
});

async function headOf(url: string): Promise<number> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ position: string }>(`SELECT position FROM event_log_head`).catch(() => ({ rows: [] }));
    return rows.length ? Number(rows[0].position) : 0;
  } finally {
    await c.end();
  }
}

async function storedTexts(url: string): Promise<StoredEventText[]> {
  const pool = createPool(url, 2);
  try {
    return await new PostgresEventStore({ pool }).readStoredTexts(0, 100_000);
  } finally {
    await pool.end();
  }
}

/** `ancrage events copy` between two PostgreSQL databases: exact, resumable after a kill, refusing another log or an altered one. */
describe('copying a log into another store', () => {
  let h: Harness;
  let store: EventStore;
  const targets: TestDatabase[] = [];
  const target = async () => {
    const db = await createTestDatabase();
    targets.push(db);
    return db;
  };

  beforeAll(async () => {
    h = await startApp({ ANCRAGE_PROJECTIONS: 'false' });
    store = h.app.get<EventStore>(EVENT_STORE);
    for (let i = 0; i < 400; i++)
      await store.append(
        `copy-probe-${i % 37}`,
        Array.from({ length: 10 }, (_, j) => probe(i * 10 + j)),
        'any',
      );
  }, 120_000);
  afterAll(async () => {
    await h.close();
    for (const db of targets) await db.drop();
  });

  it('copies every event exactly, resumes after being killed mid-way, then verifies the chain', async () => {
    const to = await target();
    // Small batches, so that the copy is still under way when it is killed.
    const args = [...CLI, '--from', h.db.url, '--to', to.url, '--batch', '10'];
    const child = spawn('node', args, { env, stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    for (let i = 0; i < 3000 && (await headOf(to.url)) === 0; i++) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    await exited;
    const interrupted = await headOf(to.url);
    expect(interrupted).toBeGreaterThan(0);
    expect(interrupted).toBeLessThan(4000);

    const resumed = await run('node', args, { env });
    expect(resumed.stdout).toContain(`resuming after position ${interrupted} of 4000`);
    expect(resumed.stdout).toContain('chain verified: 4000 events');
    expect(await storedTexts(to.url)).toEqual(await storedTexts(h.db.url));

    // The source goes on; copying again takes only what is new.
    await store.append('copy-probe-new', [probe(4000), probe(4001)], 'any');
    const again = await run('node', args, { env });
    expect(again.stdout).toContain('copied 2 events (after 4000 already there, up to position 4002)');
    expect(await storedTexts(to.url)).toEqual(await storedTexts(h.db.url));

    // A target that has gone on past its source is not copied into.
    const pool = createPool(to.url, 2);
    await new PostgresEventStore({ pool }).append('copy-probe-target-only', [probe(9000)], 'no_stream');
    await pool.end();
    const ahead = await run('node', args, { env }).catch((e: unknown) => e as { code: number; stderr: string });
    expect(ahead).toMatchObject({ code: 1, stderr: expect.stringContaining('--to is ahead of --from (head 4003 against 4002)') });
  }, 180_000);

  it('refuses a target that holds another log, and a source altered since it was written', async () => {
    const other = await target();
    await migrate({ url: other.url, entities: [], migrations: EVENT_LOG_MIGRATIONS });
    const pool = createPool(other.url, 2);
    await new PostgresEventStore({ pool }).append('elsewhere', [probe(1), probe(2), probe(3)], 'no_stream');
    await pool.end();
    const refused = await run('node', [...CLI, '--from', h.db.url, '--to', other.url], { env }).catch(
      (e: unknown) => e as { code: number; stderr: string },
    );
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('already holds another log') });
    expect(await headOf(other.url)).toBe(3);

    await h.db.insider(`UPDATE event_log SET data = '{"zèbre": 1000000}' WHERE position = 120`);
    const fresh = await target();
    const altered = await run('node', [...CLI, '--from', h.db.url, '--to', fresh.url, '--batch', '100'], { env }).catch(
      (e: unknown) => e as { code: number; stderr: string },
    );
    expect(altered).toMatchObject({ code: 1, stderr: expect.stringContaining('event at position 120') });
    // The batches before the altered event are copied; the one holding it is not.
    expect(await headOf(fresh.url)).toBe(100);
  }, 120_000);
});
