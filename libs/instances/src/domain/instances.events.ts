import type { WhenItHappened } from '@ancrage/shared-kernel';

/**
 * The partnership bodies and networks an agency takes part in (the study: "les instances du
 * Service public de l'emploi de proximité", encadré 9's « cercle de l'alternance », business clubs,
 * the EPCI's technical coordination, territorial GPEC projects, a town's insertion commission).
 */
export const INSTANCE_KINDS = [
  'SPEP_PROXIMITE',
  'CERCLE_ALTERNANCE',
  'BUSINESS_CLUB',
  'EPCI_COORDINATION',
  'GPEC_TERRITORIALE',
  'INSERTION_COMMISSION',
  'OTHER_NETWORK',
] as const;
export type InstanceKind = (typeof INSTANCE_KINDS)[number];

/** Who represented the agency at a meeting. */
export const ATTENDEE_ROLES = ['AGENCY_DIRECTOR', 'TEAM_MANAGER', 'ADVISER'] as const;
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number];

export interface InstanceJoinedData {
  safir: string;
  instanceId: string;
  kind: InstanceKind;
  name: string;
  /** The partner that convenes the instance (the training centre of a cercle de l'alternance…), if any. */
  convenorPartnerId: string | null;
  /** Partners of the register that sit in it beside the agency. */
  memberPartnerIds: string[];
}

export interface InstanceMeetingData {
  safir: string;
  instanceId: string;
  meetingId: string;
  date: string;
  /** Whether the agency was represented: the study's proactive agencies are, the others not always. */
  attended: boolean;
  attendedBy: AttendeeRole[];
  topic: string;
  note: string | null;
}

export type InstanceEvent = WhenItHappened<
  | { type: 'InstanceJoined'; data: InstanceJoinedData }
  | { type: 'InstanceMembersChanged'; data: { safir: string; instanceId: string; added: string[]; removed: string[] } }
  | { type: 'InstanceMeetingRecorded'; data: InstanceMeetingData }
  | { type: 'InstanceLeft'; data: { safir: string; instanceId: string; reason: string } }
>;

export const INSTANCE_EVENT_TYPES = ['InstanceJoined', 'InstanceMembersChanged', 'InstanceMeetingRecorded', 'InstanceLeft'] as const;
export const instanceStream = (safir: string, instanceId: string) => `instance-${safir}-${instanceId}`;
