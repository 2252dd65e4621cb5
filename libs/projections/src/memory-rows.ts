import type { Projection, RowAccess, Tables } from './projection';

export function keyString(keyColumns: readonly string[], row: Record<string, unknown>): string {
  return JSON.stringify(keyColumns.map((k) => row[k] ?? null));
}

/**
 * Rows in memory, per table, with a dirty set. Used on its own for as-of replays and as the
 * overlay the engine folds a batch into before writing the changed rows back.
 */
export class MemoryRows<T extends Tables> implements RowAccess<T> {
  readonly rows = new Map<string, Map<string, object>>();
  readonly dirty = new Map<string, Set<string>>();
  readonly deleted = new Map<string, Set<string>>();

  constructor(private readonly projection: Projection<T>) {
    for (const table of Object.keys(projection.tables)) {
      this.rows.set(table, new Map());
      this.dirty.set(table, new Set());
      this.deleted.set(table, new Set());
    }
  }

  keyOf(table: string, key: Record<string, unknown>): string {
    return keyString(this.projection.tables[table].key, key);
  }

  has(table: string, key: string): boolean {
    return this.rows.get(table)!.has(key) || this.deleted.get(table)!.has(key);
  }

  /** Seeds a row read from storage (not dirty). */
  load(table: string, row: object): void {
    this.rows.get(table)!.set(this.keyOf(table, row as Record<string, unknown>), row);
  }

  get<K extends keyof T & string>(table: K, key: Partial<T[K]>): T[K] | undefined {
    const row = this.rows.get(table)!.get(this.keyOf(table, key));
    // Folds get a (shallow) copy, so a fold that changes a row without put() cannot change state
    // behind our back. Folds replace nested values rather than mutate them (spread, as in ours).
    return row ? ({ ...row } as T[K]) : undefined;
  }

  put<K extends keyof T & string>(table: K, row: T[K]): void {
    const key = this.keyOf(table, row as Record<string, unknown>);
    this.rows.get(table)!.set(key, row);
    this.dirty.get(table)!.add(key);
    this.deleted.get(table)!.delete(key);
  }

  delete<K extends keyof T & string>(table: K, key: Partial<T[K]>): void {
    const k = this.keyOf(table, key);
    this.rows.get(table)!.delete(k);
    this.dirty.get(table)!.delete(k);
    this.deleted.get(table)!.add(k);
  }

  /** Dirty rows and deleted keys per table, then forgets that they were dirty. */
  takeChanges(): Array<{ table: string; upserts: object[]; deletes: string[] }> {
    return Object.keys(this.projection.tables).map((table) => {
      const rows = this.rows.get(table)!;
      const upserts = [...this.dirty.get(table)!].map((k) => rows.get(k)!);
      const deletes = [...this.deleted.get(table)!];
      this.dirty.get(table)!.clear();
      this.deleted.get(table)!.clear();
      return { table, upserts, deletes };
    });
  }

  size(): number {
    let n = 0;
    for (const m of this.rows.values()) n += m.size;
    return n;
  }

  /** Drops clean rows to bound memory; dirty ones stay until written. */
  evictClean(): void {
    for (const [table, rows] of this.rows) {
      const dirty = this.dirty.get(table)!;
      for (const key of rows.keys()) if (!dirty.has(key)) rows.delete(key);
      this.deleted.get(table)!.clear();
    }
  }

  list<K extends keyof T & string>(table: K): T[K][] {
    return [...this.rows.get(table)!.values()] as T[K][];
  }
}
