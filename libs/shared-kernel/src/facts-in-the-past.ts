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
    throw new DomainError(
      'FUTURE_DATE',
      `${field} ${day.slice(0, 10)} is after today: record what has happened, not what is planned`,
      'rule',
      field,
    );
  }
}

/** Where a dated fact may fall, besides "not after today". */
export interface DateBounds {
  /** The earliest day allowed, and why (e.g. the day the plan was drafted). */
  notBefore?: { day: string | null | undefined; code: string; why: string };
  /** The latest day allowed, and why (e.g. the end of the plan's year). */
  notAfter?: { day: string; code: string; why: string };
  /** The year the day must fall in (a fund year), and its error code. */
  inYear?: { year: number; code: string };
}

/**
 * The occurredAt of a fact recorded with the day it happened (noon UTC keeps the day in every
 * French time zone), after checking the day: not after today, and within its bounds. Without a
 * day the fact happened when it is recorded: `{}` lets the command's time stand.
 */
export function factOn(day: string | undefined, now: Date, field: string, bounds: DateBounds = {}): { occurredAt?: string } {
  const effective = day ?? latestFrenchDay(now);
  happenedBy(day, now, field);
  const floor = bounds.notBefore;
  if (floor?.day && effective < floor.day.slice(0, 10)) {
    throw new DomainError(floor.code, `${field} ${effective} is before ${floor.why} (${floor.day.slice(0, 10)})`, 'rule', field);
  }
  const ceiling = bounds.notAfter;
  if (ceiling && effective > ceiling.day)
    throw new DomainError(ceiling.code, `${field} ${effective} is after ${ceiling.why} (${ceiling.day})`, 'rule', field);
  if (bounds.inYear && effective.slice(0, 4) !== String(bounds.inYear.year)) {
    throw new DomainError(bounds.inYear.code, `${field} ${effective} is outside ${bounds.inYear.year}`, 'rule', field);
  }
  return day === undefined ? {} : { occurredAt: `${day}T12:00:00.000Z` };
}

/** The day of an event's occurredAt, as a decider's state keeps it. */
export const dayOf = (occurredAt: string | undefined): string | null => occurredAt?.slice(0, 10) ?? null;
