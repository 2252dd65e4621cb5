import request from 'supertest';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { ProjectionEngine } from '@ancrage/projections';
import { Harness, startApp } from '../support/app-harness';
import { registerBasins, userWithToken } from '../support/principals';

/**
 * Read-model answers are served from memory until a projection writes again: the second identical
 * request is a hit, a write invalidates it, and a different caller never gets another's answer.
 */
describe('view cache', () => {
  let h: Harness;
  let admin: string;
  let manager: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const agency = (safir: string) => ({
    safir,
    name: `Agence ${safir}`,
    region: '32',
    department: '62',
    employmentBasin: '3213',
    areaType: 'RURAL',
  });

  beforeAll(async () => {
    h = await startApp();
    await registerBasins(h.app, { '3213': '62' });
    admin = await userWithToken(h.app, 'admin', [{ role: 'admin' }]);
    await request(h.app.getHttpServer()).post('/agencies').set(as(admin)).send(agency('62001')).expect(201);
    manager = await userWithToken(h.app, 'manager-62001', [{ role: 'manager', agencies: ['62001'] }]);
    const head = await h.app.get<EventStore>(EVENT_STORE).headPosition();
    await h.app.get(ProjectionEngine).waitFor(head);
  });
  afterAll(() => h.close());

  it('answers a repeated query from memory, and freshly once a projection has moved', async () => {
    const server = h.app.getHttpServer();
    const first = await request(server).get('/agencies').set(as(admin)).expect(200);
    const second = await request(server).get('/agencies').set(as(admin)).expect(200);
    expect(first.headers['x-view-cache']).toBe('miss');
    expect(second.headers['x-view-cache']).toBe('hit');
    expect(second.headers['content-type']).toContain('application/json');
    expect(second.body).toEqual(first.body);
    expect(second.body.total).toBe(1);

    const written = await request(server).post('/agencies').set(as(admin)).send(agency('62002')).expect(201);
    await h.app.get(ProjectionEngine).waitFor(written.body.position);
    // The checkpoint notification travels on its own connection; give it a moment, then it must miss.
    let after = await request(server).get('/agencies').set(as(admin)).expect(200);
    for (let i = 0; i < 50 && after.body.total !== 2; i++) {
      await new Promise((r) => setTimeout(r, 20));
      after = await request(server).get('/agencies').set(as(admin)).expect(200);
    }
    expect(after.body.total).toBe(2);
  });

  it('drops an answer only when a projection it read writes again', async () => {
    const server = h.app.getHttpServer();
    const fund = '/agencies/62001/fund/2018';
    const settle = async (position: number) => {
      await h.app.get(ProjectionEngine).waitFor(position);
      // The notifications travel on their own connection: let them arrive.
      await new Promise((r) => setTimeout(r, 300));
    };
    const firstEnvelope = await request(server)
      .post(`${fund}/envelope`)
      .set(as(admin))
      .send({ amountCents: 1_000_00, allocatedOn: '2018-01-02' })
      .expect(201);
    await settle(firstEnvelope.body.position);
    await request(server).get('/agencies').set(as(admin)).expect(200);
    expect((await request(server).get(fund).set(as(admin)).expect(200)).body.envelopeCents).toBe(1_000_00);
    expect((await request(server).get(fund).set(as(admin)).expect(200)).headers['x-view-cache']).toBe('hit');

    const commitment = { commitmentId: 'c-1', category: 'LOCAL_SERVICE_PURCHASE', route: 'PUBLIC_PROCUREMENT', amountCents: 400_00 };
    const committed = await request(server)
      .post(`${fund}/commitments`)
      .set(as(manager))
      .send({ ...commitment, rationale: 'atelier', committedOn: '2018-02-15' })
      .expect(201);
    await settle(committed.body.position);
    // The fund's answer is read again; the agencies' list, which no fund event touches, stays.
    const fundAfter = await request(server).get(fund).set(as(admin)).expect(200);
    expect(fundAfter.headers['x-view-cache']).toBe('miss');
    expect(fundAfter.body.committedCents).toBe(400_00);
    expect((await request(server).get('/agencies').set(as(admin)).expect(200)).headers['x-view-cache']).toBe('hit');
  });

  it('files answers per caller: a manager does not get the admin’s list', async () => {
    const server = h.app.getHttpServer();
    await request(server).get('/agencies').set(as(admin)).expect(200);
    const mine = await request(server).get('/agencies').set(as(manager)).expect(200);
    expect(mine.body.items.map((a: { safir: string }) => a.safir)).toEqual(['62001']);
  });

  it('answers a caller waiting for its own write after the wait, not from memory', async () => {
    const server = h.app.getHttpServer();
    const written = await request(server).post('/agencies').set(as(admin)).send(agency('62003')).expect(201);
    const r = await request(server).get(`/agencies?consistentWith=${written.body.position}`).set(as(admin)).expect(200);
    expect(r.headers['x-view-cache']).toBeUndefined();
    expect(r.body.items.map((a: { safir: string }) => a.safir)).toContain('62003');
  });

  it('sends JSON answers gzipped to a client that accepts it, a hit from the gzip kept with the answer', async () => {
    const server = h.app.getHttpServer();
    for (const safir of ['62010', '62011', '62012', '62013', '62014', '62015']) {
      const written = await request(server).post('/agencies').set(as(admin)).send(agency(safir)).expect(201);
      await h.app.get(ProjectionEngine).waitFor(written.body.position);
    }
    await new Promise((r) => setTimeout(r, 300));
    const plain = await request(server).get('/agencies').set(as(admin)).set('accept-encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBeGreaterThan(1024);
    for (const expected of ['hit', 'hit']) {
      const zipped = await request(server).get('/agencies').set(as(admin)).set('accept-encoding', 'gzip').expect(200);
      expect(zipped.headers['x-view-cache']).toBe(expected);
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers.vary).toContain('Accept-Encoding');
      expect(Number(zipped.headers['content-length'])).toBeLessThan(Number(plain.headers['content-length']));
      expect(zipped.body).toEqual(plain.body);
    }
    // A small answer is not worth compressing.
    const small = await request(server).get('/agencies/62001').set(as(admin)).set('accept-encoding', 'gzip').expect(200);
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
