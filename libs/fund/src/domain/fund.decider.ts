import { dayOf, Decider, DomainError, factOn, type DateBounds } from '@ancrage/shared-kernel';
import type { ExpenditureCommittedData, FundEvent } from './fund.events';

export interface CommitmentState {
  amountCents: number;
  /** The day it was committed (null in states folded from events without dates). */
  committedOn: string | null;
  paidCents: number;
  releasedCents: number;
  paymentIds: string[];
  /** Current amount of each payment (after corrections). */
  payments: Map<string, number>;
  /** When each payment occurred: a correction holds from then (the payment was always that amount). */
  paidAt: Map<string, string | undefined>;
}

export interface FundState {
  allocated: boolean;
  year: number | null;
  /** The day the envelope was allocated: nothing of the year is dated before it. */
  allocatedOn: string | null;
  envelopeCents: number;
  authorisedOverCents: number;
  /** Committed and not released: what counts against the envelope. */
  committedCents: number;
  paidCents: number;
  closed: boolean;
  /** Keyed by ids the client chose: Maps, so an id such as `constructor` is just an id. */
  commitments: Map<string, CommitmentState>;
  /** Over-commitment requests by id, and whether a director has answered them. */
  requests: Map<string, OverCommitmentRequestState>;
}

export interface OverCommitmentRequestState {
  amountCents: number;
  status: 'PENDING' | 'AUTHORISED' | 'REFUSED';
  requestedOn: string | null;
}

export type FundCommand =
  | { kind: 'allocate'; safir: string; year: number; region: string; amountCents: number; allocatedOn?: string }
  | { kind: 'adjust'; deltaCents: number; reason: string; adjustedOn?: string }
  | ({ kind: 'commit'; committedOn?: string } & ExpenditureCommittedData)
  | { kind: 'request-over-commitment'; requestId: string; amountCents: number; reason: string; requestedOn?: string }
  /** Answers a pending request when it names one; a director may also authorise unasked. */
  | { kind: 'authorise-over-commitment'; amountCents: number; reason: string; requestId?: string; authorisedOn?: string }
  | { kind: 'refuse-over-commitment'; requestId: string; reason: string; refusedOn?: string }
  | { kind: 'pay'; commitmentId: string; paymentId: string; amountCents: number; paidOn?: string }
  | { kind: 'release'; commitmentId: string; reason: string; releasedOn?: string }
  | { kind: 'correct-payment'; commitmentId: string; paymentId: string; correctsEventId: string; correctedCents: number; reason: string }
  | { kind: 'close'; reason: string; closedOn?: string };

const euros = (cents: number) => `${(cents / 100).toFixed(2)} €`;

function positiveCents(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new DomainError('INVALID_AMOUNT', `${field} must be a positive whole number of cents`, 'rule', field);
}

function pendingRequest(s: FundState, requestId: string): OverCommitmentRequestState {
  const request = s.requests.get(requestId);
  if (!request) throw new DomainError('REQUEST_NOT_FOUND', `no over-commitment request ${requestId}`, 'not_found', 'requestId');
  if (request.status !== 'PENDING')
    throw new DomainError('REQUEST_ANSWERED', `request ${requestId} was already ${request.status.toLowerCase()}`, 'conflict', 'requestId');
  return request;
}

/** Headroom left under the envelope and any authorised over-commitment. */
export const headroom = (s: FundState) => s.envelopeCents + s.authorisedOverCents - s.committedCents;

