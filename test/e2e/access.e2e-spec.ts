import { createServer, Server } from 'node:http';
import { generateKeyPairSync, sign } from 'node:crypto';
import request from 'supertest';
import { signHs256 } from '@ancrage/access';
import { EVENT_STORE, type EventStore } from '@ancrage/event-store';
import { Harness, startApp } from '../support/app-harness';
import { registerMatrixAgencies, userWithToken } from '../support/principals';

const SECRET = 'a-test-secret-that-is-long-enough-123456';

describe('access control over HTTP', () => {
  let h: Harness;
  let jwks: Server;
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let admin: string;
  let server: ReturnType<Harness['app']['getHttpServer']>;

  beforeAll(async () => {
    jwks = createServer((_, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' }] }));
    });
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    const port = (jwks.address() as { port: number }).port;
    h = await startApp({
      ANCRAGE_JWT_SECRET: SECRET,
      ANCRAGE_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`,
      ANCRAGE_AUTH_FAILURES_PER_MINUTE: '1000',
    });
    server = h.app.getHttpServer();
    admin = await userWithToken(h.app, 'root-admin', [{ role: 'admin' }]);
    // A manager is granted registered agencies only.
    await registerMatrixAgencies(h.app);
  });
  afterAll(async () => {
    await h.close();
    jwks.close();
  });

  const me = (token?: string) => {
    const r = request(server).get('/me');
    return token ? r.set('authorization', `Bearer ${token}`) : r;
  };
  const now = () => Math.floor(Date.now() / 1000);

  it('refuses a request without a token (401) and says how to sign in', async () => {
    const res = await me().expect(401);
    expect(res.body).toMatchObject({ code: 'MISSING_TOKEN' });
  });

  it('refuses malformed and unknown tokens (401)', async () => {
    expect((await request(server).get('/me').set('authorization', 'Basic abc').expect(401)).body.code).toBe('MALFORMED_TOKEN');
    expect((await me('anc_nobody.abcdefgh.' + 'x'.repeat(40)).expect(401)).body.code).toBe('INVALID_TOKEN');
    expect((await me('not-a-token').expect(401)).body.code).toBe('MALFORMED_TOKEN');
  });

  it('refuses a token whose secret was altered', async () => {
    const token = await userWithToken(h.app, 'tampered', [{ role: 'auditor' }]);
    await me(token).expect(200);
    await me(token.slice(0, -2) + (token.endsWith('aa') ? 'bb' : 'aa')).expect(401);
  });

  it('lets an admin register a user, grant a role and issue a token the user can use at once', async () => {
    const auth = { authorization: `Bearer ${admin}` };
    await request(server).post('/users').set(auth).send({ userId: 'claire', displayName: 'Claire Martin' }).expect(201);
    const unknown = await request(server)
      .put('/users/claire/grants/manager')
      .set(auth)
      .send({ agencies: ['75001', '99999'] })
      .expect(422);
    expect(unknown.body).toMatchObject({ code: 'UNKNOWN_AGENCY', fields: [expect.objectContaining({ field: 'agencies' })] });
    expect(unknown.body.message).toContain('99999');
    await request(server)
      .put('/users/claire/grants/manager')
      .set(auth)
      .send({ agencies: ['75001'] })
      .expect(200);
    const issued = await request(server).post('/users/claire/tokens').set(auth).send({ label: 'laptop' }).expect(201);
    expect(issued.body.token).toMatch(/^anc_claire\./);
    const who = await me(issued.body.token).expect(200);
    expect(who.body).toMatchObject({ userId: 'claire', grants: [{ role: 'manager', agencies: ['75001'] }] });

    // Revoked: refused on the next request.
    await request(server).delete(`/users/claire/tokens/${issued.body.tokenId}`).set(auth).expect(200);
    expect((await me(issued.body.token).expect(401)).body.code).toBe('REVOKED_TOKEN');
  });

  it('refuses a disabled user (401) and accepts them again once enabled', async () => {
    const token = await userWithToken(h.app, 'leaving', [{ role: 'auditor' }]);
    const auth = { authorization: `Bearer ${admin}` };
    await request(server).post('/users/leaving/disable').set(auth).send({ reason: 'left' }).expect(201);
    expect((await me(token).expect(401)).body.code).toBe('USER_DISABLED');
    await request(server).post('/users/leaving/enable').set(auth).expect(201);
    await me(token).expect(200);
  });

  it('records the acting admin, not anything from the body, in the events', async () => {
    const auth = { authorization: `Bearer ${admin}` };
    const res = await request(server)
      .post('/users')
      .set(auth)
      .send({ userId: 'spoof', displayName: 'S', actor: 'someone-else' })
      .expect(400);
    expect(res.body.fields).toContainEqual(expect.objectContaining({ field: 'actor' }));
    const ok = await request(server)
      .post('/users')
      .set(auth)
      .set('x-correlation-id', 'corr-1')
      .send({ userId: 'spoof', displayName: 'S' })
      .expect(201);
    const { events } = await h.app.get<EventStore>(EVENT_STORE).readAll({ after: ok.body.position - 1, limit: 1 });
    expect(events[0].metadata).toMatchObject({ actor: 'root-admin', role: 'admin', correlationId: 'corr-1' });
  });

  it('answers bad input on user commands with 400 naming the field, and writes nothing', async () => {
    const auth = { authorization: `Bearer ${admin}` };
    const store = h.app.get<EventStore>(EVENT_STORE);
    const head = await store.headPosition();
    const bad = await request(server).post('/users').set(auth).send({ userId: 'Bad Id', displayName: '' }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['displayName', 'userId']);
    const badRole = await request(server).put('/users/claire/grants/king').set(auth).send({}).expect(400);
    expect(badRole.body.fields[0].field).toBe('role');
    const badScope = await request(server)
      .put('/users/claire/grants/manager')
      .set(auth)
      .send({ agencies: ['7500'] })
      .expect(400);
    expect(badScope.body.fields[0].field).toBe('agencies');
    const noScope = await request(server).put('/users/claire/grants/manager').set(auth).send({}).expect(422);
    expect(noScope.body.code).toBe('INVALID_SCOPE');
    await request(server).post('/users/nobody-here/disable').set(auth).send({ reason: 'x' }).expect(404);
    await request(server).post('/users').set(auth).set('content-type', 'application/json').send('{"userId": ').expect(400);
    expect(await store.headPosition()).toBe(head);
  });

  it('accepts HS256 JWTs whose subject is a registered user, and refuses expired or wrongly signed ones', async () => {
    await userWithToken(h.app, 'jwt-user', [{ role: 'auditor' }]);
    const good = await signHs256({ sub: 'jwt-user', exp: now() + 60 }, SECRET);
    await me(good).expect(200);
    expect((await me(await signHs256({ sub: 'jwt-user', exp: now() - 3600 }, SECRET)).expect(401)).body.code).toBe('EXPIRED_TOKEN');
    await me(await signHs256({ sub: 'jwt-user', exp: now() + 60 }, 'another-secret-another-secret-123456')).expect(401);
    await me(await signHs256({ sub: 'jwt-user' }, SECRET)).expect(401);
    expect((await me(await signHs256({ sub: 'stranger', exp: now() + 60 }, SECRET)).expect(401)).body.code).toBe('UNKNOWN_USER');
    // Strict base64url: a signature with padding or stray characters appended is not the signature.
    await me(`${good}~~`).expect(401);
    await me(`${good}=`).expect(401);
    // A subject that is not an Ancrage user id (a NUL inside) is refused as an invalid token.
    expect((await me(await signHs256({ sub: 'jwt-user\u0000x', exp: now() + 60 }, SECRET)).expect(401)).body.code).toBe('INVALID_TOKEN');
  });

  it('accepts RS256 JWTs verified against the configured JWKS', async () => {
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const body = `${enc({ alg: 'RS256', kid: 'k1' })}.${enc({ sub: 'jwt-user', exp: now() + 60 })}`;
    const token = `${body}.${sign('RSA-SHA256', Buffer.from(body), privateKey).toString('base64url')}`;
    await me(token).expect(200);
    await me(`${body}.${sign('RSA-SHA256', Buffer.from(body + 'x'), privateKey).toString('base64url')}`).expect(401);
    // `typ`, when the issuer sets it, must name an access token.
    const typed = (typ: string) => {
      const b = `${enc({ alg: 'RS256', kid: 'k1', typ })}.${enc({ sub: 'jwt-user', exp: now() + 60 })}`;
      return `${b}.${sign('RSA-SHA256', Buffer.from(b), privateKey).toString('base64url')}`;
    };
    await me(typed('at+jwt')).expect(200);
    await me(typed('JWT')).expect(200);
    expect((await me(typed('secevent+jwt')).expect(401)).body.code).toBe('INVALID_TOKEN');
  });

  it('logs denied attempts', async () => {
    const token = await userWithToken(h.app, 'curious', [{ role: 'manager', agencies: ['75001'] }]);
    await request(server).get('/users').set('authorization', `Bearer ${token}`).expect(403);
    expect(h.logs).toContainEqual(expect.objectContaining({ msg: 'access denied', userId: 'curious', path: '/users' }));
  });

  it('answers who had which rights on a past date', async () => {
    const auth = { authorization: `Bearer ${admin}` };
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const granted = await request(server).put('/users/claire/grants/auditor').set(auth).send({}).expect(200);
    const then = await request(server).get(`/users?asOf=${before}`).set(auth).expect(200);
    // The live list is a projection: ask for one that has caught up with the grant.
    const nowList = await request(server).get(`/users?limit=500&consistentWith=${granted.body.position}`).set(auth).expect(200);
    const claireThen = then.body.items.find((u: { userId: string }) => u.userId === 'claire');
    expect(claireThen.grants).toEqual([{ role: 'manager', agencies: ['75001'] }]);
    const claireNow = nowList.body.items.find((u: { userId: string }) => u.userId === 'claire');
    expect(claireNow?.grants ?? []).toEqual(expect.arrayContaining([{ role: 'auditor' }]));
  });
});

describe('authentication failure rate limit', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp({ ANCRAGE_AUTH_FAILURES_PER_MINUTE: '3' });
  });
  afterAll(() => h.close());

  it('answers 429 with Retry-After once an address has failed too often', async () => {
    for (let i = 0; i < 3; i++)
      await request(h.app.getHttpServer())
        .get('/me')
        .set('authorization', 'Bearer anc_x.abcdefgh.' + 'y'.repeat(30))
        .expect(401);
    const res = await request(h.app.getHttpServer()).get('/me').expect(429);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.body.code).toBe('TOO_MANY_AUTH_FAILURES');
  });
});
