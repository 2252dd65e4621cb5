import type { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError, type ExpectedVersion, type NewEvent } from '@ancrage/event-store';
import { appendErrorOf, eventDataOf, positionOf, streamStateOf } from './mappings';

export interface AppendRetry {
  /** Attempts in all, the first included (default 4). */
  attempts: number;
  /** The wait before the second attempt, doubled before each later one (default 100 ms). */
  firstDelayMs: number;
}

/**
 * Appends to KurrentDB through the official client, in the port's terms. A cluster that cannot take
 * the append now (electing a leader, a node unreachable, a connection dropped) is asked again with
 * backoff and the very same event ids, so the server's de-duplication makes the retry the same
 * append (certain with an expected version, best effort with `any`, which is therefore not retried
 * after a deadline); a stale expected version is never retried, it is the caller's conflict.
 */
export class KurrentDbAppends {
  private readonly retry: AppendRetry;

  constructor(
    private readonly client: KurrentDBClient,
    retry: Partial<AppendRetry> = {},
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.retry = { attempts: retry.attempts ?? 4, firstDelayMs: retry.firstDelayMs ?? 100 };
  }

  /** The stream's version after the append and the commit position of its last event. */
  async append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedVersion,
  ): Promise<{ streamVersion: number; position: number }> {
    const data = events.map(eventDataOf);
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.client.appendToStream(streamId, data, { streamState: streamStateOf(expected) });
        return { streamVersion: Number(result.nextExpectedRevision), position: positionOf(result.position) };
      } catch (error) {
        const mapped = appendErrorOf(error, streamId, expected);
        if (!(mapped instanceof EventStoreUnavailableError) || attempt >= this.retry.attempts) throw mapped;
        // Only an expected version makes the server's de-duplication of a possibly written append certain.
        if (expected === 'any' && mapped.outcomeUnknown) throw mapped;
        await this.sleep(this.retry.firstDelayMs * 2 ** (attempt - 1));
      }
    }
  }
}
