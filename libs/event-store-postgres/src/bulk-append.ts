import { Pool, PoolClient, QueryResult } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { expectedVersionNumber } from './append';
import type { PendingAppend } from './group-commit';
import { STAGING_COPY, STAGING_TABLE, stagingRows } from './staging';

interface StagedRow {
  out_item: number;
  out_last_position: string;
  out_last_version: number;
}

/** Whether the group was written; if not, why, so the store can say why it fell back. */
export type BulkOutcome = { copied: true } | { copied: false; error: unknown; connectionDiscarded: boolean };

/**
 * The bulk path: COPY the group into the session's staging table, then one round trip locks the
 * head, versions, checks and chains the staged events, inserts them, moves the head and commits
 * (event_log_append_staged, migration 1764000030000). It is all or nothing for the group: when
 * anything is off (an item's version does not match, one of its event ids is already stored, a
 * row is refused), it rolls back and answers not copied, and the function path gives each item its
 * own answer. Same positions, versions and hashes as event_log_append() would give.
 */
export class BulkAppender {
  /** Settles once the last bulk group formed has asked for the append lock. */
  private lockTurns: Promise<void> = Promise.resolve();
  /** Connections whose session has its staging table. */
  private readonly staged = new WeakSet<PoolClient>();

  constructor(private readonly pool: Pool) {}

  async copyGroup(group: PendingAppend[]): Promise<BulkOutcome> {
    // The turn is taken before any await, so it follows the order the groups were formed in.
    const turn = this.takeLockTurn();
    let refused: unknown;
    const client = await this.pool.connect().catch((error: unknown) => void (refused = error));
    if (!client) {
      turn.done();
      return { copied: false, error: refused, connectionDiscarded: false };
    }
    let broken = false;
    const rows = stagingRows(group.map((g) => ({ streamId: g.streamId, expected: expectedVersionNumber(g.expected), events: g.events })));
    try {
      if (!this.staged.has(client)) {
        await client.query(STAGING_TABLE);
        this.staged.add(client);
      }
      await client.query('BEGIN');
      await copyRows(client, rows);
      // Groups ask for the lock in the order they were formed, whichever COPY ended first, so
      // appends keep the order they were made in. The lock is taken and released within this one
      // round trip.
      await turn.previous;
      const appending = client.query<StagedRow>('SELECT * FROM event_log_append_staged(); COMMIT');
      turn.done();
      // Two statements in one query: pg answers one result per statement.
      const [appended] = (await appending) as unknown as [QueryResult<StagedRow>];
      const last = new Map(appended.rows.map((r) => [r.out_item, r]));
      group.forEach((g, i) => {
        const { out_last_position, out_last_version } = last.get(i)!;
        const end = Number(out_last_position);
        g.resolve({
          streamId: g.streamId,
          positions: g.events.map((_, j) => end - g.events.length + 1 + j),
          streamVersion: out_last_version,
          alreadyRecorded: false,
        });
      });
      return { copied: true };
    } catch (error) {
      // A conflict, a stored event id, a row PostgreSQL refuses, a lost connection: nothing of
      // the group is committed (or, if a COMMIT's answer was lost, it is, and the function path's
      // idempotency answers with the stored positions). The staging table is checked again next
      // time, in case the session lost it (a pooler's DISCARD ALL).
      this.staged.delete(client);
      broken = !(await client.query('ROLLBACK').then(
        () => true,
        () => false,
      ));
      return { copied: false, error, connectionDiscarded: broken };
    } finally {
      turn.done();
      client.release(broken);
    }
  }

  /** A place in the queue for the lock: `previous` settles once the group before has asked for it. */
  private takeLockTurn(): { previous: Promise<void>; done: () => void } {
    const previous = this.lockTurns;
    let done!: () => void;
    this.lockTurns = new Promise<void>((resolve) => (done = resolve));
    return { previous, done };
  }
}

async function copyRows(client: PoolClient, data: Buffer): Promise<void> {
  const stream = client.query(copyFrom(STAGING_COPY));
  await new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
    stream.end(data);
  });
}

/**
 * Why a group fell back, as a log entry. A stale version (AE003) or a stored event id (23505: a
 * retry, usually) is the ordinary way the function path gets to answer each item; anything else (a
 * lost staging table behind a transaction pooler, a lost connection, a refused row) means the bulk
 * path is not doing its job and is worth a warning.
 */
export function fallbackEntry(group: PendingAppend[], events: number, outcome: Extract<BulkOutcome, { copied: false }>) {
  const code = (outcome.error as { code?: unknown } | undefined)?.code;
  const reason = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
  return {
    level: code === 'AE003' || code === '23505' ? ('info' as const) : ('warn' as const),
    message: 'bulk append fell back to the function path',
    fields: {
      appends: group.length,
      events,
      reason,
      ...(code !== undefined ? { code } : {}),
      ...(outcome.connectionDiscarded ? { connectionDiscarded: true } : {}),
    },
  };
}
