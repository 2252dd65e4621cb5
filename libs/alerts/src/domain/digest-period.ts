/** How often a user receives their alerts by e-mail (NONE: never). */
export type DigestCadence = 'DAILY' | 'WEEKLY';

/**
 * The period a digest covers, as a key: the day (2026-12-07) for a daily digest, the ISO week
 * (2026-W50) for a weekly one. A user receives at most one digest per period: the key is what
 * makes a retried or doubled run send nothing twice.
 */
export function digestPeriod(cadence: DigestCadence, day: string): string {
  if (cadence === 'DAILY') return day;
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(date.getTime() + (3 - weekday) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
