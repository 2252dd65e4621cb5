import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditService, generateSigningKeys, SignedTreeHead } from '@ancrage/audit';
import { chainHash, EVENT_STORE, EventStore, NewEvent, payloadDigest } from '@ancrage/event-store';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@ancrage/platform';
import { Harness, startApp } from '../support/app-harness';

/**
 * An insider with superuser rights rewrites the log in every way the issue lists; verification names
 * the first altered position, against the witness folder's heads and against one head given.
 */
describe('tampering matrix: the log against signed tree heads', () => {
  let h: Harness;
  let audit: AuditService;
  let head: SignedTreeHead;
  const keys = generateSigningKeys();
  const keyFile = join(mkdtempSync(join(tmpdir(), 'ancrage-key-')), 'audit.pem');
  const sql = <R extends object = Record<string, unknown>>(text: string, params?: unknown[]) => h.db.insider<R>(text, params);
  // A type no projection reads: the matrix is about the log, not what views make of it.
  const newEvent = (o: { agency: string; data?: object }): NewEvent => ({
    eventId: randomUUID(),
    type: 'TamperMatrixProbe',
    schemaVersion: 1,
    data: o.data ?? { note: 'Réunion avec la Mission locale' },
    metadata: {
      actor: 'u',
      role: 'manager',
      agency: o.agency,
      correlationId: randomUUID(),
      causationId: null,
      idempotencyKey: null,
      occurredAt: '2018-03-14T09:00:00.000Z',
    },
  });

  // A witness service on loopback: every signed head is POSTed to it.
  const witnessed: SignedTreeHead[] = [];
  const witness = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      witnessed.push(JSON.parse(body) as SignedTreeHead);
      res.writeHead(204).end();
    });
  });

  beforeAll(async () => {
    writeFileSync(keyFile, keys.privateKeyPem);
    await new Promise<void>((resolve) => witness.listen(0, '127.0.0.1', resolve));
    const witnessUrl = `http://127.0.0.1:${(witness.address() as AddressInfo).port}/heads`;
    h = await startApp({ ANCRAGE_AUDIT_KEY_FILE: keyFile, ANCRAGE_WITNESS_URL: witnessUrl });
    audit = h.app.get(AuditService);
    const store = h.app.get<EventStore>(EVENT_STORE);
    for (let i = 0; i < 40; i++)
      await store.append(`fund-6200${i % 3}-2018`, [newEvent({ agency: `6200${i % 3}`, data: { amountCents: i } })], 'any');
    head = await audit.treeHead();
    expect(head.treeSize).toBe(40);
    // Four more events no head covers yet.
    for (let i = 0; i < 4; i++) await store.append('fund-62001-2019', [newEvent({ agency: '62001' })], 'any');
    await sql(`CREATE TABLE pristine_log AS SELECT * FROM event_log`);
    await sql(`CREATE TABLE pristine_head AS SELECT * FROM event_log_head`);
  });

  afterEach(async () => {
    await sql(`TRUNCATE event_log; INSERT INTO event_log SELECT * FROM pristine_log;
               DELETE FROM event_log_head; INSERT INTO event_log_head SELECT * FROM pristine_head`);
  });

  afterAll(async () => {
    await h.close();
    witness.close();
  });

  it('writes each signed head to the witness folder and POSTs it to the witness URL', () => {
    const dir = h.app.get<AppConfig>(APP_CONFIG).audit.witnessDir;
    expect(JSON.parse(readFileSync(join(dir, 'tree-head-000000000040.json'), 'utf8'))).toEqual(head);
    expect(witnessed).toEqual([head]);
  });

  const expectNamed = async (position: number) => {
    expect(await audit.verify()).toMatchObject({ ok: false, position, headsChecked: 1 });
    expect(await audit.verify({ heads: [head], publicKeyPem: keys.publicKeyPem })).toMatchObject({ ok: false, position });
  };
  /** The head row moved back to the last remaining event, as an insider hiding a truncation would. */
  const fixHead = () =>
    sql(`UPDATE event_log_head SET (position, hash) = (SELECT position, hash FROM event_log ORDER BY position DESC LIMIT 1)`);

  it('finds the untouched log intact, and says what no head covers yet', async () => {
    expect(await audit.verify()).toMatchObject({
      ok: true,
      provenSize: 40,
      unproven: expect.stringContaining('the 4 events after position 40 are not covered by a signed head yet'),
    });
  });

  it.each([
    ['data', `data = '{"amountCents":1000000}'`],
    ['metadata', `metadata = jsonb_set(metadata::jsonb, '{actor}', '"someone-else"')`],
    ['occurred_at', `occurred_at = '2019-03-01T00:00:00Z'`],
    ['agency', `agency = '13001'`],
    ['type', `type = 'PaymentCancelled'`],
    ['stream', `stream_id = 'fund-13001-2018'`],
    ['version', `stream_version = 99`],
  ])('names the event whose %s was edited', async (_, assignment) => {
    await sql(`UPDATE event_log SET ${assignment} WHERE position = 17`);
    await expectNamed(17);
  });

  it('names a deleted event (not the one after it)', async () => {
    await sql(`DELETE FROM event_log WHERE position = 17`);
    await expectNamed(17);
  });

  it('names an inserted event', async () => {
    await sql(`UPDATE event_log SET position = position + 1000 WHERE position >= 17`);
    await sql(`UPDATE event_log SET position = position - 999 WHERE position >= 1017`);
    await sql(`INSERT INTO event_log SELECT 17, gen_random_uuid(), stream_id, 99, type, schema_version, agency, data, metadata,
                 occurred_at, recorded_at, payload_digest, hash, digest_form FROM event_log WHERE position = 2`);
    await expectNamed(17);
  });

  it('names the first of two swapped events', async () => {
    await sql(`UPDATE event_log SET position = -1 WHERE position = 17`);
    await sql(`UPDATE event_log SET position = 17 WHERE position = 18`);
    await sql(`UPDATE event_log SET position = 18 WHERE position = -1`);
    await expectNamed(17);
  });

  it('names the first removed event of a tail truncated with its head row fixed', async () => {
    await sql(`DELETE FROM event_log WHERE position >= 30`);
    await fixHead();
    await expectNamed(30);
  });

  /** An insider edits event 17 and recomputes every later hash with the documented formula. */
  const rechainFrom17 = async () => {
    const store = h.app.get<EventStore>(EVENT_STORE);
    const { events } = await store.readAll({ limit: 1000, upcast: false });
    let previous = events[15].hash;
    for (const e of events.slice(16)) {
      if (e.position === 17) e.data = { amountCents: 1_000_000 };
      const digest = payloadDigest(e, e.digestForm);
      previous = chainHash(previous, e.position, e.streamVersion, e.metadata.recordedAt, digest);
      await sql(`UPDATE event_log SET data = $2::json, payload_digest = decode($3, 'hex'), hash = decode($4, 'hex') WHERE position = $1`, [
        e.position,
        JSON.stringify(e.data),
        digest,
        previous,
      ]);
    }
    await fixHead();
  };

  it('names the first event of a full re-chain from the middle, which the hash chain alone cannot see', async () => {
    await rechainFrom17();
    // Every link holds: only the signed head shows the rewrite, and names where it starts.
    expect(await audit.verify({ heads: [] })).toMatchObject({ ok: true, unproven: expect.stringContaining('no signed tree head') });
    await expectNamed(17);
  });

  it('names it from the command line too, given the kept head and the public key only', async () => {
    await rechainFrom17();
    const dir = mkdtempSync(join(tmpdir(), 'ancrage-auditor-'));
    writeFileSync(join(dir, 'head.json'), JSON.stringify(head));
    writeFileSync(join(dir, 'public.pem'), keys.publicKeyPem);
    const cli = join(__dirname, '../../dist/apps/cli/src/main.js');
    const env = { ...process.env, DATABASE_URL: h.db.url, ANCRAGE_WITNESS_DIR: join(dir, 'no-witness'), LOG_LEVEL: 'error' };
    const run = promisify(execFile);
    const failed = await run(
      process.execPath,
      [cli, 'audit', 'verify', '--against', join(dir, 'head.json'), '--public-key', join(dir, 'public.pem')],
      {
        env,
      },
    ).then(
      () => null,
      (e: unknown) => e as { code: number; stdout: string },
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toContain('LOG ALTERED at position 17');
  });

  it('cannot prove the truncation of a tail no head covers, and says so', async () => {
    await sql(`DELETE FROM event_log WHERE position >= 42`);
    await fixHead();
    expect(await audit.verify()).toMatchObject({
      ok: true,
      provenSize: 40,
      unproven: expect.stringContaining('the 1 events after position 40'),
    });
  });

  it('fails, never skips, on a head that does not verify with the public key', async () => {
    const other = generateSigningKeys();
    expect(await audit.verify({ heads: [head], publicKeyPem: other.publicKeyPem })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not signed by this key'),
    });
    expect(await audit.verify({ heads: [{ ...head, signature: '' }] })).toMatchObject({ ok: false });
  });
});
