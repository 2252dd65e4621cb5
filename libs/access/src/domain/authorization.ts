import type { Action, AlertScope } from '@ancrage/shared-kernel';
import type { Grant, Role } from './access.events';

/** Who is calling, as folded from their user stream. */
export interface Principal {
  userId: string;
  displayName: string;
  grants: Grant[];
}

export type { Action } from '@ancrage/shared-kernel';

const directorCovers = (g: Grant, region: string | null) =>
  g.role === 'director' && ('national' in g ? true : region !== null && g.regions.includes(region));

/**
 * The grant that allows an action, or null. Pure: the whole rights model is this one function.
 * Auditors read everything and write nothing; admins manage users, agencies and envelopes.
 */
export function authorise(principal: Principal, action: Action): Grant | null {
  const find = (ok: (g: Grant) => boolean) => principal.grants.find(ok) ?? null;
  switch (action.kind) {
    case 'agency.read':
      return find(
        (g) =>
          (g.role === 'manager' && g.agencies.includes(action.agency)) ||
          directorCovers(g, action.region) ||
          g.role === 'auditor' ||
          g.role === 'admin',
      );
    case 'agency.write':
      return find((g) => g.role === 'manager' && g.agencies.includes(action.agency));
    case 'partners.write': {
      // Any manager registers a partner. A partner other agencies work with belongs to all of them:
      // only an administrator, or a director covering every one of those agencies, may rename or
      // close it; a manager may while the partner is used by their own agencies alone.
      const users = action.users;
      if (users === null) return find((g) => g.role === 'manager' || g.role === 'admin');
      return find(
        (g) =>
          g.role === 'admin' ||
          (g.role === 'manager' && users.every((u) => g.agencies.includes(u.agency))) ||
          (g.role === 'director' && users.length > 0 && users.every((u) => directorCovers(g, u.region))),
      );
    }
    case 'region.read':
      return find((g) => directorCovers(g, action.region) || g.role === 'auditor' || g.role === 'admin');
    case 'basin.read':
      return find(
        (g) =>
          (g.role === 'manager' && g.agencies.some((a) => action.agencies.includes(a))) ||
          directorCovers(g, action.region) ||
          g.role === 'auditor' ||
          g.role === 'admin',
      );
    case 'basin.write':
      return find((g) => g.role === 'admin' || directorCovers(g, action.region));
    case 'national.read':
      return find((g) => (g.role === 'director' && 'national' in g) || g.role === 'auditor' || g.role === 'admin');
    case 'fund.allocate':
      return find((g) => g.role === 'admin' || directorCovers(g, action.region));
    case 'fund.authorise':
      return find((g) => directorCovers(g, action.region));
    case 'audit':
      return find((g) => g.role === 'auditor' || g.role === 'admin');
    case 'admin':
      return find((g) => g.role === 'admin');
    case 'scoped':
      return principal.grants[0] ?? null;
  }
}

/** Agencies and regions a principal may read, for filtering lists and roll-ups. */
export interface ReadScope {
  all: boolean;
  agencies: string[];
  regions: string[];
}

export function readScope(principal: Principal): ReadScope {
  const all = principal.grants.some((g) => g.role === 'auditor' || g.role === 'admin' || (g.role === 'director' && 'national' in g));
  return {
    all,
    agencies: principal.grants.flatMap((g) => (g.role === 'manager' ? g.agencies : [])),
    regions: principal.grants.flatMap((g) => (g.role === 'director' && 'regions' in g ? g.regions : [])),
  };
}

export function roleOf(grant: Grant): Role {
  return grant.role;
}

/**
 * Whose alerts a user gets: a manager those of their agencies, a director those of their regions
 * (or the country). Auditors and administrators act on none: their scope is empty.
 */
export function alertScope(principal: Pick<Principal, 'grants'>): AlertScope {
  const national = principal.grants.some((g) => g.role === 'director' && 'national' in g);
  return {
    national,
    agencies: national ? [] : principal.grants.flatMap((g) => (g.role === 'manager' ? g.agencies : [])),
    regions: national ? [] : principal.grants.flatMap((g) => (g.role === 'director' && 'regions' in g ? g.regions : [])),
  };
}
