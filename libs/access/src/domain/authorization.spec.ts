import { authorise, Principal, readScope } from './authorization';

const who = (grants: Principal['grants']): Principal => ({ userId: 'u', displayName: 'U', grants });
const manager = who([{ role: 'manager', agencies: ['75001'] }]);
const director = who([{ role: 'director', regions: ['11'] }]);
const national = who([{ role: 'director', national: true }]);
const auditor = who([{ role: 'auditor' }]);
const admin = who([{ role: 'admin' }]);
const nobody = who([]);

describe('authorise', () => {
  it('lets a manager read and write their own agency only', () => {
    expect(authorise(manager, { kind: 'agency.read', agency: '75001', region: '11' })).not.toBeNull();
    expect(authorise(manager, { kind: 'agency.write', agency: '75001' })).not.toBeNull();
    expect(authorise(manager, { kind: 'agency.read', agency: '13002', region: '93' })).toBeNull();
    expect(authorise(manager, { kind: 'agency.write', agency: '13002' })).toBeNull();
    expect(authorise(manager, { kind: 'region.read', region: '11' })).toBeNull();
  });

  it('lets a director read the agencies and roll-ups of granted regions, and write nothing', () => {
    expect(authorise(director, { kind: 'agency.read', agency: '75001', region: '11' })).not.toBeNull();
    expect(authorise(director, { kind: 'agency.read', agency: '13002', region: '93' })).toBeNull();
    expect(authorise(director, { kind: 'region.read', region: '11' })).not.toBeNull();
    expect(authorise(director, { kind: 'national.read' })).toBeNull();
    expect(authorise(national, { kind: 'national.read' })).not.toBeNull();
    expect(authorise(director, { kind: 'agency.write', agency: '75001' })).toBeNull();
    expect(authorise(director, { kind: 'fund.authorise', agency: '75001', region: '11' })).not.toBeNull();
    expect(authorise(director, { kind: 'fund.authorise', agency: '13002', region: '93' })).toBeNull();
  });

  it('lets an auditor read everything and audit, but never write', () => {
    expect(authorise(auditor, { kind: 'agency.read', agency: '13002', region: '93' })).not.toBeNull();
    expect(authorise(auditor, { kind: 'audit' })).not.toBeNull();
    expect(authorise(auditor, { kind: 'agency.write', agency: '13002' })).toBeNull();
    expect(authorise(auditor, { kind: 'fund.allocate', agency: '13002', region: '93' })).toBeNull();
    expect(authorise(auditor, { kind: 'admin' })).toBeNull();
  });

  it('lets an admin administer and allocate envelopes, not record agency activity', () => {
    expect(authorise(admin, { kind: 'admin' })).not.toBeNull();
    expect(authorise(admin, { kind: 'fund.allocate', agency: '75001', region: '11' })).not.toBeNull();
    expect(authorise(admin, { kind: 'agency.write', agency: '75001' })).toBeNull();
  });

  it('gives nothing to a user without grants', () => {
    expect(authorise(nobody, { kind: 'scoped' })).toBeNull();
  });

  it('derives the read scope used to filter lists', () => {
    expect(readScope(manager)).toEqual({ all: false, agencies: ['75001'], regions: [] });
    expect(readScope(director)).toEqual({ all: false, agencies: [], regions: ['11'] });
    expect(readScope(national).all).toBe(true);
  });
});

describe('the shared partner register', () => {
  const write = (users: { agency: string; region: string | null }[] | null) => ({ kind: 'partners.write' as const, users });
  const ours = [{ agency: '75001', region: '11' }];
  const shared = [...ours, { agency: '13002', region: '93' }];

  it('lets any manager register a partner, and change one used by their agencies alone (or by none)', () => {
    expect(authorise(manager, write(null))).not.toBeNull();
    expect(authorise(manager, write([]))).not.toBeNull();
    expect(authorise(manager, write(ours))).not.toBeNull();
  });

  it('keeps a partner other agencies work with from a manager: a director covering them all, or an admin, changes it', () => {
    expect(authorise(manager, write(shared))).toBeNull();
    expect(authorise(director, write(ours))).not.toBeNull();
    expect(authorise(director, write(shared))).toBeNull();
    expect(authorise(who([{ role: 'director', national: true }]), write(shared))).not.toBeNull();
    expect(authorise(who([{ role: 'admin' }]), write(shared))).not.toBeNull();
    expect(authorise(who([{ role: 'auditor' }]), write(ours))).toBeNull();
  });
});
