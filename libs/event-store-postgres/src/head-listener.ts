import { Client } from 'pg';

/**
 * Wakes followers when the head moves: one LISTEN connection per store, on the `event_log` channel
 * each append notifies with its new head. Without a connection string, or if the connection cannot
 * be made, waiters simply sleep out their timeout (followers poll).
 */
export class HeadListener {
  private listener?: Promise<Client | undefined>;
  /** The highest head the LISTEN connection has heard of since it was made (undefined: not listening). */
  private heardHead?: number;
  private waiters = new Set<() => void>();
  private closed = false;

  constructor(
    private readonly connectionString: string | undefined,
    private readonly headPosition: () => Promise<number>,
  ) {}

  async waitForAppend(after: number, timeoutMs: number): Promise<void> {
    await this.listen();
    if (this.closed) return;
    // Register before reading the head, so a notification between the two is not missed.
    let done!: () => void;
    const woken = new Promise<void>((resolve) => {
      const timer = setTimeout(() => done(), timeoutMs);
      done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      this.waiters.add(done);
    });
    // While listening, the head heard of is enough: any later commit will notify.
    const head = this.heardHead ?? (await this.headPosition());
    if (head > after) done();
    await woken;
  }

  async close(): Promise<void> {
    this.closed = true;
    [...this.waiters].forEach((wake) => wake());
    const listener = await this.listener;
    await listener?.end().catch(() => undefined);
  }

  private listen(): Promise<Client | undefined> {
    if (!this.connectionString || this.closed) return Promise.resolve(undefined);
    this.listener ??= (async () => {
      const client = new Client({ connectionString: this.connectionString, options: '-c jit=off' });
      let heard = 0;
      client.on('notification', (message) => {
        heard = Math.max(heard, Number(message.payload) || 0);
        if (this.heardHead !== undefined) this.heardHead = Math.max(this.heardHead, heard);
        [...this.waiters].forEach((wake) => wake());
      });
      // A dropped connection is made again by the next waiter.
      client.on('error', () => {
        this.listener = undefined;
        this.heardHead = undefined;
      });
      try {
        await client.connect();
        await client.query('LISTEN event_log');
        // Commits before LISTEN were not heard: the head read after it covers them.
        this.heardHead = Math.max(heard, await this.headPosition());
        return client;
      } catch {
        this.listener = undefined;
        this.heardHead = undefined;
        return undefined;
      }
    })();
    return this.listener;
  }
}
