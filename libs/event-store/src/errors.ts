import type { ExpectedVersion } from './event-store.port';

/** A stale expected version: someone else appended to the stream first. */
export class WrongExpectedVersionError extends Error {
  override readonly name = 'WrongExpectedVersionError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** Version of the stream's last event, -1 when the stream does not exist. */
    readonly actual: number,
  ) {
    super(`stream ${streamId} is at version ${actual}, expected ${String(expected)}`);
  }
}

/** An event id already used for a different payload: a client bug, never retried. */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';
  constructor(readonly eventId: string) {
    super(`event id ${eventId} was already used for a different event`);
  }
}

export class InvalidAppendError extends Error {
  override readonly name = 'InvalidAppendError';
}

/**
 * The store cannot take the request now (a cluster electing its leader, a node unreachable): the
 * caller may retry later with the same event ids, which the store de-duplicates.
 */
export class EventStoreUnavailableError extends Error {
  override readonly name = 'EventStoreUnavailableError';
  constructor(
    message: string,
    override readonly cause?: unknown,
    /** The request may have been written before the answer was lost (a deadline passed): only an expected version makes a retry safe. */
    readonly outcomeUnknown = false,
  ) {
    super(message);
  }
}
