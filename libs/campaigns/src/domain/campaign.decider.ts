import { dayOf, Decider, DomainError, factOn, ServiceOffer } from '@ancrage/shared-kernel';
import type { CampaignEvent } from './campaigns.events';

interface Participant {
  joinedOn: string;
  lastReportOn: string | null;
}

export interface CampaignState {
  launched: boolean;
  leadSafir: string | null;
  startedOn: string | null;
  closedOn: string | null;
  /** The lead and the agencies that joined, by SAFIR code. */
  participants: Record<string, Participant>;
}

export type CampaignCommand = { campaignId: string; actingSafir: string } & (
  | {
      kind: 'launch';
      name: string;
      employerPartnerId: string | null;
      employerKnown: boolean;
      startedOn?: string;
      plannedEndOn: string | null;
      posts: number;
      dedicatedAdvisers: number;
      services: ServiceOffer[];
    }
  | { kind: 'add-agency'; safir: string; agencyKnown: boolean; joinedOn?: string }
  | { kind: 'report'; on: string; applications: number; hires: number }
  | { kind: 'close'; outcome: string; closedOn?: string }
);

const notFound = () => new DomainError('CAMPAIGN_NOT_FOUND', 'no such campaign for this agency', 'not_found');

export const campaignDecider: Decider<CampaignCommand, CampaignEvent, CampaignState> = {
  initialState: () => ({ launched: false, leadSafir: null, startedOn: null, closedOn: null, participants: {} }),
  evolve(s, e) {
    const day = dayOf(e.occurredAt)!;
    switch (e.type) {
      case 'CampaignLaunched':
        return {
          ...s,
          launched: true,
          leadSafir: e.data.leadSafir,
          startedOn: day,
          participants: { [e.data.leadSafir]: { joinedOn: day, lastReportOn: null } },
        };
      case 'CampaignAgencyJoined':
        return { ...s, participants: { ...s.participants, [e.data.safir]: { joinedOn: day, lastReportOn: null } } };
      case 'CampaignProgressReported':
        return { ...s, participants: { ...s.participants, [e.data.safir]: { ...s.participants[e.data.safir], lastReportOn: e.data.on } } };
      case 'CampaignClosed':
        return { ...s, closedOn: day };
    }
  },
  decide(c, s, { now }) {
    const { campaignId, actingSafir } = c;
    if (c.kind === 'launch') {
      if (s.launched) throw new DomainError('CAMPAIGN_EXISTS', `campaign ${campaignId} already exists`, 'conflict', 'campaignId');
      if (c.employerPartnerId && !c.employerKnown)
        throw new DomainError('UNKNOWN_PARTNER', `no partner ${c.employerPartnerId} in the register`, 'rule', 'employerPartnerId');
      if (!Number.isInteger(c.posts) || c.posts < 1)
        throw new DomainError('INVALID_POSTS', 'posts must be a whole number of 1 or more', 'rule', 'posts');
      const dated = factOn(c.startedOn, now, 'startedOn');
      const started = dated.occurredAt?.slice(0, 10) ?? now.toISOString().slice(0, 10);
      if (c.plannedEndOn && c.plannedEndOn < started)
        throw new DomainError(
          'END_BEFORE_START',
          `plannedEndOn ${c.plannedEndOn} is before the start (${started})`,
          'rule',
          'plannedEndOn',
        );
      const { kind: _k, actingSafir: _a, employerKnown: _e, startedOn: _s, ...data } = c;
      return [{ type: 'CampaignLaunched', data: { ...data, leadSafir: actingSafir }, ...dated }];
    }
    const me = Object.hasOwn(s.participants, actingSafir) ? s.participants[actingSafir] : undefined;
    if (!s.launched || !me) throw notFound();
    const base = { campaignId, leadSafir: s.leadSafir! };
    const lead = actingSafir === s.leadSafir;
    if (c.kind === 'report') {
      if (s.closedOn && c.on > s.closedOn) throw new DomainError('CAMPAIGN_CLOSED', `the campaign closed on ${s.closedOn}`, 'rule', 'on');
      const dated = factOn(c.on, now, 'on', {
        notBefore: { day: me.joinedOn, code: 'DATE_BEFORE_PARTICIPATION', why: 'the day the agency took part in the campaign' },
      });
      if (me.lastReportOn && c.on < me.lastReportOn)
        throw new DomainError(
          'DATE_BEFORE_LAST_REPORT',
          `the agency last reported for ${me.lastReportOn}: report for that day or later`,
          'rule',
          'on',
        );
      for (const field of ['applications', 'hires'] as const)
        if (!Number.isInteger(c[field]) || c[field] < 0)
          throw new DomainError('INVALID_COUNT', `${field} must be a whole number`, 'rule', field);
      if (c.hires > c.applications)
        throw new DomainError('HIRES_EXCEED_APPLICATIONS', 'hires cannot exceed the applications handled', 'rule', 'hires');
      return [
        {
          type: 'CampaignProgressReported',
          data: { ...base, safir: actingSafir, on: c.on, applications: c.applications, hires: c.hires },
          ...dated,
        },
      ];
    }
    if (!lead) throw new DomainError('NOT_THE_LEAD', `only the lead agency (${s.leadSafir}) may do this`, 'rule');
    if (s.closedOn) throw new DomainError('CAMPAIGN_CLOSED', `the campaign closed on ${s.closedOn}`, 'rule');
    const sinceLaunch = { notBefore: { day: s.startedOn, code: 'DATE_BEFORE_LAUNCH', why: 'the day the campaign started' } };
    if (c.kind === 'add-agency') {
      if (!c.agencyKnown) throw new DomainError('UNKNOWN_AGENCY', `no agency ${c.safir}`, 'rule', 'safir');
      if (Object.hasOwn(s.participants, c.safir))
        throw new DomainError('ALREADY_PARTICIPATING', `agency ${c.safir} already takes part`, 'rule', 'safir');
      return [{ type: 'CampaignAgencyJoined', data: { ...base, safir: c.safir }, ...factOn(c.joinedOn, now, 'joinedOn', sinceLaunch) }];
    }
    return [{ type: 'CampaignClosed', data: { ...base, outcome: c.outcome }, ...factOn(c.closedOn, now, 'closedOn', sinceLaunch) }];
  },
};
