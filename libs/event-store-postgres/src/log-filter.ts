import { LogFilter } from '@ancrage/event-store';

/** An instant as UTC ISO text, so the session's time zone never shifts a date-only bound. */
function utcInstant(value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${value}`);
  return new Date(ms).toISOString();
}

/**
 * The WHERE clause of a read between two positions (after < position <= upTo) with readAll's
 * filters, and the index order to read it in. An agency's range is written as a row comparison, which only the (agency, position)
 * index can answer: with "agency = $a AND position > $1" the planner may walk the primary key in
 * order hoping to fill the limit early, and scan the whole log for an agency whose events are recent.
 */
export function logWhere(filter: LogFilter, after: number, upTo: number): { sql: string; params: unknown[]; order: string[] } {
  const params: unknown[] = [after, upTo];
  const clauses: string[] = [];
  if (filter.agency !== undefined) {
    params.push(filter.agency);
    clauses.push(`(agency, position) > ($3, $1::bigint) AND (agency, position) <= ($3, $2::bigint)`);
  } else {
    clauses.push('position > $1 AND position <= $2');
  }
  if (filter.streams) {
    params.push(filter.streams);
    clauses.push(`stream_id = ANY($${params.length}::text[])`);
  }
  if (filter.types) {
    params.push(filter.types);
    clauses.push(`type = ANY($${params.length}::text[])`);
  }
  if (filter.occurredUpTo !== undefined) {
    params.push(utcInstant(filter.occurredUpTo));
    clauses.push(`occurred_at <= $${params.length}::timestamptz`);
  }
  if (filter.recordedUpTo !== undefined) {
    params.push(utcInstant(filter.recordedUpTo));
    clauses.push(`recorded_at <= $${params.length}::timestamptz`);
  }
  return { sql: clauses.join(' AND '), params, order: filter.agency !== undefined ? ['agency', 'position'] : ['position'] };
}
