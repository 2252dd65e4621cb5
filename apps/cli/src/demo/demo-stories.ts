import { ChangeDiagnostic } from '@ancrage/diagnostics';
import { ChangeInstance, type InstanceKind } from '@ancrage/instances';
import { ChangeJointEvent, ChangePartnership, type JointEventKind } from '@ancrage/partnerships';
import type { ServiceOffer } from '@ancrage/shared-kernel';
import type { ScaledAgency } from './demo-register';
import { day, type DemoStep } from './demo-steps';
import { DEMO_YEARS } from './demo-territory';

/**
 * The study's encadrés that belong to one agency, told as that agency would record them:
 * - 1: from early 2017, Charleville-Mézières builds its diagnostic with the volunteer partners of
 *   the arrondissement, after a first meeting that brought them together;
 * - 6: Perpignan's workshops with the CPAM on health insurance and access to rights, led by one
 *   adviser of each, the training of its advisers to the AMELI site, and the digital workshop planned;
 * - 8: Guingamp's information sessions for jobseekers over 55, run by the Carsat in the agency;
 * - 10: Rennes Sud, a founding member of the French Tech network with the agglomeration, whose
 *   director represents Pôle emploi at each of its actions and holds a stand for business founders;
 * - 11: Toulouse Compans in the technical coordination of the EPCI, turned towards the firms that
 *   settle in the area and will recruit.
 *
 * Nothing here is drawn at random, so telling them left every other history as it was. Their steps
 * run in the agency's lane, after the steps of the same day drawn for it.
 */
export function demoStories(agencies: ScaledAgency[]): DemoStep[] {
  const bySafir = new Map(agencies.map((a) => [a.safir, a]));
  return STORIES.flatMap(([safir, story]) => {
    const a = bySafir.get(safir);
    if (!a) return [];
    const steps: DemoStep[] = [];
    story(a, (date, build) => steps.push({ date, lane: a.safir, actor: { id: `manager-${a.safir}`, role: 'manager' }, build }));
    return steps;
  });
}

type At = (date: string, build: DemoStep['build']) => void;

const STORIES: [string, (a: ScaledAgency, at: At) => void][] = [
  ['08001', coConstructedDiagnostic],
  ['66001', cpamWorkshops],
  ['22001', carsatSessions],
  ['35001', frenchTech],
  ['31001', epciCoordination],
];

const weekAfter = (date: string, weeks = 1) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + weeks * 7 * 86_400_000).toISOString().slice(0, 10);

/** Encadré 1: the first meeting, then the diagnostics of 2017 and 2018 co-constructed with the partners who came. */
function coConstructedDiagnostic(a: ScaledAgency, at: At) {
  const b = a.basinInfo.code;
  const volunteers = [`ml-${b}`, `plie-${b}`, `mairie-${b}`, `of-${b}`, `aci-${b}`, `etti-${b}`, `asso-${b}`];
  const meeting = '2017-01-26';
  for (const partnerId of volunteers)
    at(
      meeting,
      (ctx) =>
        new ChangePartnership(
          a.safir,
          partnerId,
          {
            kind: 'log-contact',
            contactKind: 'MEETING',
            date: meeting,
            participants: [`manager-${a.safir}`],
            note: 'Première rencontre du dialogue territorial : l’offre de services et les mesures, la rédaction commune du diagnostic',
          },
          ctx,
        ),
    );
  for (const year of [2017, 2018]) {
    // After the participation the yearly section records (15 February), before the publication (25 February).
    const recordedOn = `${year}-02-20`;
    at(
      recordedOn,
      (ctx) =>
        new ChangeDiagnostic(
          a.safir,
          year,
          {
            kind: 'record-participation',
            internalTeams: ['équipe entreprises', 'équipe accompagnement', 'direction'],
            partners: [
              ...volunteers.map((partnerId) => ({ partnerId, involvement: 'CO_CONSTRUCTED' as const })),
              { partnerId: `cd-${a.department}`, involvement: 'SHARED' as const },
            ],
            recordedOn,
          },
          ctx,
        ),
    );
  }
}

