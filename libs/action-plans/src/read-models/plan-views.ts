import type { Table } from '@ancrage/spreadsheets';
import { PLAN_STATUS_FR } from '../domain/labels.fr';
import type { ActionPlanRow, PlanActionProgressRow, PlanActionRow } from './plan.entities';

export const PROGRESS_FORMULA =
  'reached = (latest value − baseline) ÷ (target − baseline), between 0 and 1; elapsed = (date − start) ÷ (due − start), between 0 and 1; ' +
  'an action is on track when done, or when reached ≥ elapsed − 0.10; it is late otherwise (and always when past due and not reached). ' +
  'A priority and a plan average the reached share of their actions (abandoned actions left out).';

const clamp = (x: number) => Math.max(0, Math.min(1, x));
const round = (x: number) => Math.round(x * 1000) / 1000;

/** What an action's progress depends on (the execution list reads only these columns). */
export type ActionTerms = Pick<PlanActionRow, 'status' | 'baseline' | 'target' | 'startDate' | 'dueDate'>;

export function actionProgress(a: ActionTerms, value: number | null, date: string) {
  const reached = value === null ? 0 : clamp((value - a.baseline) / (a.target - a.baseline));
  const span = Math.max(1, Date.parse(a.dueDate) - Date.parse(a.startDate));
  const elapsed = clamp((Date.parse(date) - Date.parse(a.startDate)) / span);
  const done = a.status === 'DONE' || reached >= 1;
  const pastDue = date > a.dueDate && !done;
  const onTrack = a.status !== 'ABANDONED' && (done || (!pastDue && reached >= elapsed - 0.1));
  return { reached: round(reached), elapsed: round(elapsed), onTrack, late: a.status !== 'ABANDONED' && !onTrack };
}

/** Each action's reported values, oldest first: the latest on a date is one scan from the end. */
type ProgressValue = Pick<PlanActionProgressRow, 'actionId' | 'value' | 'on'>;

function valuesByAction<P extends ProgressValue>(progress: P[]): Map<string, P[]> {
  const by = new Map<string, P[]>();
  for (const p of progress) {
    const list = by.get(p.actionId) ?? [];
    list.push(p);
    by.set(p.actionId, list);
  }
  for (const list of by.values()) list.sort((x, y) => x.on.localeCompare(y.on));
  return by;
}

function latestAt(values: ProgressValue[] | undefined, date: string): number | null {
  if (!values) return null;
  for (let i = values.length - 1; i >= 0; i--) if (values[i].on <= date) return values[i].value;
  return null;
}

/** What a pathway gives the action it measures: its values by day, as the pathways context reads them. */
export interface MeasuredValues {
  safir: string;
  actionId: string;
  values: { on: string; value: number }[];
}

/**
 * Actions measured by a pathway take its values: the latest becomes the action's, and the dated
 * series replaces any reported by hand before the link (the plan refuses them after it).
 */
export function withMeasuredValues<A extends Pick<PlanActionRow, 'safir' | 'year' | 'actionId' | 'latestValue' | 'latestOn'>>(
  actions: A[],
  reported: (ProgressValue & Pick<PlanActionProgressRow, 'safir' | 'year'>)[],
  measured: MeasuredValues[],
) {
  const of = new Map(measured.map((m) => [`${m.safir}|${m.actionId}`, m.values]));
  const progress: (ProgressValue & Pick<PlanActionProgressRow, 'safir' | 'year' | 'month'>)[] = reported
    .filter((p) => !of.has(`${p.safir}|${p.actionId}`))
    .map((p) => ({ safir: p.safir, year: p.year, actionId: p.actionId, value: p.value, on: p.on, month: p.on.slice(0, 7) }));
  const merged = actions.map((a) => {
    const series = of.get(`${a.safir}|${a.actionId}`);
    if (!series) return a;
    for (const v of series) progress.push({ safir: a.safir, year: a.year, actionId: a.actionId, month: v.on.slice(0, 7), ...v });
    const last = series.at(-1);
    return { ...a, latestValue: last?.value ?? null, latestOn: last?.on ?? null };
  });
  return { actions: merged, progress };
}

const mean = (xs: number[]) => (xs.length ? round(xs.reduce((s, x) => s + x, 0) / xs.length) : 0);

/** The plan's actions as they stood on a date. */
function actionsOn(actions: PlanActionRow[], values: Map<string, PlanActionProgressRow[]>, date: string) {
  return actions.map((a) => {
    const latestValueOnDate = latestAt(values.get(a.actionId), date);
    return { ...a, latestValueOnDate, ...actionProgress(a, latestValueOnDate, date) };
  });
}

/** The plan's summary on a date: the reached share and the late actions (abandoned ones left out). */
function planOn(plan: ActionPlanRow, actions: PlanActionRow[], values: Map<string, PlanActionProgressRow[]>, date: string) {
  const now = actionsOn(actions, values, date);
  const counted = now.filter((a) => a.status !== 'ABANDONED');
  return {
    now,
    counted,
    summary: { ...plan, reached: mean(counted.map((a) => a.reached)), late: counted.filter((a) => a.late).length, actions: actions.length },
  };
}

