import type { PoolClient } from 'pg';
import type { RecordedEvent } from '../../../event-store/src';
import type { Tables } from '../projection';
import { RowVersions } from './row-versions';
import type { VersionedTable } from './versioned-table';

/**
 * Loads, for a slice of events, the row versions they touch (from the earliest occurredAt that
 * touches each key), so that `RowVersions.apply` has what it needs. A key already held with too
 * little history (a rebuild's cache) is written out first, then read again from further back.
 */
export async function loadTouched<T extends Tables>(client: PoolClient, tables: Record<string, VersionedTable>, versions: RowVersions<T>, events: readonly RecordedEvent[]): Promise<void> {
  const wanted = new Map<string, Map<string, { key: Record<string, unknown>; from: string }>>();
  let stale = false;
  for (const event of events) {
    const from = new Date(event.metadata.occurredAt).toISOString();
    for (const t of versions.projection.touches(event)) {
      const id = versions.id(t.table, t.key);
      if (versions.fits(t.table, t.key, from)) continue;
      // Held, but from too late a valid time: only a rebuild's cache, across slices.
      if (versions.keys.has(id)) stale = true;
      if (!wanted.has(t.table)) wanted.set(t.table, new Map());
      const seen = wanted.get(t.table)!.get(id);
      if (!seen || from < seen.from) wanted.get(t.table)!.set(id, { key: t.key as Record<string, unknown>, from });
    }
  }
  if (stale) await writeVersions(client, tables, versions);
  for (const [table, keys] of wanted) {
    const found = await tables[table].loadCurrent(client, [...keys.values()]);
    for (const f of found) versions.load(table, f.key, f.versions, f.complete);
  }
}

/** Writes every key with new versions, table by table, and marks them stored. */
export async function writeVersions<T extends Tables>(client: PoolClient, tables: Record<string, VersionedTable>, versions: RowVersions<T>): Promise<number> {
  const byTable = new Map<string, ReturnType<RowVersions<T>['dirtyKeys']>>();
  for (const k of versions.dirtyKeys()) {
    if (!byTable.has(k.table)) byTable.set(k.table, []);
    byTable.get(k.table)!.push(k);
  }
  let written = 0;
  for (const [table, keys] of byTable) {
    await tables[table].write(client, keys);
    for (const k of keys) versions.markStored(k);
    written += keys.length;
  }
  return written;
}

/** Folds a slice of events into versioned tables (loading what they touch first). */
export async function foldSlice<T extends Tables>(client: PoolClient, tables: Record<string, VersionedTable>, versions: RowVersions<T>, events: readonly RecordedEvent[]): Promise<void> {
  await loadTouched(client, tables, versions, events);
  for (const event of events) versions.apply(event);
}
