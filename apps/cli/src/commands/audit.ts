import { readFileSync, writeFileSync, existsSync, chmodSync } from 'node:fs';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { AuditService, exportBundle, generateSigningKeys, SignedDigest, verifyBundle } from '@ancrage/audit';
import { EVENT_STORE, EventStore, verifyChain } from '@ancrage/event-store';
import { ProjectionEngine } from '@ancrage/projections';
import { progressBar } from '../progress';
import { withContext } from '../runtime';
import { cutOf } from '@ancrage/platform';

/** Walks the hash chain (or checks a digest); exits 1 and names the first bad position. */
export async function auditVerify(options: { against?: string }): Promise<void> {
  const ok = await withContext(async (ctx) => {
    if (options.against) {
      const digest = JSON.parse(readFileSync(options.against, 'utf8')) as SignedDigest;
      const verdict = await ctx.get(AuditService).verifyAgainst(digest);
      console.log(`${verdict.ok ? 'OK' : 'FAILED'}: ${verdict.reason}`);
      return verdict.ok;
    }
    const store = ctx.get<EventStore>(EVENT_STORE);
    const head = await store.headPosition();
    const bar = progressBar('verifying');
    bar.start(Math.max(head, 1), 0, { rate: 0 });
    const started = Date.now();
    const verdict = await verifyChain(store, {
      onProgress: (checked, position) =>
        bar.update(position, { rate: Math.round(checked / Math.max((Date.now() - started) / 1000, 1e-3)) }),
    });
    bar.stop();
    if (verdict.ok) {
      console.log(`log intact: ${verdict.checked} events, head position ${verdict.headPosition}, head hash ${verdict.headHash}`);
      return true;
    }
    console.log(`LOG ALTERED at position ${verdict.position}: ${verdict.reason} (${verdict.checked} events verified before it)`);
    return false;
  });
  if (!ok) process.exitCode = 1;
}

/** Prints the signed digest of the log's head (JSON) on stdout. */
export async function auditDigest(): Promise<void> {
  await withContext(async (ctx) => console.log(JSON.stringify(await ctx.get(AuditService).digest(), null, 2)));
}

/** Writes a new Ed25519 key pair for signing digests. */
export function auditKeygen(options: { out: string }): void {
  if (existsSync(options.out)) throw new Error(`${options.out} exists: refusing to overwrite a signing key`);
  const { privateKeyPem, publicKeyPem } = generateSigningKeys();
  writeFileSync(options.out, privateKeyPem, { mode: 0o600 });
  chmodSync(options.out, 0o600);
  writeFileSync(`${options.out}.pub`, publicKeyPem);
  console.log(`private key: ${options.out} (set ANCRAGE_AUDIT_KEY_FILE to it); public key for auditors: ${options.out}.pub`);
}

export async function auditExport(options: { agency: string; from: string; to: string; out: string }): Promise<void> {
  if (!/^\d{5}$/.test(options.agency)) throw new Error('--agency must be a 5-digit SAFIR code');
  for (const d of [options.from, options.to]) if (Number.isNaN(Date.parse(d))) throw new Error(`"${d}" is not a date`);
  await withContext(async (ctx, config) => {
    const audit = ctx.get(AuditService);
    const digest = config.audit.signingKeyFile ? await audit.digest() : null;
    const publicKeyPem = config.audit.signingKeyFile
      ? createPublicKey(createPrivateKey(readFileSync(config.audit.signingKeyFile, 'utf8')))
          .export({ format: 'pem', type: 'spki' })
          .toString()
      : null;
    const to = /^\d{4}-\d{2}-\d{2}$/.test(options.to) ? `${options.to}T23:59:59.999Z` : options.to;
    const manifest = await exportBundle({
      store: ctx.get<EventStore>(EVENT_STORE),
      engine: ctx.get(ProjectionEngine),
      agency: options.agency,
      from: options.from,
      to,
      out: options.out,
      digest,
      publicKeyPem,
      onProgress: (n) => process.stderr.write(`\r${n} events exported`),
    });
    process.stderr.write('\n');
    console.log(
      `bundle written to ${options.out}: ${manifest.eventCount} events, ${manifest.files.length} files${digest ? ', signed digest' : ' (no signing key: no digest)'}`,
    );
  });
}

export function auditVerifyBundle(dir: string, options: { publicKey?: string }): void {
  const verdict = verifyBundle(dir, options.publicKey ? readFileSync(options.publicKey, 'utf8') : undefined);
  if (verdict.ok) console.log(`bundle intact: ${verdict.eventCount} events${verdict.digestSigned ? ', digest signature valid' : ''}`);
  else {
    console.log(`BUNDLE ALTERED:\n- ${verdict.problems.join('\n- ')}`);
    process.exitCode = 1;
  }
}

/** Rebuilds projections in memory and compares them with the live tables. */
export async function projectionsCheck(name: string | undefined, options: { asOf?: string; knownAt?: string } = {}): Promise<void> {
  const cut = cutOf(options);
  const ok = await withContext(async (ctx) => {
    const engine = ctx.get(ProjectionEngine);
    const audit = ctx.get(AuditService);
    let allInSync = true;
    for (const n of name ? [engine.get(name).name] : engine.names()) {
      await engine.catchUp(n);
      const bar = progressBar(`checking ${n}`.padEnd(28));
      let started = false;
      const t0 = Date.now();
      const result = await audit.drift(
        n,
        (scannedTo, head) => {
          if (!started) bar.start(Math.max(head, 1), 0, { rate: 0 });
          started = true;
          bar.setTotal(Math.max(head, 1));
          bar.update(scannedTo, { rate: Math.round(scannedTo / Math.max((Date.now() - t0) / 1000, 1e-3)) });
        },
        cut,
      );
      bar.stop();
      const counts = result.differences.map((d) => `${d.table}: +${d.added.length} -${d.removed.length} ~${d.changed.length}`).join(', ');
      const at =
        [options.asOf && `as of ${options.asOf}`, options.knownAt && `as known at ${options.knownAt}`].filter(Boolean).join(', ') || 'live';
      console.log(`${n} at position ${result.position} (${at}): ${result.inSync ? 'in sync' : `DRIFT (${counts})`}`);
      for (const d of result.differences)
        for (const c of d.changed.slice(0, 5))
          console.log(`  ${d.table} live ${JSON.stringify(c.after)} vs log ${JSON.stringify(c.before)}`);
      allInSync &&= result.inSync;
    }
    return allInSync;
  });
  if (!ok) process.exitCode = 1;
}
