import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';

/** What the load bench asks of its worker: where, as whom, on which shared streams, how hard. */
export interface LoadPlan {
  url: string;
  managerToken: string;
  safir: string;
  year: number;
  partnerIds: string[];
  connections: number;
  durationSeconds: number;
  today: string;
}

/** Per operation: how many answers of each status, their latencies (ms), and the events 2xx writes reported. */
export interface OperationResult {
  name: string;
  write: boolean;
  statuses: Record<string, number>;
  latencies: number[];
  /** Error codes of non-2xx answers, counted. */
  codes: Record<string, number>;
  eventsReported: number;
  networkErrors: number;
}

interface Operation {
  name: string;
  weight: number;
  request(plan: LoadPlan, n: number): { method: 'GET' | 'POST'; path: string; body?: unknown };
}

const pick = <T>(list: T[], n: number) => list[n % list.length];

/**
 * The mix: six reads in ten, and writes on few shared streams (two partnerships, one fund year)
 * so that concurrent writers meet: contacts and assessments only add facts, commitments are
 * checked against the envelope, joint events open new streams.
 */
const OPERATIONS: Operation[] = [
  { name: 'read partnerships', weight: 15, request: (p) => ({ method: 'GET', path: `/agencies/${p.safir}/partnerships?limit=50` }) },
  {
    name: 'read quality',
    weight: 10,
    request: (p, n) => ({ method: 'GET', path: `/agencies/${p.safir}/partnerships/${pick(p.partnerIds, n)}/quality` }),
  },
  { name: 'read fund', weight: 15, request: (p) => ({ method: 'GET', path: `/agencies/${p.safir}/fund/${p.year}` }) },
  { name: 'read timeline', weight: 10, request: (p) => ({ method: 'GET', path: `/agencies/${p.safir}/timeline?limit=50` }) },
  { name: 'read plan 2018', weight: 10, request: (p) => ({ method: 'GET', path: `/agencies/${p.safir}/action-plans/2018` }) },
  {
    name: 'log contact',
    weight: 20,
    request: (p, n) => ({
      method: 'POST',
      path: `/agencies/${p.safir}/partnerships/${pick(p.partnerIds, n)}/contacts`,
      body: {
        kind: pick(['MEETING', 'PHONE', 'REFERRAL'], n),
        date: p.today,
        participants: ['conseillère entreprise'],
        note: `charge ${n}`,
      },
    }),
  },
  {
    name: 'assess quality',
    weight: 8,
    request: (p, n) => ({
      method: 'POST',
      path: `/agencies/${p.safir}/partnerships/${pick(p.partnerIds, n)}/assessments`,
      body: { score: 1 + (n % 4), assessedOn: p.today },
    }),
  },
  {
    name: 'commit 5% expenditure',
    weight: 8,
    request: (p, n) => ({
      method: 'POST',
      path: `/agencies/${p.safir}/fund/${p.year}/commitments`,
      body: {
        commitmentId: `charge-${n}`,
        category: 'LOCAL_SERVICE_PURCHASE',
        route: 'SUBSIDY',
        amountCents: 100_00,
        rationale: 'atelier',
      },
    }),
  },
  {
    name: 'plan joint event',
    weight: 4,
    request: (p, n) => ({
      method: 'POST',
      path: `/agencies/${p.safir}/joint-events`,
      body: { jointEventId: `charge-${n}`, kind: 'ATELIER', date: p.today, title: 'Atelier CV', partnerIds: [], publics: ['jeunes'] },
    }),
  },
];

async function drive(plan: LoadPlan): Promise<OperationResult[]> {
  const results = OPERATIONS.map((o): OperationResult => ({
    name: o.name,
    write: o.request(plan, 0).method === 'POST',
    statuses: {},
    latencies: [],
    codes: {},
    eventsReported: 0,
    networkErrors: 0,
  }));
  const totalWeight = OPERATIONS.reduce((s, o) => s + o.weight, 0);
  const deadline = performance.now() + plan.durationSeconds * 1000;
  let counter = 0;
  // A small linear congruential generator: the same mix on every run.
  let seed = 20181231;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

  async function connection(): Promise<void> {
    while (performance.now() < deadline) {
      let r = random() * totalWeight;
      const index = OPERATIONS.findIndex((o) => (r -= o.weight) < 0);
      const n = counter++;
      const { method, path, body } = OPERATIONS[index].request(plan, n);
      const result = results[index];
      const headers: Record<string, string> = { authorization: `Bearer ${plan.managerToken}`, accept: 'application/json' };
      if (body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'idempotency-key': randomUUID() });
      const started = performance.now();
      try {
        const res = await fetch(`${plan.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
        const answer = (await res.json().catch(() => null)) as { events?: string[]; code?: string } | null;
        result.latencies.push(performance.now() - started);
        result.statuses[res.status] = (result.statuses[res.status] ?? 0) + 1;
        if (res.ok && result.write) result.eventsReported += answer?.events?.length ?? 0;
        if (!res.ok) result.codes[answer?.code ?? 'NONE'] = (result.codes[answer?.code ?? 'NONE'] ?? 0) + 1;
      } catch {
        result.networkErrors += 1;
      }
    }
  }
  await Promise.all(Array.from({ length: plan.connections }, connection));
  return results;
}

// Run as a worker thread, so the load does not share the server's event loop.
if (parentPort) void drive(workerData as LoadPlan).then((results) => parentPort!.postMessage(results));
