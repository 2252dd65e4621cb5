import type { RecordedEvent } from '../../../event-store/src';
import { keyString } from '../memory-rows';
import type { Projection, RowAccess, Tables } from '../projection';
import { sameValue } from './same-value';

/**
 * One version of a read-model row. It holds from `validFrom` (the world's clock: occurredAt) until
 * the next version of its key, as believed from `recordedFrom` until `recordedTo` (the log's clock:
 * recordedAt). `row` null means the row does not exist from `validFrom`.
 */
export interface RowVersion {
  validFrom: string;
  recordedFrom: string;
  row: object | null;
  /** Already in the table (else to insert). */
  stored: boolean;
}

/** The versions of one key that are believed now (recordedTo unset), oldest validFrom first. */
export interface KeyVersions {
  table: string;
  key: Record<string, unknown>;
  current: RowVersion[];
  /**
   * True when `current` holds every version of the key. Otherwise it holds the version in effect
   * just before some instant and all later ones, so only events that occurred after `current[0]`
   * fit (the fold needs the row as it read just before the event).
   */
  complete: boolean;
  /** Versions this session stopped believing (recordedTo set), still to write. */
  closed: { version: RowVersion; recordedTo: string }[];
  /** The stored version flagged current in the table (the last of `current` when loaded). */
  storedCurrent: RowVersion | null;
  dirty: boolean;
}

const instant = (iso: string) => (iso.length === 24 && iso.endsWith('Z') ? iso : new Date(iso).toISOString());

/** The version in effect at `at`: the last one whose validFrom is not after it. */
export function versionAt<V extends { validFrom: string }>(versions: readonly V[], at: string): V | undefined {
  for (let i = versions.length - 1; i >= 0; i--) if (versions[i].validFrom <= at) return versions[i];
  return undefined;
}

/** The version in effect just before `at`. */
export function versionBefore<V extends { validFrom: string }>(versions: readonly V[], at: string): V | undefined {
  for (let i = versions.length - 1; i >= 0; i--) if (versions[i].validFrom < at) return versions[i];
  return undefined;
}

export class UndeclaredRowError extends Error {
  override readonly name = 'UndeclaredRowError';
}

/**
 * A projection's rows as bitemporal versions, folded event by event in log order. An event that
 * occurred at `o` belongs to every valid time from `o` on: it is applied to the version in effect
 * at `o` and to each later version of the rows it touches (each later version marks a valid time
 * where those rows read differently), exactly as a replay of "everything that occurred by t" would
 * apply it last. The fold stays the projection's own pure `apply`; this class only decides which
 * states it runs on and which versions come out. No SQL here: the engine loads and stores versions.
 */
export class RowVersions<T extends Tables> {
  readonly keys = new Map<string, KeyVersions>();

  constructor(readonly projection: Projection<T>) {}

  id(table: string, key: Record<string, unknown>): string {
    return `${table}\u0000${keyString(this.projection.tables[table].key, key)}`;
  }

  /**
   * Seeds a key with versions read from storage: for events from instant `from` on, the version in
   * effect just before `from` and every later one (`complete`: none was in effect before `from`).
   */
  load(table: string, key: Record<string, unknown>, versions: RowVersion[], complete: boolean): void {
    const keyColumns = this.projection.tables[table].key;
    const ownKey = Object.fromEntries(keyColumns.map((k) => [k, key[k] ?? null]));
    this.keys.set(this.id(table, key), { table, key: ownKey, current: versions, complete, closed: [], storedCurrent: versions.at(-1) ?? null, dirty: false });
  }

  /** Whether the key is loaded with enough history for an event that occurred at `occurredAt`. */
  fits(table: string, key: Record<string, unknown>, occurredAt: string): boolean {
    const k = this.keys.get(this.id(table, key));
    return k !== undefined && (k.complete || k.current.length === 0 || k.current[0].validFrom < instant(occurredAt));
  }