/** Per action, per priority and for the plan at a date, plus the month-by-month series of the year. */
export function planProgress(plan: ActionPlanRow, actions: PlanActionRow[], progress: PlanActionProgressRow[], date: string) {
  const values = valuesByAction(progress);
  const { now, counted, summary } = planOn(plan, actions, values, date);
  const priorities = plan.priorities.map((p) => {
    const mine = counted.filter((a) => a.priorityId === p.priorityId);
    return { ...p, actions: mine.length, reached: mean(mine.map((a) => a.reached)), late: mine.filter((a) => a.late).length };
  });
  const months = Array.from({ length: 12 }, (_, i) => {
    const month = `${plan.year}-${String(i + 1).padStart(2, '0')}`;
    const end = new Date(Date.UTC(plan.year, i + 1, 0)).toISOString().slice(0, 10);
    const at = actionsOn(actions, values, end).filter((a) => a.status !== 'ABANDONED');
    return {
      month,
      reached: mean(at.map((a) => a.reached)),
      onTrack: at.filter((a) => a.onTrack).length,
      late: at.filter((a) => a.late).length,
    };
  }).filter((m) => m.month <= date.slice(0, 7));
  return { formula: PROGRESS_FORMULA, date, plan: summary, priorities, actions: now, months };
}

const count = (xs: string[]) => xs.reduce<Record<string, number>>((m, x) => ({ ...m, [x]: (m[x] ?? 0) + 1 }), {});

/** Rows of many plans, grouped by agency and year (one pass, not one filter per plan). */
function byPlan<R extends { safir: string; year: number }>(rows: R[]): Map<string, R[]> {
  const by = new Map<string, R[]>();
  for (const r of rows) {
    const key = `${r.safir}|${r.year}`;
    const list = by.get(key) ?? [];
    list.push(r);
    by.set(key, list);
  }
  return by;
}

export type ExecutionLine = ReturnType<typeof executionLines>[number];

/** A plan's reached share and late actions on a date, without the per-action detail (the national list reads thousands). */
function summaryOn(actions: ExecutionAction[], values: Map<string, ProgressValue[]>, date: string) {
  let reached = 0;
  let counted = 0;
  let late = 0;
  for (const a of actions) {
    if (a.status === 'ABANDONED') continue;
    // The last value reported is the value on the date unless it was reported for a later day.
    const value = a.latestOn === null || a.latestOn <= date ? a.latestValue : latestAt(values.get(a.actionId), date);
    const progress = actionProgress(a, value, date);
    counted++;
    reached += progress.reached;
    if (progress.late) late++;
  }
  return { reached: counted ? round(reached / counted) : 0, late };
}

/** Directors' view of plan execution across agencies: one line per agency plan. */
/** The columns of an action the execution list reads: its plan, lever, progress terms and last value. */
export const EXECUTION_COLUMNS = [
  'safir',
  'year',
  'actionId',
  'lever',
  'status',
  'baseline',
  'target',
  'startDate',
  'dueDate',
  'latestValue',
  'latestOn',
  'measuredBy',
] as const satisfies readonly (keyof PlanActionRow)[];
export type ExecutionAction = Pick<PlanActionRow, (typeof EXECUTION_COLUMNS)[number]>;

export function executionLines(
  plans: ActionPlanRow[],
  actions: ExecutionAction[],
  progress: (ProgressValue & Pick<PlanActionProgressRow, 'safir' | 'year'>)[],
  date: string,
) {
  const actionsOf = byPlan(actions);
  const progressOf = byPlan(progress);
  return plans.map((plan) => {
    const key = `${plan.safir}|${plan.year}`;
    const mine = actionsOf.get(key) ?? [];
    const summary = summaryOn(mine, valuesByAction(progressOf.get(key) ?? []), date);
    return {
      safir: plan.safir,
      region: plan.region,
      year: plan.year,
      status: plan.status,
      adopted: plan.status !== 'DRAFT',
      actions: mine.length,
      lateActions: summary.late,
      reached: summary.reached,
      byStatus: count(mine.map((a) => a.status)),
      byLever: count(mine.map((a) => a.lever)),
      priorities: plan.priorities.length,
      prioritiesCitingCoConstructedDiagnostic: plan.diagnosticCoConstructed ? plan.priorities.length : 0,
    };
  });
}

/** The execution lines as a table to export: French headers, typed cells. */
export function executionTable(lines: ReturnType<typeof executionLines>, year: number, scope: string): Table<ExecutionLine> {
  return {
    sheet: `Exécution des plans ${year}`,
    title: `Exécution des plans d’action ${year} — ${scope}`,
    columns: [
      { key: 'safir', header: 'Agence (code SAFIR)', kind: 'text' },
      { key: 'region', header: 'Région (code INSEE)', kind: 'text' },
      { key: 'year', header: 'Année', kind: 'integer' },
      { key: 'status', header: 'Statut du plan', kind: 'code', labels: PLAN_STATUS_FR },
      { key: 'actions', header: 'Actions', kind: 'integer' },
      { key: 'lateActions', header: 'Actions en retard', kind: 'integer' },
      { key: 'reached', header: 'Avancement moyen (%)', kind: 'rate' },
      { key: 'priorities', header: 'Priorités', kind: 'integer' },
      { key: 'prioritiesCitingCoConstructedDiagnostic', header: 'Priorités issues d’un diagnostic co-construit', kind: 'integer' },
    ],
    rows: lines,
  };
}
