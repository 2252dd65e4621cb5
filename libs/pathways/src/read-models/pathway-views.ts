import type { CohortOutcomesRow, CohortRow, PathwayRow } from './pathways.entities';
import { shareOf } from '@ancrage/shared-kernel';

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

/** The pathway's figures over all its cohorts on each day outcomes were recorded: each cohort's latest by then. */
export function ratesOverTime(cohorts: CohortRow[], outcomes: CohortOutcomesRow[]) {
  const days = [...new Set(outcomes.map((o) => o.on))].sort();
  const sorted = [...outcomes].sort((a, b) => a.on.localeCompare(b.on));
  return days.map((on) => {
    const latest = new Map<string, CohortOutcomesRow>();
    for (const o of sorted) if (o.on <= on) latest.set(o.cohortId, o);
    const started = cohorts.filter((c) => c.startedOn <= on);
    return {
      on,
      ...pathwayFigures(
        started.map((c) => ({ entries: c.entries, exits: 0, employment: 0, training: 0, ...pick(latest.get(c.cohortId)) })),
      ),
    };
  });
}

const pick = (o: CohortOutcomesRow | undefined) => (o ? { exits: o.exits, employment: o.employment, training: o.training } : {});
