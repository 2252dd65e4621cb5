import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { EventStore, ReadAllSlice, RecordedEvent } from '../../event-store/src';
import { MemoryRows } from './memory-rows';
import type { Projection, Tables } from './projection';
import { SqlTable } from './sql-table';

export interface ProjectionStatus {
  name: string;
  version: number;
  storedVersion: number | null;
  checkpoint: number;
  headPosition: number;
  lag: number;
  state: 'live' | 'rebuilding' | 'stopped' | 'behind';
  rebuildPosition: number | null;
}

export interface AsOf {
  /** Only events at or below this global position. */
  position?: number;
  /** Only events that happened at or before this instant (the world's clock). */
  occurredAt?: string;
  /** Only events recorded at or before this instant (what was known then). */
  recordedAt?: string;
  /** Only this agency's events (for agency-scoped projections). */
  agency?: string;
}

export interface RebuildProgress {
  position: number;
  headPosition: number;
  events: number;
}

export interface EngineOptions {
  batchSize?: number;
  /** Rows a rebuild keeps in memory before it drops the clean ones. */
  rebuildCacheRows?: number;
  /** Events a rebuild folds between two writes. */
  rebuildFlushEvents?: number;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

type AnyProjection = Projection<Tables>;

/**
 * Feeds projections from the event log. Live: each batch's rows and the checkpoint move in one
 * transaction that holds the checkpoint row, so a crash replays the batch and nothing counts twice.
 * Rebuild: folds into fresh tables and swaps them in, so readers never see a half-built model.
 * Replay: the same fold in memory over a slice of history, for "as of" questions.
 */
export class ProjectionEngine {
  private readonly projections = new Map<string, AnyProjection>();
  private readonly tables = new Map<string, Record<string, SqlTable>>();
  private running = false;
  private loops: Promise<void>[] = [];
  private leaderClient?: PoolClient;
  private electing: Promise<unknown> = Promise.resolve();
  private readonly batchSize: number;

  constructor(
    private readonly store: EventStore,
    private readonly pool: Pool,
    private readonly dataSource: DataSource,
    projections: readonly Projection<any>[],
    private readonly options: EngineOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 2000;
    for (const p of projections) {
      if (this.projections.has(p.name)) throw new Error(`projection ${p.name} registered twice`);
      this.projections.set(p.name, p);
    }
  }

  names(): string[] {
    return [...this.projections.keys()];
  }

  get(name: string): AnyProjection {
    const p = this.projections.get(name);
    if (!p) throw new UnknownProjectionError(name);
    return p;
  }

  /** Registers checkpoints; rebuilds any projection whose fold version changed. */
  async prepare(): Promise<void> {
    for (const p of this.projections.values()) {
      await this.pool.query(
        `INSERT INTO projection_checkpoints (name, version) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
        [p.name, p.version],
      );
    }
  }

  /** Follows the log for every projection this process is elected for. */
  async start(): Promise<void> {
    if (this.running) return;
    await this.prepare();
    this.running = true;
    this.leaderClient = await this.pool.connect();
    for (const p of this.projections.values()) this.loops.push(this.follow(p));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
    this.loops = [];
    if (this.leaderClient) {
      await this.leaderClient.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
      this.leaderClient.release();
      this.leaderClient = undefined;
    }
  }

  private async follow(p: AnyProjection): Promise<void> {
    let leader = false;
    while (this.running) {
      try {
        if (!leader) {
          leader = await this.elect(p);
          if (!leader) {
            await sleep(2000);
            continue;
          }
          await this.rebuildIfVersionChanged(p);
        }
        const { caughtUp, checkpoint } = await this.runBatch(p);
        if (caughtUp) await this.store.waitForAppend(checkpoint, 1000);
      } catch (error) {
        this.options.log?.('projection batch failed; retrying', { projection: p.name, error: String(error) });
        await sleep(1000);
      }
    }
  }

  /** One projector per projection across processes: a session advisory lock elects it. */
  private async elect(p: AnyProjection): Promise<boolean> {
    // One connection holds every lock of this engine; its queries must not overlap.
    const attempt = this.electing.then(() =>
      this.leaderClient!.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(hashtext('ancrage-projection'), hashtext($1)) AS ok`, [p.name]),
    );
    this.electing = attempt.catch(() => undefined);
    return (await attempt).rows[0].ok;
  }

