import type { RecordedEvent } from '@ancrage/event-store';

/** One read-model table a projection owns: a TypeORM entity and the properties forming its key. */
export interface TableSpec<Row extends object> {
  entity: new () => Row;
  key: readonly (keyof Row & string)[];
  /** Columns a key never changes (an agency's region): filters on them narrow the versions read. */
  stable?: readonly (keyof Row & string)[];
  /** Secondary indexes of the live rows, by column. */
  indexes?: readonly (readonly (keyof Row & string)[])[];
  /**
   * How a past read picks each key's version. `scan` (default) sorts the versions at the cut,
   * cheapest when keys have few versions. `probe` looks each key's version up in the primary key,
   * for few keys with many versions each (an aggregate per agency that changes with every fact).
   */
  pastRead?: 'scan' | 'probe';
}

export type Tables = Record<string, object>;

/** Where a fold reads and writes rows: live tables, fresh rebuild tables or plain memory. */
export interface RowAccess<T extends Tables> {
  get<K extends keyof T & string>(table: K, key: Partial<T[K]>): T[K] | undefined;
  put<K extends keyof T & string>(table: K, row: T[K]): void;
  delete<K extends keyof T & string>(table: K, key: Partial<T[K]>): void;
}

export interface Touch<T extends Tables> {
  table: keyof T & string;
  key: Record<string, unknown>;
}

/**
 * A read model as a pure fold. `touches` names every row an event may read or write, so the engine
 * can load them in one query per batch; `apply` then works on those rows only (the engine refuses
 * a read or a write of any other). The same fold feeds the versioned tables (live, and every past
 * valid and recorded time), rebuilds, and the in-memory replays that check them.
 */
export interface Projection<T extends Tables = Tables> {
  name: string;
  /** Bump when the fold changes: the engine rebuilds a projection whose stored version differs. */
  version: number;
  eventTypes: readonly string[];
  tables: { [K in keyof T & string]: TableSpec<T[K]> };
  touches(event: RecordedEvent): Touch<T>[];
  apply(event: RecordedEvent, rows: RowAccess<T>): void;
  /**
   * Whether a replay for one agency may read only that agency's events (default true). A
   * projection that joins events of shared streams (partners) says false.
   */
  agencyScoped?: boolean;
}

export function defineProjection<T extends Tables>(projection: Projection<T>): Projection<T> {
  return projection;
}
