import request from 'supertest';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { ProjectionEngine } from '@ancrage/projections';
import { Harness, startApp } from '../support/app-harness';
import { registerBasins, userWithToken } from '../support/principals';

/**
 * Recruitment campaigns over HTTP, after the study's encadré 2 (6,000 applications for 600 posts,
 * two dedicated advisers) run jointly by agencies of two regions: figures to date per agency, the
 * totals over time and as of a date, who may do what, and bad input.
 */
describe('recruitment campaigns and multi-agency projects', () => {
  let h: Harness;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const server = () => h.app.getHttpServer();
  const head = () => h.app.get<EventStore>(EVENT_STORE).headPosition();
  const post = (path: string, who: string, body: object) => request(server()).post(path).set(as(who)).send(body);
  const get = (path: string, who: string) => request(server()).get(path).set(as(who));
  const lead = '/agencies/73001/campaigns/loisirs';

  beforeAll(async () => {
    h = await startApp();
    await registerBasins(h.app, { '8410': '73', '8402': '15', '9305': '06' });
    tokens.admin = await userWithToken(h.app, 'admin', [{ role: 'admin' }]);
    for (const [safir, name, region, department, basin] of [
      ['73001', 'Moûtiers', '84', '73', '8410'],
      ['73002', 'Bourg-Saint-Maurice', '84', '73', '8410'],
      ['15001', 'Aurillac', '84', '15', '8402'],
      ['06001', 'Nice Centre', '93', '06', '9305'],
    ]) {
      await post('/agencies', 'admin', { safir, name, region, department, employmentBasin: basin, areaType: 'RURAL' }).expect(201);
      tokens[safir] = await userWithToken(h.app, `manager-${safir}`, [{ role: 'manager', agencies: [safir] }]);
    }
    tokens.d84 = await userWithToken(h.app, 'director-84', [{ role: 'director', regions: ['84'] }]);
    tokens.d93 = await userWithToken(h.app, 'director-93', [{ role: 'director', regions: ['93'] }]);
    await post('/partners', 'admin', {
      partnerId: 'complexe-loisirs',
      name: 'Complexe de loisirs',
      category: 'EMPLOYER',
      scale: 'LOCAL',
    }).expect(201);
  });
  afterAll(() => h.close());

  it('runs a campaign led by one agency with others of two regions, and sums their figures to date', async () => {
    const launched = await post('/agencies/73001/campaigns', '73001', {
      campaignId: 'loisirs',
      name: 'Recrutements du complexe de loisirs',
      employerPartnerId: 'complexe-loisirs',
      startedOn: '2017-03-01',
      plannedEndOn: '2018-03-31',
      posts: 600,
      dedicatedAdvisers: 2,
      services: ['MRS', 'PMSMP', 'POE_COLLECTIVE', 'AFPR', 'MRS'],
    }).expect(201);
    expect(launched.body.campaignId).toBe('loisirs');
    await post(`${lead}/agencies`, '73001', { safir: '73002', joinedOn: '2017-04-01' }).expect(201);
    await post(`${lead}/agencies`, '73001', { safir: '06001', joinedOn: '2017-05-01' }).expect(201);
    await post(`${lead}/progress`, '73001', { on: '2017-06-30', applications: 2000, hires: 100 }).expect(201);
    await post('/agencies/73002/campaigns/loisirs/progress', '73002', { on: '2017-09-30', applications: 500, hires: 40 }).expect(201);
    await post(`${lead}/progress`, '73001', { on: '2017-12-31', applications: 5000, hires: 520 }).expect(201);
    const last = await post('/agencies/06001/campaigns/loisirs/progress', '06001', {
      on: '2018-01-15',
      applications: 500,
      hires: 40,
    }).expect(201);

    const detail = await get(`${lead}?consistentWith=${last.body.position}`, '73001').expect(200);
    expect(detail.body).toMatchObject({
      leadSafir: '73001',
      status: 'RUNNING',
      services: ['MRS', 'PMSMP', 'POE_COLLECTIVE', 'AFPR'],
      totals: { posts: 600, applications: 6000, hires: 600, fillRate: 1, applicationsPerPost: 10 },
    });
    expect(detail.body.agencies.map((a: { safir: string; role: string }) => `${a.safir}:${a.role}`)).toEqual([
      '73001:LEAD',
      '06001:PARTICIPANT',
      '73002:PARTICIPANT',
    ]);
    expect(detail.body.progress.map((p: { on: string; hires: number }) => [p.on, p.hires])).toEqual([
      ['2017-06-30', 100],
      ['2017-09-30', 140],
      ['2017-12-31', 560],
      ['2018-01-15', 600],
    ]);
    // As of 30 September 2017: the December and January figures were not yet the truth, and Nice had joined.
    const september = await get('/agencies/06001/campaigns/loisirs?asOf=2017-09-30', '06001').expect(200);
    expect(september.body.totals).toMatchObject({ applications: 2500, hires: 140 });
    await get('/agencies/06001/campaigns/loisirs?asOf=2017-04-15', '06001').expect(404);
  });

  it('lists the campaigns of an agency and of a director’s region, the other region’s agency included', async () => {
    const mine = await get('/agencies/73002/campaigns', '73002').expect(200);
    expect(mine.body).toMatchObject({ total: 1, items: [{ campaignId: 'loisirs', totals: { hires: 600 } }] });
    const south = await get('/campaigns?region=93', 'd93').expect(200);
    expect(south.body.items.map((c: { campaignId: string }) => c.campaignId)).toEqual(['loisirs']);
    expect((await get('/campaigns?region=84', 'd84').expect(200)).body.total).toBe(1);
    await get('/campaigns?region=84', 'd93').expect(403);
    expect((await get('/agencies/15001/campaigns', '15001').expect(200)).body.total).toBe(0);
    await get('/agencies/15001/campaigns/loisirs', '15001').expect(404);
    await get(lead, '15001').expect(403);
  });

  it('refuses what the rules refuse, naming the field, and appends nothing', async () => {
    const refusals: [string, string, object, number, string, string | undefined][] = [
      ['/agencies/73002/campaigns/loisirs/agencies', '73002', { safir: '15001' }, 422, 'NOT_THE_LEAD', undefined],
      [`${lead}/agencies`, '73001', { safir: '73002' }, 422, 'ALREADY_PARTICIPATING', 'safir'],
      [`${lead}/agencies`, '73001', { safir: '99999' }, 422, 'UNKNOWN_AGENCY', 'safir'],
      [
        '/agencies/73002/campaigns/loisirs/progress',
        '73002',
        { on: '2017-08-01', applications: 1, hires: 0 },
        422,
        'DATE_BEFORE_LAST_REPORT',
        'on',
      ],
      [`${lead}/progress`, '73001', { on: '2018-02-01', applications: 10, hires: 11 }, 422, 'HIRES_EXCEED_APPLICATIONS', 'hires'],
      [
        '/agencies/15001/campaigns/loisirs/progress',
        '15001',
        { on: '2018-02-01', applications: 1, hires: 0 },
        404,
        'CAMPAIGN_NOT_FOUND',
        undefined,
      ],
      [
        '/agencies/15001/campaigns',
        '15001',
        { campaignId: 'loisirs', name: 'x', posts: 1, dedicatedAdvisers: 0, services: [] },
        409,
        'CAMPAIGN_EXISTS',
        'campaignId',
      ],
      [
        '/agencies/15001/campaigns',
        '15001',
        { campaignId: 'c2', name: 'x', employerPartnerId: 'ghost', posts: 1, dedicatedAdvisers: 0, services: [] },
        422,
        'UNKNOWN_PARTNER',
        'employerPartnerId',
      ],
    ];
    for (const [path, who, body, status, code, field] of refusals) {
      const before = await head();
      const r = await post(path, who, body).expect(status);
      expect({ path, code: r.body.code, field: r.body.fields?.[0]?.field }).toEqual({ path, code, field });
      expect(await head()).toBe(before);
    }
  });

  it.each([
    [{ campaignId: 'c3', name: 'x', posts: 0, dedicatedAdvisers: 0, services: [] }, 'posts'],
    [{ campaignId: 'c3', name: 'x', posts: 10, dedicatedAdvisers: 0, services: ['SOMETHING'] }, 'services'],
    [{ campaignId: 'c3', name: 'x', posts: 10, dedicatedAdvisers: 1.5, services: [] }, 'dedicatedAdvisers'],
    [{ campaignId: 'c3', name: 'x', posts: 10, dedicatedAdvisers: 1, services: [], plannedEndOn: '2018-02-30' }, 'plannedEndOn'],
  ])('a launch with bad input is a 400 naming the field (%#)', async (body, field) => {
    const before = await head();
    const r = await post('/agencies/15001/campaigns', '15001', body).expect(400);
    expect(r.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await head()).toBe(before);
  });

  it('closes by the lead; a report dated after the close is refused, and the history names the campaign', async () => {
    await post('/agencies/73002/campaigns/loisirs/closed', '73002', { outcome: 'x' }).expect(422);
    await post(`${lead}/closed`, '73002', { outcome: 'x' }).expect(403);
    await post(`${lead}/closed`, '73001', { outcome: '600 postes pourvus', closedOn: '2018-03-31' }).expect(201);
    const after = await post(`${lead}/progress`, '73001', { on: '2018-04-10', applications: 6100, hires: 600 }).expect(422);
    expect(after.body.code).toBe('CAMPAIGN_CLOSED');
    await h.app.get(ProjectionEngine).waitFor(await head());
    expect((await get(lead, 'd84').expect(200)).body).toMatchObject({
      status: 'CLOSED',
      closedOn: '2018-03-31',
      outcome: '600 postes pourvus',
    });
    const history = await get('/agencies/06001/timeline?limit=5', '06001').expect(200);
    expect(history.body.items.map((e: { type: string }) => e.type)).toContain('CampaignProgressReported');
    expect(history.body.names['campaign:loisirs']).toBe('Recrutements du complexe de loisirs');
  });
});
