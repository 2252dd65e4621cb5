import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log. One row per event; `event_log_head` is both the global append lock (every append
 * locks its single row, so positions commit in order and no reader sees a gap that fills later)
 * and the recorded head of the hash chain (so truncating the tail is detectable).
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
    await q.query(`CREATE INDEX event_log_type ON event_log (type, position)`);
    await q.query(`
      CREATE TABLE event_log_head (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        position  bigint  NOT NULL,
        hash      bytea   NOT NULL
      )`);
    await q.query(`INSERT INTO event_log_head VALUES (true, 0, decode(repeat('0', 64), 'hex'))`);
    await q.query(`
      CREATE FUNCTION event_log_append(p_stream text, p_expected bigint, p_any boolean, p_events jsonb)
      RETURNS TABLE (out_position bigint, out_stream_version integer, out_already boolean)
      LANGUAGE plpgsql AS $fn$
      DECLARE
        v_pos bigint; v_hash bytea; v_version integer; v_recorded timestamptz; v_recorded_text text;
        v_existing integer; v_clash text; v_digest bytea; e jsonb;
      BEGIN
        SELECT position, hash INTO v_pos, v_hash FROM event_log_head FOR UPDATE;

        SELECT count(*) INTO v_existing
          FROM jsonb_array_elements(p_events) x JOIN event_log l ON l.event_id = (x->>'eventId')::uuid;
        IF v_existing > 0 THEN
          SELECT x->>'eventId' INTO v_clash
            FROM jsonb_array_elements(p_events) x LEFT JOIN event_log l ON l.event_id = (x->>'eventId')::uuid
           WHERE l.event_id IS NULL OR l.payload_digest <> decode(x->>'digest', 'hex')
           LIMIT 1;
          IF v_clash IS NOT NULL THEN
            SELECT x->>'eventId' INTO v_clash
              FROM jsonb_array_elements(p_events) x JOIN event_log l ON l.event_id = (x->>'eventId')::uuid LIMIT 1;
            RAISE EXCEPTION 'event id % was already used for a different event', v_clash
              USING ERRCODE = 'AE002', DETAIL = v_clash;
          END IF;
          RETURN QUERY
            SELECT l.position, l.stream_version, true
              FROM jsonb_array_elements(p_events) WITH ORDINALITY x(e, i)
              JOIN event_log l ON l.event_id = (x.e->>'eventId')::uuid
             ORDER BY x.i;
          RETURN;
        END IF;

        SELECT coalesce(max(stream_version), -1) INTO v_version FROM event_log WHERE stream_id = p_stream;
        IF NOT p_any AND v_version <> p_expected THEN
          RAISE EXCEPTION 'stream % is at version %, expected %', p_stream, v_version, p_expected
            USING ERRCODE = 'AE001', DETAIL = v_version::text;
        END IF;

        v_recorded := date_trunc('milliseconds', clock_timestamp());
        v_recorded_text := to_char(v_recorded AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
        FOR e IN SELECT value FROM jsonb_array_elements(p_events) LOOP
          v_pos := v_pos + 1;
          v_version := v_version + 1;
          v_digest := decode(e->>'digest', 'hex');
          v_hash := sha256(v_hash || convert_to(v_pos || '|' || v_version || '|' || v_recorded_text || '|', 'UTF8') || v_digest);
          INSERT INTO event_log VALUES (
            v_pos, (e->>'eventId')::uuid, p_stream, v_version, e->>'type', (e->>'schemaVersion')::integer,
            e->'metadata'->>'agency', e->'data', e->'metadata', (e->'metadata'->>'occurredAt')::timestamptz,
            v_recorded, v_digest, v_hash);
          out_position := v_pos; out_stream_version := v_version; out_already := false;
          RETURN NEXT;
        END LOOP;
        UPDATE event_log_head SET position = v_pos, hash = v_hash;
        PERFORM pg_notify('event_log', v_pos::text);
      END
      $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION event_log_append(text, bigint, boolean, jsonb)`);
    await q.query(`DROP TABLE event_log_head`);
    await q.query(`DROP TABLE event_log`);
  }
}
