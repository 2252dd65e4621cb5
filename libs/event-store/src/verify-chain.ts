import type { EventStore } from './event-store.port';
import type { StoredCopies } from './envelope';
import { chainHash, GENESIS_HASH, payloadDigest } from './hash-chain';

export type ChainVerdict =
  { ok: true; checked: number; headPosition: number; headHash: string } | { ok: false; checked: number; position: number; reason: string };

export interface VerifyOptions {
  batchSize?: number;
  onProgress?: (checked: number, position: number) => void;
}

/**
 * Walks the whole log in stored form and recomputes every link. An edited event breaks its own
 * link; a deleted, inserted or swapped one breaks the link of the first event after the change.
 * A truncated tail is caught by comparing with the head the store records separately.
 */
export async function verifyChain(store: EventStore, options: VerifyOptions = {}): Promise<ChainVerdict> {
  const batchSize = options.batchSize ?? 5000;
  let previousHash = GENESIS_HASH;
  let previousPosition = 0;
  let checked = 0;
  for (;;) {
    const slice = await store.readAll({ after: previousPosition, limit: batchSize, upcast: false });
    for (const event of slice.events) {
      if (event.position <= previousPosition) {
        return { ok: false, checked, position: event.position, reason: 'position out of order' };
      }
      const digest = payloadDigest(event, event.digestForm);
      if (chainHash(previousHash, event.position, event.streamVersion, event.metadata.recordedAt, digest) !== event.hash) {
        return {
          ok: false,
          checked,
          position: event.position,
          reason: 'hash mismatch: this event, or the one linked before it, was altered, removed or inserted',
        };
      }
      const copy = alteredCopy(event.copies, event.metadata, digest);
      if (copy) {
        return { ok: false, checked, position: event.position, reason: `the stored ${copy} differs from the one the event's hash covers` };
      }
      previousHash = event.hash;
      previousPosition = event.position;
      checked += 1;
    }
    options.onProgress?.(checked, previousPosition);
    if (slice.endOfLog || slice.events.length === 0) break;
  }
  // A head beyond the last event read is a truncation, unless events were appended since the walk ended.
  const head = await store.headPosition();
  const appendedSince =
    head > previousPosition && (await store.readAll({ after: previousPosition, upTo: head, limit: 1 })).events.length > 0;
  if (head !== previousPosition && !appendedSince) {
    return {
      ok: false,
      checked,
      position: previousPosition + 1,
      reason: `log ends at ${previousPosition} but the recorded head is ${head}: events were removed`,
    };
  }
  return { ok: true, checked, headPosition: previousPosition, headHash: previousHash };
}

/**
 * The copy an adapter keeps beside the payload that no longer says what the payload says, if any.
 * Reads filter on these (an agency's events, what had occurred by a date), so a copy moved alone
 * would change answers while every hash still held.
 */
export function alteredCopy(
  copies: StoredCopies | undefined,
  said: { agency: string | null; occurredAt: string },
  digest: string,
): string | null {
  if (!copies) return null;
  if (copies.agency !== said.agency) return 'agency';
  if (Date.parse(copies.occurredAt) !== Date.parse(said.occurredAt)) return 'occurredAt';
  if (copies.payloadDigest !== digest) return 'payload digest';
  return null;
}
