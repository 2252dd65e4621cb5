import ExcelJS from 'exceljs';
import request from 'supertest';
import { CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { RegisterAgency } from '@ancrage/territory';
import { Harness, startApp, startPeer } from '../support/app-harness';
import { registerBasins, userWithToken } from '../support/principals';
import { binary } from '../support/binary';

const base = '/agencies/62001/fund/2018';
const commitment = (id: string, amountCents: number, extra: object = {}) => ({
  commitmentId: id,
  category: 'LOCAL_SERVICE_PURCHASE',
  route: 'PUBLIC_PROCUREMENT',
  amountCents,
  rationale: 'atelier image de soi',
  committedOn: '2018-02-15',
  ...extra,
});

// Late in the fund year: facts recorded without a date belong to 2018.
const clock = () => new Date('2018-12-20T10:00:00Z');

describe('the 5% fund over HTTP', () => {
  let h: Harness;
  let store: EventStore;
  const t: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${t[who]}` });
  const server = () => h.app.getHttpServer();

  beforeAll(async () => {
    // Late in the fund year: facts recorded without a date belong to 2018.
    h = await startApp({}, clock);
    await registerBasins(h.app, { '3214': '62', '3203': '62' });
    store = h.app.get(EVENT_STORE);
    const op = { actor: 'test', role: 'operator', correlationId: 'setup' };
    await h.app.get(CommandBus).execute(
      new RegisterAgency(
        {
          safir: '62001',
          name: 'Berck-sur-Mer',
          region: '32',
          department: '62',
          employmentBasin: '3214',
          areaType: 'RURAL',
          openedOn: '2009-01-05',
        },
        op,
      ),
    );
    await h.app.get(CommandBus).execute(
      new RegisterAgency(
        {
          safir: '62002',
          name: 'Boulogne',
          region: '32',
          department: '62',
          employmentBasin: '3203',
          areaType: 'URBAN',
          openedOn: '2009-01-05',
        },
        op,
      ),
    );
    t.admin = await userWithToken(h.app, 'admin', [{ role: 'admin' }]);
    t.manager = await userWithToken(h.app, 'manager', [{ role: 'manager', agencies: ['62001'] }]);
    t.director = await userWithToken(h.app, 'director-32', [{ role: 'director', regions: ['32'] }]);
    t.otherDirector = await userWithToken(h.app, 'director-93', [{ role: 'director', regions: ['93'] }]);
    t.national = await userWithToken(h.app, 'director-fr', [{ role: 'director', national: true }]);
    t.auditor = await userWithToken(h.app, 'auditor', [{ role: 'auditor' }]);
  });
  afterAll(() => h.close());

  it('lets the regional director allocate the envelope, not the manager nor the auditor', async () => {
    await request(server()).post(`${base}/envelope`).set(as('manager')).send({ amountCents: 100_000_00 }).expect(403);
    await request(server()).post(`${base}/envelope`).set(as('auditor')).send({ amountCents: 100_000_00 }).expect(403);
    await request(server()).post(`${base}/envelope`).set(as('otherDirector')).send({ amountCents: 100_000_00 }).expect(403);
    const res = await request(server())
      .post(`${base}/envelope`)
      .set(as('director'))
      .send({ amountCents: 100_000_00, allocatedOn: '2018-01-02' })
      .expect(201);
    expect(res.body.events).toEqual(['EnvelopeAllocated']);
    await request(server())
      .post('/agencies/62002/fund/2018/envelope')
      .set(as('admin'))
      .send({ amountCents: 50_000_00, allocatedOn: '2018-01-03' })
      .expect(201);
    await request(server()).post('/agencies/99999/fund/2018/envelope').set(as('admin')).send({ amountCents: 1 }).expect(404);
  });

  it('refuses bad input with 400 or 422 naming the field, and appends nothing', async () => {
    const head = await store.headPosition();
    const cases: [object, number, string][] = [
      [commitment('c-bad', -5), 400, 'amountCents'],
      [commitment('c-bad', 12.5), 400, 'amountCents'],
      [commitment('c-bad', '1000' as unknown as number), 400, 'amountCents'],
      [commitment('c-bad', 100, { category: 'CHOCOLATE' }), 400, 'category'],
      [commitment('c-bad', 100, { route: 'GIFT' }), 400, 'route'],
      [commitment('c-bad', 100, { committedOn: '14/03/2018' }), 400, 'committedOn'],
      [commitment('c-bad', 100, { category: 'DEROGATORY_MOBILITY_AID' }), 422, 'mobility'],
      [
        commitment('c-bad', 100, { mobility: { relaxedCriterion: 'WEATHER', leavesEmploymentBasin: true } }),
        400,
        'mobility.relaxedCriterion',
      ],
      [commitment('c-bad', 100_000_01), 422, 'amountCents'],
      [{ ...commitment('c-bad', 100), extra: 1 }, 400, 'extra'],
    ];
    for (const [body, status, field] of cases) {
      const res = await request(server()).post(`${base}/commitments`).set(as('manager')).send(body);
      expect({ field, status: res.status, fields: res.body.fields?.map((f: { field: string }) => f.field) }).toEqual({
        field,
        status,
        fields: expect.arrayContaining([field]),
      });
    }
    await request(server()).post('/agencies/62001/fund/20x8/commitments').set(as('manager')).send(commitment('c', 1)).expect(400);
    expect(await store.headPosition()).toBe(head);
  });

  it('never lets 20 concurrent commitments overspend the envelope together, across two API processes', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        request(server())
          .post('/agencies/62002/fund/2018/commitments')
          .set(as('admin'))
          .send(commitment(`race-${i}`, 10_000_00)),
      ),
    );
    // The admin may not record agency activity: all refused, nothing written.
    expect(attempts.every((r) => r.status === 403)).toBe(true);
    const t62002 = await userWithToken(h.app, 'manager-62002', [{ role: 'manager', agencies: ['62002'] }]);
    // Half the requests reach another process: within a process commands on one stream take
    // turns, between processes only the optimistic version check stands between them.
    const peer = await startPeer(h, clock);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        request(i % 2 ? peer.app.getHttpServer() : server())
          .post('/agencies/62002/fund/2018/commitments')
          .set('authorization', `Bearer ${t62002}`)
          .send(commitment(`race-${i}`, 10_000_00)),
      ),
    ).finally(() => peer.close());
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 422)).toHaveLength(15);
    const last = Math.max(...results.filter((r) => r.status === 201).map((r) => r.body.position));
    const view = await request(server()).get(`/agencies/62002/fund/2018?consistentWith=${last}`).set(as('director')).expect(200);
    expect(view.body).toMatchObject({ envelopeCents: 50_000_00, committedCents: 50_000_00, remainingCents: 0, commitments: 5 });
  });

  it('records a retried request once (Idempotency-Key)', async () => {
    const send = () =>
      request(server())
        .post(`${base}/commitments`)
        .set(as('manager'))
        .set('idempotency-key', 'req-77')
        .send(commitment('c-idem', 1_000_00));
    const first = await send().expect(201);
    const again = await send().expect(201);
    expect(again.body).toMatchObject({ position: first.body.position, replayed: true });
    const list = await request(server()).get(`${base}/commitments?consistentWith=${first.body.position}`).set(as('manager')).expect(200);
    expect(list.body.items.filter((c: { commitmentId: string }) => c.commitmentId === 'c-idem')).toHaveLength(1);

    // The key is bound to its request: another body, another route or another user is refused.
    const head = await store.headPosition();
    const otherBody = await request(server())
      .post(`${base}/commitments`)
      .set(as('manager'))
      .set('idempotency-key', 'req-77')
      .send(commitment('c-other', 2_000_00))
      .expect(422);
    expect(otherBody.body).toMatchObject({
      code: 'IDEMPOTENCY_KEY_MISMATCH',
      fields: [{ field: 'Idempotency-Key', codes: ['IDEMPOTENCY_KEY_MISMATCH'] }],
    });
    await request(server())
      .post(`${base}/over-commitment-requests`)
      .set(as('manager'))
      .set('idempotency-key', 'req-77')
      .send({ requestId: 'r-x', amountCents: 1, reason: 'x' })
      .expect(422);
    await request(server())
      .post(`${base}/over-commitment-authorisations`)
      .set(as('director'))
      .set('idempotency-key', 'req-77')
      .send({ amountCents: 1, reason: 'x' })
      .expect(422);
    await request(server())
      .post(`${base}/commitments`)
      .set(as('manager'))
      .set('idempotency-key', 'a key with spaces')
      .send(commitment('c-k', 1))
      .expect(400);
    expect(await store.headPosition()).toBe(head);
  });

  it('takes payments up to the commitment, releases the rest, and shows consumption with a forecast', async () => {
    const mobility = commitment('c-mob', 59_000_00, {
      category: 'DEROGATORY_MOBILITY_AID',
      route: 'SUBSIDY',
      mobility: { relaxedCriterion: 'MINIMUM_DISTANCE', leavesEmploymentBasin: true },
      committedOn: '2018-03-10',
    });
    await request(server()).post(`${base}/commitments`).set(as('manager')).send(mobility).expect(201);
    const paid = await request(server())
      .post(`${base}/commitments/c-mob/payments`)
      .set(as('manager'))
      .send({ paymentId: 'p1', amountCents: 20_000_00, paidOn: '2018-04-02' })
      .expect(201);
    const head = await store.headPosition();
    const over = await request(server())
      .post(`${base}/commitments/c-mob/payments`)
      .set(as('manager'))
      .send({ paymentId: 'p2', amountCents: 39_000_01 })
      .expect(422);
    expect(over.body).toMatchObject({ code: 'PAYMENT_EXCEEDS_COMMITMENT', fields: [{ field: 'amountCents' }] });
    await request(server())
      .post(`${base}/commitments/nope/payments`)
      .set(as('manager'))
      .send({ paymentId: 'p3', amountCents: 1 })
      .expect(404);
    expect(await store.headPosition()).toBe(head);

    // The view waits for the payment's position: projections follow the log, they do not block the write.
    const view = await request(server()).get(`${base}?asOf=2018-03-31&consistentWith=${paid.body.position}`).set(as('manager')).expect(200);
    expect(view.body).toMatchObject({
      committedCents: 60_000_00,
      paidCents: 0,
      mobilityCents: 59_000_00,
      mobilityLeavingBasinShare: 0.983,
    });
    // 60,000 € in 90 days: 666.67 €/day, so 100,000 € last 150 days from 1 January.
    expect(view.body.forecast).toMatchObject({ daysElapsed: 90, exhaustedBeforeYearEnd: true, projectedExhaustionDate: '2018-05-31' });
    expect(view.body.months[2]).toMatchObject({ month: '2018-03', committedCents: 60_000_00, remainingCents: 40_000_00 });

    const released = await request(server())
      .post(`${base}/commitments/c-mob/release`)
      .set(as('manager'))
      .send({ reason: 'fin de saison' })
      .expect(201);
    const after = await request(server()).get(`${base}?consistentWith=${released.body.position}`).set(as('auditor')).expect(200);
    expect(after.body).toMatchObject({
      committedCents: 21_000_00,
      paidCents: 20_000_00,
      releasedCents: 39_000_00,
      remainingCents: 79_000_00,
    });
  });

  it('answers "as known at" a past time, and lets a director authorise an over-commitment', async () => {
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 10));
    await request(server())
      .post(`${base}/over-commitment-authorisations`)
      .set(as('manager'))
      .send({ amountCents: 5_000_00, reason: 'x' })
      .expect(403);
    const auth = await request(server())
      .post(`${base}/over-commitment-authorisations`)
      .set(as('director'))
      .send({ amountCents: 5_000_00, reason: 'saison' })
      .expect(201);
    const now = await request(server()).get(`${base}?consistentWith=${auth.body.position}`).set(as('director')).expect(200);
    const then = await request(server()).get(`${base}?knownAt=${before}`).set(as('director')).expect(200);
    expect(now.body.authorisedOverCents).toBe(5_000_00);
    expect(then.body.authorisedOverCents).toBe(0);
  });

  it("takes a manager's over-commitment request to the region's inbox, where its director authorises or refuses it", async () => {
    const asked = await request(server())
      .post(`${base}/over-commitment-requests`)
      .set(as('manager'))
      .send({ requestId: 'r-1', amountCents: 2_000_00, reason: 'permis saisonniers', requestedOn: '2018-03-02' })
      .expect(201);
    expect(asked.body).toMatchObject({ requestId: 'r-1', events: ['OverCommitmentRequested'] });
    const second = await request(server())
      .post(`${base}/over-commitment-requests`)
      .set(as('manager'))
      .send({ requestId: 'r-2', amountCents: 9_000_00, reason: 'forum' })
      .expect(201);
    await request(server())
      .post(`${base}/over-commitment-requests`)
      .set(as('manager'))
      .send({ requestId: 'r-1', amountCents: 1, reason: 'again' })
      .expect(409);
    const inbox = await request(server())
      .get(`/fund/over-commitment-requests?region=32&status=PENDING&consistentWith=${second.body.position}`)
      .set(as('director'))
      .expect(200);
    expect(inbox.body.items.map((r: { requestId: string }) => r.requestId).sort()).toEqual(['r-1', 'r-2']);
    await request(server()).get('/fund/over-commitment-requests?region=32').set(as('otherDirector')).expect(403);

    const head = await store.headPosition();
    await request(server()).post(`${base}/over-commitment-requests/r-2/refusal`).set(as('manager')).send({ reason: 'non' }).expect(403);
    await request(server())
      .post(`${base}/over-commitment-authorisations`)
      .set(as('director'))
      .send({ amountCents: 1, reason: 'x', requestId: 'r-9' })
      .expect(404);
    expect(await store.headPosition()).toBe(head);

    const yes = await request(server())
      .post(`${base}/over-commitment-authorisations`)
      .set(as('director'))
      .send({ amountCents: 1_500_00, reason: 'accordé en partie', requestId: 'r-1', authorisedOn: '2018-03-05' })
      .expect(201);
    await request(server())
      .post(`${base}/over-commitment-requests/r-2/refusal`)
      .set(as('director'))
      .send({ reason: 'enveloppe régionale épuisée' })
      .expect(201);
    await request(server())
      .post(`${base}/over-commitment-requests/r-1/refusal`)
      .set(as('director'))
      .send({ reason: 'trop tard' })
      .expect(409);
    const mine = await request(server())
      .get(`${base}/over-commitment-requests?consistentWith=${yes.body.position + 1}`)
      .set(as('manager'))
      .expect(200);
    expect(
      mine.body.items
        .map((r: { requestId: string; status: string; authorisedCents: number | null }) => [r.requestId, r.status, r.authorisedCents])
        .sort(),
    ).toEqual([
      ['r-1', 'AUTHORISED', 1_500_00],
      ['r-2', 'REFUSED', null],
    ]);
    const march4 = await request(server()).get(`${base}/over-commitment-requests?asOf=2018-03-04`).set(as('manager')).expect(200);
    expect(march4.body.items.find((r: { requestId: string }) => r.requestId === 'r-1').status).toBe('PENDING');
  });

  it('rolls up a region for its director and the country for national directors, as JSON and CSV', async () => {
    const pos = await store.headPosition();
    const region = await request(server()).get(`/fund/rollup?year=2018&region=32&consistentWith=${pos}`).set(as('director')).expect(200);
    expect(region.body.total).toMatchObject({ envelopeCents: 150_000_00, agencies: 2 });
    expect(region.body.agencies.map((a: { safir: string }) => a.safir)).toEqual(['62001', '62002']);
    await request(server()).get('/fund/rollup?year=2018&region=32').set(as('otherDirector')).expect(403);
    await request(server()).get('/fund/rollup?year=2018').set(as('director')).expect(403);
    const csv = await request(server()).get('/fund/rollup?year=2018&format=csv').set(as('national')).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\n')[0]).toBe(
      'year,level,region,safir,envelopeCents,committedCents,paidCents,remainingCents,consumptionRate,mobilityCents,mobilityShare,mobilityLeavingBasinCents,mobilityLeavingBasinShare,authorisedOverCents,agencies,projectedExhaustionDate,exhaustedBeforeYearEnd',
    );
    await request(server()).get('/fund/rollup').set(as('national')).expect(400);

    // French Excel: asked by Accept-Language or ?locale=fr, which wins over the header.
    const french = await request(server())
      .get('/fund/rollup?year=2018&format=csv')
      .set(as('national'))
      .set('accept-language', 'fr-FR,fr;q=0.9,en;q=0.5')
      .buffer(true)
      .parse(binary)
      .expect(200);
    const bytes = french.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\n');
    expect(lines[0]).toMatch(/^Année;Niveau;Région \(code INSEE\);Agence \(code SAFIR\);Enveloppe \(€\);Engagé \(€\);/);
    const column = (header: string) => lines[0].split(';').indexOf(header);
    const total = lines.find((l) => l.split(';')[1] === 'Total')!.split(';');
    expect(total[column('Enveloppe (€)')]).toMatch(/^\d+,\d\d$/);
    expect(total[column('Taux de consommation (%)')]).toMatch(/^\d+(,\d)?$/);
    expect(total[column('Épuisée avant la fin de l’année')]).toBe('non');
    const english = await request(server())
      .get('/fund/rollup?year=2018&format=csv&locale=en')
      .set(as('national'))
      .set('accept-language', 'fr');
    expect(english.text.startsWith('year,level,region,')).toBe(true);
    await request(server()).get('/fund/rollup?year=2018&format=csv&locale=de').set(as('national')).expect(400);

    // The same table as a workbook: typed cells, French headers, the past it shows written on the sheet.
    const xlsx = await request(server())
      .get('/fund/rollup?year=2018&region=32&format=xlsx&asOf=2018-06-30')
      .set(as('director'))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="fund-rollup-2018-32.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(xlsx.body as Buffer).buffer);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('Fonds 5 % 2018');
    expect(sheet.getCell('A1').value).toBe('Consommation du fonds local (5 %) 2018 — Hauts-de-France');
    expect(sheet.getCell('A2').text).toMatch(/^Situation au 30\/06\/2018 — fichier produit le /);
    const headers = (sheet.getRow(4).values as unknown[]).slice(1);
    const envelope = headers.indexOf('Enveloppe (€)') + 1;
    const agencyRow = sheet.getRow(5);
    expect(agencyRow.getCell(headers.indexOf('Niveau') + 1).value).toBe('Agence');
    expect(agencyRow.getCell(headers.indexOf('Agence (code SAFIR)') + 1).value).toBe('62001');
    expect(typeof agencyRow.getCell(envelope).value).toBe('number');
    expect(agencyRow.getCell(envelope).numFmt).toBe('#,##0.00 "€"');
    await request(server()).get('/fund/rollup?year=2018&format=pdf').set(as('national')).expect(400);
  });

  it('lets one of two racing first uses of a key through: the same request is answered once, another is refused', async () => {
    const send = (key: string, id: string) =>
      request(server()).post(`${base}/commitments`).set(as('manager')).set('idempotency-key', key).send(commitment(id, 1_00));
    const head = await store.headPosition();
    const same = await Promise.all([send('race-same', 'c-race-same'), send('race-same', 'c-race-same')]);
    expect(same.map((r) => r.status)).toEqual([201, 201]);
    expect(same.map((r) => Boolean(r.body.replayed)).sort()).toEqual([false, true]);
    expect(same[0].body.position).toBe(same[1].body.position);
    const other = await Promise.all([send('race-other', 'c-race-a'), send('race-other', 'c-race-b')]);
    expect(other.map((r) => r.status).sort()).toEqual([201, 422]);
    expect(other.find((r) => r.status === 422)!.body.code).toBe('IDEMPOTENCY_KEY_MISMATCH');
    // Two commitments in all: one per key.
    expect(await store.headPosition()).toBe(head + 2);
  });

  it('refuses everything on a closed year', async () => {
    await request(server()).post(`${base}/close`).set(as('director')).send({ reason: 'clôture' }).expect(201);
    const res = await request(server()).post(`${base}/commitments`).set(as('manager')).send(commitment('c-late', 1)).expect(422);
    expect(res.body.code).toBe('YEAR_CLOSED');
  });
});
