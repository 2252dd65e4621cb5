import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, Matches, registerDecorator, ValidationOptions } from 'class-validator';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** RFC 3339: a date, a time to the minute at least, and a zone. */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** A real day of the calendar between 1900 and 2100: 2019-02-30 and 2017-02-29 are not. */
export function calendarDay(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = DAY.exec(value) ?? INSTANT.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && y <= 2100 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export const isCalendarDate = (value: unknown) => typeof value === 'string' && DAY.test(value) && calendarDay(value);
export const isInstant = (value: unknown) =>
  typeof value === 'string' && INSTANT.test(value) && calendarDay(value) && !Number.isNaN(Date.parse(value));

function decorator(name: string, message: string, validate: (value: unknown) => boolean) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target, propertyName) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: String(propertyName),
        options: { message: ({ property }) => `${property} ${message}`, ...options },
        validator: { validate },
      });
}

/** YYYY-MM-DD, a real day. */
export const IsCalendarDate = decorator('isCalendarDate', 'must be a date of the calendar (YYYY-MM-DD)', isCalendarDate);
/** An instant with its zone (2018-07-15T10:00:00Z, 2018-07-15T12:00+02:00). */
export const IsInstant = decorator('isInstant', 'must be an instant with its time zone (YYYY-MM-DDTHH:MM:SSZ)', isInstant);
/** A day (read as its end) or an instant: what `asOf` takes. */
export const IsDateOrInstant = decorator(
  'isDateOrInstant',
  'must be a date (YYYY-MM-DD) or an instant with its time zone',
  (v) => isCalendarDate(v) || isInstant(v),
);

/** What the OpenAPI document says of these rules, so a client checks them too. */
export const CUSTOM_RULE_SCHEMAS: Record<string, object> = {
  isCalendarDate: { type: 'string', format: 'date', pattern: DAY.source },
  isInstant: { type: 'string', format: 'date-time', pattern: INSTANT.source },
  isDateOrInstant: { type: 'string', pattern: `${DAY.source}|${INSTANT.source}` },
};

/**
 * The day a recorded fact happened, optional: without it, the fact happened when it is recorded.
 * Every command that records a fact of the past takes one, so "as of" answers hold it at its date.
 */
export function FactDate(what: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'string',
      format: 'date',
      example: '2018-03-14',
      description: `${what} (YYYY-MM-DD; default: today; never after today)`,
    }),
    IsOptional(),
    IsCalendarDate(),
  );
}

/** An id the client chooses (a partner, a commitment, a meeting…): what every such field accepts. */
export const CLIENT_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** A field holding a client-chosen id, refused with the field's name. */
export const IsClientId = (field: string): PropertyDecorator =>
  Matches(CLIENT_ID, { message: `${field} must be 1-64 lower-case letters, digits, - or _` });

/** A boolean query parameter: `true` / `false` as sent; anything else is left for IsBoolean to refuse. */
export const BooleanQuery = () =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
