import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccessUsers1764000001000 implements MigrationInterface {
  name = 'AccessUsers1764000001000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE access_users (
      "userId" text PRIMARY KEY, "displayName" text NOT NULL, email text, disabled boolean NOT NULL,
      grants jsonb NOT NULL, tokens jsonb NOT NULL, "registeredAt" text NOT NULL, "updatedAt" text NOT NULL)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE access_users`);
  }
}
