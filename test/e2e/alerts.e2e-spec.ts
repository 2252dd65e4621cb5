import { CommandBus } from '@nestjs/cqrs';
import request from 'supertest';
import { ChangeUser, Grant, IssueApiToken } from '@ancrage/access';
import { DigestService } from '@ancrage/alerts';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { RegisterAgency } from '@ancrage/territory';
import { Harness, startApp, startPeer } from '../support/app-harness';
import { registerBasins } from '../support/principals';
import { startSmtpServer, SmtpServer } from '../support/smtp-server';

// Mid-June 2018, a Friday: the facts below make one alert of each kind for agency 62001.
const clock = () => new Date('2018-06-15T08:00:00Z');
const op = { actor: 'test', role: 'operator', correlationId: 'setup' };

describe('alerts and their e-mail digests', () => {
  let h: Harness;
  let smtp: SmtpServer;
  let peer: { close(): Promise<void>; app: Harness['app'] };
  let store: EventStore;
  const t: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${t[who]}` });
  const server = () => h.app.getHttpServer();
  const post = (path: string, who: string, body: object) => request(server()).post(path).set(as(who)).send(body);

  async function user(userId: string, displayName: string, email: string | null, grants: Grant[]) {
    const bus = h.app.get(CommandBus);
    await bus.execute(new ChangeUser(userId, { kind: 'register', userId, displayName, email }, op));
    for (const grant of grants) await bus.execute(new ChangeUser(userId, { kind: 'grant', grant }, op));
    t[userId] = (await bus.execute(new IssueApiToken(userId, 'test', null, op))).token;
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    const mail = { ANCRAGE_SMTP_HOST: '127.0.0.1', ANCRAGE_SMTP_PORT: String(smtp.port), ANCRAGE_PUBLIC_URL: 'https://ancrage.example.fr' };
    h = await startApp(mail, clock);
    await registerBasins(h.app, { '3201': '62', '9301': '13' });
    // A second API process on the same database, as behind a load balancer: both work the queues.
    peer = await startPeer(h, clock, mail);
    store = h.app.get(EVENT_STORE);
    const bus = h.app.get(CommandBus);
    for (const [safir, name, region] of [
      ['62001', 'Berck-sur-Mer', '32'],
      ['13002', 'Marseille Joliette', '93'],
    ])
      await bus.execute(
        new RegisterAgency(
          { safir, name, region, department: safir.slice(0, 2), employmentBasin: `${region}01`, areaType: 'URBAN', openedOn: '2009-01-01' },
          op,
        ),
      );
    await user('claire', 'Claire Martin', 'claire.martin@francetravail.fr', [{ role: 'manager', agencies: ['62001'] }]);
    await user('dir-hdf', 'Direction Hauts-de-France', 'direction.hdf@francetravail.fr', [{ role: 'director', regions: ['32'] }]);
    await user('dir-paca', 'Direction PACA', null, [{ role: 'director', regions: ['93'] }]);
    await user('audit', 'Audit', 'audit@francetravail.fr', [{ role: 'auditor' }]);
    await user('admin', 'Admin', null, [{ role: 'admin' }]);

    const a = '/agencies/62001';
    await post('/partners', 'claire', {
      partnerId: 'ml-berck',
      name: 'Mission locale du Montreuillois',
      category: 'MISSION_LOCALE',
      scale: 'LOCAL',
      registeredOn: '2016-01-04',
    }).expect(201);
    await post(`${a}/partnerships/ml-berck/agreements`, 'claire', {
      agreementId: 'conv-ml',
      reference: 'CONV-2016-01',
      scale: 'LOCAL',
      formal: true,
      objectives: ['COMPLEMENTARY_SERVICES'],
      startDate: '2016-01-01',
      endDate: '2018-07-31',
      signedOn: '2016-01-04',
    }).expect(201);
    await post(`${a}/partnerships/ml-berck/expectations`, 'claire', {
      expectationId: 'e-data',
      expectation: 'SHARED_KEY_DATA',
      recordedOn: '2018-03-01',
    }).expect(201);
    await post(`${a}/fund/2018/envelope`, 'dir-hdf', { amountCents: 10_000_00, allocatedOn: '2018-01-02' }).expect(201);
    await post(`${a}/fund/2018/commitments`, 'claire', {
      commitmentId: 'c-1',
      category: 'LOCAL_SERVICE_PURCHASE',
      route: 'PUBLIC_PROCUREMENT',
      amountCents: 7_000_00,
      rationale: 'ateliers',
      committedOn: '2018-03-01',
    }).expect(201);
    await post(`${a}/fund/2018/over-commitment-requests`, 'claire', {
      requestId: 'r-1',
      amountCents: 2_500_00,
      reason: 'forum de l’emploi saisonnier',
      requestedOn: '2018-06-01',
    }).expect(201);
    await post(`${a}/diagnostics/2018`, 'claire', { draftedOn: '2017-11-15' }).expect(201);
    await request(server())
      .put(`${a}/diagnostics/2018/sections/LABOUR_SUPPLY`)
      .set(as('claire'))
      .send({ text: 'Seniors nombreux parmi les demandeurs d’emploi', keyFigures: [], revisedOn: '2017-11-20' })
      .expect(200);
    await post(`${a}/diagnostics/2018/publish`, 'claire', {
      findings: [{ findingId: 'f-seniors', kind: 'NEED', title: 'Seniors éloignés de l’emploi' }],
      publishedOn: '2017-12-15',
    }).expect(201);
    await post(`${a}/action-plans/2018`, 'claire', { diagnosticYear: 2018, draftedOn: '2018-01-10' }).expect(201);
    await post(`${a}/action-plans/2018/priorities`, 'claire', {
      priorityId: 'p-seniors',
      title: 'Seniors',
      findingIds: ['f-seniors'],
    }).expect(201);
    await post(`${a}/action-plans/2018/actions`, 'claire', {
      actionId: 'a-seniors',
      priorityId: 'p-seniors',
      title: 'Parcours seniors',
      lever: 'INTENSIVE_SUPPORT',
      owner: 'équipe accompagnement',
      startDate: '2018-01-15',
      dueDate: '2018-05-31',
      indicator: { name: 'seniors accompagnés', unit: 'personnes', baseline: 0, target: 60 },
    }).expect(201);
    await post(`${a}/action-plans/2018/adopt`, 'claire', { date: '2018-01-20' }).expect(201);
  });

  afterAll(async () => {
    await peer.close();
    await h.close();
    await smtp.stop();
  });

  it("lists each user's alerts in their scope, soonest first, at any past date", async () => {
    const pos = await store.headPosition();
    const manager = await request(server()).get(`/me/alerts?consistentWith=${pos}`).set(as('claire')).expect(200);
    expect(manager.body.on).toBe('2018-06-15');
    expect(manager.body.counts).toEqual({
      OVER_COMMITMENT_PENDING: 1,
      AGREEMENT_EXPIRING: 1,
      ENVELOPE_RUNNING_OUT: 1,
      ACTION_LATE: 1,
      EXPECTATION_OPEN: 1,
    });
    expect(manager.body.items.map((a: { kind: string; on: string }) => [a.kind, a.on])).toEqual([
      ['EXPECTATION_OPEN', '2018-03-01'],
      ['ACTION_LATE', '2018-05-31'],
      ['OVER_COMMITMENT_PENDING', '2018-06-01'],
      ['AGREEMENT_EXPIRING', '2018-07-31'],
      ['ENVELOPE_RUNNING_OUT', expect.stringMatching(/^2018-(0[7-9]|1[0-2])-\d\d$/)],
    ]);
    expect(manager.body.items[0]).toMatchObject({ safir: '62001', subject: 'Mission locale du Montreuillois', code: 'SHARED_KEY_DATA' });
    expect(manager.body.items[3].path).toBe('/agence/62001/partenaires/ml-berck');

    const director = await request(server()).get('/me/alerts?kind=OVER_COMMITMENT_PENDING').set(as('dir-hdf')).expect(200);
    expect(director.body.items).toEqual([expect.objectContaining({ kind: 'OVER_COMMITMENT_PENDING', ref: 'r-1', amountCents: 2_500_00 })]);
    expect(director.body.total).toBe(1);
    // Another region's director, and an auditor (who acts on none), have nothing to act on.
    expect((await request(server()).get('/me/alerts').set(as('dir-paca')).expect(200)).body.total).toBe(0);
    expect((await request(server()).get('/me/alerts').set(as('audit')).expect(200)).body.total).toBe(0);

    // As of 1 April: the request, the late action and the agreement's end were not yet alerts.
    const april = await request(server()).get('/me/alerts?asOf=2018-04-01&agreementDays=30').set(as('claire')).expect(200);
    expect(april.body.items.map((a: { kind: string }) => a.kind)).toEqual(['EXPECTATION_OPEN', 'ENVELOPE_RUNNING_OUT']);
    // A shorter patience makes a younger expectation an alert.
    const strict = await request(server()).get('/me/alerts?asOf=2018-03-10&expectationDays=5').set(as('claire')).expect(200);
    expect(strict.body.counts.EXPECTATION_OPEN).toBe(1);

    const bad = await request(server()).get('/me/alerts?agreementDays=0&kind=SOMETHING').set(as('claire')).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['agreementDays', 'kind']);
  });

  it('lets each user choose their digest, and refuses one without an address, recording nothing', async () => {
    expect((await request(server()).get('/me/digest').set(as('claire')).expect(200)).body).toEqual({
      frequency: 'NONE',
      email: 'claire.martin@francetravail.fr',
    });
    const head = await store.headPosition();
    const refused = await request(server()).put('/me/digest').set(as('dir-paca')).send({ frequency: 'DAILY' }).expect(422);
    expect(refused.body).toMatchObject({ code: 'EMAIL_REQUIRED', fields: [expect.objectContaining({ field: 'email' })] });
    await request(server()).put('/me/digest').set(as('claire')).send({ frequency: 'HOURLY', email: 'pas-une-adresse' }).expect(400);
    expect(await store.headPosition()).toBe(head);

    await request(server()).put('/me/digest').set(as('claire')).send({ frequency: 'DAILY' }).expect(200);
    const again = await request(server()).put('/me/digest').set(as('claire')).send({ frequency: 'DAILY' }).expect(200);
    expect(again.body.events).toEqual([]);
    const dir = await request(server())
      .put('/me/digest')
      .set(as('dir-hdf'))
      .send({ frequency: 'DAILY', email: 'pilotage.hdf@francetravail.fr' })
      .expect(200);
    await request(server()).put('/me/digest').set(as('dir-paca')).send({ frequency: 'WEEKLY', email: 'paca@francetravail.fr' }).expect(200);
    await request(server()).put('/me/digest').set(as('audit')).send({ frequency: 'DAILY' }).expect(200);
    const mine = await request(server()).get(`/me/digest?consistentWith=${dir.body.position}`).set(as('dir-hdf')).expect(200);
    expect(mine.body).toEqual({ frequency: 'DAILY', email: 'pilotage.hdf@francetravail.fr' });
  });

  it('sends each daily digest once across two API processes and a retried run, in French, with links', async () => {
    await request(server()).post('/digests/runs').set(as('claire')).send({ cadence: 'DAILY' }).expect(403);
    await request(server()).post('/digests/runs').set(as('admin')).send({ cadence: 'HOURLY' }).expect(400);
    // Both processes start the day's run at once, as two crons would.
    const runs = await Promise.all([
      request(server()).post('/digests/runs').set(as('admin')).send({ cadence: 'DAILY' }),
      request(peer.app.getHttpServer()).post('/digests/runs').set(as('admin')).send({ cadence: 'DAILY' }),
    ]);
    expect(runs.map((r) => [r.status, r.body.period])).toEqual([
      [202, '2018-06-15'],
      [202, '2018-06-15'],
    ]);
    const decided = await waitForDeliveries(3);
    expect(decided.map((d) => [d.userId, d.status, d.alertCount])).toEqual([
      ['audit', 'NOT_DUE', 0],
      ['claire', 'SENT', 5],
      ['dir-hdf', 'SENT', 5],
    ]);

    const mails = await smtp.messages();
    expect(mails.map((m) => addresses(m.to)).sort()).toEqual(['claire.martin@francetravail.fr', 'pilotage.hdf@francetravail.fr']);
    const claire = mails.find((m) => addresses(m.to) === 'claire.martin@francetravail.fr')!;
    expect(claire.subject).toBe('Ancrage — 5 alertes à traiter');
    expect(claire.messageId).toBe('<digest.claire.2018-06-15@ancrage>');
    expect(claire.text).toContain('Bonjour Claire Martin,');
    expect(claire.text).toContain('Voici votre récapitulatif quotidien des alertes d’Ancrage au 15/06/2018.');
    expect(claire.text).toContain(
      'Berck-sur-Mer (62001) : la convention avec Mission locale du Montreuillois arrive à échéance le 31/07/2018. https://ancrage.example.fr/agence/62001/partenaires/ml-berck',
    );
    expect(claire.text).toMatch(/demande de dépassement de 2\s500,00\s€ sur l’enveloppe 2018, déposée le 01\/06\/2018/);
    expect(claire.text).toContain('l’action « Parcours seniors » est en retard (échéance le 31/05/2018)');
    expect(claire.text).toContain('Mission locale du Montreuillois attend « Partage des données clés du territoire » depuis le 01/03/2018');
    expect(claire.html).toContain('<a href="https://ancrage.example.fr/agence/62001/plan?annee=2018">Berck-sur-Mer (62001)</a>');
    expect(claire.html).toContain('lang="fr"');

    // The run again, on either process: every delivery is decided, nothing more is sent.
    await request(peer.app.getHttpServer()).post('/digests/runs').set(as('admin')).send({ cadence: 'DAILY' }).expect(202);
    await request(server()).post('/digests/runs').set(as('admin')).send({ cadence: 'DAILY' }).expect(202);
    await new Promise((r) => setTimeout(r, 3000));
    expect(await smtp.messages()).toHaveLength(2);
    const listed = await request(server()).get('/digests/deliveries?period=2018-06-15').set(as('audit')).expect(200);
    expect(listed.body.total).toBe(3);
    await request(server()).get('/digests/deliveries').set(as('claire')).expect(403);

    // The same delivery decided by both processes at once: one sends, the other finds it decided.
    const outcomes = await Promise.all([
      h.app.get(DigestService).deliver('claire', 'DAILY', '2018-06-16'),
      peer.app.get(DigestService).deliver('claire', 'DAILY', '2018-06-16'),
    ]);
    expect(outcomes.sort()).toEqual(['ALREADY_DECIDED', 'SENT']);
    expect(await smtp.messages()).toHaveLength(3);
    expect(await h.app.get(DigestService).deliver('claire', 'WEEKLY', '2018-W24')).toBe('NOT_DUE');
  });

  async function waitForDeliveries(count: number) {
    for (let i = 0; i < 100; i++) {
      const res = await request(server()).get('/digests/deliveries?period=2018-06-15').set(as('admin')).expect(200);
      const items = res.body.items as { userId: string; status: string; alertCount: number }[];
      if (items.length >= count && items.every((d) => d.status !== 'PENDING'))
        return items.sort((x, y) => x.userId.localeCompare(y.userId));
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('digest deliveries were not decided in time');
  }
});

const addresses = (to: unknown) =>
  [to]
    .flat()
    .flatMap((a) => (a as { value: { address: string }[] }).value.map((v) => v.address))
    .join(',');

describe('digests without an SMTP server', () => {
  it('are off, and say so', async () => {
    const h = await startApp({}, clock);
    try {
      await h.app
        .get(CommandBus)
        .execute(new ChangeUser('admin', { kind: 'register', userId: 'admin', displayName: 'A', email: null }, op));
      await h.app.get(CommandBus).execute(new ChangeUser('admin', { kind: 'grant', grant: { role: 'admin' } }, op));
      const { token } = await h.app.get(CommandBus).execute(new IssueApiToken('admin', 'test', null, op));
      const off = await request(h.app.getHttpServer())
        .post('/digests/runs')
        .set({ authorization: `Bearer ${token}` })
        .send({ cadence: 'WEEKLY' })
        .expect(409);
      expect(off.body.code).toBe('DIGESTS_OFF');
    } finally {
      await h.close();
    }
  });
});
