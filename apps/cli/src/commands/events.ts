import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { withContext } from '../runtime';

export interface TailOptions {
  from?: string;
  type?: string[];
  agency?: string;
  follow?: boolean;
  limit?: string;
}

/** Prints events as JSON lines, oldest first; with --follow keeps printing as they arrive. */
export async function eventsTail(options: TailOptions): Promise<void> {
  await withContext(async (ctx) => {
    const store = ctx.get<EventStore>(EVENT_STORE);
    const head = await store.headPosition();
    const limit = options.limit ? Number(options.limit) : 20;
    let after = options.from !== undefined ? Number(options.from) : Math.max(0, head - limit);
    if (!Number.isInteger(after) || after < 0) throw new Error('--from must be a position (a non-negative integer)');
    let stop = false;
    process.once('SIGINT', () => (stop = true));
    while (!stop) {
      const slice = await store.readAll({ after, limit: 1000, types: options.type, agency: options.agency });
      for (const e of slice.events) process.stdout.write(`${JSON.stringify(e)}\n`);
      after = slice.scannedTo;
      if (slice.endOfLog) {
        if (!options.follow) break;
        await store.waitForAppend(after, 1000);
      }
    }
  });
}
