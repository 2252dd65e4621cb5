import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log. One row per event; `event_log_head` is both the global append lock (every append
 * locks its single row, so positions commit in order and no reader sees a gap that fills later)
 * and the recorded head of the hash chain (so truncating the tail is detectable).
 *
 * There is no index on type: projections read by position and filter, which PostgreSQL does at
 * scan speed, while every index costs each append.
 *
 * event_log_append() does the whole append in one round trip. Its hash formula must stay equal to
 * chainHash() in libs/event-store/src/hash-chain.ts.
 */
export class EventLog1764000000000 implements MigrationInterface {
  name = 'EventLog1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE event_log (
        position       bigint      PRIMARY KEY,
        event_id       uuid        NOT NULL,
        stream_id      text        NOT NULL,
        stream_version integer     NOT NULL,
        type           text        NOT NULL,
        schema_version integer     NOT NULL,
        agency         text,
        data           jsonb       NOT NULL,
        metadata       jsonb       NOT NULL,
        occurred_at    timestamptz NOT NULL,
        recorded_at    timestamptz NOT NULL,
        payload_digest bytea       NOT NULL,
        hash           bytea       NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX event_log_event_id ON event_log (event_id)`);
    await q.query(`CREATE UNIQUE INDEX event_log_stream ON event_log (stream_id, stream_version)`);
    await q.query(`CREATE INDEX event_log_agency ON event_log (agency, position)`);
    await q.query(`
      CREATE TABLE event_log_head (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        position  bigint  NOT NULL,
        hash      bytea   NOT NULL
      )`);
    await q.query(`INSERT INTO event_log_head VALUES (true, 0, decode(repeat('0', 64), 'hex'))`);
    await createAppendFunctions(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION event_log_append_batch(jsonb)`);
    await q.query(`DROP FUNCTION event_log_append(text, bigint, boolean, jsonb)`);
    await q.query(`DROP FUNCTION event_log_existing(jsonb)`);
    await q.query(`DROP TABLE event_log_head`);
    await q.query(`DROP TABLE event_log`);
  }
}

/** The append functions over jsonb arguments (replaced by json ones in 1764000020000). */
export async function createAppendFunctions(q: QueryRunner): Promise<void> {
  // The answer to a retried append: the original rows when every event id is already stored
  // with the same payload digest; AE002 when an id is stored with a different one; no rows when
  // none is stored.
  await q.query(`
    CREATE FUNCTION event_log_existing(p_events jsonb)
    RETURNS TABLE (out_position bigint, out_stream_version integer, out_already boolean)
    LANGUAGE plpgsql AS $fn$
    DECLARE v_found integer; v_clash text;
    BEGIN
      SELECT count(*) INTO v_found
        FROM jsonb_array_elements(p_events) x JOIN event_log l ON l.event_id = (x->>'eventId')::uuid;
      IF v_found = 0 THEN RETURN; END IF;
      IF v_found < jsonb_array_length(p_events) OR EXISTS (
           SELECT 1 FROM jsonb_array_elements(p_events) x JOIN event_log l ON l.event_id = (x->>'eventId')::uuid
            WHERE l.payload_digest <> decode(x->>'digest', 'hex')) THEN
        SELECT x->>'eventId' INTO v_clash
          FROM jsonb_array_elements(p_events) x JOIN event_log l ON l.event_id = (x->>'eventId')::uuid LIMIT 1;
        RAISE EXCEPTION 'event id % was already used for a different event', v_clash USING ERRCODE = 'AE002', DETAIL = v_clash;
      END IF;
      RETURN QUERY
        SELECT l.position, l.stream_version, true
          FROM jsonb_array_elements(p_events) WITH ORDINALITY x(e, i)
          JOIN event_log l ON l.event_id = (x.e->>'eventId')::uuid
         ORDER BY x.i;
    END
    $fn$`);
  // One append: version check, hash chain, one set-based insert. The idempotency lookup runs
  // only when it can matter (a version conflict, or an event id that is already taken).
  await q.query(`
    CREATE FUNCTION event_log_append(p_stream text, p_expected bigint, p_any boolean, p_events jsonb)
    RETURNS TABLE (out_position bigint, out_stream_version integer, out_already boolean)
    LANGUAGE plpgsql AS $fn$
    DECLARE
      v_pos bigint; v_hash bytea; v_version integer; v_recorded_text text; v_recorded timestamptz;
      e jsonb; v_n integer := 0; v_hashes bytea[] := '{}'; v_retried boolean;
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
      FOR e IN SELECT value FROM jsonb_array_elements(p_events) LOOP
        v_n := v_n + 1;
        v_hash := sha256(v_hash || convert_to((v_pos + v_n) || '|' || (v_version + v_n) || '|' || v_recorded_text || '|', 'UTF8')
                         || decode(e->>'digest', 'hex'));
        v_hashes[v_n] := v_hash;
      END LOOP;
      v_retried := false;
      BEGIN
        INSERT INTO event_log
          SELECT v_pos + x.i, (x.e->>'eventId')::uuid, p_stream, v_version + x.i, x.e->>'type',
                 (x.e->>'schemaVersion')::integer, x.e->'metadata'->>'agency', x.e->'data', x.e->'metadata',
                 (x.e->'metadata'->>'occurredAt')::timestamptz, v_recorded, decode(x.e->>'digest', 'hex'), v_hashes[x.i]
            FROM jsonb_array_elements(p_events) WITH ORDINALITY x(e, i);
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
  // Group commit: appends that queue up in one process while another is in flight travel together
  // and share one commit. Each item succeeds or fails on its own (a subtransaction each).
  await q.query(`
    CREATE FUNCTION event_log_append_batch(p_items jsonb)
    RETURNS TABLE (out_item integer, out_position bigint, out_stream_version integer, out_already boolean,
                   out_error text, out_detail text)
    LANGUAGE plpgsql AS $fn$
    DECLARE
      item jsonb; i integer := 0; r record;
    BEGIN
      PERFORM 1 FROM event_log_head FOR UPDATE;
      FOR item IN SELECT value FROM jsonb_array_elements(p_items) LOOP
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
