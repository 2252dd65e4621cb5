import { textOf } from '@ancrage/shared-kernel';
import type { RecordedEvent } from '@ancrage/event-store';
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
  closed: readonly { version: RowVersion; recordedTo: string }[];
  /** The stored version flagged current in the table (the last of `current` when loaded). */
  storedCurrent: RowVersion | null;
  dirty: boolean;
}

/** Shared by every key with nothing closed (most of them), so a held key costs less memory. */
const NOTHING_CLOSED: readonly { version: RowVersion; recordedTo: string }[] = Object.freeze([]);

const instant = (iso: string) => (iso.length === 24 && iso.endsWith('Z') ? iso : new Date(iso).toISOString());

/** The version in effect at `at`: the last one whose validFrom is not after it. */
export function versionAt<V extends { validFrom: string }>(versions: readonly V[], at: string): V | undefined {
  for (let i = versions.length - 1; i >= 0; i--) if (versions[i].validFrom <= at) return versions[i];
  return undefined;
}

/** The row before index `end` that is in effect at `at` (null: none). */
function previousAt(versions: readonly RowVersion[], end: number, at: string): object | null {
  for (let i = end - 1; i >= 0; i--) if (versions[i].validFrom <= at) return versions[i].row;
  return null;
}

/** The version in effect just before `at`. */
export function versionBefore<V extends { validFrom: string }>(versions: readonly V[], at: string): V | undefined {
  for (let i = versions.length - 1; i >= 0; i--) if (versions[i].validFrom < at) return versions[i];
  return undefined;
}

/** An event with what the fold needs computed once: its instants and the keys it touches. */
export interface PreparedEvent {
  event: RecordedEvent;
  occurredAt: string;
  recordedAt: string;
  touches: { table: string; key: Record<string, unknown>; id: string }[];
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
  /**
   * When set, storage holds only what this instance wrote (a rebuild's fresh tables): a key never
   * held and never forgotten has no versions at all, and needs no query.
   */
  private readonly forgotten: Set<string> | null;

  constructor(
    readonly projection: Projection<T>,
    options: { ownsStorage?: boolean } = {},
  ) {
    this.forgotten = options.ownsStorage ? new Set() : null;
  }

  prepare(event: RecordedEvent): PreparedEvent {
    return {
      event,
      occurredAt: instant(event.metadata.occurredAt),
      recordedAt: instant(event.metadata.recordedAt),
      touches: this.projection.touches(event).map((t) => ({ table: t.table, key: t.key, id: this.id(t.table, t.key) })),
    };
  }

  /** Whether storage may hold versions of a key this instance does not (else it starts empty). */
  mayBeStored(id: string): boolean {
    return this.forgotten === null || this.forgotten.has(id);
  }

  /** Starts a key with no version anywhere. */
  startEmpty(table: string, key: Record<string, unknown>): void {
    this.load(table, key, [], true);
  }

  /** A key's identity: its table and key values (each key column has one type, so no ambiguity). */
  id(table: string, key: Record<string, unknown>): string {
    let id = table;
    for (const column of this.projection.tables[table].key) id += `\u0000${keyPart(key[column])}`;
    return id;
  }

  /**
   * Seeds a key with versions read from storage: for events from instant `from` on, the version in
   * effect just before `from` and every later one (`complete`: none was in effect before `from`).
   */
  load(table: string, key: Record<string, unknown>, versions: RowVersion[], complete: boolean): void {
    const keyColumns = this.projection.tables[table].key;
    const ownKey = Object.fromEntries(keyColumns.map((k) => [k, key[k] ?? null]));
    this.keys.set(this.id(table, key), {
      table,
      key: ownKey,
      current: versions,
      complete,
      closed: NOTHING_CLOSED,
      storedCurrent: versions.at(-1) ?? null,
      dirty: false,
    });
  }

  /** Whether the key is loaded with enough history for an event that occurred at `occurredAt`. */
  fits(table: string, key: Record<string, unknown>, occurredAt: string): boolean {
    return this.holds(this.id(table, key), instant(occurredAt));
  }

  /** `fits` for a key's id and an instant already normalised. */
  holds(id: string, occurredAt: string): boolean {
    const k = this.keys.get(id);
    return k !== undefined && (k.complete || k.current.length === 0 || k.current[0].validFrom < occurredAt);
  }

  /** Folds one event (the latest of the log so far) into every valid time it belongs to. */
  apply(event: RecordedEvent | PreparedEvent): void {
    const { event: e, occurredAt, recordedAt, touches } = 'touches' in event ? event : this.prepare(event);
    const touched = this.fold.touched;
    touched.clear();
    // Valid times where the touched rows may read differently: the event's own, and every later
    // version start of those rows (none when facts arrive in the order they occurred).
    let later: string[] | null = null;
    for (const t of touches) {
      if (!this.holds(t.id, occurredAt)) throw new Error(`${this.projection.name}: ${t.table} ${t.id} is not loaded from ${occurredAt}`);
      const k = this.keys.get(t.id)!;
      touched.set(t.id, k);
      for (let i = k.current.length - 1; i >= 0 && k.current[i].validFrom > occurredAt; i--) (later ??= []).push(k.current[i].validFrom);
    }
    if (!later) {
      for (const [id, row] of this.foldAt(e, occurredAt, touched)) this.mergeLast(touched.get(id)!, occurredAt, recordedAt, row);
      return;
    }
    const breakpoints = [...new Set([occurredAt, ...later])].sort();
    const written = new Map<string, (object | null)[]>();
    breakpoints.forEach((at, i) => {
      for (const [id, row] of this.foldAt(e, at, touched)) {
        if (!written.has(id)) written.set(id, new Array<object | null | undefined>(breakpoints.length) as (object | null)[]);
        written.get(id)![i] = row;
      }
    });
    for (const [id, rows] of written) this.merge(touched.get(id)!, occurredAt, recordedAt, breakpoints, rows);
  }

