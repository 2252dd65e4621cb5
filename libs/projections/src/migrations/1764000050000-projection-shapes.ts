import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each projection records the shape of the tables it folds into (columns, keys, indexes and the
 * row-version layout): the engine rebuilds a projection whose stored shape differs before serving
 * it. Projections built before row versions have no shape, so they are rebuilt once.
 */
export class ProjectionShapes1764000050000 implements MigrationInterface {
  name = 'ProjectionShapes1764000050000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE projection_checkpoints ADD COLUMN shape text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE projection_checkpoints DROP COLUMN shape`);
  }
}
