import { status } from '@grpc/grpc-js';
import {
  ANY,
  type AppendStreamState,
  type EventData,
  eventTypeFilter,
  excludeSystemEvents,
  type Filter,
  jsonEvent,
  type JSONType,
  NO_STREAM,
  NotLeaderError,
  type Position,
  type RecordedEvent as KurrentRecordedEvent,
  streamNameFilter,
  UnavailableError,
  DeadlineExceededError,
  WrongExpectedVersionError as KurrentWrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import {
  EventStoreUnavailableError,
  type EventMetadata,
  type ExpectedVersion,
  type NewEvent,
  type ReadAllOptions,
  type RecordedEvent,
  WrongExpectedVersionError,
} from '@ancrage/event-store';

/**
 * How the port's words become the KurrentDB client's and back: pure functions, so each mapping is
 * tested with the client's own types and error classes (mappings.spec.ts), away from any server.
 */

/** The port's expected version as the client's stream state: a revision is the version of the stream's last event. */
export function streamStateOf(expected: ExpectedVersion): AppendStreamState {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  return BigInt(expected);
}

/** A failed append in the port's terms: a stale version is the typed conflict, a cluster that cannot answer is retryable. */
export function appendErrorOf(error: unknown, streamId: string, expected: ExpectedVersion): unknown {
  if (error instanceof KurrentWrongExpectedVersionError) {
    const actual = error.actualState === NO_STREAM ? -1 : Number(error.actualState);
    return new WrongExpectedVersionError(streamId, expected, actual);
  }
  if (error instanceof NotLeaderError || error instanceof UnavailableError || error instanceof DeadlineExceededError)
    return new EventStoreUnavailableError(
      `KurrentDB cannot take the append now (${error.constructor.name}): retry later`,
      error,
      error instanceof DeadlineExceededError,
    );
  // A connection that cannot be made reaches us as gRPC's own error, not one of the client's.
  const code = grpcCodeOf(error);
  if (code === status.UNAVAILABLE || code === status.DEADLINE_EXCEEDED)
    return new EventStoreUnavailableError(
      `KurrentDB is unreachable (${(error as Error).message}): retry later`,
      error,
      code === status.DEADLINE_EXCEEDED,
    );
  return error;
}

function grpcCodeOf(error: unknown): number | undefined {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'number' ? code : undefined;
}

/**
 * What the server keeps beside the payload: the envelope's metadata as it is, with the schema
 * version, and the correlation and causation under the names KurrentDB's own projections read.
 * The event id is the port's: ids derived from an idempotency key make a retry the same append,
 * which the server de-duplicates.
 */
export interface StoredMetadata extends Omit<EventMetadata, 'recordedAt'> {
  schemaVersion: number;
  $correlationId: string;
  $causationId?: string;
}

export function eventDataOf(e: NewEvent): EventData {
  const metadata: StoredMetadata = {
    ...e.metadata,
    schemaVersion: e.schemaVersion,
    $correlationId: e.metadata.correlationId,
    ...(e.metadata.causationId ? { $causationId: e.metadata.causationId } : {}),
  };
  return jsonEvent({ id: e.eventId, type: e.type, data: e.data as JSONType, metadata: metadata as unknown as JSONType });
}

const NO_COMMIT_POSITION = 2n ** 64n - 1n;

/** The largest commit position a JavaScript number holds exactly (2^53 − 1 bytes of transaction log, 9 PB). */
export function positionOf(p: Position | undefined): number {
  if (!p) throw new Error('KurrentDB answered an event without its position');
  // A read of one stream comes from the index, which does not hold positions: the server says 2^64 − 1.
  if (p.commit === NO_COMMIT_POSITION)
    throw new Error('a stream read carries no commit position: take the event’s position from the chain, by its id');
  if (p.commit > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`commit position ${p.commit} exceeds what the port's positions hold`);
  return Number(p.commit);
}

/**
 * The read position a port position names. Positions are the server's commit positions: ordered,
 * never contiguous, so "after P" is read from P itself and P skipped, never from P + 1.
 */
export const readPositionOf = (position: number): Position => ({ commit: BigInt(position), prepare: BigInt(position) });

/** Kinds of stream whose events concern several agencies, each event naming its own (a campaign's reports). */
export const SHARED_STREAM_KINDS: readonly string[] = ['campaign', 'basin'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A read of `$all` as the server filters it (one filter: on event type or on stream name), and what
 * the adapter still checks on each event: the agency is the envelope's (the source of truth, not a
 * stream name), and a second criterion the server could not take.
 */
export function allFilterOf(
  options: Pick<ReadAllOptions, 'types' | 'streams' | 'agency'>,
  sharedStreamKinds: readonly string[] = SHARED_STREAM_KINDS,
): {
  server: Filter;
  keep: (e: Pick<RecordedEvent, 'type' | 'streamId' | 'metadata'>) => boolean;
} {
  const types = options.types?.length ? new Set(options.types) : null;
  const streams = options.streams?.length ? new Set(options.streams) : null;
  const keep = (e: Pick<RecordedEvent, 'type' | 'streamId' | 'metadata'>) =>
    !e.type.startsWith('$') &&
    (!types || types.has(e.type)) &&
    (!streams || streams.has(e.streamId)) &&
    (options.agency === undefined || e.metadata.agency === options.agency);
  // Streams are the narrower criterion when both are given: an agency's partners are a handful of streams.
  if (streams) return { server: streamNameFilter({ regex: `^(${[...streams].map(escape).join('|')})$` }), keep };
  if (types) return { server: eventTypeFilter({ regex: `^(${[...types].map(escape).join('|')})$` }), keep };
  // An agency's streams carry its SAFIR code after their kind (fund-62001-2018, partnership-62001-…);
  // streams several agencies write to (a campaign's) are read whole and checked event by event.
  if (options.agency !== undefined) {
    const shared = sharedStreamKinds.map((k) => `|${escape(k)}-.*`).join('');
    return { server: streamNameFilter({ regex: `^([a-z][a-z-]*-${escape(options.agency)}(-|$)${shared})` }), keep };
  }
  return { server: excludeSystemEvents(), keep };
}

/**
 * An event the server returned, in the port's envelope. Its hash is the chain's, computed after the
 * commit over the server's positions (README: the chain on KurrentDB), and handed in by the caller.
 */
export function recordedEventOf(e: KurrentRecordedEvent, chain: { hash: string }): RecordedEvent {
  if (!e.isJson) throw new Error(`event ${e.id} of ${e.streamId} is not JSON: not one Ancrage wrote`);
  const { schemaVersion, $correlationId: _c, $causationId: _k, ...metadata } = e.metadata as unknown as StoredMetadata;
  return {
    eventId: e.id,
    type: e.type,
    schemaVersion,
    streamId: e.streamId,
    streamVersion: Number(e.revision),
    position: positionOf(e.position),
    data: e.data,
    metadata: { ...metadata, recordedAt: e.created.toISOString() },
    hash: chain.hash,
    digestForm: 2,
  };
}
