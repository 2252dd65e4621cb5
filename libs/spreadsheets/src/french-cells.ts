import { normaliseHeader } from './read-sheet';

/** A cell read as a value, or why not (in French, to show beside the row and column). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const refused = (problem: string): Parsed<never> => ({ ok: false, problem });

const calendarDay = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** A two-digit year as Excel reads it: 00–29 are 2000–2029, 30–99 are 1930–1999. */
const fullYear = (text: string) => (text.length === 4 ? Number(text) : Number(text) + (Number(text) < 30 ? 2000 : 1900));

/**
 * A date as French spreadsheets write it: dd/mm/yyyy (or with - or .), a two-digit year (as Excel reads it), or
 * yyyy-mm-dd (an Excel date cell as the reader gives it). Calendar-checked; answered yyyy-mm-dd.
 */
export function parseFrenchDate(text: string): Parsed<string | null> {
  const t = text.trim();
  if (!t) return ok(null);
  let y: number, m: number, d: number;
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (french) [d, m, y] = [Number(french[1]), Number(french[2]), fullYear(french[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return refused(`date attendue au format jj/mm/aaaa, lu « ${t} »`);
  if (!calendarDay(y, m, d)) return refused(`la date « ${t} » n’existe pas`);
  return ok(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

const YES = ['oui', 'o', 'vrai', 'x', '1', 'yes', 'y', 'true'];
const NO = ['non', 'n', 'faux', '0', 'no', 'false'];

/** oui / non (and the usual ways of writing them); blank is no answer. */
export function parseFrenchBoolean(text: string): Parsed<boolean | null> {
  const t = text.trim().toLowerCase();
  if (!t) return ok(null);
  if (YES.includes(t)) return ok(true);
  if (NO.includes(t)) return ok(false);
  return refused(`« oui » ou « non » attendu, lu « ${text.trim()} »`);
}

/** A number as French writes it: "1 234,56", "1234.56", "1 234,56 €", "12 %". */
export function parseFrenchNumber(text: string): Parsed<number | null> {
  const t = text.replace(/[\s\u00a0\u202f€%]/g, '');
  if (!t) return ok(null);
  const normal = t.includes(',') ? t.replace(/\./g, '').replace(',', '.') : t;
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return refused(`nombre attendu, lu « ${text.trim()} »`);
  return ok(Number(normal));
}

/** A list in one cell: items on their own lines or separated by `;` (and by `,` when `commas`). */
export function parseList(text: string, commas = false): string[] {
  return text
    .split(commas ? /[;,\n]/ : /[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Codes named in one cell. Labels may hold commas and "et" ("Image et notoriété"), so each item
 * (between `;` or lines) is matched whole first, and split on `,`, `/` or "et" only when every part
 * then names a code.
 */
export function matchVocabularyList(text: string, vocabulary: Readonly<Record<string, readonly string[]>>): Parsed<string[]> {
  const codes: string[] = [];
  for (const item of parseList(text)) {
    const whole = matchVocabulary(item, vocabulary);
    if (whole.ok) {
      codes.push(whole.value!);
      continue;
    }
    const parts = item
      .split(/[,/]|\s+et\s+/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((part) => matchVocabulary(part, vocabulary));
    if (parts.length < 2 || parts.some((m) => !m.ok)) return whole;
    codes.push(...parts.map((m) => (m as { value: string }).value));
  }
  return ok([...new Set(codes)]);
}

/**
 * A code from its French label or a synonym (accents, case and plurals aside), or the code itself.
 * `vocabulary`: each code with the words that name it.
 */
export function matchVocabulary(text: string, vocabulary: Readonly<Record<string, readonly string[]>>): Parsed<string | null> {
  const t = text.trim();
  if (!t) return ok(null);
  const wanted = normaliseHeader(t);
  for (const [code, words] of Object.entries(vocabulary)) {
    if (normaliseHeader(code) === wanted || words.some((w) => normaliseHeader(w) === wanted)) return ok(code);
  }
  const known = Object.values(vocabulary)
    .map((w) => w[0])
    .filter(Boolean)
    .slice(0, 8);
  return refused(`valeur inconnue « ${t} » ; valeurs admises : ${known.join(', ')}${Object.keys(vocabulary).length > 8 ? '…' : ''}`);
}
