import { textOf } from '@ancrage/shared-kernel';
import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import type { TableSpec } from '../projection';
import type { Cut } from './cut';
import type { KeyVersions, RowVersion } from './row-versions';

interface Column {
  property: string;
  column: string;
  sqlType: string;
}

/** Equality on a column (an array: any of its values); undefined filters nothing. */
export type Filter<Row> = { [K in keyof Row]?: Row[K] | readonly Row[K][] | undefined };

export interface FindOptions<Row> {
  /** The columns to read (default all): a national list need not decode every column of thousands of rows. */
  columns?: readonly (keyof Row & string)[];
  order?: { [K in keyof Row]?: 'ASC' | 'DESC' };
  limit?: number;
  offset?: number;
}

/** Statements for one table, ready to send. */
export interface PreparedWrite {
  drops: Record<string, unknown>[];
  closes: Record<string, unknown>[];
  flags: Record<string, unknown>[];
  /** New versions in COPY's text format, in chunks of about 64 kB. */
  inserts: string[];
}

/** Appends COPY lines to chunks of about 64 kB: few large strings rather than one per version. */
class CopyChunks {
  readonly chunks: string[] = [];
  private current = '';

  add(line: string): void {
    this.current += line;
    if (this.current.length >= 65_536) this.end();
  }

  end(): string[] {
    if (this.current) this.chunks.push(this.current);
    this.current = '';
    return this.chunks;
  }
}

/** Bookkeeping columns of every versioned table; no entity may use these names. */
const BOOKKEEPING = ['valid_from', 'recorded_from', 'recorded_to', 'is_current', 'is_removed'];
/** Bumped when the physical layout below changes: every projection is then rebuilt. */
const LAYOUT = 3;
const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', ${ISO})`;

export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * One read-model table stored as bitemporal row versions (SQL:2011's "system-versioned" and
 * "application-time" periods in one table):
 * - the entity's columns, then `valid_from` (the occurredAt from which the version holds, until
 *   the next version of its key), `recorded_from`/`recorded_to` (the recordedAt range during which
 *   the log said so), `is_removed` (the row does not exist from `valid_from`);
 * - `is_current` flags the version a live read sees (the last one believed now), so the live
 *   read is an index scan of a partial index: the special case "as of now, as known now".
 * Rows travel as one JSONB array per statement (jsonb_to_recordset), so a batch is one round trip.
 */
export class VersionedTable {
  readonly tableName: string;
  readonly columns: Column[];
  readonly keyColumns: Column[];
  /** Columns whose value never changes for a key: their filters apply before picking versions. */
  private readonly stableColumns: Set<string>;
  private readonly indexes: Column[][];
  private readonly pastRead: 'scan' | 'probe';

  constructor(dataSource: DataSource, spec: TableSpec<object>) {
    const metadata = dataSource.getMetadata(spec.entity);
    this.tableName = metadata.tableName;
    this.columns = metadata.columns.map((c) => ({
      property: c.propertyName,
      column: c.databaseName,
      sqlType: dataSource.driver.normalizeType(c) + (c.isArray ? '[]' : ''),
    }));
    const column = (property: string) => {
      const found = this.columns.find((c) => c.property === property);
      if (!found) throw new Error(`${this.tableName}: ${property} is not a column`);
      return found;
    };
    for (const c of this.columns)
      if (BOOKKEEPING.includes(c.column)) throw new Error(`${this.tableName}: column ${c.column} is reserved for row versions`);
    this.keyColumns = spec.key.map(column);
    this.stableColumns = new Set([...spec.key, ...(spec.stable ?? [])].map((p) => column(p).column));
    this.indexes = (spec.indexes ?? []).map((list) => list.map(column));
    this.pastRead = spec.pastRead ?? 'scan';
  }

  /** The same table under another name (rebuild target). */
  renamed(tableName: string): VersionedTable {
    return Object.assign(Object.create(VersionedTable.prototype) as VersionedTable, this, { tableName });
  }

