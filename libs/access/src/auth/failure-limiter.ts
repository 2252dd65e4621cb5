import type { Pool } from 'pg';

/**
 * Counts authentication failures per client address in a sliding minute, in PostgreSQL, so every
 * API process behind a load balancer sees the same count. Past the limit the address is refused
 * (429) before any token is checked, which blunts guessing.
 */
const CLEAR_FOR_MS = 1000;
const MAX_REMEMBERED = 10_000;

export class FailureLimiter {
  private failures = 0;
  /**
   * Addresses found clear, with when: for a second they are not asked again, so a good request
   * costs no query. This process's own failures clear the entry at once; another process's show
   * here within that second.
   */
  private readonly clear = new Map<string, number>();

  constructor(
    private readonly pool: Pool,
    private readonly perMinute: number,
  ) {}

  /** Seconds until the address may try again, or null when it may now. */
  async blocked(address: string): Promise<number | null> {
    const seen = this.clear.get(address);
    if (seen !== undefined && performance.now() - seen < CLEAR_FOR_MS) return null;
    const { rows } = await this.pool.query<{ n: number; wait: number | null }>(
      `SELECT count(*)::int AS n, extract(epoch FROM min(failed_at) + interval '1 minute' - clock_timestamp())::float AS wait
         FROM auth_failures WHERE address = $1 AND failed_at > clock_timestamp() - interval '1 minute'`,
      [address],
    );
    const { n, wait } = rows[0];
    if (n >= this.perMinute) return Math.max(1, Math.ceil(wait ?? 1));
    if (this.clear.size >= MAX_REMEMBERED) this.clear.clear();
    this.clear.set(address, performance.now());
    return null;
  }

  async fail(address: string): Promise<void> {
    this.clear.delete(address);
    await this.pool.query(`INSERT INTO auth_failures (address) VALUES ($1)`, [address.slice(0, 100)]);
    // Old failures are swept now and then by whichever process fails often enough to notice.
    if (++this.failures % 200 === 0)
      await this.pool.query(`DELETE FROM auth_failures WHERE failed_at < clock_timestamp() - interval '2 minutes'`);
  }
}
