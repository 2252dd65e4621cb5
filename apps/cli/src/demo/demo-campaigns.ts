import { ChangeCampaign } from '@ancrage/campaigns';
import type { ServiceOffer } from '@ancrage/shared-kernel';
import type { ScaledAgency } from './demo-register';
import type { DemoStep } from './demo-steps';

interface DemoCampaign {
  campaignId: string;
  lead: string;
  name: string;
  employer: string | null;
  startedOn: string;
  plannedEndOn: string;
  closedOn: string | null;
  posts: number;
  advisers: number;
  services: ServiceOffer[];
  /** The agencies that join, with the day they do. */
  joining: [string, string][];
  /** Each agency's figures to date: [agency, day, applications, hires]. */
  reports: [string, string, number, number][];
  outcome: string;
}

/**
 * The study's campaigns, told with its figures. Encadré 2: the recruitment of a leisure complex in
 * a rural, enclosed basin, run by the agency under a service contract with its neighbours' help:
 * over about a year, two dedicated advisers handled more than 6,000 applications for 600 posts,
 * with MRS, PMSMP, collective POE and AFPR. And a site of national scale that mobilises agencies
 * of several territories (the study cites ITER in the Rhône valley).
 */
const CAMPAIGNS: DemoCampaign[] = [
  {
    campaignId: 'complexe-loisirs-tarentaise',
    lead: '73001',
    name: 'Recrutements du complexe de loisirs de Tarentaise',
    employer: 'employeur-8410',
    startedOn: '2016-02-01',
    plannedEndOn: '2017-01-31',
    closedOn: '2017-02-28',
    posts: 600,
    advisers: 2,
    services: ['INFORMATION_COLLECTIVE', 'MRS', 'PMSMP', 'POE_COLLECTIVE', 'PRF', 'AFPR', 'POE_INDIVIDUELLE'],
    joining: [['73002', '2016-03-01']],
    reports: [
      ['73001', '2016-04-30', 1400, 90],
      ['73002', '2016-05-31', 300, 20],
      ['73001', '2016-07-31', 2900, 260],
      ['73002', '2016-09-30', 700, 60],
      ['73001', '2016-10-31', 4300, 420],
      ['73001', '2017-01-31', 5200, 530],
      ['73002', '2017-01-31', 900, 70],
    ],
    outcome: 'Plus de 6 000 candidatures pour 600 postes pourvus ; le partenariat se poursuit pour les recrutements au quotidien',
  },
  {
    campaignId: 'chantier-grand-site-sud',
    lead: '13003',
    name: 'Chantier de grande ampleur — recrutements inter-agences',
    employer: 'employeur-9310',
    startedOn: '2017-01-09',
    plannedEndOn: '2019-06-30',
    closedOn: null,
    posts: 400,
    advisers: 3,
    services: ['MRS', 'AFPR', 'POE_COLLECTIVE', 'AIDE_MOBILITE'],
    joining: [
      ['13001', '2017-02-01'],
      ['06002', '2017-03-01'],
      ['69002', '2017-09-01'],
    ],
    reports: [
      ['13003', '2017-06-30', 820, 60],
      ['13001', '2017-06-30', 410, 25],
      ['06002', '2017-09-30', 180, 12],
      ['13003', '2017-12-31', 1650, 140],
      ['69002', '2018-03-31', 260, 30],
      ['13001', '2018-06-30', 900, 70],
      ['13003', '2018-09-30', 2400, 210],
    ],
    outcome: '',
  },
];

/** The campaigns' steps, for the agencies the demo has (each campaign once, whatever the scale). */
export function demoCampaigns(agencies: ScaledAgency[]): DemoStep[] {
  const known = new Set(agencies.map((a) => a.safir));
  const manager = (safir: string) => ({ id: `manager-${safir}`, role: 'manager' });
  return CAMPAIGNS.filter((c) => [c.lead, ...c.joining.map(([s]) => s)].every((s) => known.has(s))).flatMap((c) => {
    const step = (date: string, safir: string, build: DemoStep['build']): DemoStep => ({
      date,
      lane: c.campaignId,
      actor: manager(safir),
      build,
    });
    return [
      step(
        c.startedOn,
        c.lead,
        (ctx) =>
          new ChangeCampaign(
            c.lead,
            c.campaignId,
            {
              kind: 'launch',
              name: c.name,
              employerPartnerId: c.employer,
              startedOn: c.startedOn,
              plannedEndOn: c.plannedEndOn,
              posts: c.posts,
              dedicatedAdvisers: c.advisers,
              services: c.services,
            },
            ctx,
          ),
      ),
      ...c.joining.map(([safir, on]) =>
        step(on, c.lead, (ctx) => new ChangeCampaign(c.lead, c.campaignId, { kind: 'add-agency', safir, joinedOn: on }, ctx)),
      ),
      // Figures are reported some days after the day they stand at.
      ...c.reports.map(([safir, on, applications, hires]) =>
        step(later(on, 9), safir, (ctx) => new ChangeCampaign(safir, c.campaignId, { kind: 'report', on, applications, hires }, ctx)),
      ),
      ...(c.closedOn
        ? [
            step(
              c.closedOn,
              c.lead,
              (ctx) => new ChangeCampaign(c.lead, c.campaignId, { kind: 'close', outcome: c.outcome, closedOn: c.closedOn! }, ctx),
            ),
          ]
        : []),
    ];
  });
}

const later = (day: string, days: number) => new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);
