// The liveness screens' data: a link, a liveness session (the evidence), and the addresses between them.
import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Answer } from '../../api/client.ts';

export type LivenessLink = Answer<'/api/v1/liveness-links/{linkId}', 'get'>;
export type LivenessSession = Answer<'/api/v1/liveness/sessions/{sessionId}', 'get'>;
export type Attempt = LivenessSession['attempts'][number];

export const linkAddress = (ref: string, linkId: string) => `/applications/${ref}/liveness-links/${linkId}`;
export const evidenceAddress = (ref: string, sessionId: string) => `/applications/${ref}/liveness-checks/${sessionId}`;
export const sessionImage = (sessionId: string, path: string) => `/api/v1/liveness/sessions/${sessionId}/${path}`;

export const linkKey = (linkId: string) => ['liveness-link', linkId] as const;

export function useLink(linkId: string) {
  return useQuery({
    queryKey: linkKey(linkId),
    queryFn: async () => unwrap(await api.GET('/api/v1/liveness-links/{linkId}', { params: { path: { linkId } } })),
  });
}

export function useLivenessSession(sessionId: string) {
  return useQuery({
    queryKey: ['liveness-session', sessionId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/liveness/sessions/{sessionId}', { params: { path: { sessionId } } })),
    // An attempt being analysed is decided within seconds; look again until it is.
    refetchInterval: (query) => (query.state.data?.attempts.some((a) => a.state === 'ANALYSING') ? 2000 : false),
  });
}
