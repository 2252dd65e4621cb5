import { AppendResult, ExpectedVersion } from '@ancrage/event-store';
import { PendingEvent } from './staging';

/** One append waiting for its group: the caller's promise is settled by whichever path writes it. */
export interface PendingAppend {
  streamId: string;
  expected: ExpectedVersion;
  events: PendingEvent[];
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/** Events one grouped round trip carries at most (a single larger append still goes alone). */
const MAX_GROUP_EVENTS = 5000;

/** Groups written at once (see flush). */
const MAX_GROUPS_IN_FLIGHT = 2;

/**
 * Groups of at least this many events are COPYed in (bulk-append.ts): three round trips instead of
 * one, but far less work per event in PostgreSQL. Smaller groups, single appends above all, keep the
 * one-round-trip function. The queue splits on it too, so that both halves of a burst go in bulk.
 */
export const BULK_APPEND_MIN_EVENTS = 50;

/**
 * Group commit: appends that queue up while earlier ones are in flight travel together in one
 * statement and one commit. Two groups may be in flight: their appends still run one after the
 * other (the head lock), but one group is prepared, COPYed into staging and answered while the
 * other appends, instead of both sides waiting in turn. Every item still succeeds or fails on its own
 * (`write` settles each item of its group).
 */
export class GroupCommit {
  private queue: PendingAppend[] = [];
  private inFlight = 0;
  private flushScheduled = false;

  constructor(private readonly write: (group: PendingAppend[]) => Promise<void>) {}

  enqueue(streamId: string, expected: ExpectedVersion, events: PendingEvent[]): Promise<AppendResult> {
    const item: PendingAppend = { streamId, expected, events, resolve: () => undefined, reject: () => undefined };
    const done = new Promise<AppendResult>((resolve, reject) => Object.assign(item, { resolve, reject }));
    this.queue.push(item);
    // Flush once the current turn of the event loop ends, so that appends made together (the
    // writers an earlier group's answers released) travel together.
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        this.flush();
      });
    }
    return done;
  }

  private flush(): void {
    while (this.queue.length > 0 && this.inFlight < MAX_GROUPS_IN_FLIGHT) {
      // With nothing in flight and a large queue, half of it goes first and the rest right behind:
      // the halves then alternate, one written while the next one's writers prepare.
      const queued = this.queue.reduce((n, q) => n + q.events.length, 0);
      const budget = this.inFlight === 0 && queued >= 2 * BULK_APPEND_MIN_EVENTS ? Math.ceil(queued / 2) : MAX_GROUP_EVENTS;
      const group: PendingAppend[] = [];
      let size = 0;
      while (this.queue.length > 0 && (group.length === 0 || size + this.queue[0].events.length <= Math.min(budget, MAX_GROUP_EVENTS))) {
        const next = this.queue.shift()!;
        size += next.events.length;
        group.push(next);
      }
      this.inFlight++;
      void this.write(group).finally(() => {
        this.inFlight--;
        this.flush();
      });
    }
  }
}
