import { ChangePathway } from '@ancrage/pathways';
import type { PathwayMeasure, ServiceOffer } from '@ancrage/shared-kernel';
import type { ScaledAgency } from './demo-register';
import type { DemoStep } from './demo-steps';

interface DemoPathway {
  safir: string;
  pathwayId: string;
  name: string;
  publics: string[];
  /** Partner ids, with `{basin}` for the agency's basin code. */
  partners: string[];
  services: ServiceOffer[];
  yearlyReachTarget: number;
  employmentRateTarget: number;
  openedOn: string;
  /** Cohorts: [start day, entries, exits and in work at the end, in training at the end]. */
  cohorts: [string, number, number, number, number][];
  /** Months from a cohort's start to its outcomes. */
  lengthMonths: number;
  /** The actions of each year's plan the pathway measures (its first one is the action it serves). */
  planActions?: PathwayPlanAction[];
}

export interface PathwayPlanAction {
  actionId: string;
  title: string;
  measure: PathwayMeasure;
  indicator: { name: string; unit: string; target: number };
}

/**
 * The study's pathways. Encadré 3: a four-month « parcours senior » for groups of 12 to 15,
 * aiming at 60 people a year and 60% back in work. Encadré 5: the pathway built with the Mission
 * locale for young people far from work. Encadré 7: a pathway for newly arrived migrants with
 * French courses and a work-integration site.
 */
const PATHWAYS: DemoPathway[] = [
  {
    safir: '62002',
    pathwayId: 'parcours-senior',
    name: 'Parcours senior',
    publics: ['seniors'],
    partners: [],
    services: ['ACCOMPAGNEMENT_RENFORCE', 'INFORMATION_COLLECTIVE', 'PMSMP'],
    yearlyReachTarget: 60,
    employmentRateTarget: 0.6,
    openedOn: '2016-09-01',
    lengthMonths: 4,
    // Encadré 3's two figures, each the indicator of an action of the agency's plan.
    planActions: [
      {
        actionId: 'a-parcours-senior',
        title: 'Parcours senior : toucher 60 personnes par an',
        measure: 'REACH',
        indicator: { name: 'seniors entrés dans le parcours', unit: 'personnes', target: 60 },
      },
      {
        actionId: 'a-parcours-senior-emploi',
        title: 'Parcours senior : 60 % de retour à l’emploi',
        measure: 'EMPLOYMENT_RATE',
        indicator: { name: 'sortants du parcours en emploi', unit: '%', target: 60 },
      },
    ],
    cohorts: [
      ['2016-09-12', 12, 12, 6, 1],
      ['2017-01-09', 14, 13, 8, 2],
      ['2017-05-15', 15, 15, 9, 1],
      ['2017-09-11', 13, 12, 8, 1],
      ['2018-01-08', 15, 14, 9, 2],
      ['2018-05-14', 14, 14, 8, 3],
      ['2018-09-10', 15, 13, 8, 1],
    ],
  },
  {
    safir: '62001',
    pathwayId: 'parcours-jeunes-mission-locale',
    name: 'Parcours d’insertion construit avec la Mission locale',
    publics: ['jeunes'],
    partners: ['ml-{basin}'],
    services: ['ACCOMPAGNEMENT_INTENSIF_JEUNES', 'PMSMP', 'AIF'],
    yearlyReachTarget: 40,
    employmentRateTarget: 0.5,
    openedOn: '2017-02-01',
    lengthMonths: 6,
    cohorts: [
      ['2017-02-06', 18, 16, 7, 5],
      ['2017-09-04', 20, 18, 9, 5],
      ['2018-02-05', 22, 19, 10, 6],
    ],
  },
  {
    safir: '93001',
    pathwayId: 'parcours-primo-arrivants',
    name: 'Parcours des personnes nouvellement arrivées : français, CV, numérique, insertion',
    publics: ['demandeurs-emploi'],
    partners: ['asso-{basin}', 'aci-{basin}'],
    services: ['ACCOMPAGNEMENT_RENFORCE', 'AIF', 'PMSMP'],
    yearlyReachTarget: 50,
    employmentRateTarget: 0.4,
    openedOn: '2016-10-03',
    lengthMonths: 6,
    cohorts: [
      ['2016-10-10', 24, 22, 7, 6],
      ['2017-04-03', 25, 23, 9, 6],
      ['2017-10-02', 26, 24, 10, 7],
      ['2018-04-09', 25, 22, 10, 5],
    ],
  },
];

/**
 * The plan actions a pathway of the agency measures in a year's plan (drafted in March: from the
 * year after it opened), with the people its cohorts of the year take in.
 */
export function pathwayPlanActions(safir: string, year: number) {
  return PATHWAYS.filter((p) => p.safir === safir && p.openedOn < `${year}-03-01`).flatMap((p) =>
    (p.planActions ?? []).map((action) => ({
      ...action,
      pathwayId: p.pathwayId,
      reach: p.cohorts.filter(([startedOn]) => startedOn.startsWith(`${year}-`)).reduce((sum, [, entries]) => sum + entries, 0),
    })),
  );
}

const addMonths = (day: string, months: number) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/** The pathways' steps, for the agencies the demo has; outcomes are recorded halfway and at the end of each cohort, a week later. */
export function demoPathways(agencies: ScaledAgency[]): DemoStep[] {
  const bySafir = new Map(agencies.map((a) => [a.safir, a]));
  return PATHWAYS.filter((p) => bySafir.has(p.safir)).flatMap((p) => {
    const a = bySafir.get(p.safir)!;
    const step = (date: string, build: DemoStep['build']): DemoStep => ({
      date,
      lane: `${p.safir}-${p.pathwayId}`,
      actor: { id: `manager-${p.safir}`, role: 'manager' },
      build,
    });
    const open = step(
      p.openedOn,
      (ctx) =>
        new ChangePathway(
          p.safir,
          p.pathwayId,
          {
            kind: 'open',
            name: p.name,
            publics: p.publics,
            partnerIds: p.partners.map((id) => id.replace('{basin}', a.basinInfo.code)),
            services: p.services,
            yearlyReachTarget: p.yearlyReachTarget,
            employmentRateTarget: p.employmentRateTarget,
            planActionId: p.planActions?.[0].actionId ?? null,
            openedOn: p.openedOn,
          },
          ctx,
        ),
    );
    const cohorts = p.cohorts.flatMap(([startedOn, entries, exits, employment, training]) => {
      const cohortId = startedOn.slice(0, 7);
      const halfway = addMonths(startedOn, Math.floor(p.lengthMonths / 2));
      const end = addMonths(startedOn, p.lengthMonths);
      const record = (on: string, share: number) =>
        step(
          new Date(Date.parse(on) + 7 * 86_400_000).toISOString().slice(0, 10),
          (ctx) =>
            new ChangePathway(
              p.safir,
              p.pathwayId,
              {
                kind: 'record-outcomes',
                cohortId,
                on,
                exits: Math.round(exits * share),
                // Rounded down, so people in work and in training never exceed the exits.
                employment: Math.floor(employment * share),
                training: Math.floor(training * share),
              },
              ctx,
            ),
        );
      return [
        step(startedOn, (ctx) => new ChangePathway(p.safir, p.pathwayId, { kind: 'start-cohort', cohortId, entries, startedOn }, ctx)),
        record(halfway, 0.4),
        record(end, 1),
      ];
    });
    return [open, ...cohorts];
  });
}
