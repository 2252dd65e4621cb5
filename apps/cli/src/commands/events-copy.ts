import { canImportVerbatim, type EventStore, verifyChain } from '@ancrage/event-store';
import { EVENT_LOG_MIGRATIONS, PostgresEventStore } from '@ancrage/event-store-postgres';
import { createPool, installPgTypeParsers, migrate } from '@ancrage/database';
import { progressBar } from '../progress';

export interface CopyOptions {
  from: string;
  to: string;
  batch?: string;
}

/** A store named by its URL, with what closes it. PostgreSQL today; KurrentDB comes with its adapter. */
async function openStore(url: string, role: 'source' | 'target'): Promise<{ store: EventStore; close: () => Promise<void> }> {
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new Error(`--${role === 'source' ? 'from' : 'to'}: ${url} is not a store this build can open (postgres://…)`);
  // The target gets the log's tables if it has none; the source is only read.
  if (role === 'target') await migrate({ url, entities: [], migrations: EVENT_LOG_MIGRATIONS });
  const pool = createPool(url, 4);
  return { store: new PostgresEventStore({ pool }), close: () => pool.end() };
}

/**
 * Copies a log into another store event by event, exactly as stored: ids, order, positions,
 * recording instants, payload texts and hashes, so signed tree heads of the source prove the copy
 * too. It resumes where an interrupted copy stopped (the target's head, once its last event is
 * found identical in the source), refuses a target holding another log, and verifies the whole
 * chain of the target at the end.
 */
export async function eventsCopy(options: CopyOptions): Promise<void> {
  installPgTypeParsers();
  const batch = Number(options.batch ?? 1000);
  if (!Number.isInteger(batch) || batch < 1 || batch > 50_000) throw new Error('--batch must be a whole number from 1 to 50000');
  const source = await openStore(options.from, 'source');
  const target = await openStore(options.to, 'target').catch(async (e: unknown) => {
    await source.close();
    throw e;
  });
  try {
    if (!canImportVerbatim(target.store)) throw new Error(`--to: this store cannot take events as another log stored them`);
    let after = await target.store.headPosition();
    const head = await source.store.headPosition();
    if (after > head)
      throw new Error(`--to is ahead of --from (head ${after} against ${head}): it holds more than the source, copy the other way round`);
    if (after > 0) await sameLogUpTo(source.store, target.store, after);
    const copiedBefore = after;
    console.log(after > 0 ? `resuming after position ${after} of ${head}` : `copying ${head} positions`);
    const bar = progressBar('copying');
    bar.start(Math.max(head, 1), after, { rate: 0 });
    const started = Date.now();
    let copied = 0;
    for (;;) {
      const events = await source.store.readStoredTexts(after, batch, { upTo: head });
      if (events.length === 0) break;
      await target.store.importStored(events);
      copied += events.length;
      after = events[events.length - 1].position;
      bar.update(after, { rate: Math.round(copied / Math.max((Date.now() - started) / 1000, 1e-3)) });
    }
    bar.stop();
    const verdict = await verifyChain(target.store);
    if (!verdict.ok) {
      console.log(`COPY ALTERED at position ${verdict.position}: ${verdict.reason}`);
      process.exitCode = 1;
      return;
    }
    console.log(
      `copied ${copied} events (${copiedBefore > 0 ? `after ${copiedBefore} already there, ` : ''}up to position ${after}); ` +
        `chain verified: ${verdict.checked} events, head hash ${verdict.headHash}`,
    );
  } finally {
    await Promise.all([source.close(), target.close()]);
  }
}

/** A target that already holds events continues the source only if its last event is the source's, hash for hash. */
async function sameLogUpTo(source: EventStore, target: EventStore, position: number): Promise<void> {
  const [last] = await target.readBackward({ limit: 1, upcast: false });
  const [same] = (await source.readAll({ after: position - 1, upTo: position, limit: 1, upcast: false })).events;
  if (!last || !same || same.position !== last.position || same.hash !== last.hash)
    throw new Error(`--to already holds another log (its event at position ${position} is not the source's): copy into an empty store`);
}
