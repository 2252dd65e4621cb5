import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropAppendOnly, ensureRoles, makeAppendOnly, APPLICATION_ROLE, LOG_OWNER_ROLE } from '@ancrage/database';

/**
 * The log is append-only by construction (see the README, "Database roles"): `ancrage_owner` owns
 * its tables; `ancrage_app`, the role the application's sessions act under, may SELECT and INSERT on
 * `event_log` and move `event_log_head`; a trigger refuses UPDATE, DELETE and TRUNCATE on
 * `event_log` to everyone but `ancrage_maintenance`.
 */
export class EventLogAppendOnly1764000060000 implements MigrationInterface {
  name = 'EventLogAppendOnly1764000060000';

  async up(q: QueryRunner): Promise<void> {
    await ensureRoles(q);
    await makeAppendOnly(q, 'event_log');
    await q.query(`ALTER TABLE event_log_head OWNER TO ${LOG_OWNER_ROLE}`);
    await q.query(`REVOKE ALL ON event_log_head FROM PUBLIC`);
    await q.query(`GRANT SELECT, UPDATE ON event_log_head TO ${APPLICATION_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropAppendOnly(q, 'event_log');
    await q.query(`ALTER TABLE event_log_head OWNER TO CURRENT_USER`);
  }
}
