import { EVENT_LOG_MIGRATIONS, PostgresEventStore } from '../../../libs/event-store-postgres/src';
import type { EventLogAdapter } from '../../../libs/platform/src';

/** The event log of this deployment: PostgreSQL, beside the read models (README: Architecture). */
export const EVENT_LOG: EventLogAdapter = {
  name: 'postgres',
  migrations: EVENT_LOG_MIGRATIONS,
  open: ({ pool, connectionString, upcasters, log }) => new PostgresEventStore({ pool, connectionString, upcasters, log }),
};
