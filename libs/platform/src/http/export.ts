import { applyDecorators, StreamableFile } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Request, Response } from 'express';
import { writeWorkbook, type Table } from '@ancrage/spreadsheets';
import { type CsvDialect, tableCsv } from './csv';

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const CSV_LOCALES = ['fr', 'en'] as const;
export type CsvLocale = (typeof CSV_LOCALES)[number];

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The `format` query parameter of a view that exports its table. */
export const ExportFormatProperty = () =>
  applyDecorators(
    ApiPropertyOptional({
      enum: EXPORT_FORMATS,
      description: 'json (default); csv; xlsx: a workbook with typed cells, French headers, and the asOf / knownAt written on the sheet',
    }),
    IsOptional(),
    IsIn(EXPORT_FORMATS),
  );

/** The `locale` query parameter of a CSV export (default: the Accept-Language header). */
export const CsvLocaleProperty = () =>
  applyDecorators(
    ApiPropertyOptional({
      enum: CSV_LOCALES,
      description:
        'with format=csv: fr writes French headers, semicolons, decimal commas, dates dd/mm/yyyy and a UTF-8 BOM (French Excel); default: Accept-Language',
    }),
    IsOptional(),
    IsIn(CSV_LOCALES),
  );

/** `?locale=` when given, else the caller's Accept-Language preference between English and French. */
export function csvDialectOf(req: Request, locale: CsvLocale | undefined): CsvDialect {
  const chosen = locale ?? req.acceptsLanguages('en', 'fr');
  return chosen === 'fr' ? 'fr' : 'rfc4180';
}

export interface ExportQuery {
  format?: ExportFormat;
  locale?: CsvLocale;
  asOf?: string;
  knownAt?: string;
}

/** True when the query asks for a file rather than the JSON view. */
export const wantsFile = (q: ExportQuery): q is ExportQuery & { format: 'csv' | 'xlsx' } => q.format === 'csv' || q.format === 'xlsx';

/**
 * A view's table as the file the query asks for: CSV (RFC 4180, or French) or XLSX, named
 * `<name>.csv` / `<name>.xlsx`, the sheet saying which past it shows.
 */
export async function exportFile<R>(
  req: Request,
  res: Response,
  q: ExportQuery & { format: 'csv' | 'xlsx' },
  name: string,
  table: Table<R>,
  now: Date,
): Promise<string | StreamableFile> {
  if (q.format === 'csv') {
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${name}.csv"`);
    return tableCsv(table, csvDialectOf(req, q.locale));
  }
  const bytes = await writeWorkbook([table], { asOf: q.asOf ?? null, knownAt: q.knownAt ?? null, producedAt: now });
  return new StreamableFile(bytes, { type: XLSX_TYPE, disposition: `attachment; filename="${name}.xlsx"`, length: bytes.length });
}
