import request from 'supertest';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { Harness, startApp } from '../support/app-harness';
import { registerBasins, userWithToken } from '../support/principals';

describe('territory over HTTP', () => {
  let h: Harness;
  let admin: string;
  let manager: string;
  let director: string;
  let store: EventStore;
  const agency = { safir: '62001', name: 'Berck-sur-Mer', region: '32', department: '62', employmentBasin: '3214', areaType: 'RURAL' };

  beforeAll(async () => {
    h = await startApp();
    await registerBasins(h.app, { '3214': '62' });
    store = h.app.get(EVENT_STORE);
    admin = await userWithToken(h.app, 'admin', [{ role: 'admin' }]);
    director = await userWithToken(h.app, 'director-32', [{ role: 'director', regions: ['32'] }]);
  });
  afterAll(() => h.close());
  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  it('registers an agency and shows it to its manager and its regional director', async () => {
    const res = await request(h.app.getHttpServer())
      .post('/agencies')
      .set(as(admin))
      .send({ ...agency, openedOn: '2009-01-05' })
      .expect(201);
    expect(res.body).toMatchObject({ safir: '62001', events: ['AgencyRegistered'], position: expect.any(Number) });
    // A manager is granted registered agencies only: this one comes once 62001 is registered.
    manager = await userWithToken(h.app, 'manager-62001', [{ role: 'manager', agencies: ['62001'] }]);
    const seen = await request(h.app.getHttpServer())
      .get(`/agencies/62001?consistentWith=${res.body.position}`)
      .set(as(manager))
      .expect(200);
    expect(seen.body).toMatchObject({ ...agency, contextClass: null });
    const list = await request(h.app.getHttpServer()).get('/agencies').set(as(director)).expect(200);
    expect(list.body).toMatchObject({ total: 1, items: [expect.objectContaining({ safir: '62001' })] });
    await request(h.app.getHttpServer()).post('/agencies').set(as(admin)).send(agency).expect(409);
  });

  it('refuses bad agencies with 400 or 422 naming the field, and appends nothing', async () => {
    const head = await store.headPosition();
    const server = h.app.getHttpServer();
    const r1 = await request(server)
      .post('/agencies')
      .set(as(admin))
      .send({ ...agency, safir: '6200' })
      .expect(400);
    expect(r1.body.fields[0].field).toBe('safir');
    const r2 = await request(server)
      .post('/agencies')
      .set(as(admin))
      .send({ ...agency, safir: '62002', areaType: 'SUBURB' })
      .expect(400);
    expect(r2.body.fields[0].field).toBe('areaType');
    const r3 = await request(server)
      .post('/agencies')
      .set(as(admin))
      .send({ ...agency, safir: '62002', department: '13' })
      .expect(422);
    expect(r3.body).toMatchObject({ code: 'DEPARTMENT_NOT_IN_REGION', fields: [{ field: 'department' }] });
    const r4 = await request(server)
      .post('/agencies')
      .set(as(admin))
      .send({ ...agency, safir: '62002', employmentBasin: '1109' })
      .expect(422);
    expect(r4.body.fields[0].field).toBe('employmentBasin');
    const r5 = await request(server)
      .post('/agencies')
      .set(as(admin))
      .send({ ...agency, safir: '62002', region: '99', department: '99' })
      .expect(422);
    expect(r5.body.code).toBe('UNKNOWN_REGION');
    expect(await store.headPosition()).toBe(head);
  });

  it('classifies the revised context, explains it, and replays the earlier context as of a date', async () => {
    const server = h.app.getHttpServer();
    await request(server)
      .post('/agencies/62001/context')
      .set(as(manager))
      .send({
        effectiveDate: '2016-12-31',
        figures: { unemploymentRate: 7.1, longTermUnemploymentShare: 40, seasonalJobShare: 12, rsaShare: 5, qpv: false },
      })
      .expect(201);
    const second = await request(server)
      .post('/agencies/62001/context')
      .set(as(manager))
      .send({
        effectiveDate: '2017-12-31',
        figures: { unemploymentRate: 11.8, longTermUnemploymentShare: 47, seasonalJobShare: 21, rsaShare: 8.2, qpv: true },
        source: 'INSEE',
      })
      .expect(201);
    const now = await request(server).get(`/agencies/62001?consistentWith=${second.body.position}`).set(as(director)).expect(200);
    expect(now.body.contextClass).toBe('DIFFICULT');
    expect(now.body.classification.points.filter((p: { points: number }) => p.points > 0)).toHaveLength(6);
    const then = await request(server).get('/agencies/62001?asOf=2017-06-30').set(as(director)).expect(200);
    expect(then.body).toMatchObject({ contextEffectiveDate: '2016-12-31', contextClass: 'FAVOURABLE' });
  });

  it('refuses bad figures and keeps other agencies out of reach', async () => {
    const server = h.app.getHttpServer();
    const head = await store.headPosition();
    const bad = await request(server)
      .post('/agencies/62001/context')
      .set(as(manager))
      .send({
        effectiveDate: '2018-12-31',
        figures: { unemploymentRate: -1, longTermUnemploymentShare: 40, seasonalJobShare: 12, rsaShare: 5, qpv: false },
      })
      .expect(400);
    expect(bad.body.fields[0].field).toBe('figures.unemploymentRate');
    await request(server).post('/agencies/62001/context').set(as(manager)).send({ effectiveDate: '2018-12-31' }).expect(400);
    await request(server).post('/agencies/13002/context').set(as(manager)).send({}).expect(403);
    await request(server).get('/agencies/99999').set(as(admin)).expect(404);
    expect(await store.headPosition()).toBe(head);
  });
});
