import type { Pool } from 'pg';
import { checkContinuation, type StoredEventText } from '@ancrage/event-store';

/**
 * Writes events exactly as another log stored them (`ancrage events copy`), in one transaction
 * holding the append lock (the head row): the batch is checked to continue this log's chain from its
 * head, then inserted with its positions, recording instants, texts, digests and hashes, and the head
 * moves to its last event. The json columns keep the texts as given, so every hash still verifies.
 */
export async function importStoredEvents(pool: Pool, events: readonly StoredEventText[]): Promise<void> {
  if (events.length === 0) return;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ position: string; hash: string }>(
      `SELECT position, encode(hash, 'hex') AS hash FROM event_log_head FOR UPDATE`,
    );
    checkContinuation({ position: Number(rows[0].position), hash: rows[0].hash }, events);
    await client.query(
      `INSERT INTO event_log (position, event_id, stream_id, stream_version, type, schema_version, agency, data, metadata,
                              occurred_at, recorded_at, payload_digest, hash, digest_form)
       SELECT r.position, r.event_id, r.stream_id, r.stream_version, r.type, r.schema_version, r.agency, r.data_text::json,
              r.metadata_text::json, r.occurred_at, r.recorded_at, decode(r.payload_digest, 'hex'), decode(r.hash, 'hex'), r.digest_form
         FROM json_to_recordset($1::json) AS r(position bigint, event_id uuid, stream_id text, stream_version integer, type text,
              schema_version integer, agency text, data_text text, metadata_text text, occurred_at timestamptz,
              recorded_at timestamptz, payload_digest text, hash text, digest_form smallint)
        ORDER BY r.position`,
      [
        JSON.stringify(
          events.map((e) => ({
            position: e.position,
            event_id: e.eventId,
            stream_id: e.streamId,
            stream_version: e.streamVersion,
            type: e.type,
            schema_version: e.schemaVersion,
            agency: e.copies.agency,
            data_text: e.dataText,
            metadata_text: e.metadataText,
            occurred_at: e.copies.occurredAt,
            recorded_at: e.recordedAt,
            payload_digest: e.copies.payloadDigest,
            hash: e.hash,
            digest_form: e.digestForm,
          })),
        ),
      ],
    );
    const last = events[events.length - 1];
    await client.query(`UPDATE event_log_head SET position = $1, hash = decode($2, 'hex')`, [last.position, last.hash]);
    await client.query(`SELECT pg_notify('event_log', $1)`, [String(last.position)]);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
