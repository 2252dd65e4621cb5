import type { Pool } from 'pg';
import type { Cut } from './bitemporal/cut';
import type { Filter, FindOptions } from './bitemporal/versioned-table';
import type { ProjectionEngine } from './projection-engine';
import { noteViewRead } from './view-reads';

/**
 * The one read path of every view: rows of a projection table at a cut (live, as of a valid time,
 * as known at a recorded time, or both), filtered, ordered and paged in SQL. A view written once
 * answers the present and the past alike; it never replays the log.
 */
export class ReadModels {
  constructor(
    private readonly pool: Pool,
    private readonly engine: ProjectionEngine,
  ) {}

  /** With `columns`, the rows hold those columns only, and say so in their type. */
  find<Row extends object, C extends keyof Row & string>(
    entity: new () => Row,
    cut: Cut,
    where: Filter<Row>,
    options: FindOptions<Row> & { columns: readonly C[] },
  ): Promise<Pick<Row, C>[]>;
  find<Row extends object>(entity: new () => Row, cut: Cut, where?: Filter<Row>, options?: FindOptions<Row>): Promise<Row[]>;
  async find<Row extends object>(entity: new () => Row, cut: Cut, where: Filter<Row> = {}, options: FindOptions<Row> = {}): Promise<Row[]> {
    const { table, projection } = this.engine.storeOf(entity);
    noteViewRead(projection);
    const { sql, params } = table.selectAt(cut, where, options);
    return (await this.pool.query(sql, params)).rows as Row[];
  }

  async findOne<Row extends object>(entity: new () => Row, cut: Cut, where: Filter<Row>): Promise<Row | null> {
    return (await this.find(entity, cut, where, { limit: 1 }))[0] ?? null;
  }

  async count<Row extends object>(entity: new () => Row, cut: Cut, where: Filter<Row> = {}): Promise<number> {
    const { table, projection } = this.engine.storeOf(entity);
    noteViewRead(projection);
    const { sql, params } = table.selectAt(cut, where, {}, true);
    return (await this.pool.query<{ n: number }>(sql, params)).rows[0].n;
  }

  /** One page and the total, as every list answers them. */
  async page<Row extends object>(
    entity: new () => Row,
    cut: Cut,
    where: Filter<Row>,
    options: FindOptions<Row> & { limit: number; offset: number },
  ): Promise<{ items: Row[]; total: number }> {
    const [items, total] = await Promise.all([this.find(entity, cut, where, options), this.count(entity, cut, where)]);
    return { items, total };
  }
}
