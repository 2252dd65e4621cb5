import { refusalOf } from '@ancrage/testing/refusal';
import { fold } from '@ancrage/shared-kernel';
import { ReferentsCommand, referentsDecider } from './referent.decider';
import type { ReferentEvent } from './referents.events';

const ctx = { now: new Date('2018-05-01T08:00:00Z'), actor: 'm', role: 'manager' };
const target = { safir: '62002', partnerId: 'ml-berck', referentId: 'camille-durand' };
type Variant = ReferentsCommand extends infer C ? (C extends ReferentsCommand ? Omit<C, keyof typeof target> : never) : never;

function decide(given: ReferentEvent[], c: Variant, referentId = target.referentId): ReferentEvent[] {
  return referentsDecider.decide({ ...target, referentId, ...c }, fold(referentsDecider, given), ctx);
}
const refusal = (given: ReferentEvent[], c: Variant) => refusalOf(() => decide(given, c));

const name: Variant = {
  kind: 'name',
  side: 'PARTNER',
  name: 'Camille Durand',
  contact: { role: 'Chargée de relations entreprises', phone: '03 21 00 00 00', email: null },
  namedOn: '2017-09-04',
  partner: { exists: true, closed: false },
};
const named = decide([], name);

describe('the referents of a partnership', () => {
  it('names a referent on the day given, with how to reach them', () => {
    expect(named).toEqual([
      {
        type: 'ReferentNamed',
        data: {
          ...target,
          side: 'PARTNER',
          name: 'Camille Durand',
          role: 'Chargée de relations entreprises',
          phone: '03 21 00 00 00',
          email: null,
        },
        occurredAt: '2017-09-04T12:00:00.000Z',
      },
    ]);
  });

  it('refuses a partner outside the register or closed, a second referent of one id, and one no one can reach', () => {
    expect(refusal([], { ...name, partner: { exists: false, closed: false } })).toMatchObject({
      code: 'PARTNER_NOT_FOUND',
      kind: 'not_found',
    });
    expect(refusal([], { ...name, partner: { exists: true, closed: true } })).toMatchObject({ code: 'PARTNER_CLOSED' });
    expect(refusal(named, name)).toEqual({ code: 'REFERENT_EXISTS', kind: 'conflict', field: 'referentId' });
    const unreachable = { ...name, contact: { role: 'Directrice', phone: null, email: null } };
    expect(refusal([], unreachable)).toEqual({ code: 'REFERENT_UNREACHABLE', kind: 'rule', field: 'email' });
    expect(refusal([], { ...name, namedOn: '2018-05-02' })).toMatchObject({ code: 'FUTURE_DATE', field: 'namedOn' });
  });

  it('an id such as constructor is just an id', () => {
    expect(decide([], name, 'constructor')).toHaveLength(1);
    expect(() =>
      referentsDecider.decide({ ...target, referentId: '__proto__', kind: 'withdraw', reason: 'x' }, fold(referentsDecider, named), ctx),
    ).toThrow(expect.objectContaining({ code: 'REFERENT_NOT_FOUND' }));
  });

  it('changes part of the contact, keeps the rest, and records nothing when nothing changes', () => {
    const changed = decide(named, { kind: 'change-contact', contact: { email: 'c.durand@ml-berck.fr' }, changedOn: '2018-01-08' });
    expect(changed).toEqual([
      {
        type: 'ReferentContactChanged',
        data: { ...target, role: 'Chargée de relations entreprises', phone: '03 21 00 00 00', email: 'c.durand@ml-berck.fr' },
        occurredAt: '2018-01-08T12:00:00.000Z',
      },
    ]);
    expect(decide(named, { kind: 'change-contact', contact: { phone: '03 21 00 00 00' } })).toEqual([]);
    expect(refusal(named, { kind: 'change-contact', contact: { phone: null } })).toMatchObject({ code: 'REFERENT_UNREACHABLE' });
    expect(refusal(named, { kind: 'change-contact', contact: { role: 'x' }, changedOn: '2017-01-01' })).toMatchObject({
      code: 'DATE_BEFORE_NAMING',
      field: 'changedOn',
    });
  });

  it('a withdrawn referent changes no more', () => {
    const withdrawn = [...named, ...decide(named, { kind: 'withdraw', reason: 'a quitté la Mission locale', withdrawnOn: '2018-03-30' })];
    expect(withdrawn[1]).toMatchObject({ type: 'ReferentWithdrawn', occurredAt: '2018-03-30T12:00:00.000Z' });
    expect(refusal(withdrawn, { kind: 'withdraw', reason: 'again' })).toMatchObject({ code: 'REFERENT_WITHDRAWN' });
    expect(refusal(withdrawn, { kind: 'change-contact', contact: { role: 'x' } })).toMatchObject({ code: 'REFERENT_WITHDRAWN' });
    expect(refusal([], { kind: 'withdraw', reason: 'x' })).toMatchObject({ code: 'REFERENT_NOT_FOUND', kind: 'not_found' });
  });
});
