import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SignedTreeHead } from './tree-head';

/**
 * The heads in a witness folder, as written there (tree-head-*.json). A file that does not parse is
 * kept as a head that cannot verify: verification then fails, it never skips a witness.
 */
export function readWitnessHeads(dir: string): SignedTreeHead[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^tree-head-\d+\.json$/.test(f))
    .map((f) => {
      try {
        return JSON.parse(readFileSync(join(dir, f), 'utf8')) as SignedTreeHead;
      } catch {
        return { treeSize: Number(/\d+/.exec(f)![0]), signature: '' } as SignedTreeHead;
      }
    });
}
