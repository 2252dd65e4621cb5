import {
  matchVocabulary,
  matchVocabularyList,
  parseFrenchBoolean,
  parseFrenchDate,
  parseFrenchNumber,
  parseList,
  type Parsed,
} from '@ancrage/spreadsheets';
import { CATEGORY_VOCABULARY, CONTACT_VOCABULARY, OBJECTIVE_VOCABULARY, SCALE_VOCABULARY, SERVICE_VOCABULARY } from './import-columns';

/** What is wrong with a row, at which column (a column key of the kind), in French. */
export interface RowProblem {
  column: string | null;
  code: string;
  message: string;
}

/** A row read into the request body its command takes, or what stops it. */
export type RowBody<B> = { ok: true; body: B } | { ok: false; problems: RowProblem[] };

/** Reads the cells of a row, collecting every problem rather than the first. */
class Cells {
  readonly problems: RowProblem[] = [];
  constructor(private readonly cells: Record<string, string>) {}

  text(key: string): string | undefined {
    return this.cells[key] || undefined;
  }
  private take<T>(key: string, parsed: Parsed<T | null>): T | undefined {
    if (parsed.ok) return parsed.value ?? undefined;
    this.problems.push({ column: key, code: 'INVALID_CELL', message: parsed.problem });
    return undefined;
  }
  date(key: string) {
    return this.take(key, parseFrenchDate(this.cells[key] ?? ''));
  }
  yesNo(key: string) {
    return this.take(key, parseFrenchBoolean(this.cells[key] ?? ''));
  }
  number(key: string) {
    return this.take(key, parseFrenchNumber(this.cells[key] ?? ''));
  }
  code(key: string, vocabulary: Readonly<Record<string, readonly string[]>>) {
    return this.take(key, matchVocabulary(this.cells[key] ?? '', vocabulary));
  }
  codes(key: string, vocabulary: Readonly<Record<string, readonly string[]>>): string[] {
    return this.take(key, matchVocabularyList(this.cells[key] ?? '', vocabulary)) ?? [];
  }
  result<B>(body: B): RowBody<B> {
    return this.problems.length ? { ok: false, problems: this.problems } : { ok: true, body };
  }
}

/**
 * The SIRET as agencies write it ("732 829 320 00074"), without its spaces. Thirteen digits are a
 * SIRET that Excel kept as a number and so lost its leading zero.
 */
export const siretOf = (text: string | undefined) => {
  const digits = (text ?? '').replace(/[\s.\u00a0\u202f-]/g, '');
  if (digits === '') return undefined;
  return /^\d{13}$/.test(digits) ? `0${digits}` : digits;
};

export interface PartnerRowBody {
  partnerId?: string;
  name?: string;
  category?: string;
  subkind?: string;
  siret?: string;
  /** Absent when the row leaves it blank (a new partner is then LOCAL). */
  scale?: string;
  registeredOn?: string;
  circle?: number;
  circleReason?: string;
}

export function partnerRow(cells: Record<string, string>): RowBody<PartnerRowBody> {
  const c = new Cells(cells);
  const matched = c.code('category', CATEGORY_VOCABULARY);
  const [category, impliedSubkind] = matched ? matched.split('/') : [undefined, undefined];
  const circle = c.number('circle');
  if (circle !== undefined && ![1, 2, 3].includes(circle)) {
    c.problems.push({ column: 'circle', code: 'INVALID_CELL', message: `cercle 1, 2 ou 3 attendu, lu « ${cells.circle} »` });
  }
  return c.result({
    partnerId: c.text('partnerId')?.toLowerCase(),
    name: c.text('name'),
    category,
    subkind: c.text('subkind')?.toUpperCase() ?? impliedSubkind,
    siret: siretOf(c.text('siret')),
    scale: c.code('scale', SCALE_VOCABULARY),
    registeredOn: c.date('registeredOn'),
    circle,
    circleReason: c.text('circleReason'),
  });
}

export interface AgreementRowBody {
  partner?: string;
  agreementId?: string;
  reference?: string;
  scale: string;
  formal: boolean;
  objectives: string[];
  services: string[];
  startDate?: string;
  endDate?: string;
  signedOn?: string;
}

export function agreementRow(cells: Record<string, string>): RowBody<AgreementRowBody> {
  const c = new Cells(cells);
  return c.result({
    partner: c.text('partner'),
    agreementId: c.text('agreementId')?.toLowerCase(),
    reference: c.text('reference'),
    scale: c.code('scale', SCALE_VOCABULARY) ?? 'LOCAL',
    formal: c.yesNo('formal') ?? true,
    objectives: c.codes('objectives', OBJECTIVE_VOCABULARY),
    services: c.codes('services', SERVICE_VOCABULARY),
    startDate: c.date('startDate'),
    endDate: c.date('endDate'),
    signedOn: c.date('signedOn'),
  });
}

export interface ContactRowBody {
  partner?: string;
  kind?: string;
  date?: string;
  participants: string[];
  note?: string;
}

export function contactRow(cells: Record<string, string>): RowBody<ContactRowBody> {
  const c = new Cells(cells);
  return c.result({
    partner: c.text('partner'),
    kind: c.code('kind', CONTACT_VOCABULARY),
    date: c.date('date'),
    participants: parseList(cells.participants ?? '', true),
    note: c.text('note'),
  });
}

/** An id made from a name, as the register's ids are written: `mission-locale-du-montreuillois`. */
export function slugOf(text: string, max = 56): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return /^[a-z0-9]/.test(slug) ? slug : `p-${slug}`.slice(0, max);
}
