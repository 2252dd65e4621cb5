import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { EventStore } from '@ancrage/event-store';
import { foldSlice, VersionSink } from './bitemporal/fold-versions';
import { RowVersions } from './bitemporal/row-versions';
import { VersionedTable } from './bitemporal/versioned-table';
import type { MemoryRows } from './memory-rows';
import type { Projection, TableSpec, Tables } from './projection';
import { RebuildProgress, rebuildProjection, shapeOf } from './rebuild';
import { AsOf, replayProjection } from './replay';
import { Leadership } from './leadership';
import { type ProjectionStatus, readStatus, waitForCheckpoints } from './projection-status';
import { SharedTail } from './shared-tail';

export type { AsOf } from './replay';
export type { RebuildProgress } from './rebuild';

export type { ProjectionStatus } from './projection-status';

export interface EngineOptions {
  batchSize?: number;
  /** How long a woken follower waits for more appends before folding (ms, default 5). */
  coalesceMs?: number;
  /** Row versions a rebuild keeps in memory before it drops the clean ones. */
  rebuildCacheRows?: number;
  /** Events a rebuild folds between two writes. */
  rebuildFlushEvents?: number;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

type AnyProjection = Projection;

/**
 * Feeds projections from the event log into bitemporal tables (see bitemporal/). Live: each
 * batch's row versions and the checkpoint move in one transaction that holds the checkpoint row,
 * so a crash replays the batch and nothing counts twice. Rebuild: folds into fresh tables and swaps
 * them in, so readers never see a half-built model. Replay: the same fold in memory, the reference
 * the tables are checked against.
 */
export class ProjectionEngine {
  private readonly projections = new Map<string, AnyProjection>();
  private readonly tables = new Map<string, Record<string, VersionedTable>>();
  /** Where each entity is stored: its table and the projection that folds it. */
  private readonly byEntity = new Map<unknown, { table: VersionedTable; projection: string }>();
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly leadership: Leadership;
  private readonly batchSize: number;
  private readonly tail: SharedTail;
  /** Each projection's checkpoint as this engine last read or wrote it: where its next peek starts. */
  private readonly checkpoints = new Map<string, number>();

