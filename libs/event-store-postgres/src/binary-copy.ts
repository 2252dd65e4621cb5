/**
 * A group of log rows in COPY's binary format, laid out before the append lock is taken. Positions,
 * stream versions, the recorded instant and hashes are only known under the lock: each row keeps
 * them last, in fixed-size slots that `seal` fills in place, so nothing is serialised or copied
 * while the lock is held. The binary format also spares PostgreSQL parsing timestamps, uuids, hex
 * and integers from text: a third less server time per row than the text format in a COPY of
 * 100,000 rows.
 *
 * Wire format (PostgreSQL docs, "COPY ... BINARY"): a signature and two int32 (flags, header
 * extension length), then per row an int16 field count and per field an int32 byte length (-1 for
 * NULL) and the value in the type's binary form; an int16 -1 ends the data.
 */

/** The columns in the order each row carries them: the lock-dependent ones last. */
export const BINARY_COPY_COLUMNS =
  'event_id, stream_id, type, schema_version, agency, data, metadata, occurred_at, payload_digest, digest_form, ' +
  'position, stream_version, recorded_at, hash';

const FIELD_COUNT = 14;
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const HEADER_BYTES = SIGNATURE.length + 8;
/** position (int8), stream_version (int4), recorded_at (timestamptz), hash (32 bytes), each with its length. */
const SLOT_BYTES = 4 + 8 + 4 + 4 + 4 + 8 + 4 + 32;
/** Microseconds between the Unix epoch and PostgreSQL's (2000-01-01T00:00:00Z). */
const PG_EPOCH_MICROS = 946_684_800_000_000;

/** One event of a group; streams and the digest form are given alongside. */
export interface BinaryCopyEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  agency: string | null;
  data: string;
  metadata: string;
  occurredAt: string;
  digest: string;
}

/** A timestamptz's binary value: microseconds since 2000-01-01 UTC, exact for up to six decimals. */
export function pgMicros(instant: string): number {
  // Date.parse keeps milliseconds and drops further digits; add them back.
  const dot = instant.indexOf('.');
  let extra = 0;
  if (dot > 0) {
    let end = dot + 1;
    while (end < instant.length && instant.charCodeAt(end) >= 48 && instant.charCodeAt(end) <= 57) end++;
    if (end - dot - 1 > 3) extra = Number(instant.slice(dot + 4, end).padEnd(3, '0'));
  }
  return Date.parse(instant) * 1000 + extra - PG_EPOCH_MICROS;
}

export class BinaryCopyGroup {
  private constructor(
    private readonly buffer: Buffer,
    /** Where each row's slots start. */
    private readonly slots: number[],
    readonly byteLength: number,
  ) {}

  /** Rows in the order given, stream by stream; `seal` numbers them in the same order. */
  static layOut(streams: readonly { streamId: string; events: readonly BinaryCopyEvent[] }[], digestForm: number): BinaryCopyGroup {
    // Strings take at most 3 bytes per UTF-16 unit in UTF-8: size for that, use what is written.
    let bound = HEADER_BYTES + 2;
    for (const { streamId, events } of streams) {
      for (const r of events) {
        bound += 2 + 10 * 4 + 16 + 4 + 8 + 32 + 2 + 3 * (streamId.length + r.type.length + (r.agency?.length ?? 0) + r.data.length + r.metadata.length) + SLOT_BYTES;
      }
    }
    const buffer = Buffer.allocUnsafe(bound);
    let at = SIGNATURE.copy(buffer, 0);
    at = buffer.writeInt32BE(0, at);
    at = buffer.writeInt32BE(0, at);
    const text = (value: string) => {
      const written = buffer.write(value, at + 4, 'utf8');
      buffer.writeInt32BE(written, at);
      at += 4 + written;
    };
    const slots: number[] = [];
    for (const { streamId, events } of streams) {
      for (const r of events) {
        at = buffer.writeInt16BE(FIELD_COUNT, at);
        at = buffer.writeInt32BE(16, at);
        at += buffer.write(r.eventId.replace(DASHES, ''), at, 'hex');
        text(streamId);
        text(r.type);
        at = buffer.writeInt32BE(4, at);
        at = buffer.writeInt32BE(r.schemaVersion, at);
        if (r.agency === null) at = buffer.writeInt32BE(-1, at);
        else text(r.agency);
        text(r.data);
        text(r.metadata);
        at = buffer.writeInt32BE(8, at);
        at = writeInt64(buffer, pgMicros(r.occurredAt), at);
        at = buffer.writeInt32BE(32, at);
        at += buffer.write(r.digest, at, 'hex');
        at = buffer.writeInt32BE(2, at);
        at = buffer.writeInt16BE(digestForm, at);
        slots.push(at);
        at += SLOT_BYTES;
      }
    }
    at = buffer.writeInt16BE(-1, at);
    return new BinaryCopyGroup(buffer, slots, at);
  }

  /** Fills row `index`'s lock-dependent fields; recordedAtMicros as pgMicros gives it. */
  seal(index: number, position: number, streamVersion: number, recordedAtMicros: number, hash: string): void {
    const b = this.buffer;
    let at = b.writeInt32BE(8, this.slots[index]);
    at = writeInt64(b, position, at);
    at = b.writeInt32BE(4, at);
    at = b.writeInt32BE(streamVersion, at);
    at = b.writeInt32BE(8, at);
    at = writeInt64(b, recordedAtMicros, at);
    at = b.writeInt32BE(32, at);
    b.write(hash, at, 'hex');
  }

  /** The COPY data, once every row is sealed. */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.byteLength);
  }
}

const DASHES = /-/g;

/** A safe integer as a big-endian int64 (two's complement), without a BigInt per value. */
function writeInt64(buffer: Buffer, value: number, at: number): number {
  const high = Math.floor(value / 4_294_967_296);
  buffer.writeInt32BE(high, at);
  buffer.writeUInt32BE(value - high * 4_294_967_296, at + 4);
  return at + 8;
}
