import request from 'supertest';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { Harness, startApp } from '../support/app-harness';
import { registerBasins, userWithToken } from '../support/principals';

/** Partnership referents over HTTP: named, reached, withdrawn, as of a date and as known then, scope and bad input. */
describe('the referents of a partnership', () => {
  let h: Harness;
  let manager: string;
  let other: string;
  let director: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const server = () => h.app.getHttpServer();
  const head = () => h.app.get<EventStore>(EVENT_STORE).headPosition();
  const send = (method: 'post' | 'patch', path: string, token: string, body: object) =>
    request(server())[method](path).set(as(token)).send(body);
  const post = (path: string, token: string, body: object) => send('post', path, token, body);
  const get = (path: string, token: string) => request(server()).get(path).set(as(token));
  const referents = '/agencies/62002/partnerships/ml-berck/referents';
  const camille = {
    referentId: 'camille-durand',
    side: 'PARTNER',
    name: 'Camille Durand',
    role: 'Chargée de relations entreprises',
    phone: '03 21 00 00 00',
    namedOn: '2017-09-04',
  };

  beforeAll(async () => {
    h = await startApp();
    await registerBasins(h.app, { '3213': '62', '9312': '06' });
    const admin = await userWithToken(h.app, 'admin', [{ role: 'admin' }]);
    for (const [safir, name, region, department, basin] of [
      ['62002', 'Berck-sur-Mer', '32', '62', '3213'],
      ['06001', 'Nice Centre', '93', '06', '9312'],
    ])
      await post('/agencies', admin, { safir, name, region, department, employmentBasin: basin, areaType: 'URBAN' }).expect(201);
    await post('/partners', admin, {
      partnerId: 'ml-berck',
      name: 'Mission locale de Berck',
      category: 'MISSION_LOCALE',
      scale: 'LOCAL',
    }).expect(201);
    await post('/partners', admin, {
      partnerId: 'old-assoc',
      name: 'Association dissoute',
      category: 'ASSOCIATION',
      scale: 'LOCAL',
    }).expect(201);
    await post('/partners/old-assoc/close', admin, { reason: 'dissoute' }).expect(201);
    manager = await userWithToken(h.app, 'manager-62002', [{ role: 'manager', agencies: ['62002'] }]);
    other = await userWithToken(h.app, 'manager-06001', [{ role: 'manager', agencies: ['06001'] }]);
    director = await userWithToken(h.app, 'director-32', [{ role: 'director', regions: ['32'] }]);
  });
  afterAll(() => h.close());

  it('names referents on both sides, lists those in office, and shows a change of contact', async () => {
    const named = await post(referents, manager, camille).expect(201);
    expect(named.body).toMatchObject({ referentId: 'camille-durand', replayed: false });
    await post(referents, manager, {
      referentId: 'agence-formation',
      side: 'AGENCY',
      name: 'Karim Benali',
      role: 'Conseiller référent formation',
      email: 'karim.benali@francetravail.fr',
    }).expect(201);
    const changed = await send('patch', `${referents}/camille-durand`, manager, {
      email: 'c.durand@ml-berck.fr',
      changedOn: '2018-01-08',
    }).expect(200);
    const list = await get(`/agencies/62002/referents?consistentWith=${changed.body.position}`, director).expect(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items).toEqual([
      expect.objectContaining({ side: 'AGENCY', name: 'Karim Benali', phone: null, email: 'karim.benali@francetravail.fr' }),
      expect.objectContaining({
        side: 'PARTNER',
        name: 'Camille Durand',
        phone: '03 21 00 00 00',
        email: 'c.durand@ml-berck.fr',
        namedOn: '2017-09-04',
      }),
    ]);
  });

  it('answers as of a date and as known at an instant: a referent named late was there as of the date, not as known before', async () => {
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const late = await post(referents, manager, { ...camille, referentId: 'late', name: 'Nommée tard', namedOn: '2017-06-01' }).expect(201);
    const asOf = await get(
      `/agencies/62002/referents?partnerId=ml-berck&asOf=2017-12-31&consistentWith=${late.body.position}`,
      manager,
    ).expect(200);
    // Camille's e-mail came in 2018; the late one counted since June 2017.
    expect(asOf.body.items.map((r: { referentId: string; email: string | null }) => [r.referentId, r.email])).toEqual([
      ['camille-durand', null],
      ['late', null],
    ]);
    const known = await get(`/agencies/62002/referents?partnerId=ml-berck&asOf=2017-12-31&knownAt=${before}`, manager).expect(200);
    expect(known.body.items.map((r: { referentId: string }) => r.referentId)).toEqual(['camille-durand']);
    await get('/agencies/62002/referents?asOf=2017-05-31', manager)
      .expect(200)
      .expect((r) => expect(r.body.total).toBe(0));
  });

  it('withdraws a referent: gone from the list, kept with includeWithdrawn, and changed no more', async () => {
    const r = await post(`${referents}/late/withdrawn`, manager, {
      reason: 'a quitté la Mission locale',
      withdrawnOn: '2018-03-30',
    }).expect(201);
    const list = await get(`/agencies/62002/referents?consistentWith=${r.body.position}`, manager).expect(200);
    expect(list.body.items.map((x: { referentId: string }) => x.referentId)).not.toContain('late');
    const all = await get('/agencies/62002/referents?includeWithdrawn=true', manager).expect(200);
    expect(all.body.items).toContainEqual(
      expect.objectContaining({ referentId: 'late', withdrawnOn: '2018-03-30', withdrawReason: 'a quitté la Mission locale' }),
    );
    const again = await send('patch', `${referents}/late`, manager, { role: 'x' }).expect(422);
    expect(again.body.code).toBe('REFERENT_WITHDRAWN');
  });

  it('refuses what the rules refuse with the field named, and appends nothing then', async () => {
    const refusals: [string, 'post' | 'patch', object, number, string, string | undefined][] = [
      [referents, 'post', camille, 409, 'REFERENT_EXISTS', 'referentId'],
      [referents, 'post', { ...camille, referentId: 'nobody', phone: undefined }, 422, 'REFERENT_UNREACHABLE', 'email'],
      ['/agencies/62002/partnerships/ghost/referents', 'post', { ...camille, referentId: 'g' }, 404, 'PARTNER_NOT_FOUND', undefined],
      ['/agencies/62002/partnerships/old-assoc/referents', 'post', { ...camille, referentId: 'g' }, 422, 'PARTNER_CLOSED', undefined],
      [`${referents}/camille-durand`, 'patch', { role: 'x', changedOn: '2017-01-01' }, 422, 'DATE_BEFORE_NAMING', 'changedOn'],
      [`${referents}/camille-durand`, 'patch', { phone: null, email: null }, 422, 'REFERENT_UNREACHABLE', 'email'],
      [`${referents}/constructor`, 'patch', { role: 'x' }, 404, 'REFERENT_NOT_FOUND', undefined],
    ];
    for (const [path, method, body, status, code, field] of refusals) {
      const before = await head();
      const r = await send(method, path, manager, body).expect(status);
      expect({ code: r.body.code, field: r.body.fields?.[0]?.field }).toEqual({ code, field });
      expect(await head()).toBe(before);
    }
  });

  it.each([
    [{ ...camille, referentId: 'A B' }, 'referentId'],
    [{ ...camille, side: 'BOTH' }, 'side'],
    [{ ...camille, name: '' }, 'name'],
    [{ ...camille, phone: '12345' }, 'phone'],
    [{ ...camille, email: 'pas-une-adresse' }, 'email'],
    [{ ...camille, namedOn: '2018-02-30' }, 'namedOn'],
  ])('a referent with bad input is a 400 naming the field (%#)', async (body, field) => {
    const before = await head();
    const r = await post(referents, manager, body).expect(400);
    expect(r.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await head()).toBe(before);
  });

  it('keeps each caller to their scope', async () => {
    await post(referents, other, { ...camille, referentId: 'x' }).expect(403);
    await post(`${referents}/camille-durand/withdrawn`, director, { reason: 'x' }).expect(403);
    await get('/agencies/62002/referents', other).expect(403);
  });
});
