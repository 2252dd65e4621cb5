// bigint columns arrive as strings from pg; positions stay below 2^53 and are read with Number().
import { DigestForm, RecordedEvent, UpcasterRegistry } from '@ancrage/event-store';

/** recorded_at as the text the hash chain covers, whatever the session's time zone. */
export const COLUMNS = `position, event_id, stream_id, stream_version, type, schema_version, data, metadata,
  to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at, encode(hash, 'hex') AS hash, digest_form`;

/** COLUMNS and the copies the stored form carries (see StoredCopies). */
export const STORED_COLUMNS = `${COLUMNS}, agency,
  to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at, encode(payload_digest, 'hex') AS payload_digest`;

export const columnsFor = (upcast: boolean | undefined) => (upcast === false ? STORED_COLUMNS : COLUMNS);

export interface EventRow {
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
  agency?: string | null;
  occurred_at?: string;
  payload_digest?: string;
}

/** recordedAt lives in its own column (the server sets it), so it is put back into the metadata here. */
export function toRecordedEvent(row: EventRow, upcasters: UpcasterRegistry, upcast = true): RecordedEvent {
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
  if (upcast) return upcasters.apply(event);
  if (row.occurred_at !== undefined)
    event.copies = { agency: row.agency ?? null, occurredAt: row.occurred_at, payloadDigest: row.payload_digest ?? '' };
  return event;
}
