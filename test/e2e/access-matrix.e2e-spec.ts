import request from 'supertest';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { ProjectionEngine } from '@ancrage/projections';
import { RouteRule, RouteTable } from '@ancrage/access';
import type { PolicyKind } from '@ancrage/platform';
import { Harness, startApp } from '../support/app-harness';
import { PERSONAS, personaTokens, registerMatrixAgencies } from '../support/principals';

/**
 * Who may pass each kind of rule, for a route about agency 75001 (region 11). Written by hand on
 * purpose: it is the specification the guard is checked against. A route whose rule is missing
 * here, or that has no rule at all, fails this test.
 */
const ALLOWED: Record<PolicyKind, string[]> = {
  'agency.read': ['manager-in', 'director-in', 'director-national', 'auditor', 'admin'],
  'agency.write': ['manager-in'],
  'partners.write': ['manager-in', 'manager-out', 'admin'],
  'region.read': ['director-in', 'director-national', 'auditor', 'admin'],
  'national.read': ['director-national', 'auditor', 'admin'],
  'basin.read': ['manager-in', 'director-in', 'director-national', 'auditor', 'admin'],
  'basin.write': ['director-in', 'director-national', 'admin'],
  'fund.allocate': ['director-in', 'director-national', 'admin'],
  'fund.authorise': ['director-in', 'director-national'],
  audit: ['auditor', 'admin'],
  admin: ['admin'],
  scoped: ['manager-in', 'manager-out', 'director-in', 'director-out', 'director-national', 'auditor', 'admin'],
};

function concrete(path: string): string {
  return path
    .replace(':safir', '75001')
    .replace(':region', '11')
    .replace(':year', '2018')
    .replace(':code', '1109')
    .replace(/:[A-Za-z]+/g, 'x1');
}

describe('access matrix: every route × every role, in and out of scope', () => {
  let h: Harness;
  let tokens: Record<string, string>;
  let routes: RouteRule[];

  beforeAll(async () => {
    h = await startApp({ ANCRAGE_AUTH_FAILURES_PER_MINUTE: '100000' });
    await registerMatrixAgencies(h.app);
    tokens = await personaTokens(h.app);
    await h.app.get(ProjectionEngine).waitFor(await h.app.get<EventStore>(EVENT_STORE).headPosition(), undefined, 10_000);
    routes = h.app.get(RouteTable).routes();
  });
  afterAll(() => h.close());

  it('has a rule for every route', () => {
    expect(routes.length).toBeGreaterThan(5);
    for (const r of routes)
      expect({ route: `${r.method} ${r.path}`, ok: r.policy === 'public' || (r.policy !== null && r.policy in ALLOWED) }).toEqual({
        route: `${r.method} ${r.path}`,
        ok: true,
      });
  });

  it('answers each persona as the matrix says', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.policy !== 'public')) {
      const path = concrete(route.path) + (route.policy === 'region.read' && !route.path.includes(':region') ? '?region=11&year=2018' : '');
      const allowed = ALLOWED[route.policy as PolicyKind];
      const anonymous = await request(h.app.getHttpServer())[route.method.toLowerCase() as 'get'](path);
      if (anonymous.status !== 401) failures.push(`${route.method} ${path} anonymous: ${anonymous.status}`);
      for (const persona of Object.keys(PERSONAS)) {
        const res = await request(h.app.getHttpServer())
          [route.method.toLowerCase() as 'get'](path)
          .set('authorization', `Bearer ${tokens[persona]}`)
          .send({});
        const passed = res.status !== 403 && res.status !== 401;
        if (passed !== allowed.includes(persona)) failures.push(`${route.method} ${path} as ${persona}: ${res.status} (${route.policy})`);
        if (res.status >= 500) failures.push(`${route.method} ${path} as ${persona}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
