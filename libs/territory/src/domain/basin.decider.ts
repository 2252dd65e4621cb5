import { Decider, DomainError, factOn } from '@ancrage/shared-kernel';
import type { BasinEvent } from './basins.events';
import { DEPARTMENTS, regionOfBasin } from './geography';

export interface BasinState {
  registered: boolean;
  name: string | null;
  /** partnerId → the lead agency's SAFIR code; a Map, so an id such as `constructor` is just an id. */
  leads: Map<string, string>;
}

export type BasinCommand = { code: string } & (
  | { kind: 'register'; name: string; departments: string[]; registeredOn?: string }
  | { kind: 'rename'; name: string }
  | {
      kind: 'assign-lead';
      partnerId: string;
      safir: string;
      note: string | null;
      since?: string;
      /** Read by the handler from the agency's and the partner's own streams. */
      agencyBasin: string | null;
      partner: { exists: boolean; closed: boolean };
    }
);

export const basinDecider: Decider<BasinCommand, BasinEvent, BasinState> = {
  initialState: () => ({ registered: false, name: null, leads: new Map() }),
  evolve(s, e) {
    switch (e.type) {
      case 'BasinRegistered':
        return { ...s, registered: true, name: e.data.name };
      case 'BasinRenamed':
        return { ...s, name: e.data.name };
      case 'BasinLeadAgencyAssigned':
        return { ...s, leads: new Map(s.leads).set(e.data.partnerId, e.data.safir) };
    }
  },
  decide(c, s, { now }) {
    if (c.kind === 'register') {
      if (s.registered) throw new DomainError('BASIN_EXISTS', `basin ${c.code} is already registered`, 'conflict', 'code');
      const region = regionOfBasin(c.code);
      if (!region) throw new DomainError('UNKNOWN_REGION', `${c.code} does not start with an INSEE region code`, 'rule', 'code');
      const unknown = c.departments.find((d) => !DEPARTMENTS[d]);
      if (unknown) throw new DomainError('UNKNOWN_DEPARTMENT', `${unknown} is not a department code`, 'rule', 'departments');
      // A zone d'emploi may reach over a regional border, but it lies first in the region of its code.
      if (!c.departments.some((d) => DEPARTMENTS[d].region === region))
        throw new DomainError('BASIN_OUTSIDE_REGION', `basin ${c.code} covers no department of region ${region}`, 'rule', 'departments');
      const data = { code: c.code, name: c.name, region, departments: [...new Set(c.departments)] };
      return [{ type: 'BasinRegistered', data, ...factOn(c.registeredOn, now, 'registeredOn') }];
    }
    if (!s.registered) throw new DomainError('BASIN_NOT_FOUND', `no basin ${c.code}`, 'not_found');
    if (c.kind === 'rename') return c.name === s.name ? [] : [{ type: 'BasinRenamed', data: { code: c.code, name: c.name } }];
    if (c.agencyBasin === null) throw new DomainError('AGENCY_NOT_FOUND', `no agency ${c.safir}`, 'rule', 'safir');
    if (c.agencyBasin !== c.code)
      throw new DomainError('AGENCY_NOT_IN_BASIN', `agency ${c.safir} is in basin ${c.agencyBasin}, not ${c.code}`, 'rule', 'safir');
    if (!c.partner.exists) throw new DomainError('PARTNER_NOT_FOUND', `no partner ${c.partnerId} in the register`, 'rule', 'partnerId');
    if (c.partner.closed) throw new DomainError('PARTNER_CLOSED', 'this partner is closed', 'rule', 'partnerId');
    if (s.leads.get(c.partnerId) === c.safir) return [];
    const data = { code: c.code, partnerId: c.partnerId, safir: c.safir, note: c.note };
    return [{ type: 'BasinLeadAgencyAssigned', data, ...factOn(c.since, now, 'since') }];
  },
};
