import { Pool } from 'pg';
import {
  CURRENT_DIGEST_FORM,
  DuplicateEventIdError,
  ExpectedVersion,
  NewEvent,
  payloadForAppend,
  WrongExpectedVersionError,
} from '@ancrage/event-store';
import type { PendingAppend } from './group-commit';
import { PendingEvent } from './staging';

/** Data and metadata travel as the texts the digest covers: each part is serialised once. */
export function pendingEvent(streamId: string, e: NewEvent): PendingEvent {
  const { data, metadata, digest } = payloadForAppend(streamId, e);
  return {
    eventId: e.eventId,
    type: e.type,
    schemaVersion: e.schemaVersion,
    agency: e.metadata.agency ?? null,
    occurredAt: e.metadata.occurredAt,
    data,
    metadata,
    digest,
  };
}

/** The expected version as the SQL side takes it: null for any, -1 for no stream. */
export function expectedVersionNumber(expected: ExpectedVersion): number | null {
  return expected === 'any' ? null : expected === 'no_stream' ? -1 : expected;
}

/** The event as event_log_append() takes it: a json text, so data and metadata keep the digested text. */
function functionJson(e: PendingEvent): string {
  return (
    `{"eventId":"${e.eventId}","type":${JSON.stringify(e.type)},"schemaVersion":${e.schemaVersion},"data":${e.data},"metadata":${e.metadata},"digest":"${e.digest}",` +
    `"digestForm":${CURRENT_DIGEST_FORM}}`
  );
}

interface BatchRow {
  out_item: number;
  out_position: string | null;
  out_stream_version: number | null;
  out_already: boolean | null;
  out_error: string | null;
  out_detail: string | null;
}

/** The SQL side answers refusals as codes (it keeps going for the other items); these are the store's typed errors. */
function toError(item: PendingAppend, row: BatchRow): Error {
  if (row.out_error === 'AE001') return new WrongExpectedVersionError(item.streamId, item.expected, Number(row.out_detail));
  if (row.out_error === 'AE002') return new DuplicateEventIdError(String(row.out_detail));
  return Object.assign(new Error(`append to ${item.streamId} failed: ${row.out_detail ?? row.out_error}`), { code: row.out_error });
}

/**
 * The normal path: the whole group in one call to event_log_append_batch(), which gives each item
 * its own subtransaction and answer, so one refused append does not fail its neighbours. It is
 * also where the bulk path sends a group it could not write, for that reason.
 */
export async function appendByFunction(pool: Pool, group: PendingAppend[]): Promise<void> {
  const items = group.map(
    (g) =>
      `{"stream":${JSON.stringify(g.streamId)},"expected":${expectedVersionNumber(g.expected)},` +
      `"any":${g.expected === 'any'},"events":[${g.events.map(functionJson).join(',')}]}`,
  );
  let rows: BatchRow[];
  try {
    rows = (await pool.query<BatchRow>('SELECT * FROM event_log_append_batch($1)', [`[${items.join(',')}]`])).rows;
  } catch (error) {
    group.forEach((g) => g.reject(error));
    return;
  }
  group.forEach((g, index) => {
    const mine = rows.filter((r) => r.out_item === index);
    const failed = mine.find((r) => r.out_error !== null);
    if (failed) return g.reject(toError(g, failed));
    g.resolve({
      streamId: g.streamId,
      positions: mine.map((r) => Number(r.out_position)),
      streamVersion: mine[mine.length - 1].out_stream_version!,
      alreadyRecorded: mine[0].out_already!,
    });
  });
}
