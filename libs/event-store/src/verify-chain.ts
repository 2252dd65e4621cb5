import type { EventStore, StoredEventText } from './event-store.port';
import type { StoredCopies } from './envelope';
import { chainHash, GENESIS_HASH, payloadDigestOfTexts } from './hash-chain';

export type ChainVerdict =
  { ok: true; checked: number; headPosition: number; headHash: string } | { ok: false; checked: number; position: number; reason: string };

export interface VerifyOptions {
  /** Positions read per query (default 5000). */
  batchSize?: number;
  onProgress?: (checked: number, position: number) => void;
}

export interface ChainWalk {
  /** Events read, and how many came before the first failure. */
  count: number;
  checkedBeforeFailure: number;
  lastPosition: number;
  lastHash: string | null;
  failure: { position: number; reason: string } | null;
}

/**
 * Walks the whole log as stored, recomputing every hash from genesis out of the stored texts, and
 * hands each event to `visit` with its recomputed hash (the Merkle verifier builds its leaves from
 * them). The first failure is kept and the walk goes on. An edited event breaks its own hash; a
 * deleted, inserted or swapped one breaks the hash of the first event after the change; a stored
 * copy that differs from the payload is named; a truncated tail is caught by comparing with the
 * head the store records separately.
 *
 * Windows of positions up to the head are read three at a time, side by side, while one is
 * hashed; then whatever lies past them (appended since, or stored past the head by an insider).
 */
export async function walkChain(
  store: EventStore,
  options: VerifyOptions & { visit?: (event: StoredEventText, recomputed: string) => void } = {},
): Promise<ChainWalk> {
  const window = options.batchSize ?? 5000;
  let recomputed = GENESIS_HASH;
  let count = 0;
  let lastPosition = 0;
  let lastHash: string | null = null;
  let failure: ChainWalk['failure'] = null;
  let checkedBeforeFailure = 0;
  const fail = (position: number, reason: string) => {
    if (failure) return;
    failure = { position, reason };
    checkedBeforeFailure = count;
  };
  const headAtStart = await store.headPosition();
  const reads: Promise<StoredEventText[]>[] = [];
  let windowsTo = 0;
  const readAhead = () => {
    while (reads.length < 3 && windowsTo < headAtStart) {
      reads.push(store.readStoredTexts(windowsTo, window, { upTo: windowsTo + window }));
      windowsTo += window;
    }
    if (reads.length === 0) reads.push(store.readStoredTexts(Math.max(windowsTo, lastPosition), window));
  };
  for (;;) {
    readAhead();
    const rows = await reads.shift()!;
    if (rows.length === 0 && windowsTo >= headAtStart && reads.length === 0) break;
    for (const event of rows) {
      if (event.position <= lastPosition) fail(event.position, 'position out of order');
      const link = checkLink(recomputed, event);
      recomputed = link.recomputed;
      if (link.problem === 'hash')
        fail(event.position, 'hash mismatch: this event, or the one linked before it, was altered, removed or inserted');
      else if (link.problem) fail(event.position, `the stored ${link.problem} differs from the one the event's hash covers`);
      options.visit?.(event, recomputed);
      count += 1;
      lastPosition = event.position;
      lastHash = event.hash;
    }
    options.onProgress?.(count, lastPosition);
  }
  // A head beyond the last event read is a truncation, unless events were appended since the walk ended.
  const head = await store.headPosition();
  const appendedSince = head > lastPosition && (await store.readAll({ after: lastPosition, upTo: head, limit: 1 })).events.length > 0;
  if (head !== lastPosition && !appendedSince)
    fail(lastPosition + 1, `the log ends at ${lastPosition} but its recorded head is ${head}: events were removed`);
  return { count, checkedBeforeFailure: failure ? checkedBeforeFailure : count, lastPosition, lastHash, failure };
}

/**
 * One link of the chain, recomputed from the stored texts after `previousHash`: its hash, and what is
 * wrong with it, if anything (its hash, or a stored copy that says other than its payload). The walk
 * and the verbatim import judge links by this one rule.
 */
export function checkLink(
  previousHash: string,
  event: StoredEventText,
): { recomputed: string; problem: 'hash' | 'agency' | 'occurredAt' | 'payload digest' | null } {
  const digest = payloadDigestOfTexts(event);
  const recomputed = chainHash(previousHash, event.position, event.streamVersion, event.recordedAt, digest);
  if (recomputed !== event.hash) return { recomputed, problem: 'hash' };
  return { recomputed, problem: alteredCopy(event.copies, event, digest) };
}

/** The chain alone: ok with the head, or the first altered position (see walkChain). */
export async function verifyChain(store: EventStore, options: VerifyOptions = {}): Promise<ChainVerdict> {
  const walk = await walkChain(store, options);
  if (walk.failure) return { ok: false, checked: walk.checkedBeforeFailure, ...walk.failure };
  return { ok: true, checked: walk.count, headPosition: walk.lastPosition, headHash: walk.lastHash ?? GENESIS_HASH };
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
): 'agency' | 'occurredAt' | 'payload digest' | null {
  if (!copies) return null;
  if (copies.agency !== said.agency) return 'agency';
  if (Date.parse(copies.occurredAt) !== Date.parse(said.occurredAt)) return 'occurredAt';
  if (copies.payloadDigest !== digest) return 'payload digest';
  return null;
}
