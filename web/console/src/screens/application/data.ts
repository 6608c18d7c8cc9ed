// The application record's data: one query per API resource, shared by the tabs (cached by TanStack Query).
import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Answer } from '../../api/client.ts';

export type Application = Answer<'/api/v1/applications/{ref}', 'get'>;
export type Person = Application['people'][number];
export type TaskRow = Answer<'/api/v1/applications/{ref}/tasks', 'get'>[number];

export const applicationKey = (ref: string) => ['application', ref] as const;

export function useApplication(ref: string) {
  return useQuery({
    queryKey: applicationKey(ref),
    queryFn: async () => unwrap(await api.GET('/api/v1/applications/{ref}', { params: { path: { ref } } })),
    refetchInterval: (query) => (query.state.data?.recordsStatus === 'pending' ? 2000 : false),
  });
}

export function useTasks(ref: string) {
  return useQuery({
    queryKey: ['application', ref, 'tasks'],
    queryFn: async () => unwrap(await api.GET('/api/v1/applications/{ref}/tasks', { params: { path: { ref } } })),
  });
}

export function useLinks(ref: string) {
  return useQuery({
    queryKey: ['application', ref, 'liveness-links'],
    queryFn: async () => unwrap(await api.GET('/api/v1/applications/{ref}/liveness-links', { params: { path: { ref } } })),
  });
}

export function useDocuments(ref: string) {
  return useQuery({
    queryKey: ['application', ref, 'documents'],
    queryFn: async () => unwrap(await api.GET('/api/v1/applications/{ref}/documents', { params: { path: { ref } } })),
  });
}

export function useLivenessPlan(ref: string) {
  return useQuery({
    queryKey: ['application', ref, 'liveness'],
    queryFn: async () => unwrap(await api.GET('/api/v1/applications/{ref}/liveness', { params: { path: { ref } } })),
  });
}

/** Who a person id is on this application (for tables that carry only the id). */
export function personName(application: Application | undefined, personId: string | null): string {
  if (!personId) return '—';
  return application?.people.find((p) => p.id === personId)?.fullName ?? '—';
}
