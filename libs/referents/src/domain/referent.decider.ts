import { dayOf, Decider, DomainError, factOn } from '@ancrage/shared-kernel';
import type { ReferentContact, ReferentEvent, ReferentSide } from './referents.events';

interface ReferentState {
  namedOn: string | null;
  withdrawnOn: string | null;
  contact: ReferentContact;
}

/** Keyed by ids the client chose: a Map, so an id such as `constructor` is just an id. */
export interface ReferentsState {
  referents: Map<string, ReferentState>;
}

interface Target {
  safir: string;
  partnerId: string;
  referentId: string;
}

export type ReferentsCommand = Target &
  (
    | {
        kind: 'name';
        side: ReferentSide;
        name: string;
        contact: ReferentContact;
        namedOn?: string;
        /** Read by the handler from the partner's stream. */
        partner: { exists: boolean; closed: boolean };
      }
    | { kind: 'change-contact'; contact: Partial<ReferentContact>; changedOn?: string }
    | { kind: 'withdraw'; reason: string; withdrawnOn?: string }
  );

export const referentsDecider: Decider<ReferentsCommand, ReferentEvent, ReferentsState> = {
  initialState: () => ({ referents: new Map() }),
  evolve(s, e) {
    const referents = new Map(s.referents);
    const current = referents.get(e.data.referentId);
    switch (e.type) {
      case 'ReferentNamed': {
        const { role, phone, email } = e.data;
        referents.set(e.data.referentId, { namedOn: dayOf(e.occurredAt), withdrawnOn: null, contact: { role, phone, email } });
        break;
      }
      case 'ReferentContactChanged':
        if (current) {
          const { role, phone, email } = e.data;
          referents.set(e.data.referentId, { ...current, contact: { role, phone, email } });
        }
        break;
      case 'ReferentWithdrawn':
        if (current) referents.set(e.data.referentId, { ...current, withdrawnOn: dayOf(e.occurredAt) });
        break;
    }
    return { referents };
  },
  decide(c, s, { now }) {
    const target = { safir: c.safir, partnerId: c.partnerId, referentId: c.referentId };
    const current = s.referents.get(c.referentId);
    if (c.kind === 'name') {
      if (!c.partner.exists) throw new DomainError('PARTNER_NOT_FOUND', `no partner ${c.partnerId} in the register`, 'not_found');
      if (c.partner.closed) throw new DomainError('PARTNER_CLOSED', 'this partner is closed', 'rule');
      if (current) throw new DomainError('REFERENT_EXISTS', `referent ${c.referentId} is already named`, 'conflict', 'referentId');
      refuseNoWayToReach(c.contact);
      const data = { ...target, side: c.side, name: c.name, ...c.contact };
      return [{ type: 'ReferentNamed', data, ...factOn(c.namedOn, now, 'namedOn') }];
    }
    if (!current) throw new DomainError('REFERENT_NOT_FOUND', 'no such referent for this partnership', 'not_found');
    if (current.withdrawnOn) throw new DomainError('REFERENT_WITHDRAWN', `this referent was withdrawn on ${current.withdrawnOn}`, 'rule');
    const sinceNamed = { notBefore: { day: current.namedOn, code: 'DATE_BEFORE_NAMING', why: 'the day the referent was named' } };
    if (c.kind === 'change-contact') {
      const next: ReferentContact = { ...current.contact, ...c.contact };
      refuseNoWayToReach(next);
      const same = next.role === current.contact.role && next.phone === current.contact.phone && next.email === current.contact.email;
      if (same) return [];
      return [{ type: 'ReferentContactChanged', data: { ...target, ...next }, ...factOn(c.changedOn, now, 'changedOn', sinceNamed) }];
    }
    return [{ type: 'ReferentWithdrawn', data: { ...target, reason: c.reason }, ...factOn(c.withdrawnOn, now, 'withdrawnOn', sinceNamed) }];
  },
};

/** A referent no one can reach is not a referent: a phone or an e-mail is required. */
function refuseNoWayToReach(contact: ReferentContact): void {
  if (contact.phone === null && contact.email === null)
    throw new DomainError('REFERENT_UNREACHABLE', 'give a phone number or an e-mail address', 'rule', 'email');
}
