import fc from 'fast-check';
import type { RecordedEvent } from '@ancrage/event-store';
import { MemoryRows } from '../memory-rows';
import { sampleProjection } from '../testing/sample.projection';
import { KeyVersions, RowVersions, versionBefore } from './row-versions';

const sample = sampleProjection;

interface Stored {
  validFrom: string;
  recordedFrom: string;
  recordedTo: string | null;
  row: object | null;
}

/** A reference table: what the SQL layer does, in a few lines of memory. */
class TableInMemory {
  readonly versions = new Map<string, Stored[]>();

  load(into: RowVersions<never>, table: string, key: Record<string, unknown>, from: string): void {
    const all = (this.versions.get(into.id(table, key)) ?? [])
      .filter((v) => v.recordedTo === null)
      .sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    const cover = versionBefore(all, from);
    const held = cover ? all.filter((v) => v.validFrom >= cover.validFrom) : all;
    into.load(
      table,
      key,
      held.map((v) => ({ validFrom: v.validFrom, recordedFrom: v.recordedFrom, row: v.row, stored: true })),
      !cover,
    );
  }

  flush(from: RowVersions<never>): void {
    for (const k of from.dirtyKeys()) this.write(from, k);
  }

  private write(from: RowVersions<never>, k: KeyVersions): void {
    const id = from.id(k.table, k.key);
    const list = this.versions.get(id) ?? [];
    for (const { version, recordedTo } of k.closed) {
      if (version.stored) {
        const stored = list.find((v) => v.validFrom === version.validFrom && v.recordedFrom === version.recordedFrom)!;
        if (recordedTo === stored.recordedFrom) list.splice(list.indexOf(stored), 1);
        else stored.recordedTo = recordedTo;
      } else list.push({ validFrom: version.validFrom, recordedFrom: version.recordedFrom, recordedTo, row: version.row });
    }
    for (const v of k.current)
      if (!v.stored) list.push({ validFrom: v.validFrom, recordedFrom: v.recordedFrom, recordedTo: null, row: v.row });
    this.versions.set(id, list);
    from.markStored(k);
  }

  /** Every row at a valid time, as known at an instant (undefined: no bound). */
  rowsAt(validAt?: string, knownAt?: string): object[] {
    const out: object[] = [];
    for (const list of this.versions.values()) {
      const visible = list.filter((v) =>
        knownAt === undefined ? v.recordedTo === null : v.recordedFrom <= knownAt && (v.recordedTo === null || v.recordedTo > knownAt),
      );
      const atTime = visible
        .filter((v) => validAt === undefined || v.validFrom <= validAt)
        .sort((a, b) => a.validFrom.localeCompare(b.validFrom))
        .at(-1);
      if (atTime?.row) out.push(atTime.row);
    }
    return out;
  }
}

const day = (n: number) => new Date(Date.UTC(2018, 0, 1) + n * 86_400_000).toISOString();
const byKey = (rows: object[]) => [...rows].map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();

const eventArb = fc.record({
  type: fc.constantFrom('Count', 'Count', 'SetStatus', 'Transfer', 'Reset'),
  agency: fc.constantFrom('a', 'b'),
  day: fc.integer({ min: 0, max: 70 }),
  status: fc.constantFrom('open', 'closed'),
  n: fc.integer({ min: 1, max: 9 }),
  recordedStep: fc.integer({ min: 0, max: 2 }),
});

interface EventSpec {
  type: string;
  agency: string;
  day: number;
  status: string;
  n: number;
  recordedStep: number;
}

function history(specs: EventSpec[]): RecordedEvent[] {
  let recorded = 0;
  return specs.map((s, i) => {
    recorded += s.recordedStep;
    const occurredAt = day(s.day);
    const data = {
      agency: s.agency,
      ...(s.type === 'Reset' ? { month: occurredAt.slice(0, 7) } : {}),
      status: s.status,
      n: s.n,
      tag: s.n % 2 ? 'odd' : 'even',
    };
    return {
      eventId: `e${i}`,
      type: s.type,
      schemaVersion: 1,
      streamId: `s-${s.agency}`,
      streamVersion: i,
      position: i + 1,
      data,
      metadata: {
        actor: 'u',
        role: 'manager',
        agency: s.agency,
        correlationId: 'c',
        causationId: null,
        idempotencyKey: null,
        occurredAt,
        recordedAt: day(100 + recorded),
      },
      hash: '',
      digestForm: 2,
    };
  });
}

