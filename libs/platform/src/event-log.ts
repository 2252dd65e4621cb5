import type { Pool } from 'pg';
import type { MigrationInterface } from 'typeorm';
import type { EventStore, UpcasterRegistry } from '@ancrage/event-store';

/**
 * The event log a deployment keeps, chosen by its composition root (apps/): the platform only
 * knows the port. An adapter brings the tables it keeps in the platform's PostgreSQL, if any.
 */
export interface EventLogAdapter {
  migrations: (new () => MigrationInterface)[];
  open(parts: {
    pool: Pool;
    connectionString: string;
    upcasters: UpcasterRegistry;
    log: (level: 'debug' | 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown>) => void;
  }): EventStore;
}
