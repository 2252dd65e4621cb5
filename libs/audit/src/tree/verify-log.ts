import { ChainWalk, EventStore, leafHash, nodeHash, subtreeRoot, treeInMemory, walkChain } from '@ancrage/event-store';
import { agencyIndexRoot, AgencyState, EMPTY_AGENCY_DIGEST, foldEntry } from './agency-index';
import { treeHeadSignatureValid, SignedTreeHead } from './tree-head';
import type { TreeStore } from './tree-store';

export interface LogVerdict {
  ok: boolean;
  /** Events read from the log. */
  checked: number;
  /** The last event's position and hash as stored (null for an empty log). */
  headPosition: number;
  headHash: string | null;
  /** Signed tree heads checked, and the largest tree size the log was proven to extend (0: none). */
  headsChecked: number;
  provenSize: number;
  /** Not ok: the first altered position, and what is wrong there. */
  position?: number;
  reason: string;
  /** What cannot be proven: the events no signed head covers yet. */
  unproven: string | null;
}

/**
 * The whole verification:
 * 1. every head's signature, with the public key only (a missing or invalid one is a failure);
 * 2. a walk along the log recomputing each event's hash from its content and checking the copies
 *    its row keeps (an edit is named where it is);
 * 3. the Merkle root the log gives at each head's size against the signed root. A rewrite that
 *    recomputed every later hash, a removed, inserted or truncated event, all change it; the first
 *    altered position is then found by bisecting the stored tree, authenticated by the signed root.
 * Events after the last head are covered by step 2 only: their truncation or re-chain cannot be
 * shown, and the verdict says so.
 */
export async function verifyLog(options: {
  store: EventStore;
  tree: TreeStore;
  heads: readonly SignedTreeHead[];
  publicKeyPem: string | null;
  onProgress?: (checked: number, position: number) => void;
}): Promise<LogVerdict> {
  const heads = [...options.heads].sort((a, b) => a.treeSize - b.treeSize);
  const base = { checked: 0, headPosition: 0, headHash: null, headsChecked: heads.length, provenSize: 0, unproven: null };
  if (heads.length && !options.publicKeyPem)
    return { ...base, ok: false, reason: 'no public key to check the signed tree heads with: nothing can be proven' };
  for (const h of heads)
    if (!treeHeadSignatureValid(h, options.publicKeyPem!))
      return { ...base, ok: false, reason: `the tree head of size ${h.treeSize} is not signed by this key (or was altered)` };

  // The agency index is recomputed at the largest head only: one sort and hash of every agency per
  // head would cost more than the walk itself over a year of heads, and older bundles carry their own.
  const walk = await walkLog(options.store, heads.length ? heads[heads.length - 1].treeSize : -1, options.onProgress);
  const log = { node: treeInMemory(walk.leaves, walk.count) };
  const failures: { position: number; reason: string }[] = [];
  if (walk.failure) failures.push(walk.failure);
  let provenSize = 0;
  for (const h of heads) {
    if (h.treeSize > walk.count) {
      const position = (await options.tree.leafPosition(walk.count)) ?? walk.lastPosition + 1;
      failures.push({ position, reason: `the log holds ${walk.count} events but a signed head covers ${h.treeSize}: events were removed` });
      break;
    }
    if (subtreeRoot(0, h.treeSize, log.node).toString('hex') !== h.rootHash) {
      failures.push(await bisect(h, log.node, options.tree, provenSize));
      break;
    }
    if (h === heads[heads.length - 1] && walk.agencyRoot !== h.agencyIndexRoot) {
      failures.push({
        position: h.lastPosition,
        reason: `the agency index signed with the head of size ${h.treeSize} does not match the log's events up to position ${h.lastPosition}`,
      });
      break;
    }
    provenSize = h.treeSize;
  }
  const first = failures.sort((a, b) => a.position - b.position)[0];
  const unproven =
    heads.length === 0
      ? 'no signed tree head: a truncation, or a rewrite that recomputed every later hash, cannot be proven'
      : walk.count > provenSize && !first
        ? `the ${walk.count - provenSize} events after position ${walk.positions(provenSize - 1)} are not covered by a signed head yet: their truncation or rewrite cannot be proven`
        : null;
  return {
    ok: !first,
    checked: walk.count,
    headPosition: walk.lastPosition,
    headHash: walk.lastHash,
    headsChecked: heads.length,
    provenSize,
    ...(first ? { position: first.position, reason: first.reason } : { reason: 'log intact' }),
    unproven,
  };
}

