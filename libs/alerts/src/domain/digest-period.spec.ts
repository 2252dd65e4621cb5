import { isParisMonday, parisDay } from '@ancrage/shared-kernel';
import { digestPeriod } from './digest-period';

describe('digest periods', () => {
  it('key a daily digest by its day and a weekly one by its ISO week', () => {
    expect(digestPeriod('DAILY', '2026-12-07')).toBe('2026-12-07');
    expect(digestPeriod('WEEKLY', '2026-12-07')).toBe('2026-W50');
    expect(digestPeriod('WEEKLY', '2026-12-13')).toBe('2026-W50');
    // ISO weeks across the year's end: 1 January 2027 is a Friday of 2026's week 53.
    expect(digestPeriod('WEEKLY', '2027-01-01')).toBe('2026-W53');
    expect(digestPeriod('WEEKLY', '2027-01-04')).toBe('2027-W01');
    expect(digestPeriod('WEEKLY', '2020-12-31')).toBe('2020-W53');
  });

  it('read the day and Mondays in Paris, not in UTC', () => {
    expect(parisDay(new Date('2026-12-06T23:30:00Z'))).toBe('2026-12-07');
    expect(isParisMonday(new Date('2026-12-06T23:30:00Z'))).toBe(true);
    expect(isParisMonday(new Date('2026-12-06T22:30:00Z'))).toBe(false);
  });
});