function replay(events: RecordedEvent[], validAt?: string, knownAt?: string): object[] {
  const rows = new MemoryRows(sample);
  for (const e of events) {
    if (validAt !== undefined && e.metadata.occurredAt > validAt) continue;
    if (knownAt !== undefined && e.metadata.recordedAt > knownAt) continue;
    sample.apply(e, rows);
  }
  return [...rows.list('counters'), ...rows.list('statuses')];
}

/** Feeds the events in batches, loading what each batch touches and flushing after it. */
function fold(events: RecordedEvent[], batchSizes: number[], evictEvery: number): TableInMemory {
  const table = new TableInMemory();
  let versions = new RowVersions(sample);
  let i = 0;
  let batchNo = 0;
  while (i < events.length) {
    const batch = events.slice(i, i + batchSizes[batchNo % batchSizes.length]);
    i += batch.length;
    batchNo++;
    if (batchNo % evictEvery === 0) versions = new RowVersions(sample);
    const earliest = new Map<string, { table: string; key: Record<string, unknown>; from: string }>();
    for (const e of batch) {
      for (const t of sample.touches(e)) {
        const id = versions.id(t.table, t.key);
        const seen = earliest.get(id);
        if (!seen || e.metadata.occurredAt < seen.from) earliest.set(id, { table: t.table, key: t.key, from: e.metadata.occurredAt });
      }
    }
    for (const { table: t, key, from } of earliest.values()) {
      if (!versions.fits(t, key, from) && !versions.dirtyKeys().length) table.load(versions as never, t, key, from);
      else if (!versions.fits(t, key, from)) {
        table.flush(versions as never);
        table.load(versions as never, t, key, from);
      }
    }
    for (const e of batch) versions.apply(e);
    table.flush(versions as never);
    if (batchNo % 3 === 0) versions.trimClean();
  }
  return table;
}

describe('row versions (bitemporal fold)', () => {
  it('answers any valid time and any recorded time exactly as a replay of the events up to them', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { minLength: 1, maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.tuple(fc.option(fc.integer({ min: -1, max: 72 })), fc.option(fc.integer({ min: 99, max: 230 }))), {
          minLength: 5,
          maxLength: 12,
        }),
        (specs, batchSizes, evictEvery, cuts) => {
          const events = history(specs);
          const table = fold(events, batchSizes, evictEvery);
          for (const [v, t] of [[null, null], ...cuts] as [number | null, number | null][]) {
            const validAt = v === null ? undefined : day(v);
            const knownAt = t === null ? undefined : day(t);
            expect(byKey(table.rowsAt(validAt, knownAt))).toEqual(byKey(replay(events, validAt, knownAt)));
          }
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 300), seed: Number(process.env.FC_SEED ?? 20180630) },
    );
  });

  it('adds one version per change when facts arrive in the order they occurred', () => {
    const events = history(
      Array.from({ length: 20 }, (_, i) => ({ type: 'Count', agency: 'a', day: i, status: 'open', n: 1, recordedStep: 1 })),
    );
    const table = fold(events, [3], 100);
    const all = [...table.versions.values()].flat();
    expect(all).toHaveLength(20);
    expect(all.every((v) => v.recordedTo === null)).toBe(true);
  });

  it('refuses a fold that reads a row touches() does not name', () => {
    const sloppy = { ...sample, touches: () => [] };
    const versions = new RowVersions(sloppy);
    expect(() => versions.apply(history([{ type: 'Count', agency: 'a', day: 1, status: 'open', n: 1, recordedStep: 0 }])[0])).toThrow(
      'which touches() does not name',
    );
  });
});
