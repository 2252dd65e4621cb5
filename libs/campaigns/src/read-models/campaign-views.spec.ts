import { campaignView, progressOverTime } from './campaign-views';
import type { CampaignRow } from './campaigns.entities';

const campaign: CampaignRow = {
  campaignId: 'loisirs',
  leadSafir: '73001',
  name: 'Complexe de loisirs',
  employerPartnerId: null,
  startedOn: '2017-03-01',
  plannedEndOn: null,
  closedOn: null,
  outcome: null,
  posts: 600,
  dedicatedAdvisers: 2,
  services: [],
};
const part = (safir: string, role: 'LEAD' | 'PARTICIPANT', applications: number, hires: number) => ({
  campaignId: 'loisirs',
  safir,
  region: '84',
  role,
  joinedOn: '2017-03-01',
  applications,
  hires,
  lastReportOn: null,
});

describe('campaign views', () => {
  it('sums each agency’s latest figures, the lead first, with the fill rate and applications per post', () => {
    const v = campaignView(campaign, [
      part('73002', 'PARTICIPANT', 1500, 120),
      part('73001', 'LEAD', 4500, 480),
      { ...part('x', 'LEAD', 9, 9), campaignId: 'other' },
    ]);
    expect(v.agencies.map((a) => a.safir)).toEqual(['73001', '73002']);
    expect(v.totals).toEqual({ posts: 600, applications: 6000, hires: 600, fillRate: 1, applicationsPerPost: 10 });
    expect(v.status).toBe('RUNNING');
  });

  it('draws the totals over time from each agency’s latest report by each day', () => {
    const r = (safir: string, on: string, applications: number, hires: number) => ({
      campaignId: 'loisirs',
      safir,
      on,
      applications,
      hires,
    });
    const points = progressOverTime(600, [
      r('73001', '2017-06-30', 2000, 100),
      r('73002', '2017-09-30', 500, 40),
      r('73001', '2017-12-31', 4500, 480),
    ]);
    expect(points.map((p) => [p.on, p.applications, p.hires])).toEqual([
      ['2017-06-30', 2000, 100],
      ['2017-09-30', 2500, 140],
      ['2017-12-31', 5000, 520],
    ]);
  });
});
