/**
 * Partner categories, their default priority circle (graphique 2 of the study) and the
 * data·inclusion v0 typology codes they map to, so partner lists can be exchanged with that ecosystem.
 */
export const CATEGORIES = {
  MISSION_LOCALE: { circle: 1, dataInclusion: ['ML'] },
  CAP_EMPLOI: { circle: 1, dataInclusion: ['CAP_EMPLOI'] },
  CONSEIL_DEPARTEMENTAL: { circle: 2, dataInclusion: ['CD', 'DEPT'] },
  SIAE: { circle: 2, dataInclusion: ['ACI', 'AI', 'EI', 'ETTI', 'EITI'] },
  CONSEIL_REGIONAL: { circle: 2, dataInclusion: ['REG'] },
  TRAINING_BODY: { circle: 2, dataInclusion: ['OF', 'AFPA', 'E2C', 'EPIDE'] },
  PLIE: { circle: 3, dataInclusion: ['PLIE'] },
  ASSOCIATION: { circle: 3, dataInclusion: ['ASSO'] },
  CCAS: { circle: 3, dataInclusion: ['CCAS'] },
  CPAM: { circle: 3, dataInclusion: ['CPAM'] },
  CAF: { circle: 3, dataInclusion: ['CAF'] },
  CARSAT: { circle: 3, dataInclusion: [] },
  MAISON_EMPLOI: { circle: 3, dataInclusion: ['MDE'] },
  MUNICIPALITY: { circle: 3, dataInclusion: ['MUNI'] },
  EPCI: { circle: 3, dataInclusion: ['EPCI'] },
  FRANCE_SERVICES: { circle: 3, dataInclusion: ['RFS', 'MSAP'] },
  CHAMBER: { circle: 3, dataInclusion: ['CCONS'] },
  SCHOOL_UNIVERSITY: { circle: 3, dataInclusion: [] },
  SOCIAL_PARTNER: { circle: 3, dataInclusion: [] },
  EMPLOYER: { circle: 3, dataInclusion: [] },
  EMPLOYER_GROUP: { circle: 3, dataInclusion: ['GEIQ'] },
} as const satisfies Record<string, { circle: 1 | 2 | 3; dataInclusion: readonly string[] }>;

export type PartnerCategory = keyof typeof CATEGORIES;
export const PARTNER_CATEGORIES = Object.keys(CATEGORIES) as PartnerCategory[];
export type Circle = 1 | 2 | 3;
export const SCALES = ['NATIONAL', 'REGIONAL', 'DEPARTMENTAL', 'LOCAL'] as const;
export type Scale = (typeof SCALES)[number];

/** The data·inclusion code for a partner: the subkind when the category has several (SIAE: ACI…). */
export function dataInclusionCode(category: PartnerCategory, subkind: string | null): string | null {
  const codes: readonly string[] = CATEGORIES[category].dataInclusion;
  if (subkind && codes.includes(subkind)) return subkind;
  return codes[0] ?? null;
}

/**
 * SIRET: 14 digits passing the Luhn check; La Poste's establishments (SIREN 356000000), too many
 * for Luhn keys, are also valid when the sum of their digits is a multiple of 5.
 */
export function validSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith('356000000') && [...siret].reduce((s, d) => s + Number(d), 0) % 5 === 0) return true;
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let d = Number(siret[13 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
