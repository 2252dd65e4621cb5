import departementsData from '@etalab/decoupage-administratif/data/departements.json';
import regionsData from '@etalab/decoupage-administratif/data/regions.json';

/**
 * The administrative geography, from the Code officiel géographique as Etalab publishes it
 * (`@etalab/decoupage-administratif`): the 18 regions of metropolitan France and the overseas
 * departments-regions, with their departments. Overseas collectivities (975, 977…) have no
 * agency of the network and are left out.
 */
interface CogEntry {
  code: string;
  nom: string;
  zone: string;
  region?: string;
}
const IN_NETWORK = (e: CogEntry) => e.zone === 'metro' || e.zone === 'drom';
const departements = (departementsData as CogEntry[]).filter(IN_NETWORK);

export const REGIONS: Record<string, { name: string; departments: string[] }> = Object.fromEntries(
  (regionsData as CogEntry[])
    .filter(IN_NETWORK)
    .map((r) => [r.code, { name: r.nom, departments: departements.filter((d) => d.region === r.code).map((d) => d.code) }]),
);

export const REGION_CODES = Object.keys(REGIONS);

/** Department codes ("62", "2A", "971") and their names. */
export const DEPARTMENTS: Record<string, { name: string; region: string }> = Object.fromEntries(
  departements.map((d) => [d.code, { name: d.nom, region: d.region! }]),
);

export function regionOfDepartment(department: string): string | null {
  return DEPARTMENTS[department]?.region ?? null;
}

/**
 * Zones d'emploi 2020 are coded on 4 characters whose first two are the region's code
 * (overseas: 01 to 06), e.g. 1109 or 8416.
 */
export const BASIN_CODE = /^\d{4}$/;
export const regionOfBasin = (basin: string): string | null =>
  BASIN_CODE.test(basin) && REGIONS[basin.slice(0, 2)] ? basin.slice(0, 2) : null;
