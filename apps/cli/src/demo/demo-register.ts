import type { PartnerCategory } from '@ancrage/partnerships';
import { REGIONS, ReviseTerritorialContext, type TerritorialFigures } from '@ancrage/territory';
import { DEMO_AGENCIES, DEMO_BASINS, DemoAgency, DemoBasin } from './demo-territory';
import { AgencyLane, day, round } from './demo-steps';

/** The partner register and the agencies were set up before the period the demo covers. */
export const REGISTER_DATE = '2015-12-01';

export interface DemoPartner {
  partnerId: string;
  name: string;
  category: PartnerCategory;
  subkind: string | null;
  scale: 'REGIONAL' | 'DEPARTMENTAL' | 'LOCAL';
}

export interface ScaledAgency extends DemoAgency {
  region: string;
  department: string;
  basinInfo: DemoBasin;
}

export interface DemoUser {
  userId: string;
  displayName: string;
  grant:
    | { role: 'admin' }
    | { role: 'auditor' }
    | { role: 'director'; national: true }
    | { role: 'director'; regions: string[] }
    | { role: 'manager'; agencies: string[] };
}

const regionLabel = (code: string) => REGIONS[code]?.name ?? code;

/** The 38 agencies, repeated `scale` times under new SAFIR codes (department + rank) for volume runs. */
export function scaledAgencies(scale: number): ScaledAgency[] {
  const basins = new Map(DEMO_BASINS.map((b) => [b.code, b]));
  const rankInDepartment = new Map<string, number>();
  const base = DEMO_AGENCIES.map((agency) => {
    const basinInfo = basins.get(agency.basin)!;
    const rank = rankInDepartment.get(basinInfo.department) ?? 0;
    rankInDepartment.set(basinInfo.department, rank + 1);
    return { agency, basinInfo, rank };
  });
  const perDepartment = 10;
  return Array.from({ length: scale }, (_, copy) =>
    base.map(({ agency, basinInfo, rank }) => ({
      ...agency,
      safir: copy === 0 ? agency.safir : `${basinInfo.department}${String(copy * perDepartment + rank + 1).padStart(3, '0')}`,
      name: copy === 0 ? agency.name : `${agency.name} (${copy + 1})`,
      region: basinInfo.region,
      department: basinInfo.department,
      basinInfo,
    })),
  ).flat();
}

/** The shared register: partners of each basin, department and region. */
export function demoPartners(): DemoPartner[] {
  const partners: DemoPartner[] = [];
  const seen = new Set<string>();
  const add = (p: DemoPartner) => {
    if (!seen.has(p.partnerId)) partners.push(p);
    seen.add(p.partnerId);
  };
  for (const b of DEMO_BASINS) {
    add({
      partnerId: `cr-${b.region}`,
      name: `Conseil régional ${regionLabel(b.region)}`,
      category: 'CONSEIL_REGIONAL',
      subkind: null,
      scale: 'REGIONAL',
    });
    add({
      partnerId: `afpa-${b.region}`,
      name: `AFPA ${regionLabel(b.region)}`,
      category: 'TRAINING_BODY',
      subkind: 'AFPA',
      scale: 'REGIONAL',
    });
    add({
      partnerId: `cd-${b.department}`,
      name: `Conseil départemental ${b.department}`,
      category: 'CONSEIL_DEPARTEMENTAL',
      subkind: null,
      scale: 'DEPARTMENTAL',
    });
    add({
      partnerId: `cap-${b.department}`,
      name: `Cap emploi ${b.department}`,
      category: 'CAP_EMPLOI',
      subkind: null,
      scale: 'DEPARTMENTAL',
    });
    add({ partnerId: `caf-${b.department}`, name: `CAF ${b.department}`, category: 'CAF', subkind: null, scale: 'DEPARTMENTAL' });
    add({ partnerId: `ml-${b.code}`, name: `Mission locale ${b.name}`, category: 'MISSION_LOCALE', subkind: null, scale: 'LOCAL' });
    add({ partnerId: `aci-${b.code}`, name: `Chantier d’insertion ${b.name}`, category: 'SIAE', subkind: 'ACI', scale: 'LOCAL' });
    add({ partnerId: `etti-${b.code}`, name: `ETTI ${b.name}`, category: 'SIAE', subkind: 'ETTI', scale: 'LOCAL' });
    add({ partnerId: `of-${b.code}`, name: `Organisme de formation ${b.name}`, category: 'TRAINING_BODY', subkind: 'OF', scale: 'LOCAL' });
    add({ partnerId: `ccas-${b.code}`, name: `CCAS ${b.name}`, category: 'CCAS', subkind: null, scale: 'LOCAL' });
    add({
      partnerId: `asso-${b.code}`,
      name: `Association de parrainage ${b.name}`,
      category: 'ASSOCIATION',
      subkind: null,
      scale: 'LOCAL',
    });
    add({ partnerId: `cci-${b.code}`, name: `CCI ${b.name}`, category: 'CHAMBER', subkind: null, scale: 'LOCAL' });
    add({ partnerId: `geiq-${b.code}`, name: `GEIQ ${b.name}`, category: 'EMPLOYER_GROUP', subkind: null, scale: 'LOCAL' });
    add({ partnerId: `cpam-${b.department}`, name: `CPAM ${b.department}`, category: 'CPAM', subkind: null, scale: 'DEPARTMENTAL' });
    add({ partnerId: `carsat-${b.region}`, name: `Carsat ${regionLabel(b.region)}`, category: 'CARSAT', subkind: null, scale: 'REGIONAL' });
    add({
      partnerId: `univ-${b.region}`,
      name: `Université (${regionLabel(b.region)})`,
      category: 'SCHOOL_UNIVERSITY',
      subkind: null,
      scale: 'REGIONAL',
    });
    add({
      partnerId: `syndicats-${b.region}`,
      name: `Partenaires sociaux (${regionLabel(b.region)})`,
      category: 'SOCIAL_PARTNER',
      subkind: null,
      scale: 'REGIONAL',
    });
    add({ partnerId: `mairie-${b.code}`, name: `Mairie ${b.name}`, category: 'MUNICIPALITY', subkind: null, scale: 'LOCAL' });
    add({ partnerId: `epci-${b.code}`, name: `Communauté d’agglomération ${b.name}`, category: 'EPCI', subkind: null, scale: 'LOCAL' });
    add({
      partnerId: `employeur-${b.code}`,
      name: `Grand employeur du bassin ${b.name}`,
      category: 'EMPLOYER',
      subkind: null,
      scale: 'LOCAL',
    });
    if (!b.figures.qpv)
      add({ partnerId: `fs-${b.code}`, name: `France services ${b.name}`, category: 'FRANCE_SERVICES', subkind: null, scale: 'LOCAL' });
    if (b.figures.unemploymentRate >= 12)
      add({ partnerId: `plie-${b.code}`, name: `PLIE ${b.name}`, category: 'PLIE', subkind: null, scale: 'LOCAL' });
    if (b.seasonal)
      add({ partnerId: `mde-${b.code}`, name: `Maison de l’emploi ${b.name}`, category: 'MAISON_EMPLOI', subkind: null, scale: 'LOCAL' });
  }
  return partners;
}

