import type { AreaType, TerritorialFigures } from '@ancrage/territory';

/**
 * The demo territory: 15 employment basins in 7 regions and 38 agencies, with contrasted contexts
 * drawn from the study (a seasonal coastal basin whose 5% goes to mobility early, a former mining
 * basin with 14% unemployment and many RSA claimants, large favourable metropolitan agencies,
 * rural basins with few partners). Figures are 2016 values; the generator moves them each year.
 */
export interface DemoBasin {
  code: string;
  name: string;
  region: string;
  department: string;
  figures: TerritorialFigures;
  seasonal: boolean;
  /** Share of the basin's jobseekers on the RSA in 2016, where the study quotes it (encadré 16: « forte et en hausse », 26%). */
  jobseekersOnRsa?: { share2016: number; yearlyRise: number };
}

export interface DemoAgency {
  safir: string;
  name: string;
  basin: string;
  areaType: AreaType;
  /** How proactive the team is with partners (0 to 1): drives joint events, circles, 5% use. */
  proactivity: number;
  /** Yearly 5% envelope in euros. */
  envelopeEuros: number;
}

const f = (
  unemploymentRate: number,
  longTermUnemploymentShare: number,
  seasonalJobShare: number,
  rsaShare: number,
  qpv: boolean,
): TerritorialFigures => ({
  unemploymentRate,
  longTermUnemploymentShare,
  seasonalJobShare,
  rsaShare,
  qpv,
});

export const DEMO_BASINS: DemoBasin[] = [
  { code: '1109', name: 'Paris', region: '11', department: '75', figures: f(7.1, 40, 2, 5, true), seasonal: false },
  { code: '1105', name: 'Saint-Denis', region: '11', department: '93', figures: f(12.6, 47, 2, 11, true), seasonal: false },
  { code: '3209', name: 'Lille', region: '32', department: '59', figures: f(9.1, 44, 3, 8, true), seasonal: false },
  {
    code: '3203',
    name: 'Lens – Hénin',
    region: '32',
    department: '62',
    figures: f(14.0, 52, 3, 12, true),
    seasonal: false,
    jobseekersOnRsa: { share2016: 23, yearlyRise: 1.5 },
  },
  { code: '3213', name: 'Berck – Montreuil', region: '32', department: '62', figures: f(9.6, 42, 21, 6, false), seasonal: true },
  { code: '8416', name: 'Lyon', region: '84', department: '69', figures: f(7.4, 38, 3, 5, false), seasonal: false },
  { code: '8410', name: 'Tarentaise', region: '84', department: '73', figures: f(8.8, 36, 28, 4, false), seasonal: true },
  { code: '8402', name: 'Aurillac', region: '84', department: '15', figures: f(8.7, 46, 10, 6, false), seasonal: false },
  { code: '9305', name: 'Nice', region: '93', department: '06', figures: f(8.1, 42, 19, 6, false), seasonal: true },
  { code: '9310', name: 'Marseille', region: '93', department: '13', figures: f(13.1, 49, 4, 12, true), seasonal: false },
  { code: '7614', name: 'Toulouse', region: '76', department: '31', figures: f(8.3, 41, 5, 6, true), seasonal: false },
  { code: '7606', name: 'Perpignan', region: '76', department: '66', figures: f(14.5, 48, 22, 11, true), seasonal: true },
  { code: '5310', name: 'Rennes', region: '53', department: '35', figures: f(6.6, 35, 4, 4, false), seasonal: false },
  { code: '5304', name: 'Guingamp', region: '53', department: '22', figures: f(8.9, 45, 8, 7, false), seasonal: false },
  { code: '4412', name: 'Charleville-Mézières', region: '44', department: '08', figures: f(12.2, 50, 4, 9, false), seasonal: false },
];

const a = (safir: string, name: string, basin: string, areaType: AreaType, proactivity: number, envelopeEuros: number): DemoAgency => ({
  safir,
  name,
  basin,
  areaType,
  proactivity,
  envelopeEuros,
});

