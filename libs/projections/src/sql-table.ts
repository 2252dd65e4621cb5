import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { TableSpec } from './projection';

interface Column {
  property: string;
  column: string;
  sqlType: string;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Set-based SQL for one read-model table, derived from its TypeORM entity: rows travel as one JSONB
 * array per statement (jsonb_to_recordset), so a batch of thousands of rows is one round trip.
 */
export class SqlTable {
  readonly tableName: string;
  private readonly columns: Column[];
  private readonly keyColumns: Column[];
  private readonly recordset: string;

  constructor(dataSource: DataSource, spec: TableSpec<object>) {
    const metadata = dataSource.getMetadata(spec.entity);
    this.tableName = metadata.tableName;
    this.columns = metadata.columns.map((c) => ({
      property: c.propertyName,
      column: c.databaseName,
      sqlType: dataSource.driver.normalizeType(c) + (c.isArray ? '[]' : ''),
    }));
    this.keyColumns = spec.key.map((k) => {
      const found = this.columns.find((c) => c.property === k);
      if (!found) throw new Error(`${this.tableName}: key ${String(k)} is not a column`);
      return found;
    });
    this.recordset = this.columns.map((c) => `${quote(c.column)} ${c.sqlType}`).join(', ');
  }

  /** The same table under another name (rebuild target). */
  renamed(tableName: string): SqlTable {
    return Object.assign(Object.create(SqlTable.prototype) as SqlTable, this, { tableName });
  }

  async selectByKeys(client: PoolClient, keys: Record<string, unknown>[]): Promise<object[]> {
    if (keys.length === 0) return [];
    const keyList = this.keyColumns.map((c) => quote(c.column)).join(', ');
    const keyRecordset = this.keyColumns.map((c) => `${quote(c.column)} ${c.sqlType}`).join(', ');
    const { rows } = await client.query<object>(
      `SELECT ${this.selectList()} FROM ${quote(this.tableName)}
        WHERE (${keyList}) IN (SELECT ${keyList} FROM jsonb_to_recordset($1::jsonb) AS k(${keyRecordset}))`,
      [JSON.stringify(keys.map((k) => this.toRecord(k, this.keyColumns)))],
    );
    return rows;
  }

  async upsert(client: PoolClient, rows: object[]): Promise<void> {
    if (rows.length === 0) return;
    const cols = this.columns.map((c) => quote(c.column)).join(', ');
    const keyList = this.keyColumns.map((c) => quote(c.column)).join(', ');
    const updates = this.columns.filter((c) => !this.keyColumns.includes(c)).map((c) => `${quote(c.column)} = EXCLUDED.${quote(c.column)}`);
    await client.query(
      `INSERT INTO ${quote(this.tableName)} (${cols})
       SELECT ${cols} FROM jsonb_to_recordset($1::jsonb) AS r(${this.recordset})
       ON CONFLICT (${keyList}) DO ${updates.length ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`,
      [JSON.stringify(rows.map((r) => this.toRecord(r as Record<string, unknown>, this.columns)))],
    );
  }

  async deleteByKeys(client: PoolClient, keys: Record<string, unknown>[]): Promise<void> {
    if (keys.length === 0) return;
    const keyList = this.keyColumns.map((c) => quote(c.column)).join(', ');
    const keyRecordset = this.keyColumns.map((c) => `${quote(c.column)} ${c.sqlType}`).join(', ');
    await client.query(
      `DELETE FROM ${quote(this.tableName)}
        WHERE (${keyList}) IN (SELECT ${keyList} FROM jsonb_to_recordset($1::jsonb) AS k(${keyRecordset}))`,
      [JSON.stringify(keys.map((k) => this.toRecord(k, this.keyColumns)))],
    );
  }

  async selectAll(client: PoolClient): Promise<object[]> {
    const { rows } = await client.query<object>(`SELECT ${this.selectList()} FROM ${quote(this.tableName)}`);
    return rows;
  }

  private selectList(): string {
    return this.columns.map((c) => `${quote(c.column)} AS ${quote(c.property)}`).join(', ');
  }

  private toRecord(row: Record<string, unknown>, columns: Column[]): Record<string, unknown> {
    const record: Record<string, unknown> = {};
    for (const c of columns) record[c.column] = row[c.property] ?? null;
    return record;
  }
}
