import type { Pool } from 'pg';
import { DocumentFiles, sha256Of, storedFile, type StoredFile } from './document-files';

/** The bytes in the `document_files` table, append-only like the log: one backup holds both. */
export class PostgresDocumentFiles extends DocumentFiles {
  constructor(private readonly pool: Pool) {
    super();
  }

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
    return storedFile(sha256, rows[0]?.bytes ?? null);
  }
}
