import request from 'supertest';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { ProjectionEngine } from '@ancrage/projections';
import { Harness, startApp } from '../support/app-harness';
import { registerBasins, userWithToken } from '../support/principals';

/** Anchoring profiles and the agency timeline over HTTP: placements, scope, and bad input. */
describe('anchoring profiles and the agency timeline', () => {
  let h: Harness;
  let admin: string;
  let director: string;
  let manager: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const get = (path: string, token: string) => request(h.app.getHttpServer()).get(path).set(as(token));

  beforeAll(async () => {
    h = await startApp();
    await registerBasins(h.app, { '3213': '62' });
    admin = await userWithToken(h.app, 'admin', [{ role: 'admin' }]);
    director = await userWithToken(h.app, 'director-32', [{ role: 'director', regions: ['32'] }]);
    const server = h.app.getHttpServer();
    await request(server)
      .post('/agencies')
      .set(as(admin))
      .send({ safir: '62001', name: 'Berck-sur-Mer', region: '32', department: '62', employmentBasin: '3213', areaType: 'RURAL' })
      .expect(201);
    manager = await userWithToken(h.app, 'manager-62001', [{ role: 'manager', agencies: ['62001'] }]);
    await request(server)
      .post('/agencies/62001/context')
      .set(as(manager))
      .send({
        effectiveDate: '2018-01-01',
        figures: { unemploymentRate: 9.6, longTermUnemploymentShare: 42, seasonalJobShare: 21, rsaShare: 6, qpv: false },
        source: 'INSEE',
      })
      .expect(201);
    await h.app.get(ProjectionEngine).waitFor(await h.app.get<EventStore>(EVENT_STORE).headPosition());
  });
  afterAll(() => h.close());

  it('places the agency with its context, indicators and levers', async () => {
    const list = await get('/anchoring-profiles?year=2018&region=32', director).expect(200);
    expect(list.body).toMatchObject({
      total: 1,
      byConfiguration: { STANDARD_INTERMEDIATE: 1 },
      rule: expect.stringContaining('proactive'),
    });
    const one = await get('/agencies/62001/anchoring-profile?year=2018', manager).expect(200);
    expect(one.body).toMatchObject({ configuration: 'STANDARD_INTERMEDIATE', context: 'INTERMEDIATE', proactivityScore: 0 });
    expect(one.body.criteria.every((c: { lever: string | null }) => c.lever)).toBe(true);
    const csv = await get('/anchoring-profiles?year=2018&region=32&format=csv', director).expect(200);
    expect(csv.text.split('\n')[1]).toContain('62001,Berck-sur-Mer,32,2018');
  });

  it('keeps each caller to their scope', async () => {
    await get('/anchoring-profiles?year=2018', director).expect(403);
    await get('/anchoring-profiles?year=2018&region=32', manager).expect(403);
    await get('/agencies/62002/timeline', manager).expect(403);
  });

  it('shows the agency history newest first, with who recorded it', async () => {
    const r = await get('/agencies/62001/timeline?limit=1', manager).expect(200);
    expect(r.body).toMatchObject({ total: 2, items: [{ type: 'TerritorialContextRevised', actor: 'manager-62001', role: 'manager' }] });
    const older = await get(`/agencies/62001/timeline?limit=1&before=${r.body.nextBefore}`, manager).expect(200);
    expect(older.body.items).toMatchObject([{ type: 'AgencyRegistered', actor: 'admin' }]);
    expect(older.body.nextBefore).toBeNull();
  });

  it.each([
    ['/anchoring-profiles?region=32', 'year'],
    ['/anchoring-profiles?year=2018&region=3', 'region'],
    ['/anchoring-profiles?year=2018&region=32&configuration=BRILLIANT', 'configuration'],
    ['/agencies/6200/anchoring-profile?year=2018', 'safir'],
    ['/agencies/62001/anchoring-profile?year=99', 'year'],
    ['/agencies/62001/timeline?limit=0', 'limit'],
    ['/agencies/62001/timeline?asOf=yesterday', 'asOf'],
  ])('%s is a 400 naming %s', async (path, field) => {
    const before = await h.app.get<EventStore>(EVENT_STORE).headPosition();
    const r = await get(path, admin).expect(400);
    expect(r.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await h.app.get<EventStore>(EVENT_STORE).headPosition()).toBe(before);
  });

  it('answers 404 for an agency it does not know', async () => {
    const r = await get('/agencies/99001/anchoring-profile?year=2018', admin).expect(404);
    expect(r.body.code).toBe('AGENCY_NOT_FOUND');
  });
});
