import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, token, type Schemas } from '../api/client';

export type Principal = Schemas['PrincipalView'];
export type Grant = Schemas['GrantView'];
export type Role = 'manager' | 'director' | 'auditor' | 'admin';

export interface Session {
  principal: Principal;
  roles: Set<Role>;
  /** SAFIR codes a manager records for. */
  managedAgencies: string[];
  /** Region codes a director follows; `national` for the whole country. */
  directedRegions: string[];
  national: boolean;
  /** Agencies this user may record for (agency.write). */
  canWrite(safir: string): boolean;
  signOut(message?: string): void;
}

interface SessionState {
  session: Session | null;
  /** Why the last sign-in failed, or why the user was signed out. */
  notice: string | null;
  loading: boolean;
  signIn(value: string): Promise<boolean>;
}

const SessionContext = createContext<SessionState | null>(null);

function sessionOf(principal: Principal, signOut: (m?: string) => void): Session {
  const roles = new Set(principal.grants.map((g) => g.role as Role));
  const managedAgencies = principal.grants.flatMap((g) => (g.role === 'manager' ? (g.agencies ?? []) : []));
  const directedRegions = principal.grants.flatMap((g) => (g.role === 'director' ? (g.regions ?? []) : []));
  const national = principal.grants.some((g) => g.role === 'director' && g.national === true);
  return { principal, roles, managedAgencies, directedRegions, national, canWrite: (safir) => managedAgencies.includes(safir), signOut };
}

/** Holds the signed-in user (folded by the API from its grants at every request). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  const [principal, setPrincipal] = useState<Principal | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loading, setLoading] = useState<boolean>(token.get() !== null);

  const signOut = useCallback(
    (message?: string) => {
      token.clear();
      queries.clear();
      setPrincipal(null);
      setNotice(message ?? null);
    },
    [queries],
  );

  const signIn = useCallback(async (value: string) => {
    token.set(value);
    try {
      const { data } = await api.GET('/me');
      setPrincipal(data ?? null);
      setNotice(null);
      return true;
    } catch (error) {
      token.clear();
      setNotice(error instanceof ApiError ? error.code : 'NETWORK');
      return false;
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    token.onUnauthorised(() => signOut('SESSION_ENDED'));
    const saved = token.get();
    // Restoring the session kept in the browser is what this effect is for (an outside system).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (saved) void signIn(saved);
  }, [signIn, signOut]);

  const value = useMemo<SessionState>(
    () => ({ session: principal ? sessionOf(principal, signOut) : null, notice, loading, signIn }),
    [principal, notice, loading, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionState(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSessionState outside SessionProvider');
  return state;
}

/** The signed-in user: only used below the shell, which shows the sign-in page otherwise. */
export function useSession(): Session {
  const { session } = useSessionState();
  if (!session) throw new Error('useSession without a signed-in user');
  return session;
}
