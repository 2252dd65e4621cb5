import ExcelJS from 'exceljs';
import { textOf } from '@ancrage/shared-kernel';
import { cutSentence, ExportCut, Table, TableColumn } from './table';

/**
 * Excel's number formats. A format code is written in the file with `.` and `,` whatever the
 * locale: French Excel shows `1 234,56 €` and `45,2 %` from these.
 */
const FORMATS: Partial<Record<TableColumn<unknown>['kind'], string>> = {
  cents: '#,##0.00 "€"',
  rate: '0.0 %',
  integer: '0',
  number: '#,##0.###',
  date: 'dd/mm/yyyy',
};

/** Where the header sits: the title and the cut above it, a blank row between. */
const HEADER_ROW = 4;

/** A typed cell: numbers stay numbers, dates become Excel dates, codes their French label. */
function cellValue<R>(column: TableColumn<R>, value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (column.kind) {
    case 'cents':
      return typeof value === 'number' ? value / 100 : textOf(value);
    case 'rate':
    case 'integer':
    case 'number':
      return typeof value === 'number' ? value : textOf(value);
    case 'date': {
      const day = /^\d{4}-\d{2}-\d{2}/.exec(textOf(value));
      return day ? new Date(`${day[0]}T00:00:00Z`) : textOf(value);
    }
    case 'boolean':
      return value ? 'oui' : 'non';
    case 'code':
      return column.labels?.[textOf(value)] ?? textOf(value);
    case 'text':
      // A string cell is never a formula in XLSX: `=HYPERLINK(…)` stays text, unlike in a CSV.
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

function addSheet<R>(book: ExcelJS.Workbook, table: Table<R>, cut: ExportCut | null): void {
  const sheet = book.addWorksheet(table.sheet.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });
  sheet.getCell('A1').value = table.title;
  sheet.getCell('A1').font = { bold: true, size: 13 };
  if (cut) {
    sheet.getCell('A2').value = cutSentence(cut);
    sheet.getCell('A2').font = { italic: true };
  }
  const header = sheet.getRow(HEADER_ROW);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
  for (const row of table.rows) {
    sheet.addRow(table.columns.map((c) => cellValue(c, (row as Record<string, unknown>)[c.key])));
  }
  table.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    const format = FORMATS[c.kind];
    if (format) column.numFmt = format;
    column.width = Math.min(48, Math.max(10, c.header.length + 2));
  });
  // The title and cut rows take the number format too: reset them to text.
  for (const ref of ['A1', 'A2']) sheet.getCell(ref).numFmt = '@';
  if (table.columns.length > 0) {
    sheet.autoFilter = {
      from: { row: HEADER_ROW, column: 1 },
      to: { row: HEADER_ROW + table.rows.length, column: table.columns.length },
    };
  }
}

/** An XLSX workbook: one sheet per table, each saying which past it shows (a template shows none: null). */
export async function writeWorkbook<R>(tables: readonly Table<R>[], cut: ExportCut | null): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Ancrage';
  if (cut) book.created = cut.producedAt;
  for (const table of tables) addSheet(book, table, cut);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The first row of data in a sheet writeWorkbook wrote (for readers and tests). */
export const FIRST_DATA_ROW = HEADER_ROW + 1;
