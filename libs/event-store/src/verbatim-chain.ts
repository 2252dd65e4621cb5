import type { StoredEventText } from './event-store.port';
import { chainHash, payloadDigestOfTexts } from './hash-chain';
import { alteredCopy } from './verify-chain';

/** Why a batch offered to a verbatim import does not continue the log it is offered to. */
export class ChainContinuityError extends Error {
  constructor(
    readonly position: number,
    reason: string,
  ) {
    super(`event at position ${position}: ${reason}`);
  }
}

/**
 * Checks that `events` continue a chain whose last link is (`position`, `hash`): positions increase,
 * every hash recomputes from the stored texts, and the stored copies say what the payload says. A
 * verbatim import runs it before writing, so a copy can never hold what its source did not.
 */
export function checkContinuation(head: { position: number; hash: string }, events: readonly StoredEventText[]): void {
  let previous = head;
  for (const e of events) {
    if (e.position <= previous.position)
      throw new ChainContinuityError(e.position, `positions must increase past ${previous.position}, the head of the log copied to`);
    const digest = payloadDigestOfTexts(e);
    if (chainHash(previous.hash, e.position, e.streamVersion, e.recordedAt, digest) !== e.hash)
      throw new ChainContinuityError(e.position, 'its hash does not follow from the previous one: the source is altered, or another log');
    const copy = alteredCopy(e.copies, e, digest);
    if (copy) throw new ChainContinuityError(e.position, `its stored ${copy} differs from the one its hash covers`);
    previous = { position: e.position, hash: e.hash };
  }
}
