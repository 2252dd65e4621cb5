import { PARTNER_CATEGORIES } from '@ancrage/partnerships';
import { DEMO_AGENCIES, DEMO_BASINS } from './demo-territory';
import { demoHistory, demoPartners, scaledAgencies } from './demo-history';

describe('demo territory', () => {
  it('has 15 basins in 7 regions, 38 agencies, and partners of every category', () => {
    expect(DEMO_BASINS).toHaveLength(15);
    expect(new Set(DEMO_BASINS.map((b) => b.region)).size).toBe(7);
    expect(DEMO_AGENCIES).toHaveLength(38);
    expect(new Set(demoPartners().map((p) => p.category))).toEqual(new Set(PARTNER_CATEGORIES));
  });

  it('is the same history for the same seed, and another for another seed', () => {
    const dates = (seed: number) =>
      demoHistory({ seed, scale: 1 })
        .steps.map((s) => `${s.date}|${s.lane}`)
        .join();
    expect(dates(7)).toBe(dates(7));
    expect(dates(7)).not.toBe(dates(8));
  });

  it('repeats the agencies under unique SAFIR codes of their department when scaled', () => {
    const agencies = scaledAgencies(3);
    expect(agencies).toHaveLength(114);
    expect(new Set(agencies.map((a) => a.safir)).size).toBe(114);
    for (const a of agencies) expect(a.safir.startsWith(a.department)).toBe(true);
  });
});
