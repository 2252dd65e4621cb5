import type { AnchoringPartnershipRow } from './anchoring.entities';

/** Days from `from` (included) to `to` (excluded; null: still open), as YYYY-MM-DD. */
export type Span = [from: string, to: string | null];

const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The days on which a partnership counts as a strong priority for the anchoring profile: circle 1
 * or 2, an agreement active that day, and the last assessment made by then scored 3 or more.
 * Computed once by the fold, so a national profile reads spans per agency instead of every
 * partnership's agreements and assessments.
 */
export function strongSpans(p: Pick<AnchoringPartnershipRow, 'agreements' | 'assessments'>, circle: number): Span[] {
  if (circle > 2 || p.agreements.length === 0 || p.assessments.length === 0) return [];
  // The test can change only where an agreement starts, ends or is terminated, or an assessment is made.
  const starts = new Set<string>();
  for (const a of p.agreements) {
    starts.add(a.startDate);
    if (a.endDate !== null) starts.add(dayAfter(a.endDate));
    if (a.terminatedOn !== null) starts.add(a.terminatedOn);
  }
  for (const a of p.assessments) starts.add(a.on);
  const spans: Span[] = [];
  for (const day of [...starts].sort()) {
    const holds = strongOn(p, day);
    const open = spans.at(-1);
    if (holds && !(open && open[1] === null)) spans.push([day, null]);
    if (!holds && open && open[1] === null) open[1] = day;
  }
  return spans;
}

/** The rule itself, on one day (the spans above are where it holds). */
export function strongOn(p: Pick<AnchoringPartnershipRow, 'agreements' | 'assessments'>, day: string): boolean {
  const active = p.agreements.some(
    (a) => a.startDate <= day && (a.endDate === null || a.endDate >= day) && (a.terminatedOn === null || a.terminatedOn > day),
  );
  const last = p.assessments.filter((a) => a.on <= day).at(-1);
  return active && (last?.score ?? 0) >= 3;
}

export const spansHold = (spans: readonly Span[], day: string) => spans.some(([from, to]) => from <= day && (to === null || day < to));
