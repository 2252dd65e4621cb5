import { dayOf, Decider, DomainError, factOn } from '@ancrage/shared-kernel';
import type { AttendeeRole, InstanceEvent, InstanceKind } from './instances.events';

export interface InstanceState {
  joined: boolean;
  joinedOn: string | null;
  leftOn: string | null;
  members: string[];
  meetingIds: string[];
}

interface Target {
  safir: string;
  instanceId: string;
}

export type InstanceCommand = Target &
  (
    | {
        kind: 'join';
        instanceKind: InstanceKind;
        name: string;
        convenorPartnerId: string | null;
        memberPartnerIds: string[];
        joinedOn?: string;
        /** Partners named in the command that the register does not hold (the handler looks them up). */
        unknownPartners: string[];
      }
    | { kind: 'change-members'; added: string[]; removed: string[]; changedOn?: string; unknownPartners: string[] }
    | {
        kind: 'record-meeting';
        meetingId: string;
        date: string;
        attended: boolean;
        attendedBy: AttendeeRole[];
        topic: string;
        note: string | null;
      }
    | { kind: 'leave'; reason: string; leftOn?: string }
  );

const unique = (list: string[]) => [...new Set(list)];

export const instanceDecider: Decider<InstanceCommand, InstanceEvent, InstanceState> = {
  initialState: () => ({ joined: false, joinedOn: null, leftOn: null, members: [], meetingIds: [] }),
  evolve(s, e) {
    switch (e.type) {
      case 'InstanceJoined':
        return { ...s, joined: true, joinedOn: dayOf(e.occurredAt), members: unique(e.data.memberPartnerIds) };
      case 'InstanceMembersChanged':
        return { ...s, members: unique([...s.members.filter((m) => !e.data.removed.includes(m)), ...e.data.added]) };
      case 'InstanceMeetingRecorded':
        return { ...s, meetingIds: [...s.meetingIds, e.data.meetingId] };
      case 'InstanceLeft':
        return { ...s, leftOn: dayOf(e.occurredAt) };
    }
  },
  decide(c, s, { now }) {
    const target = { safir: c.safir, instanceId: c.instanceId };
    if (c.kind === 'join') {
      if (s.joined) throw new DomainError('INSTANCE_EXISTS', `instance ${c.instanceId} is already recorded`, 'conflict', 'instanceId');
      const convenorUnknown = c.convenorPartnerId !== null && c.unknownPartners.includes(c.convenorPartnerId);
      refuseUnknown(c.unknownPartners, convenorUnknown ? 'convenorPartnerId' : 'memberPartnerIds');
      const dated = factOn(c.joinedOn, now, 'joinedOn');
      const data = {
        ...target,
        kind: c.instanceKind,
        name: c.name,
        convenorPartnerId: c.convenorPartnerId,
        memberPartnerIds: unique(c.memberPartnerIds),
      };
      return [{ type: 'InstanceJoined', data, ...dated }];
    }
    if (!s.joined) throw new DomainError('INSTANCE_NOT_FOUND', 'no such instance for this agency', 'not_found');
    // A meeting held before the agency left may still be recorded late; nothing else changes after.
    if (s.leftOn && !(c.kind === 'record-meeting' && c.date <= s.leftOn))
      throw new DomainError('INSTANCE_LEFT', `the agency left this instance on ${s.leftOn}`, 'rule');
    const sinceJoining = { notBefore: { day: s.joinedOn, code: 'DATE_BEFORE_JOINING', why: 'the day the agency joined the instance' } };
    switch (c.kind) {
      case 'change-members': {
        refuseUnknown(c.unknownPartners, 'added');
        const added = unique(c.added);
        const removed = unique(c.removed);
        const already = added.filter((p) => s.members.includes(p));
        if (already.length) throw new DomainError('ALREADY_MEMBER', `already a member: ${already.join(', ')}`, 'rule', 'added');
        const absent = removed.filter((p) => !s.members.includes(p));
        if (absent.length) throw new DomainError('NOT_A_MEMBER', `not a member: ${absent.join(', ')}`, 'rule', 'removed');
        if (!added.length && !removed.length)
          throw new DomainError('NO_MEMBER_CHANGE', 'name at least one partner to add or remove', 'rule', 'added');
        return [
          { type: 'InstanceMembersChanged', data: { ...target, added, removed }, ...factOn(c.changedOn, now, 'changedOn', sinceJoining) },
        ];
      }
      case 'record-meeting': {
        if (s.meetingIds.includes(c.meetingId))
          throw new DomainError('MEETING_EXISTS', `meeting ${c.meetingId} is already recorded`, 'conflict', 'meetingId');
        const dated = factOn(c.date, now, 'date', sinceJoining);
        const attendedBy = [...new Set(c.attendedBy)];
        if (c.attended && !attendedBy.length)
          throw new DomainError('ATTENDEES_REQUIRED', 'say who represented the agency', 'rule', 'attendedBy');
        if (!c.attended && attendedBy.length)
          throw new DomainError('ATTENDEES_UNEXPECTED', 'a meeting the agency missed has no attendees', 'rule', 'attendedBy');
        const { kind: _k, ...meeting } = c;
        return [{ type: 'InstanceMeetingRecorded', data: { ...meeting, attendedBy }, ...dated }];
      }
      case 'leave':
        return [{ type: 'InstanceLeft', data: { ...target, reason: c.reason }, ...factOn(c.leftOn, now, 'leftOn', sinceJoining) }];
    }
  },
};

function refuseUnknown(unknown: string[], field: string): void {
  if (!unknown.length) return;
  throw new DomainError('UNKNOWN_PARTNER', `no partner ${unknown.join(', ')} in the register`, 'rule', field);
}
