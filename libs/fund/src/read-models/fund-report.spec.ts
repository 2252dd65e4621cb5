import { forecast, monthlySeries } from './fund-report';
import type { FundEnvelopeRow } from './fund.entities';

const envelope = (committedCents: number): FundEnvelopeRow => ({
  safir: '62001',
  year: 2018,
  region: '32',
  envelopeCents: 120_000_00,
  authorisedOverCents: 0,
  committedCents,
  paidCents: 0,
  releasedCents: 0,
  mobilityCents: 0,
  mobilityLeavingBasinCents: 0,
  committedByCategory: {},
  committedByRoute: {},
  commitments: 1,
  closed: false,
});

describe('fund forecast', () => {
  it('warns when the burn rate exhausts the envelope before 31 December', () => {
    // 60,000 € committed by 31 March (90 days): 666.67 €/day → 120,000 € lasts 180 days → 30 June.
    const f = forecast(envelope(60_000_00), new Date('2018-03-31T12:00:00Z'));
    expect(f).toMatchObject({ daysElapsed: 90, projectedExhaustionDate: '2018-06-30', exhaustedBeforeYearEnd: true });
    expect(f.warning).toContain('2018-06-30');
    expect(f.formula).toContain('burn rate');
  });
  it('does not warn at a sustainable pace, nor without spending', () => {
    expect(forecast(envelope(10_000_00), new Date('2018-06-30T00:00:00Z')).exhaustedBeforeYearEnd).toBe(false);
    expect(forecast(envelope(0), new Date('2018-06-30T00:00:00Z'))).toMatchObject({ projectedExhaustionDate: null, warning: null });
  });
  it('gives no date when the envelope would outlast a century (a huge envelope, a tiny spend)', () => {
    const huge = { ...envelope(100_00), envelopeCents: 100_000_000_00 };
    expect(forecast(huge, new Date('2018-01-02T00:00:00Z'))).toMatchObject({
      projectedExhaustionDate: null,
      exhaustedBeforeYearEnd: false,
      warning: null,
    });
  });
});

describe('monthly series', () => {
  it('accumulates flows month by month, net of releases', () => {
    const s = monthlySeries(2018, [
      {
        safir: 'x',
        year: 2018,
        month: '2018-01',
        envelopeDeltaCents: 1000,
        committedCents: 300,
        paidCents: 0,
        releasedCents: 0,
        committedByCategory: {},
        committedByRoute: {},
      },
      {
        safir: 'x',
        year: 2018,
        month: '2018-03',
        envelopeDeltaCents: 0,
        committedCents: 200,
        paidCents: 250,
        releasedCents: 50,
        committedByCategory: {},
        committedByRoute: {},
      },
    ]);
    expect(s).toHaveLength(12);
    expect(s[1]).toMatchObject({ month: '2018-02', envelopeCents: 1000, committedCents: 300, remainingCents: 700 });
    expect(s[11]).toMatchObject({ committedCents: 450, paidCents: 250, remainingCents: 550 });
  });
});
