import request from 'supertest';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { Harness, startApp } from '../support/app-harness';
import { userWithToken } from '../support/principals';

/** Employment basins over HTTP: registration, agencies in them, the lead agency of each shared partner, the basin view, past cuts and scope. */
describe('employment basins', () => {
  let h: Harness;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const server = () => h.app.getHttpServer();
  const head = () => h.app.get<EventStore>(EVENT_STORE).headPosition();
  const post = (path: string, who: string, body: object) => request(server()).post(path).set(as(who)).send(body);
  const get = (path: string, who: string) => request(server()).get(path).set(as(who));
  const agency = (safir: string, name: string, employmentBasin: string) =>
    post('/agencies', 'admin', { safir, name, region: '32', department: '62', employmentBasin, areaType: 'RURAL', openedOn: '2009-01-05' });

  beforeAll(async () => {
    h = await startApp();
    tokens.admin = await userWithToken(h.app, 'admin', [{ role: 'admin' }]);
    tokens.director = await userWithToken(h.app, 'direction-hdf', [{ role: 'director', regions: ['32'] }]);
    tokens.elsewhere = await userWithToken(h.app, 'direction-paca', [{ role: 'director', regions: ['93'] }]);
  });
  afterAll(() => h.close());

  it('registers basins with a checked code, name and departments, and refuses the rest naming the field, appending nothing', async () => {
    const before = await head();
    const refused: [object, number, string, string?][] = [
      [{ code: '321', name: 'x', departments: ['62'] }, 400, 'code'],
      [{ code: '3213', name: '', departments: ['62'] }, 400, 'name'],
      [{ code: '3213', name: 'x', departments: [] }, 400, 'departments'],
      [{ code: '3213', name: 'x', departments: ['6'] }, 400, 'departments'],
      [{ code: '9913', name: 'x', departments: ['62'] }, 422, 'code', 'UNKNOWN_REGION'],
      [{ code: '3213', name: 'x', departments: ['96'] }, 422, 'departments', 'UNKNOWN_DEPARTMENT'],
      [{ code: '3213', name: 'x', departments: ['75'] }, 422, 'departments', 'BASIN_OUTSIDE_REGION'],
    ];
    for (const [body, status, field, code] of refused) {
      const r = await post('/basins', 'admin', body).expect(status);
      expect({ field: r.body.fields?.[0]?.field, code: code && r.body.code }).toEqual({ field, code });
    }
    await post('/basins', 'director', { code: '3213', name: 'Berck – Montreuil', departments: ['62'] }).expect(403);
    expect(await head()).toBe(before);

    const registered = await post('/basins', 'admin', {
      code: '3213',
      name: 'Berck',
      departments: ['62'],
      registeredOn: '2009-01-01',
    }).expect(201);
    expect(registered.body).toMatchObject({ code: '3213', events: ['BasinRegistered'] });
    await post('/basins', 'admin', { code: '3213', name: 'Berck', departments: ['62'] }).expect(409);
    await request(server()).patch('/basins/3213').set(as('admin')).send({ name: 'Berck – Montreuil' }).expect(200);
    await post('/basins', 'admin', { code: '3203', name: 'Lens – Hénin', departments: ['62'], registeredOn: '2009-01-01' }).expect(201);
  });

  it('registers an agency only in a registered basin of its region', async () => {
    const before = await head();
    const unknown = await agency('62009', 'Étaples', '3299').expect(422);
    expect(unknown.body).toMatchObject({ code: 'BASIN_NOT_FOUND', fields: [{ field: 'employmentBasin' }] });
    expect(await head()).toBe(before);
    for (const [safir, name, basin] of [
      ['62001', 'Berck-sur-Mer', '3213'],
      ['62002', 'Montreuil', '3213'],
      ['62003', 'Lens', '3203'],
    ])
      await agency(safir, name, basin).expect(201);
    tokens.berck = await userWithToken(h.app, 'manager-62001', [{ role: 'manager', agencies: ['62001'] }]);
    tokens.lens = await userWithToken(h.app, 'manager-62003', [{ role: 'manager', agencies: ['62003'] }]);
  });

  it('shows the partners its agencies share, the lead agency of each from its day, their instances and joint campaigns', async () => {
    await post('/partners', 'admin', {
      partnerId: 'ml-montreuillois',
      name: 'Mission locale du Montreuillois',
      category: 'MISSION_LOCALE',
      scale: 'LOCAL',
    });
    await post('/partners', 'admin', { partnerId: 'cci-littoral', name: 'CCI Littoral', category: 'CHAMBER', scale: 'LOCAL' });
    tokens.montreuil = await userWithToken(h.app, 'manager-62002', [{ role: 'manager', agencies: ['62002'] }]);
    await post('/agencies/62001/partnerships/ml-montreuillois/contacts', 'berck', { kind: 'MEETING', date: '2017-02-06' }).expect(201);
    await post('/agencies/62002/partnerships/ml-montreuillois/contacts', 'montreuil', { kind: 'PHONE', date: '2017-03-14' }).expect(201);
    await post('/agencies/62003/partnerships/ml-montreuillois/contacts', 'lens', { kind: 'PHONE', date: '2017-03-15' }).expect(201);
    await post('/agencies/62001/partnerships/cci-littoral/contacts', 'berck', { kind: 'MEETING', date: '2017-04-03' }).expect(201);
    await post('/agencies/62001/instances', 'berck', {
      instanceId: 'spep-montreuillois',
      kind: 'SPEP_PROXIMITE',
      name: 'SPE de proximité du Montreuillois',
      memberPartnerIds: ['ml-montreuillois'],
      joinedOn: '2017-01-10',
    }).expect(201);
    await post('/agencies/62003/campaigns', 'lens', {
      campaignId: 'logistique-2017',
      name: 'Plateforme logistique',
      posts: 120,
      dedicatedAdvisers: 1,
      services: ['MRS'],
      startedOn: '2017-05-02',
    }).expect(201);
    await post('/agencies/62003/campaigns/logistique-2017/agencies', 'lens', { safir: '62002', joinedOn: '2017-05-10' }).expect(201);

    const before = await head();
    const refusals: [object, string, number, string][] = [
      [{ partnerId: 'ml-montreuillois', safir: '62003' }, 'director', 422, 'AGENCY_NOT_IN_BASIN'],
      [{ partnerId: 'ml-montreuillois', safir: '62099' }, 'director', 422, 'AGENCY_NOT_FOUND'],
      [{ partnerId: 'nobody', safir: '62002' }, 'director', 422, 'PARTNER_NOT_FOUND'],
      [{ partnerId: 'ml-montreuillois', safir: '62002', since: '2099-01-01' }, 'director', 422, 'FUTURE_DATE'],
      [{ partnerId: 'ml-montreuillois', safir: '62002' }, 'berck', 403, 'FORBIDDEN'],
      [{ partnerId: 'ml-montreuillois', safir: '62002' }, 'elsewhere', 403, 'FORBIDDEN'],
    ];
    for (const [body, who, status, code] of refusals)
      expect((await post('/basins/3213/leads', who, body).expect(status)).body.code).toBe(code);
    expect((await post('/basins/3299/leads', 'director', { partnerId: 'ml-montreuillois', safir: '62002' }).expect(404)).body.code).toBe(
      'BASIN_NOT_FOUND',
    );
    expect(await head()).toBe(before);

    const lead = { partnerId: 'ml-montreuillois', safir: '62002', note: 'siège à Montreuil', since: '2017-06-01' };
    const assigned = await post('/basins/3213/leads', 'director', lead).expect(201);
    expect(assigned.body.events).toEqual(['BasinLeadAgencyAssigned']);
    expect((await post('/basins/3213/leads', 'director', lead).expect(201)).body.events).toEqual([]);

    const view = await get(`/basins/3213?consistentWith=${assigned.body.position}`, 'berck').expect(200);
    expect(view.body).toMatchObject({
      code: '3213',
      name: 'Berck – Montreuil',
      region: '32',
      departments: [{ code: '62', name: 'Pas-de-Calais' }],
      agencies: [expect.objectContaining({ safir: '62001' }), expect.objectContaining({ safir: '62002' })],
      partners: [
        {
          partnerId: 'ml-montreuillois',
          name: 'Mission locale du Montreuillois',
          category: 'MISSION_LOCALE',
          agencies: ['62001', '62002'],
          leadSafir: '62002',
          leadSince: '2017-06-01',
          leadNote: 'siège à Montreuil',
        },
      ],
      instances: [{ safir: '62001', instanceId: 'spep-montreuillois', kind: 'SPEP_PROXIMITE', name: 'SPE de proximité du Montreuillois' }],
      campaigns: [
        { campaignId: 'logistique-2017', name: 'Plateforme logistique', leadSafir: '62003', agencies: ['62002'], closedOn: null },
      ],
    });

    // As of before the lead and the second agency's first contact, and as known before the lead was recorded.
    const march = await get('/basins/3213?asOf=2017-03-01', 'director').expect(200);
    expect(march.body).toMatchObject({
      partners: [],
      campaigns: [],
      instances: [expect.objectContaining({ instanceId: 'spep-montreuillois' })],
    });
    const known = await get(`/basins/3213?knownAt=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}`, 'director');
    expect(known.status).toBe(404);
    const april = (await get('/basins/3213?asOf=2017-04-30', 'director').expect(200)).body;
    expect(april.partners).toEqual([
      expect.objectContaining({ partnerId: 'ml-montreuillois', agencies: ['62001', '62002'], leadSafir: null }),
    ]);
  });

  it('lets the basin be read by its agencies’ managers and its region’s direction, and lists the basins', async () => {
    await get('/basins/3213', 'lens').expect(403);
    await get('/basins/3213', 'elsewhere').expect(403);
    expect((await get('/basins/3203', 'lens').expect(200)).body.campaigns).toEqual([expect.objectContaining({ agencies: ['62003'] })]);
    expect((await get('/basins/32xx', 'admin').expect(400)).body.fields[0].field).toBe('code');
    expect((await get('/basins/3299', 'admin').expect(404)).body.code).toBe('BASIN_NOT_FOUND');
    const list = await get('/basins?region=32', 'lens').expect(200);
    expect(list.body).toMatchObject({
      total: 2,
      items: [
        { code: '3203', name: 'Lens – Hénin', agencyCount: 1 },
        { code: '3213', name: 'Berck – Montreuil', agencyCount: 2 },
      ],
    });
    expect((await get('/basins?region=93', 'admin').expect(200)).body.total).toBe(0);
  });
});
