import type { Pool } from 'pg';
import type { EventStore } from '@ancrage/event-store';
import { LEADER_LOCK } from './leadership';
import type { Projection } from './projection';

export interface ProjectionStatus {
  name: string;
  version: number;
  storedVersion: number | null;
  checkpoint: number;
  headPosition: number;
  lag: number;
  /** `live` while some process (this one or another) holds the projection's election lock. */
  state: 'live' | 'rebuilding' | 'stopped' | 'behind';
  rebuildPosition: number | null;
}

/**
 * Each projection's checkpoint, lag and state, as the database knows them, so every process (a
 * CLI command beside the server included) reports the same thing.
 */
export async function readStatus(
  pool: Pool,
  store: EventStore,
  projections: Iterable<Pick<Projection, 'name' | 'version'>>,
): Promise<ProjectionStatus[]> {
  const head = await store.headPosition();
  const { rows } = await pool.query<{
    name: string;
    position: string;
    version: number;
    status: string;
    rebuild_position: string | null;
    followed: boolean;
  }>(
    `SELECT c.name, c.position, c.version, c.status, c.rebuild_position,
            EXISTS (SELECT 1 FROM pg_locks l
                     WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
                       AND l.classid = ${LEADER_LOCK.namespace}::oid AND l.objid = ${LEADER_LOCK.key('c.name')}::oid) AS followed
       FROM projection_checkpoints c`,
  );
  const byName = new Map(rows.map((r) => [r.name, r]));
  return [...projections].map((p) => {
    const row = byName.get(p.name);
    const checkpoint = Number(row?.position ?? 0);
    const lag = Math.max(0, head - checkpoint);
    const state = row?.status === 'rebuilding' ? 'rebuilding' : row?.followed ? 'live' : lag > 0 ? 'behind' : 'stopped';
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
export async function waitForCheckpoints(pool: Pool, position: number, names: readonly string[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ lowest: string | null }>(
      `SELECT min(position) AS lowest FROM projection_checkpoints WHERE name = ANY($1::text[])`,
      [names],
    );
    if (Number(rows[0].lowest ?? 0) >= position) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}
