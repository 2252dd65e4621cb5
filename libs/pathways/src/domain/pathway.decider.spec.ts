import { refusalOf } from '@ancrage/testing/refusal';
import { fold } from '@ancrage/shared-kernel';
import { PathwayCommand, pathwayDecider } from './pathway.decider';
import type { PathwayEvent } from './pathways.events';

const ctx = { now: new Date('2018-06-01T08:00:00Z'), actor: 'm', role: 'manager' };
type Variant = PathwayCommand extends infer C ? (C extends PathwayCommand ? Omit<C, 'safir' | 'pathwayId'> : never) : never;
const decide = (given: PathwayEvent[], c: Variant) =>
  pathwayDecider.decide({ safir: '62001', pathwayId: 'senior', ...c }, fold(pathwayDecider, given), ctx);
const refusal = (given: PathwayEvent[], c: Variant) => refusalOf(() => decide(given, c));

// Encadré 3: groups of 12 to 15, 60 people a year, 60% back in work.
const open: Variant = {
  kind: 'open',
  name: 'Parcours senior',
  publics: ['seniors'],
  partnerIds: [],
  unknownPartners: [],
  services: ['ACCOMPAGNEMENT_RENFORCE'],
  yearlyReachTarget: 60,
  employmentRateTarget: 0.6,
  planActionId: null,
  openedOn: '2017-09-01',
};
const opened = decide([], open);
const cohort = [...opened, ...decide(opened, { kind: 'start-cohort', cohortId: 'c1', entries: 14, startedOn: '2018-01-08' })];
const outcomes = (on: string, exits: number, employment: number, training = 0): Variant => ({
  kind: 'record-outcomes',
  cohortId: 'c1',
  on,
  exits,
  employment,
  training,
});

describe('pathway decider', () => {
  it('opens with targets a rate and a number can meet', () => {
    expect(opened[0]).toMatchObject({ type: 'PathwayOpened', occurredAt: '2017-09-01T12:00:00.000Z', data: { yearlyReachTarget: 60 } });
    expect(refusal(opened, open)).toMatchObject({ code: 'PATHWAY_EXISTS', kind: 'conflict' });
    expect(refusal([], { ...open, employmentRateTarget: 1.2 })).toMatchObject({
      code: 'INVALID_TARGET',
      field: 'employmentRateTarget',
    });
    expect(refusal([], { ...open, unknownPartners: ['x'] })).toMatchObject({ code: 'UNKNOWN_PARTNER', field: 'partnerIds' });
  });

  it('starts cohorts once each, not before the opening', () => {
    expect(refusal(cohort, { kind: 'start-cohort', cohortId: 'c1', entries: 12 })).toMatchObject({ code: 'COHORT_EXISTS' });
    expect(refusal(opened, { kind: 'start-cohort', cohortId: 'c2', entries: 12, startedOn: '2017-08-01' })).toMatchObject({
      code: 'DATE_BEFORE_OPENING',
    });
    expect(refusal([], { kind: 'start-cohort', cohortId: 'c2', entries: 12 })).toMatchObject({
      code: 'PATHWAY_NOT_FOUND',
      kind: 'not_found',
    });
  });

  it('takes outcomes to date that the cohort can hold, in date order', () => {
    const [o] = decide(cohort, outcomes('2018-05-31', 12, 7, 2));
    expect(o).toMatchObject({ type: 'CohortOutcomesRecorded', occurredAt: '2018-05-31T12:00:00.000Z', data: { exits: 12, employment: 7 } });
    expect(refusal(cohort, outcomes('2018-05-31', 15, 7))).toMatchObject({ code: 'EXITS_EXCEED_ENTRIES', field: 'exits' });
    expect(refusal(cohort, outcomes('2018-05-31', 10, 8, 3))).toMatchObject({ code: 'OUTCOMES_EXCEED_EXITS', field: 'employment' });
    expect(refusal(cohort, outcomes('2018-01-01', 0, 0))).toMatchObject({ code: 'DATE_BEFORE_COHORT', field: 'on' });
    expect(refusal([...cohort, o], outcomes('2018-04-30', 10, 5))).toMatchObject({ code: 'DATE_BEFORE_LAST_OUTCOMES' });
    expect(refusal(cohort, { ...outcomes('2018-05-31', 1, 0), cohortId: 'c9' } as Variant)).toMatchObject({ code: 'COHORT_NOT_FOUND' });
  });

  it('after the close, takes outcomes of its cohorts but no new cohort', () => {
    const closed = [...cohort, ...decide(cohort, { kind: 'close', reason: 'fin de l’expérimentation', closedOn: '2018-05-01' })];
    expect(decide(closed, outcomes('2018-05-31', 12, 8))).toHaveLength(1);
    expect(refusal(closed, { kind: 'start-cohort', cohortId: 'c2', entries: 12 })).toMatchObject({ code: 'PATHWAY_CLOSED' });
  });
});
