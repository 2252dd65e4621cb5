import type { RecordedEvent } from '../../event-store/src';

/** One read-model table a projection owns: a TypeORM entity and the properties forming its key. */
export interface TableSpec<Row extends object> {
  entity: new () => Row;
  key: readonly (keyof Row & string)[];
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
 * A read model as a pure fold. `touches` names the rows an event may read or write, so the engine
 * can load them in one query per batch; `apply` then works on those rows only. The same fold feeds
 * live tables, rebuilds and in-memory "as of" replays.
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
   * Whether an agency's as-of replay may read only that agency's events (default true). A
   * projection that joins events of shared streams (partners) says false.
   */
  agencyScoped?: boolean;
}

export function defineProjection<T extends Tables>(projection: Projection<T>): Projection<T> {
  return projection;
}
