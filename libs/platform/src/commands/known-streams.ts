import type { EventStore, RecordedEvent } from '@ancrage/event-store';
import type { Decider, DomainEvent } from '@ancrage/shared-kernel';

/** A stream as a decider knows it: its state after `version`, and the events each idempotency key wrote. */
export interface KnownStream {
  decider: unknown;
  state: unknown;
  version: number;
  keyed: Map<string, RecordedEvent[]>;
}

/**
 * The state of recently decided streams, kept folded so that a command on a busy stream (a fund
 * year with hundreds of commitments) reads and folds only the events appended since, not the
 * whole stream each time. The log stays the truth: every call reads from the version it knows,
 * so events other processes appended are folded in before deciding. Deciders' `evolve` is pure,
 * so a state may be shared; the least recently used streams are forgotten past `capacity`.
 */
export class KnownStreams {
  private readonly streams = new Map<string, KnownStream>();

  constructor(private readonly capacity = 2_000) {}

  async catchUp<C, E extends DomainEvent, S>(
    store: EventStore,
    streamId: string,
    decider: Decider<C, E, S>,
    useCache = true,
  ): Promise<KnownStream> {
    const cached = useCache ? this.streams.get(streamId) : undefined;
    const start =
      cached?.decider === decider
        ? cached
        : { decider, state: decider.initialState(), version: -1, keyed: new Map<string, RecordedEvent[]>() };
    const news = await store.readStream(streamId, { fromVersion: start.version + 1 });
    // Another call may have folded further while this one read: take whichever knows more.
    const current = this.streams.get(streamId);
    const base = useCache && current?.decider === decider && current.version > start.version ? current : start;
    let { state, version } = base;
    const keyed = base.keyed;
    for (const e of news) {
      if (e.streamVersion <= version) continue;
      // A gap (the log was altered under us): forget what was known and fold the whole stream once.
      if (e.streamVersion !== version + 1 && useCache) return this.catchUp(store, streamId, decider, false);
      state = decider.evolve(state as S, { type: e.type, data: e.data, occurredAt: e.metadata.occurredAt } as E);
      version = e.streamVersion;
      const key = e.metadata.idempotencyKey;
      if (typeof key === 'string') keyed.set(key, [...(keyed.get(key) ?? []), e]);
    }
    const known = { decider, state, version, keyed };
    this.streams.delete(streamId);
    this.streams.set(streamId, known);
    if (this.streams.size > this.capacity) this.streams.delete(this.streams.keys().next().value!);
    return known;
  }
}
