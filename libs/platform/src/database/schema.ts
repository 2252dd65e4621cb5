import { PROJECTION_MIGRATIONS } from '@ancrage/projections';
import type { ContextParts } from '../context';
import type { EventLogAdapter } from '../event-log';
import { IdempotencyKeys1764000040300 } from './migrations/1764000040300-idempotency-keys';

/** Tables every deployment has, whatever its contexts and its event log: projection checkpoints and shapes, idempotency keys. */
export const PLATFORM_MIGRATIONS = [...PROJECTION_MIGRATIONS, IdempotencyKeys1764000040300];

/** The whole schema of a deployment: what the app migrates on start and `ancrage migrate` applies. */
export function schemaOf(contexts: ContextParts[], eventLog: Pick<EventLogAdapter, 'migrations'>) {
  return {
    migrations: [...eventLog.migrations, ...PLATFORM_MIGRATIONS, ...contexts.flatMap((c) => c.migrations ?? [])],
    entities: contexts.flatMap((c) => c.entities ?? []),
  };
}