/** The register's partners an agency works with: those of its region, department and basin. */
export function partnersOf(a: ScaledAgency, all: DemoPartner[]): DemoPartner[] {
  const b = a.basinInfo;
  const ids = [
    ...['cr', 'afpa', 'carsat', 'univ', 'syndicats'].map((k) => `${k}-${b.region}`),
    ...['cd', 'cap', 'caf', 'cpam'].map((k) => `${k}-${b.department}`),
    ...['ml', 'aci', 'etti', 'of', 'ccas', 'asso', 'cci', 'geiq', 'plie', 'mde', 'mairie', 'epci', 'employeur', 'fs'].map(
      (k) => `${k}-${b.code}`,
    ),
  ];
  return all.filter((p) => ids.includes(p.partnerId));
}

/** One demo user per role, plus a manager per agency and a director per region (they record the history). */
export function demoUsers(agencies: ScaledAgency[]): DemoUser[] {
  const regions = [...new Set(agencies.map((a) => a.region))].sort();
  return [
    { userId: 'demo-admin', displayName: 'Administratrice (démo)', grant: { role: 'admin' } },
    { userId: 'demo-auditor', displayName: 'Auditeur (démo)', grant: { role: 'auditor' } },
    { userId: 'demo-director-national', displayName: 'Direction générale (démo)', grant: { role: 'director', national: true } },
    ...regions.map((r) => ({
      userId: `director-${r}`,
      displayName: `Direction régionale ${regionLabel(r)}`,
      grant: { role: 'director' as const, regions: [r] },
    })),
    ...agencies.map((a) => ({
      userId: `manager-${a.safir}`,
      displayName: `Direction d’agence ${a.name}`,
      grant: { role: 'manager' as const, agencies: [a.safir] },
    })),
  ];
}

/**
 * The basin's figures for the year (unemployment easing a little each year, with noise), as the
 * agency records them; the diagnostic quotes the same figures.
 */
export function territorialContextYear(a: ScaledAgency, year: number, lane: AgencyLane): TerritorialFigures {
  const { at, random, manager } = lane;
  const drift = (year - 2016) * -0.4;
  const f = a.basinInfo.figures;
  const figures = {
    ...f,
    unemploymentRate: round(f.unemploymentRate + drift + (random() - 0.5) * 0.4),
    rsaShare: round(f.rsaShare + (random() - 0.5) * 0.4),
  };
  at(
    day(year, 1, 10),
    manager,
    (ctx) => new ReviseTerritorialContext(a.safir, `${year}-01-01`, figures, `INSEE, taux de chômage localisés T4 ${year - 1}`, ctx),
  );
  return figures;
}
