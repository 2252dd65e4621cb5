import { REGIONS } from './geography';

/** French labels of the territory's codes: one source for the exports and the page's catalogue. */
export const CONTEXT_CLASS_FR: Readonly<Record<string, string>> = {
  FAVOURABLE: 'Favorable',
  INTERMEDIATE: 'Intermédiaire',
  DIFFICULT: 'Difficile',
};

/** A view's scope in words: "Hauts-de-France", or "France entière" for the country. */
export function scopeName(region: string | null | undefined): string {
  return region ? (REGIONS[region]?.name ?? `région ${region}`) : 'France entière';
}
