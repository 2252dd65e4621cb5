import type { RecordedEvent } from '@ancrage/event-store';
import { defineProjection, type Touch } from '@ancrage/projections';
import { dayOf } from '@ancrage/shared-kernel';
import { BASIN_EVENT_TYPES, type BasinEvent } from '../domain/basins.events';
import { AgencyInstanceRow, BasinLeadRow, BasinRow, PartnerLinkRow, PartnerNameRow, TerritoryCampaignRow } from './basins.entities';

export type BasinTables = {
  basins: BasinRow;
  links: PartnerLinkRow;
  partners: PartnerNameRow;
  leads: BasinLeadRow;
  instances: AgencyInstanceRow;
  campaigns: TerritoryCampaignRow;
};

/** The facts by which an agency works with a partner (the joint events' partners are counted too). */
const PARTNERSHIP_FACTS = ['AgreementSigned', 'PriorityCircleAssigned', 'ContactLogged', 'QualityAssessed', 'PartnerExpectationRecorded'];
const OTHER_CONTEXTS = ['PartnerRegistered', 'PartnerUpdated', 'JointEventHeld', 'InstanceJoined', 'InstanceLeft'];
const CAMPAIGNS = ['CampaignLaunched', 'CampaignAgencyJoined', 'CampaignClosed'];

type Data = Record<string, unknown> & { safir: string; partnerId: string; partnerIds: string[] };

/**
 * What a basin view shows beside the basin itself: which agencies work with which partners, who
 * leads each, and the instances and campaigns of the basin's agencies. Partners, instances and
 * campaigns are other contexts' events, folded here so the view is read from one projection.
 */
export const basinsProjection = defineProjection<BasinTables>({
  name: 'basins',
  version: 1,
  eventTypes: [...BASIN_EVENT_TYPES, ...PARTNERSHIP_FACTS, ...OTHER_CONTEXTS, ...CAMPAIGNS],
  agencyScoped: false,
  tables: {
    basins: { entity: BasinRow, key: ['code'], stable: ['region'] },
    links: { entity: PartnerLinkRow, key: ['safir', 'partnerId'], indexes: [['partnerId']] },
    partners: { entity: PartnerNameRow, key: ['partnerId'] },
    leads: { entity: BasinLeadRow, key: ['code', 'partnerId'] },
    instances: { entity: AgencyInstanceRow, key: ['safir', 'instanceId'] },
    campaigns: { entity: TerritoryCampaignRow, key: ['campaignId'] },
  },
  touches(e): Touch<BasinTables>[] {
    const d = e.data as Data;
    if (PARTNERSHIP_FACTS.includes(e.type)) return [{ table: 'links', key: { safir: d.safir, partnerId: d.partnerId } }];
    switch (e.type) {
      case 'BasinRegistered':
      case 'BasinRenamed':
        return [{ table: 'basins', key: { code: d.code } }];
      case 'BasinLeadAgencyAssigned':
        return [{ table: 'leads', key: { code: d.code, partnerId: d.partnerId } }];
      case 'PartnerRegistered':
      case 'PartnerUpdated':
        return [{ table: 'partners', key: { partnerId: d.partnerId } }];
      case 'JointEventHeld':
        return d.partnerIds.map((partnerId) => ({ table: 'links', key: { safir: d.safir, partnerId } }));
      case 'InstanceJoined':
      case 'InstanceLeft':
        return [{ table: 'instances', key: { safir: d.safir, instanceId: d.instanceId } }];
      default: // a campaign launched, joined or closed
        return [{ table: 'campaigns', key: { campaignId: d.campaignId } }];
    }
  },
  apply(e, rows) {
    const d = e.data as Data;
    const day = dayOf(e.metadata.occurredAt)!;
    if (PARTNERSHIP_FACTS.includes(e.type)) return link(rows, d.safir, d.partnerId, day);
    if (e.type === 'JointEventHeld') return d.partnerIds.forEach((partnerId) => link(rows, d.safir, partnerId, day));
    if ((BASIN_EVENT_TYPES as readonly string[]).includes(e.type)) return applyBasinEvent(e, rows, day);
    applyOtherContext(e, rows, day);
  },
});

type Rows = Parameters<(typeof basinsProjection)['apply']>[1];

function link(rows: Rows, safir: string, partnerId: string, day: string): void {
  const known = rows.get('links', { safir, partnerId });
  // A fact recorded late but dated earlier moves the link's first day back.
  if (!known || day < known.since) rows.put('links', { safir, partnerId, since: day });
}

function applyBasinEvent(e: RecordedEvent, rows: Rows, day: string): void {
  const event = { type: e.type, data: e.data } as BasinEvent;
  switch (event.type) {
    case 'BasinRegistered':
      return rows.put('basins', { ...event.data, registeredOn: day });
    case 'BasinRenamed': {
      const basin = rows.get('basins', { code: event.data.code });
      return basin && rows.put('basins', { ...basin, name: event.data.name });
    }
    case 'BasinLeadAgencyAssigned': {
      const { code, partnerId, safir, note } = event.data;
      return rows.put('leads', { code, partnerId, safir, note, since: day });
    }
  }
}

function applyOtherContext(e: RecordedEvent, rows: Rows, day: string): void {
  const d = e.data as Record<string, string>;
  switch (e.type) {
    case 'PartnerRegistered':
    case 'PartnerUpdated': {
      const category = d.category ?? rows.get('partners', { partnerId: d.partnerId })?.category ?? 'OTHER';
      return rows.put('partners', { partnerId: d.partnerId, name: d.name, category });
    }
    case 'InstanceJoined':
      return rows.put('instances', { safir: d.safir, instanceId: d.instanceId, kind: d.kind, name: d.name, leftOn: null });
    case 'InstanceLeft': {
      const instance = rows.get('instances', { safir: d.safir, instanceId: d.instanceId });
      return instance && rows.put('instances', { ...instance, leftOn: day });
    }
    case 'CampaignLaunched':
      return rows.put('campaigns', {
        campaignId: d.campaignId,
        name: d.name,
        leadSafir: d.leadSafir,
        agencies: [d.leadSafir],
        closedOn: null,
      });
    case 'CampaignAgencyJoined': {
      const campaign = rows.get('campaigns', { campaignId: d.campaignId });
      return campaign && rows.put('campaigns', { ...campaign, agencies: [...new Set([...campaign.agencies, d.safir])] });
    }
    case 'CampaignClosed': {
      const campaign = rows.get('campaigns', { campaignId: d.campaignId });
      return campaign && rows.put('campaigns', { ...campaign, closedOn: day });
    }
  }
}
