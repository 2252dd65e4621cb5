import { sameValue } from '@ancrage/projections';

export interface RowDiff {
  table: string;
  added: object[];
  removed: object[];
  changed: { before: object; after: object }[];
}

/** Differences between two sets of rows of the same tables, matched by key. */
export function diffRows(
  keys: Record<string, readonly string[]>,
  before: Record<string, object[]>,
  after: Record<string, object[]>,
): RowDiff[] {
  return Object.keys(keys).map((table) => {
    const keyOf = (r: object) => JSON.stringify(keys[table].map((k) => (r as Record<string, unknown>)[k]));
    const a = new Map((before[table] ?? []).map((r) => [keyOf(r), r]));
    const b = new Map((after[table] ?? []).map((r) => [keyOf(r), r]));
    const diff: RowDiff = { table, added: [], removed: [], changed: [] };
    for (const [k, row] of b) {
      const old = a.get(k);
      if (!old) diff.added.push(row);
      else if (!sameValue(old, row)) diff.changed.push({ before: old, after: row });
    }
    for (const [k, row] of a) if (!b.has(k)) diff.removed.push(row);
    return diff;
  });
}
