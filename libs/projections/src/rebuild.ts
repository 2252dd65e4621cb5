import type { Pool, PoolClient } from 'pg';
import type { EventStore, ReadAllSlice } from '@ancrage/event-store';
import { foldSlice, VersionSink } from './bitemporal/fold-versions';
import { RowVersions } from './bitemporal/row-versions';
import { quote, VersionedTable } from './bitemporal/versioned-table';
import type { Projection, Tables } from './projection';

export interface RebuildProgress {
  position: number;
  headPosition: number;
  events: number;
}

export interface RebuildOptions {
  /** Row versions a rebuild keeps in memory before it drops the clean ones. */
  cacheRows: number;
  /** Events a rebuild folds between two writes. */
  flushEvents: number;
  onProgress?: (p: RebuildProgress) => void;
}

/** A projection's stored shape: the shapes of its tables (see VersionedTable.shape). */
export const shapeOf = (tables: Record<string, VersionedTable>) =>
  Object.entries(tables)
    .map(([name, t]) => `${name}:${t.shape()}`)
    .join(',');

/**
 * Folds the whole log into fresh tables, then swaps them in under the checkpoint row lock (after
 * folding whatever arrived meanwhile), so readers only ever see a complete model. The old tables
 * may be of another shape, or missing (a projection's first build).
 */
export async function rebuildProjection<T extends Tables>(
  store: EventStore,
  pool: Pool,
  projection: Projection<T>,
  live: Record<string, VersionedTable>,
  options: RebuildOptions,
): Promise<{ events: number; position: number }> {
  const fresh: Record<string, VersionedTable> = {};
  // A new name each time: index names carry the table's name and must not clash.
  const suffix = `__r${Date.now().toString(36)}`;
  const client = await pool.connect();
  const writer = await pool.connect();
  let events = 0;
  try {
    for (const [table, sql] of Object.entries(live)) {
      await dropLeftovers(client, sql.tableName);
      fresh[table] = sql.renamed(`${sql.tableName}${suffix}`);
      for (const statement of fresh[table].createStatements({ bulk: true })) await client.query(statement);
    }
    await client.query(`UPDATE projection_checkpoints SET status = 'rebuilding', rebuild_position = 0 WHERE name = $1`, [projection.name]);

    const versions = new RowVersions(projection, { ownsStorage: true });
    const sink = new VersionSink<T>(client, fresh, { bulk: true, background: writer });
    let position = 0;
    let sinceFlush = 0;
    let head = await store.headPosition();
    // Fixed windows of positions can be read independently, so several are in flight while one
    // is folded: the rebuild overlaps PostgreSQL's work (on the other core) with the fold.
    const window = 5000;
    const read = (after: number) =>
      store.readAll({ after, upTo: Math.min(after + window, head), limit: window + 1, types: projection.eventTypes });
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
      await foldSlice(client, sink, versions, slice.events);
      events += slice.events.length;
      sinceFlush += slice.events.length;
      position = Math.max(position, slice.scannedTo);
      const done = inFlight.length === 0;
      if (sinceFlush >= options.flushEvents || done) {
        await sink.flush(versions);
        sinceFlush = 0;
        // Keep what facts in order need (the last versions of each key); forget keys only when
        // even that outgrows the cache.
        versions.trimClean();
        if (versions.size() > options.cacheRows) versions.evictClean();
        await client.query(`UPDATE projection_checkpoints SET rebuild_position = $2 WHERE name = $1`, [projection.name, position]);
        options.onProgress?.({ position, headPosition: head, events });
      }
      if (done) break;
    }
    await sink.settle();
    for (const table of Object.values(fresh)) for (const statement of table.finishBulkStatements()) await client.query(statement);

    // Swap: hold the checkpoint row so no live batch runs, fold the tail (as live batches do), rename.
    await client.query('BEGIN');
    await client.query(`SELECT 1 FROM projection_checkpoints WHERE name = $1 FOR UPDATE`, [projection.name]);
    const tail = new VersionSink<T>(client, fresh);
    for (;;) {
      const slice = await store.readAll({ after: position, limit: 5000, types: projection.eventTypes });
      await foldSlice(client, tail, versions, slice.events);
      events += slice.events.length;
      position = Math.max(position, slice.scannedTo);
      if (slice.endOfLog) break;
    }
    head = position;
    await tail.flush(versions);
    for (const [table, sql] of Object.entries(live)) await swapIn(client, fresh[table], sql);
    await client.query(
      `UPDATE projection_checkpoints SET position = $2, version = $3, shape = $4, status = 'live', rebuild_position = NULL, updated_at = now() WHERE name = $1`,
      [projection.name, position, projection.version, shapeOf(live)],
    );
    await client.query(`SELECT pg_notify('projection_checkpoints', $1)`, [projection.name]);
    await client.query('COMMIT');
    options.onProgress?.({ position, headPosition: head, events });
    return { events, position };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    await client
      .query(`UPDATE projection_checkpoints SET status = 'live', rebuild_position = NULL WHERE name = $1`, [projection.name])
      .catch(() => undefined);
    throw error;
  } finally {
    client.release();
    writer.release();
  }
}

/** Replaces the live table (if any) by the fresh one, and gives the fresh one's indexes the live names. */
async function swapIn(client: PoolClient, fresh: VersionedTable, live: VersionedTable): Promise<void> {
  const { rows } = await client.query<{ present: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS present`, [quote(live.tableName)]);
  if (rows[0].present) {
    await client.query(`ALTER TABLE ${quote(live.tableName)} RENAME TO ${quote(`${live.tableName}__old`)}`);
    await client.query(`DROP TABLE ${quote(`${live.tableName}__old`)}`);
  }
  await client.query(`ALTER TABLE ${quote(fresh.tableName)} RENAME TO ${quote(live.tableName)}`);
  for (const [from, to] of fresh.indexNames().map((name, i) => [name, live.indexNames()[i]])) {
    await client.query(`ALTER INDEX ${quote(from)} RENAME TO ${quote(to)}`);
  }
}

/** Tables a crashed rebuild left behind. */
async function dropLeftovers(client: PoolClient, tableName: string): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE $1`,
    [`${tableName.replace(/_/g, '\\_')}\\_\\_r%`],
  );
  for (const { name } of rows) await client.query(`DROP TABLE ${quote(name)}`);
}
