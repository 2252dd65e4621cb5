import { effectiveCircle } from './partnership-views';
import type { PartnerRow, PartnershipCircleCountsRow, PartnershipRow } from './partnerships.entities';
import { shareOf } from '@ancrage/shared-kernel';

/** Where one partnership counts in its agency's circle counts: its partner's category and a cell. */
export interface CircleCell {
  category: string;
  /** (effective circle − 1) × 3 + quality: 0 good (last score ≥ 3), 1 poor, 2 not assessed. */
  cell: number;
}

const QUALITIES = ['good', 'poor', 'notAssessed'] as const;

export function circleCell(p: PartnershipRow, partner: PartnerRow | undefined): CircleCell {
  const circle = effectiveCircle(p, partner);
  const quality = p.lastScore === null ? 2 : p.lastScore >= 3 ? 0 : 1;
  return { category: partner?.category ?? 'UNKNOWN', cell: (circle - 1) * 3 + quality };
}

/** How a partnership moving from one cell to another changes the counts (null: it does not). */
export function countChange(
  before: CircleCell | undefined,
  after: CircleCell | undefined,
): ((counts: Record<string, number[]>) => Record<string, number[]>) | null {
  if (before?.category === after?.category && before?.cell === after?.cell) return null;
  return (counts) => {
    const next = new Map(Object.entries(counts));
    const add = (c: CircleCell, n: number) => {
      const cells = [...(next.get(c.category) ?? new Array<number>(9).fill(0))];
      cells[c.cell] += n;
      // A category with no partnership left leaves the row.
      if (cells.every((x) => x === 0)) next.delete(c.category);
      else next.set(c.category, cells);
    };
    if (before) add(before, -1);
    if (after) add(after, 1);
    return Object.fromEntries(next);
  };
}

const share = (n: number, of: number) => shareOf(n, of) ?? 0;

/** Graphique 3 from the agencies' counts: per category, the share of agencies that make it a priority, and a good-quality priority. */
export function circleQualityMatrix(rows: Pick<PartnershipCircleCountsRow, 'byCategory'>[]) {
  const byCategory = new Map<string, { agencies: number; priority: number; priorityGood: number; cells: number[] }>();
  for (const row of rows) {
    for (const [category, cells] of Object.entries(row.byCategory)) {
      const c = byCategory.get(category) ?? { agencies: 0, priority: 0, priorityGood: 0, cells: new Array<number>(9).fill(0) };
      byCategory.set(category, c);
      if (cells.some((x) => x > 0)) c.agencies++;
      if (cells[0] + cells[1] + cells[2] > 0) c.priority++;
      if (cells[0] > 0) c.priorityGood++;
      cells.forEach((x, i) => (c.cells[i] += x));
    }
  }
  return [...byCategory.entries()]
    .filter(([, c]) => c.agencies > 0)
    .map(([category, c]) => ({
      category,
      agencies: c.agencies,
      priorityShare: share(c.priority, c.agencies),
      priorityAndGoodQualityShare: share(c.priorityGood, c.agencies),
      byCircle: [1, 2, 3].map((circle) => ({
        circle,
        ...Object.fromEntries(QUALITIES.map((q, i) => [q, c.cells[(circle - 1) * 3 + i]])),
      })) as { circle: number; good: number; poor: number; notAssessed: number }[],
    }))
    .sort((a, b) => a.category.localeCompare(b.category));
}
