import { createDataSource, type DataSourceParts } from './data-source';
import { APPLICATION_ROLE } from './pool';

/** The role that owns the event log (created by its append-only migration); the application only reads and appends. */
export const LOG_OWNER_ROLE = 'ancrage_owner';

/**
 * Runs pending migrations as the login user (never as the application role, which may not exist
 * yet), under an advisory lock so that two processes starting together do not race, then hands the
 * tables over to the application role.
 */
export async function migrate(parts: DataSourceParts): Promise<string[]> {
  const ds = createDataSource({ ...parts, asApplication: false, poolSize: 2 });
  await ds.initialize();
  const runner = ds.createQueryRunner();
  try {
    await runner.connect();
    await runner.query(`SELECT pg_advisory_lock(hashtext('ancrage-migrations'))`);
    const done = await ds.runMigrations({ transaction: 'each' });
    await handOverToApplication((sql) => runner.query(sql));
    return done.map((m) => m.name);
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext('ancrage-migrations'))`).catch(() => undefined);
    await runner.release();
    await ds.destroy();
  }
}

/**
 * The application role owns every table but the log's (projection rebuilds create, rename and drop
 * read-model tables), and may create tables in the schema. Only tables it does not own yet are
 * altered: ALTER TABLE locks the table, and a running server must not wait on a restart's migrate.
 */
async function handOverToApplication(query: (sql: string) => Promise<unknown>): Promise<void> {
  await query(`
    DO $$
    DECLARE t record;
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APPLICATION_ROLE}') THEN RETURN; END IF;
      EXECUTE format('GRANT USAGE, CREATE ON SCHEMA %I TO ${APPLICATION_ROLE}', current_schema());
      FOR t IN SELECT tablename FROM pg_tables
                WHERE schemaname = current_schema() AND tableowner NOT IN ('${APPLICATION_ROLE}', '${LOG_OWNER_ROLE}') LOOP
        EXECUTE format('ALTER TABLE %I OWNER TO ${APPLICATION_ROLE}', t.tablename);
      END LOOP;
    END $$`);
}

export const MAINTENANCE_ROLE = 'ancrage_maintenance';

interface Queries {
  query(sql: string): Promise<unknown>;
}

/**
 * The roles of an append-only table (see the README, "Database roles"). Roles belong to the cluster,
 * not the database: they are created when missing, and a concurrent creation by another database's
 * migration is not an error. A login user that is not a superuser needs CREATEROLE, and is made a
 * member of the owner and application roles so that it can keep migrating.
 */
export async function ensureRoles(q: Queries): Promise<void> {
  for (const role of [LOG_OWNER_ROLE, APPLICATION_ROLE, MAINTENANCE_ROLE]) {
    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${role} NOLOGIN; END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
  }
  await q.query(`DO $$ BEGIN
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
      EXECUTE format('GRANT ${LOG_OWNER_ROLE}, ${APPLICATION_ROLE} TO %I', current_user);
    END IF; END $$`);
}

/**
 * Makes a table append-only: owned by the owner role, SELECT and INSERT for the application, and a
 * trigger that refuses UPDATE, DELETE and TRUNCATE to everyone, superusers included, but the
 * maintenance role, a role nobody logs in as (a repair says so with SET ROLE).
 */
export async function makeAppendOnly(q: Queries, table: string): Promise<void> {
  await q.query(`ALTER TABLE ${table} OWNER TO ${LOG_OWNER_ROLE}`);
  await q.query(`REVOKE ALL ON ${table} FROM PUBLIC`);
  await q.query(`GRANT SELECT, INSERT ON ${table} TO ${APPLICATION_ROLE}`);
  await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ${table} TO ${MAINTENANCE_ROLE}`);
  await q.query(`
    CREATE OR REPLACE FUNCTION ancrage_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF current_user = '${MAINTENANCE_ROLE}' THEN
        RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
      END IF;
      RAISE EXCEPTION '% is append-only: % refused to %', TG_TABLE_NAME, TG_OP, current_user
        USING ERRCODE = 'AE010', HINT = 'only the ${MAINTENANCE_ROLE} role may change or remove what was recorded';
    END
    $fn$`);
  await q.query(
    `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ancrage_refuse_change()`,
  );
  await q.query(
    `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ancrage_refuse_change()`,
  );
}

/** Undoes makeAppendOnly (a migration's down()). */
export async function dropAppendOnly(q: Queries, table: string): Promise<void> {
  await q.query(`DROP TRIGGER ${table}_no_truncate ON ${table}`);
  await q.query(`DROP TRIGGER ${table}_append_only ON ${table}`);
  await q.query(`ALTER TABLE ${table} OWNER TO CURRENT_USER`);
}
