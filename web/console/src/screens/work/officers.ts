// The officers whose work a team leader can look at or filter by.
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';

/** The officers a team leader can look at: case officers and validating officers, each once, by name. */
export function useOfficers(enabled: boolean) {
  return useQuery({
    queryKey: ['work', 'holders', 'all'],
    enabled,
    queryFn: async () => {
      const [preparers, validators] = await Promise.all([
        api.GET('/api/v1/work/holders', { params: { query: { role: 'case-officer' } } }).then(unwrap),
        api.GET('/api/v1/work/holders', { params: { query: { role: 'validating-officer' } } }).then(unwrap),
      ]);
      const byId = new Map([...preparers, ...validators].map((o) => [o.id, o]));
      return [...byId.values()].sort((a, b) => a.fullName.localeCompare(b.fullName));
    },
  });
}
