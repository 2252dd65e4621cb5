// French formats for every figure on screen: dates dd/mm/yyyy, euros and percentages in fr-FR.

const euroFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const euroRounded = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const percentFormat = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });
const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

/** 123456 cents → « 1 234,56 € »; `rounded` drops the cents (charts, key figures). */
export function euros(cents: number | null | undefined, rounded = false): string {
  if (cents === null || cents === undefined) return '—';
  return (rounded ? euroRounded : euroFormat).format(cents / 100);
}

/** 0.125 → « 12,5 % ». */
export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : percentFormat.format(share);
}

export function number(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : numberFormat.format(value);
}

/** A file's size as French readers write it: « 12 ko », « 3,4 Mo ». */
export function fileSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${number(Math.ceil(bytes / 1024))} ko` : `${number(Math.round(bytes / 104_857.6) / 10)} Mo`;
}

/** '2018-06-30' or an ISO instant → « 30/06/2018 ». */
export function date(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** An ISO instant → « 30/06/2018 à 14:05 » (Paris time). */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} à ${get('hour')}:${get('minute')}`;
}

/**
 * When something happened: facts recorded with a day only carry noon (or midnight) UTC, so they are
 * shown as the day, not with an hour nobody gave.
 */
export function occurred(iso: string | null | undefined): string {
  if (!iso) return '—';
  return /T(12|00):00:00(\.000)?Z$/.test(iso) ? date(iso) : dateTime(iso);
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** '2018-03' → « mars 2018 »; `short` → « mars ». */
export function month(yyyyMm: string, short = false): string {
  const [y, m] = yyyyMm.split('-');
  const name = MONTHS[Number(m) - 1] ?? m;
  return short ? name : `${name} ${y}`;
}

/** A count with its noun, agreed: plural(2, 'action') → « 2 actions ». */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${number(n)} ${Math.abs(n) >= 2 ? pluralForm : singular}`;
}

/** « 1 234,56 » typed by a user (spaces, comma) → cents, or null when it is not an amount. */
export function parseEuros(text: string): number | null {
  const clean = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d{1,2})?$/.test(clean)) return null;
  return Math.round(Number(clean) * 100);
}

/** « 30/06/2018 » or '2018-06-30' → '2018-06-30' when it is a real calendar date. */
export function parseDate(text: string): string | null {
  const fr = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text.trim());
  const iso = fr ? `${fr[3]}-${fr[2]}-${fr[1]}` : text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? iso : null;
}

/** Today's date as the API writes days (YYYY-MM-DD), in the user's time zone. */
export const today = (): string => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};
