import type { ICommand } from '@nestjs/cqrs';
import { ChangeActionPlan, type Lever } from '../../../../libs/action-plans/src';
import { ChangeDiagnostic } from '../../../../libs/diagnostics/src';
import { AllocateEnvelope, ChangeFund, CorrectPayment, type ExpenditureCategory } from '../../../../libs/fund/src';
import { CATEGORIES, ChangePartner, ChangeJointEvent, ChangePartnership, type Circle, type JointEventKind, type PartnerCategory } from '../../../../libs/partnerships/src';
import type { CommandContext } from '../../../../libs/platform/src';
import { REGIONS, RegisterAgency, ReviseTerritorialContext } from '../../../../libs/territory/src';
import { DEMO_AGENCIES, DEMO_BASINS, DEMO_YEARS, DemoAgency, DemoBasin, EARLY_MOBILITY_AGENCY, RECRUITMENT_CAMPAIGN_AGENCY } from './demo-territory';

/** One command of the demo timeline, recorded on its date by its actor. */
export interface DemoStep {
  date: string;
  /** Steps of one lane run in order; lanes of the same date run side by side. */
  lane: string;
  actor: { id: string; role: string };
  build(context: CommandContext): ICommand;
}

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

/** mulberry32: small, fast and the same on every machine, so a seed gives the same history. */
export function seededRandom(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/** The partner register and the agencies were set up before the period the demo covers. */
export const REGISTER_DATE = '2015-12-01';

const pad = (n: number) => String(n).padStart(2, '0');
const day = (year: number, month: number, d: number) => `${year}-${pad(month)}-${pad(Math.min(d, 28))}`;
const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

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
    add({ partnerId: `cr-${b.region}`, name: `Conseil régional ${regionLabel(b.region)}`, category: 'CONSEIL_REGIONAL', subkind: null, scale: 'REGIONAL' });
    add({ partnerId: `afpa-${b.region}`, name: `AFPA ${regionLabel(b.region)}`, category: 'TRAINING_BODY', subkind: 'AFPA', scale: 'REGIONAL' });
    add({ partnerId: `cd-${b.department}`, name: `Conseil départemental ${b.department}`, category: 'CONSEIL_DEPARTEMENTAL', subkind: null, scale: 'DEPARTMENTAL' });
    add({ partnerId: `cap-${b.department}`, name: `Cap emploi ${b.department}`, category: 'CAP_EMPLOI', subkind: null, scale: 'DEPARTMENTAL' });
    add({ partnerId: `caf-${b.department}`, name: `CAF ${b.department}`, category: 'CAF', subkind: null, scale: 'DEPARTMENTAL' });
    add({ partnerId: `ml-${b.code}`, name: `Mission locale ${b.name}`, category: 'MISSION_LOCALE', subkind: null, scale: 'LOCAL' });
    add({ partnerId: `aci-${b.code}`, name: `Chantier d’insertion ${b.name}`, category: 'SIAE', subkind: 'ACI', scale: 'LOCAL' });
    add({ partnerId: `etti-${b.code}`, name: `ETTI ${b.name}`, category: 'SIAE', subkind: 'ETTI', scale: 'LOCAL' });
    add({ partnerId: `of-${b.code}`, name: `Organisme de formation ${b.name}`, category: 'TRAINING_BODY', subkind: 'OF', scale: 'LOCAL' });
    add({ partnerId: `ccas-${b.code}`, name: `CCAS ${b.name}`, category: 'CCAS', subkind: null, scale: 'LOCAL' });
    add({ partnerId: `asso-${b.code}`, name: `Association de parrainage ${b.name}`, category: 'ASSOCIATION', subkind: null, scale: 'LOCAL' });
    add({ partnerId: `cci-${b.code}`, name: `CCI ${b.name}`, category: 'CHAMBER', subkind: null, scale: 'LOCAL' });
    add({ partnerId: `geiq-${b.code}`, name: `GEIQ ${b.name}`, category: 'EMPLOYER_GROUP', subkind: null, scale: 'LOCAL' });
    add({ partnerId: `cpam-${b.department}`, name: `CPAM ${b.department}`, category: 'CPAM', subkind: null, scale: 'DEPARTMENTAL' });
    add({ partnerId: `carsat-${b.region}`, name: `Carsat ${regionLabel(b.region)}`, category: 'CARSAT', subkind: null, scale: 'REGIONAL' });
    add({ partnerId: `univ-${b.region}`, name: `Université (${regionLabel(b.region)})`, category: 'SCHOOL_UNIVERSITY', subkind: null, scale: 'REGIONAL' });
    add({ partnerId: `syndicats-${b.region}`, name: `Partenaires sociaux (${regionLabel(b.region)})`, category: 'SOCIAL_PARTNER', subkind: null, scale: 'REGIONAL' });
    add({ partnerId: `mairie-${b.code}`, name: `Mairie ${b.name}`, category: 'MUNICIPALITY', subkind: null, scale: 'LOCAL' });
    add({ partnerId: `epci-${b.code}`, name: `Communauté d’agglomération ${b.name}`, category: 'EPCI', subkind: null, scale: 'LOCAL' });
    add({ partnerId: `employeur-${b.code}`, name: `Grand employeur du bassin ${b.name}`, category: 'EMPLOYER', subkind: null, scale: 'LOCAL' });
    if (!b.figures.qpv) add({ partnerId: `fs-${b.code}`, name: `France services ${b.name}`, category: 'FRANCE_SERVICES', subkind: null, scale: 'LOCAL' });
    if (b.figures.unemploymentRate >= 12) add({ partnerId: `plie-${b.code}`, name: `PLIE ${b.name}`, category: 'PLIE', subkind: null, scale: 'LOCAL' });
    if (b.seasonal) add({ partnerId: `mde-${b.code}`, name: `Maison de l’emploi ${b.name}`, category: 'MAISON_EMPLOI', subkind: null, scale: 'LOCAL' });
  }
  return partners;
}

