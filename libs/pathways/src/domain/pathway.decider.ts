import { dayOf, Decider, DomainError, factOn, ServiceOffer } from '@ancrage/shared-kernel';
import type { CohortOutcomes, PathwayEvent } from './pathways.events';

interface Cohort {
  startedOn: string;
  entries: number;
  lastOutcomesOn: string | null;
}

export interface PathwayState {
  opened: boolean;
  openedOn: string | null;
  closedOn: string | null;
  cohorts: Record<string, Cohort>;
}

export type PathwayCommand = { safir: string; pathwayId: string } & (
  | {
      kind: 'open';
      name: string;
      publics: string[];
      partnerIds: string[];
      unknownPartners: string[];
      services: ServiceOffer[];
      yearlyReachTarget: number;
      employmentRateTarget: number;
      planActionId: string | null;
      openedOn?: string;
    }
  | { kind: 'start-cohort'; cohortId: string; entries: number; startedOn?: string }
  | ({ kind: 'record-outcomes'; cohortId: string; on: string } & CohortOutcomes)
  | { kind: 'close'; reason: string; closedOn?: string }
);

export const pathwayDecider: Decider<PathwayCommand, PathwayEvent, PathwayState> = {
  initialState: () => ({ opened: false, openedOn: null, closedOn: null, cohorts: {} }),
  evolve(s, e) {
    const day = dayOf(e.occurredAt)!;
    switch (e.type) {
      case 'PathwayOpened':
        return { ...s, opened: true, openedOn: day };
      case 'CohortStarted':
        return { ...s, cohorts: { ...s.cohorts, [e.data.cohortId]: { startedOn: day, entries: e.data.entries, lastOutcomesOn: null } } };
      case 'CohortOutcomesRecorded':
        return { ...s, cohorts: { ...s.cohorts, [e.data.cohortId]: { ...s.cohorts[e.data.cohortId], lastOutcomesOn: e.data.on } } };
      case 'PathwayClosed':
        return { ...s, closedOn: day };
    }
  },
  decide(c, s, { now }) {
    const target = { safir: c.safir, pathwayId: c.pathwayId };
    if (c.kind === 'open') {
      if (s.opened) throw new DomainError('PATHWAY_EXISTS', `pathway ${c.pathwayId} already exists`, 'conflict', 'pathwayId');
      if (c.unknownPartners.length)
        throw new DomainError('UNKNOWN_PARTNER', `no partner ${c.unknownPartners.join(', ')} in the register`, 'rule', 'partnerIds');
      if (!Number.isInteger(c.yearlyReachTarget) || c.yearlyReachTarget < 1)
        throw new DomainError('INVALID_TARGET', 'yearlyReachTarget must be a whole number of 1 or more', 'rule', 'yearlyReachTarget');
      if (!(c.employmentRateTarget > 0 && c.employmentRateTarget <= 1))
        throw new DomainError(
          'INVALID_TARGET',
          'employmentRateTarget must be a share above 0 and at most 1',
          'rule',
          'employmentRateTarget',
        );
      const { kind: _k, unknownPartners: _u, openedOn, ...data } = c;
      return [{ type: 'PathwayOpened', data, ...factOn(openedOn, now, 'openedOn') }];
    }
    if (!s.opened) throw new DomainError('PATHWAY_NOT_FOUND', 'no such pathway for this agency', 'not_found');
    if (c.kind === 'record-outcomes') {
      const cohort = Object.hasOwn(s.cohorts, c.cohortId) ? s.cohorts[c.cohortId] : undefined;
      if (!cohort) throw new DomainError('COHORT_NOT_FOUND', `no cohort ${c.cohortId} in this pathway`, 'not_found');
      const dated = factOn(c.on, now, 'on', {
        notBefore: { day: cohort.startedOn, code: 'DATE_BEFORE_COHORT', why: 'the day the cohort started' },
      });
      if (cohort.lastOutcomesOn && c.on < cohort.lastOutcomesOn)
        throw new DomainError('DATE_BEFORE_LAST_OUTCOMES', `outcomes were last recorded for ${cohort.lastOutcomesOn}`, 'rule', 'on');
      for (const field of ['exits', 'employment', 'training'] as const)
        if (!Number.isInteger(c[field]) || c[field] < 0)
          throw new DomainError('INVALID_COUNT', `${field} must be a whole number`, 'rule', field);
      if (c.exits > cohort.entries)
        throw new DomainError('EXITS_EXCEED_ENTRIES', `the cohort had ${cohort.entries} entries`, 'rule', 'exits');
      if (c.employment + c.training > c.exits)
        throw new DomainError('OUTCOMES_EXCEED_EXITS', 'people in work and in training cannot exceed the exits', 'rule', 'employment');
      const { kind: _k, ...data } = c;
      return [{ type: 'CohortOutcomesRecorded', data, ...dated }];
    }
    if (s.closedOn) throw new DomainError('PATHWAY_CLOSED', `the pathway closed on ${s.closedOn}`, 'rule');
    const sinceOpening = { notBefore: { day: s.openedOn, code: 'DATE_BEFORE_OPENING', why: 'the day the pathway opened' } };
    if (c.kind === 'start-cohort') {
      if (Object.hasOwn(s.cohorts, c.cohortId))
        throw new DomainError('COHORT_EXISTS', `cohort ${c.cohortId} already exists`, 'conflict', 'cohortId');
      if (!Number.isInteger(c.entries) || c.entries < 1)
        throw new DomainError('INVALID_COUNT', 'entries must be a whole number of 1 or more', 'rule', 'entries');
      return [
        {
          type: 'CohortStarted',
          data: { ...target, cohortId: c.cohortId, entries: c.entries },
          ...factOn(c.startedOn, now, 'startedOn', sinceOpening),
        },
      ];
    }
    return [{ type: 'PathwayClosed', data: { ...target, reason: c.reason }, ...factOn(c.closedOn, now, 'closedOn', sinceOpening) }];
  },
};
