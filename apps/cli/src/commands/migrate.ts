import { CONTEXTS } from '../../../api/src/contexts';
import { createDataSource } from '../../../../libs/database/src';
import { EventLog1764000000000 } from '../../../../libs/event-store-postgres/src';
import { ProjectionCheckpoints1764000000100 } from '../../../../libs/projections/src';
import { loadConfig, migrate, openDatabase } from '../../../../libs/platform/src';
import { cliLogger } from '../runtime';

export function allMigrations() {
  return [EventLog1764000000000, ProjectionCheckpoints1764000000100, ...CONTEXTS.flatMap((c) => c.migrations ?? [])];
}

export async function migrateCommand(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, (m) => cliLogger(config).event('info', m));
  const ds = createDataSource({ url: database.url, migrations: allMigrations(), entities: CONTEXTS.flatMap((c) => c.entities ?? []) });
  try {
    await ds.initialize();
    const applied = await migrate(ds);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
  } finally {
    await ds.destroy().catch(() => undefined);
    await database.stop();
  }
}
