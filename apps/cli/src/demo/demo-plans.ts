import { type ActionPlanChange, ChangeActionPlan, type Lever } from '@ancrage/action-plans';
import { ChangeDiagnostic } from '@ancrage/diagnostics';
import type { TerritorialFigures } from '@ancrage/territory';
import type { ScaledAgency } from './demo-register';
import { AgencyLane, day, round } from './demo-steps';
import { pathwayPlanActions } from './demo-pathways';

/** What an agency calls the action it runs on each lever (the demo's plans are written in French). */
const ACTION_TITLES: Record<Lever, string> = {
  INTERNAL_MOBILISATION: 'Mobiliser les conseillers autour du plan d’action',
  PARTNER_CO_CONSTRUCTION: 'Associer les partenaires au suivi du plan',
  COMBINING_SERVICE_OFFER_SEGMENTS: 'Parcours combinant accompagnement et formation',
  INTENSIVE_SUPPORT: 'Accompagnement intensif des demandeurs de longue durée',
  TRAINING: 'Formations préalables au recrutement (AFPR, POE)',
  EMPLOYER_PROSPECTING_AND_PROFILE_PROMOTION: 'Prospection des entreprises et promotion de profils',
  SPECIFIC_INITIATIVES_FUNDED_BY_5_PERCENT: 'Aides à la mobilité financées sur le « 5 % »',
  COMMUNICATION_TO_EMPLOYERS_AND_PARTNERS: 'Lettre d’information aux entreprises et aux partenaires',
  MANAGER_PROACTIVITY: 'Rencontres de la direction avec les élus et les partenaires',
  JOB_SEEKER_EMPLOYER_ADVISER_SYNERGY: 'Binômes de conseillers demandeurs d’emploi et entreprises',
  OPEN_PREMISES: 'Agence ouverte aux partenaires et aux employeurs',
};

const PROACTIVE_LEVERS: Lever[] = [
  'EMPLOYER_PROSPECTING_AND_PROFILE_PROMOTION',
  'PARTNER_CO_CONSTRUCTION',
  'SPECIFIC_INITIATIVES_FUNDED_BY_5_PERCENT',
  'COMMUNICATION_TO_EMPLOYERS_AND_PARTNERS',
];
const STANDARD_LEVERS: Lever[] = ['INTENSIVE_SUPPORT', 'TRAINING', 'COMBINING_SERVICE_OFFER_SEGMENTS', 'INTERNAL_MOBILISATION'];

export interface DemoFinding {
  findingId: string;
  kind: 'NEED' | 'RISK' | 'ASSET';
  title: string;
}

/**
 * The yearly diagnostic: drafted, written, shared with partners (co-constructed by proactive
 * agencies) and published; in 2017 the least proactive agencies correct published figures.
 * Answers its findings, which the action plan's priorities answer in turn.
 */
