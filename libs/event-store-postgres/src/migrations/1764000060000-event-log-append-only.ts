import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The log is append-only by construction (see the README, "Database roles"):
 *
 * - `ancrage_owner` owns the log's tables; `ancrage_app`, the role the application's sessions act
 *   under, may SELECT and INSERT on `event_log` and move `event_log_head`, and nothing more;
 * - a trigger refuses UPDATE, DELETE and TRUNCATE on `event_log` to everyone, superusers included,
 *   but `ancrage_maintenance`, a role nobody logs in as: an operator who must repair the log says
 *   so with `SET ROLE ancrage_maintenance`, which the database logs like any statement.
 *
 * Roles belong to the cluster, not the database: they are created when missing, and a concurrent
 * creation by another database's migration is not an error. A login user that is not a superuser
 * needs CREATEROLE, and is made a member of both roles so that it can keep migrating.
 */
export class EventLogAppendOnly1764000060000 implements MigrationInterface {
  name = 'EventLogAppendOnly1764000060000';

  async up(q: QueryRunner): Promise<void> {
    for (const role of ['ancrage_owner', 'ancrage_app', 'ancrage_maintenance']) {
      await q.query(`DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${role} NOLOGIN; END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
    }
    await q.query(`DO $$ BEGIN
      IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        EXECUTE format('GRANT ancrage_owner, ancrage_app TO %I', current_user);
      END IF; END $$`);
    await q.query(`ALTER TABLE event_log OWNER TO ancrage_owner`);
    await q.query(`ALTER TABLE event_log_head OWNER TO ancrage_owner`);
    await q.query(`REVOKE ALL ON event_log, event_log_head FROM PUBLIC`);
    await q.query(`GRANT SELECT, INSERT ON event_log TO ancrage_app`);
    await q.query(`GRANT SELECT, UPDATE ON event_log_head TO ancrage_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON event_log, event_log_head TO ancrage_maintenance`);
    await q.query(`
      CREATE FUNCTION event_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF current_user = 'ancrage_maintenance' THEN
          RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        RAISE EXCEPTION 'the event log is append-only: % refused to %', TG_OP, current_user
          USING ERRCODE = 'AE010', HINT = 'only the ancrage_maintenance role may change or remove recorded events';
      END
      $fn$`);
    await q.query(`CREATE TRIGGER event_log_append_only BEFORE UPDATE OR DELETE ON event_log
                     FOR EACH ROW EXECUTE FUNCTION event_log_refuse_change()`);
    await q.query(`CREATE TRIGGER event_log_no_truncate BEFORE TRUNCATE ON event_log
                     FOR EACH STATEMENT EXECUTE FUNCTION event_log_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER event_log_no_truncate ON event_log`);
    await q.query(`DROP TRIGGER event_log_append_only ON event_log`);
    await q.query(`DROP FUNCTION event_log_refuse_change()`);
    await q.query(`ALTER TABLE event_log OWNER TO CURRENT_USER`);
    await q.query(`ALTER TABLE event_log_head OWNER TO CURRENT_USER`);
  }
}
