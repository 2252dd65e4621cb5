import { textOf } from '@ancrage/shared-kernel';

/** What a spreadsheet would run as a formula when a cell begins with it (OWASP: CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 CSV: the given columns in order, objects as JSON, quotes doubled, null as empty. A text
 * cell that a spreadsheet would take for a formula is neutralised with a leading apostrophe, as
 * OWASP recommends; numbers stay numbers (a negative amount is not a formula).
 */
export function toCsv(columns: readonly string[], rows: readonly object[]): string {
  const cell = (v: unknown) => {
    const raw = v === null || v === undefined ? '' : textOf(v);
    const text = typeof v === 'string' && FORMULA_START.test(raw) ? `'${raw}` : raw;
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell((r as Record<string, unknown>)[c])).join(','))].join('\n') + '\n';
}
