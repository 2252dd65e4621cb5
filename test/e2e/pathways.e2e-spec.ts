import request from 'supertest';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { Harness, startApp } from '../support/app-harness';
import { registerBasins, userWithToken } from '../support/principals';

/** Pathways in cohorts over HTTP (the study's « parcours senior »): reach and employment rate against targets, over time, as of a date. */
describe('pathways with cohorts and outcomes', () => {
  let h: Harness;
  let manager: string;
  let other: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const head = () => h.app.get<EventStore>(EVENT_STORE).headPosition();
  const post = (path: string, token: string, body: object) => request(h.app.getHttpServer()).post(path).set(as(token)).send(body);
  const get = (path: string, token: string) => request(h.app.getHttpServer()).get(path).set(as(token));
  const senior = '/agencies/62001/pathways/parcours-senior';

  beforeAll(async () => {
    h = await startApp();
    await registerBasins(h.app, { '3213': '62' });
    const admin = await userWithToken(h.app, 'admin', [{ role: 'admin' }]);
    await post('/agencies', admin, {
      safir: '62001',
      name: 'Berck-sur-Mer',
      region: '32',
      department: '62',
      employmentBasin: '3213',
      areaType: 'RURAL',
    }).expect(201);
    await post('/agencies', admin, {
      safir: '62002',
      name: 'Montreuil',
      region: '32',
      department: '62',
      employmentBasin: '3213',
      areaType: 'RURAL',
    }).expect(201);
    manager = await userWithToken(h.app, 'manager-62001', [{ role: 'manager', agencies: ['62001'] }]);
    other = await userWithToken(h.app, 'manager-62002', [{ role: 'manager', agencies: ['62002'] }]);
  });
  afterAll(() => h.close());

  it('counts the year’s cohorts against 60 people a year and 60% back in work, and draws the rate over time', async () => {
    await post('/agencies/62001/pathways', manager, {
      pathwayId: 'parcours-senior',
      name: 'Parcours senior',
      publics: ['seniors'],
      partnerIds: [],
      services: ['ACCOMPAGNEMENT_RENFORCE', 'PMSMP'],
      yearlyReachTarget: 60,
      employmentRateTarget: 0.6,
      openedOn: '2017-09-01',
    }).expect(201);
    for (const [cohortId, startedOn, entries] of [
      ['2018-01', '2018-01-08', 14],
      ['2018-05', '2018-05-14', 15],
    ] as const)
      await post(`${senior}/cohorts`, manager, { cohortId, startedOn, entries }).expect(201);
    await post(`${senior}/cohorts/2018-01/outcomes`, manager, { on: '2018-05-31', exits: 12, employment: 7, training: 2 }).expect(201);
    const last = await post(`${senior}/cohorts/2018-05/outcomes`, manager, {
      on: '2018-09-30',
      exits: 13,
      employment: 9,
      training: 1,
    }).expect(201);

    const year = await get(`/agencies/62001/pathways?year=2018&consistentWith=${last.body.position}`, manager).expect(200);
    expect(year.body.items[0]).toMatchObject({
      cohorts: 2,
      figures: { reach: 29, exits: 25, employment: 16, training: 3, employmentRate: 0.64 },
      reachShare: 0.483,
      employmentRateMet: true,
    });
    const june = await get('/agencies/62001/pathways?year=2018&asOf=2018-06-30', manager).expect(200);
    expect(june.body.items[0].figures).toMatchObject({ reach: 29, exits: 12, employment: 7, employmentRate: 0.583 });
    const detail = await get(senior, manager).expect(200);
    expect(detail.body.overTime.map((p: { on: string; employmentRate: number }) => [p.on, p.employmentRate])).toEqual([
      ['2018-05-31', 0.583],
      ['2018-09-30', 0.64],
    ]);
    expect(detail.body.cohortList.map((c: { cohortId: string }) => c.cohortId)).toEqual(['2018-01', '2018-05']);
  });

  it('refuses what a cohort cannot hold, naming the field, and appends nothing', async () => {
    const cases: [string, object, number, string, string | undefined][] = [
      [
        `${senior}/cohorts/2018-01/outcomes`,
        { on: '2018-10-31', exits: 15, employment: 1, training: 0 },
        422,
        'EXITS_EXCEED_ENTRIES',
        'exits',
      ],
      [
        `${senior}/cohorts/2018-01/outcomes`,
        { on: '2018-10-31', exits: 12, employment: 10, training: 3 },
        422,
        'OUTCOMES_EXCEED_EXITS',
        'employment',
      ],
      [
        `${senior}/cohorts/2018-01/outcomes`,
        { on: '2018-04-30', exits: 1, employment: 0, training: 0 },
        422,
        'DATE_BEFORE_LAST_OUTCOMES',
        'on',
      ],
      [`${senior}/cohorts/nope/outcomes`, { on: '2018-10-31', exits: 1, employment: 0, training: 0 }, 404, 'COHORT_NOT_FOUND', undefined],
      [`${senior}/cohorts`, { cohortId: '2018-01', entries: 12 }, 409, 'COHORT_EXISTS', 'cohortId'],
      [`${senior}/cohorts`, { cohortId: '2017-01', entries: 12, startedOn: '2017-01-09' }, 422, 'DATE_BEFORE_OPENING', 'startedOn'],
    ];
    for (const [path, body, status, code, field] of cases) {
      const before = await head();
      const r = await post(path, manager, body).expect(status);
      expect({ code: r.body.code, field: r.body.fields?.[0]?.field }).toEqual({ code, field });
      expect(await head()).toBe(before);
    }
    for (const [body, field] of [
      [{ cohortId: 'x', entries: 0 }, 'entries'],
      [{ cohortId: 'X Y', entries: 3 }, 'cohortId'],
    ] as const) {
      const r = await post(`${senior}/cohorts`, manager, body).expect(400);
      expect(r.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    const rate = await post('/agencies/62001/pathways', manager, {
      pathwayId: 'p2',
      name: 'x',
      publics: [],
      partnerIds: [],
      services: [],
      yearlyReachTarget: 10,
      employmentRateTarget: 60,
    }).expect(400);
    expect(rate.body.fields[0].field).toBe('employmentRateTarget');
  });

  it('keeps each manager to their agency', async () => {
    await post(`${senior}/cohorts`, other, { cohortId: 'z', entries: 3 }).expect(403);
    await get('/agencies/62001/pathways?year=2018', other).expect(403);
    await get('/agencies/62002/pathways/parcours-senior', other).expect(404);
  });
});
