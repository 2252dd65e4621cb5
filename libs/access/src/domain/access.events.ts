/** Users and their rights are events too, so an auditor can tell who could do what on any date. */
export type Role = 'manager' | 'director' | 'auditor' | 'admin';
export const ROLES: readonly Role[] = ['manager', 'director', 'auditor', 'admin'];

/**
 * What a role applies to: managers to agencies (SAFIR codes), directors to regions (INSEE codes)
 * or the whole country; auditors and admins to everything.
 */
export type Grant =
  | { role: 'manager'; agencies: string[] }
  | { role: 'director'; regions: string[] }
  | { role: 'director'; national: true }
  | { role: 'auditor' }
  | { role: 'admin' };

export type AccessEvent =
  | { type: 'UserRegistered'; data: { userId: string; displayName: string; email: string | null } }
  | { type: 'RoleGranted'; data: { userId: string; grant: Grant } }
  | { type: 'RoleRevoked'; data: { userId: string; role: Role } }
  | { type: 'UserDisabled'; data: { userId: string; reason: string } }
  | { type: 'UserEnabled'; data: { userId: string } }
  | { type: 'ApiTokenIssued'; data: { userId: string; tokenId: string; secretSha256: string; label: string; expiresAt: string | null } }
  | { type: 'ApiTokenRevoked'; data: { userId: string; tokenId: string } }
  /** The user's e-mail digest of alerts: how often, and the address it goes to. */
  | { type: 'DigestPreferenceSet'; data: { userId: string; frequency: DigestFrequency; email: string | null } };

export const ACCESS_EVENT_TYPES = [
  'UserRegistered',
  'RoleGranted',
  'RoleRevoked',
  'UserDisabled',
  'UserEnabled',
  'ApiTokenIssued',
  'ApiTokenRevoked',
  'DigestPreferenceSet',
] as const;

export const DIGEST_FREQUENCIES = ['NONE', 'DAILY', 'WEEKLY'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

export const userStream = (userId: string) => `user-${userId}`;
