import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@ancrage/platform';

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** What the store holds under a document's name: its bytes, and whether they still hash to the name. */
export type StoredFile = { found: false } | { found: true; bytes: Buffer; intact: boolean };

/**
 * The documents' bytes, content-addressed in PostgreSQL beside the log (one backup holds both, and
 * the table is append-only). A file is stored before the event that names it is appended: an
 * append that then fails leaves a file nobody names, which a retry reuses, never an event without
 * its file.
 */
@Injectable()
export class DocumentFiles {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async put(bytes: Buffer): Promise<string> {
    const sha256 = sha256Of(bytes);
    await this.pool.query(`INSERT INTO document_files (sha256, bytes, size_bytes) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING`, [
      sha256,
      bytes,
      bytes.length,
    ]);
    return sha256;
  }

  async get(sha256: string): Promise<StoredFile> {
    const { rows } = await this.pool.query<{ bytes: Buffer }>(`SELECT bytes FROM document_files WHERE sha256 = $1`, [sha256]);
    if (rows.length === 0) return { found: false };
    return { found: true, bytes: rows[0].bytes, intact: sha256Of(rows[0].bytes) === sha256 };
  }
}