  /** What the table looks like: a projection whose stored shape differs is rebuilt before use. */
  shape(): string {
    const parts = {
      layout: LAYOUT,
      columns: this.columns.map((c) => [c.column, c.sqlType]),
      key: this.keyColumns.map((c) => c.column),
      indexes: this.indexes.map((i) => i.map((c) => c.column)),
    };
    return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
  }

  /**
   * The table and its indexes. A bulk build (a rebuild) creates the primary key only: it writes
   * every version as not current, then `finishBulkStatements` flags the current ones and builds the
   * other indexes once, which is far cheaper than keeping them up to date row by row.
   */
  createStatements(options: { bulk?: boolean } = {}): string[] {
    const t = quote(this.tableName);
    const keys = this.keyColumns.map((c) => quote(c.column)).join(', ');
    const columns = this.columns.map((c) => `${quote(c.column)} ${c.sqlType}${this.keyColumns.includes(c) ? ' NOT NULL' : ''}`);
    const [pkey] = this.indexNames().map(quote);
    const table = `CREATE TABLE ${t} (${columns.join(', ')}, valid_from timestamptz NOT NULL, recorded_from timestamptz NOT NULL,
         recorded_to timestamptz, is_current boolean NOT NULL, is_removed boolean NOT NULL,
         CONSTRAINT ${pkey} PRIMARY KEY (${keys}, valid_from, recorded_from))`;
    return options.bulk ? [table] : [table, ...this.indexStatements()];
  }

  /** After a bulk build: each key's last believed version is current; then the other indexes. */
  finishBulkStatements(): string[] {
    const t = quote(this.tableName);
    const keys = this.keyColumns.map((c) => quote(c.column)).join(', ');
    const match = this.keyColumns.map((c) => `t.${quote(c.column)} = c.${quote(c.column)}`).join(' AND ');
    return [
      `UPDATE ${t} t SET is_current = true
         FROM (SELECT DISTINCT ON (${keys}) ${keys}, valid_from, recorded_from FROM ${t} WHERE recorded_to IS NULL ORDER BY ${keys}, valid_from DESC) c
        WHERE ${match} AND t.valid_from = c.valid_from AND t.recorded_from = c.recorded_from`,
      ...this.indexStatements(),
      `ANALYZE ${t}`,
    ];
  }

  /**
   * The live rows' indexes; and, for an index of columns a key never changes (a year, a region),
   * the same over every version followed by the key and the newest version first, so a past read
   * filtered on them walks the index in the order it picks versions instead of sorting the table.
   */
  private indexStatements(): string[] {
    const t = quote(this.tableName);
    const keys = this.keyColumns.map((c) => quote(c.column)).join(', ');
    const [, current, ...secondary] = this.indexNames().map(quote);
    const list = (cols: Column[]) => cols.map((c) => quote(c.column)).join(', ');
    return [
      `CREATE UNIQUE INDEX ${current} ON ${t} (${keys}) WHERE is_current`,
      ...this.indexes.map((cols, i) => `CREATE INDEX ${secondary[i]} ON ${t} (${list(cols)}) WHERE is_current AND NOT is_removed`),
      ...this.pastIndexes().map(
        (cols, i) =>
          `CREATE INDEX ${secondary[this.indexes.length + i]} ON ${t} (${list([...cols, ...this.keyColumns.filter((k) => !cols.includes(k))])}, valid_from DESC)`,
      ),
    ];
  }

  /** Secondary indexes made only of stable columns: they also index the past. */
  private pastIndexes(): Column[][] {
    return this.indexes.filter((cols) => cols.every((c) => this.stableColumns.has(c.column)));
  }

