import { createHash } from 'node:crypto';

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** What the store holds under a document's name: its bytes, and whether they still hash to the name. */
export type StoredFile = { found: false } | { found: true; bytes: Buffer; intact: boolean };

/**
 * Where the documents' bytes are kept, content-addressed: PostgreSQL beside the log by default, or a
 * folder (ANCRAGE_DOCUMENTS_DIR). A file is stored before the event that names it is appended: an
 * append that then fails leaves a file nobody names, which a retry reuses, never an event without
 * its file. Neither store rewrites a file once kept, and both report bytes that no longer hash to
 * their name rather than hand them over.
 */
export abstract class DocumentFiles {
  /** Keeps the bytes (once: the same bytes again change nothing) and answers their SHA-256. */
  abstract put(bytes: Buffer): Promise<string>;
  abstract get(sha256: string): Promise<StoredFile>;
}

export const storedFile = (sha256: string, bytes: Buffer | null): StoredFile =>
  bytes === null ? { found: false } : { found: true, bytes, intact: sha256Of(bytes) === sha256 };
