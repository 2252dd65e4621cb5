import { Pool, type PoolClient } from 'pg';

/**
 * PostgreSQL connection options for every pool of the app. JIT is off: its compile time (hundreds of
 * milliseconds) was paid on every event-log read whose plan looked expensive, and our queries are
 * short index scans that never gain from it.
 */
export const CONNECTION_OPTIONS = '-c jit=off';

/**
 * The role the application's sessions act under (created by the event log's append-only migration):
 * it may read and append to the log and nothing more, and it owns the read models. Migrations run
 * as the login user instead, which must be able to create roles (see the README, "Database roles").
 */
export const APPLICATION_ROLE = 'ancrage_app';

/** Connection options for a session of the application (`role` set at start-up, like SET ROLE). */
export const APPLICATION_CONNECTION_OPTIONS = `${CONNECTION_OPTIONS} -c role=${APPLICATION_ROLE}`;

const openClients = new WeakMap<Pool, Set<PoolClient>>();

/** A pool of application sessions (see APPLICATION_ROLE). */
export function createPool(url: string, max = 10, onError?: (e: Error) => void): Pool {
  const pool = new Pool({ connectionString: url, max, options: APPLICATION_CONNECTION_OPTIONS });
  const lost = onError ?? (() => undefined);
  const open = new Set<PoolClient>();
  openClients.set(pool, open);
  pool.on('error', lost);
  pool.on('connect', (client) => {
    open.add(client);
    client.once('end', () => open.delete(client));
    // A checked-out client has no pool listener: without one, a dropped connection would crash the process.
    client.on('error', lost);
  });
  return pool;
}

/**
 * Ends the pool and waits until every connection has closed. `pool.end()` alone resolves once it has
 * asked its clients to end, before the server has seen them go: a server stopped right after would
 * cut them, and they would report a lost connection.
 */
export async function closePool(pool: Pool): Promise<void> {
  await pool.end();
  const open = [...(openClients.get(pool) ?? [])];
  await Promise.all(open.map((client) => new Promise<void>((done) => client.once('end', () => done()))));
}
