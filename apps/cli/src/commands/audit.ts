import { readFileSync, writeFileSync, existsSync, chmodSync } from 'node:fs';
import { AuditService, generateSigningKeys, SignedTreeHead, verifyBundle } from '@ancrage/audit';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { ProjectionEngine } from '@ancrage/projections';
import { progressBar } from '../progress';
import { withContext } from '../runtime';
import { cutOf } from '@ancrage/platform';

/**
 * Verifies the log against the witness folder's signed heads (or one given with --against), with the
 * public key only; exits 1 naming the first altered position, and says what cannot be proven.
 */
export async function auditVerify(options: { against?: string; publicKey?: string }): Promise<void> {
  const ok = await withContext(async (ctx) => {
    const audit = ctx.get(AuditService);
    const heads = options.against ? [JSON.parse(readFileSync(options.against, 'utf8')) as SignedTreeHead] : undefined;
    const publicKeyPem = options.publicKey ? readFileSync(options.publicKey, 'utf8') : undefined;
    const store = ctx.get<EventStore>(EVENT_STORE);
    const bar = progressBar('verifying');
    bar.start(Math.max(await store.headPosition(), 1), 0, { rate: 0 });
    const started = Date.now();
    const verdict = await audit.verify({
      heads,
      publicKeyPem,
      onProgress: (checked, position) =>
        bar.update(position, { rate: Math.round(checked / Math.max((Date.now() - started) / 1000, 1e-3)) }),
    });
    bar.stop();
    const proven = verdict.headsChecked ? `, extends ${verdict.headsChecked} signed head(s) up to ${verdict.provenSize} events` : '';
    if (verdict.ok) console.log(`log intact: ${verdict.checked} events, head position ${verdict.headPosition}${proven}`);
    else console.log(`LOG ALTERED at position ${verdict.position}: ${verdict.reason}`);
    if (verdict.unproven) console.log(`not proven: ${verdict.unproven}`);
    return verdict.ok;
  });
  if (!ok) process.exitCode = 1;
}

/** Seals the log into the Merkle tree and prints the signed tree head (JSON) on stdout. */
export async function auditTreeHead(): Promise<void> {
  await withContext(async (ctx) => console.log(JSON.stringify(await ctx.get(AuditService).treeHead(), null, 2)));
}

/** Writes a new Ed25519 key pair for signing tree heads and bundles. */
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
  await withContext(async (ctx) => {
    const to = /^\d{4}-\d{2}-\d{2}$/.test(options.to) ? `${options.to}T23:59:59.999Z` : options.to;
    const manifest = await ctx
      .get(AuditService)
      .exportBundle(options.agency, options.from, to, options.out, (n) => process.stderr.write(`\r${n} events exported`));
    process.stderr.write('\n');
    console.log(
      `bundle written to ${options.out}: ${manifest.eventCount} events proven against the signed tree head of size ${manifest.treeSize}, ${manifest.files.length} files, signed manifest`,
    );
  });
}

export function auditVerifyBundle(dir: string, options: { publicKey: string; agency?: string }): void {
  const verdict = verifyBundle(dir, readFileSync(options.publicKey, 'utf8'), options.agency);
  if (verdict.ok)
    console.log(
      `bundle intact: agency ${verdict.agency}, ${verdict.eventCount} events, each proven in the signed tree of ${verdict.treeSize} events; manifest and head signatures valid`,
    );
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
