import { CATEGORIES, ChangeJointEvent, ChangePartnership, type Circle, type JointEventKind } from '@ancrage/partnerships';
import type { ServiceOffer } from '@ancrage/shared-kernel';
import type { DemoPartner, ScaledAgency } from './demo-register';
import { AgencyLane, day } from './demo-steps';

/**
 * What each kind of partner's convention mobilises from the service offer, as the study tells it:
 * intensive support of young people with the Missions locales, the global support with the
 * departmental council, work placements with the SIAE, pre-hire training with training bodies.
 */
const AGREEMENT_SERVICES: Partial<Record<string, ServiceOffer[]>> = {
  MISSION_LOCALE: ['ACCOMPAGNEMENT_INTENSIF_JEUNES', 'PMSMP'],
  CONSEIL_DEPARTEMENTAL: ['ACCOMPAGNEMENT_GLOBAL'],
  CAP_EMPLOI: ['ACCOMPAGNEMENT_RENFORCE', 'PMSMP'],
  SIAE: ['PMSMP'],
  TRAINING_BODY: ['POE_COLLECTIVE', 'AFPR'],
  AFPA: ['POE_COLLECTIVE', 'PRF'],
  GEIQ: ['POE_INDIVIDUELLE', 'MRS'],
  EMPLOYER_GROUP: ['MRS', 'AFPR'],
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

/** What each kind of event mobilises of the service offer (encadré 2: information sessions, MRS). */
const EVENT_SERVICES: Record<JointEventKind, ServiceOffer[]> = {
  FORUM: [],
  JOB_DATING: [],
  SALON_PHYSICAL: [],
  SALON_VIRTUAL: [],
  INFORMATION_COLLECTIVE: ['INFORMATION_COLLECTIVE'],
  ATELIER: [],
  RECRUITMENT_SESSION: ['PMSMP'],
  MRS_SESSION: ['MRS'],
  CO_ANIMATION: [],
};

const CONTACT_KINDS = ['MEETING', 'PHONE', 'SPEP_INSTANCE', 'CO_ANIMATION', 'REFERRAL', 'DATA_SHARED'] as const;

/**
 * Circles, agreements with circle-1/2 partners (and some others), renewals in 2017-2018, and the
 * departmental council's expectation. Answers each partner's circle: the yearly sections lean on it.
 */
export function partnershipsSetUp(a: ScaledAgency, mine: DemoPartner[], lane: AgencyLane): Map<string, Circle> {
  const { at, between, random, manager } = lane;
  const pro = a.proactivity;
  const proactive = pro >= 0.5;
  const circles = new Map<string, Circle>();
  for (const p of mine) {
    const byDefault = CATEGORIES[p.category].circle;
    let circle = byDefault;
    let reason: string | null = null;
    if (p.category === 'TRAINING_BODY' && p.subkind === 'OF' && !proactive)
      [circle, reason] = [3, 'peu d’actions communes depuis la fin du marché'];
    if (p.category === 'PLIE' || (p.category === 'CCAS' && a.basinInfo.figures.rsaShare >= 9))
      [circle, reason] = [2, 'public RSA et QPV largement commun'];
    if (p.category === 'EMPLOYER_GROUP' && proactive) [circle, reason] = [2, 'partenaire clé de la prospection employeurs'];
    circles.set(p.partnerId, circle);
    at(
      day(2016, 1, between(11, 20)),
      manager,
      (ctx) => new ChangePartnership(a.safir, p.partnerId, { kind: 'assign-circle', circle, reason }, ctx),
    );
    const signs = circle <= 2 ? random() < 0.55 + 0.45 * pro : random() < 0.1 + 0.4 * pro;
    if (signs) {
      const agreementId = `conv-${a.safir}-${p.partnerId}`;
      const start = day(2016, between(1, 3), between(1, 28));
      at(
        start,
        manager,
        (ctx) =>
          new ChangePartnership(
            a.safir,
            p.partnerId,
            {
              kind: 'sign',
              agreementId,
              reference: `CONV-${a.safir}-${p.partnerId.toUpperCase()}`,
              scale: p.scale === 'REGIONAL' ? 'REGIONAL' : 'LOCAL',
              formal: circle <= 2,
              objectives: circle === 1 ? ['COMPLEMENTARY_SERVICES', 'ANTICIPATION_OF_NEEDS'] : ['ACCESSIBILITY_RELAY_POINT'],
              startDate: start,
              endDate: '2017-12-31',
              services: AGREEMENT_SERVICES[p.category] ?? [],
            },
            ctx,
          ),
      );
      if (random() < 0.5 + 0.5 * pro) {
        at(
          day(2017, 12, between(1, 20)),
          manager,
          (ctx) => new ChangePartnership(a.safir, p.partnerId, { kind: 'renew', agreementId, endDate: '2019-12-31' }, ctx),
        );
      } else if (random() < 0.5) {
        at(
          day(2017, 6, between(1, 28)),
          manager,
          (ctx) =>
            new ChangePartnership(
              a.safir,
              p.partnerId,
              { kind: 'terminate', agreementId, terminatedOn: day(2017, 6, 30), reason: 'objectifs communs non tenus' },
              ctx,
            ),
        );
      }
    }
    if (p.category === 'CONSEIL_DEPARTEMENTAL') {
      at(
        day(2016, 4, 5),
        manager,
        (ctx) =>
          new ChangePartnership(
            a.safir,
            p.partnerId,
            {
              kind: 'record-expectation',
              expectationId: 'donnees-cles',
              expectation: 'SHARED_KEY_DATA',
              note: 'partage trimestriel des données BRSA',
            },
            ctx,
          ),
      );
      if (proactive)
        at(
          day(2017, 3, 10),
          manager,
          (ctx) =>
            new ChangePartnership(
              a.safir,
              p.partnerId,
              { kind: 'address-expectation', expectationId: 'donnees-cles', note: 'tableau de bord partagé en place' },
              ctx,
            ),
        );
    }
  }
  return circles;
}

/** Contacts and yearly quality assessments: closer circles are met more often, and always assessed. */
export function contactsYear(a: ScaledAgency, year: number, mine: DemoPartner[], circles: Map<string, Circle>, lane: AgencyLane): void {
  const { at, between, pick, random, manager } = lane;
  const pro = a.proactivity;
  for (const p of mine) {
    const circle = circles.get(p.partnerId)!;
    const contacts = (circle === 1 ? 4 : circle === 2 ? 3 : 1) + (random() < pro ? 1 : 0);
    for (let i = 0; i < contacts; i++) {
      const date = day(year, between(1, 11), between(1, 28));
      at(
        date,
        manager,
        (ctx) =>
          new ChangePartnership(
            a.safir,
            p.partnerId,
            { kind: 'log-contact', contactKind: pick(CONTACT_KINDS), date, participants: [manager.id], note: null },
            ctx,
          ),
      );
    }
    if (circle <= 2 || random() < 0.3) {
      // Graphique 3: the closer the circle, the better the partnership (Cap emploi is a good-quality priority at more than 7 agencies in 10).
      const base = circle === 1 ? 2.2 + 1.6 * pro : 1.6 + 2 * pro;
      const score = Math.max(1, Math.min(4, Math.round(base + (random() - 0.5) * 1.4))) as 1 | 2 | 3 | 4;
      const assessedOn = day(year, 11, between(5, 25));
      at(
        assessedOn,
        manager,
        (ctx) =>
          new ChangePartnership(
            a.safir,
            p.partnerId,
            {
              kind: 'assess',
              score,
              assessedOn,
              criteria: {
                mutualKnowledge: score >= 2,
                namedReferents: score >= 3,
                jointActions: score >= 3,
                dataSharing: score >= 4 || random() < 0.3,
                communication: score >= 2,
              },
            },
            ctx,
          ),
      );
    }
  }
}

/** Joint events with close partners, plus the study's remarkable ones (a seasonal forum, a recruitment campaign, an MRS session). */
export function jointEventsYear(a: ScaledAgency, year: number, mine: DemoPartner[], circles: Map<string, Circle>, lane: AgencyLane): void {
  const { at, between, pick, random, manager } = lane;
  const close = mine.filter((p) => (circles.get(p.partnerId) ?? 3) <= 2).map((p) => p.partnerId);
  const pro = a.proactivity;
  const count = Math.max(0, Math.round(pro * 7 + (random() - 0.5) * 2.5));
  const kinds: JointEventKind[] =
    pro >= 0.5
      ? ['FORUM', 'JOB_DATING', 'RECRUITMENT_SESSION', 'INFORMATION_COLLECTIVE', 'SALON_VIRTUAL']
      : ['INFORMATION_COLLECTIVE', 'ATELIER', 'MRS_SESSION'];
  const events: {
    id: string;
    kind: JointEventKind;
    date: string;
    title: string;
    partnerIds: string[];
    outcomes: { jobSeekersPresent: number; employersPresent: number; candidatesPresented: number; hires: number } | null;
  }[] = [];
  for (let i = 0; i < count; i++) {
    const kind = pick(kinds);
    const candidates = between(10, 40);
    events.push({
      id: `je${year}-${i + 1}`,
      kind,
      date: day(year, between(2, 11), between(1, 28)),
      title: `${EVENT_TITLES[kind]} — ${a.name}`,
      partnerIds: [pick(close.length ? close : mine.map((p) => p.partnerId))],
      outcomes:
        random() < 0.1
          ? null
          : {
              jobSeekersPresent: candidates * 3,
              employersPresent: between(2, 15),
              candidatesPresented: candidates,
              hires: Math.floor(candidates * (0.2 + random() * 0.5)),
            },
    });
  }
  if (a.basinInfo.seasonal && year === 2018) {
    events.push({
      id: 'je2018-saison',
      kind: 'FORUM',
      date: '2018-03-22',
      title: 'Forum des emplois saisonniers (hôtellerie-restauration)',
      partnerIds: close.slice(0, 2),
      outcomes: { jobSeekersPresent: 420, employersPresent: 38, candidatesPresented: 160, hires: 74 },
    });
  }
  if (year === 2016 && pro < 0.5 && random() < 0.4) {
    // Encadré 4: a recruitment meeting in the agency where 18 candidates were presented and the employer hired 12.
    events.push({
      id: 'je2016-mrs',
      kind: 'RECRUITMENT_SESSION',
      date: '2016-10-06',
      title: 'Réunion de recrutement d’aides-soignants pour un établissement accueillant des personnes dépendantes',
      partnerIds: close.slice(0, 1),
      outcomes: { jobSeekersPresent: 25, employersPresent: 1, candidatesPresented: 18, hires: 12 },
    });
  }
  for (const e of events) {
    const planned = day(year, Math.max(1, Number(e.date.slice(5, 7)) - 1), 2);
    at(
      planned,
      manager,
      (ctx) =>
        new ChangeJointEvent(
          a.safir,
          e.id,
          {
            kind: 'plan',
            eventKind: e.kind,
            date: e.date,
            title: e.title,
            partnerIds: e.partnerIds,
            publics: ['demandeurs-emploi'],
            planActionId: null,
            services: EVENT_SERVICES[e.kind],
          },
          ctx,
        ),
    );
    at(e.date, manager, (ctx) =>
      e.outcomes
        ? new ChangeJointEvent(a.safir, e.id, { kind: 'hold', outcomes: e.outcomes }, ctx)
        : new ChangeJointEvent(a.safir, e.id, { kind: 'cancel', reason: 'trop peu d’employeurs inscrits' }, ctx),
    );
  }
}
