import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@ancrage/event-store';
import type { Tables } from '../projection';
import { PreparedEvent, RowVersions } from './row-versions';
import type { PreparedWrite, VersionedTable } from './versioned-table';

/**
 * Where a fold's row versions go. Live batches send each write before going on; a rebuild sends
 * them on a second connection while it folds the next slices (PostgreSQL works on the other
 * core), one write in flight at a time, and waits for it before reading back what it wrote.
 */
export class VersionSink<T extends Tables> {
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: PoolClient,
    readonly tables: Record<string, VersionedTable>,
    private readonly options: { bulk?: boolean; background?: PoolClient } = {},
  ) {}

  /** Takes every key with new versions (marking them stored) and sends them. */
  async flush(versions: RowVersions<T>): Promise<void> {
    const pending: { table: VersionedTable; write: PreparedWrite }[] = [];
    const byTable = new Map<string, ReturnType<RowVersions<T>['dirtyKeys']>>();
    for (const k of versions.dirtyKeys()) {
      if (!byTable.has(k.table)) byTable.set(k.table, []);
      byTable.get(k.table)!.push(k);
    }
    for (const [table, keys] of byTable) {
      pending.push({ table: this.tables[table], write: this.tables[table].prepareWrite(keys, this.options) });
      for (const k of keys) versions.markStored(k);
    }
    const background = this.options.background;
    if (!background) {
      for (const p of pending) await p.table.send(this.client, p.write);
      return;
    }
    await this.inFlight;
    this.inFlight = (async () => {
      for (const p of pending) await p.table.send(background, p.write);
    })();
    // A failed background write surfaces at the next flush or settle.
    this.inFlight.catch(() => undefined);
  }

  /** Waits until everything flushed is in the tables. */
  async settle(): Promise<void> {
    await this.inFlight;
  }
}

/**
 * Loads, for a slice of events, the row versions they touch (from the earliest occurredAt that
 * touches each key), so that `RowVersions.apply` has what it needs. A key already held with too
 * little history (a rebuild's cache) is written out first, then read again from further back.
 */
export async function loadTouched<T extends Tables>(
  client: PoolClient,
  sink: VersionSink<T>,
  versions: RowVersions<T>,
  events: readonly PreparedEvent[],
): Promise<void> {
  const wanted = new Map<string, Map<string, { key: Record<string, unknown>; from: string }>>();
  let stale = false;
  for (const { occurredAt, touches } of events) {
    for (const t of touches) {
      if (versions.holds(t.id, occurredAt)) continue;
      if (versions.keys.has(t.id)) stale = true;
      else if (!versions.mayBeStored(t.id)) {
        versions.startEmpty(t.table, t.key);
        continue;
      }
      // Held, but from too late a valid time (only a rebuild's cache, across slices), or not held.
      if (!wanted.has(t.table)) wanted.set(t.table, new Map());
      const seen = wanted.get(t.table)!.get(t.id);
      if (!seen || occurredAt < seen.from) wanted.get(t.table)!.set(t.id, { key: t.key, from: occurredAt });
    }
  }
  if (wanted.size === 0) return;
  if (stale) await sink.flush(versions);
  await sink.settle();
  for (const [table, keys] of wanted) {
    const found = await sink.tables[table].loadCurrent(client, [...keys.values()]);
    for (const f of found) versions.load(table, f.key, f.versions, f.complete);
  }
}

/** Folds a slice of events into versioned tables (loading what they touch first). */
export async function foldSlice<T extends Tables>(
  client: PoolClient,
  sink: VersionSink<T>,
  versions: RowVersions<T>,
  events: readonly RecordedEvent[],
): Promise<void> {
  const prepared = events.map((e) => versions.prepare(e));
  await loadTouched(client, sink, versions, prepared);
  for (const event of prepared) versions.apply(event);
}
