import type { NewEvent, RecordedEvent } from './envelope';
import { WrongExpectedVersionError } from './errors';
import type {
  AppendResult,
  EventStore,
  ExpectedVersion,
  LogFilter,
  ReadAllOptions,
  ReadAllSlice,
  ReadBackwardOptions,
  ReadStreamOptions,
  StoredEventText,
  StoredTextOptions,
} from './event-store.port';
import { validateBatch } from './validate-batch';

/**
 * The log as it would stand after appends that are never written: a dry run rehearses the real
 * commands (handlers, deciders, version checks) over it, and throws it away. Streams read as the
 * real log's events followed by the rehearsed ones; appends stay in memory. Global reads (readAll,
 * counts, the head) see the real log only: no command decides on them.
 */
export class RehearsalEventStore implements EventStore {
  private readonly rehearsed = new Map<string, RecordedEvent[]>();

  constructor(private readonly real: EventStore) {}

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromVersion ?? 0;
    const to = options.toVersion ?? Number.MAX_SAFE_INTEGER;
    const real = await this.real.readStream(streamId, options);
    const mine = (this.rehearsed.get(streamId) ?? []).filter((e) => e.streamVersion >= from && e.streamVersion <= to);
    return [...real, ...mine];
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    validateBatch(streamId, events, expected);
    const mine = this.rehearsed.get(streamId) ?? [];
    const last = mine.length ? mine[mine.length - 1].streamVersion : ((await this.real.readStream(streamId)).at(-1)?.streamVersion ?? -1);
    if ((expected === 'no_stream' && last !== -1) || (typeof expected === 'number' && expected !== last)) {
      throw new WrongExpectedVersionError(streamId, expected, last);
    }
    const recordedAt = new Date().toISOString();
    const appended = events.map((e, i): RecordedEvent => ({
      ...e,
      streamId,
      streamVersion: last + 1 + i,
      position: 0,
      metadata: { ...e.metadata, recordedAt },
      hash: '',
      digestForm: 2,
    }));
    this.rehearsed.set(streamId, [...mine, ...appended]);
    return { streamId, positions: appended.map(() => 0), streamVersion: last + events.length, alreadyRecorded: false };
  }

  readAll(options?: ReadAllOptions): Promise<ReadAllSlice> {
    return this.real.readAll(options);
  }
  readBackward(options?: ReadBackwardOptions): Promise<RecordedEvent[]> {
    return this.real.readBackward(options);
  }
  countAll(filter?: LogFilter): Promise<number> {
    return this.real.countAll(filter);
  }
  readStoredTexts(after: number, limit: number, options?: StoredTextOptions): Promise<StoredEventText[]> {
    return this.real.readStoredTexts(after, limit, options);
  }
  headPosition(): Promise<number> {
    return this.real.headPosition();
  }
  waitForAppend(after: number, timeoutMs: number): Promise<void> {
    return this.real.waitForAppend(after, timeoutMs);
  }
  /** Nothing of its own to close: the real log belongs to its owner. */
  async close(): Promise<void> {}
}