  private async rebuildIfVersionChanged(p: AnyProjection): Promise<void> {
    const { rows } = await this.pool.query<{ version: number }>(`SELECT version FROM projection_checkpoints WHERE name = $1`, [p.name]);
    if (rows[0] && rows[0].version !== p.version) {
      this.options.log?.('projection version changed; rebuilding', { projection: p.name, from: rows[0].version, to: p.version });
      await this.rebuild(p.name);
    }
  }

  /**
   * Folds the next batch after the checkpoint into the live tables. Public so tests and the CLI
   * can drive a projection step by step.
   */
  async runBatch(p: AnyProjection, limit = this.batchSize): Promise<{ processed: number; caughtUp: boolean; checkpoint: number }> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ position: number }>(
        `SELECT position FROM projection_checkpoints WHERE name = $1 FOR UPDATE`,
        [p.name],
      );
      if (!rows[0]) throw new Error(`projection ${p.name} has no checkpoint: call prepare() first`);
      const from = Number(rows[0].position);
      const slice = await this.store.readAll({ after: from, limit, types: p.eventTypes });
      const memory = new MemoryRows(p);
      await this.loadTouched(client, p, this.liveTables(p), memory, slice.events);
      for (const event of slice.events) p.apply(event, memory);
      await this.write(client, p, this.liveTables(p), memory);
      const checkpoint = Math.max(from, slice.scannedTo);
      await client.query(`UPDATE projection_checkpoints SET position = $2, updated_at = now() WHERE name = $1`, [p.name, checkpoint]);
      // Delivered at commit: readers holding answers derived from these tables know to drop them.
      await client.query(`SELECT pg_notify('projection_checkpoints', $1)`, [p.name]);
      await client.query('COMMIT');
      return { processed: slice.events.length, caughtUp: slice.endOfLog, checkpoint };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Runs batches until the projection reaches the head of the log. */
  async catchUp(name: string): Promise<number> {
    const p = this.get(name);
    await this.prepare();
    let processed = 0;
    for (;;) {
      const r = await this.runBatch(p);
      processed += r.processed;
      if (r.caughtUp) return processed;
    }
  }

