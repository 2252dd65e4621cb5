import { CONTEXTS, EVENT_LOG } from '@ancrage/api';
import { createDataSource } from '@ancrage/database';
import { loadConfig, migrate, openDatabase, schemaOf } from '@ancrage/platform';
import { sayOnStderr } from '../runtime';

export async function migrateCommand(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, sayOnStderr);
  const ds = createDataSource({ url: database.url, ...schemaOf(CONTEXTS, EVENT_LOG) });
  try {
    await ds.initialize();
    const applied = await migrate(ds);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
  } finally {
    await ds.destroy().catch(() => undefined);
    await database.stop();
  }
}