/** Encadré 6: every other month from 2017, a workshop co-led with the CPAM for young jobseekers and those whose rights end. */
function cpamWorkshops(a: ScaledAgency, at: At) {
  const cpam = `cpam-${a.department}`;
  const note = (date: string, text: string) =>
    at(
      date,
      (ctx) =>
        new ChangePartnership(
          a.safir,
          cpam,
          { kind: 'log-contact', contactKind: 'MEETING', date, participants: [`manager-${a.safir}`], note: text },
          ctx,
        ),
    );
  note('2017-01-12', 'Constat partagé avec la CPAM : la fin de droits rompt souvent le parcours de soins ; ateliers communs décidés');
  for (const year of [2017, 2018])
    [2, 4, 6, 9, 11].forEach((month, i) =>
      jointEvent(a, at, {
        id: `je${year}-cpam-${i + 1}`,
        kind: 'CO_ANIMATION',
        date: day(year, month, 21),
        title: 'Atelier sécurité sociale et accès aux droits, animé par une conseillère Pôle emploi et un agent de la CPAM',
        partnerIds: [cpam],
        publics: i % 2 === 0 ? ['jeunes'] : ['demandeurs-emploi'],
        services: [],
        outcomes: { jobSeekersPresent: 10 + ((year + i) % 3) * 2, employersPresent: 0, candidatesPresented: 0, hires: 0 },
      }),
    );
  note('2017-09-14', 'Formation des conseillers au fonctionnement du site AMELI et aux pièces des dossiers administratifs');
  note('2018-10-11', 'Projet d’atelier sur la maîtrise du digital : services à distance de Pôle emploi et services d’AMELI');
}

/** Encadré 8: a Carsat adviser informs jobseekers over 55 each quarter in the agency, and tells the team what changes in pension law. */
function carsatSessions(a: ScaledAgency, at: At) {
  const carsat = `carsat-${a.region}`;
  for (const year of DEMO_YEARS) {
    at(
      day(year, 1, 20),
      (ctx) =>
        new ChangePartnership(
          a.safir,
          carsat,
          {
            kind: 'log-contact',
            contactKind: 'DATA_SHARED',
            date: day(year, 1, 20),
            participants: [`manager-${a.safir}`],
            note: 'La Carsat présente à l’équipe l’évolution du cadre légal des droits à retraite',
          },
          ctx,
        ),
    );
    [3, 6, 9, 12].forEach((month, quarter) =>
      jointEvent(a, at, {
        id: `je${year}-carsat-${quarter + 1}`,
        kind: 'INFORMATION_COLLECTIVE',
        date: day(year, month, 14),
        title: 'Information collective retraite des demandeurs d’emploi seniors, avec la Carsat',
        partnerIds: [carsat],
        publics: ['seniors'],
        services: ['INFORMATION_COLLECTIVE'],
        outcomes: { jobSeekersPresent: 16 + ((year + quarter) % 4) * 3, employersPresent: 0, candidatesPresented: 0, hires: 0 },
      }),
    );
  }
}

/** Encadré 10: the French Tech network, with the director at every one of its actions and a stand for business founders. */
function frenchTech(a: ScaledAgency, at: At) {
  const b = a.basinInfo.code;
  network(a, at, {
    instanceId: 'french-tech',
    kind: 'OTHER_NETWORK',
    name: `Réseau French Tech — ${a.basinInfo.name}`,
    convenor: `epci-${b}`,
    members: [`cci-${b}`, `employeur-${b}`],
    months: [1, 3, 6, 9, 11],
    topics: [
      'Rencontres French Tech : stand de Pôle emploi',
      'Services aux créateurs d’entreprise',
      'Recrutements des entreprises du numérique',
    ],
    attendedBy: () => 'AGENCY_DIRECTOR',
  });
  for (const year of DEMO_YEARS)
    jointEvent(a, at, {
      id: `je${year}-french-tech`,
      kind: 'SALON_PHYSICAL',
      date: day(year, 10, 8),
      title: 'Stand Pôle emploi aux rencontres French Tech : les services aux créateurs d’entreprise',
      partnerIds: [`epci-${b}`, `cci-${b}`],
      publics: ['demandeurs-emploi'],
      services: ['INFORMATION_COLLECTIVE'],
      outcomes: { jobSeekersPresent: 60 + (year - 2016) * 15, employersPresent: 24 + (year - 2016) * 4, candidatesPresented: 0, hires: 0 },
    });
}