  /**
   * Rebuilds from position 0 into fresh tables, then swaps them in under the checkpoint row lock
   * (after folding whatever arrived meanwhile), so readers only ever see a complete model.
   */
  async rebuild(name: string, onProgress?: (p: RebuildProgress) => void): Promise<{ events: number; position: number }> {
    const p = this.get(name);
    await this.prepare();
    const live = this.liveTables(p);
    const fresh: Record<string, SqlTable> = {};
    // A new name each time: the indexes LIKE copies are named after the table and must not clash.
    const suffix = `__r${Date.now().toString(36)}`;
    const client = await this.pool.connect();
    let events = 0;
    try {
      for (const [table, sql] of Object.entries(live)) {
        await this.dropLeftovers(client, sql.tableName);
        fresh[table] = sql.renamed(`${sql.tableName}${suffix}`);
        await client.query(`CREATE TABLE "${fresh[table].tableName}" (LIKE "${sql.tableName}" INCLUDING ALL)`);
      }
      await client.query(`UPDATE projection_checkpoints SET status = 'rebuilding', rebuild_position = 0 WHERE name = $1`, [p.name]);

      const memory = new MemoryRows(p);
      const flushEvery = this.options.rebuildFlushEvents ?? 20_000;
      const cacheRows = this.options.rebuildCacheRows ?? 200_000;
      let position = 0;
      let sinceFlush = 0;
      let head = await this.store.headPosition();
      // Fixed windows of positions can be read independently, so several are in flight while one
      // is folded: the rebuild overlaps PostgreSQL's work (on the other core) with the fold.
      const window = 5000;
      const read = (after: number) => this.store.readAll({ after, upTo: Math.min(after + window, head), limit: window + 1, types: p.eventTypes });
      const inFlight: Promise<ReadAllSlice>[] = [];
      let nextAfter = 0;
      const refill = () => {
        while (inFlight.length < 3 && nextAfter < head) {
          inFlight.push(read(nextAfter));
          nextAfter = Math.min(nextAfter + window, head);
        }
      };
      refill();
      if (inFlight.length === 0) inFlight.push(read(0));
      for (;;) {
        const slice = await inFlight.shift()!;
        refill();
        await this.loadTouched(client, p, fresh, memory, slice.events);
        for (const event of slice.events) p.apply(event, memory);
        events += slice.events.length;
        sinceFlush += slice.events.length;
        position = Math.max(position, slice.scannedTo);
        const done = inFlight.length === 0;
        if (sinceFlush >= flushEvery || done) {
          await this.write(client, p, fresh, memory);
          sinceFlush = 0;
          if (memory.size() > cacheRows) memory.evictClean();
          await client.query(`UPDATE projection_checkpoints SET rebuild_position = $2 WHERE name = $1`, [p.name, position]);
          onProgress?.({ position, headPosition: head, events });
        }
        if (done) break;
      }

      // Swap: hold the checkpoint row so no live batch runs, fold the tail, rename.
      await client.query('BEGIN');
      await client.query(`SELECT 1 FROM projection_checkpoints WHERE name = $1 FOR UPDATE`, [p.name]);
      for (;;) {
        const slice = await this.store.readAll({ after: position, limit: 5000, types: p.eventTypes });
        await this.loadTouched(client, p, fresh, memory, slice.events);
        for (const event of slice.events) p.apply(event, memory);
        events += slice.events.length;
        position = Math.max(position, slice.scannedTo);
        if (slice.endOfLog) break;
      }
      head = position;
      await this.write(client, p, fresh, memory);
      for (const [table, sql] of Object.entries(live)) {
        const old = `${sql.tableName}__old`;
        await client.query(`ALTER TABLE "${sql.tableName}" RENAME TO "${old}"`);
        await client.query(`ALTER TABLE "${fresh[table].tableName}" RENAME TO "${sql.tableName}"`);
        await client.query(`DROP TABLE "${old}"`);
      }
      await client.query(
        `UPDATE projection_checkpoints SET position = $2, version = $3, status = 'live', rebuild_position = NULL, updated_at = now() WHERE name = $1`,
        [p.name, position, p.version],
      );
      await client.query(`SELECT pg_notify('projection_checkpoints', $1)`, [p.name]);
      await client.query('COMMIT');
      onProgress?.({ position, headPosition: head, events });
      return { events, position };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.query(`UPDATE projection_checkpoints SET status = 'live', rebuild_position = NULL WHERE name = $1`, [p.name]).catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * The projection's rows as they stood at a point of history, folded in memory from the events
   * the slice selects. Live tables are not read or written.
   */
  async replay<T extends Tables>(name: string, asOf: AsOf = {}, onProgress?: (scannedTo: number, headPosition: number) => void): Promise<MemoryRows<T>> {
    const p = this.get(name) as unknown as Projection<T>;
    const memory = new MemoryRows(p);
    const agency = p.agencyScoped === false ? undefined : asOf.agency;
    const filter = { types: p.eventTypes, agency, upTo: asOf.position, occurredUpTo: asOf.occurredAt, recordedUpTo: asOf.recordedAt };
    let after = 0;
    for (;;) {
      const slice = await this.store.readAll({ ...filter, after, limit: 10_000 });
      for (const event of slice.events) p.apply(event, memory);
      after = slice.scannedTo;
      onProgress?.(after, asOf.position ?? (slice.endOfLog ? after : Math.max(after, await this.store.headPosition())));
      if (slice.endOfLog || (asOf.position !== undefined && after >= asOf.position)) break;
    }
    return memory;
  }

  async status(): Promise<ProjectionStatus[]> {
    const head = await this.store.headPosition();
    const { rows } = await this.pool.query<{ name: string; position: number; version: number; status: string; rebuild_position: number | null }>(
      `SELECT name, position, version, status, rebuild_position FROM projection_checkpoints`,
    );
    const byName = new Map(rows.map((r) => [r.name, r]));
    return [...this.projections.values()].map((p) => {
      const row = byName.get(p.name);
      const checkpoint = Number(row?.position ?? 0);
      const lag = Math.max(0, head - checkpoint);
      const state = row?.status === 'rebuilding' ? 'rebuilding' : !this.running ? (lag > 0 ? 'behind' : 'stopped') : 'live';
      return {
        name: p.name,
        version: p.version,
        storedVersion: row ? row.version : null,
        checkpoint,
        headPosition: head,
        lag,
        state,
        rebuildPosition: row?.rebuild_position == null ? null : Number(row.rebuild_position),
      };
    });
  }

  /**
   * Waits (bounded) until the named projections have folded everything up to `position`, for a
   * query that must see the caller's own write. Returns false on timeout.
   */
  async waitFor(position: number, names: readonly string[] = this.names(), timeoutMs = 5000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await this.pool.query<{ lowest: number | null }>(
        `SELECT min(position) AS lowest FROM projection_checkpoints WHERE name = ANY($1::text[])`,
        [names],
      );
      if (Number(rows[0].lowest ?? 0) >= position) return true;
      if (Date.now() >= deadline) return false;
      await sleep(15);
    }
  }

  /** Tables a crashed rebuild left behind. */
  private async dropLeftovers(client: PoolClient, tableName: string): Promise<void> {
    const { rows } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE $1`,
      [`${tableName.replace(/_/g, '\\_')}\\_\\_r%`],
    );
    for (const { name } of rows) await client.query(`DROP TABLE "${name}"`);
  }

  private liveTables(p: AnyProjection): Record<string, SqlTable> {
    let tables = this.tables.get(p.name);
    if (!tables) {
      tables = Object.fromEntries(Object.entries(p.tables).map(([t, spec]) => [t, new SqlTable(this.dataSource, spec)]));
      this.tables.set(p.name, tables);
    }
    return tables;
  }

  private async loadTouched(
    client: PoolClient,
    p: AnyProjection,
    tables: Record<string, SqlTable>,
    memory: MemoryRows<Tables>,
    events: RecordedEvent[],
  ): Promise<void> {
    const wanted = new Map<string, Map<string, Record<string, unknown>>>();
    for (const event of events) {
      for (const touch of p.touches(event)) {
        const k = memory.keyOf(touch.table, touch.key);
        if (memory.has(touch.table, k)) continue;
        if (!wanted.has(touch.table)) wanted.set(touch.table, new Map());
        wanted.get(touch.table)!.set(k, touch.key);
      }
    }
    for (const [table, keys] of wanted) {
      const rows = await tables[table].selectByKeys(client, [...keys.values()]);
      for (const row of rows) memory.load(table, row);
    }
  }

  private async write(client: PoolClient, p: AnyProjection, tables: Record<string, SqlTable>, memory: MemoryRows<Tables>): Promise<void> {
    for (const change of memory.takeChanges()) {
      const keyColumns = p.tables[change.table].key;
      const deletes = change.deletes.map((k) => Object.fromEntries((JSON.parse(k) as unknown[]).map((v, i) => [keyColumns[i], v])));
      await tables[change.table].deleteByKeys(client, deletes);
      for (let i = 0; i < change.upserts.length; i += 5000) {
        await tables[change.table].upsert(client, change.upserts.slice(i, i + 5000));
      }
    }
  }
}

export class UnknownProjectionError extends Error {
  override readonly name = 'UnknownProjectionError';
  constructor(readonly projection: string) {
    super(`no projection named ${projection}`);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
