// bigint columns arrive as strings from pg; positions stay below 2^53 and are read with Number().
import { Client, Pool } from 'pg';
import {
  AppendResult,
  DuplicateEventIdError,
  EventStore,
  ExpectedVersion,
  NewEvent,
  payloadDigest,
  ReadAllOptions,
  ReadAllSlice,
  ReadStreamOptions,
  RecordedEvent,
  UpcasterRegistry,
  validateBatch,
  WrongExpectedVersionError,
} from '../../event-store/src';

const COLUMNS = `position, event_id, stream_id, stream_version, type, schema_version, data, metadata,
  to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at, encode(hash, 'hex') AS hash`;

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
}

/** An instant as UTC ISO text, so the session's time zone never shifts a date-only bound. */
function utcInstant(value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${value}`);
  return new Date(ms).toISOString();
}

/** Events one grouped round trip carries at most (a single larger append still goes alone). */
const MAX_GROUP_EVENTS = 5000;

interface PendingAppend {
  streamId: string;
  expected: ExpectedVersion;
  events: Array<Omit<NewEvent, never> & { digest: string }>;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
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

export interface PostgresEventStoreOptions {
  pool: Pool;
  /** Needed for LISTEN; without it followers poll. */
  connectionString?: string;
  upcasters?: UpcasterRegistry;
}

/** The event store on PostgreSQL. Schema and append function: migrations/1764000000000-event-log.ts. */
export class PostgresEventStore implements EventStore {
  private readonly pool: Pool;
  private readonly upcasters: UpcasterRegistry;
  private listener?: Promise<Client | undefined>;
  private waiters = new Set<() => void>();
  private closed = false;
  private queue: PendingAppend[] = [];
  private flushing = false;

  constructor(private readonly options: PostgresEventStoreOptions) {
    this.pool = options.pool;
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    validateBatch(streamId, events, expected);
    const item: PendingAppend = {
      streamId,
      expected,
      events: events.map((e) => ({
        eventId: e.eventId,
        type: e.type,
        schemaVersion: e.schemaVersion,
        data: e.data,
        metadata: e.metadata,
        digest: payloadDigest({ ...e, streamId }),
      })),
      resolve: () => undefined,
      reject: () => undefined,
    };
    const done = new Promise<AppendResult>((resolve, reject) => Object.assign(item, { resolve, reject }));
    this.queue.push(item);
    if (!this.flushing) void this.flush();
    return done;
  }

  /**
   * Group commit: while one round trip is in flight, later appends queue up and then travel
   * together in one statement and one commit. Every item still succeeds or fails on its own.
   */
  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const group: PendingAppend[] = [];
        let size = 0;
        while (this.queue.length > 0 && (group.length === 0 || size + this.queue[0].events.length <= MAX_GROUP_EVENTS)) {
          const next = this.queue.shift()!;
          size += next.events.length;
          group.push(next);
        }
        await this.appendGroup(group);
      }
    } finally {
      this.flushing = false;
    }
  }

  private async appendGroup(group: PendingAppend[]): Promise<void> {
    const items = group.map((g) => ({
      stream: g.streamId,
      expected: g.expected === 'any' ? null : g.expected === 'no_stream' ? -1 : g.expected,
      any: g.expected === 'any',
      events: g.events,
    }));
    let rows: BatchRow[];
    try {
      rows = (await this.pool.query<BatchRow>('SELECT * FROM event_log_append_batch($1)', [JSON.stringify(items)])).rows;
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
    const params: unknown[] = [after, upTo, limit];
    // An agency's range is written as a row comparison, which only the (agency, position) index can
    // answer: with "agency = $a AND position > $1" the planner may walk the primary key in order
    // hoping to fill the limit early, and scan the whole log for an agency whose events are recent.
    let range = 'position > $1 AND position <= $2';
    if (options.agency !== undefined) {
      params.push(options.agency);
      range = `(agency, position) > ($${params.length}, $1::bigint) AND (agency, position) <= ($${params.length}, $2::bigint)`;
    }
    const filters: string[] = [];
    if (options.types) {
      params.push(options.types);
      filters.push(`AND type = ANY($${params.length}::text[])`);
    }
    if (options.occurredUpTo !== undefined) {
      params.push(utcInstant(options.occurredUpTo));
      filters.push(`AND occurred_at <= $${params.length}::timestamptz`);
    }
    if (options.recordedUpTo !== undefined) {
      params.push(utcInstant(options.recordedUpTo));
      filters.push(`AND recorded_at <= $${params.length}::timestamptz`);
    }
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM event_log
        WHERE ${range} ${filters.join(' ')}
        ORDER BY ${options.agency !== undefined ? 'agency, position' : 'position'} LIMIT $3`,
      params,
    );
    const events = rows.map((r) => this.toEvent(r, options.upcast));
    const scannedTo = events.length === limit ? events[events.length - 1].position : Math.max(upTo, after);
    return { events, scannedTo, endOfLog: scannedTo >= head };
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
    if ((await this.headPosition()) > after) done();
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
      client.on('notification', () => [...this.waiters].forEach((wake) => wake()));
      client.on('error', () => {
        this.listener = undefined;
      });
      try {
        await client.connect();
        await client.query('LISTEN event_log');
        return client;
      } catch {
        this.listener = undefined;
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
