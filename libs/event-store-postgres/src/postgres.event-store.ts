// bigint columns arrive as strings from pg; positions stay below 2^53 and are read with Number().
import { Client, Pool, PoolClient, QueryResult } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { PendingEvent, STAGING_COPY, STAGING_TABLE, stagingRows } from './staging';
import {
  AppendResult,
  CURRENT_DIGEST_FORM,
  DigestForm,
  DuplicateEventIdError,
  EventStore,
  ExpectedVersion,
  LogFilter,
  NewEvent,
  payloadForAppend,
  ReadAllOptions,
  ReadAllSlice,
  ReadBackwardOptions,
  ReadStreamOptions,
  RecordedEvent,
  UpcasterRegistry,
  validateBatch,
  WrongExpectedVersionError,
} from '../../event-store/src';

const COLUMNS = `position, event_id, stream_id, stream_version, type, schema_version, data, metadata,
  to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at, encode(hash, 'hex') AS hash, digest_form`;

interface EventRow {
  position: string;
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: Omit<RecordedEvent['metadata'], 'recordedAt'>;
  recorded_at: string;
  hash: string;
  digest_form: DigestForm;
}

/** An instant as UTC ISO text, so the session's time zone never shifts a date-only bound. */
function utcInstant(value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${value}`);
  return new Date(ms).toISOString();
}

/**
 * The WHERE clause of a read between two positions (after < position <= upTo) with readAll's
 * filters, and the index order to read it in. An agency's range is written as a row comparison, which only the (agency, position)
 * index can answer: with "agency = $a AND position > $1" the planner may walk the primary key in
 * order hoping to fill the limit early, and scan the whole log for an agency whose events are recent.
 */
function logWhere(filter: LogFilter, after: number, upTo: number): { sql: string; params: unknown[]; order: string[] } {
  const params: unknown[] = [after, upTo];
  const clauses: string[] = [];
  if (filter.agency !== undefined) {
    params.push(filter.agency);
    clauses.push(`(agency, position) > ($3, $1::bigint) AND (agency, position) <= ($3, $2::bigint)`);
  } else {
    clauses.push('position > $1 AND position <= $2');
  }
  if (filter.types) {
    params.push(filter.types);
    clauses.push(`type = ANY($${params.length}::text[])`);
  }
  if (filter.occurredUpTo !== undefined) {
    params.push(utcInstant(filter.occurredUpTo));
    clauses.push(`occurred_at <= $${params.length}::timestamptz`);
  }
  if (filter.recordedUpTo !== undefined) {
    params.push(utcInstant(filter.recordedUpTo));
    clauses.push(`recorded_at <= $${params.length}::timestamptz`);
  }
  return { sql: clauses.join(' AND '), params, order: filter.agency !== undefined ? ['agency', 'position'] : ['position'] };
}

/** Events one grouped round trip carries at most (a single larger append still goes alone). */
const MAX_GROUP_EVENTS = 5000;

/** Groups written at once (see flush). */
const MAX_GROUPS_IN_FLIGHT = 2;

/**
 * Groups of at least this many events are COPYed in (copyGroup): three round trips instead of one,
 * but far less work per event in PostgreSQL. Smaller groups, single appends above all, keep the
 * one-round-trip function.
 */
const BULK_APPEND_MIN_EVENTS = 50;

/** Data and metadata travel as the texts the digest covers: each part is serialised once. */
function pendingEvent(streamId: string, e: NewEvent): PendingEvent {
  const { data, metadata, digest } = payloadForAppend(streamId, e);
  return { eventId: e.eventId, type: e.type, schemaVersion: e.schemaVersion, agency: e.metadata.agency ?? null, occurredAt: e.metadata.occurredAt, data, metadata, digest };
}

/** The event as event_log_append() takes it: a json text, so data and metadata keep the digested text. */
function functionJson(e: PendingEvent): string {
  return (
    `{"eventId":"${e.eventId}","type":${JSON.stringify(e.type)},"schemaVersion":${e.schemaVersion},"data":${e.data},"metadata":${e.metadata},"digest":"${e.digest}",` +
    `"digestForm":${CURRENT_DIGEST_FORM}}`
  );
}

/** The expected version as the SQL side takes it: null for any, -1 for no stream. */
function expectedVersionNumber(expected: ExpectedVersion): number | null {
  return expected === 'any' ? null : expected === 'no_stream' ? -1 : expected;
}

interface PendingAppend {
  streamId: string;
  expected: ExpectedVersion;
  events: PendingEvent[];
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

interface StagedRow {
  out_item: number;
  out_last_position: string;
  out_last_version: number;
}

interface BatchRow {
  out_item: number;
  out_position: string | null;
  out_stream_version: number | null;
  out_already: boolean | null;
  out_error: string | null;
  out_detail: string | null;
}

function toError(item: PendingAppend, row: BatchRow): Error {
  if (row.out_error === 'AE001') return new WrongExpectedVersionError(item.streamId, item.expected, Number(row.out_detail));
  if (row.out_error === 'AE002') return new DuplicateEventIdError(String(row.out_detail));
  return Object.assign(new Error(`append to ${item.streamId} failed: ${row.out_detail ?? row.out_error}`), { code: row.out_error });
}

/** How appends travelled since the store was opened (for the bench, status and tests). */
export interface AppendPathCounts {
  /** Groups written by the one-round-trip function. */
  functionGroups: number;
  /** Groups COPYed in. */
  bulkGroups: number;
  /** Groups the bulk path handed back to the function (a conflict, a retry, a refused row). */
  bulkFallbacks: number;
}

export interface PostgresEventStoreOptions {
  pool: Pool;
  /** Needed for LISTEN; without it followers poll. */
  connectionString?: string;
  upcasters?: UpcasterRegistry;
}

/**
 * The event store on PostgreSQL. Schema: migrations/1764000000000-event-log.ts, then json columns
 * (1764000010000); the append functions and digest forms: 1764000020000-event-log-digest-form.ts;
 * the bulk path's staged append: 1764000030000-event-log-staged-append.ts and staging.ts.
 */
export class PostgresEventStore implements EventStore {
  private readonly pool: Pool;
  private readonly upcasters: UpcasterRegistry;
  private listener?: Promise<Client | undefined>;
  /** The highest head the LISTEN connection has heard of since it was made (undefined: not listening). */
  private heardHead?: number;
  private waiters = new Set<() => void>();
  private closed = false;
  private queue: PendingAppend[] = [];
  private inFlight = 0;
  private flushScheduled = false;
  private readonly counts: AppendPathCounts = { functionGroups: 0, bulkGroups: 0, bulkFallbacks: 0 };
  /** Settles once the last bulk group formed has asked for the append lock. */
  private lockTurns: Promise<void> = Promise.resolve();
  /** Connections whose session has its staging table. */
  private readonly staged = new WeakSet<PoolClient>();

  constructor(private readonly options: PostgresEventStoreOptions) {
    this.pool = options.pool;
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    validateBatch(streamId, events, expected);
    const item: PendingAppend = {
      streamId,
      expected,
      events: events.map((e) => pendingEvent(streamId, e)),
      resolve: () => undefined,
      reject: () => undefined,
    };
    const done = new Promise<AppendResult>((resolve, reject) => Object.assign(item, { resolve, reject }));
    this.queue.push(item);
    // Flush once the current turn of the event loop ends, so that appends made together (the
    // writers an earlier group's answers released) travel together.
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        this.flush();
      });
    }
    return done;
  }

  /**
   * Group commit: appends that queue up while earlier ones are in flight travel together in one
   * statement and one commit. Two groups may be in flight: their appends still run one after the
   * other (the head lock), but one group is prepared, COPYed into staging and answered while the
   * other appends, instead of both sides waiting in turn. Every item still succeeds or fails on its own.
   */
  private flush(): void {
    while (this.queue.length > 0 && this.inFlight < MAX_GROUPS_IN_FLIGHT) {
      // With nothing in flight and a large queue, half of it goes first and the rest right behind:
      // the halves then alternate, one written while the next one's writers prepare.
      const queued = this.queue.reduce((n, q) => n + q.events.length, 0);
      const budget = this.inFlight === 0 && queued >= 2 * BULK_APPEND_MIN_EVENTS ? Math.ceil(queued / 2) : MAX_GROUP_EVENTS;
      const group: PendingAppend[] = [];
      let size = 0;
      while (this.queue.length > 0 && (group.length === 0 || size + this.queue[0].events.length <= Math.min(budget, MAX_GROUP_EVENTS))) {
        const next = this.queue.shift()!;
        size += next.events.length;
        group.push(next);
      }
      this.inFlight++;
      void this.appendGroup(group).finally(() => {
        this.inFlight--;
        this.flush();
      });
    }
  }

  private async appendGroup(group: PendingAppend[]): Promise<void> {
    const size = group.reduce((n, g) => n + g.events.length, 0);
    if (size >= BULK_APPEND_MIN_EVENTS) {
      if (await this.copyGroup(group)) return void this.counts.bulkGroups++;
      this.counts.bulkFallbacks++;
    }
    this.counts.functionGroups++;
    const items = group.map(
      (g) =>
        `{"stream":${JSON.stringify(g.streamId)},"expected":${expectedVersionNumber(g.expected)},` +
        `"any":${g.expected === 'any'},"events":[${g.events.map(functionJson).join(',')}]}`,
    );
    let rows: BatchRow[];
    try {
      rows = (await this.pool.query<BatchRow>('SELECT * FROM event_log_append_batch($1)', [`[${items.join(',')}]`])).rows;
    } catch (error) {
      group.forEach((g) => g.reject(error));
      return;
    }
    group.forEach((g, index) => {
      const mine = rows.filter((r) => r.out_item === index);
      const failed = mine.find((r) => r.out_error !== null);
      if (failed) return g.reject(toError(g, failed));
      g.resolve({
        streamId: g.streamId,
        positions: mine.map((r) => Number(r.out_position)),
        streamVersion: mine[mine.length - 1].out_stream_version!,
        alreadyRecorded: mine[0].out_already!,
      });
    });
  }

  /**
   * The bulk path: COPY the group into the session's staging table, then one round trip locks the
   * head, versions, checks and chains the staged events, inserts them, moves the head and commits
   * (event_log_append_staged, migration 1764000030000). It is all or nothing for the group: when
   * anything is off (an item's version does not match, one of its event ids is already stored, a
   * row is refused), it rolls back and answers false, and the function path gives each item its own
   * answer. Same positions, versions and hashes as event_log_append() would give.
   */
  private async copyGroup(group: PendingAppend[]): Promise<boolean> {
    // The turn is taken before any await, so it follows the order the groups were formed in.
    const turn = this.takeLockTurn();
    const client = await this.pool.connect().catch(() => undefined);
    if (!client) {
      turn.done();
      return false;
    }
    let broken = false;
    const rows = stagingRows(group.map((g) => ({ streamId: g.streamId, expected: expectedVersionNumber(g.expected), events: g.events })));
    try {
      if (!this.staged.has(client)) {
        await client.query(STAGING_TABLE);
        this.staged.add(client);
      }
      await client.query('BEGIN');
      await this.copyRows(client, rows);
      // Groups ask for the lock in the order they were formed, whichever COPY ended first, so
      // appends keep the order they were made in. The lock is taken and released within this one
      // round trip.
      await turn.previous;
      const appending = client.query<StagedRow>('SELECT * FROM event_log_append_staged(); COMMIT');
      turn.done();
      // Two statements in one query: pg answers one result per statement.
      const [appended] = (await appending) as unknown as [QueryResult<StagedRow>];
      const last = new Map(appended.rows.map((r) => [r.out_item, r]));
      group.forEach((g, i) => {
        const { out_last_position, out_last_version } = last.get(i)!;
        const end = Number(out_last_position);
        g.resolve({
          streamId: g.streamId,
          positions: g.events.map((_, j) => end - g.events.length + 1 + j),
          streamVersion: out_last_version,
          alreadyRecorded: false,
        });
      });
      return true;
    } catch {
      // A conflict, a stored event id, a row PostgreSQL refuses, a lost connection: nothing of
      // the group is committed (or, if a COMMIT's answer was lost, it is, and the function path's
      // idempotency answers with the stored positions). The staging table is checked again next
      // time, in case the session lost it (a pooler's DISCARD ALL).
      this.staged.delete(client);
      broken = !(await client.query('ROLLBACK').then(() => true, () => false));
      return false;
    } finally {
      turn.done();
      client.release(broken);
    }
  }

  /** A place in the queue for the lock: `previous` settles once the group before has asked for it. */
  private takeLockTurn(): { previous: Promise<void>; done: () => void } {
    const previous = this.lockTurns;
    let done!: () => void;
    this.lockTurns = new Promise<void>((resolve) => (done = resolve));
    return { previous, done };
  }

  private async copyRows(client: PoolClient, data: Buffer): Promise<void> {
    const stream = client.query(copyFrom(STAGING_COPY));
    await new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
      stream.end(data);
    });
  }

  appendPaths(): AppendPathCounts {
    return { ...this.counts };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM event_log
        WHERE stream_id = $1 AND stream_version >= $2 AND stream_version <= $3
        ORDER BY stream_version`,
      [streamId, options.fromVersion ?? 0, options.toVersion ?? 2147483647],
    );
    return rows.map((r) => this.toEvent(r, options.upcast));
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllSlice> {
    // The head is read first: every event at or below it is committed (appends commit in position
    // order), so a filtered read that finds nothing more may safely report it scanned up to there.
    const head = await this.headPosition();
    const after = options.after ?? 0;
    const limit = options.limit ?? 1000;
    // Positions are contiguous here, so a read by position scans a bounded window of them: the
    // plan and the work stay small whatever the statistics say (a fresh log is not analysed yet,
    // and a mis-estimated range made PostgreSQL sort the whole remaining log to return one page).
    // An agency's read instead walks the (agency, position) index, whatever the log's size.
    const window = options.agency !== undefined ? Number.MAX_SAFE_INTEGER : options.types ? limit * 2 : limit;
    const upTo = Math.min(options.upTo ?? head, head, after + window);
    const where = logWhere(options, after, upTo);
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM event_log WHERE ${where.sql}
        ORDER BY ${where.order.join(', ')} LIMIT $${where.params.length + 1}`,
      [...where.params, limit],
    );
    const events = rows.map((r) => this.toEvent(r, options.upcast));
    const scannedTo = events.length === limit ? events[events.length - 1].position : Math.max(upTo, after);
    return { events, scannedTo, endOfLog: scannedTo >= head };
  }

  async readBackward(options: ReadBackwardOptions = {}): Promise<RecordedEvent[]> {
    const where = logWhere(options, 0, options.upTo ?? Number.MAX_SAFE_INTEGER);
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM event_log WHERE ${where.sql}
        ORDER BY ${where.order.map((key) => `${key} DESC`).join(', ')} LIMIT $${where.params.length + 1}`,
      [...where.params, options.limit ?? 1000],
    );
    return rows.map((r) => this.toEvent(r, options.upcast));
  }

  async countAll(filter: LogFilter = {}): Promise<number> {
    const where = logWhere(filter, 0, filter.upTo ?? Number.MAX_SAFE_INTEGER);
    const { rows } = await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM event_log WHERE ${where.sql}`, where.params);
    return Number(rows[0].n);
  }

  async headPosition(): Promise<number> {
    const { rows } = await this.pool.query<{ position: string }>('SELECT position::text AS position FROM event_log_head');
    return Number(rows[0].position);
  }

  async waitForAppend(after: number, timeoutMs: number): Promise<void> {
    await this.listen();
    if (this.closed) return;
    // Register before reading the head, so a notification between the two is not missed.
    let done!: () => void;
    const woken = new Promise<void>((resolve) => {
      const timer = setTimeout(() => done(), timeoutMs);
      done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      this.waiters.add(done);
    });
    // While listening, the head heard of is enough: any later commit will notify.
    const head = this.heardHead ?? (await this.headPosition());
    if (head > after) done();
    await woken;
  }

  async close(): Promise<void> {
    this.closed = true;
    [...this.waiters].forEach((wake) => wake());
    const listener = await this.listener;
    await listener?.end().catch(() => undefined);
  }

  /** One LISTEN connection per store; waiters fall back to their timeout if it cannot be made. */
  private listen(): Promise<Client | undefined> {
    if (!this.options.connectionString || this.closed) return Promise.resolve(undefined);
    this.listener ??= (async () => {
      const client = new Client({ connectionString: this.options.connectionString, options: '-c jit=off' });
      let heard = 0;
      client.on('notification', (message) => {
        heard = Math.max(heard, Number(message.payload) || 0);
        if (this.heardHead !== undefined) this.heardHead = Math.max(this.heardHead, heard);
        [...this.waiters].forEach((wake) => wake());
      });
      client.on('error', () => {
        this.listener = undefined;
        this.heardHead = undefined;
      });
      try {
        await client.connect();
        await client.query('LISTEN event_log');
        // Commits before LISTEN were not heard: the head read after it covers them.
        this.heardHead = Math.max(heard, await this.headPosition());
        return client;
      } catch {
        this.listener = undefined;
        this.heardHead = undefined;
        return undefined;
      }
    })();
    return this.listener;
  }

  private toEvent(row: EventRow, upcast = true): RecordedEvent {
    const event: RecordedEvent = {
      eventId: row.event_id,
      type: row.type,
      schemaVersion: row.schema_version,
      streamId: row.stream_id,
      streamVersion: row.stream_version,
      position: Number(row.position),
      data: row.data,
      metadata: { ...row.metadata, recordedAt: row.recorded_at },
      hash: row.hash,
      digestForm: row.digest_form,
    };
    return upcast ? this.upcasters.apply(event) : event;
  }
}

/** Whether the database holds no event yet (or not even the log's tables), without migrating it. */
export async function eventLogIsEmpty(connectionString: string): Promise<boolean> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ exists: boolean }>(`SELECT to_regclass('event_log_head') IS NOT NULL AS exists`);
    if (!rows[0].exists) return true;
    const head = await client.query<{ position: string }>('SELECT position::text AS position FROM event_log_head');
    return Number(head.rows[0]?.position ?? 0) === 0;
  } finally {
    await client.end();
  }
}
