import { types } from 'pg';

/**
 * Read-model rows must look the same whether they come from PostgreSQL or from an in-memory fold,
 * so values come back as plain JSON-like values: counts and cents as numbers (all far below 2^53),
 * dates as 'YYYY-MM-DD', timestamps as ISO strings.
 */
export function installPgTypeParsers(): void {
  types.setTypeParser(types.builtins.INT8, (v) => Number(v));
  types.setTypeParser(types.builtins.NUMERIC, (v) => Number(v));
  types.setTypeParser(types.builtins.DATE, (v) => v);
  types.setTypeParser(types.builtins.TIMESTAMPTZ, (v) => new Date(v).toISOString());
}
