import { textOf } from '@ancrage/shared-kernel';
/**
 * A table as the API exports it: typed columns with French headers, so that one declaration gives
 * the French CSV and the XLSX sheet (and the RFC 4180 CSV keeps the API's field names).
 *
 * - `text`: as is; `code`: a code shown by its French label (`labels`);
 * - `integer`, `number`: numbers; `cents`: integer cents, shown in euros;
 * - `rate`: a share between 0 and 1, shown as a percentage;
 * - `date`: `yyyy-mm-dd` (or an ISO instant), shown dd/mm/yyyy;
 * - `boolean`: oui / non.
 */
export type CellKind = 'text' | 'code' | 'integer' | 'number' | 'cents' | 'rate' | 'date' | 'boolean';

export interface TableColumn<R> {
  key: keyof R & string;
  /** The French header, with its unit where it has one: "Enveloppe (€)", "Taux de consommation (%)". */
  header: string;
  kind: CellKind;
  /** `code` columns: the French label of each code (an unknown code is written as is). */
  labels?: Readonly<Record<string, string>>;
}

export interface Table<R = Record<string, unknown>> {
  /** The sheet's name (at most 31 characters, Excel's limit). */
  sheet: string;
  /** A sentence above the table: what it is and its scope. */
  title: string;
  columns: readonly TableColumn<R>[];
  rows: readonly R[];
}

/** Which state of the past an export shows: written on the sheet, so a file says what it is. */
export interface ExportCut {
  asOf: string | null;
  knownAt: string | null;
  producedAt: Date;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** `2018-06-30` (or an instant on that day, UTC) as dd/mm/yyyy. */
export function frenchDate(iso: string): string {
  const m = DAY.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** An instant as dd/mm/yyyy à hh:mm (UTC), as the sheets and digests print it. */
export function frenchInstant(at: Date | string): string {
  const iso = typeof at === 'string' ? new Date(at).toISOString() : at.toISOString();
  return `${frenchDate(iso)} à ${iso.slice(11, 16)} (UTC)`;
}

/** The sentence that says which past an export shows. */
export function cutSentence(cut: ExportCut): string {
  const asOf = cut.asOf ? `situation au ${frenchDate(cut.asOf)}` : 'situation du jour';
  const knownAt = cut.knownAt ? `, telle que connue le ${frenchInstant(cut.knownAt)}` : '';
  return `${asOf[0].toUpperCase()}${asOf.slice(1)}${knownAt} — fichier produit le ${frenchInstant(cut.producedAt)}.`;
}

const decimalComma = (n: number, digits?: number) => (digits === undefined ? String(n) : n.toFixed(digits)).replace('.', ',');

/** A cell's French text (the French CSV): euros and percentages with a decimal comma, dates dd/mm/yyyy. */
export function frenchText<R>(column: TableColumn<R>, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  switch (column.kind) {
    case 'cents':
      return typeof value === 'number' ? decimalComma(value / 100, 2) : textOf(value);
    case 'rate':
      return typeof value === 'number' ? decimalComma(Math.round(value * 1000) / 10) : textOf(value);
    case 'integer':
    case 'number':
      return typeof value === 'number' ? decimalComma(value) : textOf(value);
    case 'date':
      return frenchDate(textOf(value));
    case 'boolean':
      return value ? 'oui' : 'non';
    case 'code':
      return column.labels?.[textOf(value)] ?? textOf(value);
    case 'text':
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}