  /** Index names carry the table's name, so a rebuild's fresh table can sit beside the live one. */
  indexNames(): string[] {
    const secondary = [...this.indexes, ...this.pastIndexes()].map((_, i) => `i${i}`);
    return ['pkey', 'current', ...secondary].map((suffix) => `${this.tableName.slice(0, 55)}__${suffix}`);
  }

  /**
   * For each key, the versions believed now from the one in effect just before `from` on (all of
   * them when none was in effect then: `complete`).
   */
  async loadCurrent(
    client: PoolClient,
    requests: { key: Record<string, unknown>; from: string }[],
  ): Promise<{ key: Record<string, unknown>; versions: RowVersion[]; complete: boolean }[]> {
    if (requests.length === 0) return [];
    const match = (alias: string) => this.keyColumns.map((c) => `${alias}.${quote(c.column)} = k.${quote(c.column)}`).join(' AND ');
    const keyRecordset = this.keyColumns.map((c) => `${quote(c.column)} ${c.sqlType}`).join(', ');
    const { rows } = await client.query<Record<string, unknown> & { __i: number; __from: string; __recorded: string; is_removed: boolean }>(
      `SELECT k.__i AS "__i", ${iso('t.valid_from')} AS "__from", ${iso('t.recorded_from')} AS "__recorded", t.is_removed, ${this.selectList('t')}
         FROM jsonb_to_recordset($1::jsonb) AS k(${keyRecordset}, __from timestamptz, __i integer)
         JOIN ${quote(this.tableName)} t ON ${match('t')} AND t.recorded_to IS NULL
          AND t.valid_from >= coalesce((SELECT max(p.valid_from) FROM ${quote(this.tableName)} p WHERE ${match('p')} AND p.recorded_to IS NULL AND p.valid_from < k.__from), '-infinity')
        ORDER BY k.__i, t.valid_from`,
      [JSON.stringify(requests.map((r, i) => ({ ...this.record(r.key, this.keyColumns), __from: r.from, __i: i })))],
    );
    const found = requests.map((r) => ({ key: r.key, versions: [] as RowVersion[], complete: true }));
    for (const { __i, __from, __recorded, is_removed, ...values } of rows) {
      found[__i].versions.push({ validFrom: __from, recordedFrom: __recorded, row: is_removed ? null : values, stored: true });
    }
    for (const [i, f] of found.entries()) f.complete = f.versions.length === 0 || f.versions[0].validFrom >= requests[i].from;
    return found;
  }

  /**
   * What a fold changed for these keys, as statements to send: drops, closes, current flags, new
   * versions. Taken at once (the keys may change again right after); sent later, maybe while the
   * fold goes on. A bulk build leaves the current flags to `finishBulkStatements`.
   */
  prepareWrite(changes: KeyVersions[], options: { bulk?: boolean } = {}): PreparedWrite {
    const drops: Record<string, unknown>[] = [];
    const closes: Record<string, unknown>[] = [];
    const flags: Record<string, unknown>[] = [];
    const inserts = new CopyChunks();
    for (const k of changes) {
      const keyRecord = this.record(k.key, this.keyColumns);
      const last = k.current.at(-1) ?? null;
      const id = (v: RowVersion) => ({ ...keyRecord, valid_from: v.validFrom, recorded_from: v.recordedFrom });
      for (const { version, recordedTo } of k.closed) {
        if (!version.stored) inserts.add(this.copyLine(k, version, recordedTo, false));
        else if (recordedTo === version.recordedFrom) drops.push(id(version));
        else closes.push({ ...id(version), recorded_to: recordedTo });
      }
      if (!options.bulk && k.storedCurrent && k.storedCurrent !== last && k.current.includes(k.storedCurrent))
        flags.push({ ...id(k.storedCurrent), is_current: false });
      if (!options.bulk && last && last.stored && last !== k.storedCurrent) flags.push({ ...id(last), is_current: true });
      for (const v of k.current) if (!v.stored) inserts.add(this.copyLine(k, v, null, !options.bulk && v === last));
    }
    return { drops, closes, flags, inserts: inserts.end() };
  }

