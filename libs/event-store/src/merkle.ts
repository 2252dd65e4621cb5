import { hash } from 'node:crypto';

/**
 * The Merkle tree over the log's event hashes, as Certificate Transparency defines it (RFC 9162,
 * 2.1): leaf i is the i-th event of the log in position order, leaf hash = SHA-256(0x00 ‖ event
 * hash bytes), interior node = SHA-256(0x01 ‖ left ‖ right), and a tree of n leaves splits at the
 * largest power of two below n. Pure functions only: the auditor's standalone verifier uses them.
 *
 * Proofs are built from "perfect" subtrees only: node (level, index) is the root of leaves
 * [index·2^level, (index+1)·2^level). Once the tree holds those leaves the node never changes, so a
 * store keeps each one once, and any tree size's root and proofs are made of stored nodes.
 */
export type NodeAt = (level: number, index: number) => Buffer;

// One buffer and the one-shot hash: a verifier hashes every leaf and node of the log, and a hash
// object per call costs half as much again.
export function leafHash(eventHash: Buffer): Buffer {
  const input = Buffer.allocUnsafe(1 + eventHash.length);
  input[0] = 0;
  eventHash.copy(input, 1);
  return hash('sha256', input, 'buffer');
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  const input = Buffer.allocUnsafe(1 + left.length + right.length);
  input[0] = 1;
  left.copy(input, 1);
  right.copy(input, 1 + left.length);
  return hash('sha256', input, 'buffer');
}

/** The largest power of two strictly below n (n ≥ 2). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const isPowerOfTwo = (n: number) => n > 0 && 2 ** Math.round(Math.log2(n)) === n;

/** MTH(D[start : start+n]); start is aligned as the RFC's recursion leaves it. */
export function subtreeRoot(start: number, n: number, node: NodeAt): Buffer {
  if (isPowerOfTwo(n) && start % n === 0) return node(Math.log2(n), start / n);
  const k = split(n);
  return nodeHash(subtreeRoot(start, k, node), subtreeRoot(start + k, n - k, node));
}

export const treeRoot = (size: number, node: NodeAt): Buffer => subtreeRoot(0, size, node);

/** PATH(index, D[0:size]) (RFC 9162 2.1.3.1): the sibling hashes from the leaf up. */
export function inclusionPath(index: number, size: number, node: NodeAt, start = 0): Buffer[] {
  if (size <= 1) return [];
  const k = split(size);
  return index < k
    ? [...inclusionPath(index, k, node, start), subtreeRoot(start + k, size - k, node)]
    : [...inclusionPath(index - k, size - k, node, start + k), subtreeRoot(start, k, node)];
}

/** PROOF(first, D[0:second]) (RFC 9162 2.1.4.1). */
export function consistencyPath(first: number, second: number, node: NodeAt): Buffer[] {
  if (first === 0 || first === second) return [];
  const sub = (m: number, start: number, n: number, whole: boolean): Buffer[] => {
    if (m === n) return whole ? [] : [subtreeRoot(start, n, node)];
    const k = split(n);
    return m <= k
      ? [...sub(m, start, k, whole), subtreeRoot(start + k, n - k, node)]
      : [...sub(m - k, start + k, n - k, false), subtreeRoot(start, k, node)];
  };
  return sub(first, 0, second, true);
}

/**
 * Runs a proof builder twice: first recording which nodes it needs (so a store fetches them in one
 * query), then with the fetched nodes. The shape of a proof depends on sizes only, never on hashes.
 */
export async function withNodes<T>(
  build: (node: NodeAt) => T,
  fetch: (wanted: [level: number, index: number][]) => Promise<Map<string, Buffer>>,
): Promise<T> {
  const wanted = new Map<string, [number, number]>();
  build((level, index) => {
    wanted.set(`${level}:${index}`, [level, index]);
    return ZERO;
  });
  const nodes = await fetch([...wanted.values()]);
  return build((level, index) => {
    const found = nodes.get(`${level}:${index}`);
    if (!found) throw new Error(`the tree has no node at level ${level}, index ${index}`);
    return found;
  });
}
const ZERO = Buffer.alloc(32);

/** RFC 9162 2.1.3.2: does `path` prove leaf `index` of a tree of `size` leaves with this root? */
export function verifyInclusion(index: number, size: number, leaf: Buffer, path: readonly Buffer[], root: Buffer): boolean {
  if (index >= size || index < 0) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
    } else {
      r = nodeHash(r, p);
    }
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 2.1.4.2: does `path` prove that the tree of `second` leaves extends the one of `first`? */
export function verifyConsistency(first: number, second: number, firstRoot: Buffer, secondRoot: Buffer, path: readonly Buffer[]): boolean {
  if (first > second || first < 0) return false;
  if (first === second) return path.length === 0 && firstRoot.equals(secondRoot);
  if (first === 0) return path.length === 0;
  const proof = isPowerOfTwo(first) ? [firstRoot, ...path] : [...path];
  if (proof.length === 0) return false;
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  let fr = proof[0];
  let sr = proof[0];
  for (const c of proof.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return fr.equals(firstRoot) && sr.equals(secondRoot) && sn === 0;
}

/**
 * The perfect nodes a tree of `size` leaves gains when leaves are added at its right edge, given
 * its frontier (the perfect node at each level whose bit is set in size, see frontierOf).
 * Returns every new node, leaves included, so a store inserts them as they are.
 */
export function extend(
  size: number,
  frontier: Map<number, Buffer>,
  newLeaves: readonly Buffer[],
): { nodes: { level: number; index: number; hash: Buffer }[]; size: number } {
  const nodes: { level: number; index: number; hash: Buffer }[] = [];
  let n = size;
  for (const leaf of newLeaves) {
    let hash = leaf;
    let level = 0;
    let index = n;
    nodes.push({ level, index, hash });
    // Each trailing 1 bit of the old size closes a perfect subtree one level up.
    while (Math.floor(n / 2 ** level) % 2 === 1) {
      hash = nodeHash(frontier.get(level)!, hash);
      frontier.delete(level);
      level += 1;
      index = Math.floor(index / 2);
      nodes.push({ level, index, hash });
    }
    frontier.set(level, hash);
    n += 1;
  }
  return { nodes, size: n };
}

/** The (level, index) of the frontier nodes of a tree of `size` leaves. */
export function frontierOf(size: number): [level: number, index: number][] {
  const out: [number, number][] = [];
  for (let level = 0; 2 ** level <= size; level++)
    if (Math.floor(size / 2 ** level) % 2 === 1) out.push([level, Math.floor(size / 2 ** level) - 1]);
  return out;
}

/**
 * Every perfect node of the tree over `count` leaves held in one flat buffer (32 bytes each), level
 * by level, in memory: what a verifier recomputes from the log, or a small tree built whole.
 */
export function treeInMemory(leaves: Buffer, count: number): NodeAt {
  const levels = [leaves];
  for (let n = Math.floor(count / 2), below = leaves; n > 0; n = Math.floor(n / 2)) {
    const level = Buffer.allocUnsafe(n * 32);
    for (let i = 0; i < n; i++) nodeHash(below.subarray(i * 64, i * 64 + 32), below.subarray(i * 64 + 32, i * 64 + 64)).copy(level, i * 32);
    levels.push(level);
    below = level;
  }
  return (level, index) => levels[level].subarray(index * 32, index * 32 + 32);
}
