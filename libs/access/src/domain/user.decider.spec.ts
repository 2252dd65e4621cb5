import { DomainError, fold } from '@ancrage/shared-kernel';
import type { AccessEvent } from './access.events';
import { userDecider, UserCommand } from './user.decider';

const now = new Date('2026-01-10T00:00:00Z');
const ctx = { now, actor: 'admin', role: 'admin' };
const given = (...events: AccessEvent[]) => fold(userDecider, events);
const when = (events: AccessEvent[], command: UserCommand) => userDecider.decide(command, given(...events), ctx);
const registered: AccessEvent = { type: 'UserRegistered', data: { userId: 'claire', displayName: 'Claire', email: null } };

describe('user decider', () => {
  it('registers a user once', () => {
    expect(when([], { kind: 'register', userId: 'claire', displayName: 'Claire', email: null })).toEqual([registered]);
    expect(() => when([registered], { kind: 'register', userId: 'claire', displayName: 'Claire', email: null })).toThrow(DomainError);
  });

  it('refuses an ill-formed user id', () => {
    expect(() => when([], { kind: 'register', userId: 'Claire Dupont', displayName: 'C', email: null })).toThrow(/userId/);
  });

  it('grants a role with a validated, sorted scope, replacing an earlier grant of that role', () => {
    const events = when([registered], { kind: 'grant', grant: { role: 'manager', agencies: ['75002', '75001', '75001'] } });
    expect(events).toEqual([{ type: 'RoleGranted', data: { userId: 'claire', grant: { role: 'manager', agencies: ['75001', '75002'] } } }]);
    const state = given(registered, ...events, {
      type: 'RoleGranted',
      data: { userId: 'claire', grant: { role: 'manager', agencies: ['13002'] } },
    });
    expect(state.grants).toEqual([{ role: 'manager', agencies: ['13002'] }]);
  });

  it('refuses a manager without agencies and a director without regions', () => {
    expect(() => when([registered], { kind: 'grant', grant: { role: 'manager', agencies: [] } })).toThrow(/agencies/);
    expect(() => when([registered], { kind: 'grant', grant: { role: 'director', regions: ['Île-de-France'] } })).toThrow(/regions/);
  });

  it('revokes only a role that was granted', () => {
    const granted: AccessEvent = { type: 'RoleGranted', data: { userId: 'claire', grant: { role: 'auditor' } } };
    expect(when([registered, granted], { kind: 'revoke', role: 'auditor' })).toEqual([
      { type: 'RoleRevoked', data: { userId: 'claire', role: 'auditor' } },
    ]);
    expect(() => when([registered], { kind: 'revoke', role: 'auditor' })).toThrow(/no auditor role/);
  });

  it('issues tokens only to enabled users, with a future expiry, and revokes them once', () => {
    const issue: UserCommand = { kind: 'issue-token', tokenId: 't1', secretSha256: 'ab', label: 'cli', expiresAt: null };
    const disabled: AccessEvent = { type: 'UserDisabled', data: { userId: 'claire', reason: 'left' } };
    expect(() => when([registered, disabled], issue)).toThrow(/disabled/);
    expect(() => when([registered], { ...issue, expiresAt: '2020-01-01T00:00:00Z' })).toThrow(/future/);
    const issued = when([registered], issue);
    expect(issued[0].type).toBe('ApiTokenIssued');
    const revoked = when([registered, ...issued], { kind: 'revoke-token', tokenId: 't1' });
    expect(revoked).toEqual([{ type: 'ApiTokenRevoked', data: { userId: 'claire', tokenId: 't1' } }]);
    expect(when([registered, ...issued, ...revoked], { kind: 'revoke-token', tokenId: 't1' })).toEqual([]);
  });

  it('disables and enables idempotently', () => {
    const disabled: AccessEvent = { type: 'UserDisabled', data: { userId: 'claire', reason: 'left' } };
    expect(when([registered, disabled], { kind: 'disable', reason: 'again' })).toEqual([]);
    expect(when([registered, disabled], { kind: 'enable' })).toEqual([{ type: 'UserEnabled', data: { userId: 'claire' } }]);
  });
});
