import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAppendFunctions } from './1764000000000-event-log';

/**
 * Payload digests in the writer's key order (digest form 2, see hash-chain.ts).
 *
 * - `digest_form` says how each event's payload digest was taken. Events already in the log were
 *   digested with sorted keys (form 1): the column is added with that default, which PostgreSQL
 *   keeps in the catalogue without rewriting the table, and the default is then dropped so that
 *   every writer states its form.
 * - The append functions take `json` instead of `jsonb`. The function path must store the very
 *   text Node digested, and a jsonb argument would re-order keys (shortest first) and re-space it.
 *   Their logic is unchanged from 1764000000000; the digest form travels with each event.
 */
export class EventLogDigestForm1764000020000 implements MigrationInterface {
  name = 'EventLogDigestForm1764000020000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE event_log ADD COLUMN digest_form smallint NOT NULL DEFAULT 1 CHECK (digest_form IN (1, 2))`);
    await q.query(`ALTER TABLE event_log ALTER COLUMN digest_form DROP DEFAULT`);
    await dropAppendFunctions(q, 'jsonb');
    await q.query(`
      CREATE FUNCTION event_log_existing(p_events json)
      RETURNS TABLE (out_position bigint, out_stream_version integer, out_already boolean)
      LANGUAGE plpgsql AS $fn$
      DECLARE v_found integer; v_clash text;
      BEGIN
        SELECT count(*) INTO v_found
          FROM json_array_elements(p_events) x JOIN event_log l ON l.event_id = (x->>'eventId')::uuid;
        IF v_found = 0 THEN RETURN; END IF;
        IF v_found < json_array_length(p_events) OR EXISTS (
             SELECT 1 FROM json_array_elements(p_events) x JOIN event_log l ON l.event_id = (x->>'eventId')::uuid
              WHERE l.payload_digest <> decode(x->>'digest', 'hex')) THEN
          SELECT x->>'eventId' INTO v_clash
            FROM json_array_elements(p_events) x JOIN event_log l ON l.event_id = (x->>'eventId')::uuid LIMIT 1;
          RAISE EXCEPTION 'event id % was already used for a different event', v_clash USING ERRCODE = 'AE002', DETAIL = v_clash;
        END IF;
        RETURN QUERY
          SELECT l.position, l.stream_version, true
            FROM json_array_elements(p_events) WITH ORDINALITY x(e, i)
            JOIN event_log l ON l.event_id = (x.e->>'eventId')::uuid
           ORDER BY x.i;
      END
      $fn$`);
    await q.query(`
      CREATE FUNCTION event_log_append(p_stream text, p_expected bigint, p_any boolean, p_events json)
      RETURNS TABLE (out_position bigint, out_stream_version integer, out_already boolean)
      LANGUAGE plpgsql AS $fn$
      DECLARE
        v_pos bigint; v_hash bytea; v_version integer; v_recorded_text text; v_recorded timestamptz;
        e json; v_n integer := 0; v_hashes bytea[] := '{}'; v_retried boolean;
      BEGIN
        SELECT position, hash INTO v_pos, v_hash FROM event_log_head FOR UPDATE;

        SELECT coalesce(max(stream_version), -1) INTO v_version FROM event_log WHERE stream_id = p_stream;
        IF NOT p_any AND v_version <> p_expected THEN
          RETURN QUERY SELECT * FROM event_log_existing(p_events);
          IF FOUND THEN RETURN; END IF;
          RAISE EXCEPTION 'stream % is at version %, expected %', p_stream, v_version, p_expected
            USING ERRCODE = 'AE001', DETAIL = v_version::text;
        END IF;

        v_recorded := date_trunc('milliseconds', clock_timestamp());
        v_recorded_text := to_char(v_recorded AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
        FOR e IN SELECT value FROM json_array_elements(p_events) LOOP
          v_n := v_n + 1;
          v_hash := sha256(v_hash || convert_to((v_pos + v_n) || '|' || (v_version + v_n) || '|' || v_recorded_text || '|', 'UTF8')
                           || decode(e->>'digest', 'hex'));
          v_hashes[v_n] := v_hash;
        END LOOP;
        v_retried := false;
        BEGIN
          INSERT INTO event_log (position, event_id, stream_id, stream_version, type, schema_version, agency, data, metadata,
                                 occurred_at, recorded_at, payload_digest, hash, digest_form)
            SELECT v_pos + x.i, (x.e->>'eventId')::uuid, p_stream, v_version + x.i, x.e->>'type',
                   (x.e->>'schemaVersion')::integer, x.e->'metadata'->>'agency', x.e->'data', x.e->'metadata',
                   (x.e->'metadata'->>'occurredAt')::timestamptz, v_recorded, decode(x.e->>'digest', 'hex'), v_hashes[x.i],
                   (x.e->>'digestForm')::smallint
              FROM json_array_elements(p_events) WITH ORDINALITY x(e, i);
        EXCEPTION WHEN unique_violation THEN
          v_retried := true;
        END;
        IF v_retried THEN
          RETURN QUERY SELECT * FROM event_log_existing(p_events);
          IF FOUND THEN RETURN; END IF;
          RAISE EXCEPTION 'unexpected duplicate while appending to %', p_stream;
        END IF;
        RETURN QUERY SELECT v_pos + i, (v_version + i)::integer, false FROM generate_series(1, v_n) i;
        UPDATE event_log_head SET position = v_pos + v_n, hash = v_hash;
        PERFORM pg_notify('event_log', (v_pos + v_n)::text);
      END
      $fn$`);
    await q.query(`
      CREATE FUNCTION event_log_append_batch(p_items json)
      RETURNS TABLE (out_item integer, out_position bigint, out_stream_version integer, out_already boolean,
                     out_error text, out_detail text)
      LANGUAGE plpgsql AS $fn$
      DECLARE
        item json; i integer := 0; r record;
      BEGIN
        PERFORM 1 FROM event_log_head FOR UPDATE;
        FOR item IN SELECT value FROM json_array_elements(p_items) LOOP
          BEGIN
            FOR r IN SELECT * FROM event_log_append(item->>'stream', (item->>'expected')::bigint, (item->>'any')::boolean, item->'events') LOOP
              out_item := i; out_position := r.out_position; out_stream_version := r.out_stream_version;
              out_already := r.out_already; out_error := NULL; out_detail := NULL;
              RETURN NEXT;
            END LOOP;
          EXCEPTION WHEN OTHERS THEN
            out_item := i; out_position := NULL; out_stream_version := NULL; out_already := NULL;
            out_error := SQLSTATE;
            GET STACKED DIAGNOSTICS out_detail = PG_EXCEPTION_DETAIL;
            IF SQLSTATE NOT IN ('AE001', 'AE002') THEN out_detail := SQLERRM; END IF;
            RETURN NEXT;
          END;
          i := i + 1;
        END LOOP;
      END
      $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Without the column, events digested in form 2 would no longer verify: refuse rather than lose that.
    await q.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM event_log WHERE digest_form = 2) THEN
        RAISE EXCEPTION 'the log holds events digested in form 2; it cannot go back to a schema without digest forms';
      END IF; END $$`);
    await dropAppendFunctions(q, 'json');
    await q.query(`ALTER TABLE event_log DROP COLUMN digest_form`);
    await createAppendFunctions(q);
  }
}

async function dropAppendFunctions(q: QueryRunner, argument: 'json' | 'jsonb'): Promise<void> {
  await q.query(`DROP FUNCTION event_log_append_batch(${argument})`);
  await q.query(`DROP FUNCTION event_log_append(text, bigint, boolean, ${argument})`);
  await q.query(`DROP FUNCTION event_log_existing(${argument})`);
}
