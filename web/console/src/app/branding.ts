// The office's name and logo (PONO_OFFICE_NAME, PONO_OFFICE_LOGO on the server), for the header and the window title.
import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Answer } from '../api/client.ts';

export type Branding = Answer<'/api/v1/branding', 'get'>;

export const BRANDING_QUERY = ['branding'] as const;

/** The branding once loaded; undefined until then (the header shows pono's own name meanwhile). */
export function useBranding(): Branding | undefined {
  return useQuery({
    queryKey: BRANDING_QUERY,
    queryFn: async () => unwrap(await api.GET('/api/v1/branding')),
    staleTime: Infinity,
  }).data;
}
