import { Decider, DomainError } from '@ancrage/shared-kernel';
import type { AccessEvent, DigestFrequency, Grant, Role } from './access.events';

export interface ApiTokenState {
  tokenId: string;
  secretSha256: string;
  label: string;
  expiresAt: string | null;
  revoked: boolean;
}

export interface UserState {
  exists: boolean;
  userId: string | null;
  displayName: string | null;
  /** The address given at registration, or the one digests go to since. */
  email: string | null;
  digest: DigestFrequency;
  disabled: boolean;
  /** One grant per role: a new grant of a role replaces the previous one. */
  grants: Grant[];
  tokens: ApiTokenState[];
}

export type UserCommand =
  | { kind: 'register'; userId: string; displayName: string; email: string | null }
  /** `unknownAgencies`: the grant's agencies the territory does not know (read by the handler). */
  | { kind: 'grant'; grant: Grant; unknownAgencies?: string[] }
  | { kind: 'revoke'; role: Role }
  | { kind: 'disable'; reason: string }
  | { kind: 'enable' }
  | { kind: 'issue-token'; tokenId: string; secretSha256: string; label: string; expiresAt: string | null }
  | { kind: 'revoke-token'; tokenId: string }
  /** `email`: the address digests go to (default: the one the user has). */
  | { kind: 'set-digest'; frequency: DigestFrequency; email?: string };

export const USER_ID = /^[a-z0-9][a-z0-9_-]{1,62}$/;

export const userDecider: Decider<UserCommand, AccessEvent, UserState> = {
  initialState: () => ({
    exists: false,
    userId: null,
    displayName: null,
    email: null,
    digest: 'NONE',
    disabled: false,
    grants: [],
    tokens: [],
  }),

  evolve(state, event) {
    switch (event.type) {
      case 'UserRegistered':
        return { ...state, exists: true, userId: event.data.userId, displayName: event.data.displayName, email: event.data.email };
      case 'RoleGranted':
        return { ...state, grants: [...state.grants.filter((g) => g.role !== event.data.grant.role), event.data.grant] };
      case 'RoleRevoked':
        return { ...state, grants: state.grants.filter((g) => g.role !== event.data.role) };
      case 'UserDisabled':
        return { ...state, disabled: true };
      case 'UserEnabled':
        return { ...state, disabled: false };
      case 'ApiTokenIssued': {
        const { tokenId, secretSha256, label, expiresAt } = event.data;
        return { ...state, tokens: [...state.tokens, { tokenId, secretSha256, label, expiresAt, revoked: false }] };
      }
      case 'ApiTokenRevoked':
        return { ...state, tokens: state.tokens.map((t) => (t.tokenId === event.data.tokenId ? { ...t, revoked: true } : t)) };
      case 'DigestPreferenceSet':
        return { ...state, digest: event.data.frequency, email: event.data.email };
    }
  },

  decide(command, state, { now }) {
    if (command.kind === 'register') {
      if (state.exists) throw new DomainError('USER_EXISTS', `user ${command.userId} is already registered`, 'conflict', 'userId');
      if (!USER_ID.test(command.userId)) {
        throw new DomainError('INVALID_USER_ID', 'userId must be 2-63 lower-case letters, digits, - or _', 'rule', 'userId');
      }
      return [{ type: 'UserRegistered', data: { userId: command.userId, displayName: command.displayName, email: command.email } }];
    }
    if (!state.exists) throw new DomainError('USER_NOT_FOUND', 'no such user', 'not_found');
    const userId = state.userId!;
    switch (command.kind) {
      case 'grant':
        if (command.unknownAgencies?.length) {
          throw new DomainError('UNKNOWN_AGENCY', `no agency ${command.unknownAgencies.join(', ')}: register it first`, 'rule', 'agencies');
        }
        return [{ type: 'RoleGranted', data: { userId, grant: normaliseGrant(command.grant) } }];
      case 'revoke':
        if (!state.grants.some((g) => g.role === command.role)) {
          throw new DomainError('ROLE_NOT_GRANTED', `${userId} has no ${command.role} role to revoke`, 'rule', 'role');
        }
        return [{ type: 'RoleRevoked', data: { userId, role: command.role } }];
      case 'disable':
        return state.disabled ? [] : [{ type: 'UserDisabled', data: { userId, reason: command.reason } }];
      case 'enable':
        return state.disabled ? [{ type: 'UserEnabled', data: { userId } }] : [];
      case 'issue-token':
        if (state.disabled) throw new DomainError('USER_DISABLED', `${userId} is disabled`, 'rule');
        if (command.expiresAt && Date.parse(command.expiresAt) <= now.getTime()) {
          throw new DomainError('EXPIRY_IN_PAST', 'expiresAt must be in the future', 'rule', 'expiresAt');
        }
        return [{ type: 'ApiTokenIssued', data: { userId, ...pick(command) } }];
      case 'revoke-token': {
        const token = state.tokens.find((t) => t.tokenId === command.tokenId);
        if (!token) throw new DomainError('TOKEN_NOT_FOUND', 'no such token for this user', 'not_found');
        return token.revoked ? [] : [{ type: 'ApiTokenRevoked', data: { userId, tokenId: command.tokenId } }];
      }
      case 'set-digest': {
        const email = command.email ?? state.email;
        if (command.frequency !== 'NONE' && !email) {
          throw new DomainError('EMAIL_REQUIRED', 'a digest needs an e-mail address: give one', 'rule', 'email');
        }
        if (command.frequency === state.digest && email === state.email) return [];
        return [{ type: 'DigestPreferenceSet', data: { userId, frequency: command.frequency, email } }];
      }
    }
  },
};

function pick(c: Extract<UserCommand, { kind: 'issue-token' }>) {
  return { tokenId: c.tokenId, secretSha256: c.secretSha256, label: c.label, expiresAt: c.expiresAt };
}

const SAFIR = /^\d{5}$/;
const REGION = /^\d{2}$/;

/** Validates and sorts a grant's scope, so equal grants are equal events. */
export function normaliseGrant(grant: Grant): Grant {
  switch (grant.role) {
    case 'manager': {
      const agencies = [...new Set(grant.agencies)].sort();
      if (agencies.length === 0 || !agencies.every((a) => SAFIR.test(a))) {
        throw new DomainError('INVALID_SCOPE', 'a manager needs one or more agencies (5-digit SAFIR codes)', 'rule', 'agencies');
      }
      return { role: 'manager', agencies };
    }
    case 'director': {
      if ('national' in grant && grant.national) return { role: 'director', national: true };
      const regions = [...new Set((grant as { regions?: string[] }).regions ?? [])].sort();
      if (regions.length === 0 || !regions.every((r) => REGION.test(r))) {
        throw new DomainError('INVALID_SCOPE', 'a director needs regions (2-digit INSEE codes) or national: true', 'rule', 'regions');
      }
      return { role: 'director', regions };
    }
    case 'auditor':
      return { role: 'auditor' };
    case 'admin':
      return { role: 'admin' };
    default:
      throw new DomainError('INVALID_ROLE', 'role must be manager, director, auditor or admin', 'rule', 'role');
  }
}
