import fc from 'fast-check';
import { DomainError, fold } from '@ancrage/shared-kernel';
import { FundCommand, fundDecider, FundState } from './fund.decider';
import type { ExpenditureCommittedData, FundEvent } from './fund.events';

const ctx = { now: new Date('2018-12-15T00:00:00Z'), actor: 'director-hdf', role: 'director' };
const given = (...events: FundEvent[]) => fold(fundDecider, events);
const when = (events: FundEvent[], command: FundCommand) => fundDecider.decide(command, given(...events), ctx);
const allocated: FundEvent = { type: 'EnvelopeAllocated', data: { safir: '62001', year: 2018, region: '32', amountCents: 100_000_00 } };
const spend = (commitmentId: string, amountCents: number, extra: Partial<ExpenditureCommittedData> = {}): FundCommand => ({
  kind: 'commit',
  commitmentId,
  category: 'LOCAL_SERVICE_PURCHASE',
  route: 'PUBLIC_PROCUREMENT',
  amountCents,
  beneficiaryPartnerId: null,
  planActionId: null,
  rationale: 'atelier image de soi',
  mobility: null,
  ...extra,
});
const apply = (events: FundEvent[], command: FundCommand) => [...events, ...when(events, command)];

describe('fund decider', () => {
  it('allocates one envelope per agency and year', () => {
    expect(when([], { kind: 'allocate', safir: '62001', year: 2018, region: '32', amountCents: 100_000_00 })).toEqual([allocated]);
    expect(() => when([allocated], { kind: 'allocate', safir: '62001', year: 2018, region: '32', amountCents: 1 })).toThrow(/adjust/);
  });

  it('refuses commitments before an envelope exists', () => {
    expect(() => when([], spend('c1', 100))).toThrow(/no envelope/);
  });

  it('commits within the envelope and refuses beyond it, saying what is left', () => {
    const events = apply([allocated], spend('c1', 60_000_00));
    expect(() => when(events, spend('c2', 40_000_01))).toThrow(/400\.00 € left|40000\.00 € left/);
    expect(when(events, spend('c2', 40_000_00))[0].type).toBe('ExpenditureCommitted');
  });

  it('lets a director authorise an over-commitment, recording who', () => {
    const events = apply([allocated], spend('c1', 100_000_00));
    const authorised = when(events, { kind: 'authorise-over-commitment', amountCents: 5_000_00, reason: 'mobilité saisonnière' });
    expect(authorised).toEqual([
      {
        type: 'OverCommitmentAuthorised',
        data: { amountCents: 5_000_00, reason: 'mobilité saisonnière', authorisedBy: 'director-hdf', requestId: null },
      },
    ]);
    expect(when([...events, ...authorised], spend('c2', 5_000_00))[0].type).toBe('ExpenditureCommitted');
  });

  it("takes a manager's over-commitment request, which a director authorises or refuses once, dated when given", () => {
    const full = apply([allocated], spend('c1', 100_000_00));
    const asked = when(full, {
      kind: 'request-over-commitment',
      requestId: 'r1',
      amountCents: 3_000_00,
      reason: 'afflux de saisonniers',
      requestedOn: '2018-02-20',
    });
    expect(asked).toEqual([
      {
        type: 'OverCommitmentRequested',
        data: { requestId: 'r1', amountCents: 3_000_00, reason: 'afflux de saisonniers', requestedBy: 'director-hdf' },
        occurredAt: '2018-02-20T12:00:00.000Z',
      },
    ]);
    const pending = [...full, ...asked];
    expect(() => when(pending, { kind: 'request-over-commitment', requestId: 'r1', amountCents: 1, reason: 'x' })).toThrow(
      expect.objectContaining({ code: 'REQUEST_EXISTS' }),
    );
    expect(() => when(pending, { kind: 'authorise-over-commitment', amountCents: 1, reason: 'x', requestId: 'nope' })).toThrow(
      expect.objectContaining({ code: 'REQUEST_NOT_FOUND' }),
    );
    const yes = when(pending, {
      kind: 'authorise-over-commitment',
      amountCents: 2_000_00,
      reason: 'accordé en partie',
      requestId: 'r1',
      authorisedOn: '2018-02-22',
    });
    expect(yes[0]).toMatchObject({ data: { requestId: 'r1', amountCents: 2_000_00 }, occurredAt: '2018-02-22T12:00:00.000Z' });
    const answered = [...pending, ...yes];
    expect(() => when(answered, { kind: 'refuse-over-commitment', requestId: 'r1', reason: 'non' })).toThrow(
      expect.objectContaining({ code: 'REQUEST_ANSWERED' }),
    );
    expect(when(answered, spend('c2', 2_000_00))[0].type).toBe('ExpenditureCommitted');
    const other = apply(pending, { kind: 'request-over-commitment', requestId: 'r2', amountCents: 1_000_00, reason: 'encore' });
    expect(when(other, { kind: 'refuse-over-commitment', requestId: 'r2', reason: 'enveloppe régionale épuisée' })).toEqual([
      { type: 'OverCommitmentRefused', data: { requestId: 'r2', reason: 'enveloppe régionale épuisée', refusedBy: 'director-hdf' } },
    ]);
  });

  it('refuses facts dated after today, a payment dated before its commitment, and more authorised than asked', () => {
    expect(() => when([allocated], spend('c1', 100, { committedOn: '2018-12-20' } as Partial<ExpenditureCommittedData>))).toThrow(
      expect.objectContaining({ code: 'FUTURE_DATE', field: 'committedOn' }),
    );
    // La Réunion starts the day four hours before UTC: its "today" is accepted.
    expect(
      fundDecider.decide({ ...spend('c1', 100), committedOn: '2018-12-15' } as FundCommand, given(allocated), {
        ...ctx,
        now: new Date('2018-12-14T21:00:00Z'),
      }),
    ).toHaveLength(1);
    const committed: FundEvent[] = [
      allocated,
      { ...when([allocated], { ...spend('c1', 1_000_00), committedOn: '2018-06-10' } as FundCommand)[0] },
    ];
    expect(() => when(committed, { kind: 'pay', commitmentId: 'c1', paymentId: 'p1', amountCents: 100_00, paidOn: '2018-06-09' })).toThrow(
      expect.objectContaining({ code: 'PAYMENT_BEFORE_COMMITMENT', field: 'paidOn' }),
    );
    expect(when(committed, { kind: 'pay', commitmentId: 'c1', paymentId: 'p1', amountCents: 100_00, paidOn: '2018-06-10' })).toHaveLength(
      1,
    );
    expect(() => when(committed, { kind: 'pay', commitmentId: 'c1', paymentId: 'p1', amountCents: 100_00, paidOn: '2019-02-01' })).toThrow(
      expect.objectContaining({ code: 'FUTURE_DATE' }),
    );
    const asked = apply([allocated], { kind: 'request-over-commitment', requestId: 'r1', amountCents: 1_000_00, reason: 'saisonniers' });
    expect(() => when(asked, { kind: 'authorise-over-commitment', requestId: 'r1', amountCents: 1_000_01, reason: 'plus' })).toThrow(
      expect.objectContaining({ code: 'AUTHORISED_EXCEEDS_REQUEST', field: 'amountCents' }),
    );
  });

  it('requires mobility details on derogatory mobility aids only', () => {
    expect(() => when([allocated], spend('c1', 100, { category: 'DEROGATORY_MOBILITY_AID' }))).toThrow(DomainError);
    expect(() =>
      when([allocated], spend('c1', 100, { mobility: { relaxedCriterion: 'MINIMUM_DISTANCE', leavesEmploymentBasin: true } })),
    ).toThrow(/mobility/);
    const ok = when(
      [allocated],
      spend('c1', 100, {
        category: 'DEROGATORY_MOBILITY_AID',
        mobility: { relaxedCriterion: 'MINIMUM_DISTANCE', leavesEmploymentBasin: true },
      }),
    );
    expect(ok[0].type).toBe('ExpenditureCommitted');
  });

  it('takes partial payments up to the commitment and no further', () => {
    let events = apply([allocated], spend('c1', 1_000_00));
    events = apply(events, { kind: 'pay', commitmentId: 'c1', paymentId: 'p1', amountCents: 600_00, paidOn: '2018-04-02' });
    expect(events[events.length - 1]).toMatchObject({ occurredAt: '2018-04-02T12:00:00.000Z' });
    expect(() => when(events, { kind: 'pay', commitmentId: 'c1', paymentId: 'p2', amountCents: 400_01 })).toThrow(/400\.00 €/);
    expect(() => when(events, { kind: 'pay', commitmentId: 'nope', paymentId: 'p2', amountCents: 1 })).toThrow(/no commitment/);
  });

  it('releases the unpaid part, which frees envelope headroom', () => {
    let events = apply([allocated], spend('c1', 100_000_00));
    events = apply(events, { kind: 'pay', commitmentId: 'c1', paymentId: 'p1', amountCents: 30_000_00 });
    const released = when(events, { kind: 'release', commitmentId: 'c1', reason: 'action annulée' });
    expect(released).toEqual([
      { type: 'CommitmentReleased', data: { commitmentId: 'c1', releasedCents: 70_000_00, reason: 'action annulée' } },
    ]);
    expect(when([...events, ...released], spend('c2', 70_000_00))[0].type).toBe('ExpenditureCommitted');
  });

  it('refuses anything on a closed year', () => {
    const events = apply([allocated], { kind: 'close', reason: 'fin d’exercice' });
    expect(() => when(events, spend('c1', 1))).toThrow(/closed/);
    expect(() => when(events, { kind: 'adjust', deltaCents: 1, reason: 'x' })).toThrow(/closed/);
  });

  it('refuses an adjustment that would leave commitments uncovered', () => {
    const events = apply([allocated], spend('c1', 80_000_00));
    expect(() => when(events, { kind: 'adjust', deltaCents: -30_000_00, reason: 'gel' })).toThrow(/committed/);
    expect(when(events, { kind: 'adjust', deltaCents: -20_000_00, reason: 'gel' })).toHaveLength(1);
  });

  it.each([0, -5, 1.5, Number.NaN])('refuses %p cents', (amount) => {
    expect(() => when([allocated], spend('c1', amount))).toThrow(/positive whole number of cents/);
  });

  describe('invariants under any sequence of commands (fast-check)', () => {
    const command: fc.Arbitrary<FundCommand> = fc.oneof(
      fc
        .record({
          kind: fc.constant('commit' as const),
          id: fc.integer({ min: 1, max: 8 }),
          amount: fc.integer({ min: -10, max: 60_000_00 }),
        })
        .map((r) => spend(`c${r.id}`, r.amount)),
      fc
        .record({ id: fc.integer({ min: 1, max: 8 }), p: fc.integer({ min: 1, max: 30 }), amount: fc.integer({ min: 1, max: 60_000_00 }) })
        .map((r): FundCommand => ({ kind: 'pay', commitmentId: `c${r.id}`, paymentId: `p${r.p}`, amountCents: r.amount })),
      fc.integer({ min: 1, max: 8 }).map((id): FundCommand => ({ kind: 'release', commitmentId: `c${id}`, reason: 'r' })),
      fc.integer({ min: -80_000_00, max: 80_000_00 }).map((delta): FundCommand => ({ kind: 'adjust', deltaCents: delta, reason: 'r' })),
      fc
        .integer({ min: 1, max: 20_000_00 })
        .map((amount): FundCommand => ({ kind: 'authorise-over-commitment', amountCents: amount, reason: 'r' })),
    );

    it('keeps committed ≤ envelope + authorised over-commitment, and paid ≤ committed for every commitment', () => {
      fc.assert(
        fc.property(fc.array(command, { maxLength: 60 }), (commands) => {
          let events: FundEvent[] = [allocated];
          for (const c of commands) {
            try {
              events = apply(events, c);
            } catch (e) {
              if (!(e instanceof DomainError)) throw e;
            }
          }
          const s: FundState = given(...events);
          expect(s.committedCents).toBeLessThanOrEqual(s.envelopeCents + s.authorisedOverCents);
          expect(s.envelopeCents).toBeGreaterThanOrEqual(0);
          for (const c of [...s.commitments.values()]) {
            expect(c.paidCents + c.releasedCents).toBeLessThanOrEqual(c.amountCents);
            expect(c.paidCents).toBeGreaterThanOrEqual(0);
          }
          expect(s.paidCents).toBeLessThanOrEqual([...s.commitments.values()].reduce((t, c) => t + c.amountCents - c.releasedCents, 0));
        }),
        { numRuns: 300, seed: 20181231 },
      );
    });
  });
});

