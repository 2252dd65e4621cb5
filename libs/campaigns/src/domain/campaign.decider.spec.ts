import { refusalOf } from '@ancrage/testing/refusal';
import { fold } from '@ancrage/shared-kernel';
import { CampaignCommand, campaignDecider } from './campaign.decider';
import type { CampaignEvent } from './campaigns.events';

const ctx = { now: new Date('2018-06-01T08:00:00Z'), actor: 'm', role: 'manager' };
type Variant = CampaignCommand extends infer C ? (C extends CampaignCommand ? Omit<C, 'campaignId'> : never) : never;

/** What a command decides after the given events, each stamped with its occurredAt as the runner does. */
const decide = (given: CampaignEvent[], c: Variant) =>
  campaignDecider.decide({ campaignId: 'loisirs', ...c }, fold(campaignDecider, given), ctx);
const refusal = (given: CampaignEvent[], c: Variant) => refusalOf(() => decide(given, c));

const launch: Variant = {
  kind: 'launch',
  actingSafir: '73001',
  name: 'Recrutements du complexe de loisirs',
  employerPartnerId: 'complexe-loisirs',
  employerKnown: true,
  startedOn: '2017-03-01',
  plannedEndOn: '2018-03-01',
  posts: 600,
  dedicatedAdvisers: 2,
  services: ['MRS', 'PMSMP', 'POE_COLLECTIVE'],
};
const launched = decide([], launch);
const joined = [
  ...launched,
  ...decide(launched, { kind: 'add-agency', actingSafir: '73001', safir: '73002', agencyKnown: true, joinedOn: '2017-04-01' }),
];
const report = (actingSafir: string, on: string, applications: number, hires: number): Variant => ({
  kind: 'report',
  actingSafir,
  on,
  applications,
  hires,
});

describe('campaign decider', () => {
  it('launches on its start day, led by the agency that launches it', () => {
    expect(launched).toEqual([
      {
        type: 'CampaignLaunched',
        data: {
          campaignId: 'loisirs',
          leadSafir: '73001',
          name: 'Recrutements du complexe de loisirs',
          employerPartnerId: 'complexe-loisirs',
          plannedEndOn: '2018-03-01',
          posts: 600,
          dedicatedAdvisers: 2,
          services: ['MRS', 'PMSMP', 'POE_COLLECTIVE'],
        },
        occurredAt: '2017-03-01T12:00:00.000Z',
      },
    ]);
    expect(refusal(launched, launch)).toMatchObject({ code: 'CAMPAIGN_EXISTS', kind: 'conflict' });
    expect(refusal([], { ...launch, employerKnown: false })).toMatchObject({
      code: 'UNKNOWN_PARTNER',
      field: 'employerPartnerId',
    });
    expect(refusal([], { ...launch, plannedEndOn: '2017-01-01' })).toMatchObject({
      code: 'END_BEFORE_START',
      field: 'plannedEndOn',
    });
    expect(refusal([], { ...launch, posts: 0 })).toMatchObject({ code: 'INVALID_POSTS', field: 'posts' });
  });

  it('lets only the lead add agencies, each once, known, and not before the start', () => {
    const add = (actingSafir: string, safir: string, extra: object = {}) =>
      ({ kind: 'add-agency', actingSafir, safir, agencyKnown: true, ...extra }) as Variant;
    expect(refusal(joined, add('73002', '15001'))).toMatchObject({ code: 'NOT_THE_LEAD' });
    expect(refusal(joined, add('73001', '73002'))).toMatchObject({ code: 'ALREADY_PARTICIPATING', field: 'safir' });
    expect(refusal(joined, add('73001', '99999', { agencyKnown: false }))).toMatchObject({ code: 'UNKNOWN_AGENCY', field: 'safir' });
    expect(refusal(joined, add('73001', '15001', { joinedOn: '2017-02-01' }))).toMatchObject({
      code: 'DATE_BEFORE_LAUNCH',
      field: 'joinedOn',
    });
    expect(refusal(joined, add('06001', '15001'))).toMatchObject({ code: 'CAMPAIGN_NOT_FOUND', kind: 'not_found' });
  });

  it('takes each participant’s figures to date, in date order, hires never above applications', () => {
    const [r] = decide(joined, report('73002', '2017-06-30', 900, 80));
    expect(r).toMatchObject({
      type: 'CampaignProgressReported',
      data: { safir: '73002', leadSafir: '73001' },
      occurredAt: '2017-06-30T12:00:00.000Z',
    });
    const after = [...joined, r];
    expect(refusal(after, report('73002', '2017-05-31', 950, 85))).toMatchObject({ code: 'DATE_BEFORE_LAST_REPORT', field: 'on' });
    expect(refusal(joined, report('73002', '2017-03-15', 1, 0))).toMatchObject({ code: 'DATE_BEFORE_PARTICIPATION', field: 'on' });
    expect(refusal(joined, report('73001', '2017-07-01', 10, 11))).toMatchObject({ code: 'HIRES_EXCEED_APPLICATIONS', field: 'hires' });
    expect(refusal(joined, report('73001', '2018-06-02', 10, 1))).toMatchObject({ code: 'FUTURE_DATE' });
    expect(refusal(joined, report('15001', '2017-07-01', 10, 1))).toMatchObject({ code: 'CAMPAIGN_NOT_FOUND' });
  });

  it('closes by the lead; afterwards only reports dated by the close are taken', () => {
    expect(refusal(joined, { kind: 'close', actingSafir: '73002', outcome: 'x' })).toMatchObject({ code: 'NOT_THE_LEAD' });
    const closed = [
      ...joined,
      ...decide(joined, { kind: 'close', actingSafir: '73001', outcome: '600 postes pourvus', closedOn: '2018-03-31' }),
    ];
    expect(decide(closed, report('73001', '2018-03-31', 6100, 600))).toHaveLength(1);
    expect(refusal(closed, report('73001', '2018-04-15', 6100, 600))).toMatchObject({ code: 'CAMPAIGN_CLOSED' });
    expect(refusal(closed, { kind: 'close', actingSafir: '73001', outcome: 'x' })).toMatchObject({ code: 'CAMPAIGN_CLOSED' });
  });
});
