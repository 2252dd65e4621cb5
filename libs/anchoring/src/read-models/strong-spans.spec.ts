import fc from 'fast-check';
import { Span, spansHold, strongOn, strongSpans } from './strong-spans';

const day = fc.integer({ min: 0, max: 900 }).map((n) => new Date(Date.UTC(2016, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const agreement = fc.record({
  agreementId: fc.constantFrom('a', 'b', 'c'),
  startDate: day,
  endDate: fc.option(day, { nil: null }),
  terminatedOn: fc.option(day, { nil: null }),
});
const partnership = fc.record({
  agreements: fc.array(agreement, { maxLength: 3 }),
  // Sorted by day, as the fold keeps them (ties in the order recorded).
  assessments: fc
    .array(fc.record({ on: day, score: fc.integer({ min: 1, max: 4 }) }), { maxLength: 5 })
    .map((list) => [...list].sort((a, b) => a.on.localeCompare(b.on))),
});

describe('strong priority spans', () => {
  it('hold on exactly the days the rule holds', () => {
    fc.assert(
      fc.property(partnership, fc.integer({ min: 1, max: 3 }), fc.array(day, { minLength: 1, maxLength: 20 }), (p, circle, days) => {
        const spans = strongSpans(p, circle);
        for (const d of days) expect(spansHold(spans, d)).toBe(circle <= 2 && strongOn(p, d));
      }),
      { seed: 20180630, numRuns: 500 },
    );
  });

  it('are disjoint and in order, so a partnership counts once on any day', () => {
    fc.assert(
      fc.property(partnership, (p) => {
        const spans: Span[] = strongSpans(p, 1);
        for (const [i, [from, to]] of spans.entries()) {
          if (to !== null) expect(from < to).toBe(true);
          if (i > 0) expect(spans[i - 1][1]! <= from).toBe(true);
        }
      }),
      { seed: 20180630, numRuns: 500 },
    );
  });
});
