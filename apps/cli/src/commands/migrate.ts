import { CONTEXTS, EVENT_LOG } from '@ancrage/api';
import { migrate } from '@ancrage/database';
import { loadConfig, openDatabase, schemaOf } from '@ancrage/platform';
import { sayOnStderr } from '../runtime';

export async function migrateCommand(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, sayOnStderr);
  try {
    const applied = await migrate({ url: database.url, ...schemaOf(CONTEXTS, EVENT_LOG) });
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
  } finally {
    await database.stop();
  }
}
