import { refusalOf } from '@ancrage/testing/refusal';
import { fold } from '@ancrage/shared-kernel';
import { InstanceCommand, instanceDecider } from './instance.decider';
import type { InstanceEvent } from './instances.events';

const ctx = { now: new Date('2018-05-01T08:00:00Z'), actor: 'm', role: 'manager' };
const target = { safir: '62001', instanceId: 'spep-berck' };
type Variant = InstanceCommand extends infer C ? (C extends InstanceCommand ? Omit<C, keyof typeof target> : never) : never;

/** The events a command decides after the given ones, each with its occurredAt as the runner would stamp it. */
function decide(given: InstanceEvent[], c: Variant): InstanceEvent[] {
  return instanceDecider.decide({ ...target, ...c }, fold(instanceDecider, given), ctx);
}
const refusal = (given: InstanceEvent[], c: Variant) => refusalOf(() => decide(given, c));

const join: Variant = {
  kind: 'join',
  instanceKind: 'SPEP_PROXIMITE',
  name: 'SPE de proximité du Montreuillois',
  convenorPartnerId: null,
  memberPartnerIds: ['ml-berck', 'cap-62', 'ml-berck'],
  joinedOn: '2017-01-10',
  unknownPartners: [],
};
const joined = decide([], join);
const meeting = (meetingId: string, date: string, attended = true): Variant => ({
  kind: 'record-meeting',
  meetingId,
  date,
  attended,
  attendedBy: attended ? ['AGENCY_DIRECTOR'] : [],
  topic: 'Plan de mobilisation',
  note: null,
});

describe('instance decider', () => {
  it('joins on the day given, with each member once', () => {
    expect(joined).toEqual([
      {
        type: 'InstanceJoined',
        data: {
          ...target,
          kind: 'SPEP_PROXIMITE',
          name: 'SPE de proximité du Montreuillois',
          convenorPartnerId: null,
          memberPartnerIds: ['ml-berck', 'cap-62'],
        },
        occurredAt: '2017-01-10T12:00:00.000Z',
      },
    ]);
    expect(refusal(joined, join)).toEqual({ code: 'INSTANCE_EXISTS', kind: 'conflict', field: 'instanceId' });
  });

  it('refuses partners the register does not hold, naming the field they came in', () => {
    expect(refusal([], { ...join, unknownPartners: ['ghost'] })).toMatchObject({
      code: 'UNKNOWN_PARTNER',
      field: 'memberPartnerIds',
    });
    expect(refusal([], { ...join, convenorPartnerId: 'cfa-x', unknownPartners: ['cfa-x'] })).toMatchObject({
      code: 'UNKNOWN_PARTNER',
      field: 'convenorPartnerId',
    });
    expect(refusal([], { ...join, joinedOn: '2018-05-02' })).toMatchObject({ code: 'FUTURE_DATE', field: 'joinedOn' });
  });

  it('records meetings once, dated on their day, not before joining nor after today', () => {
    const [m] = decide(joined, meeting('m1', '2017-03-02'));
    expect(m).toMatchObject({ type: 'InstanceMeetingRecorded', occurredAt: '2017-03-02T12:00:00.000Z', data: { attended: true } });
    expect(refusal([...joined, m], meeting('m1', '2017-04-02'))).toMatchObject({ code: 'MEETING_EXISTS', kind: 'conflict' });
    expect(refusal(joined, meeting('m2', '2016-12-01'))).toMatchObject({ code: 'DATE_BEFORE_JOINING', field: 'date' });
    expect(refusal(joined, meeting('m2', '2018-05-03'))).toMatchObject({ code: 'FUTURE_DATE', field: 'date' });
  });

  it('knows who attended: someone when attended, no one when missed', () => {
    expect(refusal(joined, { ...meeting('m2', '2017-03-02'), attendedBy: [] } as Variant)).toMatchObject({
      code: 'ATTENDEES_REQUIRED',
      field: 'attendedBy',
    });
    expect(refusal(joined, { ...meeting('m2', '2017-03-02', false), attendedBy: ['ADVISER'] } as Variant)).toMatchObject({
      code: 'ATTENDEES_UNEXPECTED',
    });
    expect(decide(joined, meeting('m2', '2017-03-02', false))[0]).toMatchObject({ data: { attended: false, attendedBy: [] } });
  });

  it('changes members only with partners to add or remove, each in the right state', () => {
    const change = (added: string[], removed: string[]): Variant => ({ kind: 'change-members', added, removed, unknownPartners: [] });
    expect(decide(joined, change(['plie-62'], ['cap-62']))[0]).toMatchObject({ data: { added: ['plie-62'], removed: ['cap-62'] } });
    expect(refusal(joined, change(['cap-62'], []))).toMatchObject({ code: 'ALREADY_MEMBER', field: 'added' });
    expect(refusal(joined, change([], ['plie-62']))).toMatchObject({ code: 'NOT_A_MEMBER', field: 'removed' });
    expect(refusal(joined, change([], []))).toMatchObject({ code: 'NO_MEMBER_CHANGE' });
    expect(refusal([], change(['plie-62'], []))).toMatchObject({ code: 'INSTANCE_NOT_FOUND', kind: 'not_found' });
  });

  it('after leaving, takes only meetings held before the agency left', () => {
    const left = [...joined, ...decide(joined, { kind: 'leave', reason: 'fusion des instances', leftOn: '2018-01-31' })];
    expect(decide(left, meeting('m3', '2018-01-15'))).toHaveLength(1);
    expect(refusal(left, meeting('m4', '2018-02-15'))).toMatchObject({ code: 'INSTANCE_LEFT' });
    expect(refusal(left, { kind: 'leave', reason: 'encore' })).toMatchObject({ code: 'INSTANCE_LEFT' });
    expect(refusal(joined, { kind: 'leave', reason: 'x', leftOn: '2016-01-01' })).toMatchObject({ code: 'DATE_BEFORE_JOINING' });
  });
});
