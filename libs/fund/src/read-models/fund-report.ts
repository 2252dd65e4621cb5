import type { FundEnvelopeRow, FundMonthRow } from './fund.entities';

export interface MonthPoint {
  month: string;
  envelopeCents: number;
  committedCents: number;
  paidCents: number;
  remainingCents: number;
  committedInMonthCents: number;
  paidInMonthCents: number;
  committedByCategory: Record<string, number>;
  committedByRoute: Record<string, number>;
}

export interface Forecast {
  formula: string;
  referenceDate: string;
  daysElapsed: number;
  burnRateCentsPerDay: number;
  projectedExhaustionDate: string | null;
  exhaustedBeforeYearEnd: boolean;
  warning: string | null;
}

export const FORECAST_FORMULA =
  'burn rate = committed (net of releases) ÷ days elapsed since 1 January up to the reference date; ' +
  'exhaustion date = 1 January + (envelope + authorised over-commitment) ÷ burn rate, in days; ' +
  'a warning is raised when that date falls before 31 December of the fund year.';

const DAY = 86_400_000;

/** Cumulative month-by-month series, January to December, from the monthly flows. */
export function monthlySeries(year: number, months: FundMonthRow[]): MonthPoint[] {
  const byMonth = new Map(months.map((m) => [m.month, m]));
  let envelope = 0;
  let committed = 0;
  let paid = 0;
  return Array.from({ length: 12 }, (_, i) => {
    const key = `${year}-${String(i + 1).padStart(2, '0')}`;
    const m = byMonth.get(key);
    envelope += m?.envelopeDeltaCents ?? 0;
    committed += (m?.committedCents ?? 0) - (m?.releasedCents ?? 0);
    paid += m?.paidCents ?? 0;
    return {
      month: key,
      envelopeCents: envelope,
      committedCents: committed,
      paidCents: paid,
      remainingCents: envelope - committed,
      committedInMonthCents: m?.committedCents ?? 0,
      paidInMonthCents: m?.paidCents ?? 0,
      committedByCategory: m?.committedByCategory ?? {},
      committedByRoute: m?.committedByRoute ?? {},
    };
  });
}

/** Beyond this many days after 1 January, the forecast gives no exhaustion date. */
const HORIZON_DAYS = 100 * 366;

/** When the envelope runs out at the current pace. The only place the formula is written. */

export function forecast(envelope: FundEnvelopeRow, reference: Date): Forecast {
  const start = Date.UTC(envelope.year, 0, 1);
  const yearEnd = Date.UTC(envelope.year, 11, 31);
  const ref = Math.min(Math.max(reference.getTime(), start), yearEnd + DAY - 1);
  const daysElapsed = Math.max(1, Math.ceil((ref - start) / DAY));
  const burn = envelope.committedCents / daysElapsed;
  const capacity = envelope.envelopeCents + envelope.authorisedOverCents;
  // A pace so slow that the envelope outlasts a century has no date worth showing (and past
  // 275,000 years none that a Date can hold).
  const days = burn > 0 ? Math.floor(capacity / burn) : Infinity;
  const exhaustion = days <= HORIZON_DAYS ? new Date(start + days * DAY) : null;
  const before = exhaustion !== null && exhaustion.getTime() < yearEnd;
  return {
    formula: FORECAST_FORMULA,
    referenceDate: new Date(ref).toISOString().slice(0, 10),
    daysElapsed,
    burnRateCentsPerDay: Math.round(burn),
    projectedExhaustionDate: exhaustion ? exhaustion.toISOString().slice(0, 10) : null,
    exhaustedBeforeYearEnd: before,
    warning: before
      ? `at this pace the envelope runs out on ${exhaustion.toISOString().slice(0, 10)}, before the end of ${envelope.year}`
      : null,
  };
}