  /** Folds one event (the latest of the log so far) into every valid time it belongs to. */
  apply(event: RecordedEvent): void {
    const occurredAt = instant(event.metadata.occurredAt);
    const recordedAt = instant(event.metadata.recordedAt);
    const touched = new Map<string, KeyVersions>();
    for (const t of this.projection.touches(event)) {
      const id = this.id(t.table, t.key);
      const k = this.keys.get(id);
      if (!k || !this.fits(t.table, t.key, occurredAt)) throw new Error(`${this.projection.name}: ${t.table} ${id} is not loaded from ${occurredAt}`);
      touched.set(id, k);
    }
    // Valid times where the touched rows may read differently: the event's own, and every later
    // version start of those rows.
    const points = new Set([occurredAt]);
    for (const k of touched.values()) for (const v of k.current) if (v.validFrom > occurredAt) points.add(v.validFrom);
    const breakpoints = [...points].sort();

    const written = new Map<string, (object | null)[]>();
    breakpoints.forEach((at, i) => {
      for (const [id, row] of this.foldAt(event, at, touched)) {
        if (!written.has(id)) written.set(id, new Array<object | null | undefined>(breakpoints.length) as (object | null)[]);
        written.get(id)![i] = row;
      }
    });
    for (const [id, rows] of written) this.merge(touched.get(id)!, occurredAt, recordedAt, breakpoints, rows);
  }

  /** Runs the fold on the rows as they read at `at`; returns what it wrote (null: deleted). */
  private foldAt(event: RecordedEvent, at: string, touched: Map<string, KeyVersions>): Map<string, object | null> {
    const writes = new Map<string, object | null>();
    const name = this.projection.name;
    const declared = (table: string, key: Record<string, unknown>, verb: string) => {
      const id = this.id(table, key);
      if (!touched.has(id)) throw new UndeclaredRowError(`${name}: ${event.type} ${verb} ${table} ${keyString(this.projection.tables[table].key, key)}, which touches() does not name`);
      return id;
    };
    const rows: RowAccess<T> = {
      get: (table, key) => {
        const id = declared(table, key as Record<string, unknown>, 'reads');
        const row = writes.has(id) ? writes.get(id) : (versionAt(touched.get(id)!.current, at)?.row ?? null);
        return row ? ({ ...row } as T[typeof table]) : undefined;
      },
      put: (table, row) => void writes.set(declared(table, row as Record<string, unknown>, 'writes'), row),
      delete: (table, key) => void writes.set(declared(table, key as Record<string, unknown>, 'deletes'), null),
    };
    this.projection.apply(event, rows);
    return writes;
  }

  /**
   * The key's new versions from `occurredAt` on: at each breakpoint, what the fold wrote there, or
   * what the key read there before (a breakpoint of another row). Equal neighbours merge; versions
   * that no longer hold are closed at `recordedAt`, and those only ever believed at that very
   * instant are dropped (no reader at any instant could see them).
   */
  private merge(k: KeyVersions, occurredAt: string, recordedAt: string, breakpoints: string[], writes: (object | null | undefined)[]): void {
    const before = k.current.filter((v) => v.validFrom < occurredAt);
    const replaced = k.current.filter((v) => v.validFrom >= occurredAt);
    const next: RowVersion[] = [...before];
    let previous: object | null = before.at(-1)?.row ?? null;
    breakpoints.forEach((at, i) => {
      const row = writes[i] !== undefined ? writes[i] : (versionAt(k.current, at)?.row ?? null);
      if (sameValue(row, previous)) return;
      const same = replaced.find((v) => v.validFrom === at && sameValue(v.row, row));
      next.push(same ?? { validFrom: at, recordedFrom: recordedAt, row, stored: false });
      previous = row;
    });
    const kept = new Set(next);
    const closing = replaced.filter((v) => !kept.has(v));
    if (closing.length === 0 && next.length === k.current.length) return;
    for (const version of closing) if (version.stored || version.recordedFrom !== recordedAt) k.closed.push({ version, recordedTo: recordedAt });
    k.current = next;
    k.dirty = true;
  }

  /** The rows a key holds at a valid time, as believed now (for tests and the engine's checks). */
  rowAt(table: string, key: Record<string, unknown>, at: string): object | null {
    const k = this.keys.get(this.id(table, key));
    return k ? (versionAt(k.current, instant(at))?.row ?? null) : null;
  }

  /** Keys with versions to write; `markStored` afterwards. */
  dirtyKeys(): KeyVersions[] {
    return [...this.keys.values()].filter((k) => k.dirty);
  }

  markStored(k: KeyVersions): void {
    for (const v of k.current) v.stored = true;
    k.closed = [];
    k.storedCurrent = k.current.at(-1) ?? null;
    k.dirty = false;
  }

  /** Versions held in memory, to bound a rebuild's cache. */
  size(): number {
    let n = 0;
    for (const k of this.keys.values()) n += k.current.length;
    return n;
  }

  /** Forgets keys with nothing left to write (they are reloaded from storage when touched again). */
  evictClean(): void {
    for (const [id, k] of this.keys) if (!k.dirty) this.keys.delete(id);
  }
}
