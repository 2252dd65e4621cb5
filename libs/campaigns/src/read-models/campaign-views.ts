import type { CampaignParticipationRow, CampaignReportRow, CampaignRow } from './campaigns.entities';
import { shareOf } from '@ancrage/shared-kernel';

export interface CampaignFigures {
  posts: number;
  applications: number;
  hires: number;
  /** hires / posts, null without posts. */
  fillRate: number | null;
  /** applications / posts. */
  applicationsPerPost: number | null;
}

function figures(posts: number, applications: number, hires: number): CampaignFigures {
  return { posts, applications, hires, fillRate: shareOf(hires, posts), applicationsPerPost: shareOf(applications, posts) };
}

/** A campaign with its agencies and its totals: each agency's latest figures, summed. */
export function campaignView(c: CampaignRow, participations: CampaignParticipationRow[]) {
  const agencies = participations
    .filter((p) => p.campaignId === c.campaignId)
    .sort((a, b) => (a.role === b.role ? a.safir.localeCompare(b.safir) : a.role === 'LEAD' ? -1 : 1))
    .map(({ safir, region, role, joinedOn, applications, hires, lastReportOn }) => ({
      safir,
      region,
      role,
      joinedOn,
      applications,
      hires,
      lastReportOn,
    }));
  const sum = (k: 'applications' | 'hires') => agencies.reduce((s, a) => s + a[k], 0);
  return {
    ...c,
    status: c.closedOn ? ('CLOSED' as const) : ('RUNNING' as const),
    agencies,
    totals: figures(c.posts, sum('applications'), sum('hires')),
  };
}

/** The campaign's totals on each day an agency reported: every agency's latest report by then, summed. */
export function progressOverTime(posts: number, reports: CampaignReportRow[]) {
  const days = [...new Set(reports.map((r) => r.on))].sort();
  const sorted = [...reports].sort((a, b) => a.on.localeCompare(b.on));
  return days.map((on) => {
    const latest = new Map<string, CampaignReportRow>();
    for (const r of sorted) if (r.on <= on) latest.set(r.safir, r);
    const rows = [...latest.values()];
    return {
      on,
      ...figures(
        posts,
        rows.reduce((s, r) => s + r.applications, 0),
        rows.reduce((s, r) => s + r.hires, 0),
      ),
    };
  });
}
