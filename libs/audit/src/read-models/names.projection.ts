import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RecordedEvent } from '@ancrage/event-store';
import { defineProjection } from '@ancrage/projections';

/**
 * What people call the things events refer to by id: a user's name, a plan action's title, a
 * joint event's title, a commitment's purpose. Learnt from the events that name them, so a history
 * reads « Avancement de l'action Parcours seniors » rather than an identifier, with no read of
 * another context's tables.
 */
@Entity('audit_names')
export class NameRow {
  @PrimaryColumn('text') kind: string;
  @PrimaryColumn('text') key: string;
  @Column('text') label: string;
}

export type NameKind =
  'user' | 'partner' | 'agreement' | 'jointEvent' | 'instance' | 'campaign' | 'pathway' | 'action' | 'priority' | 'commitment' | 'finding';

/** A stream's agency and year, for the plan, fund and diagnostic streams (`action-plan-62001-2018`). */
export function streamScope(streamId: string): string {
  const parts = streamId.split('-');
  return parts.slice(-2).join('/');
}

type Data = Record<string, unknown>;
const text = (d: Data, k: string) => (typeof d[k] === 'string' ? d[k] : '');

/** The names an event gives, as [kind, key, label]. */
function namesOf(e: RecordedEvent): [NameKind, string, string][] {
  const d = (e.data ?? {}) as Data;
  switch (e.type) {
    case 'UserRegistered':
      return [['user', text(d, 'userId'), text(d, 'displayName')]];
    case 'PartnerRegistered':
    case 'PartnerUpdated':
      return [['partner', text(d, 'partnerId'), text(d, 'name')]];
    case 'AgreementSigned':
      return [['agreement', `${text(d, 'safir')}/${text(d, 'partnerId')}/${text(d, 'agreementId')}`, text(d, 'reference')]];
    case 'JointEventPlanned':
      return [['jointEvent', `${text(d, 'safir')}/${text(d, 'jointEventId')}`, text(d, 'title')]];
    case 'InstanceJoined':
      return [['instance', `${text(d, 'safir')}/${text(d, 'instanceId')}`, text(d, 'name')]];
    case 'PathwayOpened':
      return [['pathway', `${text(d, 'safir')}/${text(d, 'pathwayId')}`, text(d, 'name')]];
    case 'CampaignLaunched':
      return [['campaign', text(d, 'campaignId'), text(d, 'name')]];
    case 'ActionAdded':
      return [['action', `${streamScope(e.streamId)}/${text(d, 'actionId')}`, text(d, 'title')]];
    case 'PriorityAdded':
      return [['priority', `${streamScope(e.streamId)}/${text(d, 'priorityId')}`, text(d, 'title')]];
    case 'ExpenditureCommitted':
      return [['commitment', `${streamScope(e.streamId)}/${text(d, 'commitmentId')}`, text(d, 'rationale')]];
    case 'DiagnosticPublished':
      return Array.isArray(d.findings)
        ? (d.findings as Data[]).map(
            (f) => ['finding', `${text(d, 'safir')}/${text(f, 'findingId')}`, text(f, 'title')] as [NameKind, string, string],
          )
        : [];
    default:
      return [];
  }
}

export const namesProjection = defineProjection<{ names: NameRow }>({
  name: 'names',
  // 2: instances', campaigns' and pathways' names.
  version: 2,
  agencyScoped: false,
  eventTypes: [
    'UserRegistered',
    'PartnerRegistered',
    'PartnerUpdated',
    'AgreementSigned',
    'JointEventPlanned',
    'InstanceJoined',
    'CampaignLaunched',
    'PathwayOpened',
    'ActionAdded',
    'PriorityAdded',
    'ExpenditureCommitted',
    'DiagnosticPublished',
  ],
  tables: { names: { entity: NameRow, key: ['kind', 'key'] } },
  touches: (e) => namesOf(e).map(([kind, key]) => ({ table: 'names' as const, key: { kind, key } })),
  apply(e, rows) {
    for (const [kind, key, label] of namesOf(e)) if (label) rows.put('names', { kind, key, label });
  },
});
