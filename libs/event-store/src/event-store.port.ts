import type { DigestForm, NewEvent, RecordedEvent, StoredCopies } from './envelope';

/** 'no_stream': the stream must not exist; a number: the version of the stream's last event. */
export type ExpectedVersion = 'any' | 'no_stream' | number;

export interface AppendResult {
  streamId: string;
  /** Positions of the appended events, in order. */
  positions: number[];
  /** Version of the stream's last event after the append. */
  streamVersion: number;
  /** True when every event id was already stored with the same payload: nothing was written. */
  alreadyRecorded: boolean;
}

export interface ReadAllOptions {
  /** Exclusive lower bound; 0 reads from the start. */
  after?: number;
  /** Inclusive upper bound. */
  upTo?: number;
  limit?: number;
  types?: readonly string[];
  agency?: string;
  /** Only events of these streams (an agency's partners in the shared register, say). */
  streams?: readonly string[];
  /**
   * Only events that occurred at or before this instant (ISO 8601). "As of" replays filter in the
   * store, so what they leave out is neither sent nor decoded.
   */
  occurredUpTo?: string;
  /** Only events recorded at or before this instant (ISO 8601): what was known then. */
  recordedUpTo?: string;
  /** Apply upcasters (default true). The audit walk reads the stored form. */
  upcast?: boolean;
}

export interface ReadAllSlice {
  events: RecordedEvent[];
  /**
   * Every committed event at or below this position was considered (a filtered read can scan past
   * events that do not match). Resume with `after: scannedTo`.
   */
  scannedTo: number;
  /** True when nothing committed lies beyond scannedTo. */
  endOfLog: boolean;
}

/** Which events a count or a newest-first read considers: the same filters as readAll. */
export type LogFilter = Pick<ReadAllOptions, 'upTo' | 'types' | 'agency' | 'streams' | 'occurredUpTo' | 'recordedUpTo'>;

export interface ReadBackwardOptions extends LogFilter {
  /** At most this many events (default 1000). The next page is `upTo: last position - 1`. */
  limit?: number;
  upcast?: boolean;
}

export interface ReadStreamOptions {
  fromVersion?: number;
  toVersion?: number;
  upcast?: boolean;
}

/**
 * An event as the log stores it, its payload as the very texts that were digested: what the audit
 * walk and the Merkle sealer read, so that neither parses nor re-serialises a payload (form 2).
 */
export interface StoredEventText {
  position: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  streamVersion: number;
  dataText: string;
  /** The metadata as stored: without recordedAt, which has its own column. */
  metadataText: string;
  /** metadata.agency and metadata.occurredAt, as the metadata says them. */
  agency: string | null;
  occurredAt: string;
  recordedAt: string;
  hash: string;
  digestForm: DigestForm;
  copies: StoredCopies;
}

export interface StoredTextOptions {
  /** false: only position, hash, agency and occurredAt (default true). */
  payload?: boolean;
  /** Inclusive upper bound of positions, so that windows of the log can be read side by side. */
  upTo?: number;
}

/**
 * The event log. Appends to one stream are atomic; positions are strictly ordered and a reader
 * never sees a position before every earlier one is committed.
 */
export interface EventStore {
  /**
   * Appends a batch with an expected version. Retrying with the same event ids and the same payload
   * answers with the original positions; "the same payload" is the same JSON text, key order
   * included (the digest covers the text as written), so a retry must resend what it sent.
   */
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<ReadAllSlice>;
  /** The latest events the filter selects, newest first (an agency's history page by page). */
  readBackward(options?: ReadBackwardOptions): Promise<RecordedEvent[]>;
  /** How many events the filter selects. */
  countAll(filter?: LogFilter): Promise<number>;
  /**
   * Events after a position, in order, as stored (see StoredEventText); at most `limit`. Without
   * the payload, only position, hash, agency and occurredAt are filled: what the Merkle sealer needs.
   */
  readStoredTexts(after: number, limit: number, options?: StoredTextOptions): Promise<StoredEventText[]>;
  /** Position of the last committed event, 0 for an empty log. */
  headPosition(): Promise<number>;
  /** Resolves once the head moves past `after` or the timeout elapses (whichever first). */
  waitForAppend(after: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A log that takes events exactly as another log stored them: the same ids, positions, recording
 * instants, payload texts and hashes (`ancrage events copy`). The batch must continue the chain
 * from this log's head, which is checked link by link before anything is written; all or nothing.
 */
export interface VerbatimImport {
  importStored(events: readonly StoredEventText[]): Promise<void>;
}

export const canImportVerbatim = (store: EventStore): store is EventStore & VerbatimImport =>
  typeof (store as Partial<VerbatimImport>).importStored === 'function';

export const EVENT_STORE = Symbol('EVENT_STORE');
