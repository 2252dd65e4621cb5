/* eslint-disable @typescript-eslint/require-await -- the port is async; an adapter held in memory has nothing to wait for, and `async` turns its throws into rejections as a real store's are */
import type { NewEvent, RecordedEvent } from './envelope';
import { DuplicateEventIdError, WrongExpectedVersionError } from './errors';
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
import { chainHash, CURRENT_DIGEST_FORM, GENESIS_HASH } from './hash-chain';
import { UpcasterRegistry } from './upcasters';
import { payloadForAppend, validateBatch } from './validate-batch';

interface Stored {
  event: RecordedEvent;
  digest: string;
}

/** The port in memory, for unit tests and in-memory replays. Same semantics as the SQL adapter. */
export class InMemoryEventStore implements EventStore {
  private readonly log: Stored[] = [];
  private readonly byId = new Map<string, Stored>();
  private readonly streams = new Map<string, Stored[]>();
  private waiters: Array<() => void> = [];

  constructor(
    private readonly upcasters = new UpcasterRegistry(),
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    validateBatch(streamId, events, expected);
    const payloads = events.map((e) => payloadForAppend(streamId, e));
    const digests = payloads.map((p) => p.digest);
    const existing = events.map((e) => this.byId.get(e.eventId));
    if (existing.some(Boolean)) {
      const clash = existing.findIndex((found, i) => !found || found.digest !== digests[i]);
      if (clash >= 0) throw new DuplicateEventIdError(events[existing.findIndex(Boolean)].eventId);
      return {
        streamId,
        positions: existing.map((s) => s!.event.position),
        streamVersion: existing[existing.length - 1]!.event.streamVersion,
        alreadyRecorded: true,
      };
    }
    const stream = this.streams.get(streamId) ?? [];
    const actual = stream.length - 1;
    if (expected === 'no_stream' ? actual !== -1 : expected !== 'any' && expected !== actual) {
      throw new WrongExpectedVersionError(streamId, expected, actual);
    }
    const recordedAt = this.clock().toISOString();
    const positions: number[] = [];
    events.forEach((e, i) => {
      const previous = this.log[this.log.length - 1];
      const position = (previous?.event.position ?? 0) + 1;
      const streamVersion = stream.length;
      const event: RecordedEvent = {
        eventId: e.eventId,
        type: e.type,
        schemaVersion: e.schemaVersion,
        streamId,
        streamVersion,
        position,
        // Kept as the texts parse back, as a SQL log would return them.
        data: JSON.parse(payloads[i].data),
        metadata: { ...(JSON.parse(payloads[i].metadata) as RecordedEvent['metadata']), recordedAt },
        hash: chainHash(previous?.event.hash ?? GENESIS_HASH, position, streamVersion, recordedAt, digests[i]),
        digestForm: CURRENT_DIGEST_FORM,
      };
      const stored = { event, digest: digests[i] };
      this.log.push(stored);
      stream.push(stored);
      this.byId.set(e.eventId, stored);
      positions.push(position);
    });
    this.streams.set(streamId, stream);
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((wake) => wake());
    return { streamId, positions, streamVersion: stream.length - 1, alreadyRecorded: false };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromVersion ?? 0;
    const to = options.toVersion ?? Number.MAX_SAFE_INTEGER;
    return (this.streams.get(streamId) ?? [])
      .filter((s) => s.event.streamVersion >= from && s.event.streamVersion <= to)
      .map((s) => this.output(s.event, options.upcast));
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllSlice> {
    const after = options.after ?? 0;
    const limit = options.limit ?? 1000;
    const head = this.log[this.log.length - 1]?.event.position ?? 0;
    const upTo = Math.min(options.upTo ?? head, head);
    const selected = this.selector(options);
    const events: RecordedEvent[] = [];
    // Positions are contiguous here, so the index of position p is p - 1.
    for (let i = after; i < upTo && events.length < limit; i++) {
      const { event } = this.log[i];
      if (selected(event)) events.push(this.output(event, options.upcast));
    }
    const full = events.length === limit;
    const scannedTo = full ? events[events.length - 1].position : upTo;
    return { events, scannedTo, endOfLog: scannedTo >= head };
  }

  async readStoredTexts(after: number, limit: number, options: StoredTextOptions = {}): Promise<StoredEventText[]> {
    return this.log.slice(after, Math.min(after + limit, options.upTo ?? Infinity)).map(({ event: e, digest }) => {
      const { recordedAt, ...metadata } = e.metadata;
      return {
        position: e.position,
        eventId: e.eventId,
        type: e.type,
        schemaVersion: e.schemaVersion,
        streamId: e.streamId,
        streamVersion: e.streamVersion,
        dataText: JSON.stringify(e.data),
        metadataText: JSON.stringify(metadata),
        agency: metadata.agency,
        occurredAt: metadata.occurredAt,
        recordedAt,
        hash: e.hash,
        digestForm: e.digestForm,
        copies: { agency: metadata.agency, occurredAt: metadata.occurredAt, payloadDigest: digest },
      };
    });
  }

  async readBackward(options: ReadBackwardOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.limit ?? 1000;
    const selected = this.selector(options);
    const events: RecordedEvent[] = [];
    for (let i = Math.min(options.upTo ?? this.log.length, this.log.length) - 1; i >= 0 && events.length < limit; i--) {
      const { event } = this.log[i];
      if (selected(event)) events.push(this.output(event, options.upcast));
    }
    return events;
  }

  async countAll(filter: LogFilter = {}): Promise<number> {
    const selected = this.selector(filter);
    return this.log.slice(0, filter.upTo ?? this.log.length).filter(({ event }) => selected(event)).length;
  }

  /** The filters every read shares, bounds included. */
  private selector(filter: Omit<LogFilter, 'upTo'>): (event: RecordedEvent) => boolean {
    const types = filter.types ? new Set(filter.types) : undefined;
    const streams = filter.streams ? new Set(filter.streams) : undefined;
    const occurredUpTo = filter.occurredUpTo !== undefined ? Date.parse(filter.occurredUpTo) : undefined;
    const recordedUpTo = filter.recordedUpTo !== undefined ? Date.parse(filter.recordedUpTo) : undefined;
    return (event) =>
      (!types || types.has(event.type)) &&
      (filter.agency === undefined || event.metadata.agency === filter.agency) &&
      (!streams || streams.has(event.streamId)) &&
      (occurredUpTo === undefined || Date.parse(event.metadata.occurredAt) <= occurredUpTo) &&
      (recordedUpTo === undefined || Date.parse(event.metadata.recordedAt) <= recordedUpTo);
  }

  async headPosition(): Promise<number> {
    return this.log[this.log.length - 1]?.event.position ?? 0;
  }

  async waitForAppend(after: number, timeoutMs: number): Promise<void> {
    if ((await this.headPosition()) > after) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.waiters.push(done);
    });
  }

  async close(): Promise<void> {
    this.waiters.forEach((wake) => wake());
    this.waiters = [];
  }

  private output(event: RecordedEvent, upcast = true): RecordedEvent {
    const copy = { ...event, data: structuredClone(event.data), metadata: { ...event.metadata } };
    return upcast ? this.upcasters.apply(copy) : copy;
  }
}