function partnersOf(a: ScaledAgency, all: DemoPartner[]): DemoPartner[] {
  const b = a.basinInfo;
  const ids = [
    ...['cr', 'afpa', 'carsat', 'univ', 'syndicats'].map((k) => `${k}-${b.region}`),
    ...['cd', 'cap', 'caf', 'cpam'].map((k) => `${k}-${b.department}`),
    ...['ml', 'aci', 'etti', 'of', 'ccas', 'asso', 'cci', 'geiq', 'plie', 'mde', 'mairie', 'epci', 'employeur', 'fs'].map((k) => `${k}-${b.code}`),
  ];
  return all.filter((p) => ids.includes(p.partnerId));
}

const regionLabel = (code: string) => REGIONS[code]?.name ?? code;

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

const EVENT_TITLES: Record<JointEventKind, string> = {
  FORUM: 'Forum de l’emploi',
  JOB_DATING: 'Job dating',
  SALON_PHYSICAL: 'Salon de l’emploi',
  SALON_VIRTUAL: 'Salon en ligne',
  INFORMATION_COLLECTIVE: 'Information collective',
  ATELIER: 'Atelier',
  RECRUITMENT_SESSION: 'Session de recrutement',
  MRS_SESSION: 'Session MRS',
  CO_ANIMATION: 'Atelier co-animé',
};

const CONTACT_KINDS = ['MEETING', 'PHONE', 'SPEP_INSTANCE', 'CO_ANIMATION', 'REFERRAL', 'DATA_SHARED'] as const;
const PROACTIVE_LEVERS: Lever[] = ['EMPLOYER_PROSPECTING_AND_PROFILE_PROMOTION', 'PARTNER_CO_CONSTRUCTION', 'SPECIFIC_INITIATIVES_FUNDED_BY_5_PERCENT', 'COMMUNICATION_TO_EMPLOYERS_AND_PARTNERS'];
const STANDARD_LEVERS: Lever[] = ['INTENSIVE_SUPPORT', 'TRAINING', 'COMBINING_SERVICE_OFFER_SEGMENTS', 'INTERNAL_MOBILISATION'];

