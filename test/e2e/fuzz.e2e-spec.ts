import type { OpenAPIObject } from '@nestjs/swagger';
import fc from 'fast-check';
import { RouteTable } from '@ancrage/access';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { buildOpenApiDocument, type PolicyKind } from '@ancrage/platform';
import { Harness, startApp } from '../support/app-harness';
import { body, pathValue, queryValue, resolve } from '../support/fuzz';
import { webTerritory } from '../support/web-territory';

/** Cases per route: a short run in `npm test`, `FUZZ_RUNS=200 npm run test:fuzz` for a long one. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const SEED = Number(process.env.FUZZ_SEED ?? 20181231);

type Who = 'manager' | 'director' | 'auditor' | 'admin' | null;
const CALLER: Record<PolicyKind | 'public', Who> = {
  'agency.read': 'manager',
  'agency.write': 'manager',
  'partners.write': 'manager',
  scoped: 'manager',
  'region.read': 'director',
  'national.read': 'auditor',
  'basin.read': 'director',
  'basin.write': 'director',
  'fund.allocate': 'director',
  'fund.authorise': 'director',
  audit: 'auditor',
  admin: 'admin',
  public: null,
};

/**
 * Every route of the OpenAPI document, called over real HTTP by a caller its rule lets through,
 * with generated paths, query strings and bodies (wrong types, edges, hostile text, prototype
 * keys, deep nesting): no answer is a 5xx, and the log grows only by the events that 2xx answers
 * report.
 */
