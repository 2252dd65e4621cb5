/**
 * A value as text: scalars as `String()` prints them, objects and arrays as JSON (never
 * "[object Object]"). For values whose type the compiler cannot vouch for: request parts, pg rows,
 * cells of a read model.
 */
export function textOf(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'symbol':
      return value.toString();
    case 'undefined':
      return 'undefined';
    case 'function':
      return `[function ${value.name}]`;
    default:
      return value === null ? 'null' : JSON.stringify(value);
  }
}
