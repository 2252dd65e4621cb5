import fc from 'fast-check';
import type { ActionPlanRow, PlanActionProgressRow, PlanActionRow } from './plan.entities';
import { executionLines, planProgress, withMeasuredValues } from './plan-views';

const day = fc.integer({ min: 0, max: 364 }).map((n) => new Date(Date.UTC(2018, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const action = fc.record({
  status: fc.constantFrom('PLANNED', 'IN_PROGRESS', 'DONE', 'ABANDONED'),
  baseline: fc.integer({ min: 0, max: 10 }),
  target: fc.integer({ min: 11, max: 40 }),
  start: day,
  due: day,
  reports: fc.array(fc.record({ on: day, value: fc.integer({ min: 0, max: 50 }) }), { maxLength: 6 }),
});

const plan: ActionPlanRow = {
  safir: '62001',
  year: 2018,
  region: '32',
  status: 'ADOPTED',
  adoptedOn: '2018-01-15',
  closedOn: null,
  diagnosticYear: 2017,
  diagnosticCoConstructed: false,
  priorities: [{ priorityId: 'p1', title: 'p', findingIds: [] }],
  reviews: [],
  adjustments: [],
};

/** Rows as the plans projection keeps them: the last value by day (ties: the later report) on the action and per month. */
function rowsOf(
  specs: { status: string; baseline: number; target: number; start: string; due: string; reports: { on: string; value: number }[] }[],
) {
  const actions: PlanActionRow[] = [];
  const progress: PlanActionProgressRow[] = [];
  specs.forEach((s, i) => {
    const actionId = `a${i}`;
    let latest: { on: string; value: number } | null = null;
    const months = new Map<string, { on: string; value: number }>();
    for (const r of s.reports) {
      if (latest === null || r.on >= latest.on) latest = r;
      const m = months.get(r.on.slice(0, 7));
      if (!m || r.on >= m.on) months.set(r.on.slice(0, 7), r);
    }
    const [startDate, dueDate] = [s.start, s.due].sort();
    actions.push({
      safir: plan.safir,
      year: plan.year,
      actionId,
      priorityId: 'p1',
      title: 't',
      lever: 'EMPLOYER_PROSPECTING_AND_PROFILE_PROMOTION',
      owner: 'o',
      partnerIds: [],
      services: [],
      startDate,
      dueDate,
      indicatorName: 'i',
      unit: 'u',
      baseline: s.baseline,
      target: s.target,
      status: s.status,
      latestValue: latest?.value ?? null,
      latestOn: latest?.on ?? null,
      measuredBy: null,
    });
    for (const [month, r] of months) progress.push({ safir: plan.safir, year: plan.year, actionId, month, value: r.value, on: r.on });
  });
  return { actions, progress };
}

/** The same actions measured by pathways: no value reported, the same dated values given by the pathways instead. */
function measuredOf(specs: Parameters<typeof rowsOf>[0]) {
  const { actions, progress } = rowsOf(specs);
  const blank = actions.map((a) => ({
    ...a,
    latestValue: null,
    latestOn: null,
    measuredBy: { pathwayId: `p-${a.actionId}`, measure: 'REACH' },
  }));
  const values = actions.map((a) => ({
    safir: a.safir,
    actionId: a.actionId,
    values: progress
      .filter((p) => p.actionId === a.actionId)
      .map(({ on, value }) => ({ on, value }))
      .sort((x, y) => x.on.localeCompare(y.on)),
  }));
  // Values typed by hand before the link are the pathway's no more.
  const typedBefore = progress.map((p) => ({ ...p, value: p.value + 1000 }));
  return withMeasuredValues(blank, typedBefore, values);
}

describe('plan execution lines', () => {
  it('give each plan the reached share and late actions its progress view gives, on any date', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 8 }), day, (specs, date) => {
        const { actions, progress } = rowsOf(specs);
        const [line] = executionLines([plan], actions, progress, date);
        const view = planProgress(plan, actions, progress, date);
        expect({ reached: line.reached, late: line.lateActions }).toEqual({ reached: view.plan.reached, late: view.plan.late });
        // Live, the action rows alone answer: no monthly value is needed.
        const [live] = executionLines([plan], actions, [], '2018-12-31');
        expect(live.reached).toBe(planProgress(plan, actions, progress, '2018-12-31').plan.reached);
      }),
      { seed: 20180630, numRuns: 400 },
    );
  });

  it('give an action measured by a pathway the progress it would have with the same values reported', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 8 }), day, (specs, date) => {
        const reported = rowsOf(specs);
        const measured = measuredOf(specs);
        const strip = (v: ReturnType<typeof planProgress>) => ({ ...v, actions: v.actions.map(({ measuredBy: _m, ...a }) => a) });
        expect(strip(planProgress(plan, measured.actions, measured.progress, date))).toEqual(
          strip(planProgress(plan, reported.actions, reported.progress, date)),
        );
        expect(executionLines([plan], measured.actions, measured.progress, date)).toEqual(
          executionLines([plan], reported.actions, reported.progress, date),
        );
      }),
      { seed: 20181231, numRuns: 300 },
    );
  });
});