interface Walk extends ChainWalk {
  leaves: Buffer;
  positions: (index: number) => number;
  agencyRoot: string | null;
}

/** The chain walk (walkChain), keeping the leaves (the recomputed hashes) and the agency index at a head. */
async function walkLog(store: EventStore, agencyIndexAt: number, onProgress?: (checked: number, position: number) => void): Promise<Walk> {
  let leaves = Buffer.allocUnsafe(Math.max(await store.headPosition(), 1) * 32);
  const positions: number[] = [];
  // The agency index the log gives at the largest head's size (tree/agency-index.ts).
  const agencies = new Map<string, AgencyState>();
  let agencyRoot: string | null = null;
  const walk = await walkChain(store, {
    onProgress,
    visit: (event, recomputed) => {
      const i = positions.length;
      if ((i + 1) * 32 > leaves.length) leaves = Buffer.concat([leaves, Buffer.allocUnsafe(leaves.length)]);
      leafHash(Buffer.from(recomputed, 'hex')).copy(leaves, i * 32);
      positions.push(event.position);
      if (event.agency !== null) {
        const s = agencies.get(event.agency) ?? { agency: event.agency, count: 0, digest: EMPTY_AGENCY_DIGEST };
        agencies.set(event.agency, {
          ...s,
          count: s.count + 1,
          digest: foldEntry(s.digest, [event.position, event.occurredAt, recomputed]),
        });
      }
      if (positions.length === agencyIndexAt) agencyRoot = agencyIndexRoot([...agencies.values()]);
    },
  });
  return { ...walk, leaves, positions: (i) => positions[i] ?? 0, agencyRoot };
}

/**
 * The first leaf where the log differs from the tree the head signed. The stored nodes are trusted
 * only as far as they hash up to the signed root: the head's perfect subtrees first, then each
 * step down checks that the two children hash to their authenticated parent.
 */
async function bisect(
  head: SignedTreeHead,
  log: (level: number, index: number) => Buffer,
  tree: TreeStore,
  provenSize: number,
): Promise<{ position: number; reason: string }> {
  const rewritten = `the log no longer gives the root signed for its first ${head.treeSize} events: history was rewritten`;
  const unlocated = async () => ({
    position: (await tree.leafPosition(provenSize)) ?? provenSize + 1,
    reason: `${rewritten}, after the ${provenSize} events a signed head still covers (the stored tree was rewritten too, so the exact event cannot be named)`,
  });
  const parts: [number, number][] = [];
  for (let level = 52, offset = 0; level >= 0; level--) {
    if (head.treeSize - offset >= 2 ** level) {
      parts.push([level, offset / 2 ** level]);
      offset += 2 ** level;
    }
  }
  const stored = await tree.nodes(parts);
  const at = (l: number, i: number) => stored.get(`${l}:${i}`);
  if (parts.some(([l, i]) => !at(l, i))) return unlocated();
  let root = at(...parts[parts.length - 1])!;
  for (let k = parts.length - 2; k >= 0; k--) root = nodeHash(at(...parts[k])!, root);
  if (root.toString('hex') !== head.rootHash) return unlocated();
  let current: [number, number] | undefined = parts.find(([l, i]) => !at(l, i)!.equals(log(l, i)));
  if (!current) return unlocated();
  let trusted = at(...current)!;
  while (current[0] > 0) {
    const [l, i]: [number, number] = current;
    const children = await tree.nodes([
      [l - 1, 2 * i],
      [l - 1, 2 * i + 1],
    ]);
    const left = children.get(`${l - 1}:${2 * i}`);
    const right = children.get(`${l - 1}:${2 * i + 1}`);
    if (!left || !right || !nodeHash(left, right).equals(trusted)) return unlocated();
    [current, trusted] = left.equals(log(l - 1, 2 * i)) ? [[l - 1, 2 * i + 1], right] : [[l - 1, 2 * i], left];
  }
  const position = (await tree.leafPosition(current[1])) ?? current[1] + 1;
  return { position, reason: `${rewritten}: the first event that differs from what was signed is at position ${position}` };
}
