import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Request } from 'express';
import { textOf } from '@ancrage/shared-kernel';

/** What a spreadsheet would run as a formula when a cell begins with it (OWASP: CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * How a CSV is written:
 * - `rfc4180`: commas, decimal points, no byte-order mark;
 * - `fr`: what French Excel opens as columns: semicolons, decimal commas, and a UTF-8 byte-order
 *   mark so that accents are read as UTF-8.
 */
export type CsvDialect = 'rfc4180' | 'fr';

export const CSV_LOCALES = ['fr', 'en'] as const;
export type CsvLocale = (typeof CSV_LOCALES)[number];

/** The `locale` query parameter of a CSV export (default: the Accept-Language header). */
export const CsvLocaleProperty = () =>
  applyDecorators(
    ApiPropertyOptional({
      enum: CSV_LOCALES,
      description: 'with format=csv: fr writes semicolons, decimal commas and a UTF-8 BOM (French Excel); default: Accept-Language',
    }),
    IsOptional(),
    IsIn(CSV_LOCALES),
  );

/** `?locale=` when given, else the caller's Accept-Language preference between English and French. */
export function csvDialectOf(req: Request, locale: CsvLocale | undefined): CsvDialect {
  const chosen = locale ?? req.acceptsLanguages('en', 'fr');
  return chosen === 'fr' ? 'fr' : 'rfc4180';
}

/**
 * CSV: the given columns in order, objects as JSON, quotes doubled, null as empty. A text cell that
 * a spreadsheet would take for a formula is neutralised with a leading apostrophe, as OWASP
 * recommends; numbers stay numbers (a negative amount is not a formula).
 */
export function toCsv(columns: readonly string[], rows: readonly object[], dialect: CsvDialect = 'rfc4180'): string {
  const separator = dialect === 'fr' ? ';' : ',';
  const needsQuotes = dialect === 'fr' ? /[";\n\r]/ : /[",\n\r]/;
  const cell = (v: unknown) => {
    const raw = v === null || v === undefined ? '' : dialect === 'fr' && typeof v === 'number' ? String(v).replace('.', ',') : textOf(v);
    const text = typeof v === 'string' && FORMULA_START.test(raw) ? `'${raw}` : raw;
    return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.join(separator), ...rows.map((r) => columns.map((c) => cell((r as Record<string, unknown>)[c])).join(separator))];
  return (dialect === 'fr' ? '\uFEFF' : '') + lines.join('\n') + '\n';
}
