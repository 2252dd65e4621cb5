import { Decider, DomainError } from '../../../shared-kernel/src';
import { CATEGORIES, dataInclusionCode, PartnerCategory, Scale, validSiret } from './categories';
import type { PartnerEvent } from './partnerships.events';

export interface PartnerState {
  exists: boolean;
  partnerId: string | null;
  closed: boolean;
  category: PartnerCategory | null;
}

export type PartnerCommand =
  | { kind: 'register'; partnerId: string; name: string; category: PartnerCategory; subkind: string | null; siret: string | null; scale: Scale; parentPartnerId: string | null; parentExists: boolean }
  | { kind: 'update'; name: string; scale: Scale; siret: string | null }
  | { kind: 'close'; reason: string };

function checkSiret(siret: string | null): void {
  if (siret !== null && !validSiret(siret)) throw new DomainError('INVALID_SIRET', 'siret must be 14 digits passing the Luhn check (La Poste: digit sum divisible by 5)', 'rule', 'siret');
}

export const partnerDecider: Decider<PartnerCommand, PartnerEvent, PartnerState> = {
  initialState: () => ({ exists: false, partnerId: null, closed: false, category: null }),
  evolve: (s, e) =>
    e.type === 'PartnerRegistered'
      ? { ...s, exists: true, partnerId: e.data.partnerId, category: e.data.category }
      : e.type === 'PartnerClosed'
        ? { ...s, closed: true }
        : s,
  decide(c, s) {
    if (c.kind === 'register') {
      if (s.exists) throw new DomainError('PARTNER_EXISTS', `partner ${c.partnerId} already exists`, 'conflict', 'partnerId');
      checkSiret(c.siret);
      if (c.subkind !== null && !(CATEGORIES[c.category].dataInclusion as readonly string[]).includes(c.subkind)) {
        throw new DomainError('INVALID_SUBKIND', `subkind ${c.subkind} does not belong to ${c.category}`, 'rule', 'subkind');
      }
      if (c.parentPartnerId !== null && !c.parentExists) throw new DomainError('UNKNOWN_PARENT', `no partner ${c.parentPartnerId}`, 'rule', 'parentPartnerId');
      const { kind: _k, parentExists: _p, ...rest } = c;
      return [{ type: 'PartnerRegistered', data: { ...rest, dataInclusionCode: dataInclusionCode(c.category, c.subkind) } }];
    }
    if (!s.exists) throw new DomainError('PARTNER_NOT_FOUND', 'no such partner', 'not_found');
    if (s.closed) throw new DomainError('PARTNER_CLOSED', 'this partner is closed', 'rule');
    if (c.kind === 'update') {
      checkSiret(c.siret);
      return [{ type: 'PartnerUpdated', data: { partnerId: s.partnerId!, name: c.name, scale: c.scale, siret: c.siret } }];
    }
    return [{ type: 'PartnerClosed', data: { partnerId: s.partnerId!, reason: c.reason } }];
  },
};
