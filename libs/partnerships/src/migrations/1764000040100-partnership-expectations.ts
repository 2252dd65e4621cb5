import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each partnership lists its expectations (partnerships v2 fills the column on rebuild). */
export class PartnershipExpectations1764000040100 implements MigrationInterface {
  name = 'PartnershipExpectations1764000040100';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE partnerships ADD COLUMN expectations jsonb NOT NULL DEFAULT '[]'`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE partnerships DROP COLUMN expectations`);
  }
}
