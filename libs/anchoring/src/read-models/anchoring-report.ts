import type { Table } from '@ancrage/spreadsheets';
import { CONTEXT_CLASS_FR } from '@ancrage/territory';
import { CONFIGURATION_SHORT_FR } from '../domain/labels.fr';
import { AnchoringIndicators, CONFIGURATIONS, Placement, placeAgency } from '../domain/anchoring-profile';
import type { AnchoringAgencyRow, AnchoringJointEventRow, AnchoringStrongRow, AnchoringYearFigures } from './anchoring.entities';
import { spansHold } from './strong-spans';

export interface AnchoringFacts {
  agencies: AnchoringAgencyRow[];
  /** Each agency's strong priority partnerships, as spans of days. */
  strong: AnchoringStrongRow[];
  jointEvents: AnchoringJointEventRow[];
  years: AnchoringYearFigures[];
}

export interface AgencyPlacement extends Placement {
  safir: string;
  name: string;
  region: string;
  employmentBasin: string;
  year: number;
  referenceDate: string;
  indicators: AnchoringIndicators;
}

/** The indicators of one agency-year from its facts, counted as they stood on the reference date. */
export function indicatorsOf(safir: string, year: number, referenceDate: string, facts: AnchoringFacts): AnchoringIndicators {
  const y = facts.years.find((r) => r.safir === safir && r.year === year);
  const total = y?.netCommittedCents ?? 0;
  const targeted = y?.targetedNetCents ?? 0;
  const spans = Object.values(facts.strong.find((r) => r.safir === safir)?.spans ?? {});
  return {
    jointEventsInitiated: facts.jointEvents.filter(
      (j) => j.safir === safir && j.held && j.date.startsWith(String(year)) && j.date <= referenceDate,
    ).length,
    strongPriorityPartnerships: spans.filter((s) => spansHold(s, referenceDate)).length,
    diagnosticCoConstructed: y?.diagnosticCoConstructed ?? false,
    specificOrInnovativeFundShare: total > 0 ? targeted / total : 0,
    employerProspectingActions: y?.prospectingActionsKept ?? 0,
    instanceAttendanceShare: y?.instanceMeetings ? y.instanceMeetingsAttended / y.instanceMeetings : 0,
  };
}

/** Rows grouped by agency, once, so each agency reads only its own. */
function bySafir<R extends { safir: string }>(rows: R[]): Map<string, R[]> {
  const by = new Map<string, R[]>();
  for (const r of rows) {
    const list = by.get(r.safir);
    if (list) list.push(r);
    else by.set(r.safir, [r]);
  }
  return by;
}

/** Places every agency of the facts for a year; the context is the last revision in force on the reference date. */
export function anchoringReport(year: number, referenceDate: string, facts: AnchoringFacts) {
  const strong = bySafir(facts.strong);
  const jointEvents = bySafir(facts.jointEvents);
  const years = bySafir(facts.years);
  const own = (safir: string): AnchoringFacts => ({
    agencies: [],
    strong: strong.get(safir) ?? [],
    jointEvents: jointEvents.get(safir) ?? [],
    years: years.get(safir) ?? [],
  });
  const placements: AgencyPlacement[] = facts.agencies
    .map((a) => {
      const indicators = indicatorsOf(a.safir, year, referenceDate, own(a.safir));
      const context = a.contexts.filter((c) => c.effectiveDate <= referenceDate).at(-1)?.class ?? null;
      return {
        safir: a.safir,
        name: a.name,
        region: a.region,
        employmentBasin: a.employmentBasin,
        year,
        referenceDate,
        indicators,
        ...placeAgency(context, indicators),
      };
    })
    .sort((a, b) => a.safir.localeCompare(b.safir));
  const byConfiguration = Object.fromEntries(CONFIGURATIONS.map((c) => [c, placements.filter((p) => p.configuration === c).length]));
  return { year, referenceDate, byConfiguration, unplaced: placements.filter((p) => p.configuration === null).length, placements };
}

export type AnchoringExportLine = Omit<AgencyPlacement, 'rule' | 'indicators'> & AnchoringIndicators;

/** The placements as a table to export: one line per agency, its indicators beside its configuration. */
export function anchoringTable(placements: Omit<AgencyPlacement, 'rule'>[], year: number, scope: string): Table<AnchoringExportLine> {
  return {
    sheet: `Profils d’ancrage ${year}`,
    title: `Profils d’ancrage des agences ${year} (graphique 4) — ${scope}`,
    columns: [
      { key: 'safir', header: 'Agence (code SAFIR)', kind: 'text' },
      { key: 'name', header: 'Agence', kind: 'text' },
      { key: 'region', header: 'Région (code INSEE)', kind: 'text' },
      { key: 'year', header: 'Année', kind: 'integer' },
      { key: 'referenceDate', header: 'Date de référence', kind: 'date' },
      { key: 'configuration', header: 'Configuration', kind: 'code', labels: CONFIGURATION_SHORT_FR },
      { key: 'context', header: 'Contexte', kind: 'code', labels: CONTEXT_CLASS_FR },
      { key: 'proactivityScore', header: 'Score de proactivité (sur 6)', kind: 'integer' },
      { key: 'jointEventsInitiated', header: 'Actions communes réalisées', kind: 'integer' },
      { key: 'strongPriorityPartnerships', header: 'Partenariats prioritaires solides', kind: 'integer' },
      { key: 'diagnosticCoConstructed', header: 'Diagnostic co-construit', kind: 'boolean' },
      { key: 'specificOrInnovativeFundShare', header: 'Part du 5 % sur publics spécifiques ou projets innovants (%)', kind: 'rate' },
      { key: 'employerProspectingActions', header: 'Actions de prospection des employeurs', kind: 'integer' },
      { key: 'instanceAttendanceShare', header: 'Présence aux réunions des instances partenariales (%)', kind: 'rate' },
    ],
    rows: placements.map(({ indicators, ...p }) => ({ ...p, ...indicators })),
  };
}
