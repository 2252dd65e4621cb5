import { createHash, createPrivateKey, sign } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { canonicalJson, EventStore, GENESIS_HASH, RecordedEvent } from '@ancrage/event-store';
import type { ProjectionEngine } from '@ancrage/projections';
import { toCsv } from '@ancrage/platform';
import { AgencyEntry, agencyIndexEvidence } from '../tree/agency-index';
import type { SignedTreeHead } from '../tree/tree-head';
import type { TreeStore } from '../tree/tree-store';
import type { BundleManifest, BundleEvent } from './verify-bundle';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function csv(rows: object[]): string {
  return rows.length === 0 ? '' : toCsv(Object.keys(rows[0]), rows);
}

/**
 * Writes an evidence bundle for one agency and period (occurredAt): its events in stored form, each
 * with the hash of the event before it and its inclusion proof against the signed tree head, that
 * head, the agency's whole event list (position, occurredAt, hash) with its proof in the agency index
 * the head signs (so no event of the period can be left out), every agency-scoped read model as of the end of the period as CSV, and a manifest listing
 * the SHA-256 of each file, signed with the key that signs the heads. `verify-bundle.ts` checks it
 * offline with the public key only.
 */
export async function exportBundle(options: {
  store: EventStore;
  engine: ProjectionEngine;
  tree: TreeStore;
  head: SignedTreeHead;
  privateKeyPem: string;
  agency: string;
  from: string;
  to: string;
  out: string;
  onProgress?: (done: number) => void;
}): Promise<BundleManifest> {
  const { store, engine, tree, head, agency, from, to, out } = options;
  const fromTime = Date.parse(from);
  const toTime = Date.parse(to);
  const events: BundleEvent[] = [];
  const entries: AgencyEntry[] = [];
  let after = 0;
  for (;;) {
    const slice = await store.readAll({ after, limit: 2000, agency, upTo: head.lastPosition, upcast: false });
    for (const e of slice.events) {
      entries.push([e.position, e.metadata.occurredAt, e.hash]);
      const t = Date.parse(e.metadata.occurredAt);
      if (t < fromTime || t > toTime) continue;
      events.push(await withProof(store, tree, head, e));
    }
    options.onProgress?.(events.length);
    after = slice.scannedTo;
    if (slice.endOfLog || after >= head.lastPosition) break;
  }
  const files: Record<string, string> = {
    'events.jsonl': events.map((e) => JSON.stringify(e)).join('\n') + (events.length ? '\n' : ''),
    'tree-head.json': JSON.stringify(head, null, 2) + '\n',
    'agency-index.json': JSON.stringify(agencyIndexEvidence(await tree.agencyStates(head.treeSize), agency, head.treeSize, entries)) + '\n',
  };
  for (const name of engine.names()) {
    const p = engine.get(name);
    if (p.agencyScoped === false) continue;
    const rows = await engine.replay(name, { agency, occurredAt: new Date(toTime).toISOString(), position: head.lastPosition });
    for (const table of Object.keys(p.tables)) files[`read-models/${name}/${table}.csv`] = csv(rows.list(table));
  }
  mkdirSync(out, { recursive: true });
  const unsigned: Omit<BundleManifest, 'signature'> = {
    format: 'ancrage-evidence/2',
    agency,
    from,
    to,
    createdAt: new Date().toISOString(),
    eventCount: events.length,
    treeSize: head.treeSize,
    rootHash: head.rootHash,
    keyId: head.keyId,
    files: [],
  };
  for (const [path, content] of Object.entries(files)) {
    const target = join(out, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    unsigned.files.push({ path, sha256: sha256(content), bytes: Buffer.byteLength(content) });
  }
  const manifest: BundleManifest = {
    ...unsigned,
    signature: sign(null, Buffer.from(canonicalJson(unsigned)), createPrivateKey(options.privateKeyPem)).toString('base64'),
  };
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

async function withProof(store: EventStore, tree: TreeStore, head: SignedTreeHead, e: RecordedEvent): Promise<BundleEvent> {
  const previous =
    e.position > 1 ? (await store.readAll({ after: e.position - 2, upTo: e.position - 1, limit: 1, upcast: false })).events[0] : undefined;
  const proof = await tree.inclusion(e.position, head.treeSize);
  if (!proof) throw new Error(`position ${e.position} is not sealed in the tree yet`);
  const { copies: _keptBesideThePayload, ...stored } = e;
  return { ...stored, previousHash: previous?.hash ?? GENESIS_HASH, proof: { leafIndex: proof.leafIndex, auditPath: proof.auditPath } };
}