export function diagnosticYear(a: ScaledAgency, year: number, figures: TerritorialFigures, lane: AgencyLane): DemoFinding[] {
  const { at, random, manager } = lane;
  const pro = a.proactivity;
  const proactive = pro >= 0.5;
  const f = a.basinInfo.figures;
  const onRsa = a.basinInfo.jobseekersOnRsa;
  const rsa = onRsa ? round(onRsa.share2016 + onRsa.yearlyRise * (year - 2016)) : null;
  const findings = [
    { findingId: `f${year}-mobilite`, kind: 'NEED' as const, title: 'Freins à la mobilité des demandeurs d’emploi' },
    {
      findingId: `f${year}-tension`,
      kind: 'RISK' as const,
      title: a.basinInfo.seasonal ? 'Recrutements saisonniers en tension' : 'Métiers en tension non pourvus',
    },
    { findingId: `f${year}-reseau`, kind: 'ASSET' as const, title: 'Réseau partenarial dense autour de l’insertion' },
  ];
  at(day(year, 1, 20), manager, (ctx) => new ChangeDiagnostic(a.safir, year, { kind: 'draft', safir: a.safir, year }, ctx));
  at(
    day(year, 2, 1),
    manager,
    (ctx) =>
      new ChangeDiagnostic(
        a.safir,
        year,
        {
          kind: 'revise-section',
          section: 'LABOUR_DEMAND',
          reason: null,
          text: a.basinInfo.seasonal
            ? 'Forte saisonnalité (tourisme, agriculture) : pics de recrutement avant la saison.'
            : 'Tissu de PME, besoins dans le commerce, le BTP et les services à la personne.',
          keyFigures: [{ label: 'emplois saisonniers', value: f.seasonalJobShare, unit: '%', source: 'INSEE' }],
        },
        ctx,
      ),
  );
  at(
    day(year, 2, 3),
    manager,
    (ctx) =>
      new ChangeDiagnostic(
        a.safir,
        year,
        {
          kind: 'revise-section',
          section: 'LABOUR_SUPPLY',
          reason: null,
          text: rsa
            ? 'Part élevée de demandeurs d’emploi de longue durée et peu qualifiés ; part des demandeurs d’emploi au RSA forte et en hausse.'
            : 'Part élevée de demandeurs d’emploi de longue durée et peu qualifiés.',
          keyFigures: [
            { label: 'taux de chômage', value: figures.unemploymentRate, unit: '%', source: 'INSEE' },
            { label: 'DELD', value: f.longTermUnemploymentShare, unit: '%', source: 'Pôle emploi' },
            ...(rsa ? [{ label: 'demandeurs d’emploi au RSA', value: rsa, unit: '%', source: 'Pôle emploi' }] : []),
          ],
        },
        ctx,
      ),
  );
  const involvement = random() < pro * 0.9 ? ('CO_CONSTRUCTED' as const) : random() < 0.5 ? ('SHARED' as const) : ('INFORMED' as const);
  at(
    day(year, 2, 15),
    manager,
    (ctx) =>
      new ChangeDiagnostic(
        a.safir,
        year,
        {
          kind: 'record-participation',
          internalTeams: ['équipe entreprises', 'équipe accompagnement'],
          partners: [
            { partnerId: `ml-${a.basin}`, involvement },
            { partnerId: `cd-${a.department}`, involvement: proactive ? 'SHARED' : 'INFORMED' },
          ],
        },
        ctx,
      ),
  );
  at(day(year, 2, 25), manager, (ctx) => new ChangeDiagnostic(a.safir, year, { kind: 'publish', findings }, ctx));
  if (year === 2017 && a.proactivity < 0.35) {
    // A correction: published figures revised with a reason, then published again.
    at(
      day(2017, 4, 12),
      manager,
      (ctx) =>
        new ChangeDiagnostic(
          a.safir,
          year,
          {
            kind: 'revise-section',
            section: 'LABOUR_SUPPLY',
            reason: 'taux de chômage révisé par l’INSEE',
            text: 'Part élevée de demandeurs d’emploi de longue durée et peu qualifiés (chiffres révisés).',
            keyFigures: [{ label: 'taux de chômage', value: round(figures.unemploymentRate + 0.3), unit: '%', source: 'INSEE (révisé)' }],
          },
          ctx,
        ),
    );
    at(day(2017, 4, 13), manager, (ctx) => new ChangeDiagnostic(a.safir, year, { kind: 'publish', findings }, ctx));
  }
  return findings;
}

/**
 * The action plan answering the diagnostic: proactive agencies pull more proactive levers and reach
 * their targets; the others may abandon an action. Short actions are carried over at closing.
 */
