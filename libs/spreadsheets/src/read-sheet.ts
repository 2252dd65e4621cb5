import { type Grid, readGrid, type SheetFormat, SpreadsheetError } from './sheet-grid';

/** A column an import expects: its key, its French header and the other names agencies give it. */
export interface ColumnSpec {
  key: string;
  header: string;
  synonyms?: readonly string[];
  required?: boolean;
}

export interface SheetRow {
  /** The row as the spreadsheet numbers it. */
  row: number;
  /** Trimmed text by column key ('' when blank). */
  cells: Record<string, string>;
}

export interface ReadSheet {
  format: SheetFormat;
  encoding?: 'utf-8' | 'windows-1252';
  sheetName?: string;
  headerRow: number;
  /** What matched: the key, the header as the file writes it, its column letter (for messages). */
  columns: { key: string; header: string; column: string }[];
  /** Headers of the file that matched no column (reported, not refused). */
  unknownHeaders: string[];
  rows: SheetRow[];
}

/**
 * A header as compared: lower case, no accents, punctuation and apostrophes as spaces, a unit in
 * parentheses dropped, plural s dropped ("N° SIRET" and "n siret"; "Objectifs (liste)" and "objectif").
 */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\([^)]*\)\s*$/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((w) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w))
    .join(' ');
}

/** A, B, … Z, AA… as a spreadsheet names its columns. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const HEADER_SEARCH = 20;

/**
 * Reads an uploaded sheet as rows keyed by the expected columns, wherever the header sits: below
 * title rows, on two levels (a group header merged over sub-headers), or merged over two rows.
 */
export async function readSheet(bytes: Buffer, columns: readonly ColumnSpec[], options: { maxRows?: number } = {}): Promise<ReadSheet> {
  const grid = await readGrid(bytes);
  const names = new Map<string, string>();
  for (const c of columns) for (const name of [c.header, ...(c.synonyms ?? []), c.key]) names.set(normaliseHeader(name), c.key);
  const match = (text: string) => (text ? names.get(normaliseHeader(text)) : undefined);
  const header = findHeader(grid, match, columns.length === 1 ? 1 : 2);
  if (!header) {
    throw new SpreadsheetError(
      'NO_HEADER_ROW',
      `Aucune ligne d’en-tête reconnue : le fichier doit avoir une ligne de titres de colonnes, par exemple « ${columns
        .slice(0, 4)
        .map((c) => c.header)
        .join(' », « ')} ».`,
    );
  }
  const { keys, dataFrom, labels } = header;
  const matched: ReadSheet['columns'] = [];
  const unknownHeaders: string[] = [];
  const taken = new Map<number, string>();
  keys.forEach((key, i) => {
    if (key && !matched.some((m) => m.key === key)) {
      matched.push({ key, header: labels[i], column: columnLetter(i) });
      taken.set(i, key);
    } else if (labels[i] && !unknownHeaders.includes(labels[i])) unknownHeaders.push(labels[i]);
  });
  const missing = columns.filter((c) => c.required && !matched.some((m) => m.key === c.key));
  if (missing.length) {
    throw new SpreadsheetError(
      'MISSING_COLUMNS',
      `Colonne${missing.length > 1 ? 's' : ''} obligatoire${missing.length > 1 ? 's' : ''} absente${missing.length > 1 ? 's' : ''} : ${missing.map((c) => `« ${c.header} »`).join(', ')}.`,
    );
  }
  const rows: SheetRow[] = [];
  const max = options.maxRows ?? 50_000;
  for (const r of grid.rows) {
    if (r.row < dataFrom || r.values.every((v) => v === '')) continue;
    if (rows.length === max) throw new SpreadsheetError('TOO_MANY_ROWS', `Le fichier dépasse ${max} lignes : découpez-le.`);
    const cells: Record<string, string> = Object.fromEntries(columns.map((c) => [c.key, '']));
    for (const [i, key] of taken) cells[key] = r.values[i] ?? '';
    rows.push({ row: r.row, cells });
  }
  return {
    format: grid.format,
    ...(grid.encoding ? { encoding: grid.encoding } : {}),
    ...(grid.sheetName ? { sheetName: grid.sheetName } : {}),
    headerRow: dataFrom - 1,
    columns: matched,
    unknownHeaders,
    rows,
  };
}

interface Header {
  keys: (string | undefined)[];
  labels: string[];
  dataFrom: number;
}

/**
 * The header among the first non-blank rows: the one whose cells name the most columns. A row
 * just above it (a group header) or below it (sub-headers) is read with it when that names more.
 */
function findHeader(grid: Grid, match: (text: string) => string | undefined, least: number): Header | null {
  const candidates = grid.rows.filter((r) => r.values.some((v) => v !== '')).slice(0, HEADER_SEARCH);
  let best: Header | null = null;
  let bestScore = 0;
  candidates.forEach((r, i) => {
    const above = candidates[i - 1];
    const below = candidates[i + 1];
    const width = Math.max(r.values.length, below?.values.length ?? 0);
    const keys: (string | undefined)[] = [];
    const labels: string[] = [];
    let usedBelow = false;
    for (let c = 0; c < width; c++) {
      const cell = r.values[c] ?? '';
      const up = above && above.row === r.row - 1 ? (above.values[c] ?? '') : '';
      const down = below && below.row === r.row + 1 ? (below.values[c] ?? '') : '';
      const tries: [string, boolean][] = [
        [`${up} ${cell}`, false],
        [cell, false],
      ];
      if (down && down !== cell) tries.push([`${cell} ${down}`, true], [down, true]);
      const hit = tries.find(([text]) => match(text.trim()) !== undefined);
      if (hit?.[1]) usedBelow = true;
      keys.push(hit ? match(hit[0].trim()) : undefined);
      labels.push(hit ? hit[0].trim() : cell);
    }
    const score = new Set(keys.filter(Boolean)).size;
    if (score > bestScore) {
      bestScore = score;
      best = { keys, labels, dataFrom: (usedBelow ? below.row : r.row) + 1 };
    }
  });
  return bestScore >= least ? best : null;
}
