import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { EventMetadata, NewEvent, RecordedEvent } from './envelope';

/** The hash "before" the first event. */
export const GENESIS_HASH = '0'.repeat(64);

type Payload = Pick<NewEvent, 'eventId' | 'type' | 'schemaVersion' | 'data'> & {
  streamId: string;
  metadata: Omit<EventMetadata, 'recordedAt'> & { recordedAt?: string };
};

/**
 * Digest of what the writer said: everything but the store-assigned fields. It is also what makes an
 * append idempotent: the same event id with the same payload digest is the same event.
 */
export function payloadDigest(e: Payload): string {
  return canonicalPayload(e).digest;
}

/**
 * The payload's digest with the canonical JSON of its data and metadata. The digest covers the
 * canonical JSON of {data, eventId, metadata, schemaVersion, streamId, type}, written here from its
 * parts (keys in sorted order) so that an append serialises each part once and can store the very
 * text it hashed.
 */
export function canonicalPayload(e: Payload): { data: string; metadata: string; digest: string } {
  const { recordedAt: _ignored, ...metadata } = e.metadata;
  const data = canonicalJson(e.data);
  const meta = canonicalJson(metadata);
  const whole =
    `{"data":${data},"eventId":${JSON.stringify(e.eventId)},"metadata":${meta},` +
    `"schemaVersion":${JSON.stringify(e.schemaVersion)},"streamId":${JSON.stringify(e.streamId)},"type":${JSON.stringify(e.type)}}`;
  return { data, metadata: meta, digest: hash('sha256', whole, 'hex') };
}

/**
 * hash(n) = sha256(hash(n-1) bytes || "position|streamVersion|recordedAt|" || payloadDigest bytes).
 * The PostgreSQL adapter computes the same formula in SQL (see its migration); keep them in step.
 */
export function chainHash(
  previousHash: string,
  position: number,
  streamVersion: number,
  recordedAt: string,
  digest: string,
): string {
  // One buffer and the one-shot hash: appends and verification chain every event, and a hash
  // object plus two hex buffers per event cost twice as much.
  const middle = `${position}|${streamVersion}|${recordedAt}|`;
  const input = Buffer.allocUnsafe(64 + Buffer.byteLength(middle));
  input.write(previousHash, 0, 'hex');
  const written = input.write(middle, 32, 'utf8');
  input.write(digest, 32 + written, 'hex');
  return hash('sha256', input, 'hex');
}

export function expectedHash(previousHash: string, e: RecordedEvent): string {
  return chainHash(previousHash, e.position, e.streamVersion, e.metadata.recordedAt, payloadDigest(e));
}
