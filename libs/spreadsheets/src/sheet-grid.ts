import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';

/** Why a file cannot be read as a spreadsheet; the message is said to the user as is. */
export class SpreadsheetError extends Error {
  override readonly name = 'SpreadsheetError';
  constructor(
    readonly code: 'NOT_A_SPREADSHEET' | 'LEGACY_XLS' | 'EMPTY_FILE' | 'NO_HEADER_ROW' | 'TOO_MANY_ROWS' | 'TOO_LARGE' | 'MISSING_COLUMNS',
    message: string,
  ) {
    super(message);
  }
}

export type SheetFormat = 'xlsx' | 'csv';

/** A sheet as rows of text cells, each row numbered as the spreadsheet shows it. */
export interface Grid {
  format: SheetFormat;
  encoding?: 'utf-8' | 'windows-1252';
  sheetName?: string;
  rows: { row: number; values: string[] }[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** What a workbook may unpack to, and how many columns are read: beyond, it is not an agency's sheet. */
export const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;
export const MAX_COLUMNS = 256;
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Text as a spreadsheet shows it: trimmed, no-break spaces as spaces. */
const clean = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').trim();

/** Reads the bytes of an XLSX workbook or a CSV file (UTF-8 or Windows-1252, `;`, `,` or tab). */
export async function readGrid(bytes: Buffer): Promise<Grid> {
  if (bytes.length === 0 || /^\s*$/.test(bytes.subarray(0, 4096).toString('latin1'))) {
    throw new SpreadsheetError('EMPTY_FILE', 'Le fichier est vide.');
  }
  if (startsWith(bytes, OLE2)) {
    throw new SpreadsheetError(
      'LEGACY_XLS',
      'Les fichiers .xls (Excel 97-2003) ne sont pas lus : enregistrez le classeur au format .xlsx ou CSV.',
    );
  }
  if (startsWith(bytes, ZIP)) return readWorkbook(bytes);
  return readCsv(bytes);
}

function decode(bytes: Buffer): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: French Excel's own "CSV (séparateur : point-virgule)" is Windows-1252.
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The separator that splits the first lines most evenly (quotes left aside). */
function delimiterOf(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .slice(0, 10)
    .map((l) => l.replace(/"[^"]*"/g, ''));
  const score = (d: string) => lines.reduce((s, l) => s + l.split(d).length - 1, 0);
  return [';', ',', '\t'].reduce((best, d) => (score(d) > score(best) ? d : best), ';');
}

function readCsv(bytes: Buffer): Grid {
  // Text files have no NUL byte and few control characters; anything else is not a CSV.
  const head = bytes.subarray(0, 8192);
  const controls = [...head].filter((b) => b < 0x09 || (b > 0x0d && b < 0x20)).length;
  if (head.includes(0) || controls > head.length / 100) {
    throw new SpreadsheetError('NOT_A_SPREADSHEET', 'Le fichier n’est pas un tableur : envoyez un classeur .xlsx ou un fichier CSV.');
  }
  const { text, encoding } = decode(bytes);
  let records: string[][];
  try {
    const parsed: unknown = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
    records = parsed as string[][];
  } catch (e) {
    throw new SpreadsheetError('NOT_A_SPREADSHEET', `Le fichier CSV est illisible : ${(e as Error).message}`);
  }
  // Excel shows a CSV record per row, blank lines included: the row number is the record's rank.
  return {
    format: 'csv',
    encoding,
    rows: records.map((values, i) => ({ row: i + 1, values: values.slice(0, MAX_COLUMNS).map(clean) })),
  };
}

/** A cell's text: dates as yyyy-mm-dd, integers without exponent, formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'string') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text);
  return '';
}

/**
 * What the workbook's entries say they unpack to, from the ZIP's central directory (its end record
 * is within the last 64 KiB). A small file that unpacks to gigabytes is refused before it is read.
 */
export function declaredUnzippedBytes(bytes: Buffer): number | null {
  const END = 0x06054b50;
  const CENTRAL = 0x02014b50;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) !== END) continue;
    const entries = bytes.readUInt16LE(at + 10);
    let entry = bytes.readUInt32LE(at + 16);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (entry + 46 > bytes.length || bytes.readUInt32LE(entry) !== CENTRAL) return null;
      total += bytes.readUInt32LE(entry + 24);
      entry += 46 + bytes.readUInt16LE(entry + 28) + bytes.readUInt16LE(entry + 30) + bytes.readUInt16LE(entry + 32);
    }
    return total;
  }
  return null;
}

async function readWorkbook(bytes: Buffer): Promise<Grid> {
  const unzipped = declaredUnzippedBytes(bytes);
  if (unzipped === null) throw new SpreadsheetError('NOT_A_SPREADSHEET', 'Le fichier n’est pas un classeur Excel lisible (.xlsx).');
  if (unzipped > MAX_UNZIPPED_BYTES) {
    throw new SpreadsheetError('TOO_LARGE', 'Le classeur est trop volumineux une fois décompressé : découpez-le ou enregistrez-le en CSV.');
  }
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    throw new SpreadsheetError('NOT_A_SPREADSHEET', 'Le fichier n’est pas un classeur Excel lisible (.xlsx).');
  }
  const sheet = book.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) throw new SpreadsheetError('EMPTY_FILE', 'Le classeur ne contient aucune ligne.');
  const rows: Grid['rows'] = [];
  // A stray value far to the right would make every row that wide: only the first columns are read.
  const width = Math.min(sheet.columnCount, MAX_COLUMNS);
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      // Every cell of a merged range reads as its master: a header merged over columns names each.
      values.push(clean(cellText(cell.isMerged ? cell.master.value : cell.value)));
    }
    rows.push({ row: number, values });
  });
  return { format: 'xlsx', sheetName: sheet.name, rows };
}
