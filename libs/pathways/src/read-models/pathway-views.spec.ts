import { measureSeries, pathwaysOfYear, ratesOverTime } from './pathway-views';
import type { CohortRow, PathwayRow } from './pathways.entities';

const senior: PathwayRow = {
  safir: '62001',
  pathwayId: 'senior',
  name: 'Parcours senior',
  publics: ['seniors'],
  partnerIds: [],
  services: [],
  yearlyReachTarget: 60,
  employmentRateTarget: 0.6,
  planActionId: null,
  openedOn: '2017-09-01',
  closedOn: null,
  closeReason: null,
};
const cohort = (cohortId: string, startedOn: string, entries: number, exits: number, employment: number): CohortRow => ({
  safir: '62001',
  pathwayId: 'senior',
  cohortId,
  startedOn,
  entries,
  exits,
  employment,
  training: 0,
  outcomesOn: null,
});

describe('pathway views', () => {
  it('counts the cohorts started in the year against the reach and employment-rate targets', () => {
    const cohorts = [cohort('c0', '2017-10-02', 12, 12, 6), cohort('c1', '2018-01-08', 14, 12, 8), cohort('c2', '2018-05-14', 15, 5, 2)];
    const [y] = pathwaysOfYear([senior], cohorts, 2018);
    expect(y).toMatchObject({ cohorts: 2, figures: { reach: 29, exits: 17, employment: 10, employmentRate: 0.588 }, reachShare: 0.483 });
    expect(y.employmentRateMet).toBe(false);
    expect(pathwaysOfYear([senior], cohorts, 2016)).toEqual([]);
  });

  it('draws the rate over time from each cohort’s latest outcomes by each day', () => {
    const cohorts = [cohort('c1', '2018-01-08', 14, 0, 0), cohort('c2', '2018-05-14', 15, 0, 0)];
    const o = (cohortId: string, on: string, exits: number, employment: number) => ({
      safir: '62001',
      pathwayId: 'senior',
      cohortId,
      on,
      exits,
      employment,
      training: 0,
    });
    const points = ratesOverTime(cohorts, [o('c1', '2018-05-31', 12, 7), o('c2', '2018-09-30', 13, 9), o('c1', '2018-09-30', 14, 9)]);
    expect(points.map((p) => [p.on, p.reach, p.exits, p.employment])).toEqual([
      ['2018-05-31', 29, 12, 7],
      ['2018-09-30', 29, 27, 18],
    ]);
  });

  it('gives a plan action of a year the measure over that year’s cohorts, on each day it changed', () => {
    const cohorts = [cohort('c0', '2017-10-02', 12, 0, 0), cohort('c1', '2018-01-08', 14, 0, 0), cohort('c2', '2018-10-01', 15, 0, 0)];
    const o = (cohortId: string, on: string, exits: number, employment: number) => ({ cohortId, on, exits, employment, training: 0 });
    const outcomes = [o('c0', '2018-02-01', 12, 9), o('c1', '2018-05-31', 12, 6), o('c2', '2019-02-28', 15, 10)];
    expect(measureSeries(cohorts, outcomes, 2018, 'REACH')).toEqual([
      { on: '2018-01-08', value: 14 },
      { on: '2018-05-31', value: 14 },
      { on: '2018-10-01', value: 29 },
      { on: '2019-02-28', value: 29 },
    ]);
    // The 2017 cohort counts for 2017; the October cohort's outcomes of February count for 2018.
    expect(measureSeries(cohorts, outcomes, 2018, 'EMPLOYMENT').map((p) => p.value)).toEqual([0, 6, 6, 16]);
    // No rate before anyone has left; then in percent.
    expect(measureSeries(cohorts, outcomes, 2018, 'EMPLOYMENT_RATE')).toEqual([
      { on: '2018-05-31', value: 50 },
      { on: '2018-10-01', value: 50 },
      { on: '2019-02-28', value: 59.3 },
    ]);
    expect(measureSeries(cohorts, outcomes, 2017, 'EMPLOYMENT_RATE')).toEqual([{ on: '2018-02-01', value: 75 }]);
  });
});
