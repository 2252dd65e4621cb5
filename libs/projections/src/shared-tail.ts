import type { EventStore, ReadAllSlice } from '@ancrage/event-store';

const FRESH_MS = 250;
const KEPT = 8;

interface TailRead {
  after: number;
  at: number;
  slice: Promise<ReadAllSlice>;
  done?: ReadAllSlice;
}

/**
 * Projections that follow the head all wake on the same appends and ask for the events after
 * nearby checkpoints: a recent read of the log's tail serves every one whose checkpoint lies
 * inside it, each keeping the types it folds. A slice may be a little stale: a projection then
 * checkpoints at its end and reads on at once, since positions, not time, say what was folded.
 * Behind the head (a backlog), each projection reads its own types, which lets it skip what it
 * does not fold.
 */
export class SharedTail {
  private readonly recent: TailRead[] = [];

  constructor(
    private readonly store: EventStore,
    private readonly limit: number,
  ) {}

  async read(after: number, types: readonly string[] | undefined): Promise<ReadAllSlice> {
    const now = performance.now();
    const fresh = this.recent.filter((r) => now - r.at <= FRESH_MS);
    // A finished read that saw past this checkpoint, or one under way from this very checkpoint.
    let entry =
      fresh.find((r) => r.done && r.after <= after && after < r.done.scannedTo) ?? fresh.find((r) => !r.done && r.after === after);
    if (!entry) {
      const started: TailRead = { after, at: now, slice: this.store.readAll({ after, limit: this.limit }) };
      started.slice.then(
        (s) => (started.done = s),
        () => this.forget(started),
      );
      this.recent.unshift(started);
      this.recent.length = Math.min(this.recent.length, KEPT);
      entry = started;
    }
    const slice = await entry.slice;
    if (!slice.endOfLog) return this.store.readAll({ after, limit: this.limit, types });
    const wanted = types ? new Set(types) : null;
    return {
      events: slice.events.filter((e) => e.position > after && (!wanted || wanted.has(e.type))),
      scannedTo: Math.max(after, slice.scannedTo),
      endOfLog: true,
    };
  }

  private forget(read: TailRead): void {
    const i = this.recent.indexOf(read);
    if (i >= 0) this.recent.splice(i, 1);
  }
}
