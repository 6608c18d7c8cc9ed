// The signed-in account administrator (an API account's console session, an HttpOnly cookie the page never
// reads): null when nobody is signed in. Independent of the officers' session.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';

export const ACCOUNT_SESSION_QUERY = ['account-session'] as const;
export type AccountSession = NonNullable<Awaited<ReturnType<typeof readAccountSession>>>;

async function readAccountSession() {
  const result = await api.GET('/api/v1/account-session');
  if (result.response.status === 401) return null;
  return unwrap(result).account;
}

export function useAccountSession() {
  const queryClient = useQueryClient();
  const session = useQuery({ queryKey: ACCOUNT_SESSION_QUERY, queryFn: readAccountSession, staleTime: Infinity });
  return {
    account: session.data ?? undefined,
    loading: session.isPending,
    signedIn(account: AccountSession) {
      queryClient.setQueryData(ACCOUNT_SESSION_QUERY, account);
    },
    async signOut() {
      await api.DELETE('/api/v1/account-session');
      queryClient.setQueryData(ACCOUNT_SESSION_QUERY, null);
      queryClient.removeQueries({ queryKey: ['account'] });
    },
  };
}
