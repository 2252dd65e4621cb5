import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createReserveFunction } from './1764000010000-event-log-bulk-append';

/**
 * The bulk path appends from a staging table, so that the append lock is taken and released inside
 * one statement and its commit (BulkAppender.copyGroup, bulk-append.ts):
 *
 * 1. the group's events are COPYed into the session's temporary `event_log_staging` (created by the
 *    store per connection, see STAGING_TABLE), before any lock: parsing them overlaps with the other
 *    group's append;
 * 2. `SELECT * FROM event_log_append_staged(); COMMIT`, one round trip: lock the head, give each
 *    staged event its stream version, check each item's expected version, extend the hash chain,
 *    insert, move the head, notify, commit.
 *
 * Before, the store took the lock, computed the chain in Node and then COPYed: the lock was held
 * across two round trips, and stretched whenever the Node process was busy with other work when an
 * answer arrived. Now the server holds it only while it works.
 *
 * `event_log_reserve`, which the store called to take the lock before, is dropped.
 *
 * An item whose expected version does not match raises AE003: nothing is written, and the store
 * answers each item through event_log_append_batch() instead. A stored event id raises a unique
 * violation with the same outcome.
 */
export class EventLogStagedAppend1764000030000 implements MigrationInterface {
  name = 'EventLogStagedAppend1764000030000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION event_log_reserve(text[])`);
    await q.query(`
      CREATE FUNCTION event_log_append_staged()
      RETURNS TABLE (out_item integer, out_last_position bigint, out_last_version integer)
      LANGUAGE plpgsql AS $fn$
      DECLARE
        v_pos bigint; v_hash bytea; v_recorded timestamptz; v_recorded_text text; v_n integer := 0;
        v_streams text[] := '{}'; v_current integer[] := '{}'; v_offset integer[] := '{}'; k integer;
        v_hashes bytea[] := '{}'; it record; r record;
      BEGIN
        SELECT position, hash INTO v_pos, v_hash FROM event_log_head FOR UPDATE;

        -- Items in order: each starts where its stream stands, after the group's earlier items on it,
        -- and its events are staged at seq first_seq, first_seq + 1, ...
        FOR it IN SELECT item, min(seq) AS first_seq, min(stream_id) AS stream_id, min(expected) AS expected, count(*)::integer AS n
                    FROM pg_temp.event_log_staging GROUP BY item ORDER BY item LOOP
          k := array_position(v_streams, it.stream_id);
          IF k IS NULL THEN
            v_streams := v_streams || it.stream_id;
            v_current := v_current || coalesce((SELECT max(stream_version) FROM event_log WHERE stream_id = it.stream_id), -1);
            k := array_length(v_streams, 1);
          END IF;
          IF it.expected IS NOT NULL AND v_current[k] <> it.expected THEN
            RAISE EXCEPTION 'stream % is at version %, expected %', it.stream_id, v_current[k], it.expected USING ERRCODE = 'AE003';
          END IF;
          -- An event's version is its item's offset + its seq + 1.
          v_offset[it.item + 1] := v_current[k] - it.first_seq;
          v_current[k] := v_current[k] + it.n;
          v_n := v_n + it.n;
          out_item := it.item; out_last_position := v_pos + v_n; out_last_version := v_current[k];
          RETURN NEXT;
        END LOOP;
        IF v_n = 0 THEN RETURN; END IF;

        v_recorded := date_trunc('milliseconds', clock_timestamp());
        v_recorded_text := to_char(v_recorded AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
        FOR r IN SELECT seq, item, payload_digest FROM pg_temp.event_log_staging ORDER BY seq LOOP
          v_hash := sha256(v_hash || convert_to((v_pos + r.seq) || '|' || (v_offset[r.item + 1] + r.seq + 1) || '|' || v_recorded_text || '|', 'UTF8')
                           || r.payload_digest);
          v_hashes[r.seq] := v_hash;
        END LOOP;

        INSERT INTO event_log (position, event_id, stream_id, stream_version, type, schema_version, agency, data, metadata,
                               occurred_at, recorded_at, payload_digest, hash, digest_form)
          SELECT v_pos + s.seq, s.event_id, s.stream_id, v_offset[s.item + 1] + s.seq + 1, s.type, s.schema_version, s.agency,
                 s.data, s.metadata, s.occurred_at, v_recorded, s.payload_digest, v_hashes[s.seq], s.digest_form
            FROM pg_temp.event_log_staging s ORDER BY s.seq;
        UPDATE event_log_head SET position = v_pos + v_n, hash = v_hash;
        PERFORM pg_notify('event_log', (v_pos + v_n)::text);
      END
      $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION event_log_append_staged()`);
    await createReserveFunction(q);
  }
}
