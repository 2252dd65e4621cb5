import type { NewEvent } from './envelope';
import { InvalidAppendError } from './errors';
import type { ExpectedVersion } from './event-store.port';
import { payloadTexts, PayloadTexts } from './hash-chain';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
// Lower case only: ids are hashed as written and PostgreSQL returns uuids in lower case.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Checks every adapter applies before touching storage, so they all refuse the same things. The
 * payload's content is checked by payloadForAppend, which serialises it anyway.
 */
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
    if (e.data === undefined || typeof e.data === 'function') throw new InvalidAppendError(`data of ${e.type} is not a JSON value`);
    if (!Number.isInteger(e.schemaVersion) || e.schemaVersion < 1)
      throw new InvalidAppendError(`schema version of ${e.type} must be a positive integer`);
    if (!ISO_INSTANT.test(e.metadata.occurredAt) || Number.isNaN(Date.parse(e.metadata.occurredAt))) {
      throw new InvalidAppendError(`occurredAt of ${e.type} is not an ISO 8601 instant`);
    }
  }
}

/**
 * What an adapter stores for one validated event: its data and metadata texts and payload digest,
 * in the current digest form. A NUL character is refused: PostgreSQL's jsonb cannot hold U+0000, so
 * refusing it keeps the log castable to jsonb for any query, and every adapter refuses the same things.
 * JSON.stringify writes it as \u0000, so the texts are searched and the value is walked only when
 * that sequence appears (an escaped backslash followed by "u0000" reads the same).
 */
export function payloadForAppend(streamId: string, e: NewEvent): PayloadTexts {
  const texts = payloadTexts({ ...e, streamId });
  if (texts.data.includes('\\u0000') || texts.metadata.includes('\\u0000')) {
    const path = nulPath(e.data, 'data') ?? nulPath(e.metadata, 'metadata');
    if (path) throw new InvalidAppendError(`${e.type} contains a NUL character at ${path}`);
  }
  return texts;
}

/** Where the first NUL character stands in a value (its key or its string), as a dotted path. */
function nulPath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key.includes('\u0000')) return `${path}.${JSON.stringify(key)}`;
      const found = nulPath(v, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}
