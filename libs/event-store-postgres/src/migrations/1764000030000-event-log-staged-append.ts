import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createReserveFunction } from './1764000010000-event-log-bulk-append';

/**
 * The bulk path appends from a staging table, so that the append lock is taken and released inside
 * one statement and its commit (PostgresEventStore.copyGroup):
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
        v_pos bigint; v_hash bytea; v_recorded timestamptz; v_recorded_text text; v_n integer;
        v_versions integer[]; v_hashes bytea[] := '{}'; r record;
      BEGIN
        SELECT position, hash INTO v_pos, v_hash FROM event_log_head FOR UPDATE;

        -- seq runs 1..n over the group; each event's version follows its stream's current one.
        SELECT array_agg(x.version ORDER BY x.seq) INTO v_versions FROM (
          SELECT s.seq, c.current + row_number() OVER (PARTITION BY s.stream_id ORDER BY s.seq) AS version
            FROM pg_temp.event_log_staging s
            JOIN (SELECT d.stream_id,
                         coalesce((SELECT max(l.stream_version) FROM event_log l WHERE l.stream_id = d.stream_id), -1) AS current
                    FROM (SELECT DISTINCT stream_id FROM pg_temp.event_log_staging) d) c USING (stream_id)) x;
        v_n := coalesce(array_length(v_versions, 1), 0);
        IF v_n = 0 THEN RETURN; END IF;
        IF EXISTS (
          SELECT 1 FROM (SELECT DISTINCT ON (item) item, seq, expected FROM pg_temp.event_log_staging ORDER BY item, seq) f
           WHERE f.expected IS NOT NULL AND v_versions[f.seq] - 1 <> f.expected) THEN
          RAISE EXCEPTION 'an expected version does not match' USING ERRCODE = 'AE003';
        END IF;

        v_recorded := date_trunc('milliseconds', clock_timestamp());
        v_recorded_text := to_char(v_recorded AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
        FOR r IN SELECT seq, payload_digest FROM pg_temp.event_log_staging ORDER BY seq LOOP
          v_hash := sha256(v_hash || convert_to((v_pos + r.seq) || '|' || v_versions[r.seq] || '|' || v_recorded_text || '|', 'UTF8')
                           || r.payload_digest);
          v_hashes[r.seq] := v_hash;
        END LOOP;

        INSERT INTO event_log (position, event_id, stream_id, stream_version, type, schema_version, agency, data, metadata,
                               occurred_at, recorded_at, payload_digest, hash, digest_form)
          SELECT v_pos + s.seq, s.event_id, s.stream_id, v_versions[s.seq], s.type, s.schema_version, s.agency, s.data, s.metadata,
                 s.occurred_at, v_recorded, s.payload_digest, v_hashes[s.seq], s.digest_form
            FROM pg_temp.event_log_staging s ORDER BY s.seq;
        UPDATE event_log_head SET position = v_pos + v_n, hash = v_hash;
        PERFORM pg_notify('event_log', (v_pos + v_n)::text);
        RETURN QUERY
          SELECT s.item, max(v_pos + s.seq), max(v_versions[s.seq]) FROM pg_temp.event_log_staging s GROUP BY s.item ORDER BY s.item;
      END
      $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION event_log_append_staged()`);
    await createReserveFunction(q);
  }
}
