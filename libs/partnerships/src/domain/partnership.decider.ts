import { dayOf, Decider, DomainError, factOn, happenedBy, type ServiceOffer } from '@ancrage/shared-kernel';
import { CATEGORIES, Circle, PartnerCategory, Scale } from './categories';
import type { AgreementObjective, ContactKind, Expectation, PartnershipEvent, QualityCriterion } from './partnerships.events';

interface AgreementState {
  agreementId: string;
  startDate: string;
  endDate: string | null;
  terminated: boolean;
  /** Its later facts cannot be dated before the signature. */
  signedOn: string | null;
}

export interface PartnershipState {
  agreements: AgreementState[];
  circle: Circle | null;
  /** Keyed by ids the client chose: a Map, so an id such as `constructor` is just an id. */
  expectations: Map<string, { addressed: boolean; recordedOn: string | null }>;
}

/** What the partnership needs to know of its partner (read from the partner's stream by the handler). */
export interface PartnerFacts {
  exists: boolean;
  closed: boolean;
  category: PartnerCategory | null;
}

export type PartnershipCommand = { safir: string; partnerId: string; partner: PartnerFacts; today: string } & (
  | {
      kind: 'sign';
      agreementId: string;
      reference: string;
      scale: Scale;
      formal: boolean;
      objectives: AgreementObjective[];
      startDate: string;
      endDate: string | null;
      services: ServiceOffer[];
      signedOn?: string;
    }
  | { kind: 'amend'; agreementId: string; note: string; endDate: string | null; amendedOn?: string }
  | { kind: 'renew'; agreementId: string; endDate: string; renewedOn?: string }
  | { kind: 'terminate'; agreementId: string; terminatedOn: string; reason: string }
  | { kind: 'assign-circle'; circle: Circle; reason: string | null; assignedOn?: string }
  | { kind: 'log-contact'; contactKind: ContactKind; date: string; participants: string[]; note: string | null }
  | { kind: 'record-expectation'; expectationId: string; expectation: Expectation; note: string | null; recordedOn?: string }
  | { kind: 'address-expectation'; expectationId: string; note: string | null; addressedOn?: string }
  | { kind: 'assess'; score: 1 | 2 | 3 | 4; criteria: Partial<Record<QualityCriterion, boolean>>; assessedOn: string }
);

/** An agreement is active on a date when it has started, not ended, and not been terminated. */
export const activeOn = (a: AgreementState, date: string) =>
  !a.terminated && a.startDate <= date && (a.endDate === null || a.endDate >= date);

