import { createHash } from 'node:crypto';
import { GENESIS_HASH, inclusionPath, leafHash, treeInMemory, treeRoot, verifyInclusion } from '@ancrage/event-store';

/**
 * The agency index a signed tree head commits to, so that an evidence bundle can show that none of
 * an agency's events was left out. Pure functions: the bundle verifier uses them.
 *
 * - Each agency's events, in log order, fold into a running digest:
 *   d(0) = 64 zeros, d(k) = SHA-256(d(k-1) bytes ‖ "position|occurredAt|" ‖ event hash bytes).
 * - The index is a Merkle tree (merkle.ts) whose leaves, sorted by agency code, are
 *   leafHash("agency|count|digest"). Its root and leaf count are signed in the head.
 */
export interface AgencyState {
  agency: string;
  count: number;
  digest: string;
}

/** One of an agency's events as the index folds it. */
export type AgencyEntry = [position: number, occurredAt: string, hash: string];

export const EMPTY_AGENCY_DIGEST = GENESIS_HASH;

export function foldEntry(digest: string, [position, occurredAt, hash]: AgencyEntry): string {
  return createHash('sha256')
    .update(Buffer.from(digest, 'hex'))
    .update(`${position}|${occurredAt}|`)
    .update(Buffer.from(hash, 'hex'))
    .digest('hex');
}

export const agencyLeaf = (s: AgencyState): Buffer => leafHash(Buffer.from(`${s.agency}|${s.count}|${s.digest}`));

const sorted = (states: readonly AgencyState[]) => [...states].sort((a, b) => (a.agency < b.agency ? -1 : a.agency > b.agency ? 1 : 0));

function tree(states: readonly AgencyState[]) {
  const ordered = sorted(states);
  return { ordered, node: treeInMemory(Buffer.concat(ordered.map(agencyLeaf)), ordered.length) };
}

/** The root the head signs (64 zeros for an index with no agency yet). */
export function agencyIndexRoot(states: readonly AgencyState[]): string {
  if (states.length === 0) return GENESIS_HASH;
  const { ordered, node } = tree(states);
  return treeRoot(ordered.length, node).toString('hex');
}

/** The proof that an agency's state is a leaf of the index. */
export function agencyIndexProof(states: readonly AgencyState[], agency: string): { leafIndex: number; auditPath: string[] } | null {
  const { ordered, node } = tree(states);
  const leafIndex = ordered.findIndex((s) => s.agency === agency);
  if (leafIndex < 0) return null;
  return { leafIndex, auditPath: inclusionPath(leafIndex, ordered.length, node).map((b) => b.toString('hex')) };
}

/** An agency's leaf in the index with its proof: present, or the two neighbours that show it absent. */
export interface IndexedState {
  state: AgencyState;
  leafIndex: number;
  auditPath: string[];
}

export interface AgencyIndexEvidence {
  agency: string;
  treeSize: number;
  /** Every event of the agency the head covers, in log order. */
  entries: AgencyEntry[];
  /** With entries: the agency's leaf. Without: its neighbours in agency order (null at an edge). */
  proof: { present: IndexedState } | { left: IndexedState | null; right: IndexedState | null };
}

/** The evidence of an agency's whole event list at a head, from the index states at that head. */
export function agencyIndexEvidence(
  states: readonly AgencyState[],
  agency: string,
  treeSize: number,
  entries: AgencyEntry[],
): AgencyIndexEvidence {
  const { ordered, node } = tree(states);
  const indexed = (leafIndex: number): IndexedState | null =>
    leafIndex < 0 || leafIndex >= ordered.length
      ? null
      : { state: ordered[leafIndex], leafIndex, auditPath: inclusionPath(leafIndex, ordered.length, node).map((b) => b.toString('hex')) };
  const at = ordered.findIndex((s) => s.agency === agency);
  if (at >= 0) return { agency, treeSize, entries, proof: { present: indexed(at)! } };
  const right = ordered.findIndex((s) => s.agency > agency);
  const rightIndex = right < 0 ? ordered.length : right;
  return { agency, treeSize, entries, proof: { left: indexed(rightIndex - 1), right: indexed(rightIndex) } };
}

/**
 * Checks agency index evidence against a head's index root and leaf count; returns the problem, or
 * null when the entries are the agency's whole list of events at that head.
 */
export function agencyIndexProblem(evidence: AgencyIndexEvidence, root: string, leafCount: number): string | null {
  const proven = (s: IndexedState) =>
    verifyInclusion(
      s.leafIndex,
      leafCount,
      agencyLeaf(s.state),
      s.auditPath.map((h) => Buffer.from(h, 'hex')),
      Buffer.from(root, 'hex'),
    );
  const { entries, proof, agency } = evidence;
  if ('present' in proof) {
    const digest = entries.reduce(foldEntry, EMPTY_AGENCY_DIGEST);
    const claimed = proof.present.state;
    if (claimed.agency !== agency || claimed.count !== entries.length || claimed.digest !== digest)
      return `the agency's event list does not fold to its entry in the signed agency index`;
    return proven(proof.present) ? null : `the agency's entry is not proven in the signed agency index`;
  }
  if (entries.length) return 'events are listed for an agency the index says has none';
  const { left, right } = proof;
  if (left && !(left.state.agency < agency && proven(left))) return 'the left neighbour does not prove the agency absent';
  if (right && !(right.state.agency > agency && proven(right))) return 'the right neighbour does not prove the agency absent';
  const adjacent =
    left && right
      ? right.leafIndex === left.leafIndex + 1
      : left
        ? left.leafIndex === leafCount - 1
        : right
          ? right.leafIndex === 0
          : leafCount === 0;
  return adjacent ? null : 'the neighbours given are not adjacent in the signed agency index';
}