export interface DemoUser {
  userId: string;
  displayName: string;
  grant: { role: 'admin' } | { role: 'auditor' } | { role: 'director'; national: true } | { role: 'director'; regions: string[] } | { role: 'manager'; agencies: string[] };
}

/** One demo user per role, plus a manager per agency and a director per region (they record the history). */
export function demoUsers(agencies: ScaledAgency[]): DemoUser[] {
  const regions = [...new Set(agencies.map((a) => a.region))].sort();
  return [
    { userId: 'demo-admin', displayName: 'Administratrice (démo)', grant: { role: 'admin' } },
    { userId: 'demo-auditor', displayName: 'Auditeur (démo)', grant: { role: 'auditor' } },
    { userId: 'demo-director-national', displayName: 'Direction générale (démo)', grant: { role: 'director', national: true } },
    ...regions.map((r) => ({ userId: `director-${r}`, displayName: `Direction régionale ${regionLabel(r)}`, grant: { role: 'director' as const, regions: [r] } })),
    ...agencies.map((a) => ({ userId: `manager-${a.safir}`, displayName: `Direction d’agence ${a.name}`, grant: { role: 'manager' as const, agencies: [a.safir] } })),
  ];
}

/**
 * The demo history as a timeline of commands, 2016 to 2018, every one through the real handlers.
 * Proactive agencies initiate more joint events, keep circle-1/2 partners under agreement, co-construct
 * their diagnostic and spend the 5% on specific and innovative actions; the others less so.
 */
