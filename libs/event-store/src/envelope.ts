/**
 * The event envelope shared by every adapter. Field names are part of the stored format and of the
 * hash chain: never rename one, add a schemaVersion and an upcaster instead.
 */
export interface EventMetadata {
  /** User id of whoever recorded the event (never taken from a request body). */
  actor: string;
  /** Role the actor acted under. */
  role: string;
  /** SAFIR code of the agency the event concerns, when it concerns one. */
  agency: string | null;
  correlationId: string;
  causationId: string | null;
  idempotencyKey: string | null;
  /** When it happened in the world (ISO 8601). */
  occurredAt: string;
  /** When it was written to the log (ISO 8601, set by the store). */
  recordedAt: string;
  /** For an imported fact: the file and row it came from (absent otherwise). */
  source?: ImportSource;
}

/** The spreadsheet row an imported event came from. */
export interface ImportSource {
  /** partners, agreements or contacts. */
  kind: string;
  /** The file's name as uploaded, and the SHA-256 of its bytes. */
  file: string;
  fileSha256: string;
  /** The row as the spreadsheet numbers it. */
  row: number;
}

/** What a writer hands the store. The store assigns position, stream version and recordedAt. */
export interface NewEvent<D = unknown> {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: D;
  metadata: Omit<EventMetadata, 'recordedAt'>;
}

/**
 * How an event's payload digest serialises its data and metadata (see hash-chain.ts):
 * 1, sorted: keys sorted at every depth; the form of events recorded before migration 1764000020000.
 * 2, as written: the writer's key order (JSON.stringify), the very text the log stores.
 */
export type DigestForm = 1 | 2;

export interface RecordedEvent<D = unknown> {
  eventId: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  /** 0 for the first event of a stream. */
  streamVersion: number;
  /** Global, strictly increasing; not necessarily contiguous (KurrentDB commit positions are not). */
  position: number;
  data: D;
  metadata: EventMetadata;
  /** Hex SHA-256 linking this event to the previous one (see hash-chain.ts). */
  hash: string;
  /** How the payload digest inside that hash was taken. */
  digestForm: DigestForm;
  /** The form as stored, present only when an upcaster changed it on read. */
  stored?: { schemaVersion: number; data: unknown };
  /**
   * What an adapter keeps beside the hashed payload so it can filter and answer retries (read in the
   * stored form only, `upcast: false`). Reads filter on these copies, so verification refuses any
   * that differs from what the payload says (see verify-chain.ts).
   */
  copies?: StoredCopies;
}

export interface StoredCopies {
  agency: string | null;
  occurredAt: string;
  payloadDigest: string;
}

/** A stored event narrowed to its type name, for folds over discriminated unions. */
export type EventOf<T extends string, D> = RecordedEvent<D> & { type: T };
