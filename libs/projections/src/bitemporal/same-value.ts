/**
 * Deep equality of JSON-like row values, blind to object key order (jsonb stores keys in its own
 * order, a fold in insertion order) and to absent versus null fields (a column holds null for both).
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((v, i) => sameValue(v, other[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k of Object.keys(x)) if (!sameValue(x[k], y[k])) return false;
  for (const k of Object.keys(y)) if (!(k in x) && y[k] !== undefined && y[k] !== null) return false;
  return true;
}
