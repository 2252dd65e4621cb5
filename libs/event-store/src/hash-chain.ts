import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { DigestForm, EventMetadata, NewEvent, RecordedEvent } from './envelope';
import type { StoredEventText } from './event-store.port';

/** The hash "before" the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The form appends digest in (see DigestForm). */
export const CURRENT_DIGEST_FORM: DigestForm = 2;

type Payload = Pick<NewEvent, 'eventId' | 'type' | 'schemaVersion' | 'data'> & {
  streamId: string;
  metadata: Omit<EventMetadata, 'recordedAt'> & { recordedAt?: string };
};

/** The JSON texts of an event's data and metadata in one digest form, and the payload digest over them. */
export interface PayloadTexts {
  data: string;
  metadata: string;
  digest: string;
}

/**
 * Digest of what the writer said: everything but the store-assigned fields. It is also what makes an
 * append idempotent: the same event id with the same payload digest is the same event.
 */
export function payloadDigest(e: Payload, form: DigestForm = CURRENT_DIGEST_FORM): string {
  return payloadTexts(e, form).digest;
}

/**
 * The payload digest is the sha256 of `{"data":…,"eventId":…,"metadata":…,"schemaVersion":…,
 * "streamId":…,"type":…}` (no whitespace, this key order), where data and metadata (without
 * recordedAt) are serialised:
 * - form 1, sorted: keys sorted at every depth (canonicalJson);
 * - form 2, as written: JSON.stringify, keys in the writer's order.
 * Form 2 is what appends write since the log stores data and metadata as `json`, the text as sent:
 * sorting keys cost three times the rest of an event's serialisation. The digest can still be
 * recomputed from an event as read back, because JSON.parse then JSON.stringify gives back any text
 * JSON.stringify wrote. The texts returned are what the log stores, so each part is serialised once.
 */
export function payloadTexts(e: Payload, form: DigestForm = CURRENT_DIGEST_FORM): PayloadTexts {
  let metadata: object = e.metadata;
  if ('recordedAt' in metadata) {
    const { recordedAt: _storeAssigned, ...rest } = e.metadata;
    metadata = rest;
  }
  const serialise = form === 2 ? asWritten : canonicalJson;
  const dataText = serialise(e.data);
  const metadataText = serialise(metadata);
  const whole =
    `{"data":${dataText},"eventId":${JSON.stringify(e.eventId)},"metadata":${metadataText},` +
    `"schemaVersion":${JSON.stringify(e.schemaVersion)},"streamId":${JSON.stringify(e.streamId)},"type":${JSON.stringify(e.type)}}`;
  return { data: dataText, metadata: metadataText, digest: hash('sha256', whole, 'hex') };
}

function asWritten(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

/**
 * hash(n) = sha256(hash(n-1) bytes || "position|streamVersion|recordedAt|" || payloadDigest bytes).
 * The PostgreSQL adapter computes the same formula in SQL (see its migration); keep them in step.
 */
export function chainHash(previousHash: string, position: number, streamVersion: number, recordedAt: string, digest: string): string {
  // One buffer and the one-shot hash: appends and verification chain every event, and a hash
  // object plus two hex buffers per event cost twice as much.
  const middle = `${position}|${streamVersion}|${recordedAt}|`;
  const input = Buffer.allocUnsafe(64 + Buffer.byteLength(middle));
  input.write(previousHash, 0, 'hex');
  const written = input.write(middle, 32, 'utf8');
  input.write(digest, 32 + written, 'hex');
  return hash('sha256', input, 'hex');
}

/** The hash a stored event should carry after `previousHash`, recomputed from its content. */
export function expectedHash(previousHash: string, e: RecordedEvent): string {
  return chainHash(previousHash, e.position, e.streamVersion, e.metadata.recordedAt, payloadDigest(e, e.digestForm));
}

/**
 * The payload digest of an event read as stored texts (StoredEventText). Form 2 hashes the stored
 * texts themselves, as the append did: nothing is parsed. Form 1 sorts keys, so it parses them.
 */
export function payloadDigestOfTexts(
  e: Pick<StoredEventText, 'eventId' | 'type' | 'schemaVersion' | 'streamId' | 'dataText' | 'metadataText' | 'digestForm'>,
): string {
  const data = e.digestForm === 2 ? e.dataText : canonicalJson(JSON.parse(e.dataText));
  const metadata = e.digestForm === 2 ? e.metadataText : canonicalJson(JSON.parse(e.metadataText));
  const whole =
    `{"data":${data},"eventId":${JSON.stringify(e.eventId)},"metadata":${metadata},` +
    `"schemaVersion":${JSON.stringify(e.schemaVersion)},"streamId":${JSON.stringify(e.streamId)},"type":${JSON.stringify(e.type)}}`;
  return hash('sha256', whole, 'hex');
}
