import type { Pool, PoolClient } from 'pg';
import { inclusionPath, withNodes } from '@ancrage/event-store';
import type { AgencyState } from './agency-index';
import type { SignedTreeHead } from './tree-head';

type Queryable = Pick<Pool | PoolClient, 'query'>;

export interface TreeNode {
  level: number;
  index: number;
  hash: Buffer;
  /** For a leaf, the position of its event. */
  position?: number;
}

/** The stored Merkle tree and its signed heads (migration 1764000070000), read and appended. */
export class TreeStore {
  constructor(private readonly pool: Pool) {}

  /** How many leaves the tree holds, and the position of the last one's event (0 when empty). */
  async size(q: Queryable = this.pool): Promise<{ size: number; lastPosition: number }> {
    const { rows } = await q.query<{ index: string; position: string }>(
      `SELECT index, position FROM audit_tree_node WHERE level = 0 ORDER BY index DESC LIMIT 1`,
    );
    return rows.length ? { size: Number(rows[0].index) + 1, lastPosition: Number(rows[0].position) } : { size: 0, lastPosition: 0 };
  }

  /** The nodes asked for, keyed `level:index`; absent ones are left out. */
  async nodes(wanted: readonly [number, number][], q: Queryable = this.pool): Promise<Map<string, Buffer>> {
    if (wanted.length === 0) return new Map();
    const { rows } = await q.query<{ level: number; index: string; hash: Buffer }>(
      `SELECT n.level, n.index, n.hash FROM audit_tree_node n
         JOIN unnest($1::smallint[], $2::bigint[]) w(level, index) ON n.level = w.level AND n.index = w.index`,
      [wanted.map(([l]) => l), wanted.map(([, i]) => i)],
    );
    return new Map(rows.map((r) => [`${r.level}:${r.index}`, r.hash]));
  }

  /** The position of each leaf asked for. */
  async leafPosition(index: number): Promise<number | null> {
    const { rows } = await this.pool.query<{ position: string }>(`SELECT position FROM audit_tree_node WHERE level = 0 AND index = $1`, [
      index,
    ]);
    return rows.length ? Number(rows[0].position) : null;
  }

  /** The inclusion proof of the event at a position in the tree of `treeSize` leaves (null if the tree does not hold it). */
  async inclusion(position: number, treeSize: number): Promise<{ leafIndex: number; leafHash: string; auditPath: string[] } | null> {
    const { rows } = await this.pool.query<{ index: string; hash: Buffer }>(
      `SELECT index, hash FROM audit_tree_node WHERE level = 0 AND position = $1`,
      [position],
    );
    const leafIndex = rows.length ? Number(rows[0].index) : -1;
    if (leafIndex < 0 || leafIndex >= treeSize) return null;
    const path = await withNodes(
      (node) => inclusionPath(leafIndex, treeSize, node),
      (w) => this.nodes(w),
    );
    return { leafIndex, leafHash: rows[0].hash.toString('hex'), auditPath: path.map((b) => b.toString('hex')) };
  }

  /** The hashes travel as one bytea, cut in SQL: an array of byteas is sent as text, each hash in hex twice over. */
  async insert(nodes: readonly TreeNode[], q: Queryable): Promise<void> {
    if (nodes.length === 0) return;
    await q.query(
      `INSERT INTO audit_tree_node (level, index, hash, position)
         SELECT u.level, u.index, substring($3::bytea FROM ((u.k - 1) * 32 + 1)::integer FOR 32), u.position
           FROM unnest($1::smallint[], $2::bigint[], $4::bigint[]) WITH ORDINALITY u(level, index, position, k)`,
      [nodes.map((n) => n.level), nodes.map((n) => n.index), Buffer.concat(nodes.map((n) => n.hash)), nodes.map((n) => n.position ?? null)],
    );
  }

  /** Each agency's latest index state at a tree size (all agencies, or those named). */
  async agencyStates(atSize: number, agencies?: readonly string[], q: Queryable = this.pool): Promise<AgencyState[]> {
    const { rows } = await q.query<{ agency: string; count: string; digest: Buffer }>(
      `SELECT DISTINCT ON (agency) agency, count, digest FROM audit_agency_index
        WHERE tree_size <= $1 AND ($2::text[] IS NULL OR agency = ANY($2))
        ORDER BY agency, tree_size DESC`,
      [atSize, agencies ?? null],
    );
    return rows.map((r) => ({ agency: r.agency, count: Number(r.count), digest: r.digest.toString('hex') }));
  }

  async addAgencyStates(states: readonly AgencyState[], treeSize: number, q: Queryable): Promise<void> {
    if (states.length === 0) return;
    await q.query(
      `INSERT INTO audit_agency_index (agency, tree_size, count, digest)
         SELECT a, $1, c, decode(d, 'hex') FROM unnest($2::text[], $3::bigint[], $4::text[]) x(a, c, d)`,
      [treeSize, states.map((s) => s.agency), states.map((s) => s.count), states.map((s) => s.digest)],
    );
  }

  async addHead(head: SignedTreeHead, q: Queryable): Promise<void> {
    await q.query(
      `INSERT INTO audit_tree_head (tree_size, root_hash, last_position, signed_at, signed) VALUES ($1, decode($2, 'hex'), $3, $4, $5)
       ON CONFLICT (tree_size) DO NOTHING`,
      [head.treeSize, head.rootHash, head.lastPosition, head.signedAt, JSON.stringify(head)],
    );
  }

  async latestHead(): Promise<SignedTreeHead | null> {
    const { rows } = await this.pool.query<{ signed: SignedTreeHead }>(
      `SELECT signed FROM audit_tree_head ORDER BY tree_size DESC LIMIT 1`,
    );
    return rows[0]?.signed ?? null;
  }

  /** The stored heads, newest first. */
  async heads(limit: number, beforeSize = Number.MAX_SAFE_INTEGER): Promise<SignedTreeHead[]> {
    const { rows } = await this.pool.query<{ signed: SignedTreeHead }>(
      `SELECT signed FROM audit_tree_head WHERE tree_size < $1 ORDER BY tree_size DESC LIMIT $2`,
      [beforeSize, limit],
    );
    return rows.map((r) => r.signed);
  }
}
