import { CONTEXTS, EVENT_LOG } from '../../../api/src';
import { createDataSource } from '../../../../libs/database/src';
import { loadConfig, migrate, openDatabase, schemaOf } from '../../../../libs/platform/src';
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