  async send(client: PoolClient, { drops, closes, flags, inserts }: PreparedWrite): Promise<void> {
    const t = quote(this.tableName);
    const idColumns = `${this.keyColumns.map((c) => `${quote(c.column)} ${c.sqlType}`).join(', ')}, valid_from timestamptz, recorded_from timestamptz`;
    const matchId = `${this.keyColumns.map((c) => `t.${quote(c.column)} = x.${quote(c.column)}`).join(' AND ')} AND t.valid_from = x.valid_from AND t.recorded_from = x.recorded_from`;
    const run = async (sql: string, records: Record<string, unknown>[]) => {
      for (let i = 0; i < records.length; i += 5000) await client.query(sql, [JSON.stringify(records.slice(i, i + 5000))]);
    };
    await run(`DELETE FROM ${t} t USING jsonb_to_recordset($1::jsonb) AS x(${idColumns}) WHERE ${matchId}`, drops);
    await run(
      `UPDATE ${t} t SET recorded_to = x.recorded_to, is_current = false FROM jsonb_to_recordset($1::jsonb) AS x(${idColumns}, recorded_to timestamptz) WHERE ${matchId}`,
      closes,
    );
    // Unset before set: one current version per key (a unique partial index) at every moment.
    await run(
      `UPDATE ${t} t SET is_current = x.is_current FROM jsonb_to_recordset($1::jsonb) AS x(${idColumns}, is_current boolean) WHERE ${matchId}`,
      flags.filter((f) => !f.is_current),
    );
    await run(
      `UPDATE ${t} t SET is_current = x.is_current FROM jsonb_to_recordset($1::jsonb) AS x(${idColumns}, is_current boolean) WHERE ${matchId}`,
      flags.filter((f) => f.is_current),
    );
    if (inserts.length) await this.copyIn(client, inserts);
  }

