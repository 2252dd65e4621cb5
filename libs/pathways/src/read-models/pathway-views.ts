import type { CohortOutcomesRow, CohortRow, PathwayRow } from './pathways.entities';
import { PathwayMeasure, shareOf } from '@ancrage/shared-kernel';

export interface PathwayFigures {
  /** People who entered the cohorts counted. */
  reach: number;
  exits: number;
  employment: number;
  training: number;
  /** employment / exits: the study's « taux de retour à l'emploi ». */
  employmentRate: number | null;
}

export function pathwayFigures(cohorts: Pick<CohortRow, 'entries' | 'exits' | 'employment' | 'training'>[]): PathwayFigures {
  const sum = (k: 'entries' | 'exits' | 'employment' | 'training') => cohorts.reduce((s, c) => s + c[k], 0);
  return {
    reach: sum('entries'),
    exits: sum('exits'),
    employment: sum('employment'),
    training: sum('training'),
    employmentRate: shareOf(sum('employment'), sum('exits')),
  };
}

/**
 * A pathway's year: the cohorts that started in it, their outcomes to date, and how they compare
 * with the pathway's targets (people reached in the year, share of those who left in work).
 */
export function pathwayYear(p: PathwayRow, cohorts: CohortRow[], year: number) {
  const ofYear = cohorts.filter((c) => c.pathwayId === p.pathwayId && c.startedOn.startsWith(`${year}-`));
  const f = pathwayFigures(ofYear);
  return {
    ...p,
    cohorts: ofYear.length,
    figures: f,
    reachShare: shareOf(f.reach, p.yearlyReachTarget),
    employmentRateMet: f.employmentRate === null ? null : f.employmentRate >= p.employmentRateTarget,
  };
}

const activeIn = (p: PathwayRow, year: number) => p.openedOn <= `${year}-12-31` && (p.closedOn === null || p.closedOn >= `${year}-01-01`);

export function pathwaysOfYear(pathways: PathwayRow[], cohorts: CohortRow[], year: number) {
  return pathways
    .filter((p) => activeIn(p, year))
    .map((p) => pathwayYear(p, cohorts, year))
    .sort((a, b) => a.name.localeCompare(b.name));
}

type CohortTerms = Pick<CohortRow, 'cohortId' | 'startedOn' | 'entries'>;
type Outcomes = Pick<CohortOutcomesRow, 'cohortId' | 'on' | 'exits' | 'employment' | 'training'>;

/** The figures of the cohorts started by a day, each with its latest outcomes by then. */
function figuresOn(cohorts: CohortTerms[], sortedOutcomes: Outcomes[], on: string): PathwayFigures {
  const latest = new Map<string, Outcomes>();
  for (const o of sortedOutcomes) if (o.on <= on) latest.set(o.cohortId, o);
  const started = cohorts.filter((c) => c.startedOn <= on);
  return pathwayFigures(
    started.map((c) => ({ entries: c.entries, exits: 0, employment: 0, training: 0, ...pick(latest.get(c.cohortId)) })),
  );
}

const byDay = (outcomes: Outcomes[]) => [...outcomes].sort((a, b) => a.on.localeCompare(b.on));

/** The pathway's figures over all its cohorts on each day outcomes were recorded: each cohort's latest by then. */
export function ratesOverTime(cohorts: CohortRow[], outcomes: CohortOutcomesRow[]) {
  const days = [...new Set(outcomes.map((o) => o.on))].sort();
  const sorted = byDay(outcomes);
  return days.map((on) => ({ on, ...figuresOn(cohorts, sorted, on) }));
}

/** A measure of the figures as a plan indicator value; null when it has none yet (a rate with no exits). */
export function measureValue(f: PathwayFigures, measure: PathwayMeasure): number | null {
  if (measure === 'REACH') return f.reach;
  if (measure === 'EMPLOYMENT') return f.employment;
  return f.employmentRate === null ? null : Math.round(f.employmentRate * 1000) / 10;
}

/**
 * What the pathway gives the plan action of a year: on each day one of that year's cohorts started or
 * had outcomes recorded (later years included: a cohort of October leaves in the next year), the
 * measure over the year's cohorts.
 */
export function measureSeries(cohorts: CohortTerms[], outcomes: Outcomes[], year: number, measure: PathwayMeasure) {
  const ofYear = cohorts.filter((c) => c.startedOn.startsWith(`${year}-`));
  const ids = new Set(ofYear.map((c) => c.cohortId));
  const mine = byDay(outcomes.filter((o) => ids.has(o.cohortId)));
  const days = [...new Set([...ofYear.map((c) => c.startedOn), ...mine.map((o) => o.on)])].sort();
  return days.flatMap((on) => {
    const value = measureValue(figuresOn(ofYear, mine, on), measure);
    return value === null ? [] : [{ on, value }];
  });
}

const pick = (o: Outcomes | undefined) => (o ? { exits: o.exits, employment: o.employment, training: o.training } : {});
