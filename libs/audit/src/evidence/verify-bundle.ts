/**
 * The evidence bundle verifier: no database, no Nest, only this file and the pure functions it
 * imports (libs/event-store/src/hash-chain.ts, merkle.ts, canonical-json.ts; ../tree/tree-head.ts,
 * ../tree/agency-index.ts).
 * `ancrage audit verify-bundle DIR --public-key P [--agency S]` runs it; an auditor can read it whole.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson, chainHash, leafHash, payloadDigest, RecordedEvent, verifyInclusion } from '@ancrage/event-store';
import { AgencyIndexEvidence, agencyIndexProblem } from '../tree/agency-index';
import { SignedTreeHead, treeHeadSignatureValid } from '../tree/tree-head';

export interface BundleManifest {
  format: 'ancrage-evidence/2';
  agency: string;
  from: string;
  to: string;
  createdAt: string;
  eventCount: number;
  /** The signed tree head every event's inclusion proof holds against. */
  treeSize: number;
  rootHash: string;
  keyId: string;
  files: { path: string; sha256: string; bytes: number }[];
  /** Base64 Ed25519 signature of the canonical JSON of every other field, by the key that signs heads. */
  signature: string;
}

/** An event as the bundle holds it: stored form, the hash it links to, and its inclusion proof. */
export type BundleEvent = Omit<RecordedEvent, 'copies'> & { previousHash: string; proof: { leafIndex: number; auditPath: string[] } };

export interface BundleVerdict {
  ok: boolean;
  problems: string[];
  eventCount: number;
  agency: string | null;
  treeSize: number | null;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * Everything must hold, or the bundle fails: the manifest's signature with the given public key, each
 * file's SHA-256, the tree head's signature and its match with the manifest, and for every event
 * its agency and date within the bundle's, its hash recomputed from its content, and its inclusion
 * proof against the signed root; and completeness: the agency's event list folds to its entry in the
 * agency index the head signs, and every event of that list in the period is in the bundle. A
 * missing or invalid signature is a failure, never a skip.
 */
export function verifyBundle(dir: string, publicKeyPem: string, expectedAgency?: string): BundleVerdict {
  const problems: string[] = [];
  const verdict = (eventCount = 0, m?: BundleManifest): BundleVerdict => ({
    ok: problems.length === 0,
    problems,
    eventCount,
    agency: m?.agency ?? null,
    treeSize: m?.treeSize ?? null,
  });
  const read = (path: string) => (existsSync(join(dir, path)) ? readFileSync(join(dir, path)) : null);

  const manifestText = read('manifest.json');
  if (!manifestText) return (problems.push('manifest.json is missing'), verdict());
  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(manifestText.toString('utf8')) as BundleManifest;
  } catch {
    return (problems.push('manifest.json is not JSON'), verdict());
  }
  const { signature, ...unsigned } = manifest;
  if (!signatureValid(canonicalJson(unsigned), signature, publicKeyPem)) {
    problems.push('manifest.json is not signed by this key (or was altered)');
    return verdict(0, manifest);
  }
  if (expectedAgency && manifest.agency !== expectedAgency)
    problems.push(`the bundle is of agency ${manifest.agency}, not ${expectedAgency}`);
  for (const f of manifest.files) {
    const content = read(f.path);
    if (!content) problems.push(`${f.path} is missing`);
    else if (sha256(content) !== f.sha256) problems.push(`${f.path} does not match its hash in the manifest`);
  }

  const headText = read('tree-head.json');
  const head = headText ? (JSON.parse(headText.toString('utf8')) as SignedTreeHead) : null;
  if (!head || !treeHeadSignatureValid(head, publicKeyPem)) {
    problems.push('tree-head.json is missing or not signed by this key');
    return verdict(0, manifest);
  }
  if (head.treeSize !== manifest.treeSize || head.rootHash !== manifest.rootHash)
    problems.push('tree-head.json is not the head the manifest names');
  const root = Buffer.from(head.rootHash, 'hex');

  const lines = (read('events.jsonl')?.toString('utf8') ?? '').split('\n').filter(Boolean);
  const from = Date.parse(manifest.from);
  const to = Date.parse(manifest.to);
  const seen = new Set<number>();
  for (const line of lines) {
    const e = JSON.parse(line) as BundleEvent;
    const at = `event at position ${e.position}`;
    if (e.metadata.agency !== manifest.agency) problems.push(`${at} is of agency ${String(e.metadata.agency)}`);
    const t = Date.parse(e.metadata.occurredAt);
    if (!(t >= from && t <= to)) problems.push(`${at} occurred outside the bundle's period`);
    const recomputed = chainHash(e.previousHash, e.position, e.streamVersion, e.metadata.recordedAt, payloadDigest(e, e.digestForm));
    if (recomputed !== e.hash) problems.push(`${at} does not match its hash`);
    const path = (e.proof?.auditPath ?? []).map((h) => Buffer.from(h, 'hex'));
    if (!e.proof || !verifyInclusion(e.proof.leafIndex, head.treeSize, leafHash(Buffer.from(recomputed, 'hex')), path, root))
      problems.push(`${at} is not proven included in the signed tree`);
    else if (seen.has(e.proof.leafIndex)) problems.push(`${at} appears twice`);
    else seen.add(e.proof.leafIndex);
  }
  if (lines.length !== manifest.eventCount)
    problems.push(`the manifest announces ${manifest.eventCount} events, events.jsonl has ${lines.length}`);

  // Completeness: the agency's whole event list, proven by the index the head signs, against the bundle's events.
  const indexText = read('agency-index.json');
  const index = indexText ? (JSON.parse(indexText.toString('utf8')) as AgencyIndexEvidence) : null;
  const indexProblem = !index
    ? 'agency-index.json is missing'
    : index.agency !== manifest.agency || index.treeSize !== head.treeSize
      ? "agency-index.json is not of the bundle's agency and head"
      : agencyIndexProblem(index, head.agencyIndexRoot, head.agencyCount);
  if (indexProblem) problems.push(`completeness not proven: ${indexProblem}`);
  else {
    const bundled = new Map(lines.map((line) => JSON.parse(line) as BundleEvent).map((e) => [e.position, e.hash]));
    for (const [position, occurredAt, hash] of index!.entries) {
      const t = Date.parse(occurredAt);
      if (t >= from && t <= to && bundled.get(position) !== hash)
        problems.push(`the agency's event at position ${position} of the period is missing from the bundle`);
      bundled.delete(position);
    }
    for (const position of bundled.keys()) problems.push(`event at position ${position} is not in the agency's signed event list`);
  }
  return verdict(lines.length, manifest);
}

function signatureValid(text: string, signature: unknown, publicKeyPem: string): boolean {
  if (typeof signature !== 'string' || !signature) return false;
  try {
    return verify(null, Buffer.from(text), createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
