import { defineProjection } from '@ancrage/projections';
import { ACCESS_EVENT_TYPES, AccessEvent, DigestFrequency } from '../domain/access.events';
import { userDecider } from '../domain/user.decider';
import { UserDirectoryRow } from './user-directory.entity';

/**
 * Users and their rights. Replayed as of a date, it answers "who had which rights then".
 * The fold reuses the decider's evolve, so the directory can never disagree with the write side.
 */
export const userDirectory = defineProjection<{ users: UserDirectoryRow }>({
  name: 'user-directory',
  version: 2,
  eventTypes: ACCESS_EVENT_TYPES,
  agencyScoped: false,
  tables: { users: { entity: UserDirectoryRow, key: ['userId'] } },
  touches: (e) => [{ table: 'users', key: { userId: (e.data as { userId: string }).userId } }],
  apply(e, rows) {
    const event = { type: e.type, data: e.data } as AccessEvent;
    const at = e.metadata.occurredAt;
    const current = rows.get('users', { userId: event.data.userId });
    if (event.type === 'UserRegistered') {
      const { userId, displayName, email } = event.data;
      return rows.put('users', {
        userId,
        displayName,
        email,
        digest: 'NONE',
        disabled: false,
        grants: [],
        tokens: [],
        registeredAt: at,
        updatedAt: at,
      });
    }
    if (!current) return;
    const state = userDecider.evolve(
      {
        exists: true,
        userId: current.userId,
        displayName: current.displayName,
        email: current.email,
        digest: current.digest as DigestFrequency,
        disabled: current.disabled,
        grants: current.grants,
        tokens: current.tokens.map((t) => ({ ...t, secretSha256: '' })),
      },
      event,
    );
    const issuedAt = new Map(current.tokens.map((t) => [t.tokenId, t.issuedAt]));
    rows.put('users', {
      ...current,
      email: state.email,
      digest: state.digest,
      disabled: state.disabled,
      grants: state.grants,
      tokens: state.tokens.map(({ tokenId, label, expiresAt, revoked }) => ({
        tokenId,
        label,
        expiresAt,
        revoked,
        issuedAt: issuedAt.get(tokenId) ?? at,
      })),
      updatedAt: at,
    });
  },
});
