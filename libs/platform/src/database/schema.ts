import { EVENT_LOG_MIGRATIONS } from '../../../event-store-postgres/src';
import { ProjectionCheckpoints1764000000100 } from '../../../projections/src';
import type { ContextParts } from '../context';

/** Tables every deployment has, whatever its contexts: the event log and projection checkpoints. */
export const PLATFORM_MIGRATIONS = [...EVENT_LOG_MIGRATIONS, ProjectionCheckpoints1764000000100];

/** The whole schema of a deployment: what the app migrates on start and `ancrage migrate` applies. */
export function schemaOf(contexts: ContextParts[]) {
  return {
    migrations: [...PLATFORM_MIGRATIONS, ...contexts.flatMap((c) => c.migrations ?? [])],
    entities: contexts.flatMap((c) => c.entities ?? []),
  };
}
