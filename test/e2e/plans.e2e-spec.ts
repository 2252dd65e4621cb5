import { CommandBus } from '@nestjs/cqrs';
import request from 'supertest';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { RegisterAgency } from '@ancrage/territory';
import { Harness, startApp } from '../support/app-harness';
import { registerBasins, userWithToken } from '../support/principals';

describe('territorial diagnostic and action plan over HTTP', () => {
  let h: Harness;
  let store: EventStore;
  const t: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${t[who]}` });
  const server = () => h.app.getHttpServer();
  const diag = '/agencies/62001/diagnostics/2018';
  const plan = '/agencies/62001/action-plans/2018';
  const action = {
    actionId: 'a-seniors',
    priorityId: 'p-seniors',
    title: 'Parcours seniors',
    lever: 'INTENSIVE_SUPPORT',
    owner: 'équipe accompagnement',
    startDate: '2018-01-01',
    dueDate: '2018-12-31',
    indicator: { name: 'seniors accompagnés', unit: 'personnes', baseline: 0, target: 60 },
  };

  beforeAll(async () => {
    h = await startApp({}, () => new Date('2018-07-15T10:00:00Z'));
    await registerBasins(h.app, { '3214': '62', '3203': '62' });
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
    await h.app.get(CommandBus).execute(
      new RegisterAgency(
        {
          safir: '62002',
          name: 'Boulogne',
          region: '32',
          department: '62',
          employmentBasin: '3203',
          areaType: 'URBAN',
          openedOn: '2009-01-01',
        },
        op,
      ),
    );
    t.manager = await userWithToken(h.app, 'claire', [{ role: 'manager', agencies: ['62001'] }]);
    t.director = await userWithToken(h.app, 'dir', [{ role: 'director', regions: ['32'] }]);
  });
  afterAll(() => h.close());

  it('drafts, revises, records participation and publishes a diagnostic; a later change needs a reason', async () => {
    await request(server()).post(diag).set(as('manager')).expect(201);
    const section = {
      text: 'Forte saisonnalité, emplois touristiques',
      keyFigures: [{ label: 'emplois saisonniers', value: 21, unit: '%', source: 'INSEE' }],
    };
    await request(server()).put(`${diag}/sections/LABOUR_DEMAND`).set(as('manager')).send(section).expect(200);
    await request(server()).put(`${diag}/sections/WEATHER`).set(as('manager')).send(section).expect(400);
    const badFigure = await request(server())
      .put(`${diag}/sections/LABOUR_SUPPLY`)
      .set(as('manager'))
      .send({ text: 't', keyFigures: [{ label: 'x', value: 'beaucoup', unit: '%', source: 's' }] })
      .expect(400);
    expect(badFigure.body.fields[0].field).toBe('keyFigures.0.value');
    await request(server())
      .put(`${diag}/participation`)
      .set(as('manager'))
      .send({ internalTeams: ['équipe entreprises'], partners: [{ partnerId: 'ml-berck', involvement: 'CO_CONSTRUCTED' }] })
      .expect(200);
    await request(server()).post(`${diag}/publish`).set(as('manager')).send({ findings: [] }).expect(400);
    await request(server())
      .post(`${diag}/publish`)
      .set(as('manager'))
      .send({
        findings: [
          { findingId: 'f-seniors', kind: 'NEED', title: 'Seniors éloignés de l’emploi' },
          { findingId: 'f-mobilite', kind: 'RISK', title: 'Mobilité' },
        ],
      })
      .expect(201);
    const frozen = await request(server())
      .put(`${diag}/sections/ASSETS`)
      .set(as('manager'))
      .send({ text: 'Tissu associatif', keyFigures: [] })
      .expect(422);
    expect(frozen.body.fields[0].field).toBe('reason');
    const rev = await request(server())
      .put(`${diag}/sections/LABOUR_DEMAND`)
      .set(as('manager'))
      .send({
        text: 'Saisonnalité en hausse',
        keyFigures: [{ label: 'emplois saisonniers', value: 23, unit: '%', source: 'INSEE' }],
        reason: 'chiffres 2017',
      })
      .expect(200);
    const history = await request(server())
      .get(`${diag}/revisions?from=1&to=2&consistentWith=${rev.body.position}`)
      .set(as('director'))
      .expect(200);
    expect(history.body.total).toBe(2);
    expect(history.body.comparison).toEqual([
      expect.objectContaining({
        section: 'LABOUR_DEMAND',
        fromRevision: 1,
        toRevision: 2,
        reason: 'chiffres 2017',
        keyFigureChanges: [
          expect.objectContaining({
            label: 'emplois saisonniers',
            before: expect.objectContaining({ value: 21 }),
            after: expect.objectContaining({ value: 23 }),
          }),
        ],
      }),
    ]);
    const level = await request(server()).get('/diagnostics/co-construction?region=32').set(as('director')).expect(200);
    expect(level.body).toMatchObject({
      shareCoConstructed: 1,
      items: [expect.objectContaining({ safir: '62001', coConstruction: 'CO_CONSTRUCTED' })],
    });
  });

  it('builds the plan on the diagnostic: priorities must cite its findings, refusals write nothing', async () => {
    await request(server()).post('/agencies/62001/action-plans/2019').set(as('manager')).send({ diagnosticYear: 2019 }).expect(422);
    await request(server()).post(plan).set(as('manager')).send({ diagnosticYear: 2018, draftedOn: '2018-01-20' }).expect(201);
    const head = await store.headPosition();
    const none = await request(server())
      .post(`${plan}/priorities`)
      .set(as('manager'))
      .send({ priorityId: 'p-x', title: 'x', findingIds: [] })
      .expect(400);
    expect(none.body.fields[0].field).toBe('findingIds');
    const foreign = await request(server())
      .post(`${plan}/priorities`)
      .set(as('manager'))
      .send({ priorityId: 'p-x', title: 'x', findingIds: ['f-unknown'] })
      .expect(422);
    expect(foreign.body.code).toBe('UNKNOWN_FINDING');
    await request(server())
      .post(`${plan}/actions`)
      .set(as('manager'))
      .send({ ...action, priorityId: 'p-none' })
      .expect(422);
    await request(server())
      .post(`${plan}/actions`)
      .set(as('manager'))
      .send({ ...action, lever: 'MAGIC' })
      .expect(400);
    const service = await request(server())
      .post(`${plan}/actions`)
      .set(as('manager'))
      .send({ ...action, services: ['AIF', 'COACHING'] })
      .expect(400);
    expect(service.body.fields[0].field).toBe('services');
    await request(server())
      .post(`${plan}/actions`)
      .set(as('manager'))
      .send({ ...action, indicator: { ...action.indicator, target: 'soixante' } })
      .expect(400);
    expect(await store.headPosition()).toBe(head);

    await request(server())
      .post(`${plan}/priorities`)
      .set(as('manager'))
      .send({ priorityId: 'p-seniors', title: 'Seniors', findingIds: ['f-seniors'] })
      .expect(201);
    await request(server()).post(`${plan}/actions`).set(as('manager')).send(action).expect(201);
    const outside = await request(server())
      .post(`${plan}/actions`)
      .set(as('manager'))
      .send({ ...action, actionId: 'a-2', dueDate: '2019-03-31' })
      .expect(422);
    expect(outside.body.fields[0].field).toBe('dueDateReason');
    await request(server())
      .post(`${plan}/actions`)
      .set(as('manager'))
      .send({
        ...action,
        actionId: 'a-job-dating',
        title: 'Job datings saisonniers',
        lever: 'EMPLOYER_PROSPECTING_AND_PROFILE_PROMOTION',
        indicator: { name: 'recrutements', unit: 'personnes', baseline: 0, target: 100 },
        services: ['MRS', 'PMSMP', 'MRS'],
      })
      .expect(201);
    await request(server()).post(`${plan}/adopt`).set(as('manager')).send({ date: '2018-02-15' }).expect(201);
  });

  it('tracks progress against targets and elapsed time, month by month, and says what is late', async () => {
    await request(server()).post(`${plan}/actions/a-seniors/progress`).set(as('manager')).send({ value: 18, on: '2018-03-31' }).expect(201);
    const between = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 15));
    await request(server())
      .post(`${plan}/actions/a-seniors/progress`)
      .set(as('manager'))
      .send({ value: 36, on: '2018-06-30', comment: '60% de retour à l’emploi' })
      .expect(201);
    const last = await request(server())
      .post(`${plan}/actions/a-job-dating/progress`)
      .set(as('manager'))
      .send({ value: 10, on: '2018-06-30' })
      .expect(201);
    const view = await request(server()).get(`${plan}?consistentWith=${last.body.position}`).set(as('director')).expect(200);
    expect(view.body.formula).toContain('on track');
    const seniors = view.body.actions.find((a: { actionId: string }) => a.actionId === 'a-seniors');
    expect(seniors).toMatchObject({ latestValueOnDate: 36, reached: 0.6, onTrack: true, late: false });
    expect(view.body.actions.find((a: { actionId: string }) => a.actionId === 'a-job-dating')).toMatchObject({
      reached: 0.1,
      late: true,
      services: ['MRS', 'PMSMP'],
    });
    expect(view.body.actions.find((a: { actionId: string }) => a.actionId === 'a-seniors').services).toEqual([]);
    expect(view.body.plan).toMatchObject({ reached: 0.35, late: 1 });
    expect(view.body.months.map((m: { month: string }) => m.month)).toHaveLength(7);
    expect(view.body.months[2]).toMatchObject({ month: '2018-03' });
    // As it was known before the June report was recorded.
    const known = await request(server()).get(`${plan}?knownAt=${between}`).set(as('director')).expect(200);
    expect(known.body.actions.find((a: { actionId: string }) => a.actionId === 'a-seniors').latestValueOnDate).toBe(18);
    // The plan was drafted on 20 January: on the 10th it did not exist yet.
    await request(server()).get(`${plan}?asOf=2018-01-10`).set(as('director')).expect(404);
  });

  it('refuses progress on an abandoned action and on a closed plan, which takes adjustments', async () => {
    await request(server()).put(`${plan}/actions/a-job-dating/status`).set(as('manager')).send({ status: 'ABANDONED' }).expect(422);
    await request(server())
      .put(`${plan}/actions/a-job-dating/status`)
      .set(as('manager'))
      .send({ status: 'ABANDONED', reason: 'plus de saison' })
      .expect(200);
    const abandoned = await request(server())
      .post(`${plan}/actions/a-job-dating/progress`)
      .set(as('manager'))
      .send({ value: 12, on: '2018-07-01' })
      .expect(422);
    expect(abandoned.body.code).toBe('ACTION_ABANDONED');
    await request(server())
      .post(`${plan}/mid-year-review`)
      .set(as('manager'))
      .send({ reviewedOn: '2018-07-01', summary: 'seniors en avance' })
      .expect(201);
    // An action still open: the close must say what becomes of it.
    const open = await request(server()).post(`${plan}/close`).set(as('manager')).send({ date: '2018-07-15' }).expect(422);
    expect(open.body).toMatchObject({ code: 'OPEN_ACTIONS', fields: [expect.objectContaining({ field: 'openActions' })] });
    await request(server()).post(`${plan}/close`).set(as('manager')).send({ date: '2018-07-16' }).expect(422);
    await request(server()).post(`${plan}/close`).set(as('manager')).send({ date: '2018-07-15', openActions: 'CARRIED_OVER' }).expect(201);
    const closed = await request(server())
      .post(`${plan}/actions/a-seniors/progress`)
      .set(as('manager'))
      .send({ value: 60, on: '2018-07-15' })
      .expect(422);
    expect(closed.body.code).toBe('PLAN_CLOSED');
    await request(server())
      .post(`${plan}/adjustments`)
      .set(as('manager'))
      .send({ actionId: 'a-seniors', note: 'bilan final', value: 61 })
      .expect(201);
  });

  it('shows directors plan execution across the region, sortable and as CSV', async () => {
    const pos = await store.headPosition();
    const res = await request(server())
      .get(`/action-plans/execution?year=2018&region=32&consistentWith=${pos}`)
      .set(as('director'))
      .expect(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        safir: '62001',
        status: 'CLOSED',
        actions: 2,
        byLever: { INTENSIVE_SUPPORT: 1, EMPLOYER_PROSPECTING_AND_PROFILE_PROMOTION: 1 },
        prioritiesCitingCoConstructedDiagnostic: 1,
      }),
    ]);
    expect(res.body.summary).toMatchObject({ plans: 1, adopted: 1, shareOfPrioritiesCitingCoConstructedDiagnostic: 1 });
    const csv = await request(server())
      .get('/action-plans/execution?year=2018&region=32&format=csv&sort=reached')
      .set(as('director'))
      .expect(200);
    expect(csv.text.split('\n')[1]).toMatch(/^62001,32,2018,CLOSED,2,/);
    await request(server()).get('/action-plans/execution?year=2018&region=11').set(as('director')).expect(403);
    await request(server()).get('/action-plans/execution?year=2018&sort=alphabet&region=32').set(as('director')).expect(400);
  });

  it('holds a plan adopted on a past date in its past: as of 30 June the plan adopted on 15 January is there', async () => {
    const old = '/agencies/62001/action-plans/2017';
    const diag2017 = '/agencies/62001/diagnostics/2017';
    await request(server()).post(diag2017).set(as('manager')).send({ draftedOn: '2016-11-02' }).expect(201);
    await request(server())
      .put(`${diag2017}/sections/LABOUR_DEMAND`)
      .set(as('manager'))
      .send({ text: 't', keyFigures: [], revisedOn: '2016-11-20' })
      .expect(200);
    await request(server())
      .post(`${diag2017}/publish`)
      .set(as('manager'))
      .send({ findings: [{ findingId: 'f-17', kind: 'NEED', title: 'Saisonniers' }], publishedOn: '2016-12-01' })
      .expect(201);
    // Undated, a 2017 plan recorded in 2018 is refused: its facts must say when they happened.
    const undated = await request(server()).post(old).set(as('manager')).send({ diagnosticYear: 2017 }).expect(422);
    expect(undated.body).toMatchObject({ code: 'OUTSIDE_PLAN_PERIOD', fields: [expect.objectContaining({ field: 'draftedOn' })] });
    await request(server()).post(old).set(as('manager')).send({ diagnosticYear: 2017, draftedOn: '2016-12-10' }).expect(201);
    await request(server())
      .post(`${old}/priorities`)
      .set(as('manager'))
      .send({ priorityId: 'p-seniors', title: 'Saisonniers', findingIds: ['f-17'], addedOn: '2016-12-11' })
      .expect(201);
    await request(server())
      .post(`${old}/actions`)
      .set(as('manager'))
      .send({ ...action, startDate: '2017-01-15', dueDate: '2017-12-31', addedOn: '2016-12-12' })
      .expect(201);
    const adopted = await request(server()).post(`${old}/adopt`).set(as('manager')).send({ date: '2017-01-15' }).expect(201);
    const june = await request(server())
      .get(`${old}?asOf=2017-06-30&consistentWith=${adopted.body.position}`)
      .set(as('director'))
      .expect(200);
    expect(june.body.plan).toMatchObject({ status: 'ADOPTED', adoptedOn: '2017-01-15' });
    const execution = await request(server())
      .get('/action-plans/execution?year=2017&region=32&asOf=2017-06-30')
      .set(as('director'))
      .expect(200);
    expect(execution.body.items).toEqual([expect.objectContaining({ safir: '62001', adopted: true })]);
    await request(server()).get(`${old}?asOf=2016-12-01`).set(as('director')).expect(404);
  });

  it('measures an action by a pathway: its values are the cohorts’ reach or employment rate, as of any date, and not reported by hand', async () => {
    const old = '/agencies/62001/action-plans/2017';
    const senior = '/agencies/62001/pathways/parcours-senior';
    const post = (path: string, body: object) => request(server()).post(path).set(as('manager')).send(body);
    const measure = (body: object) => request(server()).put(`${old}/actions/a-seniors/measure`).set(as('manager')).send(body);
    const before = await store.headPosition();
    const unknown = await measure({ pathwayId: 'parcours-senior', measure: 'REACH', linkedOn: '2017-01-20' }).expect(422);
    expect(unknown.body).toMatchObject({ code: 'UNKNOWN_PATHWAY', fields: [expect.objectContaining({ field: 'pathwayId' })] });
    const bad = await measure({ pathwayId: 'parcours-senior', measure: 'HAPPINESS' }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['measure']);
    expect(await store.headPosition()).toBe(before);

    await post('/agencies/62001/pathways', {
      pathwayId: 'parcours-senior',
      name: 'Parcours senior',
      publics: ['seniors'],
      partnerIds: [],
      services: ['ACCOMPAGNEMENT_RENFORCE'],
      yearlyReachTarget: 60,
      employmentRateTarget: 0.6,
      openedOn: '2016-12-01',
    }).expect(201);
    await post(`${senior}/cohorts`, { cohortId: 'c1', entries: 14, startedOn: '2017-02-06' }).expect(201);
    await post(`${senior}/cohorts`, { cohortId: 'c2', entries: 15, startedOn: '2017-10-02' }).expect(201);
    await post(`${senior}/cohorts/c1/outcomes`, { on: '2017-06-30', exits: 12, employment: 7, training: 2 }).expect(201);
    // The October cohort leaves in February: its outcomes still count for the 2017 plan.
    await post(`${senior}/cohorts/c2/outcomes`, { on: '2018-02-28', exits: 13, employment: 9, training: 1 }).expect(201);
    await measure({ pathwayId: 'parcours-senior', measure: 'REACH', linkedOn: '2017-01-20' }).expect(200);

    const refused = await post(`${old}/actions/a-seniors/progress`, { value: 30, on: '2017-11-30' }).expect(422);
    expect(refused.body).toMatchObject({ code: 'ACTION_MEASURED_BY_PATHWAY', fields: [expect.objectContaining({ field: 'actionId' })] });

    const switched = await measure({ pathwayId: 'parcours-senior', measure: 'EMPLOYMENT_RATE', linkedOn: '2017-09-01' }).expect(200);
    const read = (query: string) =>
      request(server()).get(`${old}?consistentWith=${switched.body.position}${query}`).set(as('director')).expect(200);
    const live = (await read('')).body.actions[0];
    expect(live).toMatchObject({
      measuredBy: { pathwayId: 'parcours-senior', measure: 'EMPLOYMENT_RATE' },
      latestValue: 64,
      latestOn: '2018-02-28',
    });
    // As of 30 June 2017 the action was measured by the reach: 14 people had entered.
    const june = (await read('&asOf=2017-06-30')).body;
    expect(june.actions[0]).toMatchObject({ measuredBy: { measure: 'REACH' }, latestValueOnDate: 14, reached: 0.233 });
    // At the end of 2017 only the first cohort had left: 7 of 12 in work.
    const december = (await read('&asOf=2017-12-31')).body;
    expect(december.actions[0]).toMatchObject({ latestValueOnDate: 58.3 });
    // The year is drawn with the measure of the view's date: by June the rate stood at 58.3% of 60%.
    expect(december.months.find((m: { month: string }) => m.month === '2017-06')).toMatchObject({ reached: 0.972 });
    // The alerts judge it by the pathway's values too: on track at the end of 2017, so not late.
    const alerts = await request(server())
      .get(`/me/alerts?asOf=2017-12-31&kind=ACTION_LATE&consistentWith=${switched.body.position}`)
      .set(as('manager'))
      .expect(200);
    expect(alerts.body.items.map((a: { ref: string }) => a.ref)).not.toContain('a-seniors');
    const execution = await request(server())
      .get(`/action-plans/execution?year=2017&region=32&consistentWith=${switched.body.position}`)
      .set(as('director'))
      .expect(200);
    expect(execution.body.items[0]).toMatchObject({ safir: '62001', reached: 1 });
  });
});
