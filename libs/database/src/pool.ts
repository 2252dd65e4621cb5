import { Pool } from 'pg';

/**
 * PostgreSQL connection options for every pool of the app. JIT is off: its compile time (hundreds of
 * milliseconds) was paid on every event-log read whose plan looked expensive, and our queries are
 * short index scans that never gain from it.
 */
export const CONNECTION_OPTIONS = '-c jit=off';

export function createPool(url: string, max = 10, onError?: (e: Error) => void): Pool {
  const pool = new Pool({ connectionString: url, max, options: CONNECTION_OPTIONS });
  const lost = onError ?? (() => undefined);
  pool.on('error', lost);
  // A checked-out client has no pool listener: without one, a dropped connection would crash the process.
  pool.on('connect', (client) => client.on('error', lost));
  return pool;
}