/** Encadré 11: the EPCI's technical coordination, then a recruitment for a firm that settles in the area, built with it. */
function epciCoordination(a: ScaledAgency, at: At) {
  const b = a.basinInfo.code;
  network(a, at, {
    instanceId: 'coordination-epci',
    kind: 'EPCI_COORDINATION',
    name: `Coordination technique de l’agglomération — ${a.basinInfo.name}`,
    convenor: `epci-${b}`,
    members: [`cci-${b}`, `asso-${b}`],
    months: [2, 4, 6, 9, 11],
    topics: [
      'Projets d’implantation d’entreprises et recrutements à venir',
      'Appui au recrutement et à la formation',
      'Informations sur le marché du travail',
    ],
    attendedBy: (i) => (i % 3 === 2 ? 'TEAM_MANAGER' : 'AGENCY_DIRECTOR'),
  });
  jointEvent(a, at, {
    id: 'je2018-implantation',
    kind: 'RECRUITMENT_SESSION',
    date: '2018-05-17',
    title: 'Recrutement pour une entreprise qui s’implante, détecté par la coordination de l’agglomération',
    partnerIds: [`epci-${b}`, `of-${b}`],
    publics: ['demandeurs-emploi'],
    services: ['AFPR', 'POE_COLLECTIVE'],
    outcomes: { jobSeekersPresent: 85, employersPresent: 1, candidatesPresented: 34, hires: 21 },
  });
}

interface StoryEvent {
  id: string;
  kind: JointEventKind;
  date: string;
  title: string;
  partnerIds: string[];
  publics: string[];
  services: ServiceOffer[];
  outcomes: { jobSeekersPresent: number; employersPresent: number; candidatesPresented: number; hires: number };
}

/** A joint event planned a month ahead and held on its day. */
function jointEvent(a: ScaledAgency, at: At, e: StoryEvent) {
  const planned = day(Number(e.date.slice(0, 4)), Math.max(1, Number(e.date.slice(5, 7)) - 1), 2);
  const { id, kind, date, title, partnerIds, publics, services } = e;
  at(
    planned,
    (ctx) =>
      new ChangeJointEvent(
        a.safir,
        id,
        { kind: 'plan', eventKind: kind, date, title, partnerIds, publics, planActionId: null, services },
        ctx,
      ),
  );
  at(date, (ctx) => new ChangeJointEvent(a.safir, id, { kind: 'hold', outcomes: e.outcomes }, ctx));
}

interface StoryNetwork {
  instanceId: string;
  kind: InstanceKind;
  name: string;
  convenor: string;
  members: string[];
  months: number[];
  topics: string[];
  attendedBy: (meeting: number) => 'AGENCY_DIRECTOR' | 'TEAM_MANAGER';
}

/** An instance joined at the start of the history, each of its meetings attended and recorded a week later. */
function network(a: ScaledAgency, at: At, n: StoryNetwork) {
  const joinedOn = '2016-01-04';
  at(
    joinedOn,
    (ctx) =>
      new ChangeInstance(
        a.safir,
        n.instanceId,
        { kind: 'join', instanceKind: n.kind, name: n.name, convenorPartnerId: n.convenor, memberPartnerIds: n.members, joinedOn },
        ctx,
      ),
  );
  let meeting = 0;
  for (const year of DEMO_YEARS)
    for (const month of n.months) {
      const date = day(year, month, 12);
      const i = meeting++;
      at(
        weekAfter(date),
        (ctx) =>
          new ChangeInstance(
            a.safir,
            n.instanceId,
            {
              kind: 'record-meeting',
              meetingId: `${year}-${String(month).padStart(2, '0')}`,
              date,
              attended: true,
              attendedBy: [n.attendedBy(i)],
              topic: n.topics[i % n.topics.length],
              note: null,
            },
            ctx,
          ),
      );
    }
}
