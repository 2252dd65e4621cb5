import { REGIONS } from './geography';

/** French labels of the territory's codes: one source for the exports and the page's catalogue. */
export const CONTEXT_CLASS_FR: Readonly<Record<string, string>> = {
  FAVOURABLE: 'Favorable',
  INTERMEDIATE: 'Intermédiaire',
  DIFFICULT: 'Difficile',
};

export const BASIN_ERROR_FR: Readonly<Record<string, string>> = {
  BASIN_EXISTS: 'Ce bassin d’emploi est déjà enregistré.',
  BASIN_NOT_FOUND: 'Ce bassin d’emploi n’est pas enregistré : un administrateur l’enregistre d’abord (Territoire, « Un bassin »).',
  UNKNOWN_DEPARTMENT: 'Département inconnu du Code officiel géographique.',
  BASIN_OUTSIDE_REGION: 'Aucun des départements indiqués n’est dans la région du code de ce bassin.',
  AGENCY_NOT_IN_BASIN: 'Cette agence n’est pas dans ce bassin d’emploi.',
};

/** A view's scope in words: "Hauts-de-France", or "France entière" for the country. */
export function scopeName(region: string | null | undefined): string {
  return region ? (REGIONS[region]?.name ?? `région ${region}`) : 'France entière';
}