export const partnershipDecider: Decider<PartnershipCommand, PartnershipEvent, PartnershipState> = {
  initialState: () => ({ agreements: [], circle: null, expectations: new Map() }),
  evolve(s, e) {
    switch (e.type) {
      case 'AgreementSigned': {
        const signedOn = dayOf(e.occurredAt);
        return {
          ...s,
          agreements: [
            ...s.agreements,
            { agreementId: e.data.agreementId, startDate: e.data.startDate, endDate: e.data.endDate, terminated: false, signedOn },
          ],
        };
      }
      case 'AgreementAmended':
      case 'AgreementRenewed':
        return {
          ...s,
          agreements: s.agreements.map((a) => (a.agreementId === e.data.agreementId ? { ...a, endDate: e.data.endDate } : a)),
        };
      case 'AgreementTerminated':
        return { ...s, agreements: s.agreements.map((a) => (a.agreementId === e.data.agreementId ? { ...a, terminated: true } : a)) };
      case 'PriorityCircleAssigned':
        return { ...s, circle: e.data.circle };
      case 'PartnerExpectationRecorded':
        return {
          ...s,
          expectations: new Map(s.expectations).set(e.data.expectationId, { addressed: false, recordedOn: dayOf(e.occurredAt) }),
        };
      case 'PartnerExpectationAddressed': {
        const recordedOn = s.expectations.get(e.data.expectationId)?.recordedOn ?? null;
        return { ...s, expectations: new Map(s.expectations).set(e.data.expectationId, { addressed: true, recordedOn }) };
      }
      default:
        return s;
    }
  },
  // A contact or an assessment only adds a fact: its rules read the partner, not this stream.
  independentOfState: (c) => c.kind === 'log-contact' || c.kind === 'assess',
  decide(c, s, { now }) {
    if (!c.partner.exists) throw new DomainError('PARTNER_NOT_FOUND', `no partner ${c.partnerId}`, 'not_found', 'partnerId');
    const ids = { safir: c.safir, partnerId: c.partnerId };
    const agreement = 'agreementId' in c ? s.agreements.find((a) => a.agreementId === c.agreementId) : undefined;
    const needsOpenPartner = () => {
      if (c.partner.closed)
        throw new DomainError('PARTNER_CLOSED', 'the partner is closed: nothing more can be recorded with it', 'rule', 'partnerId');
    };
    const endsAfterStart = (start: string, end: string | null, field: string) => {
      if (end !== null && end < start)
        throw new DomainError('ENDS_BEFORE_START', 'an agreement cannot end before it starts', 'rule', field);
    };
    switch (c.kind) {
      case 'sign': {
        needsOpenPartner();
        if (agreement) throw new DomainError('AGREEMENT_EXISTS', `agreement ${c.agreementId} already exists`, 'conflict', 'agreementId');
        endsAfterStart(c.startDate, c.endDate, 'endDate');
        const overlapping = s.agreements.find((a) => !a.terminated && (a.endDate === null || a.endDate >= c.startDate));
        if (overlapping) {
          throw new DomainError(
            'AGREEMENT_ACTIVE',
            `agreement ${overlapping.agreementId} is still active: amend, renew or terminate it first`,
            'conflict',
            'startDate',
          );
        }
        const { kind: _k, partner: _p, today: _t, signedOn, ...data } = c;
        return [
          {
            type: 'AgreementSigned',
            data: { ...data, objectives: [...new Set(c.objectives)], services: [...new Set(c.services)] },
            ...factOn(signedOn, now, 'signedOn'),
          },
        ];
      }
      case 'amend':
      case 'renew':
      case 'terminate': {
        if (!agreement) throw new DomainError('AGREEMENT_NOT_FOUND', `no agreement ${c.agreementId}`, 'not_found', 'agreementId');
        if (agreement.terminated) throw new DomainError('AGREEMENT_TERMINATED', 'this agreement was terminated', 'rule', 'agreementId');
        const afterSignature = {
          notBefore: { day: agreement.signedOn, code: 'DATE_BEFORE_SIGNATURE', why: 'the day the agreement was signed' },
        };
        // terminatedOn is when it takes effect, which notice may put ahead: the decision is a
        // fact of the day it is recorded.
        if (c.kind === 'terminate')
          return [
            { type: 'AgreementTerminated', data: { ...ids, agreementId: c.agreementId, terminatedOn: c.terminatedOn, reason: c.reason } },
          ];
        endsAfterStart(agreement.startDate, c.endDate, 'endDate');
        if (c.kind === 'renew') {
          if (agreement.endDate !== null && c.endDate <= agreement.endDate)
            throw new DomainError('RENEWAL_NOT_LATER', 'a renewal must end after the current end date', 'rule', 'endDate');
          return [
            {
              type: 'AgreementRenewed',
              data: { ...ids, agreementId: c.agreementId, endDate: c.endDate },
              ...factOn(c.renewedOn, now, 'renewedOn', afterSignature),
            },
          ];
        }
        return [
          {
            type: 'AgreementAmended',
            data: { ...ids, agreementId: c.agreementId, note: c.note, endDate: c.endDate },
            ...factOn(c.amendedOn, now, 'amendedOn', afterSignature),
          },
        ];
      }
      case 'assign-circle': {
        const defaultCircle = CATEGORIES[c.partner.category!].circle;
        assertCircleReason(c.partner.category!, c.circle, c.reason);
        return s.circle === c.circle
          ? []
          : [
              {
                type: 'PriorityCircleAssigned',
                data: { ...ids, circle: c.circle, defaultCircle, reason: c.reason },
                ...factOn(c.assignedOn, now, 'assignedOn'),
              },
            ];
      }
      case 'log-contact':
        needsOpenPartner();
        happenedBy(c.date, now, 'date');
        return [
          {
            type: 'ContactLogged',
            data: { ...ids, kind: c.contactKind, date: c.date, participants: c.participants, note: c.note },
            occurredAt: `${c.date}T12:00:00.000Z`,
          },
        ];
      case 'record-expectation':
        if (s.expectations.has(c.expectationId))
          throw new DomainError('EXPECTATION_EXISTS', `expectation ${c.expectationId} already exists`, 'conflict', 'expectationId');
        return [
          {
            type: 'PartnerExpectationRecorded',
            data: { ...ids, expectationId: c.expectationId, expectation: c.expectation, note: c.note },
            ...factOn(c.recordedOn, now, 'recordedOn'),
          },
        ];
      case 'address-expectation': {
        const e = s.expectations.get(c.expectationId);
        if (!e) throw new DomainError('EXPECTATION_NOT_FOUND', `no expectation ${c.expectationId}`, 'not_found');
        if (e.addressed) return [];
        const dated = factOn(c.addressedOn, now, 'addressedOn', {
          notBefore: { day: e.recordedOn, code: 'DATE_BEFORE_EXPECTATION', why: 'the day the expectation was recorded' },
        });
        return [{ type: 'PartnerExpectationAddressed', data: { ...ids, expectationId: c.expectationId, note: c.note }, ...dated }];
      }
      case 'assess':
        needsOpenPartner();
        happenedBy(c.assessedOn, now, 'assessedOn');
        if (![1, 2, 3, 4].includes(c.score)) throw new DomainError('INVALID_SCORE', 'score must be 1, 2, 3 or 4', 'rule', 'score');
        return [
          {
            type: 'QualityAssessed',
            data: { ...ids, score: c.score, criteria: c.criteria, assessedOn: c.assessedOn },
            occurredAt: `${c.assessedOn}T12:00:00.000Z`,
          },
        ];
    }
  },
};

/** A circle other than the category's default says why (an import checks it before registering). */
export function assertCircleReason(category: PartnerCategory, circle: number, reason: string | null | undefined): void {
  const defaultCircle = CATEGORIES[category].circle;
  if (circle !== defaultCircle && !reason) {
    throw new DomainError(
      'REASON_REQUIRED',
      `${category} partners are in circle ${defaultCircle} by default: say why this one is in circle ${circle}`,
      'rule',
      'reason',
    );
  }
}