export function demoHistory(options: { seed: number; scale: number }): { steps: DemoStep[]; agencies: ScaledAgency[]; partners: DemoPartner[] } {
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const agencies = scaledAgencies(options.scale);
  const partners = demoPartners();
  const steps: DemoStep[] = [];
  const admin = { id: 'demo-admin', role: 'admin' };
  const push = (date: string, lane: string, actor: DemoStep['actor'], build: DemoStep['build']) => steps.push({ date, lane, actor, build });

  for (const p of partners) {
    push(REGISTER_DATE, 'register', admin, (ctx) => new ChangePartner(p.partnerId, { kind: 'register', partnerId: p.partnerId, name: p.name, category: p.category, subkind: p.subkind, siret: null, scale: p.scale, parentPartnerId: null }, ctx));
  }

  for (const a of agencies) {
    const manager = { id: `manager-${a.safir}`, role: 'manager' };
    const director = { id: `director-${a.region}`, role: 'director' };
    const lane = a.safir;
    const pro = a.proactivity;
    const proactive = pro >= 0.5;
    const at = (date: string, actor: DemoStep['actor'], build: DemoStep['build']) => push(date, lane, actor, build);

    push(REGISTER_DATE, 'register', admin, (ctx) => new RegisterAgency({ safir: a.safir, name: a.name, region: a.region, department: a.department, employmentBasin: a.basin, areaType: a.areaType }, ctx));

    // Partnerships: circles, agreements with circle-1/2 partners (and some others), renewals in 2017-2018.
    const mine = partnersOf(a, partners);
    const circles = new Map<string, Circle>();
    for (const p of mine) {
      const byDefault = CATEGORIES[p.category].circle as Circle;
      let circle = byDefault;
      let reason: string | null = null;
      if (p.category === 'TRAINING_BODY' && p.subkind === 'OF' && !proactive) [circle, reason] = [3, 'peu d’actions communes depuis la fin du marché'];
      if (p.category === 'PLIE' || (p.category === 'CCAS' && a.basinInfo.figures.rsaShare >= 9)) [circle, reason] = [2, 'public RSA et QPV largement commun'];
      if (p.category === 'EMPLOYER_GROUP' && proactive) [circle, reason] = [2, 'partenaire clé de la prospection employeurs'];
      circles.set(p.partnerId, circle);
      at(day(2016, 1, between(11, 20)), manager, (ctx) => new ChangePartnership(a.safir, p.partnerId, { kind: 'assign-circle', circle, reason }, ctx));
      const signs = circle <= 2 ? random() < 0.55 + 0.45 * pro : random() < 0.1 + 0.4 * pro;
      if (signs) {
        const agreementId = `conv-${a.safir}-${p.partnerId}`;
        const start = day(2016, between(1, 3), between(1, 28));
        at(start, manager, (ctx) =>
          new ChangePartnership(a.safir, p.partnerId, {
            kind: 'sign', agreementId, reference: `CONV-${a.safir}-${p.partnerId.toUpperCase()}`, scale: p.scale === 'REGIONAL' ? 'REGIONAL' : 'LOCAL',
            formal: circle <= 2, objectives: circle === 1 ? ['COMPLEMENTARY_SERVICES', 'ANTICIPATION_OF_NEEDS'] : ['ACCESSIBILITY_RELAY_POINT'], startDate: start, endDate: '2017-12-31',
          }, ctx));
        if (random() < 0.5 + 0.5 * pro) {
          at(day(2017, 12, between(1, 20)), manager, (ctx) => new ChangePartnership(a.safir, p.partnerId, { kind: 'renew', agreementId, endDate: '2019-12-31' }, ctx));
        } else if (random() < 0.5) {
          at(day(2017, 6, between(1, 28)), manager, (ctx) => new ChangePartnership(a.safir, p.partnerId, { kind: 'terminate', agreementId, terminatedOn: day(2017, 6, 30), reason: 'objectifs communs non tenus' }, ctx));
        }
      }
      if (p.category === 'CONSEIL_DEPARTEMENTAL') {
        at(day(2016, 4, 5), manager, (ctx) => new ChangePartnership(a.safir, p.partnerId, { kind: 'record-expectation', expectationId: 'donnees-cles', expectation: 'SHARED_KEY_DATA', note: 'partage trimestriel des données BRSA' }, ctx));
        if (proactive) at(day(2017, 3, 10), manager, (ctx) => new ChangePartnership(a.safir, p.partnerId, { kind: 'address-expectation', expectationId: 'donnees-cles', note: 'tableau de bord partagé en place' }, ctx));
      }
    }

    for (const year of DEMO_YEARS) {
      const drift = (year - 2016) * -0.4;
      const f = a.basinInfo.figures;
      const figures = { ...f, unemploymentRate: round(f.unemploymentRate + drift + (random() - 0.5) * 0.4), rsaShare: round(f.rsaShare + (random() - 0.5) * 0.4) };
      at(day(year, 1, 10), manager, (ctx) => new ReviseTerritorialContext(a.safir, `${year}-01-01`, figures, `INSEE, taux de chômage localisés T4 ${year - 1}`, ctx));

      // Contacts and yearly quality assessments.
      for (const p of mine) {
        const circle = circles.get(p.partnerId)!;
        const contacts = (circle === 1 ? 4 : circle === 2 ? 3 : 1) + (random() < pro ? 1 : 0);
        for (let i = 0; i < contacts; i++) {
          const date = day(year, between(1, 11), between(1, 28));
          at(date, manager, (ctx) => new ChangePartnership(a.safir, p.partnerId, { kind: 'log-contact', contactKind: pick(CONTACT_KINDS), date, participants: [manager.id], note: null }, ctx));
        }
        if (circle <= 2 || random() < 0.3) {
          const score = Math.max(1, Math.min(4, Math.round(1.6 + 2 * pro + (random() - 0.5) * 1.4))) as 1 | 2 | 3 | 4;
          const assessedOn = day(year, 11, between(5, 25));
          at(assessedOn, manager, (ctx) =>
            new ChangePartnership(a.safir, p.partnerId, {
              kind: 'assess', score, assessedOn,
              criteria: { mutualKnowledge: score >= 2, namedReferents: score >= 3, jointActions: score >= 3, dataSharing: score >= 4 || random() < 0.3, communication: score >= 2 },
            }, ctx));
        }
      }

      // The yearly diagnostic.
      const findings = [
        { findingId: `f${year}-mobilite`, kind: 'NEED' as const, title: 'Freins à la mobilité des demandeurs d’emploi' },
        { findingId: `f${year}-tension`, kind: 'RISK' as const, title: a.basinInfo.seasonal ? 'Recrutements saisonniers en tension' : 'Métiers en tension non pourvus' },
        { findingId: `f${year}-reseau`, kind: 'ASSET' as const, title: 'Réseau partenarial dense autour de l’insertion' },
      ];
      at(day(year, 1, 20), manager, (ctx) => new ChangeDiagnostic(a.safir, year, { kind: 'draft', safir: a.safir, year }, ctx));
      at(day(year, 2, 1), manager, (ctx) =>
        new ChangeDiagnostic(a.safir, year, {
          kind: 'revise-section', section: 'LABOUR_DEMAND', reason: null,
          text: a.basinInfo.seasonal ? 'Forte saisonnalité (tourisme, agriculture) : pics de recrutement avant la saison.' : 'Tissu de PME, besoins dans le commerce, le BTP et les services à la personne.',
          keyFigures: [{ label: 'emplois saisonniers', value: f.seasonalJobShare, unit: '%', source: 'INSEE' }],
        }, ctx));
      at(day(year, 2, 3), manager, (ctx) =>
        new ChangeDiagnostic(a.safir, year, {
          kind: 'revise-section', section: 'LABOUR_SUPPLY', reason: null, text: 'Part élevée de demandeurs d’emploi de longue durée et peu qualifiés.',
          keyFigures: [{ label: 'taux de chômage', value: figures.unemploymentRate, unit: '%', source: 'INSEE' }, { label: 'DELD', value: f.longTermUnemploymentShare, unit: '%', source: 'Pôle emploi' }],
        }, ctx));
      const involvement = random() < pro * 0.9 ? 'CO_CONSTRUCTED' as const : random() < 0.5 ? 'SHARED' as const : 'INFORMED' as const;
      at(day(year, 2, 15), manager, (ctx) =>
        new ChangeDiagnostic(a.safir, year, {
          kind: 'record-participation', internalTeams: ['équipe entreprises', 'équipe accompagnement'],
          partners: [{ partnerId: `ml-${a.basin}`, involvement }, { partnerId: `cd-${a.department}`, involvement: proactive ? 'SHARED' : 'INFORMED' }],
        }, ctx));
      at(day(year, 2, 25), manager, (ctx) => new ChangeDiagnostic(a.safir, year, { kind: 'publish', findings }, ctx));
      if (year === 2017 && a.proactivity < 0.35) {
        // A correction: published figures revised with a reason, then published again.
        at(day(2017, 4, 12), manager, (ctx) =>
          new ChangeDiagnostic(a.safir, year, {
            kind: 'revise-section', section: 'LABOUR_SUPPLY', reason: 'taux de chômage révisé par l’INSEE', text: 'Part élevée de demandeurs d’emploi de longue durée et peu qualifiés (chiffres révisés).',
            keyFigures: [{ label: 'taux de chômage', value: round(figures.unemploymentRate + 0.3), unit: '%', source: 'INSEE (révisé)' }],
          }, ctx));
        at(day(2017, 4, 13), manager, (ctx) => new ChangeDiagnostic(a.safir, year, { kind: 'publish', findings }, ctx));
      }

      // The action plan answering it.
      const levers = [...PROACTIVE_LEVERS.filter(() => random() < pro), ...STANDARD_LEVERS.filter(() => random() < 1.1 - pro)];
      if (levers.length === 0) levers.push(pick(STANDARD_LEVERS));
      at(day(year, 3, 5), manager, (ctx) => new ChangeActionPlan(a.safir, year, { kind: 'draft', safir: a.safir, year, diagnosticYear: year }, ctx));
      at(day(year, 3, 6), manager, (ctx) => new ChangeActionPlan(a.safir, year, { kind: 'add-priority', priorityId: 'p-emploi', title: 'Répondre aux besoins de recrutement du bassin', findingIds: [findings[1].findingId] }, ctx));
      at(day(year, 3, 6), manager, (ctx) => new ChangeActionPlan(a.safir, year, { kind: 'add-priority', priorityId: 'p-freins', title: 'Lever les freins périphériques à l’emploi', findingIds: [findings[0].findingId, findings[2].findingId] }, ctx));
      const actions = levers.map((lever, i) => ({ actionId: `a${i + 1}`, lever, target: between(4, 12) * 10, reach: proactive ? 0.85 + random() * 0.3 : 0.45 + random() * 0.45 }));
      for (const x of actions) {
        at(day(year, 3, 8), manager, (ctx) =>
          new ChangeActionPlan(a.safir, year, {
            kind: 'add-action', actionId: x.actionId, priorityId: x.lever === 'INTENSIVE_SUPPORT' || x.lever === 'TRAINING' ? 'p-freins' : 'p-emploi', title: ACTION_TITLES[x.lever],
            lever: x.lever, owner: 'équipe agence', partnerIds: [], startDate: day(year, 3, 15), dueDate: day(year, 12, 15), dueDateReason: null,
            indicator: { name: 'personnes concernées', unit: 'personnes', baseline: 0, target: x.target },
          }, ctx));
      }
      at(day(year, 3, 20), manager, (ctx) => new ChangeActionPlan(a.safir, year, { kind: 'adopt', adoptedOn: day(year, 3, 20) }, ctx));
      const abandoned = !proactive && random() < 0.4 ? actions[actions.length - 1].actionId : null;
      for (const x of actions) {
        at(day(year, 4, 2), manager, (ctx) => new ChangeActionPlan(a.safir, year, { kind: 'change-status', actionId: x.actionId, status: 'IN_PROGRESS', reason: null }, ctx));
        for (const [month, share] of [[5, 0.2], [7, 0.45], [9, 0.7], [11, 1]] as const) {
          if (x.actionId === abandoned && month > 7) break;
          const on = day(year, month, 30);
          const value = Math.round(x.target * x.reach * share);
          at(on, manager, (ctx) => new ChangeActionPlan(a.safir, year, { kind: 'report-progress', actionId: x.actionId, value, on, comment: null }, ctx));
        }
        if (x.actionId === abandoned) {
          at(day(year, 8, 20), manager, (ctx) => new ChangeActionPlan(a.safir, year, { kind: 'change-status', actionId: x.actionId, status: 'ABANDONED', reason: 'partenaire financeur retiré' }, ctx));
        } else if (x.reach >= 1) {
          at(day(year, 12, 10), manager, (ctx) => new ChangeActionPlan(a.safir, year, { kind: 'change-status', actionId: x.actionId, status: 'DONE', reason: null }, ctx));
        }
      }
      at(day(year, 7, 5), manager, (ctx) => new ChangeActionPlan(a.safir, year, { kind: 'mid-year-review', reviewedOn: day(year, 7, 5), summary: 'Revue à mi-parcours avec l’équipe de direction' }, ctx));
      // Actions that fell short are carried over to next year's plan.
      const open = actions.some((x) => x.actionId !== abandoned && x.reach < 1);
      at(`${year}-12-31`, manager, (ctx) => new ChangeActionPlan(a.safir, year, { kind: 'close', closedOn: `${year}-12-31`, ...(open ? { openActions: 'CARRIED_OVER' as const } : {}) }, ctx));
      if (year === 2017 && proactive && random() < 0.4) {
        at('2018-01-15', manager, (ctx) => new ChangeActionPlan(a.safir, year, { kind: 'adjust-closed', actionId: 'a1', note: 'bilan consolidé reçu du partenaire après la clôture', value: actions[0].target }, ctx));
      }

      fundYear(a, year, { at, between, pick, random, manager, director });
      jointEvents(a, year, mine, circles, { at, between, pick, random, manager });
    }
  }
  steps.sort((x, y) => x.date.localeCompare(y.date));
  return { steps, agencies, partners };
}