describe('fuzzing every route from the OpenAPI document', () => {
  let h: Harness;
  let t: Awaited<ReturnType<typeof webTerritory>>;
  let doc: OpenAPIObject;
  let base: string;
  const known: Record<string, string[]> = {
    safir: ['62001', '62002'],
    year: ['2018'],
    partnerId: ['ml-berck', 'cap-62'],
    agreementId: ['conv-1'],
    documentId: ['0'.repeat(64)],
    expectationId: ['att-1'],
    jointEventId: ['evt-1'],
    actionId: ['a-1'],
    commitmentId: ['eng-1'],
    paymentId: ['pai-1'],
    requestId: ['dem-1'],
    section: ['LABOUR_DEMAND'],
    role: ['manager', 'auditor'],
    userId: ['claire-martin', 'fuzz-user'],
    tokenId: ['tok'],
    name: ['fund-consumption', 'partnerships'],
    code: ['3213'],
  };

  beforeAll(async () => {
    h = await startApp({ ANCRAGE_AUTH_FAILURES_PER_MINUTE: '100000', ANCRAGE_CONSISTENCY_TIMEOUT_MS: '2000' });
    t = await webTerritory(h.app);
    base = await h.app.getUrl();
    doc = buildOpenApiDocument(h.app);
    const fund = '/agencies/62001/fund/2018';
    const plan = '/agencies/62001/action-plans/2018';
    await t.post('/agencies/62001/partnerships/ml-berck/agreements', 'manager', {
      agreementId: 'conv-1',
      reference: 'C1',
      scale: 'LOCAL',
      formal: true,
      objectives: [],
      startDate: '2018-01-01',
      endDate: '2018-12-31',
    });
    await t.post('/agencies/62001/partnerships/ml-berck/expectations', 'manager', {
      expectationId: 'att-1',
      expectation: 'SHARED_KEY_DATA',
    });
    await t.post('/agencies/62001/joint-events', 'manager', {
      jointEventId: 'evt-1',
      kind: 'FORUM',
      date: '2018-05-01',
      title: 'Forum',
      partnerIds: ['ml-berck'],
      publics: [],
    });
    await t.post('/agencies/62001/diagnostics/2018', 'manager', { draftedOn: '2018-01-10' });
    await t.put('/agencies/62001/diagnostics/2018/sections/LABOUR_DEMAND', 'manager', { text: 'Besoins', keyFigures: [] });
    await t.post('/agencies/62001/diagnostics/2018/publish', 'manager', {
      findings: [{ findingId: 'f-1', kind: 'NEED', title: 'Mobilité' }],
    });
    await t.post(plan, 'manager', { diagnosticYear: 2018, draftedOn: '2018-01-20' });
    await t.post(`${plan}/priorities`, 'manager', { priorityId: 'p-1', title: 'Mobilité', findingIds: ['f-1'], addedOn: '2018-01-21' });
    await t.post(`${plan}/actions`, 'manager', {
      actionId: 'a-1',
      priorityId: 'p-1',
      title: 'Permis',
      lever: 'TRAINING',
      owner: 'x',
      startDate: '2018-01-01',
      dueDate: '2018-12-31',
      indicator: { name: 'n', unit: 'u', baseline: 0, target: 10 },
      addedOn: '2018-01-21',
    });
    await t.post(`${fund}/envelope`, 'director', { amountCents: 100_000_00, allocatedOn: '2018-01-02' });
    await t.post(`${fund}/commitments`, 'manager', {
      commitmentId: 'eng-1',
      category: 'LOCAL_SERVICE_PURCHASE',
      route: 'SUBSIDY',
      amountCents: 5_000_00,
      rationale: 'x',
      committedOn: '2018-02-01',
    });
    await t.post(`${fund}/commitments/eng-1/payments`, 'manager', { paymentId: 'pai-1', amountCents: 1_000_00, paidOn: '2018-03-01' });
    await t.post(`${fund}/over-commitment-requests`, 'manager', {
      requestId: 'dem-1',
      amountCents: 1_000_00,
      reason: 'x',
      requestedOn: '2018-04-01',
    });
  }, 60_000);

  afterAll(() => h?.close());

  it(`sends ${RUNS} generated requests to every route: no 5xx, and the log moves only by what 2xx answers report`, async () => {
    const store = h.app.get<EventStore>(EVENT_STORE);
    const policies = new Map(
      h.app
        .get(RouteTable)
        .routes()
        .map((r) => [`${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`, r.policy ?? 'public']),
    );
    const failures: string[] = [];
    let reported = 0;
    let requests = 0;
    const statuses = new Map<number, number>();
    const before = await store.headPosition();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(
        item as Record<
          string,
          {
            parameters?: { name: string; in: string; schema?: Record<string, unknown> }[];
            requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
          }
        >,
      )) {
        const who = CALLER[policies.get(`${method} ${path}`) ?? 'public'];
        const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
        const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
        const schema = op.requestBody?.content['application/json']?.schema;
        const requestArb = fc.record({
          path: fc.record(Object.fromEntries(pathParams.map((p) => [p.name, pathValue(p.name, known)]))),
          query: fc.record(
            Object.fromEntries(
              queryParams.map((p) => [
                p.name,
                fc.option(queryValue(doc as never, resolve(doc as never, p.schema as never)), { nil: undefined }),
              ]),
            ),
          ),
          body: schema
            ? fc.oneof(
                { weight: 9, arbitrary: body(doc as never, schema as never).map((b) => JSON.stringify(b) ?? 'null') },
                { weight: 1, arbitrary: fc.constantFrom('{"a":', 'not json', '') },
              )
            : fc.constant(undefined),
        });
        const samples = fc.sample(requestArb, { numRuns: RUNS, seed: SEED + requests });
        for (const sample of samples) {
          requests++;
          let url = path.replace(/\{(\w+)\}/g, (_, name: string) =>
            /%/.test(sample.path[name]) ? sample.path[name] : encodeURIComponent(sample.path[name]),
          );
          const query = new URLSearchParams(
            Object.entries(sample.query).filter(([, v]) => v !== undefined) as [string, string][],
          ).toString();
          if (query) url += `?${query}`;
          const res = await fetch(`${base}${url}`, {
            method: method.toUpperCase(),
            headers: {
              ...(who ? { authorization: `Bearer ${t.tokens[who]}` } : {}),
              ...(sample.body !== undefined ? { 'content-type': 'application/json' } : {}),
            },
            body: sample.body,
          });
          const text = await res.text();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500)
            failures.push(`${method.toUpperCase()} ${url} ${sample.body?.slice(0, 200) ?? ''} → ${res.status} ${text.slice(0, 200)}`);
          if (res.status >= 200 && res.status < 300 && method !== 'get') {
            const answer = JSON.parse(text) as { events?: string[]; replayed?: boolean };
            if (Array.isArray(answer.events) && !answer.replayed) reported += answer.events.length;
          }
        }
      }
    }
    // What the run reached, for the record: how many answers of each status.
    process.stdout.write(
      `fuzz: ${requests} requests, seed ${SEED}, answers by status: ${[...statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}\n`,
    );
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(70 * RUNS);
    expect((await store.headPosition()) - before).toBe(reported);
  }, 600_000);
});
