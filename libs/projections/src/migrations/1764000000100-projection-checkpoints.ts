import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where each projection stands: its checkpoint moves in the same transaction as its rows. */
export class ProjectionCheckpoints1764000000100 implements MigrationInterface {
  name = 'ProjectionCheckpoints1764000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE projection_checkpoints (
        name             text        PRIMARY KEY,
        position         bigint      NOT NULL DEFAULT 0,
        version          integer     NOT NULL,
        status           text        NOT NULL DEFAULT 'live',
        rebuild_position bigint,
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE projection_checkpoints`);
  }
}
