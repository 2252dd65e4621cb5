import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chainHash, EventStore, payloadDigest, RecordedEvent } from '@ancrage/event-store';
import type { ProjectionEngine } from '@ancrage/projections';
import { digestSignatureValid, SignedDigest } from './digest';
import { toCsv } from '@ancrage/platform';

export interface BundleManifest {
  format: 'ancrage-evidence/1';
  agency: string;
  from: string;
  to: string;
  createdAt: string;
  eventCount: number;
  headPosition: number;
  publicKeyPem: string | null;
  files: { path: string; sha256: string; bytes: number }[];
}

type ExportedEvent = RecordedEvent & { previousHash: string };

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function csv(rows: object[]): string {
  return rows.length === 0 ? '' : toCsv(Object.keys(rows[0]), rows);
}

/**
 * Writes an evidence bundle for one agency and period: its events (stored form, with the previous
 * hash of each so every link can be checked offline), the signed digest, every agency-scoped read
 * model as of the end of the period as CSV, and a manifest with the SHA-256 of each file.
 */
export async function exportBundle(options: {
  store: EventStore;
  engine: ProjectionEngine;
  agency: string;
  from: string;
  to: string;
  out: string;
  digest: SignedDigest | null;
  publicKeyPem: string | null;
  onProgress?: (done: number) => void;
}): Promise<BundleManifest> {
  const { store, engine, agency, from, to, out } = options;
  const fromTime = Date.parse(from);
  const toTime = Date.parse(to);
  const events: ExportedEvent[] = [];
  let after = 0;
  for (;;) {
    const slice = await store.readAll({ after, limit: 2000, agency, upcast: false });
    for (const e of slice.events) {
      const t = Date.parse(e.metadata.occurredAt);
      if (t < fromTime || t > toTime) continue;
      const previous =
        e.position > 1
          ? (await store.readAll({ after: e.position - 2, upTo: e.position - 1, limit: 1, upcast: false })).events[0]
          : undefined;
      events.push({ ...e, previousHash: previous?.hash ?? '0'.repeat(64) });
    }
    options.onProgress?.(events.length);
    after = slice.scannedTo;
    if (slice.endOfLog) break;
  }
  const files: Record<string, string> = { 'events.jsonl': events.map((e) => JSON.stringify(e)).join('\n') + (events.length ? '\n' : '') };
  if (options.digest) files['digest.json'] = JSON.stringify(options.digest, null, 2) + '\n';
  for (const name of engine.names()) {
    const p = engine.get(name);
    if (p.agencyScoped === false) continue;
    const rows = await engine.replay(name, { agency, occurredAt: new Date(toTime).toISOString() });
    for (const table of Object.keys(p.tables)) files[`read-models/${name}/${table}.csv`] = csv(rows.list(table));
  }
  mkdirSync(out, { recursive: true });
  const manifest: BundleManifest = {
    format: 'ancrage-evidence/1',
    agency,
    from,
    to,
    createdAt: new Date().toISOString(),
    eventCount: events.length,
    headPosition: await store.headPosition(),
    publicKeyPem: options.publicKeyPem,
    files: [],
  };
  for (const [path, content] of Object.entries(files)) {
    const target = join(out, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    manifest.files.push({ path, sha256: sha256(content), bytes: Buffer.byteLength(content) });
  }
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

export interface BundleVerdict {
  ok: boolean;
  problems: string[];
  eventCount: number;
  digestSigned: boolean;
}

/** Checks a bundle offline: file hashes, every event's link, and the digest's signature. */
export function verifyBundle(dir: string, trustedPublicKeyPem?: string): BundleVerdict {
  const problems: string[] = [];
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return { ok: false, problems: ['manifest.json is missing'], eventCount: 0, digestSigned: false };
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BundleManifest;
  for (const f of manifest.files) {
    const path = join(dir, f.path);
    if (!existsSync(path)) problems.push(`${f.path} is missing`);
    else if (sha256(readFileSync(path)) !== f.sha256) problems.push(`${f.path} does not match its hash in the manifest`);
  }
  const lines = readFileSync(join(dir, 'events.jsonl'), 'utf8').split('\n').filter(Boolean);
  for (const line of lines) {
    const e = JSON.parse(line) as ExportedEvent;
    // Bundles written before digest forms existed hold form 1 events and do not say so.
    const expected = chainHash(e.previousHash, e.position, e.streamVersion, e.metadata.recordedAt, payloadDigest(e, e.digestForm ?? 1));
    if (expected !== e.hash) problems.push(`event at position ${e.position} does not match its hash`);
  }
  if (lines.length !== manifest.eventCount)
    problems.push(`manifest announces ${manifest.eventCount} events, events.jsonl has ${lines.length}`);
  let digestSigned = false;
  const digestPath = join(dir, 'digest.json');
  if (existsSync(digestPath)) {
    const key = trustedPublicKeyPem ?? manifest.publicKeyPem;
    const digest = JSON.parse(readFileSync(digestPath, 'utf8')) as SignedDigest;
    digestSigned = Boolean(key && digestSignatureValid(digest, key));
    if (!digestSigned) problems.push('digest.json signature does not verify');
  }
  return { ok: problems.length === 0, problems, eventCount: lines.length, digestSigned };
}
