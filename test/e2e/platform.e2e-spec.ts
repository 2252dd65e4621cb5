import request from 'supertest';
import { JsonLogger } from '@ancrage/platform';
import { Harness, startApp } from '../support/app-harness';
import { userWithToken } from '../support/principals';

describe('platform over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp();
  });
  afterAll(() => h.close());

  it('answers health without authentication, with the head position', async () => {
    const res = await request(h.app.getHttpServer()).get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', headPosition: 0, embeddedDatabase: false });
  });

  it('serves the OpenAPI document', async () => {
    const res = await request(h.app.getHttpServer()).get('/docs/openapi.json').expect(200);
    expect(res.body.info.title).toBe('Ancrage API');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/health']));
  });

  it('echoes a well-formed correlation id and makes one otherwise', async () => {
    const given = await request(h.app.getHttpServer()).get('/health').set('x-correlation-id', 'req-42').expect(200);
    expect(given.headers['x-correlation-id']).toBe('req-42');
    const made = await request(h.app.getHttpServer()).get('/health').set('x-correlation-id', 'bad id with spaces').expect(200);
    expect(made.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown route with the JSON error format', async () => {
    const res = await request(h.app.getHttpServer()).get('/nothing-here').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found', correlationId: expect.any(String) });
  });

  it('answers liveness without touching the database, and readiness with the database and the projections', async () => {
    const live = await request(h.app.getHttpServer()).get('/health/live').expect(200);
    expect(live.body).toEqual({ status: 'ok', info: { heap: { status: 'up' } }, error: {}, details: { heap: { status: 'up' } } });
    const ready = await request(h.app.getHttpServer()).get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      details: { database: { status: 'up', ms: expect.any(Number) }, projections: { status: 'up', lag: 0, maxLag: 10_000 } },
    });
  });

  it('is not ready while a projection lags more than ANCRAGE_READY_MAX_LAG events', async () => {
    const strict = await startApp({ ANCRAGE_READY_MAX_LAG: '0', ANCRAGE_PROJECTIONS: 'false' });
    try {
      const admin = await userWithToken(strict.app, 'admin', [{ role: 'admin' }]);
      const res = await request(strict.app.getHttpServer()).get('/health/ready').expect(503);
      expect(res.body).toMatchObject({
        status: 'error',
        error: { projections: { status: 'down', maxLag: 0, lagging: expect.arrayContaining(['user-directory']) } },
        info: { database: { status: 'up' } },
      });
      expect(admin).toMatch(/^anc_/);
    } finally {
      await strict.close();
    }
  });

  it('writes one JSON line per request, and what is logged while serving it carries its correlation id', async () => {
    await request(h.app.getHttpServer()).get('/health').set('x-correlation-id', 'log-check').expect(200);
    expect(h.logs).toContainEqual(
      expect.objectContaining({
        msg: 'request',
        method: 'GET',
        path: '/health',
        status: 200,
        correlationId: 'log-check',
        ms: expect.any(Number),
      }),
    );
    await request(h.app.getHttpServer())
      .get('/users')
      .set('x-correlation-id', 'denied-check')
      .set('authorization', 'Bearer anc_nobody.x.secret-never-logged')
      .expect(401);
    expect(h.logs).toContainEqual(expect.objectContaining({ msg: 'request', status: 401, correlationId: 'denied-check' }));
    // A body the input guard refuses before routing is logged too.
    await request(h.app.getHttpServer())
      .post('/agencies')
      .set('x-correlation-id', 'refused-check')
      .set('content-type', 'application/json')
      .send('{"a":')
      .expect(400);
    expect(h.logs).toContainEqual(expect.objectContaining({ msg: 'request', status: 400, correlationId: 'refused-check' }));
    expect(JSON.stringify(h.logs)).not.toContain('secret-never-logged');
  });

  it('redacts secrets from any entry', () => {
    const lines: string[] = [];
    const logger = new JsonLogger('info', (line) => lines.push(line));
    logger.event('info', 'configured', {
      token: 'anc_a.b.c',
      user: { password: 'p' },
      headers: { authorization: 'Bearer x' },
      kept: 'yes',
    });
    expect(JSON.parse(lines[0])).toMatchObject({
      msg: 'configured',
      token: '[redacted]',
      user: { password: '[redacted]' },
      headers: { authorization: '[redacted]' },
      kept: 'yes',
    });
  });
});
