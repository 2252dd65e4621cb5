import request from 'supertest';
import { Harness, startApp } from '../support/app-harness';

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

  it('writes structured JSON request logs', async () => {
    await request(h.app.getHttpServer()).get('/health').set('x-correlation-id', 'log-check').expect(200);
    expect(h.logs).toContainEqual(expect.objectContaining({ msg: 'request', path: '/health', status: 200, correlationId: 'log-check' }));
  });
});
