/** INSEE COG 2016+ regions and their departments: what an agency's address is checked against. */
export const REGIONS: Record<string, { name: string; departments: string[] }> = {
  '01': { name: 'Guadeloupe', departments: ['971'] },
  '02': { name: 'Martinique', departments: ['972'] },
  '03': { name: 'Guyane', departments: ['973'] },
  '04': { name: 'La Réunion', departments: ['974'] },
  '06': { name: 'Mayotte', departments: ['976'] },
  '11': { name: 'Île-de-France', departments: ['75', '77', '78', '91', '92', '93', '94', '95'] },
  '24': { name: 'Centre-Val de Loire', departments: ['18', '28', '36', '37', '41', '45'] },
  '27': { name: 'Bourgogne-Franche-Comté', departments: ['21', '25', '39', '58', '70', '71', '89', '90'] },
  '28': { name: 'Normandie', departments: ['14', '27', '50', '61', '76'] },
  '32': { name: 'Hauts-de-France', departments: ['02', '59', '60', '62', '80'] },
  '44': { name: 'Grand Est', departments: ['08', '10', '51', '52', '54', '55', '57', '67', '68', '88'] },
  '52': { name: 'Pays de la Loire', departments: ['44', '49', '53', '72', '85'] },
  '53': { name: 'Bretagne', departments: ['22', '29', '35', '56'] },
  '75': { name: 'Nouvelle-Aquitaine', departments: ['16', '17', '19', '23', '24', '33', '40', '47', '64', '79', '86', '87'] },
  '76': { name: 'Occitanie', departments: ['09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82'] },
  '84': { name: 'Auvergne-Rhône-Alpes', departments: ['01', '03', '07', '15', '26', '38', '42', '43', '63', '69', '73', '74'] },
  '93': { name: "Provence-Alpes-Côte d'Azur", departments: ['04', '05', '06', '13', '83', '84'] },
  '94': { name: 'Corse', departments: ['2A', '2B'] },
};

export const REGION_CODES = Object.keys(REGIONS);

export function regionOfDepartment(department: string): string | null {
  return Object.entries(REGIONS).find(([, r]) => r.departments.includes(department))?.[0] ?? null;
}

/**
 * Zones d'emploi 2020 are coded on 4 characters whose first two are the region's code
 * (overseas: 01 to 06), e.g. 1109 or 8416.
 */
export function basinMatchesRegion(basin: string, region: string): boolean {
  return /^\d{4}$/.test(basin) && basin.slice(0, 2) === region;
}
