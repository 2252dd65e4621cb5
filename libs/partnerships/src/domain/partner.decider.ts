import { dayOf, Decider, DomainError, factOn } from '@ancrage/shared-kernel';
import { CATEGORIES, dataInclusionCode, PartnerCategory, Scale, validSiret } from './categories';
import type { PartnerEvent } from './partnerships.events';

export interface PartnerState {
  exists: boolean;
  partnerId: string | null;
  closed: boolean;
  category: PartnerCategory | null;
  name: string | null;
  scale: Scale | null;
  siret: string | null;
  registeredOn: string | null;
}

export type PartnerCommand =
  | ({
      kind: 'register';
      partnerId: string;
      name: string;
      category: PartnerCategory;
      subkind: string | null;
      siret: string | null;
      scale: Scale;
      parentPartnerId: string | null;
      parentExists: boolean;
      registeredOn?: string;
    } & SiretHolder)
  /** A partial update: an absent field keeps its value; `siret: null` removes the SIRET. */
  | ({ kind: 'update'; name?: string; scale?: Scale; siret?: string | null; updatedOn?: string } & SiretHolder)
  | { kind: 'close'; reason: string; closedOn?: string };

/** Who already has the command's SIRET in the register (read by the handler; absent: nobody). */
interface SiretHolder {
  siretHolder?: { partnerId: string; name: string } | null;
}

function checkSiret(siret: string | null, partnerId: string, holder: SiretHolder['siretHolder']): void {
  if (siret !== null && !validSiret(siret))
    throw new DomainError(
      'INVALID_SIRET',
      'siret must be 14 digits passing the Luhn check (La Poste: digit sum divisible by 5)',
      'rule',
      'siret',
    );
  // One establishment, one entry: a second one would split its history between two partners.
  if (siret !== null && holder && holder.partnerId !== partnerId) {
    throw new DomainError(
      'SIRET_REGISTERED',
      `SIRET ${siret} is already that of « ${holder.name} » (${holder.partnerId}) in the register`,
      'conflict',
      'siret',
    );
  }
}

export const partnerDecider: Decider<PartnerCommand, PartnerEvent, PartnerState> = {
  initialState: () => ({
    exists: false,
    partnerId: null,
    closed: false,
    category: null,
    name: null,
    scale: null,
    siret: null,
    registeredOn: null,
  }),
  evolve: (s, e) => {
    switch (e.type) {
      case 'PartnerRegistered':
        return {
          ...s,
          exists: true,
          partnerId: e.data.partnerId,
          category: e.data.category,
          name: e.data.name,
          scale: e.data.scale,
          siret: e.data.siret,
          registeredOn: dayOf(e.occurredAt),
        };
      case 'PartnerUpdated':
        return { ...s, name: e.data.name, scale: e.data.scale, siret: e.data.siret };
      case 'PartnerClosed':
        return { ...s, closed: true };
    }
  },
  decide(c, s, { now }) {
    if (c.kind === 'register') {
      if (s.exists) throw new DomainError('PARTNER_EXISTS', `partner ${c.partnerId} already exists`, 'conflict', 'partnerId');
      checkSiret(c.siret, c.partnerId, c.siretHolder);
      if (c.subkind !== null && !(CATEGORIES[c.category].dataInclusion as readonly string[]).includes(c.subkind)) {
        throw new DomainError('INVALID_SUBKIND', `subkind ${c.subkind} does not belong to ${c.category}`, 'rule', 'subkind');
      }
      if (c.parentPartnerId !== null && !c.parentExists)
        throw new DomainError('UNKNOWN_PARENT', `no partner ${c.parentPartnerId}`, 'rule', 'parentPartnerId');
      const { kind: _k, parentExists: _p, registeredOn, siretHolder: _h, ...rest } = c;
      return [
        {
          type: 'PartnerRegistered',
          data: { ...rest, dataInclusionCode: dataInclusionCode(c.category, c.subkind) },
          ...factOn(registeredOn, now, 'registeredOn'),
        },
      ];
    }
    const afterRegistration = {
      notBefore: { day: s.registeredOn, code: 'DATE_BEFORE_REGISTRATION', why: 'the day the partner was registered' },
    };
    if (!s.exists) throw new DomainError('PARTNER_NOT_FOUND', 'no such partner', 'not_found');
    if (s.closed) throw new DomainError('PARTNER_CLOSED', 'this partner is closed', 'rule');
    if (c.kind === 'update') {
      const next = { name: c.name ?? s.name!, scale: c.scale ?? s.scale!, siret: c.siret === undefined ? s.siret : c.siret };
      checkSiret(next.siret, s.partnerId!, c.siretHolder);
      if (next.name === s.name && next.scale === s.scale && next.siret === s.siret) return [];
      return [
        { type: 'PartnerUpdated', data: { partnerId: s.partnerId!, ...next }, ...factOn(c.updatedOn, now, 'updatedOn', afterRegistration) },
      ];
    }
    return [
      {
        type: 'PartnerClosed',
        data: { partnerId: s.partnerId!, reason: c.reason },
        ...factOn(c.closedOn, now, 'closedOn', afterRegistration),
      },
    ];
  },
};
