import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropAppendOnly, ensureRoles, makeAppendOnly } from '@ancrage/database';

/**
 * The Merkle tree over the log (libs/event-store/src/merkle.ts) and its signed heads, both
 * append-only like the log itself.
 *
 * - `audit_tree_node`: each perfect subtree's root once, level 0 being the leaves; a leaf also keeps
 *   the position of its event, so a rewrite is named by position even after rows were removed.
 * - `audit_tree_head`: every signed tree head, as signed (also written to the witness location).
 * - `audit_agency_index`: each agency's running digest (tree/agency-index.ts) as of each seal that
 *   changed it; a head signs the root over every agency's latest state.
 */
export class MerkleTree1764000070000 implements MigrationInterface {
  name = 'MerkleTree1764000070000';

  async up(q: QueryRunner): Promise<void> {
    await ensureRoles(q);
    await q.query(`
      CREATE TABLE audit_tree_node (
        level    smallint NOT NULL,
        index    bigint   NOT NULL,
        hash     bytea    NOT NULL,
        position bigint,
        PRIMARY KEY (level, index)
      )`);
    // An inclusion proof starts from the leaf of a position.
    await q.query(`CREATE UNIQUE INDEX audit_tree_leaf_position ON audit_tree_node (position) WHERE level = 0`);
    await q.query(`
      CREATE TABLE audit_tree_head (
        tree_size     bigint      PRIMARY KEY,
        root_hash     bytea       NOT NULL,
        last_position bigint      NOT NULL,
        signed_at     timestamptz NOT NULL,
        signed        json        NOT NULL
      )`);
    await q.query(`
      CREATE TABLE audit_agency_index (
        agency    text   COLLATE "C" NOT NULL,
        tree_size bigint NOT NULL,
        count     bigint NOT NULL,
        digest    bytea  NOT NULL,
        PRIMARY KEY (agency, tree_size)
      )`);
    await makeAppendOnly(q, 'audit_agency_index');
    await makeAppendOnly(q, 'audit_tree_node');
    await makeAppendOnly(q, 'audit_tree_head');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropAppendOnly(q, 'audit_agency_index');
    await q.query(`DROP TABLE audit_agency_index`);
    await dropAppendOnly(q, 'audit_tree_head');
    await dropAppendOnly(q, 'audit_tree_node');
    await q.query(`DROP TABLE audit_tree_head`);
    await q.query(`DROP TABLE audit_tree_node`);
  }
}
