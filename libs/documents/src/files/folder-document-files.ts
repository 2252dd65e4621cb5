import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { constants } from 'node:fs';
import { copyFile, link, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { DocumentFiles, sha256Of, storedFile, type StoredFile } from './document-files';

const errorCode = (e: unknown) => (e as NodeJS.ErrnoException).code;

/**
 * The bytes as files of a folder (a volume, a mounted share), named by their hash under a two-letter
 * prefix as Git keeps its objects: `ab/ab12…`. A file is written whole under a temporary name, made
 * read-only and flushed to disk, then linked to its name (copied where the share has no hard links),
 * which never replaces a sound file already there; the folder is flushed too, so the name survives a
 * power cut once the event that names it may be appended. A crash leaves no half file under a hash,
 * the same bytes twice are kept once, and bytes that no longer hash to their name are replaced by
 * sound ones when the same document is attached again.
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
    const folder = join(this.dir, sha256.slice(0, 2));
    const newFolder = mkdirSync(folder, { recursive: true }) !== undefined;
    const temporary = `${path}.${randomUUID()}.partial`;
    const file = await open(temporary, 'wx', 0o444);
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await keepUnder(temporary, path);
    } catch (e) {
      if (errorCode(e) !== 'EEXIST') throw e;
      // Already kept: sound, it stays; altered since, the fresh bytes take its place.
      const kept = await readFile(path).catch(() => null);
      if (kept === null || sha256Of(kept) !== sha256) await rename(temporary, path);
    } finally {
      await unlink(temporary).catch((e: unknown) => {
        if (errorCode(e) !== 'ENOENT') throw e;
      });
    }
    await syncFolder(folder);
    if (newFolder) await syncFolder(this.dir);
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

/** Gives the temporary file its final name without ever replacing one: a hard link, or an exclusive copy where links are refused. */
async function keepUnder(temporary: string, path: string): Promise<void> {
  try {
    await link(temporary, path);
  } catch (e) {
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV'].includes(errorCode(e) ?? '')) throw e;
    await copyFile(temporary, path, constants.COPYFILE_EXCL);
  }
}

/** Flushes a folder's entries, so a new name is on disk before anything refers to it. */
async function syncFolder(path: string): Promise<void> {
  const folder = await open(path, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
