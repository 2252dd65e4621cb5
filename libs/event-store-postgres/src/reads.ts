import { Pool } from 'pg';
import {
  DigestForm,
  LogFilter,
  ReadAllOptions,
  ReadAllSlice,
  ReadBackwardOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoredEventText,
  StoredTextOptions,
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

  /** Positions are contiguous, but a reader of a tampered log must not stop at a gap: no window here. */
  async readStoredTexts(after: number, limit: number, options: StoredTextOptions = {}): Promise<StoredEventText[]> {
    const columns =
      options.payload === false
        ? `position, encode(hash, 'hex') AS hash, metadata->>'agency' AS meta_agency, metadata->>'occurredAt' AS meta_occurred_at`
        : `position, event_id, type, schema_version, stream_id, stream_version, data::text AS data_text, metadata::text AS metadata_text,
           metadata->>'agency' AS meta_agency, metadata->>'occurredAt' AS meta_occurred_at,
           to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at, encode(hash, 'hex') AS hash, digest_form,
           agency, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at,
           encode(payload_digest, 'hex') AS payload_digest`;
    const { rows } = await this.pool.query<StoredTextRow>(
      `SELECT ${columns} FROM event_log WHERE position > $1 AND position <= $3 ORDER BY position LIMIT $2`,
      [after, limit, options.upTo ?? Number.MAX_SAFE_INTEGER],
    );
    return rows.map((r) => ({
      position: Number(r.position),
      eventId: r.event_id,
      type: r.type,
      schemaVersion: r.schema_version,
      streamId: r.stream_id,
      streamVersion: r.stream_version,
      dataText: r.data_text,
      metadataText: r.metadata_text,
      agency: r.meta_agency,
      occurredAt: r.meta_occurred_at,
      recordedAt: r.recorded_at,
      hash: r.hash,
      digestForm: r.digest_form,
      copies: { agency: r.agency, occurredAt: r.occurred_at, payloadDigest: r.payload_digest },
    }));
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

interface StoredTextRow {
  position: string;
  event_id: string;
  type: string;
  schema_version: number;
  stream_id: string;
  stream_version: number;
  data_text: string;
  metadata_text: string;
  meta_agency: string | null;
  meta_occurred_at: string;
  recorded_at: string;
  hash: string;
  digest_form: DigestForm;
  agency: string | null;
  occurred_at: string;
  payload_digest: string;
}