  /** New versions travel by COPY (text format): no JSON to build or parse, one stream per write. */
  private async copyIn(client: PoolClient, chunks: string[]): Promise<void> {
    const cols = [
      ...this.columns.map((c) => quote(c.column)),
      'valid_from',
      'recorded_from',
      'recorded_to',
      'is_current',
      'is_removed',
    ].join(', ');
    const stream = client.query(copyFrom(`COPY ${quote(this.tableName)} (${cols}) FROM STDIN`));
    await new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
      for (const chunk of chunks) stream.write(chunk);
      stream.end();
    });
  }

  /** One version as a line of COPY's text format. */
  private copyLine(k: KeyVersions, v: RowVersion, recordedTo: string | null, isCurrent: boolean): string {
    const row = (v.row ?? k.key) as Record<string, unknown>;
    let line = '';
    for (const c of this.columns) line += copyField(row[c.property], c.sqlType) + '\t';
    return `${line}${v.validFrom}\t${v.recordedFrom}\t${recordedTo ?? '\\N'}\t${isCurrent ? 't' : 'f'}\t${v.row === null ? 't' : 'f'}\n`;
  }

  /**
   * The rows at a cut, filtered, ordered and paged in SQL. Live: the current versions. Past: per
   * key, the latest version that held at `validAt` among those believed at `knownAt`.
   */
  selectAt<Row>(cut: Cut, where: Filter<Row>, options: FindOptions<Row> = {}, countOnly = false): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const stable: string[] = [];
    const outer: string[] = ['NOT r.is_removed'];
    for (const [property, value] of Object.entries(where)) {
      if (value === undefined) continue;
      const c = this.columnOf(property);
      params.push(value);
      // One value is a plain equality, so an index on the column can also give the order a past read needs.
      const test = Array.isArray(value)
        ? `${quote(c.column)} = ANY($${params.length}::${c.sqlType}[])`
        : `${quote(c.column)} = $${params.length}::${c.sqlType}`;
      (this.stableColumns.has(c.column) || isLive(cut) ? stable : outer).push(test);
    }
    const t = quote(this.tableName);
    const and = (tests: string[]) => tests.map((f) => ` AND ${f}`).join('');
    let source: string;
    if (isLive(cut)) {
      source = `(SELECT * FROM ${t} WHERE is_current${and(stable)})`;
    } else {
      const atCut: string[] = [];
      if (cut.validAt !== undefined) {
        params.push(cut.validAt);
        atCut.push(`valid_from <= $${params.length}::timestamptz`);
      }
      if (cut.knownAt !== undefined) {
        params.push(cut.knownAt);
        atCut.push(
          `recorded_from <= $${params.length}::timestamptz AND (recorded_to IS NULL OR recorded_to > $${params.length}::timestamptz)`,
        );
      } else atCut.push('recorded_to IS NULL');
      const keys = this.keyColumns.map((c) => quote(c.column)).join(', ');
      if (this.pastRead === 'probe') {
        // Every key believed now has a current version; one believed only earlier may not.
        const keySource =
          cut.knownAt === undefined
            ? `SELECT ${keys} FROM ${t} WHERE is_current${and(stable)}`
            : `SELECT DISTINCT ${keys} FROM ${t} WHERE true${and(stable)}`;
        const sameKey = this.keyColumns.map((c) => `x.${quote(c.column)} = k.${quote(c.column)}`).join(' AND ');
        source = `(SELECT v.* FROM (${keySource}) k CROSS JOIN LATERAL
          (SELECT * FROM ${t} x WHERE ${sameKey}${and(atCut)} ORDER BY x.valid_from DESC LIMIT 1) v)`;
      } else {
        source = `(SELECT DISTINCT ON (${keys}) * FROM ${t} WHERE ${[...stable, ...atCut].join(' AND ')} ORDER BY ${keys}, valid_from DESC)`;
      }
    }
    if (countOnly) return { sql: `SELECT count(*)::integer AS n FROM ${source} r WHERE ${outer.join(' AND ')}`, params };
    const order = Object.entries(options.order ?? {}).map(
      ([p, dir]) => `r.${quote(this.columnOf(p).column)} ${dir === 'DESC' ? 'DESC' : 'ASC'}`,
    );
    // Ties end in key order, so pages never overlap.
    order.push(...this.keyColumns.map((c) => `r.${quote(c.column)}`));
    let sql = `SELECT ${this.selectList('r', options.columns)} FROM ${source} r WHERE ${outer.join(' AND ')} ORDER BY ${order.join(', ')}`;
    if (options.limit !== undefined) sql += ` LIMIT ${Math.floor(options.limit)}`;
    if (options.offset) sql += ` OFFSET ${Math.floor(options.offset)}`;
    return { sql, params };
  }

  private columnOf(property: string): Column {
    const c = this.columns.find((x) => x.property === property);
    if (!c) throw new Error(`${this.tableName}: no column ${property}`);
    return c;
  }

  private selectList(alias: string, only?: readonly string[]): string {
    return (only ? only.map((p) => this.columnOf(p)) : this.columns)
      .map((c) => `${alias}.${quote(c.column)} AS ${quote(c.property)}`)
      .join(', ');
  }

  private record(row: Record<string, unknown>, columns: Column[]): Record<string, unknown> {
    const record: Record<string, unknown> = {};
    for (const c of columns) record[c.column] = row[c.property] ?? null;
    return record;
  }
}

const isLive = (cut: Cut) => cut.validAt === undefined && cut.knownAt === undefined;

/** A value in COPY's text format: \N for null, JSON for jsonb, backslash, tab and line breaks escaped. */
function copyField(value: unknown, sqlType: string): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  const text = sqlType === 'jsonb' || sqlType === 'json' ? JSON.stringify(value) : textOf(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (ch) => COPY_ESCAPES[ch]) : text;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
