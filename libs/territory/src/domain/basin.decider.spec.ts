import { refusalOf } from '@ancrage/testing/refusal';
import { fold } from '@ancrage/shared-kernel';
import { BasinCommand, basinDecider } from './basin.decider';
import type { BasinEvent } from './basins.events';

const ctx = { now: new Date('2018-05-01T08:00:00Z'), actor: 'admin', role: 'admin' };
type Variant = BasinCommand extends infer C ? (C extends BasinCommand ? Omit<C, 'code'> : never) : never;

const decide = (given: BasinEvent[], c: Variant, code = '3214') => basinDecider.decide({ code, ...c }, fold(basinDecider, given), ctx);
const refusal = (given: BasinEvent[], c: Variant, code = '3214') => refusalOf(() => decide(given, c, code));

const register: Variant = { kind: 'register', name: 'Berck', departments: ['62', '62'] };
const registered = decide([], register);
const lead: Variant = {
  kind: 'assign-lead',
  partnerId: 'ml-montreuillois',
  safir: '62002',
  note: 'la plus proche du siège',
  since: '2017-02-01',
  agencyBasin: '3214',
  partner: { exists: true, closed: false },
};

describe('an employment basin', () => {
  it('is registered with its region taken from its code and its departments once each', () => {
    expect(registered).toEqual([{ type: 'BasinRegistered', data: { code: '3214', name: 'Berck', region: '32', departments: ['62'] } }]);
  });

  it('refuses a second registration, a code of no region, an unknown department and departments all outside its region', () => {
    expect(refusal(registered, register)).toEqual({ code: 'BASIN_EXISTS', kind: 'conflict', field: 'code' });
    expect(refusal([], register, '9999')).toEqual({ code: 'UNKNOWN_REGION', kind: 'rule', field: 'code' });
    expect(refusal([], { ...register, departments: ['62', '99'] })).toEqual({
      code: 'UNKNOWN_DEPARTMENT',
      kind: 'rule',
      field: 'departments',
    });
    expect(refusal([], { ...register, departments: ['75'] })).toEqual({ code: 'BASIN_OUTSIDE_REGION', kind: 'rule', field: 'departments' });
    // A zone reaching over a regional border is accepted when it lies in its own region too.
    expect(decide([], { ...register, departments: ['62', '76'] })[0].data).toMatchObject({ departments: ['62', '76'] });
  });

  it('is renamed, and a rename to the same name records nothing', () => {
    expect(decide(registered, { kind: 'rename', name: 'Berck-sur-Mer' })).toEqual([
      { type: 'BasinRenamed', data: { code: '3214', name: 'Berck-sur-Mer' } },
    ]);
    expect(decide(registered, { kind: 'rename', name: 'Berck' })).toEqual([]);
    expect(refusal([], { kind: 'rename', name: 'x' })).toMatchObject({ code: 'BASIN_NOT_FOUND', kind: 'not_found' });
  });

  it('gives a partner a lead agency of the basin from a day, and the same lead again records nothing', () => {
    const assigned = decide(registered, lead);
    expect(assigned).toEqual([
      {
        type: 'BasinLeadAgencyAssigned',
        data: { code: '3214', partnerId: 'ml-montreuillois', safir: '62002', note: 'la plus proche du siège' },
        occurredAt: '2017-02-01T12:00:00.000Z',
      },
    ]);
    expect(decide([...registered, ...assigned], lead)).toEqual([]);
    expect(decide([...registered, ...assigned], { ...lead, safir: '62001' })).toHaveLength(1);
    expect(decide(registered, { ...lead, partnerId: 'constructor' })).toHaveLength(1);
  });

  it('refuses a lead outside the basin, an unknown agency, a partner outside the register or closed, and a future day', () => {
    expect(refusal(registered, { ...lead, agencyBasin: '3203' })).toEqual({ code: 'AGENCY_NOT_IN_BASIN', kind: 'rule', field: 'safir' });
    expect(refusal(registered, { ...lead, agencyBasin: null })).toEqual({ code: 'AGENCY_NOT_FOUND', kind: 'rule', field: 'safir' });
    const partner = { exists: false, closed: false };
    expect(refusal(registered, { ...lead, partner })).toEqual({ code: 'PARTNER_NOT_FOUND', kind: 'rule', field: 'partnerId' });
    expect(refusal(registered, { ...lead, partner: { exists: true, closed: true } })).toMatchObject({ code: 'PARTNER_CLOSED' });
    expect(refusal(registered, { ...lead, since: '2018-05-02' })).toMatchObject({ code: 'FUTURE_DATE', field: 'since' });
    expect(refusal([], lead)).toMatchObject({ code: 'BASIN_NOT_FOUND' });
  });
});
