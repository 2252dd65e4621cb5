import { CommandBus } from '@nestjs/cqrs';
import request from 'supertest';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { RegisterAgency } from '@ancrage/territory';
import { Harness, startApp } from '../support/app-harness';
import { registerBasins, userWithToken } from '../support/principals';

describe('partnerships and joint events over HTTP', () => {
  let h: Harness;
  let store: EventStore;
  const t: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${t[who]}` });
  const server = () => h.app.getHttpServer();
  const ml = '/agencies/62001/partnerships/ml-berck';
  const cap = '/agencies/62001/partnerships/cap-62';

  beforeAll(async () => {
    h = await startApp({}, () => new Date('2018-11-15T10:00:00Z'));
    await registerBasins(h.app, { '3214': '62', '9305': '06' });
    store = h.app.get(EVENT_STORE);
    const op = { actor: 'test', role: 'operator', correlationId: 's' };
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
        op,
      ),
    );
    t.manager = await userWithToken(h.app, 'claire', [{ role: 'manager', agencies: ['62001'] }]);
    t.director = await userWithToken(h.app, 'dir', [{ role: 'director', regions: ['32'] }]);
    t.auditor = await userWithToken(h.app, 'audrey', [{ role: 'auditor' }]);
  });
  afterAll(() => h.close());

  it('registers partners with their data·inclusion code, refusing bad categories and SIRETs, writing nothing then', async () => {
    const head = await store.headPosition();
    const bad1 = await request(server())
      .post('/partners')
      .set(as('manager'))
      .send({ partnerId: 'x', name: 'X', category: 'CIRCUS', scale: 'LOCAL' })
      .expect(400);
    expect(bad1.body.fields[0].field).toBe('category');
    const bad2 = await request(server())
      .post('/partners')
      .set(as('manager'))
      .send({ partnerId: 'x1', name: 'X', category: 'ASSOCIATION', scale: 'LOCAL', siret: '12345678901234' })
      .expect(400);
    expect(bad2.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'siret', codes: ['isSiret'] }] });
    await request(server())
      .post('/partners')
      .set(as('manager'))
      .send({ partnerId: 'x2', name: 'X', category: 'ASSOCIATION', scale: 'LOCAL', siret: '123' })
      .expect(400);
    await request(server())
      .post('/partners')
      .set(as('auditor'))
      .send({ partnerId: 'x3', name: 'X', category: 'ASSOCIATION', scale: 'LOCAL' })
      .expect(403);
    const nul = await request(server())
      .post('/partners')
      .set(as('manager'))
      .send({ partnerId: 'x4', name: 'X\u0000Y', category: 'ASSOCIATION', scale: 'LOCAL' })
      .expect(400);
    expect(nul.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'name', codes: ['noNulCharacter'] }] });
    expect(await store.headPosition()).toBe(head);

    await request(server())
      .post('/partners')
      .set(as('manager'))
      .send({ partnerId: 'ml-berck', name: 'Mission locale du Montreuillois', category: 'MISSION_LOCALE', scale: 'LOCAL' })
      .expect(201);
    await request(server())
      .post('/partners')
      .set(as('manager'))
      .send({ partnerId: 'cap-62', name: 'Cap emploi 62', category: 'CAP_EMPLOI', scale: 'DEPARTMENTAL', siret: '73282932000074' })
      .expect(201);
    const siae = await request(server())
      .post('/partners')
      .set(as('manager'))
      .send({ partnerId: 'etti-opale', name: 'ETTI Opale', category: 'SIAE', subkind: 'ETTI', scale: 'LOCAL' })
      .expect(201);
    const p = await request(server()).get(`/partners/etti-opale?consistentWith=${siae.body.position}`).set(as('auditor')).expect(200);
    expect(p.body).toMatchObject({ dataInclusionCode: 'ETTI', defaultCircle: 2 });
    // One establishment, one entry in the register.
    const headBefore = await store.headPosition();
    const twice = await request(server())
      .post('/partners')
      .set(as('manager'))
      .send({ partnerId: 'cap-62-bis', name: 'Cap emploi bis', category: 'CAP_EMPLOI', scale: 'LOCAL', siret: '73282932000074' })
      .expect(409);
    expect(twice.body).toMatchObject({ code: 'SIRET_REGISTERED', fields: [expect.objectContaining({ field: 'siret' })] });
    expect(await store.headPosition()).toBe(headBefore);
  });

  it('keeps a partner other agencies work with from a manager of another agency; its changes show in their history', async () => {
    const op = { actor: 'test', role: 'operator', correlationId: 's' };
    await h.app.get(CommandBus).execute(
      new RegisterAgency(
        {
          safir: '06001',
          name: 'Nice Nord',
          region: '93',
          department: '06',
          employmentBasin: '9305',
          areaType: 'URBAN',
          openedOn: '2009-01-01',
        },
        op,
      ),
    );
    t.nice = await userWithToken(h.app, 'nice', [{ role: 'manager', agencies: ['06001'] }]);
    t.director93 = await userWithToken(h.app, 'dir-93', [{ role: 'director', regions: ['93'] }]);
    await request(server())
      .post('/partners')
      .set(as('manager'))
      .send({ partnerId: 'afpa-93', name: 'AFPA PACA', category: 'TRAINING_BODY', subkind: 'AFPA', scale: 'REGIONAL' })
      .expect(201);
    const contact = await request(server())
      .post('/agencies/06001/partnerships/afpa-93/contacts')
      .set(as('nice'))
      .send({ kind: 'MEETING', date: '2018-05-02' })
      .expect(201);
    await request(server()).get(`/agencies/06001/partnerships?consistentWith=${contact.body.position}`).set(as('nice')).expect(200);

    const head = await store.headPosition();
    await request(server()).patch('/partners/afpa-93').set(as('manager')).send({ name: 'Renamed from Berck' }).expect(403);
    await request(server()).post('/partners/afpa-93/close').set(as('manager')).send({ reason: 'not mine' }).expect(403);
    await request(server()).patch('/partners/afpa-93').set(as('director')).send({ name: 'Renamed by region 32' }).expect(403);
    expect(await store.headPosition()).toBe(head);

    await request(server()).patch('/partners/afpa-93').set(as('nice')).send({ name: 'AFPA Provence-Alpes-Côte d’Azur' }).expect(200);
    const renamed = await request(server())
      .patch('/partners/afpa-93')
      .set(as('director93'))
      .send({ scale: 'REGIONAL', name: 'AFPA PACA (Nice)' })
      .expect(200);
    const history = await request(server()).get('/agencies/06001/timeline?limit=10').set(as('nice')).expect(200);
    expect(history.body.items.map((e: { type: string }) => e.type).slice(0, 3)).toEqual([
      'PartnerUpdated',
      'PartnerUpdated',
      'ContactLogged',
    ]);
    expect(history.body.items[0]).toMatchObject({ position: renamed.body.position, actor: 'dir-93' });
  });

  it('updates a partner partially: the fields not sent keep their value, a null SIRET removes it', async () => {
    const renamed = await request(server())
      .patch('/partners/cap-62')
      .set(as('manager'))
      .send({ name: 'Cap emploi Pas-de-Calais' })
      .expect(200);
    let p = await request(server()).get(`/partners/cap-62?consistentWith=${renamed.body.position}`).set(as('auditor')).expect(200);
    expect(p.body).toMatchObject({ name: 'Cap emploi Pas-de-Calais', scale: 'DEPARTMENTAL', siret: '73282932000074' });
    const same = await request(server()).patch('/partners/cap-62').set(as('manager')).send({ scale: 'DEPARTMENTAL' }).expect(200);
    expect(same.body).toMatchObject({ position: null, events: [] });
    const head = await store.headPosition();
    const bad = await request(server()).patch('/partners/cap-62').set(as('manager')).send({ siret: '73282932000075' }).expect(400);
    expect(bad.body.fields).toEqual([expect.objectContaining({ field: 'siret', codes: ['isSiret'] })]);
    expect(await store.headPosition()).toBe(head);
    const cleared = await request(server()).patch('/partners/cap-62').set(as('manager')).send({ siret: null }).expect(200);
    p = await request(server()).get(`/partners/cap-62?consistentWith=${cleared.body.position}`).set(as('auditor')).expect(200);
    expect(p.body).toMatchObject({ name: 'Cap emploi Pas-de-Calais', siret: null });
  });

  it('signs, refuses a second active signature and an end before the start, renews', async () => {
    const sign = {
      agreementId: 'conv-2016',
      reference: 'CONV-2016-12',
      scale: 'LOCAL',
      formal: true,
      objectives: ['COMPLEMENTARY_SERVICES', 'ANTICIPATION_OF_NEEDS'],
      startDate: '2016-01-01',
      endDate: '2018-12-31',
    };
    await request(server())
      .post(`${ml}/agreements`)
      .set(as('manager'))
      .send({ ...sign, services: ['ACCOMPAGNEMENT_INTENSIF_JEUNES', 'PMSMP'] })
      .expect(201);
    const head = await store.headPosition();
    const tarot = await request(server())
      .post(`${cap}/agreements`)
      .set(as('manager'))
      .send({ ...sign, services: ['PMSMP', 'TAROT'] })
      .expect(400);
    expect(tarot.body.fields[0].field).toBe('services');
    const again = await request(server())
      .post(`${ml}/agreements`)
      .set(as('manager'))
      .send({ ...sign, agreementId: 'conv-2018', startDate: '2018-06-01' })
      .expect(409);
    expect(again.body.code).toBe('AGREEMENT_ACTIVE');
    const backwards = await request(server())
      .post(`${cap}/agreements`)
      .set(as('manager'))
      .send({ ...sign, endDate: '2015-01-01' })
      .expect(422);
    expect(backwards.body.fields[0].field).toBe('endDate');
    await request(server())
      .post(`${cap}/agreements`)
      .set(as('manager'))
      .send({ ...sign, objectives: ['WORLD_PEACE'] })
      .expect(400);
    await request(server()).post(`${ml}/agreements/nope/renew`).set(as('manager')).send({ endDate: '2021-12-31' }).expect(404);
    expect(await store.headPosition()).toBe(head);
    const cap2017 = await request(server())
      .post(`${cap}/agreements`)
      .set(as('manager'))
      .send({ ...sign, agreementId: 'cap-2017', startDate: '2017-01-01', endDate: '2018-12-01' })
      .expect(201);
    const list = await request(server())
      .get(`/agencies/62001/partnerships?consistentWith=${cap2017.body.position}`)
      .set(as('manager'))
      .expect(200);
    const services = Object.fromEntries(
      list.body.items.map((p: { partnerId: string; agreementServices: string[] | null }) => [p.partnerId, p.agreementServices]),
    );
    expect(services).toMatchObject({ 'ml-berck': ['ACCOMPAGNEMENT_INTENSIF_JEUNES', 'PMSMP'], 'cap-62': [] });
  });

  it('assigns circles (a non-default one needs a reason), logs contacts and assessments', async () => {
    const noReason = await request(server()).put(`${cap}/circle`).set(as('manager')).send({ circle: 2 }).expect(422);
    expect(noReason.body).toMatchObject({ code: 'REASON_REQUIRED', fields: [{ field: 'reason' }] });
    await request(server()).put(`${cap}/circle`).set(as('manager')).send({ circle: 2, reason: 'peu de public commun' }).expect(200);
    for (const date of ['2018-02-10', '2018-05-03', '2018-09-20']) {
      await request(server())
        .post(`${ml}/contacts`)
        .set(as('manager'))
        .send({ kind: 'MEETING', date, participants: ['référente ML'] })
        .expect(201);
    }
    await request(server()).post(`${ml}/contacts`).set(as('manager')).send({ kind: 'TELEPATHY', date: '2018-01-01' }).expect(400);
    await request(server()).post(`${ml}/assessments`).set(as('manager')).send({ score: 2, assessedOn: '2017-12-15' }).expect(201);
    await request(server())
      .post(`${ml}/assessments`)
      .set(as('manager'))
      .send({ score: 4, assessedOn: '2018-06-30', criteria: { namedReferents: true, jointActions: true } })
      .expect(201);
    await request(server()).post(`${cap}/assessments`).set(as('manager')).send({ score: 5, assessedOn: '2018-06-30' }).expect(400);
    await request(server())
      .post(`${ml}/expectations`)
      .set(as('manager'))
      .send({ expectationId: 'e1', expectation: 'SHARED_KEY_DATA' })
      .expect(201);
    await request(server()).post(`${ml}/expectations/e1/addressed`).set(as('manager')).send({ note: 'tableau trimestriel' }).expect(201);
    const open = await request(server())
      .post(`${ml}/expectations`)
      .set(as('manager'))
      .send({ expectationId: 'e2', expectation: 'CONCERTED_RESPONSES', note: 'réponses communes aux entreprises' })
      .expect(201);
    const dir = await request(server())
      .get(`/agencies/62001/partnerships?consistentWith=${open.body.position}`)
      .set(as('manager'))
      .expect(200);
    const mlRow = dir.body.items.find((e: { partnerId: string }) => e.partnerId === 'ml-berck');
    expect(mlRow).toMatchObject({ openExpectations: 1, addressedExpectations: 1 });
    expect(
      mlRow.expectations.map((x: { expectationId: string; addressedNote: string | null; addressedAt: string | null }) => [
        x.expectationId,
        x.addressedNote,
        x.addressedAt === null,
      ]),
    ).toEqual([
      ['e1', 'tableau trimestriel', false],
      ['e2', null, true],
    ]);
  });

  it('plans and holds joint events with checked outcomes', async () => {
    const plan = {
      jointEventId: 'jd-2018-04',
      kind: 'JOB_DATING',
      date: '2018-04-12',
      title: 'Job dating saisonniers',
      partnerIds: ['ml-berck', 'etti-opale'],
      publics: ['jeunes'],
    };
    await request(server())
      .post('/agencies/62001/joint-events')
      .set(as('manager'))
      .send({ ...plan, partnerIds: ['nobody'] })
      .expect(422);
    const service = await request(server())
      .post('/agencies/62001/joint-events')
      .set(as('manager'))
      .send({ ...plan, services: ['MRS', 'TAROT'] })
      .expect(400);
    expect(service.body.fields[0].field).toBe('services');
    await request(server())
      .post('/agencies/62001/joint-events')
      .set(as('manager'))
      .send({ ...plan, services: ['MRS', 'INFORMATION_COLLECTIVE'] })
      .expect(201);
    const head = await store.headPosition();
    const over = await request(server())
      .post('/agencies/62001/joint-events/jd-2018-04/held')
      .set(as('manager'))
      .send({ outcomes: { jobSeekersPresent: 40, employersPresent: 6, candidatesPresented: 18, hires: 19 } })
      .expect(422);
    expect(over.body.fields[0].field).toBe('outcomes.hires');
    const negative = await request(server())
      .post('/agencies/62001/joint-events/jd-2018-04/held')
      .set(as('manager'))
      .send({ outcomes: { jobSeekersPresent: -1, employersPresent: 6, candidatesPresented: 18, hires: 12 } })
      .expect(400);
    expect(negative.body.fields[0].field).toBe('outcomes.jobSeekersPresent');
    expect(await store.headPosition()).toBe(head);
    await request(server())
      .post('/agencies/62001/joint-events/jd-2018-04/held')
      .set(as('manager'))
      .send({ outcomes: { jobSeekersPresent: 40, employersPresent: 6, candidatesPresented: 18, hires: 12 } })
      .expect(201);
    await request(server())
      .post('/agencies/62001/joint-events')
      .set(as('manager'))
      .send({ ...plan, jointEventId: 'forum-09', kind: 'FORUM', date: '2018-09-05', partnerIds: ['ml-berck'] })
      .expect(201);
    await request(server())
      .post('/agencies/62001/joint-events/forum-09/cancelled')
      .set(as('manager'))
      .send({ reason: 'salle indisponible' })
      .expect(201);
  });

  it('answers the directory, quality over time, circles, expiring agreements and the calendar', async () => {
    const pos = await store.headPosition();
    const dir = await request(server()).get(`/agencies/62001/partnerships?consistentWith=${pos}`).set(as('director')).expect(200);
    expect(dir.body.items.map((e: { partnerId: string; effectiveCircle: number }) => [e.partnerId, e.effectiveCircle])).toEqual([
      ['cap-62', 2],
      ['ml-berck', 1],
    ]);
    const active = await request(server())
      .get('/agencies/62001/partnerships?activeAgreement=true&category=MISSION_LOCALE')
      .set(as('manager'))
      .expect(200);
    expect(active.body.total).toBe(1);

    const q = await request(server())
      .get('/agencies/62001/partnerships/ml-berck/quality?from=2018-01&to=2018-10')
      .set(as('manager'))
      .expect(200);
    expect(q.body.formula).toContain('trailing 12 months');
    const june = q.body.series.find((m: { month: string }) => m.month === '2018-06');
    expect(june).toMatchObject({ latestScore: 4, contactsTrailing12: 2, jointEventsTrailing12: 1, agreementStatus: 'ACTIVE' });
    expect(june.parts).toEqual({ score: 50, contacts: 8.3, jointEvents: 7.5, agreement: 10 });
    expect(june.index).toBe(76);
    expect(q.body.series[0].latestScore).toBe(2);

    const circles = await request(server()).get('/agencies/62001/priority-circles').set(as('manager')).expect(200);
    expect(circles.body).toEqual([
      { circle: 1, partners: 1, partnerIds: ['ml-berck'] },
      { circle: 2, partners: 1, partnerIds: ['cap-62'] },
      { circle: 3, partners: 0, partnerIds: [] },
    ]);

    const matrix = await request(server()).get('/priority-circles/matrix?region=32').set(as('director')).expect(200);
    expect(matrix.body.categories.find((c: { category: string }) => c.category === 'MISSION_LOCALE')).toMatchObject({
      agencies: 1,
      priorityShare: 1,
      priorityAndGoodQualityShare: 1,
    });
    await request(server()).get('/priority-circles/matrix?region=11').set(as('director')).expect(403);

    const expiring = await request(server()).get('/agencies/62001/agreements/expiring').set(as('manager')).expect(200);
    expect(expiring.body.items.map((e: { agreementId: string }) => e.agreementId)).toEqual(['cap-2017', 'conv-2016']);
    const regional = await request(server()).get('/agreements/expiring?region=32&days=60').set(as('director')).expect(200);
    expect(regional.body.items.map((e: { safir: string; agreementId: string }) => [e.safir, e.agreementId])).toEqual([
      ['62001', 'cap-2017'],
      ['62001', 'conv-2016'],
    ]);
    await request(server()).get('/agreements/expiring?region=11').set(as('director')).expect(403);
    await request(server()).get('/agreements/expiring?region=32').set(as('manager')).expect(403);
    const calendar = await request(server()).get('/agencies/62001/joint-events').set(as('manager')).expect(200);
    expect(calendar.body.items.map((e: { status: string }) => e.status)).toEqual(['HELD', 'CANCELLED']);
    expect(calendar.body.items.map((e: { services: string[] }) => e.services)).toEqual([['MRS', 'INFORMATION_COLLECTIVE'], []]);
    expect(calendar.body.totals.all).toEqual({ events: 1, jobSeekersPresent: 40, employersPresent: 6, candidatesPresented: 18, hires: 12 });
    expect(calendar.body.totals.byPartner['etti-opale'].hires).toBe(12);

    const before = await request(server())
      .get('/agencies/62001/partnerships/ml-berck/quality?from=2017-12&to=2018-03&asOf=2018-03-31')
      .set(as('auditor'))
      .expect(200);
    expect(before.body.series[3]).toMatchObject({ month: '2018-03', latestScore: 2, contactsTrailing12: 1 });
  });

  it('refuses contacts with a closed partner', async () => {
    await request(server()).post('/partners/cap-62/close').set(as('manager')).send({ reason: 'fusion' }).expect(201);
    const res = await request(server()).post(`${cap}/contacts`).set(as('manager')).send({ kind: 'PHONE', date: '2018-11-01' }).expect(422);
    expect(res.body.code).toBe('PARTNER_CLOSED');
  });
});