export const fundDecider: Decider<FundCommand, FundEvent, FundState> = {
  initialState: () => ({
    allocated: false,
    year: null,
    allocatedOn: null,
    envelopeCents: 0,
    authorisedOverCents: 0,
    committedCents: 0,
    paidCents: 0,
    closed: false,
    commitments: new Map(),
    requests: new Map(),
  }),

  evolve(s, e) {
    switch (e.type) {
      case 'EnvelopeAllocated':
        return { ...s, allocated: true, year: e.data.year, allocatedOn: dayOf(e.occurredAt), envelopeCents: e.data.amountCents };
      case 'EnvelopeAdjusted':
        return { ...s, envelopeCents: s.envelopeCents + e.data.deltaCents };
      case 'OverCommitmentRequested':
        return {
          ...s,
          requests: new Map(s.requests).set(e.data.requestId, {
            amountCents: e.data.amountCents,
            status: 'PENDING',
            requestedOn: dayOf(e.occurredAt),
          }),
        };
      case 'OverCommitmentAuthorised': {
        const requestId = e.data.requestId;
        const asked = requestId ? s.requests.get(requestId) : undefined;
        const requests = requestId
          ? new Map(s.requests).set(requestId, {
              amountCents: e.data.amountCents,
              status: 'AUTHORISED',
              requestedOn: asked?.requestedOn ?? null,
            })
          : s.requests;
        return { ...s, authorisedOverCents: s.authorisedOverCents + e.data.amountCents, requests };
      }
      case 'OverCommitmentRefused': {
        const request = s.requests.get(e.data.requestId);
        return request ? { ...s, requests: new Map(s.requests).set(e.data.requestId, { ...request, status: 'REFUSED' }) } : s;
      }
      case 'ExpenditureCommitted':
        return {
          ...s,
          committedCents: s.committedCents + e.data.amountCents,
          commitments: new Map(s.commitments).set(e.data.commitmentId, {
            amountCents: e.data.amountCents,
            committedOn: e.occurredAt?.slice(0, 10) ?? null,
            paidCents: 0,
            releasedCents: 0,
            paymentIds: [],
            payments: new Map(),
            paidAt: new Map(),
          }),
        };
      case 'PaymentRecorded': {
        const c = s.commitments.get(e.data.commitmentId)!;
        return {
          ...s,
          paidCents: s.paidCents + e.data.amountCents,
          commitments: new Map(s.commitments).set(e.data.commitmentId, {
            ...c,
            paidCents: c.paidCents + e.data.amountCents,
            paymentIds: [...c.paymentIds, e.data.paymentId],
            payments: new Map(c.payments).set(e.data.paymentId, e.data.amountCents),
            paidAt: new Map(c.paidAt).set(e.data.paymentId, e.occurredAt),
          }),
        };
      }
      case 'PaymentCorrected': {
        const c = s.commitments.get(e.data.commitmentId)!;
        const delta = e.data.correctedCents - e.data.previousCents;
        return {
          ...s,
          paidCents: s.paidCents + delta,
          commitments: new Map(s.commitments).set(e.data.commitmentId, {
            ...c,
            paidCents: c.paidCents + delta,
            payments: new Map(c.payments).set(e.data.paymentId, e.data.correctedCents),
          }),
        };
      }
      case 'CommitmentReleased': {
        const c = s.commitments.get(e.data.commitmentId)!;
        return {
          ...s,
          committedCents: s.committedCents - e.data.releasedCents,
          commitments: new Map(s.commitments).set(e.data.commitmentId, { ...c, releasedCents: c.releasedCents + e.data.releasedCents }),
        };
      }
      case 'FundYearClosed':
        return { ...s, closed: true };
    }
  },

  decide(c, s, { actor, now }) {
    if (c.kind === 'allocate') {
      if (s.allocated)
        throw new DomainError('ENVELOPE_EXISTS', `the ${c.year} envelope is already allocated; adjust it instead`, 'conflict');
      positiveCents(c.amountCents, 'amountCents');
      // Envelopes are notified from the autumn before their year.
      factOn(c.allocatedOn, now, 'allocatedOn', {
        notBefore: { day: `${c.year - 1}-01-01`, code: 'DATE_OUTSIDE_FUND_YEAR', why: `1 January ${c.year - 1}` },
        notAfter: { day: `${c.year}-12-31`, code: 'DATE_OUTSIDE_FUND_YEAR', why: `the end of ${c.year}` },
      });
      return [
        {
          type: 'EnvelopeAllocated',
          data: { safir: c.safir, year: c.year, region: c.region, amountCents: c.amountCents },
          ...(c.allocatedOn ? { occurredAt: `${c.allocatedOn}T00:00:00.000Z` } : {}),
        },
      ];
    }
    if (!s.allocated) throw new DomainError('NO_ENVELOPE', 'no envelope has been allocated for this agency and year', 'rule');
    if (s.closed) throw new DomainError('YEAR_CLOSED', `the ${s.year} fund year is closed: nothing more can be recorded on it`, 'rule');
    const afterAllocation = { day: s.allocatedOn, code: 'DATE_BEFORE_ENVELOPE', why: 'the day the envelope was allocated' };
    // Commitments and the envelope's own changes belong to the fund year; payments may follow it.
    const inFundYear: DateBounds = { notBefore: afterAllocation, inYear: { year: s.year!, code: 'DATE_OUTSIDE_FUND_YEAR' } };

    switch (c.kind) {
      case 'adjust': {
        if (!Number.isSafeInteger(c.deltaCents) || c.deltaCents === 0)
          throw new DomainError('INVALID_AMOUNT', 'deltaCents must be a non-zero whole number of cents', 'rule', 'deltaCents');
        const envelope = s.envelopeCents + c.deltaCents;
        if (envelope < 0)
          throw new DomainError('NEGATIVE_ENVELOPE', `the envelope would become negative (${euros(envelope)})`, 'rule', 'deltaCents');
        if (envelope + s.authorisedOverCents < s.committedCents) {
          throw new DomainError(
            'BELOW_COMMITTED',
            `the envelope cannot drop below what is committed (${euros(s.committedCents)})`,
            'rule',
            'deltaCents',
          );
        }
        return [
          {
            type: 'EnvelopeAdjusted',
            data: { deltaCents: c.deltaCents, reason: c.reason },
            ...factOn(c.adjustedOn, now, 'adjustedOn', inFundYear),
          },
        ];
      }
      case 'request-over-commitment':
        positiveCents(c.amountCents, 'amountCents');
        if (s.requests.has(c.requestId))
          throw new DomainError('REQUEST_EXISTS', `request ${c.requestId} already exists`, 'conflict', 'requestId');
        return [
          {
            type: 'OverCommitmentRequested',
            data: { requestId: c.requestId, amountCents: c.amountCents, reason: c.reason, requestedBy: actor },
            ...factOn(c.requestedOn, now, 'requestedOn', inFundYear),
          },
        ];
      case 'authorise-over-commitment': {
        positiveCents(c.amountCents, 'amountCents');
        const request = c.requestId !== undefined ? pendingRequest(s, c.requestId) : undefined;
        if (request && c.amountCents > request.amountCents) {
          throw new DomainError(
            'AUTHORISED_EXCEEDS_REQUEST',
            `the agency asked for ${euros(request.amountCents)}: a director authorises at most what was asked`,
            'rule',
            'amountCents',
          );
        }
        const afterRequest = request
          ? { day: request.requestedOn, code: 'DATE_BEFORE_REQUEST', why: 'the day it was requested' }
          : afterAllocation;
        return [
          {
            type: 'OverCommitmentAuthorised',
            data: { amountCents: c.amountCents, reason: c.reason, authorisedBy: actor, requestId: c.requestId ?? null },
            ...factOn(c.authorisedOn, now, 'authorisedOn', { ...inFundYear, notBefore: afterRequest }),
          },
        ];
      }
      case 'refuse-over-commitment': {
        const request = pendingRequest(s, c.requestId);
        const dated = factOn(c.refusedOn, now, 'refusedOn', {
          ...inFundYear,
          notBefore: { day: request.requestedOn, code: 'DATE_BEFORE_REQUEST', why: 'the day it was requested' },
        });
        return [{ type: 'OverCommitmentRefused', data: { requestId: c.requestId, reason: c.reason, refusedBy: actor }, ...dated }];
      }
      case 'commit': {
        positiveCents(c.amountCents, 'amountCents');
        const dated = factOn(c.committedOn, now, 'committedOn', inFundYear);
        if (s.commitments.has(c.commitmentId))
          throw new DomainError('COMMITMENT_EXISTS', `commitment ${c.commitmentId} already exists`, 'conflict', 'commitmentId');
        if (c.category === 'DEROGATORY_MOBILITY_AID' && !c.mobility) {
          throw new DomainError(
            'MOBILITY_DETAILS_REQUIRED',
            'a derogatory mobility aid must say which criterion it relaxes and whether it leaves the basin',
            'rule',
            'mobility',
          );
        }
        if (c.category !== 'DEROGATORY_MOBILITY_AID' && c.mobility) {
          throw new DomainError(
            'MOBILITY_DETAILS_UNEXPECTED',
            'mobility details apply to derogatory mobility aids only',
            'rule',
            'mobility',
          );
        }
        if (c.amountCents > headroom(s)) {
          throw new DomainError(
            'ENVELOPE_EXCEEDED',
            `committing ${euros(c.amountCents)} would exceed the envelope: ${euros(Math.max(0, headroom(s)))} left; a director may authorise an over-commitment`,
            'rule',
            'amountCents',
          );
        }
        const { kind: _k, committedOn: _on, ...data } = c;
        return [{ type: 'ExpenditureCommitted', data, ...dated }];
      }
      case 'pay': {
        positiveCents(c.amountCents, 'amountCents');
        const commitment = s.commitments.get(c.commitmentId);
        if (!commitment) throw new DomainError('COMMITMENT_NOT_FOUND', `no commitment ${c.commitmentId}`, 'not_found');
        if (commitment.paymentIds.includes(c.paymentId))
          throw new DomainError('PAYMENT_EXISTS', `payment ${c.paymentId} is already recorded`, 'conflict', 'paymentId');
        const dated = factOn(c.paidOn, now, 'paidOn', {
          notBefore: { day: commitment.committedOn, code: 'PAYMENT_BEFORE_COMMITMENT', why: 'the day the expenditure was committed' },
        });
        const payable = commitment.amountCents - commitment.releasedCents - commitment.paidCents;
        if (c.amountCents > payable) {
          throw new DomainError(
            'PAYMENT_EXCEEDS_COMMITMENT',
            `only ${euros(payable)} of this commitment remains to be paid`,
            'rule',
            'amountCents',
          );
        }
        return [
          {
            type: 'PaymentRecorded',
            data: { commitmentId: c.commitmentId, paymentId: c.paymentId, amountCents: c.amountCents },
            ...dated,
          },
        ];
      }
      case 'release': {
        const commitment = s.commitments.get(c.commitmentId);
        if (!commitment) throw new DomainError('COMMITMENT_NOT_FOUND', `no commitment ${c.commitmentId}`, 'not_found');
        const unpaid = commitment.amountCents - commitment.releasedCents - commitment.paidCents;
        if (unpaid === 0) throw new DomainError('NOTHING_TO_RELEASE', 'this commitment has nothing left unpaid to release', 'rule');
        const dated = factOn(c.releasedOn, now, 'releasedOn', {
          notBefore: { day: commitment.committedOn, code: 'DATE_BEFORE_COMMITMENT', why: 'the day the expenditure was committed' },
        });
        return [{ type: 'CommitmentReleased', data: { commitmentId: c.commitmentId, releasedCents: unpaid, reason: c.reason }, ...dated }];
      }
      case 'correct-payment': {
        const commitment = s.commitments.get(c.commitmentId);
        if (!commitment) throw new DomainError('COMMITMENT_NOT_FOUND', `no commitment ${c.commitmentId}`, 'not_found');
        const previous = commitment.payments.get(c.paymentId);
        if (previous === undefined)
          throw new DomainError('PAYMENT_NOT_FOUND', `no payment ${c.paymentId} on this commitment`, 'not_found', 'paymentId');
        if (!Number.isSafeInteger(c.correctedCents) || c.correctedCents < 0)
          throw new DomainError('INVALID_AMOUNT', 'correctedCents must be a whole number of cents, 0 or more', 'rule', 'correctedCents');
        const payable = commitment.amountCents - commitment.releasedCents - commitment.paidCents + previous;
        if (c.correctedCents > payable)
          throw new DomainError(
            'PAYMENT_EXCEEDS_COMMITMENT',
            `at most ${euros(payable)} can be paid on this commitment`,
            'rule',
            'correctedCents',
          );
        // The payment was always of the corrected amount: the correction holds from when it was paid,
        // and "as known at" an earlier instant still shows what was recorded then.
        const paidAt = commitment.paidAt.get(c.paymentId);
        return [
          {
            type: 'PaymentCorrected',
            data: {
              commitmentId: c.commitmentId,
              paymentId: c.paymentId,
              correctsEventId: c.correctsEventId,
              previousCents: previous,
              correctedCents: c.correctedCents,
              reason: c.reason,
            },
            ...(paidAt ? { occurredAt: paidAt } : {}),
          },
        ];
      }
      case 'close':
        return [
          { type: 'FundYearClosed', data: { reason: c.reason }, ...factOn(c.closedOn, now, 'closedOn', { notBefore: afterAllocation }) },
        ];
    }
  },
};
