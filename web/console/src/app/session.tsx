// The signed-in officer. An ended session (any 401) opens the sign-in dialog over the current screen, so what
// the officer has typed stays in the page; signing in again closes it and refreshes the data.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, SESSION_EXPIRED_EVENT, unwrap, type Answer } from '../api/client.ts';
import { BRANDING_QUERY } from './branding.ts';

export type Officer = Answer<'/api/v1/session', 'get'>['officer'];
type OfficerShape = Officer;

interface SessionValue {
  officer: OfficerShape | undefined;
  loading: boolean;
  expired: boolean;
  signedIn(officer: OfficerShape): void;
  signOut(): Promise<void>;
  hasRole(role: Officer['roles'][number]): boolean;
}

const SessionContext = createContext<SessionValue | undefined>(undefined);

export const SESSION_QUERY = ['session'] as const;

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [expired, setExpired] = useState(false);
  const session = useQuery({
    queryKey: SESSION_QUERY,
    queryFn: async () => {
      const result = await api.GET('/api/v1/session');
      if (result.response.status === 401) return null;
      return unwrap(result).officer;
    },
    staleTime: Infinity,
  });
  useEffect(() => {
    const onExpired = () => setExpired(true);
    window.addEventListener(SESSION_EXPIRED_EVENT, onExpired);
    return () => window.removeEventListener(SESSION_EXPIRED_EVENT, onExpired);
  }, []);
  const officer = session.data ?? undefined;
  const value: SessionValue = {
    officer,
    loading: session.isPending,
    expired: expired && officer !== undefined,
    signedIn(next) {
      queryClient.setQueryData(SESSION_QUERY, next);
      setExpired(false);
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY[0] });
    },
    async signOut() {
      await api.DELETE('/api/v1/session');
      queryClient.setQueryData(SESSION_QUERY, null);
      // Nothing read as this officer stays in memory for the next one at this desk.
      queryClient.removeQueries({
        predicate: (query) => query.queryKey[0] !== SESSION_QUERY[0] && query.queryKey[0] !== BRANDING_QUERY[0],
      });
    },
    hasRole: (role) => officer?.roles.includes(role) ?? false,
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
