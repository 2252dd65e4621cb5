import { toCsv } from '../../../platform/src/http/csv';
import type { ActionPlanRow, PlanActionProgressRow, PlanActionRow } from './plan.entities';

export const PROGRESS_FORMULA =
  'reached = (latest value − baseline) ÷ (target − baseline), between 0 and 1; elapsed = (date − start) ÷ (due − start), between 0 and 1; ' +
  'an action is on track when done, or when reached ≥ elapsed − 0.10; it is late otherwise (and always when past due and not reached). ' +
  'A priority and a plan average the reached share of their actions (abandoned actions left out).';

const clamp = (x: number) => Math.max(0, Math.min(1, x));
const round = (x: number) => Math.round(x * 1000) / 1000;

export function actionProgress(a: PlanActionRow, value: number | null, date: string) {
  const reached = value === null ? 0 : clamp((value - a.baseline) / (a.target - a.baseline));
  const span = Math.max(1, Date.parse(a.dueDate) - Date.parse(a.startDate));
  const elapsed = clamp((Date.parse(date) - Date.parse(a.startDate)) / span);
  const done = a.status === 'DONE' || reached >= 1;
  const pastDue = date > a.dueDate && !done;
  const onTrack = a.status !== 'ABANDONED' && (done || (!pastDue && reached >= elapsed - 0.1));
  return { reached: round(reached), elapsed: round(elapsed), onTrack, late: a.status !== 'ABANDONED' && !onTrack };
}

function latestAt(progress: PlanActionProgressRow[], actionId: string, date: string): number | null {
  return progress.filter((p) => p.actionId === actionId && p.on <= date).sort((x, y) => x.on.localeCompare(y.on)).at(-1)?.value ?? null;
}

const mean = (xs: number[]) => (xs.length ? round(xs.reduce((s, x) => s + x, 0) / xs.length) : 0);

/** Per action, per priority and for the plan at a date, plus the month-by-month series of the year. */
export function planProgress(plan: ActionPlanRow, actions: PlanActionRow[], progress: PlanActionProgressRow[], date: string) {
  const view = (d: string) =>
    actions.map((a) => ({ ...a, latestValueOnDate: latestAt(progress, a.actionId, d), ...actionProgress(a, latestAt(progress, a.actionId, d), d) }));
  const now = view(date);
  const counted = now.filter((a) => a.status !== 'ABANDONED');
  const priorities = plan.priorities.map((p) => {
    const mine = counted.filter((a) => a.priorityId === p.priorityId);
    return { ...p, actions: mine.length, reached: mean(mine.map((a) => a.reached)), late: mine.filter((a) => a.late).length };
  });
  const months = Array.from({ length: 12 }, (_, i) => {
    const month = `${plan.year}-${String(i + 1).padStart(2, '0')}`;
    const end = new Date(Date.UTC(plan.year, i + 1, 0)).toISOString().slice(0, 10);
    const at = view(end).filter((a) => a.status !== 'ABANDONED');
    return { month, reached: mean(at.map((a) => a.reached)), onTrack: at.filter((a) => a.onTrack).length, late: at.filter((a) => a.late).length };
  }).filter((m) => m.month <= date.slice(0, 7));
  return {
    formula: PROGRESS_FORMULA,
    date,
    plan: { ...plan, reached: mean(counted.map((a) => a.reached)), late: counted.filter((a) => a.late).length, actions: actions.length },
    priorities,
    actions: now,
    months,
  };
}

const count = (xs: string[]) => xs.reduce<Record<string, number>>((m, x) => ({ ...m, [x]: (m[x] ?? 0) + 1 }), {});

/** Directors' view of plan execution across agencies: one line per agency plan. */
export function executionLines(plans: ActionPlanRow[], actions: PlanActionRow[], progress: PlanActionProgressRow[], date: string) {
  return plans.map((plan) => {
    const mine = actions.filter((a) => a.safir === plan.safir && a.year === plan.year);
    const view = planProgress(plan, mine, progress.filter((p) => p.safir === plan.safir && p.year === plan.year), date);
    return {
      safir: plan.safir,
      region: plan.region,
      year: plan.year,
      status: plan.status,
      adopted: plan.status !== 'DRAFT',
      actions: mine.length,
      lateActions: view.plan.late,
      reached: view.plan.reached,
      byStatus: count(mine.map((a) => a.status)),
      byLever: count(mine.map((a) => a.lever)),
      priorities: plan.priorities.length,
      prioritiesCitingCoConstructedDiagnostic: plan.diagnosticCoConstructed ? plan.priorities.length : 0,
    };
  });
}

export function executionCsv(lines: ReturnType<typeof executionLines>): string {
  const head = ['safir', 'region', 'year', 'status', 'actions', 'lateActions', 'reached', 'priorities', 'prioritiesCitingCoConstructedDiagnostic'];
  return toCsv(head, lines);
}
