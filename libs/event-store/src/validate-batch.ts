import type { NewEvent } from './envelope';
import { InvalidAppendError } from './errors';
import type { ExpectedVersion } from './event-store.port';

// Lower case only: ids are hashed as written and PostgreSQL returns uuids in lower case.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Checks every adapter applies before touching storage, so they all refuse the same things. */
export function validateBatch(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): void {
  if (!streamId) throw new InvalidAppendError('stream id is empty');
  if (events.length === 0) throw new InvalidAppendError('nothing to append');
  if (typeof expected === 'number' && (!Number.isInteger(expected) || expected < 0)) {
    throw new InvalidAppendError(`expected version ${expected} is not a version`);
  }
  const ids = new Set<string>();
  for (const e of events) {
    if (!UUID.test(e.eventId)) throw new InvalidAppendError(`event id ${e.eventId} is not a lower-case UUID`);
    if (ids.has(e.eventId)) throw new InvalidAppendError(`event id ${e.eventId} appears twice in the batch`);
    ids.add(e.eventId);
    if (!e.type) throw new InvalidAppendError('event type is empty');
    if (!Number.isInteger(e.schemaVersion) || e.schemaVersion < 1) throw new InvalidAppendError(`schema version of ${e.type} must be a positive integer`);
    if (Number.isNaN(Date.parse(e.metadata.occurredAt))) throw new InvalidAppendError(`occurredAt of ${e.type} is not a date`);
  }
}
