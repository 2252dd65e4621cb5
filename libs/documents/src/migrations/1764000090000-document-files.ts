import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropAppendOnly, ensureRoles, makeAppendOnly } from '@ancrage/database';

/**
 * The bytes of the documents attached to agreements, named by their SHA-256 (the id the events
 * carry). Like the log, the table is append-only: the application may store a file and read it,
 * never change or remove one; the download still checks the bytes against their name.
 */
export class DocumentFiles1764000090000 implements MigrationInterface {
  name = 'DocumentFiles1764000090000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE document_files (
      sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'), bytes bytea NOT NULL, size_bytes integer NOT NULL,
      stored_at timestamptz NOT NULL DEFAULT now())`);
    await ensureRoles(q);
    await makeAppendOnly(q, 'document_files');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropAppendOnly(q, 'document_files');
    await q.query(`DROP TABLE document_files`);
  }
}
