import { EVENT_LOG_MIGRATIONS, PostgresEventStore } from '@ancrage/event-store-postgres';
import type { EventLogAdapter } from '@ancrage/platform';

/** The event log of this deployment: PostgreSQL, beside the read models (README: Architecture). */
export const EVENT_LOG: EventLogAdapter = {
  migrations: EVENT_LOG_MIGRATIONS,
  open: ({ pool, connectionString, upcasters, log }) => new PostgresEventStore({ pool, connectionString, upcasters, log }),
};