interface Helpers {
  at: (date: string, actor: DemoStep['actor'], build: DemoStep['build']) => void;
  between: (lo: number, hi: number) => number;
  pick: <T>(list: readonly T[]) => T;
  random: () => number;
  manager: DemoStep['actor'];
}

function fundYear(a: ScaledAgency, year: number, h: Helpers & { director: DemoStep['actor'] }): void {
  const { at, between, pick, random, manager, director } = h;
  const pro = a.proactivity;
  const envelope = a.envelopeEuros * 100;
  at(day(year, 1, 2), director, (ctx) => new AllocateEnvelope(a.safir, year, envelope, ctx, day(year, 1, 2)));
  const early = a.safir === EARLY_MOBILITY_AGENCY && year === 2017;
  const plan: { category: ExpenditureCategory; share: number }[] = early
    ? [{ category: 'DEROGATORY_MOBILITY_AID', share: 0.97 }]
    : [
        { category: 'SPECIFIC_PUBLIC_ACTION', share: 0.04 + 0.3 * pro * pro },
        ...(pro >= 0.6 ? [{ category: 'INNOVATIVE_PROJECT' as const, share: 0.1 * pro }] : []),
        { category: 'DEROGATORY_MOBILITY_AID', share: 0.5 - 0.25 * pro },
        { category: 'LOCAL_SERVICE_PURCHASE', share: 0.25 },
      ];
  let n = 0;
  for (const { category, share } of plan) {
    const pieces = category === 'DEROGATORY_MOBILITY_AID' ? between(5, 9) : between(1, 3);
    const each = Math.floor((envelope * share) / pieces);
    for (let i = 0; i < pieces; i++) {
      n += 1;
      const commitmentId = `c${year}-${String(n).padStart(3, '0')}`;
      // The early agency spends its mobility aids in the first five months (encadré 15).
      const month = early ? 1 + Math.floor((i * 5) / pieces) : between(1, 10);
      const committedOn = day(year, month, between(2, 27));
      const mobility = category === 'DEROGATORY_MOBILITY_AID' ? { relaxedCriterion: pick(['RESOURCES', 'CONTRACT_LENGTH', 'MINIMUM_DISTANCE', 'NATURE_OF_EXPENSES'] as const), leavesEmploymentBasin: random() < 0.45 } : null;
      const route = category === 'LOCAL_SERVICE_PURCHASE' ? 'PUBLIC_PROCUREMENT' as const : 'SUBSIDY' as const;
      at(committedOn, manager, (ctx) =>
        new ChangeFund(a.safir, year, {
          kind: 'commit', commitmentId, category, route, amountCents: each, beneficiaryPartnerId: null, planActionId: null, committedOn, mobility,
          rationale: category === 'DEROGATORY_MOBILITY_AID' ? 'aides à la mobilité (permis, transport, hébergement)' : category === 'INNOVATIVE_PROJECT' ? 'plateforme de mise en relation employeurs – candidats' : 'action ciblée sur un public spécifique',
        }, ctx));
      const paidOn = day(year, Math.min(11, month + between(1, 2)), between(2, 27));
      const unpaidShare = random() < 0.15 ? 0.3 : 0;
      const paid = Math.round(each * (1 - unpaidShare));
      at(paidOn, manager, (ctx) => new ChangeFund(a.safir, year, { kind: 'pay', commitmentId, paymentId: `${commitmentId}-p1`, amountCents: paid, paidOn }, ctx));
      if (unpaidShare > 0) at(day(year, 12, 20), manager, (ctx) => new ChangeFund(a.safir, year, { kind: 'release', commitmentId, reason: 'prestation terminée sous le montant engagé' }, ctx));
      if (year === 2018 && n === 1 && random() < 0.3) {
        // A payment recorded in error, compensated by a correcting event that names it.
        at(day(year, Math.min(12, month + 3), 5), manager, (ctx) => new CorrectPayment(a.safir, year, commitmentId, `${commitmentId}-p1`, Math.round(paid * 0.9), 'montant saisi sur la mauvaise facture', ctx));
      }
    }
  }
  if (early) {
    at(day(year, 6, 12), director, (ctx) => new ChangeFund(a.safir, year, { kind: 'authorise-over-commitment', amountCents: 5_000_00, reason: 'enveloppe consommée dès juin par les aides à la mobilité des saisonniers' }, ctx));
  }
}