  /** `merge` when no version of the key starts after `occurredAt` (facts in the order they occurred). */
  private mergeLast(k: KeyVersions, occurredAt: string, recordedAt: string, row: object | null): void {
    const last = k.current.at(-1);
    if (last && last.validFrom === occurredAt) {
      if (sameValue(row, last.row)) return;
      if (last.stored || last.recordedFrom !== recordedAt) k.closed = [...k.closed, { version: last, recordedTo: recordedAt }];
      k.current.pop();
      const before = k.current.at(-1)?.row ?? null;
      if (!sameValue(row, before)) k.current.push({ validFrom: occurredAt, recordedFrom: recordedAt, row, stored: false });
    } else {
      if (sameValue(row, last?.row ?? null)) return;
      k.current.push({ validFrom: occurredAt, recordedFrom: recordedAt, row, stored: false });
    }
    k.dirty = true;
  }

  /**
   * Runs the fold on the rows as they read at `at`; returns what it wrote (null: deleted). The
   * returned map is reused by the next call: read it before folding again.
   */
  private foldAt(event: RecordedEvent, at: string, touched: Map<string, KeyVersions>): Map<string, object | null> {
    const f = this.fold;
    f.event = event;
    f.at = at;
    f.touched = touched;
    f.writes = new Map();
    this.projection.apply(event, f.rows);
    return f.writes;
  }

  /** The fold's view of the rows, made once: `foldAt` points it at an event and a valid time. */
  private readonly fold = (() => {
    const f = {
      event: null as unknown as RecordedEvent,
      at: '',
      touched: new Map<string, KeyVersions>(),
      writes: new Map<string, object | null>(),
      rows: null as unknown as RowAccess<T>,
    };
    const declared = (table: string, key: Record<string, unknown>, verb: string) => {
      const id = this.id(table, key);
      if (!f.touched.has(id)) {
        throw new UndeclaredRowError(
          `${this.projection.name}: ${f.event.type} ${verb} ${table} ${keyString(this.projection.tables[table].key, key)}, which touches() does not name`,
        );
      }
      return id;
    };
    f.rows = {
      get: (table, key) => {
        const id = declared(table, key, 'reads');
        const row = f.writes.has(id) ? f.writes.get(id) : (versionAt(f.touched.get(id)!.current, f.at)?.row ?? null);
        return row ? ({ ...row } as T[typeof table]) : undefined;
      },
      put: (table, row) => void f.writes.set(declared(table, row as Record<string, unknown>, 'writes'), row),
      delete: (table, key) => void f.writes.set(declared(table, key, 'deletes'), null),
    };
    return f;
  })();

  /**
   * The key's new versions from `occurredAt` on: at each breakpoint, what the fold wrote there, or
   * what the key read there before (a breakpoint of another row). Equal neighbours merge; versions
   * that no longer hold are closed at `recordedAt`, and those only ever believed at that very
   * instant are dropped (no reader at any instant could see them).
   */
  private merge(
    k: KeyVersions,
    occurredAt: string,
    recordedAt: string,
    breakpoints: string[],
    writes: (object | null | undefined)[],
  ): void {
    let split = k.current.length;
    while (split > 0 && k.current[split - 1].validFrom >= occurredAt) split--;
    const replaced = k.current.slice(split);
    const added: RowVersion[] = [];
    let previous: object | null = split > 0 ? k.current[split - 1].row : null;
    breakpoints.forEach((at, i) => {
      const old = versionAt(replaced, at);
      const row = writes[i] !== undefined ? writes[i] : old ? old.row : previousAt(k.current, split, at);
      if (sameValue(row, previous)) return;
      const same = replaced.find((v) => v.validFrom === at && sameValue(v.row, row));
      added.push(same ?? { validFrom: at, recordedFrom: recordedAt, row, stored: false });
      previous = row;
    });
    const kept = new Set(added);
    const closing = replaced.filter((v) => !kept.has(v));
    if (closing.length === 0 && added.length === replaced.length) return;
    for (const version of closing)
      if (version.stored || version.recordedFrom !== recordedAt) k.closed = [...k.closed, { version, recordedTo: recordedAt }];
    k.current.splice(split, replaced.length, ...added);
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
    k.closed = NOTHING_CLOSED;
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
    for (const [id, k] of this.keys) {
      if (k.dirty) continue;
      this.keys.delete(id);
      this.forgotten?.add(id);
    }
  }

  /**
   * Keeps, of each key with nothing left to write, only its last two versions: enough for facts
   * that arrive in the order they occurred (the one in effect just before, and the last); an
   * older fact makes the engine read the key again from storage.
   */
  trimClean(): void {
    for (const k of this.keys.values()) {
      if (k.dirty || k.current.length <= 2) continue;
      k.current = k.current.slice(-2);
      k.complete = false;
    }
  }
}

/** A key column's value in a row id: keys are strings, numbers or booleans; a missing one stands apart. */
function keyPart(value: unknown): string {
  return value === null || value === undefined ? '\u0001' : textOf(value);
}
