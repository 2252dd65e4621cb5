import { shareOf } from '@ancrage/shared-kernel';
import type { Table } from '@ancrage/spreadsheets';
import type { FundEnvelopeRow } from './fund.entities';
import { forecast } from './fund-report';

export interface RollupLine {
  safir: string | null;
  region: string | null;
  envelopeCents: number;
  committedCents: number;
  paidCents: number;
  remainingCents: number;
  consumptionRate: number;
  mobilityCents: number;
  mobilityShare: number;
  mobilityLeavingBasinCents: number;
  mobilityLeavingBasinShare: number;
  authorisedOverCents: number;
  agencies: number;
  /** Agency lines only: the forecast of fund-report.ts at the reference date. */
  projectedExhaustionDate: string | null;
  exhaustedBeforeYearEnd: boolean;
}

const ratio = (a: number, b: number) => shareOf(a, b) ?? 0;

function line(safir: string | null, region: string | null, rows: FundEnvelopeRow[], reference: Date | null = null): RollupLine {
  const sum = (f: (r: FundEnvelopeRow) => number) => rows.reduce((t, r) => t + f(r), 0);
  const envelope = sum((r) => r.envelopeCents);
  const committed = sum((r) => r.committedCents);
  const mobility = sum((r) => r.mobilityCents);
  const leaving = sum((r) => r.mobilityLeavingBasinCents);
  return {
    safir,
    region,
    envelopeCents: envelope,
    committedCents: committed,
    paidCents: sum((r) => r.paidCents),
    remainingCents: envelope - committed,
    consumptionRate: ratio(committed, envelope),
    mobilityCents: mobility,
    mobilityShare: ratio(mobility, committed),
    mobilityLeavingBasinCents: leaving,
    mobilityLeavingBasinShare: ratio(leaving, committed),
    authorisedOverCents: sum((r) => r.authorisedOverCents),
    agencies: rows.length,
    ...exhaustion(rows, reference),
  };
}

/** The exhaustion forecast of one agency's envelope; region and total lines have none. */
function exhaustion(
  rows: FundEnvelopeRow[],
  reference: Date | null,
): Pick<RollupLine, 'projectedExhaustionDate' | 'exhaustedBeforeYearEnd'> {
  if (!reference || rows.length !== 1) return { projectedExhaustionDate: null, exhaustedBeforeYearEnd: false };
  const f = forecast(rows[0], reference);
  return { projectedExhaustionDate: f.projectedExhaustionDate, exhaustedBeforeYearEnd: f.exhaustedBeforeYearEnd };
}

/** Per agency, per region and overall: shares are of committed money; agencies carry their forecast at `reference`. */
export function rollup(year: number, region: string | null, rows: FundEnvelopeRow[], reference: Date) {
  const regions = [...new Set(rows.map((r) => r.region))].sort();
  return {
    year,
    scope: region ? { region } : { national: true },
    total: line(null, region, rows),
    regions: regions.map((code) =>
      line(
        null,
        code,
        rows.filter((r) => r.region === code),
      ),
    ),
    agencies: rows.map((r) => line(r.safir, r.region, [r], reference)),
  };
}

export type RollupExportLine = RollupLine & { year: number; level: 'AGENCY' | 'REGION' | 'TOTAL' };

const LEVELS: Readonly<Record<string, string>> = { AGENCY: 'Agence', REGION: 'Région', TOTAL: 'Total' };

/** The roll-up as one table to export: agencies, then regions, then the total, with French headers. */
export function rollupTable(report: ReturnType<typeof rollup>, scope: string): Table<RollupExportLine> {
  const at = (level: RollupExportLine['level']) => (l: RollupLine) => ({ year: report.year, level, ...l });
  return {
    sheet: `Fonds 5 % ${report.year}`,
    title: `Consommation du fonds local (5 %) ${report.year} — ${scope}`,
    columns: [
      { key: 'year', header: 'Année', kind: 'integer' },
      { key: 'level', header: 'Niveau', kind: 'code', labels: LEVELS },
      { key: 'region', header: 'Région (code INSEE)', kind: 'text' },
      { key: 'safir', header: 'Agence (code SAFIR)', kind: 'text' },
      { key: 'envelopeCents', header: 'Enveloppe (€)', kind: 'cents' },
      { key: 'committedCents', header: 'Engagé (€)', kind: 'cents' },
      { key: 'paidCents', header: 'Payé (€)', kind: 'cents' },
      { key: 'remainingCents', header: 'Reste à engager (€)', kind: 'cents' },
      { key: 'consumptionRate', header: 'Taux de consommation (%)', kind: 'rate' },
      { key: 'mobilityCents', header: 'Aides à la mobilité (€)', kind: 'cents' },
      { key: 'mobilityShare', header: 'Part des aides à la mobilité (%)', kind: 'rate' },
      { key: 'mobilityLeavingBasinCents', header: 'Mobilité hors du bassin (€)', kind: 'cents' },
      { key: 'mobilityLeavingBasinShare', header: 'Part de la mobilité hors du bassin (%)', kind: 'rate' },
      { key: 'authorisedOverCents', header: 'Dépassement autorisé (€)', kind: 'cents' },
      { key: 'agencies', header: 'Agences', kind: 'integer' },
      { key: 'projectedExhaustionDate', header: 'Épuisement prévu le', kind: 'date' },
      { key: 'exhaustedBeforeYearEnd', header: 'Épuisée avant la fin de l’année', kind: 'boolean' },
    ],
    rows: [...report.agencies.map(at('AGENCY')), ...report.regions.map(at('REGION')), at('TOTAL')(report.total)],
  };
}
