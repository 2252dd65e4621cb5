import request from 'supertest';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { ProjectionEngine } from '@ancrage/projections';
import { Harness, startApp } from '../support/app-harness';
import { registerBasins, userWithToken } from '../support/principals';

/** Local instances over HTTP: joining, meetings and attendance, dates of the past, scope, bad input, and the anchoring point. */
describe('local instances and networks', () => {
  let h: Harness;
  let manager: string;
  let other: string;
  let director: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const server = () => h.app.getHttpServer();
  const head = () => h.app.get<EventStore>(EVENT_STORE).headPosition();
  const post = (path: string, token: string, body: object) => request(server()).post(path).set(as(token)).send(body);
  const get = (path: string, token: string) => request(server()).get(path).set(as(token));
  const spep = '/agencies/62001/instances/spep-montreuillois';

  beforeAll(async () => {
    h = await startApp();
    await registerBasins(h.app, { '3213': '62', '9312': '06' });
    const admin = await userWithToken(h.app, 'admin', [{ role: 'admin' }]);
    for (const [safir, name, region, department, basin] of [
      ['62001', 'Berck-sur-Mer', '32', '62', '3213'],
      ['06001', 'Nice Centre', '93', '06', '9312'],
    ])
      await post('/agencies', admin, { safir, name, region, department, employmentBasin: basin, areaType: 'URBAN' }).expect(201);
    for (const [partnerId, category] of [
      ['ml-berck', 'MISSION_LOCALE'],
      ['cfa-btp-62', 'TRAINING_BODY'],
      ['plie-62', 'PLIE'],
    ])
      await post('/partners', admin, { partnerId, name: partnerId, category, scale: 'LOCAL' }).expect(201);
    manager = await userWithToken(h.app, 'manager-62001', [{ role: 'manager', agencies: ['62001'] }]);
    other = await userWithToken(h.app, 'manager-06001', [{ role: 'manager', agencies: ['06001'] }]);
    director = await userWithToken(h.app, 'director-32', [{ role: 'director', regions: ['32'] }]);
    await post('/agencies/62001/context', manager, {
      effectiveDate: '2018-01-01',
      figures: { unemploymentRate: 6, longTermUnemploymentShare: 30, seasonalJobShare: 3, rsaShare: 3, qpv: false },
    }).expect(201);
  });
  afterAll(() => h.close());

  it('records an instance, its meetings on their days, and counts the attendance of a year', async () => {
    const joined = await post('/agencies/62001/instances', manager, {
      instanceId: 'spep-montreuillois',
      kind: 'SPEP_PROXIMITE',
      name: 'SPE de proximité du Montreuillois',
      memberPartnerIds: ['ml-berck', 'plie-62'],
      joinedOn: '2017-09-01',
    }).expect(201);
    expect(joined.body).toMatchObject({ instanceId: 'spep-montreuillois', replayed: false });
    const meetings: [string, string, boolean][] = [
      ['m-2017-10', '2017-10-05', true],
      ['m-2018-01', '2018-01-18', true],
      ['m-2018-04', '2018-04-12', false],
      ['m-2018-06', '2018-06-14', true],
      ['m-2018-09', '2018-09-20', true],
    ];
    let last = 0;
    for (const [meetingId, date, attended] of meetings) {
      const r = await post(`${spep}/meetings`, manager, {
        meetingId,
        date,
        attended,
        attendedBy: attended ? ['AGENCY_DIRECTOR'] : [],
        topic: 'Plan local pour l’emploi',
      }).expect(201);
      expect(r.body.meetingId).toBe(meetingId);
      last = r.body.position;
    }
    const list = await get(`/agencies/62001/instances?year=2018&consistentWith=${last}`, manager).expect(200);
    expect(list.body).toMatchObject({
      year: 2018,
      total: 1,
      totals: { instances: 1, meetings: 4, attended: 3, rate: 0.75, byKind: { SPEP_PROXIMITE: { meetings: 4, attended: 3 } } },
      items: [
        { instanceId: 'spep-montreuillois', joinedOn: '2017-09-01', attendance: { meetings: 4, attended: 3 }, lastMeetingOn: '2018-09-20' },
      ],
    });
    // As of 30 June 2018 the September meeting had not happened; the April one had.
    const june = await get('/agencies/62001/instances?year=2018&asOf=2018-06-30', manager).expect(200);
    expect(june.body.totals).toMatchObject({ meetings: 3, attended: 2 });
    const detail = await get(`${spep}?asOf=2018-01-31`, director).expect(200);
    expect(detail.body.meetings.map((m: { meetingId: string }) => m.meetingId)).toEqual(['m-2017-10', 'm-2018-01']);
    await get(`${spep}?asOf=2017-08-31`, manager).expect(404);
  });

  it('gives the anchoring profile its sixth criterion from the meetings', async () => {
    const p = await get(`/agencies/62001/anchoring-profile?year=2018&consistentWith=${await head()}`, manager).expect(200);
    expect(p.body.indicators.instanceAttendanceShare).toBe(0.75);
    expect(p.body.criteria.find((c: { criterion: string }) => c.criterion === 'instanceAttendanceShare')).toMatchObject({ met: true });
    expect(p.body.criteria).toHaveLength(6);
  });

  it('changes members, refuses what the rules refuse with the field named, and appends nothing then', async () => {
    await post(`${spep}/members`, manager, { added: ['cfa-btp-62'], removed: ['plie-62'], changedOn: '2018-02-01' }).expect(201);
    const refusals: [string, object, number, string, string | undefined][] = [
      [`${spep}/members`, { added: ['ml-berck'], removed: [] }, 422, 'ALREADY_MEMBER', 'added'],
      [`${spep}/members`, { added: ['ghost'], removed: [] }, 422, 'UNKNOWN_PARTNER', 'added'],
      [
        `${spep}/meetings`,
        { meetingId: 'm-2018-01', date: '2018-01-19', attended: false, attendedBy: [], topic: 't' },
        409,
        'MEETING_EXISTS',
        'meetingId',
      ],
      [
        `${spep}/meetings`,
        { meetingId: 'm-x', date: '2017-08-01', attended: false, attendedBy: [], topic: 't' },
        422,
        'DATE_BEFORE_JOINING',
        'date',
      ],
      [
        `${spep}/meetings`,
        { meetingId: 'm-y', date: '2018-05-01', attended: true, attendedBy: [], topic: 't' },
        422,
        'ATTENDEES_REQUIRED',
        'attendedBy',
      ],
      [
        '/agencies/62001/instances/nowhere/meetings',
        { meetingId: 'm', date: '2018-05-01', attended: false, attendedBy: [], topic: 't' },
        404,
        'INSTANCE_NOT_FOUND',
        undefined,
      ],
    ];
    for (const [path, body, status, code, field] of refusals) {
      const before = await head();
      const r = await post(path, manager, body).expect(status);
      expect({ code: r.body.code, field: r.body.fields?.[0]?.field }).toEqual({ code, field });
      expect(await head()).toBe(before);
    }
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const r = await post(`${spep}/meetings`, manager, {
      meetingId: 'm-f',
      date: future,
      attended: false,
      attendedBy: [],
      topic: 't',
    }).expect(422);
    expect(r.body.code).toBe('FUTURE_DATE');
  });

  it.each([
    [{ instanceId: 'A B', kind: 'SPEP_PROXIMITE', name: 'x', memberPartnerIds: [] }, 'instanceId'],
    [{ instanceId: 'x', kind: 'CLUB_MED', name: 'x', memberPartnerIds: [] }, 'kind'],
    [{ instanceId: 'x', kind: 'SPEP_PROXIMITE', name: '', memberPartnerIds: [] }, 'name'],
    [{ instanceId: 'x', kind: 'SPEP_PROXIMITE', name: 'x', memberPartnerIds: 'ml-berck' }, 'memberPartnerIds'],
    [{ instanceId: 'x', kind: 'SPEP_PROXIMITE', name: 'x', memberPartnerIds: [], joinedOn: '2018-02-30' }, 'joinedOn'],
  ])('a join with bad input is a 400 naming the field (%#)', async (body, field) => {
    const before = await head();
    const r = await post('/agencies/62001/instances', manager, body).expect(400);
    expect(r.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await head()).toBe(before);
  });

  it('keeps each caller to their scope', async () => {
    await post('/agencies/62001/instances', other, { instanceId: 'x', kind: 'BUSINESS_CLUB', name: 'x', memberPartnerIds: [] }).expect(403);
    await post(`${spep}/left`, director, { reason: 'x' }).expect(403);
    await get('/agencies/62001/instances?year=2018', other).expect(403);
    await get('/agencies/62001/instances?year=2018', director).expect(200);
  });

  it('after leaving, takes a late meeting held before the departure and nothing after it', async () => {
    await post(`${spep}/left`, manager, { reason: 'instance fusionnée dans le SPE du Pas-de-Calais', leftOn: '2018-10-31' }).expect(201);
    await post(`${spep}/meetings`, manager, {
      meetingId: 'm-2018-10',
      date: '2018-10-18',
      attended: false,
      attendedBy: [],
      topic: 't',
    }).expect(201);
    const late = await post(`${spep}/meetings`, manager, {
      meetingId: 'm-2018-11',
      date: '2018-11-15',
      attended: false,
      attendedBy: [],
      topic: 't',
    }).expect(422);
    expect(late.body.code).toBe('INSTANCE_LEFT');
    await h.app.get(ProjectionEngine).waitFor(await head());
    const list = await get('/agencies/62001/instances?year=2019', manager).expect(200);
    expect(list.body.total).toBe(0);
    const history = await get('/agencies/62001/timeline?limit=3', manager).expect(200);
    expect(history.body.items.map((e: { type: string }) => e.type)).toContain('InstanceLeft');
  });
});
