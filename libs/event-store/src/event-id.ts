import { randomUUID } from 'node:crypto';

/**
 * A new event id: a UUIDv7 (RFC 9562), whose first 48 bits are the Unix time in milliseconds and
 * the other 74 random. The log's unique index on event ids then grows at its right edge, as the
 * position index does: random (v4) ids put each insertion on a different leaf page, and the first
 * change to a page after a checkpoint writes the whole page to the WAL.
 */
export function newEventId(now: number = Date.now()): string {
  // randomUUID draws from Node's cached entropy; its version nibble is replaced, its variant kept.
  const random = randomUUID();
  const time = now.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}
