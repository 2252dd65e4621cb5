import type { paths } from '../api/client';

export type Method = 'post' | 'put' | 'patch' | 'delete';
type Op<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

/** The JSON body a command takes, from the OpenAPI document. */
export type BodyOf<P extends keyof paths, M extends Method> =
  Op<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
/** Its path parameters. */
export type PathOf<P extends keyof paths, M extends Method> =
  Op<P, M> extends { parameters: { path?: infer X } }
    ? [NonNullable<X>] extends [never]
      ? Record<string, never>
      : NonNullable<X>
    : Record<string, never>;
/** Its success answer. */
export type AnswerOf<P extends keyof paths, M extends Method> =
  Op<P, M> extends { responses: { 201: { content: { 'application/json': infer A } } } }
    ? A
    : Op<P, M> extends { responses: { 200: { content: { 'application/json': infer A } } } }
      ? A
      : never;

/** Dotted names of a body's fields, down to leaves (arrays are leaves): `indicator.target`. */
export type FieldName<T> = T extends object
  ? {
      [K in keyof T & string]-?: NonNullable<T[K]> extends readonly unknown[]
        ? K
        : NonNullable<T[K]> extends object
          ? `${K}.${FieldName<NonNullable<T[K]>>}`
          : K;
    }[keyof T & string]
  : never;

export type Values = Record<string, unknown>;
export interface Option {
  value: string;
  label: string;
}

export type Widget =
  'text' | 'textarea' | 'date' | 'euros' | 'integer' | 'number' | 'select' | 'radio' | 'checkboxes' | 'boolean' | 'lines' | 'rows';

export interface FieldSpec<N extends string = string> {
  name: N;
  label: string;
  hint?: string;
  widget: Widget;
  /** Choices of select, radio and checkboxes (from the catalogue, or from the page's data). */
  options?: Option[];
  /** select and radio whose API value is a number (circle, score). */
  numeric?: boolean;
  /** Shown only when this says so (a mobility aid's details). */
  show?: (values: Values) => boolean;
  /** What a value off the API's pattern is told, instead of a bare « Le format ne convient pas » (how a phone is written). */
  formatMessage?: string;
  /** A rule beyond the schema's (a SIRET's key), in French; null when fine. */
  check?: (value: unknown, values: Values) => string | null;
  /** Leave the field out of the body when empty, even if the schema has it (partial updates). */
  optional?: boolean;
  /** Shown as required though the schema is not (a rule of another field makes it so; say it in `check`). */
  required?: boolean;
  /** rows: the fields of one item of a list of objects (key figures, findings…). */
  item?: FieldSpec[];
  /** rows: the values a new item starts with (a generated reference…). */
  newItem?: () => Values;
  /** rows: the add button's words. */
  addLabel?: string;
}

/**
 * The day a recorded fact happened, left empty for today: every command that records a fact of
 * the past takes one, so a view "as of" a date holds it at its date.
 */
export const factDate = <N extends string>(name: N, label: string): FieldSpec<N> => ({
  name,
  label,
  hint: 'Laissez vide si c’est aujourd’hui ; sinon, le jour où c’est arrivé.',
  widget: 'date',
  check: notAfterToday,
});

/** A fact is recorded once it has happened: as the API says (FUTURE_DATE), checked as you type. */
export function notAfterToday(value: unknown): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const now = new Date();
  const today = new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  return value > today ? 'Cette date est postérieure à aujourd’hui : enregistrez ce qui a eu lieu.' : null;
}

export interface CommandSpec<P extends keyof paths = keyof paths, M extends Method = Method> {
  method: M;
  path: P;
  title: string;
  /** One sentence on what recording this means. */
  description?: string;
  submit: string;
  fields: FieldSpec<FieldName<BodyOf<P, M>>>[];
  /**
   * Body values the user does not type (a generated reference), made from the typed values at the
   * first submission and kept for its retries.
   */
  generated?: (values: Values) => Partial<Record<FieldName<BodyOf<P, M>>, unknown>>;
  /** What the success message says. */
  done: string;
}

/** Declares a form of one API command; field names are checked against the command's body. */
export function defineCommand<P extends keyof paths, M extends Method>(spec: CommandSpec<P, M>): CommandSpec<P, M> {
  return spec;
}

/** A short, unique, readable reference for ids the API lets the client choose. */
export function newReference(prefix: string): string {
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
  const random = crypto.getRandomValues(new Uint32Array(1))[0].toString(36).slice(0, 5);
  return `${prefix}-${day}-${random}`;
}

/** A reference made from a name: « Mission locale de Berck » → mission-locale-de-berck-x3f9. */
export function slugReference(text: string, fallback: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  const random = crypto.getRandomValues(new Uint32Array(1))[0].toString(36).slice(0, 4);
  return `${slug || fallback}-${random}`;
}
