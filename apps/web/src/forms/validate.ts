import type { JsonSchema } from './schema';
import { number as formatNumber } from '../i18n/format';

function calendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * Checks one converted value against its schema, in French. Covers what the API's DTOs use:
 * required, type, pattern, lengths, bounds, enums, item counts and calendar dates.
 */
export function checkValue(
  schema: JsonSchema | undefined,
  value: unknown,
  required: boolean,
  opts: { scale?: number; formatMessage?: string } = {},
): string | null {
  const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) {
    if (required && !(Array.isArray(value) && schema?.minItems === undefined)) return 'Ce champ est obligatoire.';
    return null;
  }
  if (!schema) return null;
  const scale = opts.scale ?? 1;
  if (schema.type === 'integer' && !(typeof value === 'number' && Number.isInteger(value))) return 'Saisissez un nombre entier.';
  if (schema.type === 'number' && !(typeof value === 'number' && Number.isFinite(value))) return 'Saisissez un nombre.';
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum)
      return `La valeur doit être au moins ${formatNumber(schema.minimum / scale)}.`;
    if (schema.maximum !== undefined && value > schema.maximum)
      return `La valeur doit être au plus ${formatNumber(schema.maximum / scale)}.`;
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength)
      return `Saisissez au moins ${schema.minLength} caractère${schema.minLength > 1 ? 's' : ''}.`;
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      return `Saisissez au plus ${formatNumber(schema.maxLength)} caractères (${formatNumber(value.length)} actuellement).`;
    if (schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$' || schema.format === 'date') {
      if (!calendarDate(value)) return 'Saisissez une date valide.';
    } else if (schema.pattern && !new RegExp(schema.pattern).test(value)) return opts.formatMessage ?? 'Le format ne convient pas.';
    if (schema.enum && !schema.enum.includes(value)) return 'Choisissez une valeur de la liste.';
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      return `Choisissez au moins ${schema.minItems} élément${schema.minItems > 1 ? 's' : ''}.`;
    if (schema.maxItems !== undefined && value.length > schema.maxItems) return `Choisissez au plus ${schema.maxItems} éléments.`;
    for (const item of value) {
      const problem = checkValue(schema.items, item, true);
      if (problem) return problem;
    }
  }
  return null;
}
