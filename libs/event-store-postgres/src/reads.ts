import { Pool } from 'pg';
import {
  LogFilter,
  ReadAllOptions,
  ReadAllSlice,
  ReadBackwardOptions,
  ReadStreamOptions,
  RecordedEvent,
  UpcasterRegistry,
} from '@ancrage/event-store';
import { logWhere } from './log-filter';
import { columnsFor, EventRow, toRecordedEvent } from './row-mapping';

/** The store's read side: plain queries on the pool, no state of their own. */
export class LogReads {
  constructor(
    private readonly pool: Pool,
    private readonly upcasters: UpcasterRegistry,
  ) {}

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${columnsFor(options.upcast)} FROM event_log
        WHERE stream_id = $1 AND stream_version >= $2 AND stream_version <= $3
        ORDER BY stream_version`,
      [streamId, options.fromVersion ?? 0, options.toVersion ?? 2147483647],
    );
    return rows.map((r) => toRecordedEvent(r, this.upcasters, options.upcast));
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
      `SELECT ${columnsFor(options.upcast)} FROM event_log WHERE ${where.sql}
        ORDER BY ${where.order.join(', ')} LIMIT $${where.params.length + 1}`,
      [...where.params, limit],
    );
    const events = rows.map((r) => toRecordedEvent(r, this.upcasters, options.upcast));
    const scannedTo = events.length === limit ? events[events.length - 1].position : Math.max(upTo, after);
    return { events, scannedTo, endOfLog: scannedTo >= head };
  }

  async readBackward(options: ReadBackwardOptions = {}): Promise<RecordedEvent[]> {
    const where = logWhere(options, 0, options.upTo ?? Number.MAX_SAFE_INTEGER);
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${columnsFor(options.upcast)} FROM event_log WHERE ${where.sql}
        ORDER BY ${where.order.map((key) => `${key} DESC`).join(', ')} LIMIT $${where.params.length + 1}`,
      [...where.params, options.limit ?? 1000],
    );
    return rows.map((r) => toRecordedEvent(r, this.upcasters, options.upcast));
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
}
