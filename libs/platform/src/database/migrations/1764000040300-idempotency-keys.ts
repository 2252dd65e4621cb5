import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each Idempotency-Key with the request it was first sent with and the answer it got. */
export class IdempotencyKeys1764000040300 implements MigrationInterface {
  name = 'IdempotencyKeys1764000040300';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE idempotency_keys (
      key text PRIMARY KEY, actor text NOT NULL, route text NOT NULL, digest text NOT NULL,
      status integer NOT NULL, answer jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
  }
}
