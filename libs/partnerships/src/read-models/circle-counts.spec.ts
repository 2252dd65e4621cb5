import fc from 'fast-check';
import { circleCell, circleQualityMatrix, countChange } from './circle-counts';
import type { PartnerRow, PartnershipRow } from './partnerships.entities';

const partners: PartnerRow[] = [
  ['ml', 'MISSION_LOCALE', 1],
  ['cap', 'CAP_EMPLOI', 1],
  ['cd', 'DEPARTMENT_COUNCIL', 2],
  ['asso', 'ASSOCIATION', 3],
].map(([partnerId, category, defaultCircle]) => ({
  partnerId: partnerId as string,
  category: category as string,
  defaultCircle: defaultCircle as number,
  name: partnerId as string,
  subkind: null,
  dataInclusionCode: null,
  siret: null,
  scale: 'LOCAL',
  parentPartnerId: null,
  closed: false,
}));

/** The matrix as it was computed before the counts: from every partnership row and its partner. */
function fromRows(rows: PartnershipRow[]) {
  const byPartner = new Map(partners.map((p) => [p.partnerId, p]));
  const entries = rows.map((p) => ({
    ...p,
    category: byPartner.get(p.partnerId)?.category ?? 'UNKNOWN',
    circle: p.circle ?? byPartner.get(p.partnerId)?.defaultCircle ?? 3,
  }));
  const categories = [...new Set(entries.map((e) => e.category))].sort();
  return categories.map((category) => {
    const list = entries.filter((e) => e.category === category);
    const agencies = new Set(list.map((e) => e.safir)).size;
    const priority = new Set(list.filter((e) => e.circle === 1).map((e) => e.safir)).size;
    const good = new Set(list.filter((e) => e.circle === 1 && (e.lastScore ?? 0) >= 3).map((e) => e.safir)).size;
    return {
      category,
      agencies,
      priorityShare: Math.round((priority / agencies) * 1000) / 1000,
      priorityAndGoodQualityShare: Math.round((good / agencies) * 1000) / 1000,
      byCircle: [1, 2, 3].map((circle) => ({
        circle,
        good: list.filter((e) => e.circle === circle && (e.lastScore ?? 0) >= 3).length,
        poor: list.filter((e) => e.circle === circle && e.lastScore !== null && e.lastScore < 3).length,
        notAssessed: list.filter((e) => e.circle === circle && e.lastScore === null).length,
      })),
    };
  });
}

const step = fc.record({
  safir: fc.constantFrom('62001', '62002', '59350'),
  partnerId: fc.constantFrom('ml', 'cap', 'cd', 'asso', 'gone'),
  circle: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
  lastScore: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
});

describe('circle counts', () => {
  it('answer the matrix the partnership rows answer, after any sequence of changes', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const rows = new Map<string, PartnershipRow>();
        const counts = new Map<string, Record<string, number[]>>();
        for (const s of steps) {
          const key = `${s.safir}/${s.partnerId}`;
          const before = rows.get(key);
          const after = {
            ...(before ?? ({ safir: s.safir, partnerId: s.partnerId } as PartnershipRow)),
            circle: s.circle,
            lastScore: s.lastScore,
          };
          rows.set(key, after);
          const partner = partners.find((p) => p.partnerId === s.partnerId);
          const change = countChange(before && circleCell(before, partner), circleCell(after, partner));
          if (change) counts.set(s.safir, change(counts.get(s.safir) ?? {}));
        }
        const matrix = circleQualityMatrix([...counts.values()].map((byCategory) => ({ byCategory })));
        expect(matrix).toEqual(fromRows([...rows.values()]));
      }),
      { seed: 20180630, numRuns: 300 },
    );
  });
});
