import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the bulk append path needs (BulkAppender.copyGroup, bulk-append.ts):
 *
 * - `event_log_reserve(streams)` takes the append lock (the head row) and answers, in one round
 *   trip, the head position and hash, the instant to record, and each stream's current version.
 *   The caller then computes positions and the hash chain itself and COPYs the rows in, in the
 *   same transaction, with the lock held.
 * - The log's text keys compare in byte order ("C"): each index insertion then compares with
 *   memcmp instead of the database locale's strcoll, and the order no longer depends on how the
 *   server was initialised.
 * - Data and metadata are stored as `json`, the text as written, rather than `jsonb`: the log is
 *   never queried by content (projections fold it in Node), and jsonb's conversion to and from
 *   its binary form was a third of the cost of writing an event and most of the cost of reading
 *   one back. Hashes do not change: they are taken over the canonical form of the parsed value.
 *
 * On an existing log the column changes rewrite the table and its indexes once.
 */
export class EventLogBulkAppend1764000010000 implements MigrationInterface {
  name = 'EventLogBulkAppend1764000010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE event_log
        ALTER COLUMN stream_id TYPE text COLLATE "C",
        ALTER COLUMN type TYPE text COLLATE "C",
        ALTER COLUMN agency TYPE text COLLATE "C",
        ALTER COLUMN data TYPE json USING data::json,
        ALTER COLUMN metadata TYPE json USING metadata::json`);
    await createReserveFunction(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION event_log_reserve(text[])`);
    await q.query(`
      ALTER TABLE event_log
        ALTER COLUMN stream_id TYPE text COLLATE "default",
        ALTER COLUMN type TYPE text COLLATE "default",
        ALTER COLUMN agency TYPE text COLLATE "default",
        ALTER COLUMN data TYPE jsonb USING data::jsonb,
        ALTER COLUMN metadata TYPE jsonb USING metadata::jsonb`);
  }
}

/** The bulk path's lock function (dropped in 1764000030000, when the bulk path moved to a staging table). */
export async function createReserveFunction(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE FUNCTION event_log_reserve(p_streams text[])
    RETURNS TABLE (head_position bigint, head_hash text, recorded_at text, versions integer[])
    LANGUAGE plpgsql AS $fn$
    DECLARE v_pos bigint; v_hash bytea;
    BEGIN
      SELECT position, hash INTO v_pos, v_hash FROM event_log_head FOR UPDATE;
      RETURN QUERY SELECT v_pos, encode(v_hash, 'hex'),
        to_char(date_trunc('milliseconds', clock_timestamp()) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        ARRAY(SELECT coalesce((SELECT max(l.stream_version) FROM event_log l WHERE l.stream_id = s.id), -1)
                FROM unnest(p_streams) WITH ORDINALITY s(id, i) ORDER BY s.i);
    END
    $fn$`);
}
