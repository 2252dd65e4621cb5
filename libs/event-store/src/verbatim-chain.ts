import type { StoredEventText } from './event-store.port';
import { checkLink } from './verify-chain';

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
    const { problem } = checkLink(previous.hash, e);
    if (problem === 'hash')
      throw new ChainContinuityError(e.position, 'its hash does not follow from the previous one: the source is altered, or another log');
    if (problem) throw new ChainContinuityError(e.position, `its stored ${problem} differs from the one its hash covers`);
    previous = { position: e.position, hash: e.hash };
  }
}