export function actionPlanYear(a: ScaledAgency, year: number, findings: DemoFinding[], lane: AgencyLane): void {
  const { at, between, pick, random, manager } = lane;
  const pro = a.proactivity;
  const proactive = pro >= 0.5;
  const levers = [...PROACTIVE_LEVERS.filter(() => random() < pro), ...STANDARD_LEVERS.filter(() => random() < 1.1 - pro)];
  if (levers.length === 0) levers.push(pick(STANDARD_LEVERS));
  at(
    day(year, 3, 5),
    manager,
    (ctx) => new ChangeActionPlan(a.safir, year, { kind: 'draft', safir: a.safir, year, diagnosticYear: year }, ctx),
  );
  at(
    day(year, 3, 6),
    manager,
    (ctx) =>
      new ChangeActionPlan(
        a.safir,
        year,
        {
          kind: 'add-priority',
          priorityId: 'p-emploi',
          title: 'Répondre aux besoins de recrutement du bassin',
          findingIds: [findings[1].findingId],
        },
        ctx,
      ),
  );
  at(
    day(year, 3, 6),
    manager,
    (ctx) =>
      new ChangeActionPlan(
        a.safir,
        year,
        {
          kind: 'add-priority',
          priorityId: 'p-freins',
          title: 'Lever les freins périphériques à l’emploi',
          findingIds: [findings[0].findingId, findings[2].findingId],
        },
        ctx,
      ),
  );
  const actions = levers.map((lever, i) => ({
    actionId: `a${i + 1}`,
    lever,
    target: between(4, 12) * 10,
    reach: proactive ? 0.85 + random() * 0.3 : 0.45 + random() * 0.45,
  }));
  for (const x of actions) {
    at(
      day(year, 3, 8),
      manager,
      (ctx) =>
        new ChangeActionPlan(
          a.safir,
          year,
          {
            kind: 'add-action',
            actionId: x.actionId,
            priorityId: x.lever === 'INTENSIVE_SUPPORT' || x.lever === 'TRAINING' ? 'p-freins' : 'p-emploi',
            title: ACTION_TITLES[x.lever],
            lever: x.lever,
            owner: 'équipe agence',
            partnerIds: [],
            startDate: day(year, 3, 15),
            dueDate: day(year, 12, 15),
            dueDateReason: null,
            indicator: { name: 'personnes concernées', unit: 'personnes', baseline: 0, target: x.target },
          },
          ctx,
        ),
    );
  }
  const measured = measuredActions(a, year, lane);
  at(day(year, 3, 20), manager, (ctx) => new ChangeActionPlan(a.safir, year, { kind: 'adopt', adoptedOn: day(year, 3, 20) }, ctx));
  const abandoned = !proactive && random() < 0.4 ? actions[actions.length - 1].actionId : null;
  for (const x of actions) {
    at(
      day(year, 4, 2),
      manager,
      (ctx) =>
        new ChangeActionPlan(a.safir, year, { kind: 'change-status', actionId: x.actionId, status: 'IN_PROGRESS', reason: null }, ctx),
    );
    for (const [month, share] of [
      [5, 0.2],
      [7, 0.45],
      [9, 0.7],
      [11, 1],
    ] as const) {
      if (x.actionId === abandoned && month > 7) break;
      const on = day(year, month, 30);
      const value = Math.round(x.target * x.reach * share);
      at(
        on,
        manager,
        (ctx) => new ChangeActionPlan(a.safir, year, { kind: 'report-progress', actionId: x.actionId, value, on, comment: null }, ctx),
      );
    }
    if (x.actionId === abandoned) {
      at(
        day(year, 8, 20),
        manager,
        (ctx) =>
          new ChangeActionPlan(
            a.safir,
            year,
            { kind: 'change-status', actionId: x.actionId, status: 'ABANDONED', reason: 'partenaire financeur retiré' },
            ctx,
          ),
      );
    } else if (x.reach >= 1) {
      at(
        day(year, 12, 10),
        manager,
        (ctx) => new ChangeActionPlan(a.safir, year, { kind: 'change-status', actionId: x.actionId, status: 'DONE', reason: null }, ctx),
      );
    }
  }
  at(
    day(year, 7, 5),
    manager,
    (ctx) =>
      new ChangeActionPlan(
        a.safir,
        year,
        { kind: 'mid-year-review', reviewedOn: day(year, 7, 5), summary: 'Revue à mi-parcours avec l’équipe de direction' },
        ctx,
      ),
  );
  // Actions that fell short are carried over to next year's plan.
  const open = measured.open || actions.some((x) => x.actionId !== abandoned && x.reach < 1);
  at(
    `${year}-12-31`,
    manager,
    (ctx) =>
      new ChangeActionPlan(
        a.safir,
        year,
        { kind: 'close', closedOn: `${year}-12-31`, ...(open ? { openActions: 'CARRIED_OVER' as const } : {}) },
        ctx,
      ),
  );
  if (year === 2017 && proactive && random() < 0.4) {
    at(
      '2018-01-15',
      manager,
      (ctx) =>
        new ChangeActionPlan(
          a.safir,
          year,
          { kind: 'adjust-closed', actionId: 'a1', note: 'bilan consolidé reçu du partenaire après la clôture', value: actions[0].target },
          ctx,
        ),
    );
  }
}

/**
 * The actions a pathway measures (encadré 3's « parcours senior »): added, measured by the pathway
 * and never reported by hand. The reach is met or not by the year's cohorts; the employment rate
 * stays open at the close, since the autumn cohort leaves in the next year.
 */
function measuredActions(a: ScaledAgency, year: number, lane: AgencyLane) {
  const { at, manager } = lane;
  let open = false;
  for (const x of pathwayPlanActions(a.safir, year)) {
    const change = (date: string, c: ActionPlanChange) => at(date, manager, (ctx) => new ChangeActionPlan(a.safir, year, c, ctx));
    change(day(year, 3, 8), {
      kind: 'add-action',
      actionId: x.actionId,
      priorityId: 'p-freins',
      title: x.title,
      lever: 'INTENSIVE_SUPPORT',
      owner: 'équipe accompagnement',
      partnerIds: [],
      services: ['ACCOMPAGNEMENT_RENFORCE'],
      startDate: day(year, 1, 1),
      dueDate: day(year, 12, 15),
      dueDateReason: null,
      indicator: { ...x.indicator, baseline: 0 },
    });
    change(day(year, 3, 9), { kind: 'measure-by-pathway', actionId: x.actionId, pathwayId: x.pathwayId, measure: x.measure });
    change(day(year, 4, 2), { kind: 'change-status', actionId: x.actionId, status: 'IN_PROGRESS', reason: null });
    if (x.measure === 'REACH' && x.reach >= x.indicator.target)
      change(day(year, 12, 10), { kind: 'change-status', actionId: x.actionId, status: 'DONE', reason: null });
    else open = true;
  }
  return { open };
}
