import { Client, Pool } from 'pg';
import {
  AppendResult,
  EventStore,
  ExpectedVersion,
  LogFilter,
  NewEvent,
  ReadAllOptions,
  ReadAllSlice,
  ReadBackwardOptions,
  ReadStreamOptions,
  RecordedEvent,
  UpcasterRegistry,
  validateBatch,
  StoredEventText,
  StoredTextOptions,
  VerbatimImport,
} from '@ancrage/event-store';
import { appendByFunction, pendingEvent } from './append';
import { BulkAppender, fallbackEntry } from './bulk-append';
import { BULK_APPEND_MIN_EVENTS, GroupCommit, PendingAppend } from './group-commit';
import { HeadListener } from './head-listener';
import { LogReads } from './reads';
import { importStoredEvents } from './verbatim-import';

/** How appends travelled since the store was opened (for the bench, status and tests). */
export interface AppendPathCounts {
  /** Groups written by the one-round-trip function. */
  functionGroups: number;
  /** Groups COPYed in. */
  bulkGroups: number;
  /** Groups the bulk path handed back to the function (a conflict, a retry, a refused row). */
  bulkFallbacks: number;
}

/** Where the store says what it did on its own (today: why a large group left the bulk path). */
export type PostgresEventStoreLog = (level: 'debug' | 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown>) => void;

export interface PostgresEventStoreOptions {
  pool: Pool;
  /** Needed for LISTEN; without it followers poll. */
  connectionString?: string;
  upcasters?: UpcasterRegistry;
  /** Defaults to saying nothing. */
  log?: PostgresEventStoreLog;
}

/**
 * The event store on PostgreSQL, composed of its parts: group-commit.ts queues appends into
 * groups, append.ts (the function) and bulk-append.ts (COPY) write them, reads.ts and
 * row-mapping.ts read, head-listener.ts wakes followers. Schema: migrations/1764000000000-event-log.ts,
 * then json columns (1764000010000); the append functions and digest forms:
 * 1764000020000-event-log-digest-form.ts; the bulk path's staged append:
 * 1764000030000-event-log-staged-append.ts and staging.ts.
 */
export class PostgresEventStore implements EventStore, VerbatimImport {
  private readonly pool: Pool;
  private readonly log: PostgresEventStoreLog;
  private readonly reads: LogReads;
  private readonly heads: HeadListener;
  private readonly bulk: BulkAppender;
  private readonly groups = new GroupCommit((group) => this.writeGroup(group));
  private readonly counts: AppendPathCounts = { functionGroups: 0, bulkGroups: 0, bulkFallbacks: 0 };

  constructor(options: PostgresEventStoreOptions) {
    this.pool = options.pool;
    this.log = options.log ?? (() => undefined);
    this.reads = new LogReads(options.pool, options.upcasters ?? new UpcasterRegistry());
    this.heads = new HeadListener(options.connectionString, () => this.headPosition());
    this.bulk = new BulkAppender(options.pool);
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    validateBatch(streamId, events, expected);
    return this.groups.enqueue(
      streamId,
      expected,
      events.map((e) => pendingEvent(streamId, e)),
    );
  }

  /** Large groups try the bulk path first; whatever it cannot write, the function answers item by item. */
  private async writeGroup(group: PendingAppend[]): Promise<void> {
    const size = group.reduce((n, g) => n + g.events.length, 0);
    if (size >= BULK_APPEND_MIN_EVENTS) {
      const outcome = await this.bulk.copyGroup(group);
      if (outcome.copied) {
        this.counts.bulkGroups++;
        return;
      }
      this.counts.bulkFallbacks++;
      const entry = fallbackEntry(group, size, outcome);
      // A failing logger must not leave the group unwritten.
      try {
        this.log(entry.level, entry.message, entry.fields);
      } catch {
        /* nothing to do */
      }
    }
    this.counts.functionGroups++;
    await appendByFunction(this.pool, group);
  }

  /** Events exactly as another log stored them (see verbatim-import.ts). */
  importStored(events: readonly StoredEventText[]): Promise<void> {
    return importStoredEvents(this.pool, events);
  }

  appendPaths(): AppendPathCounts {
    return { ...this.counts };
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.reads.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<ReadAllSlice> {
    return this.reads.readAll(options);
  }

  readStoredTexts(after: number, limit: number, options?: StoredTextOptions): Promise<StoredEventText[]> {
    return this.reads.readStoredTexts(after, limit, options);
  }

  readBackward(options?: ReadBackwardOptions): Promise<RecordedEvent[]> {
    return this.reads.readBackward(options);
  }

  countAll(filter?: LogFilter): Promise<number> {
    return this.reads.countAll(filter);
  }

  headPosition(): Promise<number> {
    return this.reads.headPosition();
  }

  waitForAppend(after: number, timeoutMs: number): Promise<void> {
    return this.heads.waitForAppend(after, timeoutMs);
  }

  close(): Promise<void> {
    return this.heads.close();
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
