import { dayOf } from '@ancrage/shared-kernel';
import { defineProjection } from '@ancrage/projections';
import { CAMPAIGN_EVENT_TYPES, CampaignEvent } from '../domain/campaigns.events';
import { CampaignAgencyRow, CampaignParticipationRow, CampaignReportRow, CampaignRow } from './campaigns.entities';

export type CampaignTables = {
  campaigns: CampaignRow;
  participations: CampaignParticipationRow;
  reports: CampaignReportRow;
  agencies: CampaignAgencyRow;
};

type Any = CampaignEvent | { type: 'AgencyRegistered'; data: { safir: string; region: string } };

/**
 * Campaigns with the agencies taking part and their figures to date. Not agency-scoped: a
 * campaign's stream holds the events of every agency in it, and the regions come from the
 * agencies' registrations.
 */
export const campaignsProjection = defineProjection<CampaignTables>({
  name: 'campaigns',
  version: 1,
  agencyScoped: false,
  eventTypes: ['AgencyRegistered', ...CAMPAIGN_EVENT_TYPES],
  tables: {
    campaigns: { entity: CampaignRow, key: ['campaignId'] },
    participations: {
      entity: CampaignParticipationRow,
      key: ['campaignId', 'safir'],
      stable: ['region'],
      indexes: [['safir'], ['region']],
    },
    reports: { entity: CampaignReportRow, key: ['campaignId', 'safir', 'on'] },
    agencies: { entity: CampaignAgencyRow, key: ['safir'] },
  },
  touches(e) {
    const d = e.data as { campaignId: string; leadSafir: string; safir: string; on?: string };
    switch (e.type) {
      case 'AgencyRegistered':
        return [{ table: 'agencies', key: { safir: d.safir } }];
      case 'CampaignLaunched':
        return [
          { table: 'campaigns', key: { campaignId: d.campaignId } },
          { table: 'participations', key: { campaignId: d.campaignId, safir: d.leadSafir } },
          { table: 'agencies', key: { safir: d.leadSafir } },
        ];
      case 'CampaignAgencyJoined':
        return [
          { table: 'participations', key: { campaignId: d.campaignId, safir: d.safir } },
          { table: 'agencies', key: { safir: d.safir } },
        ];
      case 'CampaignProgressReported':
        return [
          { table: 'participations', key: { campaignId: d.campaignId, safir: d.safir } },
          { table: 'reports', key: { campaignId: d.campaignId, safir: d.safir, on: d.on } },
        ];
      default:
        return [{ table: 'campaigns', key: { campaignId: d.campaignId } }];
    }
  },
  apply(e, rows) {
    const event = { type: e.type, data: e.data } as Any;
    const day = dayOf(e.metadata.occurredAt)!;
    const join = (campaignId: string, safir: string, role: CampaignParticipationRow['role']) =>
      rows.put('participations', {
        campaignId,
        safir,
        region: rows.get('agencies', { safir })?.region ?? null,
        role,
        joinedOn: day,
        applications: 0,
        hires: 0,
        lastReportOn: null,
      });
    switch (event.type) {
      case 'AgencyRegistered':
        return rows.put('agencies', { safir: event.data.safir, region: event.data.region });
      case 'CampaignLaunched': {
        const { campaignId, leadSafir, name, employerPartnerId, plannedEndOn, posts, dedicatedAdvisers, services } = event.data;
        rows.put('campaigns', {
          campaignId,
          leadSafir,
          name,
          employerPartnerId,
          startedOn: day,
          plannedEndOn,
          closedOn: null,
          outcome: null,
          posts,
          dedicatedAdvisers,
          services,
        });
        return join(campaignId, leadSafir, 'LEAD');
      }
      case 'CampaignAgencyJoined':
        return join(event.data.campaignId, event.data.safir, 'PARTICIPANT');
      case 'CampaignProgressReported': {
        const { campaignId, safir, on, applications, hires } = event.data;
        rows.put('reports', { campaignId, safir, on, applications, hires });
        const p = rows.get('participations', { campaignId, safir });
        return p && rows.put('participations', { ...p, applications, hires, lastReportOn: on });
      }
      case 'CampaignClosed': {
        const c = rows.get('campaigns', { campaignId: event.data.campaignId });
        return c && rows.put('campaigns', { ...c, closedOn: day, outcome: event.data.outcome });
      }
    }
  },
});
