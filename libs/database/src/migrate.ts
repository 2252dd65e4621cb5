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
