import { dayOf } from '@ancrage/shared-kernel';
import { defineProjection } from '@ancrage/projections';
import { INSTANCE_EVENT_TYPES, InstanceEvent } from '../domain/instances.events';
import { InstanceMeetingRow, InstanceRow } from './instances.entities';

export type InstanceTables = { instances: InstanceRow; meetings: InstanceMeetingRow };

/** The agency's instances and their meetings, each as of its own date (joined, met, left). */
export const instancesProjection = defineProjection<InstanceTables>({
  name: 'instances',
  version: 1,
  eventTypes: INSTANCE_EVENT_TYPES,
  tables: {
    instances: { entity: InstanceRow, key: ['safir', 'instanceId'] },
    meetings: { entity: InstanceMeetingRow, key: ['safir', 'instanceId', 'meetingId'] },
  },
  touches(e) {
    const d = e.data as { safir: string; instanceId: string; meetingId?: string };
    const instance = { table: 'instances' as const, key: { safir: d.safir, instanceId: d.instanceId } };
    return e.type === 'InstanceMeetingRecorded'
      ? [{ table: 'meetings', key: { safir: d.safir, instanceId: d.instanceId, meetingId: d.meetingId } }]
      : [instance];
  },
  apply(e, rows) {
    const event = { type: e.type, data: e.data } as InstanceEvent;
    const key = { safir: event.data.safir, instanceId: event.data.instanceId };
    switch (event.type) {
      case 'InstanceJoined': {
        const { safir, instanceId, kind, name, convenorPartnerId, memberPartnerIds } = event.data;
        const joinedOn = dayOf(e.metadata.occurredAt)!;
        return rows.put('instances', {
          safir,
          instanceId,
          kind,
          name,
          convenorPartnerId,
          memberPartnerIds,
          joinedOn,
          leftOn: null,
          leaveReason: null,
        });
      }
      case 'InstanceMembersChanged': {
        const row = rows.get('instances', key);
        if (!row) return;
        const { added, removed } = event.data;
        return rows.put('instances', { ...row, memberPartnerIds: [...row.memberPartnerIds.filter((p) => !removed.includes(p)), ...added] });
      }
      case 'InstanceMeetingRecorded': {
        const { meetingId, date, attended, attendedBy, topic, note } = event.data;
        return rows.put('meetings', { ...key, meetingId, date, attended, attendedBy, topic, note });
      }
      case 'InstanceLeft': {
        const row = rows.get('instances', key);
        return row && rows.put('instances', { ...row, leftOn: dayOf(e.metadata.occurredAt), leaveReason: event.data.reason });
      }
    }
  },
});