  constructor(
    private readonly store: EventStore,
    private readonly pool: Pool,
    dataSource: DataSource,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- projections of every table shape, side by side
    projections: readonly Projection<any>[],
    private readonly options: EngineOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 2000;
    this.tail = new SharedTail(store, this.batchSize);
    this.leadership = new Leadership(pool);
    for (const p of projections) {
      if (this.projections.has(p.name)) throw new Error(`projection ${p.name} registered twice`);
      this.projections.set(p.name, p as AnyProjection);
      const tables = Object.fromEntries(
        Object.entries(p.tables).map(([t, spec]) => [t, new VersionedTable(dataSource, spec as TableSpec<object>)]),
      );
      this.tables.set(p.name, tables);
      for (const [t, spec] of Object.entries(p.tables)) this.byEntity.set(spec.entity, { table: tables[t], projection: p.name });
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

  /** The versioned table an entity is stored in, and the projection that folds it (for ReadModels). */
  storeOf(entity: unknown): { table: VersionedTable; projection: string } {
    const store = this.byEntity.get(entity);
    if (!store) throw new Error(`no projection stores ${(entity as { name?: string }).name ?? String(entity)}`);
    return store;
  }

  /**
   * Registers checkpoints, and builds every projection whose tables are missing or of another
   * shape before anything reads them (one process at a time: the others wait, then find them built).
   */
  async prepare(): Promise<void> {
    await this.registerCheckpoints();
    const client = await this.pool.connect();
    try {
      await client.query(`SELECT pg_advisory_lock(hashtext('ancrage-projection-shapes'))`);
      const { rows } = await client.query<{ name: string; shape: string | null }>(`SELECT name, shape FROM projection_checkpoints`);
      const stored = new Map(rows.map((r) => [r.name, r.shape]));
      for (const p of this.projections.values()) {
        if (stored.get(p.name) === shapeOf(this.tables.get(p.name)!)) continue;
        this.options.log?.('projection tables missing or of another shape; building them', { projection: p.name });
        await this.rebuild(p.name);
      }
    } finally {
      await client.query(`SELECT pg_advisory_unlock(hashtext('ancrage-projection-shapes'))`).catch(() => undefined);
      client.release();
    }
  }

  private async registerCheckpoints(): Promise<void> {
    for (const p of this.projections.values()) {
      await this.pool.query(`INSERT INTO projection_checkpoints (name, version) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
        p.name,
        p.version,
      ]);
    }
  }

  /** Follows the log for every projection this process is elected for. */
  async start(): Promise<void> {
    if (this.running) return;
    await this.prepare();
    this.running = true;
    await this.leadership.open();
    for (const p of this.projections.values()) this.loops.push(this.follow(p));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
    this.loops = [];
    await this.leadership.close();
  }

  private async follow(p: AnyProjection): Promise<void> {
    let leader = false;
    while (this.running) {
      try {
        if (!leader) {
          leader = await this.leadership.tryLead(p.name);
          if (!leader) {
            await sleep(2000);
            continue;
          }
          await this.rebuildIfVersionChanged(p);
        }
        const { caughtUp, checkpoint } = await this.runBatch(p);
        if (caughtUp) {
          await this.store.waitForAppend(checkpoint, 1000);
          // Appends that come together are folded together: one batch, not one per append.
          await sleep(this.options.coalesceMs ?? 5);
        }
      } catch (error) {
        this.options.log?.('projection batch failed; retrying', { projection: p.name, error: String(error) });
        await sleep(1000);
      }
    }
  }

  private async rebuildIfVersionChanged(p: AnyProjection): Promise<void> {
    const { rows } = await this.pool.query<{ version: number }>(`SELECT version FROM projection_checkpoints WHERE name = $1`, [p.name]);
    if (rows[0] && rows[0].version !== p.version) {
      this.options.log?.('projection version changed; rebuilding', { projection: p.name, from: rows[0].version, to: p.version });
      await this.rebuild(p.name);
    }
  }

  /**
   * Folds the next batch after the checkpoint into the tables. Public so tests and the CLI can
   * drive a projection step by step.
   */
  async runBatch(p: AnyProjection, limit = this.batchSize): Promise<{ processed: number; caughtUp: boolean; checkpoint: number }> {
    // Most wake-ups bring no event this projection folds: those only move the checkpoint, in one
    // statement, without a transaction, and only from where the peek began (a checkpoint moved
    // meanwhile, by a rebuild or another runner, is read again next time).
    const known = this.checkpoints.get(p.name) ?? (await this.readCheckpoint(p.name));
    const peek = await this.read(p, known, limit);
    if (peek.slice.events.length === 0) {
      if (peek.checkpoint > peek.from) {
        const moved = await this.pool.query(
          `UPDATE projection_checkpoints SET position = $3, updated_at = now() WHERE name = $1 AND position = $2`,
          [p.name, peek.from, peek.checkpoint],
        );
        if (moved.rowCount === 1) this.checkpoints.set(p.name, peek.checkpoint);
        else this.checkpoints.delete(p.name);
      }
      return { processed: 0, caughtUp: peek.slice.endOfLog, checkpoint: peek.checkpoint };
    }
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ position: string }>(`SELECT position FROM projection_checkpoints WHERE name = $1 FOR UPDATE`, [
        p.name,
      ]);
      const from = Number(rows[0].position);
      // Another runner may have folded these events meanwhile: then read again from where it stopped.
      const { slice, checkpoint } = from === peek.from ? peek : await this.read(p, from, limit);
      if (slice.events.length > 0) {
        const sink = new VersionSink(client, this.tables.get(p.name)!);
        const versions = new RowVersions(p);
        await foldSlice(client, sink, versions, slice.events);
        await sink.flush(versions);
      }
      await client.query(`UPDATE projection_checkpoints SET position = $2, updated_at = now() WHERE name = $1`, [p.name, checkpoint]);
      // Delivered at commit: readers holding answers derived from these tables know to drop them.
      if (slice.events.length > 0) await client.query(`SELECT pg_notify('projection_checkpoints', $1)`, [p.name]);
      await client.query('COMMIT');
      this.checkpoints.set(p.name, checkpoint);
      return { processed: slice.events.length, caughtUp: slice.endOfLog, checkpoint };
    } catch (error) {
      this.checkpoints.delete(p.name);
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async readCheckpoint(name: string): Promise<number> {
    const { rows } = await this.pool.query<{ position: string }>(`SELECT position FROM projection_checkpoints WHERE name = $1`, [name]);
    if (!rows[0]) throw new Error(`projection ${name} has no checkpoint: call prepare() first`);
    return Number(rows[0].position);
  }

  private async read(p: AnyProjection, from: number, limit: number) {
    const slice =
      limit === this.batchSize
        ? await this.tail.read(from, p.eventTypes)
        : await this.store.readAll({ after: from, limit, types: p.eventTypes });
    return { from, slice, checkpoint: Math.max(from, slice.scannedTo) };
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

  /** Rebuilds from position 0 into fresh tables and swaps them in (see rebuild.ts). */
  async rebuild(name: string, onProgress?: (p: RebuildProgress) => void): Promise<{ events: number; position: number }> {
    const p = this.get(name);
    await this.registerCheckpoints();
    this.checkpoints.delete(name);
    try {
      return await rebuildProjection(this.store, this.pool, p, this.tables.get(p.name)!, {
        cacheRows: this.options.rebuildCacheRows ?? 400_000,
        flushEvents: this.options.rebuildFlushEvents ?? 20_000,
        onProgress,
      });
    } finally {
      // The swap set the checkpoint: the next peek reads it.
      this.checkpoints.delete(name);
    }
  }

  /** The projection's rows as a full replay of the log gives them (the reference; see replay.ts). */
  replay<T extends Tables>(
    name: string,
    asOf: AsOf = {},
    onProgress?: (scannedTo: number, headPosition: number) => void,
  ): Promise<MemoryRows<T>> {
    return replayProjection(this.store, this.get(name) as unknown as Projection<T>, asOf, onProgress);
  }

  /** Each projection's checkpoint, lag and state, as the database knows them (projection-status.ts). */
  status(): Promise<ProjectionStatus[]> {
    return readStatus(this.pool, this.store, this.projections.values());
  }

  /** Waits (bounded) until the named projections have folded everything up to `position`. */
  waitFor(position: number, names: readonly string[] = this.names(), timeoutMs = 5000): Promise<boolean> {
    return waitForCheckpoints(this.pool, position, names, timeoutMs);
  }
}

export class UnknownProjectionError extends Error {
  override readonly name = 'UnknownProjectionError';
  constructor(readonly projection: string) {
    super(`no projection named ${projection}`);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