function jointEvents(a: ScaledAgency, year: number, mine: DemoPartner[], circles: Map<string, Circle>, h: Helpers): void {
  const { at, between, pick, random, manager } = h;
  const close = mine.filter((p) => (circles.get(p.partnerId) ?? 3) <= 2).map((p) => p.partnerId);
  const pro = a.proactivity;
  const count = Math.max(0, Math.round(pro * 7 + (random() - 0.5) * 2.5));
  const kinds: JointEventKind[] = pro >= 0.5 ? ['FORUM', 'JOB_DATING', 'RECRUITMENT_SESSION', 'INFORMATION_COLLECTIVE', 'SALON_VIRTUAL'] : ['INFORMATION_COLLECTIVE', 'ATELIER', 'MRS_SESSION'];
  const events: { id: string; kind: JointEventKind; date: string; title: string; partnerIds: string[]; outcomes: { jobSeekersPresent: number; employersPresent: number; candidatesPresented: number; hires: number } | null }[] = [];
  for (let i = 0; i < count; i++) {
    const kind = pick(kinds);
    const candidates = between(10, 40);
    events.push({
      id: `je${year}-${i + 1}`, kind, date: day(year, between(2, 11), between(1, 28)), title: `${EVENT_TITLES[kind]} — ${a.name}`,
      partnerIds: [pick(close.length ? close : mine.map((p) => p.partnerId))],
      outcomes: random() < 0.1 ? null : { jobSeekersPresent: candidates * 3, employersPresent: between(2, 15), candidatesPresented: candidates, hires: Math.floor(candidates * (0.2 + random() * 0.5)) },
    });
  }
  if (a.basinInfo.seasonal && year === 2018) {
    events.push({ id: 'je2018-saison', kind: 'FORUM', date: '2018-03-22', title: 'Forum des emplois saisonniers (hôtellerie-restauration)', partnerIds: close.slice(0, 2), outcomes: { jobSeekersPresent: 420, employersPresent: 38, candidatesPresented: 160, hires: 74 } });
  }
  if (a.safir === RECRUITMENT_CAMPAIGN_AGENCY && year === 2017) {
    // Two dedicated advisers handled more than 6,000 applications for 600 posts over about a year.
    events.push({ id: 'je2017-campagne', kind: 'RECRUITMENT_SESSION', date: '2017-11-30', title: 'Campagne de recrutement : ouverture d’un centre logistique (600 postes)', partnerIds: close.slice(0, 1), outcomes: { jobSeekersPresent: 6_150, employersPresent: 1, candidatesPresented: 1_480, hires: 600 } });
  }
  if (year === 2016 && pro < 0.5 && random() < 0.4) {
    // A recruitment session where 18 candidates were presented and the employer hired 12.
    events.push({ id: 'je2016-mrs', kind: 'MRS_SESSION', date: '2016-10-06', title: 'Session MRS entreprise de services à la personne', partnerIds: close.slice(0, 1), outcomes: { jobSeekersPresent: 25, employersPresent: 1, candidatesPresented: 18, hires: 12 } });
  }
  for (const e of events) {
    const planned = day(year, Math.max(1, Number(e.date.slice(5, 7)) - 1), 2);
    at(planned, manager, (ctx) =>
      new ChangeJointEvent(a.safir, e.id, { kind: 'plan', eventKind: e.kind, date: e.date, title: e.title, partnerIds: e.partnerIds, publics: ['demandeurs-emploi'], planActionId: null }, ctx));
    at(e.date, manager, (ctx) =>
      e.outcomes
        ? new ChangeJointEvent(a.safir, e.id, { kind: 'hold', outcomes: e.outcomes }, ctx)
        : new ChangeJointEvent(a.safir, e.id, { kind: 'cancel', reason: 'trop peu d’employeurs inscrits' }, ctx));
  }
}
