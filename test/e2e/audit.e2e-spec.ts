import { createHash, sign } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { Pool } from 'pg';
import { createPool } from '@ancrage/database';
import request from 'supertest';
import { AuditService, generateSigningKeys, SignedTreeHead, signTreeHead, verifyBundle } from '@ancrage/audit';
import {
  canonicalJson,
  chainHash,
  EVENT_STORE,
  EventStore,
  leafHash,
  payloadDigest,
  RecordedEvent,
  verifyConsistency,
  verifyInclusion,
} from '@ancrage/event-store';
import { ProjectionEngine } from '@ancrage/projections';
import { RegisterAgency } from '@ancrage/territory';
import { Harness, startApp } from '../support/app-harness';
import { registerBasins, userWithToken } from '../support/principals';

describe('auditor toolkit over HTTP', () => {
  let h: Harness;
  let store: EventStore;
  let pool: Pool;
  const keys = generateSigningKeys();
  const keyFile = join(mkdtempSync(join(tmpdir(), 'ancrage-key-')), 'audit.pem');
  const t: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${t[who]}` });
  const server = () => h.app.getHttpServer();
  const base = '/agencies/62001/fund/2018';

  beforeAll(async () => {
    writeFileSync(keyFile, keys.privateKeyPem);
    h = await startApp({ ANCRAGE_AUDIT_KEY_FILE: keyFile }, () => new Date('2018-12-20T10:00:00Z'));
    await registerBasins(h.app, { '3214': '62' });
    store = h.app.get(EVENT_STORE);
    pool = createPool(h.db.url);
    await h.app.get(CommandBus).execute(
      new RegisterAgency(
        {
          safir: '62001',
          name: 'Berck',
          region: '32',
          department: '62',
          employmentBasin: '3214',
          areaType: 'RURAL',
          openedOn: '2009-01-01',
        },
        { actor: 't', role: 'operator', correlationId: 's' },
      ),
    );
    t.manager = await userWithToken(h.app, 'claire', [{ role: 'manager', agencies: ['62001'] }]);
    t.director = await userWithToken(h.app, 'dir', [{ role: 'director', regions: ['32'] }]);
    t.auditor = await userWithToken(h.app, 'audrey', [{ role: 'auditor' }]);
    await request(server())
      .post(`${base}/envelope`)
      .set(as('director'))
      .send({ amountCents: 50_000_00, allocatedOn: '2018-01-02' })
      .expect(201);
    const c = { category: 'LOCAL_SERVICE_PURCHASE', route: 'SUBSIDY', rationale: 'r' };
    await request(server())
      .post(`${base}/commitments`)
      .set(as('manager'))
      .send({ ...c, commitmentId: 'c1', amountCents: 10_000_00, committedOn: '2018-03-01' })
      .expect(201);
    await request(server())
      .post(`${base}/commitments`)
      .set(as('manager'))
      .send({ ...c, commitmentId: 'c2', amountCents: 5_000_00, committedOn: '2018-07-01' })
      .expect(201);
    await request(server())
      .post(`${base}/commitments/c1/payments`)
      .set(as('manager'))
      .send({ paymentId: 'p1', amountCents: 4_000_00, paidOn: '2018-08-01' })
      .expect(201);
    await h.app.get(ProjectionEngine).waitFor(await store.headPosition(), undefined, 10_000);
  });
  afterAll(async () => {
    await pool.end();
    await h.close();
  });

  it('lists history with full envelopes, filtered by actor, type and dates, paginated by position', async () => {
    const all = await request(server()).get('/audit/events?agency=62001&limit=2').set(as('auditor')).expect(200);
    expect(all.body.items).toHaveLength(2);
    expect(all.body.items[0]).toMatchObject({
      eventId: expect.any(String),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      metadata: { recordedAt: expect.any(String) },
    });
    const next = await request(server())
      .get(`/audit/events?agency=62001&limit=100&after=${all.body.nextAfter}`)
      .set(as('auditor'))
      .expect(200);
    expect(next.body.items[0].position).toBeGreaterThan(all.body.items[1].position);
    const byClaire = await request(server()).get('/audit/events?actor=claire&type=ExpenditureCommitted').set(as('auditor')).expect(200);
    expect(byClaire.body.items.map((e: { data: { commitmentId: string } }) => e.data.commitmentId)).toEqual(['c1', 'c2']);
    const summer = await request(server())
      .get('/audit/events?occurredFrom=2018-06-01&occurredTo=2018-12-31&stream=fund-62001-2018')
      .set(as('auditor'))
      .expect(200);
    expect(summer.body.items.map((e: { type: string }) => e.type)).toEqual(['ExpenditureCommitted', 'PaymentRecorded']);
    const spring = await request(server())
      .get('/audit/events?agency=62001&occurredTo=2018-06-30T23:59:59.999Z&type=ExpenditureCommitted')
      .set(as('auditor'))
      .expect(200);
    expect(spring.body.items.map((e: { data: { commitmentId: string } }) => e.data.commitmentId)).toEqual(['c1']);
    const knownBefore = await request(server())
      .get(`/audit/events?agency=62001&recordedTo=${new Date(0).toISOString()}`)
      .set(as('auditor'))
      .expect(200);
    expect(knownBefore.body.items).toEqual([]);
    await request(server()).get('/audit/events').set(as('manager')).expect(403);
    await request(server()).get('/audit/events?occurredFrom=yesterday').set(as('auditor')).expect(400);
  });

  it('replays any read model as of a date and as known at a time', async () => {
    const june = await request(server())
      .get('/audit/projections/fund-consumption/rows?asOf=2018-06-30&agency=62001&table=envelopes')
      .set(as('auditor'))
      .expect(200);
    expect(june.body.tables.envelopes.items[0]).toMatchObject({ committedCents: 10_000_00, paidCents: 0 });
    const known = await request(server())
      .get(`/audit/projections/fund-consumption/rows?knownAt=${new Date(0).toISOString()}`)
      .set(as('auditor'))
      .expect(200);
    expect(known.body.tables.envelopes.total).toBe(0);
    await request(server()).get('/audit/projections/nothing/rows').set(as('auditor')).expect(404);
  });

  it('shows what changed between two dates: the events and the row differences', async () => {
    const res = await request(server())
      .get('/audit/projections/fund-consumption/changes?agency=62001&fromDate=2018-06-30&toDate=2018-12-31')
      .set(as('auditor'))
      .expect(200);
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['ExpenditureCommitted', 'PaymentRecorded']);
    const envelopes = res.body.differences.find((d: { table: string }) => d.table === 'envelopes');
    expect(envelopes.changed[0].before.committedCents).toBe(10_000_00);
    expect(envelopes.changed[0].after).toMatchObject({ committedCents: 15_000_00, paidCents: 4_000_00 });
  });

  it('signs tree heads, proves an event included and two heads consistent, and checks a kept head with the public key', async () => {
    const first = (await request(server()).get('/audit/tree-head').set(as('auditor')).expect(200)).body;
    expect(first).toMatchObject({ algorithm: 'Ed25519', treeSize: await store.headPosition(), lastPosition: await store.headPosition() });
    await request(server())
      .post(`${base}/commitments`)
      .set(as('manager'))
      .send({ commitmentId: 'c3', category: 'INNOVATIVE_PROJECT', route: 'SUBSIDY', amountCents: 100, rationale: 'plateforme web' })
      .expect(201);
    const second = (await request(server()).get('/audit/tree-head').set(as('auditor')).expect(200)).body;
    expect(second.treeSize).toBe(first.treeSize + 1);
    expect(
      (await request(server()).get('/audit/tree-heads').set(as('auditor')).expect(200)).body.items.map(
        (x: { treeSize: number }) => x.treeSize,
      ),
    ).toEqual([second.treeSize, first.treeSize]);

    const inclusion = (
      await request(server()).get(`/audit/proofs/inclusion?position=3&treeSize=${first.treeSize}`).set(as('auditor')).expect(200)
    ).body;
    const [event] = (await store.readAll({ after: 2, upTo: 3, limit: 1 })).events;
    expect(inclusion.leafHash).toBe(leafHash(Buffer.from(event.hash, 'hex')).toString('hex'));
    const path = inclusion.auditPath.map((x: string) => Buffer.from(x, 'hex'));
    expect(verifyInclusion(2, first.treeSize, Buffer.from(inclusion.leafHash, 'hex'), path, Buffer.from(first.rootHash, 'hex'))).toBe(true);
    const consistency = (
      await request(server())
        .get(`/audit/proofs/consistency?first=${first.treeSize}&second=${second.treeSize}`)
        .set(as('auditor'))
        .expect(200)
    ).body;
    expect(
      verifyConsistency(
        first.treeSize,
        second.treeSize,
        Buffer.from(first.rootHash, 'hex'),
        Buffer.from(second.rootHash, 'hex'),
        consistency.path.map((x: string) => Buffer.from(x, 'hex')),
      ),
    ).toBe(true);
    await request(server())
      .get(`/audit/proofs/inclusion?position=1&treeSize=${first.treeSize + 5}`)
      .set(as('auditor'))
      .expect(404);

    const ok = await request(server()).post('/audit/verify-head').set(as('auditor')).send({ head: first }).expect(201);
    expect(ok.body).toMatchObject({ ok: true, provenSize: first.treeSize, unproven: expect.stringContaining('1 events after position') });
    const forged = await request(server())
      .post('/audit/verify-head')
      .set(as('auditor'))
      .send({ head: { ...first, treeSize: first.treeSize - 1 } })
      .expect(201);
    expect(forged.body).toMatchObject({ ok: false, reason: expect.stringContaining('not signed by this key') });
    await request(server())
      .post('/audit/verify-head')
      .set(as('auditor'))
      .send({ head: { ...first, rootHash: 'nope' } })
      .expect(400);
  });

  it('reports the drift between a live read model and the log, and the first altered position', async () => {
    expect((await request(server()).get('/audit/projections/fund-consumption/drift').set(as('auditor')).expect(200)).body.inSync).toBe(
      true,
    );
    await pool.query(`UPDATE fund_envelopes SET "paidCents" = 1 WHERE safir = '62001' AND is_current`);
    const drift = await request(server()).get('/audit/projections/fund-consumption/drift').set(as('auditor')).expect(200);
    expect(drift.body.inSync).toBe(false);
    expect(drift.body.differences.find((d: { table: string }) => d.table === 'envelopes').changed).toHaveLength(1);
    // A rebuild from the log repairs the drifted model.
    await h.app.get(ProjectionEngine).rebuild('fund-consumption');
    expect((await request(server()).get('/audit/projections/fund-consumption/drift').set(as('auditor')).expect(200)).body.inSync).toBe(
      true,
    );

    expect((await request(server()).get('/audit/verify').set(as('auditor')).expect(200)).body.ok).toBe(true);
    const rows = await h.db.insider<{ position: string; original: string }>(
      `SELECT position, data::text AS original FROM event_log WHERE type = 'PaymentRecorded'`,
    );
    await h.db.insider(`UPDATE event_log SET data = jsonb_set(data::jsonb, '{amountCents}', '1') WHERE position = $1`, [rows[0].position]);
    const verdict = (await request(server()).get('/audit/verify').set(as('auditor')).expect(200)).body;
    expect(verdict).toMatchObject({ ok: false, position: Number(rows[0].position) });
    // Putting the very text back mends the chain (the digest covers the text as written).
    await h.db.insider(`UPDATE event_log SET data = $2::json WHERE position = $1`, [rows[0].position, rows[0].original]);
    expect((await request(server()).get('/audit/verify').set(as('auditor')).expect(200)).body.ok).toBe(true);
  });

  it('corrects a payment with a compensating event that names it; history and as-of views show both', async () => {
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 10));
    const head = await store.headPosition();
    await request(server())
      .post(`${base}/commitments/c1/payments/p1/corrections`)
      .set(as('manager'))
      .send({ correctedCents: 10_000_01, reason: 'x' })
      .expect(422);
    await request(server())
      .post(`${base}/commitments/c1/payments/nope/corrections`)
      .set(as('manager'))
      .send({ correctedCents: 1, reason: 'x' })
      .expect(404);
    expect(await store.headPosition()).toBe(head);
    const fixed = await request(server())
      .post(`${base}/commitments/c1/payments/p1/corrections`)
      .set(as('manager'))
      .send({ correctedCents: 3_500_00, reason: 'montant mal saisi' })
      .expect(201);
    const history = await request(server())
      .get('/audit/events?stream=fund-62001-2018&type=PaymentRecorded,PaymentCorrected')
      .set(as('auditor'))
      .expect(200);
    const [original, correction] = history.body.items;
    expect(correction).toMatchObject({
      type: 'PaymentCorrected',
      data: { correctsEventId: original.eventId, previousCents: 4_000_00, correctedCents: 3_500_00 },
      metadata: { causationId: original.eventId },
    });
    const now = await request(server()).get(`${base}?consistentWith=${fixed.body.position}`).set(as('auditor')).expect(200);
    const then = await request(server()).get(`${base}?knownAt=${before}`).set(as('auditor')).expect(200);
    expect(now.body.paidCents).toBe(3_500_00);
    expect(then.body.paidCents).toBe(4_000_00);
    const commitments = await request(server()).get(`${base}/commitments`).set(as('auditor')).expect(200);
    expect(commitments.body.items.find((c: { commitmentId: string }) => c.commitmentId === 'c1').payments).toEqual([
      expect.objectContaining({ paymentId: 'p1', amountCents: 3_500_00, recordedCents: 4_000_00 }),
    ]);
  });

  it('exports an evidence bundle that verifies offline with the public key, and fails on every forgery', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ancrage-bundle-'));
    const manifest = await h.app.get(AuditService).exportBundle('62001', '2018-01-01T00:00:00Z', '2018-12-31T23:59:59.999Z', out);
    // 2018 for 62001: the envelope, three commitments (c3 undated: the clock's 20 December), a payment
    // and its correction (which holds from the payment's date).
    expect(manifest.eventCount).toBe(6);
    expect(manifest.files.map((f) => f.path)).toEqual(
      expect.arrayContaining(['events.jsonl', 'tree-head.json', 'read-models/fund-consumption/envelopes.csv']),
    );
    expect(verifyBundle(out, keys.publicKeyPem, '62001')).toMatchObject({ ok: true, eventCount: 6 });

    const forgery = (change: (dir: string) => void, expected: string | RegExp) => {
      const dir = mkdtempSync(join(tmpdir(), 'ancrage-forged-'));
      cpSync(out, dir, { recursive: true });
      change(dir);
      const verdict = verifyBundle(dir, keys.publicKeyPem, '62001');
      expect(verdict.ok).toBe(false);
      expect(verdict.problems.join('\n')).toMatch(expected);
    };
    const rewrite = (dir: string, file: string, edit: (text: string) => string) =>
      writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
    const resign = (dir: string, edit: (m: Record<string, unknown>) => void, key = keys.privateKeyPem) => {
      const { signature: _old, ...m } = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      edit(m);
      writeFileSync(
        join(dir, 'manifest.json'),
        JSON.stringify({ ...m, signature: sign(null, Buffer.from(canonicalJson(m)), key).toString('base64') }),
      );
    };
    const rehash = (dir: string) => (m: Record<string, unknown>) => {
      m.files = (m.files as { path: string }[]).map((f) => ({
        ...f,
        sha256: createHash('sha256')
          .update(readFileSync(join(dir, f.path)))
          .digest('hex'),
      }));
    };
    const other = generateSigningKeys();

    // A payment ×10 with its hash recomputed and the manifest rehashed (with the server's own key even).
    forgery((dir) => {
      rewrite(dir, 'events.jsonl', (text) =>
        text
          .split('\n')
          .map((line) => {
            if (!line.includes('PaymentRecorded')) return line;
            const e = JSON.parse(line) as RecordedEvent & { previousHash: string };
            (e.data as { amountCents: number }).amountCents *= 10;
            e.hash = chainHash(e.previousHash, e.position, e.streamVersion, e.metadata.recordedAt, payloadDigest(e, e.digestForm));
            return JSON.stringify(e);
          })
          .join('\n'),
      );
      resign(dir, rehash(dir));
    }, /is not proven included in the signed tree/);
    // An insider holding the server's key drops the payment and its correction, and re-signs everything:
    // the agency's event list the signed head commits to still names them.
    forgery((dir) => {
      rewrite(dir, 'events.jsonl', (text) =>
        text
          .split('\n')
          .filter((l) => !l.includes('Payment'))
          .join('\n'),
      );
      resign(dir, (m) => {
        rehash(dir)(m);
        m.eventCount = 4;
      });
    }, /the agency's event at position \d+ of the period is missing from the bundle/);
    // The agency's event list edited to leave them out too.
    forgery((dir) => {
      rewrite(dir, 'agency-index.json', (text) => {
        const index = JSON.parse(text) as { entries: [number, string, string][] };
        index.entries = index.entries.slice(0, -2);
        return JSON.stringify(index);
      });
      resign(dir, rehash(dir));
    }, /completeness not proven: the agency's event list does not fold to its entry/);
    // Events dropped, the manifest edited to match, but not re-signed.
    forgery((dir) => {
      rewrite(dir, 'events.jsonl', (text) =>
        text
          .split('\n')
          .filter((l) => !l.includes('PaymentRecorded'))
          .join('\n'),
      );
      rewrite(dir, 'manifest.json', (text) => text.replace('"eventCount": 6', '"eventCount": 5'));
    }, /manifest.json is not signed by this key/);
    // Events dropped without touching the manifest.
    forgery(
      (dir) =>
        rewrite(dir, 'events.jsonl', (text) =>
          text
            .split('\n')
            .filter((l) => !l.includes('PaymentRecorded'))
            .join('\n'),
        ),
      /events.jsonl does not match its hash/,
    );
    // A CSV edited, the manifest rehashed but signed by another key.
    forgery((dir) => {
      rewrite(dir, 'read-models/fund-consumption/envelopes.csv', (text) => text.replace('5000000', '9000000'));
      resign(dir, rehash(dir), other.privateKeyPem);
    }, /manifest.json is not signed by this key/);
    // The signature removed; the tree head removed; a head signed by another key.
    forgery(
      (dir) => rewrite(dir, 'manifest.json', (text) => text.replace(/"signature": "[^"]*"/, '"signature": ""')),
      /manifest.json is not signed/,
    );
    forgery((dir) => rmSync(join(dir, 'tree-head.json')), /tree-head.json is missing/);
    forgery((dir) => {
      const head = JSON.parse(readFileSync(join(dir, 'tree-head.json'), 'utf8')) as SignedTreeHead;
      writeFileSync(join(dir, 'tree-head.json'), JSON.stringify(signTreeHead(head, other.privateKeyPem)));
    }, /tree-head.json is missing or not signed by this key/);
    // Another agency's bundle, renamed.
    const another = mkdtempSync(join(tmpdir(), 'ancrage-bundle-62001-'));
    await h.app.get(AuditService).exportBundle('99999', '2018-01-01T00:00:00Z', '2018-12-31T23:59:59.999Z', another);
    expect(verifyBundle(another, keys.publicKeyPem, '62001').problems).toContain('the bundle is of agency 99999, not 62001');
    // An agency with no event at all: its absence from the signed index is proven by its neighbours.
    expect(verifyBundle(another, keys.publicKeyPem, '99999')).toMatchObject({ ok: true, eventCount: 0 });
  });
});
