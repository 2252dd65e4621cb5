import { frenchText, type Table } from '@ancrage/spreadsheets';
import { textOf } from '@ancrage/shared-kernel';

/** What a spreadsheet would run as a formula when a cell begins with it (OWASP: CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * How a CSV is written:
 * - `rfc4180`: commas, decimal points, no byte-order mark, the API's field names and raw values
 *   (for programs);
 * - `fr`: what French Excel opens as columns: semicolons, French headers, euros and percentages
 *   with decimal commas, dates dd/mm/yyyy, and a UTF-8 byte-order mark so accents read as UTF-8.
 */
export type CsvDialect = 'rfc4180' | 'fr';

function writer(dialect: CsvDialect) {
  const separator = dialect === 'fr' ? ';' : ',';
  const needsQuotes = dialect === 'fr' ? /[";\n\r]/ : /[",\n\r]/;
  const cell = (value: unknown, text: string) => {
    const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
    return needsQuotes.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const join = (lines: string[][]) => (dialect === 'fr' ? '\uFEFF' : '') + lines.map((l) => l.join(separator)).join('\n') + '\n';
  return { cell, join };
}

/**
 * CSV of plain rows: the given columns in order, objects as JSON, quotes doubled, null as empty. A
 * text cell that a spreadsheet would take for a formula is neutralised with a leading apostrophe,
 * as OWASP recommends; numbers stay numbers (a negative amount is not a formula).
 */
export function toCsv(columns: readonly string[], rows: readonly object[], dialect: CsvDialect = 'rfc4180'): string {
  const { cell, join } = writer(dialect);
  const text = (v: unknown) =>
    v === null || v === undefined ? '' : dialect === 'fr' && typeof v === 'number' ? String(v).replace('.', ',') : textOf(v);
  return join([
    [...columns],
    ...rows.map((r) =>
      columns.map((c) => {
        const v = (r as Record<string, unknown>)[c];
        return cell(v, text(v));
      }),
    ),
  ]);
}

/** CSV of a typed table: the API's names and values (rfc4180), or French headers and texts (fr). */
export function tableCsv<R>(table: Table<R>, dialect: CsvDialect): string {
  if (dialect === 'rfc4180')
    return toCsv(
      table.columns.map((c) => c.key),
      table.rows as readonly object[],
    );
  const { cell, join } = writer('fr');
  return join([
    table.columns.map((c) => cell(c.header, c.header)),
    ...table.rows.map((r) =>
      table.columns.map((c) => {
        const v = (r as Record<string, unknown>)[c.key];
        return cell(v, frenchText(c, v));
      }),
    ),
  ]);
}
