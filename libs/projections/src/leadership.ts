import type { Pool, PoolClient } from 'pg';

/** The advisory lock a projection's projector holds, as pg_locks shows it (see projection-status.ts). */
export const LEADER_LOCK = { namespace: `hashtext('ancrage-projection')`, key: (nameSql: string) => `hashtext(${nameSql})` };

/**
 * One projector per projection across processes: a session advisory lock per projection elects
 * it. One connection holds every lock of an engine, so they all go when the process does.
 */
export class Leadership {
  private client?: PoolClient;
  private attempts: Promise<unknown> = Promise.resolve();

  constructor(private readonly pool: Pool) {}

  async open(): Promise<void> {
    this.client ??= await this.pool.connect();
  }

  /** Whether this process now leads the projection (it keeps the lead until close()). */
  async tryLead(projection: string): Promise<boolean> {
    const client = this.client;
    if (!client) throw new Error('leadership not open');
    // The connection's queries must not overlap.
    const attempt = this.attempts.then(() =>
      client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${LEADER_LOCK.namespace}, ${LEADER_LOCK.key('$1')}) AS ok`, [projection]),
    );
    this.attempts = attempt.catch(() => undefined);
    return (await attempt).rows[0].ok;
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    await client.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
    client.release();
  }
}