export const DEMO_AGENCIES: DemoAgency[] = [
  a('75001', 'Paris 15e Vaugirard', '1109', 'URBAN', 0.85, 120_000),
  a('75002', 'Paris 11e Belleville', '1109', 'URBAN', 0.3, 110_000),
  a('75003', 'Paris 19e Flandre', '1109', 'URBAN', 0.55, 100_000),
  a('93001', 'Saint-Denis Porte de Paris', '1105', 'URBAN', 0.45, 130_000),
  a('93002', 'Aubervilliers', '1105', 'URBAN', 0.25, 115_000),
  a('93003', 'Bobigny', '1105', 'URBAN', 0.35, 105_000),
  a('59001', 'Lille Gambetta', '3209', 'URBAN', 0.8, 95_000),
  a('59002', 'Roubaix', '3209', 'URBAN', 0.35, 90_000),
  a('59003', 'Villeneuve-d’Ascq', '3209', 'PERI_URBAN', 0.6, 70_000),
  a('62001', 'Berck-sur-Mer', '3213', 'RURAL', 0.3, 55_000),
  a('62002', 'Montreuil-sur-Mer', '3213', 'RURAL', 0.75, 45_000),
  a('62003', 'Lens', '3203', 'URBAN', 0.4, 90_000),
  a('62004', 'Hénin-Beaumont', '3203', 'PERI_URBAN', 0.3, 80_000),
  a('62005', 'Liévin', '3203', 'PERI_URBAN', 0.35, 75_000),
  a('69001', 'Lyon Part-Dieu', '8416', 'URBAN', 0.4, 120_000),
  a('69002', 'Lyon Gerland', '8416', 'URBAN', 0.85, 100_000),
  a('69003', 'Villeurbanne', '8416', 'URBAN', 0.5, 95_000),
  a('73001', 'Moûtiers', '8410', 'RURAL', 0.3, 50_000),
  a('73002', 'Bourg-Saint-Maurice', '8410', 'RURAL', 0.7, 45_000),
  a('15001', 'Aurillac', '8402', 'RURAL', 0.35, 50_000),
  a('15002', 'Saint-Flour', '8402', 'RURAL', 0.25, 40_000),
  a('06001', 'Nice Centre', '9305', 'URBAN', 0.8, 100_000),
  a('06002', 'Cannes', '9305', 'URBAN', 0.35, 85_000),
  a('06003', 'Menton', '9305', 'PERI_URBAN', 0.55, 55_000),
  a('13001', 'Marseille Belsunce', '9310', 'URBAN', 0.45, 130_000),
  a('13002', 'Marseille Saint-Antoine', '9310', 'URBAN', 0.3, 115_000),
  a('13003', 'Marseille La Valentine', '9310', 'URBAN', 0.4, 105_000),
  a('31001', 'Toulouse Compans', '7614', 'URBAN', 0.9, 110_000),
  a('31002', 'Toulouse Mirail', '7614', 'URBAN', 0.4, 105_000),
  a('31003', 'Blagnac', '7614', 'PERI_URBAN', 0.3, 75_000),
  a('66001', 'Perpignan Polygone', '7606', 'URBAN', 0.35, 95_000),
  a('66002', 'Argelès-sur-Mer', '7606', 'RURAL', 0.5, 50_000),
  a('35001', 'Rennes Sud', '5310', 'URBAN', 0.8, 90_000),
  a('35002', 'Rennes Nord', '5310', 'URBAN', 0.35, 85_000),
  a('22001', 'Guingamp', '5304', 'RURAL', 0.7, 45_000),
  a('22002', 'Lannion', '5304', 'RURAL', 0.3, 50_000),
  a('08001', 'Charleville-Mézières', '4412', 'URBAN', 0.4, 80_000),
  a('08002', 'Sedan', '4412', 'PERI_URBAN', 0.3, 60_000),
];

/** The agency whose 5% is consumed early by mobility aids (the study's encadré 15). */
export const EARLY_MOBILITY_AGENCY = '62001';

export const DEMO_YEARS = [2016, 2017, 2018] as const;
