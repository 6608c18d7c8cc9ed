import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client.ts';

/** Refusals (4xx) are answers, not glitches: they are shown at once, never retried. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
    },
  },
});