describe('payment corrections', () => {
  it('compensate a payment, within what the commitment allows', () => {
    let events = apply([allocated], spend('c1', 1_000_00));
    events = apply(events, { kind: 'pay', commitmentId: 'c1', paymentId: 'p1', amountCents: 600_00 });
    const fixed = when(events, {
      kind: 'correct-payment',
      commitmentId: 'c1',
      paymentId: 'p1',
      correctsEventId: 'e-1',
      correctedCents: 500_00,
      reason: 'saisie',
    });
    expect(fixed).toEqual([
      {
        type: 'PaymentCorrected',
        data: {
          commitmentId: 'c1',
          paymentId: 'p1',
          correctsEventId: 'e-1',
          previousCents: 600_00,
          correctedCents: 500_00,
          reason: 'saisie',
        },
      },
    ]);
    expect(given(...events, ...fixed).paidCents).toBe(500_00);
    expect(() =>
      when(events, {
        kind: 'correct-payment',
        commitmentId: 'c1',
        paymentId: 'p1',
        correctsEventId: 'e-1',
        correctedCents: 1_000_01,
        reason: 's',
      }),
    ).toThrow(/at most/);
  });
});

describe('fund facts and their dates', () => {
  it('keeps commitments, requests and answers within the fund year, and after the envelope', () => {
    const notified = fundDecider.decide(
      { kind: 'allocate', safir: '62001', year: 2018, region: '32', amountCents: 10_000_00, allocatedOn: '2018-01-10' },
      fundDecider.initialState(),
      ctx,
    );
    expect(notified[0].occurredAt).toBe('2018-01-10T00:00:00.000Z');
    const state = given(...notified);
    const commit = (committedOn: string) => fundDecider.decide({ ...spend('c9', 100), committedOn } as FundCommand, state, ctx);
    expect(() => commit('2017-12-31')).toThrow(expect.objectContaining({ code: 'DATE_BEFORE_ENVELOPE', field: 'committedOn' }));
    expect(() => commit('2018-01-09')).toThrow(expect.objectContaining({ code: 'DATE_BEFORE_ENVELOPE' }));
    expect(commit('2018-03-14')[0].occurredAt).toBe('2018-03-14T12:00:00.000Z');
    // Recorded today for last year, a commitment must say when it was made.
    expect(() => fundDecider.decide(spend('c9', 100), state, { ...ctx, now: new Date('2019-02-01T10:00:00Z') })).toThrow(
      expect.objectContaining({ code: 'DATE_OUTSIDE_FUND_YEAR' }),
    );
    expect(() =>
      fundDecider.decide(
        { kind: 'allocate', safir: '62001', year: 2018, region: '32', amountCents: 1, allocatedOn: '2016-12-31' },
        fundDecider.initialState(),
        ctx,
      ),
    ).toThrow(expect.objectContaining({ code: 'DATE_OUTSIDE_FUND_YEAR', field: 'allocatedOn' }));
    const asked = [
      ...notified,
      ...fundDecider.decide(
        { kind: 'request-over-commitment', requestId: 'r1', amountCents: 100, reason: 'x', requestedOn: '2018-05-02' },
        state,
        ctx,
      ),
    ];
    expect(() =>
      fundDecider.decide(
        { kind: 'authorise-over-commitment', requestId: 'r1', amountCents: 100, reason: 'ok', authorisedOn: '2018-05-01' },
        given(...asked),
        ctx,
      ),
    ).toThrow(expect.objectContaining({ code: 'DATE_BEFORE_REQUEST', field: 'authorisedOn' }));
  });

  it('dates a payment correction at the payment: the payment was always of that amount', () => {
    const committed: FundEvent[] = [
      allocated,
      { ...fundDecider.decide({ ...spend('c1', 1_000_00), committedOn: '2018-06-10' } as FundCommand, given(allocated), ctx)[0] },
    ];
    const paid = fundDecider.decide(
      { kind: 'pay', commitmentId: 'c1', paymentId: 'p1', amountCents: 500_00, paidOn: '2018-07-01' },
      given(...committed),
      ctx,
    );
    const correction = fundDecider.decide(
      {
        kind: 'correct-payment',
        commitmentId: 'c1',
        paymentId: 'p1',
        correctsEventId: 'e1',
        correctedCents: 400_00,
        reason: 'erreur de saisie',
      },
      given(...committed, ...paid),
      ctx,
    );
    expect(correction[0]).toMatchObject({
      type: 'PaymentCorrected',
      occurredAt: '2018-07-01T12:00:00.000Z',
      data: { previousCents: 500_00, correctedCents: 400_00 },
    });
  });
});
