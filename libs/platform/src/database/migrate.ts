import type { DataSource } from 'typeorm';

/** Runs pending migrations under an advisory lock, so two processes starting together do not race. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext('ancrage-migrations'))`);
    const done = await dataSource.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext('ancrage-migrations'))`).catch(() => undefined);
    await runner.release();
  }
}
