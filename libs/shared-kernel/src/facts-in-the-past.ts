import { DomainError } from './domain-error';

/**
 * The latest calendar day anywhere in France at `now`: La Réunion (UTC+4) is the first to start
 * a day, so a fact dated "today" there is not refused while Paris is still on the day before.
 */
export function latestFrenchDay(now: Date): string {
  return new Date(now.getTime() + 4 * 3_600_000).toISOString().slice(0, 10);
}

/** A fact the user records as having happened (a contact, a payment, a measure) cannot be dated after today. */
export function happenedBy(day: string | undefined, now: Date, field: string): void {
  if (day !== undefined && day.slice(0, 10) > latestFrenchDay(now)) {
    throw new DomainError('FUTURE_DATE', `${field} ${day.slice(0, 10)} is after today: record what has happened, not what is planned`, 'rule', field);
  }
}
