import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { link, open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { DocumentFiles, sha256Of, storedFile, type StoredFile } from './document-files';

const errorCode = (e: unknown) => (e as NodeJS.ErrnoException).code;

/**
 * The bytes as files of a folder (a volume, a mounted share), named by their hash under a two-letter
 * prefix as Git keeps its objects: `ab/ab12…`. A file is written whole under a temporary name, made
 * read-only and flushed to disk, then linked to its name, which never replaces a file already there:
 * a crash leaves no half file under a hash, and the same bytes twice are kept once.
 */
export class FolderDocumentFiles extends DocumentFiles {
  constructor(private readonly dir: string) {
    super();
    // At start-up, so a folder that cannot be created stops the server with its path, not the first upload.
    mkdirSync(dir, { recursive: true });
  }

  private pathOf(sha256: string) {
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  async put(bytes: Buffer): Promise<string> {
    const sha256 = sha256Of(bytes);
    const path = this.pathOf(sha256);
    mkdirSync(join(this.dir, sha256.slice(0, 2)), { recursive: true });
    const temporary = `${path}.${randomUUID()}.partial`;
    const file = await open(temporary, 'wx', 0o444);
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await link(temporary, path);
    } catch (e) {
      if (errorCode(e) !== 'EEXIST') throw e;
    } finally {
      await unlink(temporary);
    }
    return sha256;
  }

  async get(sha256: string): Promise<StoredFile> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return { found: false };
    try {
      return storedFile(sha256, await readFile(this.pathOf(sha256)));
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return { found: false };
      throw e;
    }
  }
}
