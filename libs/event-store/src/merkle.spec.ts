import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  consistencyPath,
  extend,
  frontierOf,
  inclusionPath,
  leafHash,
  NodeAt,
  nodeHash,
  treeRoot,
  verifyConsistency,
  verifyInclusion,
} from './merkle';

const eventHash = (i: number) => createHash('sha256').update(`event ${i}`).digest();

/** MTH straight from RFC 9162's definition, over all leaves. */
function referenceRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return createHash('sha256').digest();
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

/** A store of perfect nodes, grown the way the sealer grows it: in several extensions. */
function grow(size: number, steps: number[]): { node: NodeAt; leaves: Buffer[] } {
  const stored = new Map<string, Buffer>();
  const leaves = Array.from({ length: size }, (_, i) => leafHash(eventHash(i)));
  let n = 0;
  for (const step of [...steps, size]) {
    const upTo = Math.min(size, Math.max(n, step));
    const frontier = new Map(frontierOf(n).map(([level, index]) => [level, stored.get(`${level}:${index}`)!]));
    const grown = extend(n, frontier, leaves.slice(n, upTo));
    for (const x of grown.nodes) stored.set(`${x.level}:${x.index}`, x.hash);
    n = grown.size;
  }
  return { node: (level, index) => stored.get(`${level}:${index}`)!, leaves };
}

describe('Merkle tree (RFC 9162)', () => {
  it('gives the RFC root for every size, whatever the extensions it was grown in', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), fc.array(fc.integer({ min: 0, max: 70 }), { maxLength: 4 }), (size, steps) => {
        const { node, leaves } = grow(
          size,
          steps.sort((a, b) => a - b),
        );
        for (let n = 1; n <= size; n++) expect(treeRoot(n, node).equals(referenceRoot(leaves.slice(0, n)))).toBe(true);
      }),
    );
  });

  it('proves every leaf included, and refuses a wrong leaf, index, size or path', () => {
    const { node, leaves } = grow(37, [5, 16]);
    for (let size = 1; size <= 37; size++) {
      const root = treeRoot(size, node);
      for (let i = 0; i < size; i++) {
        const path = inclusionPath(i, size, node);
        expect(verifyInclusion(i, size, leaves[i], path, root)).toBe(true);
        expect(verifyInclusion(i, size, leafHash(eventHash(1000)), path, root)).toBe(false);
        if (size > 1) expect(verifyInclusion((i + 1) % size, size, leaves[i], path, root)).toBe(false);
        if (path.length) expect(verifyInclusion(i, size, leaves[i], path.slice(1), root)).toBe(false);
      }
      expect(verifyInclusion(size, size, leaves[0], [], root)).toBe(false);
    }
  });

  it('proves every pair of sizes consistent, and refuses a rewritten history', () => {
    const { node } = grow(33, [1, 2, 9]);
    const forged = grow(33, []).leaves.map((l, i) => (i === 6 ? leafHash(eventHash(999)) : l));
    const forgedRoot = (n: number) => referenceRoot(forged.slice(0, n));
    for (let second = 1; second <= 33; second++) {
      for (let first = 1; first <= second; first++) {
        const path = consistencyPath(first, second, node);
        expect(verifyConsistency(first, second, treeRoot(first, node), treeRoot(second, node), path)).toBe(true);
        if (first > 6) expect(verifyConsistency(first, second, forgedRoot(first), treeRoot(second, node), path)).toBe(false);
        if (second > 6 && first < second)
          expect(verifyConsistency(first, second, treeRoot(first, node), forgedRoot(second), path)).toBe(false);
      }
    }
  });
});
