import { ChangeInstance, InstanceKind } from '@ancrage/instances';
import type { DemoPartner, ScaledAgency } from './demo-register';
import { AgencyLane, day, seededRandom } from './demo-steps';
import { DEMO_YEARS } from './demo-territory';

interface DemoInstance {
  instanceId: string;
  kind: InstanceKind;
  name: string;
  convenor: string | null;
  members: string[];
  /** Months of the year it meets in. */
  months: number[];
}

/**
 * The local instances an agency sits in (the study: the SPE de proximité everywhere, encadré 9's
 * cercle de l'alternance convened by a training centre once or twice a year, business clubs for
 * the agencies that reach out to employers), and the meetings it attends: the more proactive the
 * team, the more often it is represented. Each meeting is recorded one to four weeks after it
 * took place (the step's day), as agencies do, dated on its own day.
 *
 * This section draws from its own seeded source, so adding it left every other history as it was.
 */
export function instancesOfAgency(a: ScaledAgency, mine: DemoPartner[], lane: AgencyLane, seed: number): void {
  const random = seededRandom(seed * 31 + Number(a.safir));
  const has = (prefix: string) => mine.find((p) => p.partnerId.startsWith(`${prefix}-`))?.partnerId;
  const present = (...ids: (string | undefined)[]) => ids.filter((id): id is string => id !== undefined);
  const basin = a.basinInfo.name;
  const instances: DemoInstance[] = [
    {
      instanceId: 'spep',
      kind: 'SPEP_PROXIMITE',
      name: `Service public de l’emploi de proximité — ${basin}`,
      convenor: null,
      members: present(has('ml'), has('cap'), has('cd'), has('plie'), has('mde')),
      months: [3, 6, 9, 12],
    },
  ];
  if (random() < 0.3 + 0.5 * a.proactivity)
    instances.push({
      instanceId: 'cercle-alternance',
      kind: 'CERCLE_ALTERNANCE',
      name: `Cercle de l’alternance — ${basin}`,
      convenor: has('of') ?? null,
      members: present(has('cci'), has('geiq'), has('employeur')),
      months: [4, 10],
    });
  if (a.proactivity >= 0.5)
    instances.push({
      instanceId: 'club-entreprises',
      kind: 'BUSINESS_CLUB',
      name: `Club des entreprises — ${basin}`,
      convenor: has('cci') ?? null,
      members: present(has('employeur'), has('geiq')),
      months: [2, 5, 11],
    });
  const attendance = 0.45 + 0.5 * a.proactivity;
  for (const i of instances) {
    const joinedOn = '2016-01-04';
    lane.at(
      joinedOn,
      lane.manager,
      (ctx) =>
        new ChangeInstance(
          a.safir,
          i.instanceId,
          {
            kind: 'join',
            instanceKind: i.kind,
            name: i.name,
            convenorPartnerId: i.convenor,
            memberPartnerIds: i.members,
            joinedOn,
          },
          ctx,
        ),
    );
    for (const year of DEMO_YEARS) {
      for (const month of i.months) {
        const date = day(year, month, 5 + Math.floor(random() * 20));
        const attended = random() < attendance;
        const recordedOn = new Date(Date.parse(date) + (7 + Math.floor(random() * 21)) * 86_400_000).toISOString().slice(0, 10);
        const by = random() < 0.7 ? 'AGENCY_DIRECTOR' : 'TEAM_MANAGER';
        lane.at(
          recordedOn,
          lane.manager,
          (ctx) =>
            new ChangeInstance(
              a.safir,
              i.instanceId,
              {
                kind: 'record-meeting',
                meetingId: `${year}-${String(month).padStart(2, '0')}`,
                date,
                attended,
                attendedBy: attended ? [by] : [],
                topic: TOPICS[i.kind][month % TOPICS[i.kind].length],
                note: null,
              },
              ctx,
            ),
        );
      }
    }
  }
}

const TOPICS: Record<InstanceKind, string[]> = {
  SPEP_PROXIMITE: ['Bilan des entrées en parcours', 'Plan de mobilisation pour l’emploi', 'Garantie jeunes', 'Clauses d’insertion'],
  CERCLE_ALTERNANCE: ['Besoins de formation en alternance', 'Candidats et offres de contrats'],
  BUSINESS_CLUB: ['Offre de services de Pôle emploi', 'Recrutements à venir', 'Job dating des adhérents'],
  EPCI_COORDINATION: ['Coordination technique'],
  GPEC_TERRITORIALE: ['Démarche de GPEC'],
  INSERTION_COMMISSION: ['Commission insertion'],
  OTHER_NETWORK: ['Réunion du réseau'],
};
