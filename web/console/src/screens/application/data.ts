// The application record's data: one query per API resource, shared by the tabs (cached by TanStack Query).
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, unwrap, type Answer } from '../../api/client.ts';

export type Application = Answer<'/api/v1/applications/{ref}', 'get'>;
export type Person = Application['people'][number];
export type TaskRow = Answer<'/api/v1/applications/{ref}/tasks', 'get'>[number];

export const applicationKey = (ref: string) => ['application', ref] as const;

const applicationQuery = (ref: string) =>
  queryOptions({
    queryKey: applicationKey(ref),
    queryFn: async () => unwrap(await api.GET('/api/v1/applications/{ref}', { params: { path: { ref } } })),
  });
const tasksQuery = (ref: string) =>
  queryOptions({
    queryKey: ['application', ref, 'tasks'],
    queryFn: async () => unwrap(await api.GET('/api/v1/applications/{ref}/tasks', { params: { path: { ref } } })),
  });
const linksQuery = (ref: string) =>
  queryOptions({
    queryKey: ['application', ref, 'liveness-links'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/applications/{ref}/liveness-links', { params: { path: { ref } } })),
  });
const documentsQuery = (ref: string) =>
  queryOptions({
    queryKey: ['application', ref, 'documents'],
    queryFn: async () => unwrap(await api.GET('/api/v1/applications/{ref}/documents', { params: { path: { ref } } })),
  });
const livenessPlanQuery = (ref: string) =>
  queryOptions({
    queryKey: ['application', ref, 'liveness'],
    queryFn: async () => unwrap(await api.GET('/api/v1/applications/{ref}/liveness', { params: { path: { ref } } })),
  });

/**
 * Starts loading every tab's data of the record as soon as its address is known (the route's loader), in
 * parallel with the session check and the screen's code, instead of one answer after another as tabs render.
 */
export function prefetchRecord(queryClient: QueryClient, ref: string): void {
  if (!/^[0-9A-Z]{6}$/.test(ref)) return;
  void queryClient.prefetchQuery(applicationQuery(ref));
  void queryClient.prefetchQuery(tasksQuery(ref));
  void queryClient.prefetchQuery(linksQuery(ref));
  void queryClient.prefetchQuery(documentsQuery(ref));
  void queryClient.prefetchQuery(livenessPlanQuery(ref));
}

export function useApplication(ref: string) {
  return useQuery({
    ...applicationQuery(ref),
    refetchInterval: (query) => (query.state.data?.recordsStatus === 'pending' ? 2000 : false),
  });
}

export function useTasks(ref: string) {
  return useQuery(tasksQuery(ref));
}

export function useLinks(ref: string) {
  return useQuery(linksQuery(ref));
}

/**
 * The links as they are now, read again whenever the screen opens: a check the person completed while the officer
 * had the application open is then offered for assessment (the list cached a moment ago still said Active).
 */
export function useCurrentLinks(ref: string) {
  return useQuery({ ...linksQuery(ref), refetchOnMount: 'always' });
}

export function useDocuments(ref: string) {
  return useQuery(documentsQuery(ref));
}

export function useLivenessPlan(ref: string) {
  return useQuery(livenessPlanQuery(ref));
}

/** Who a person id is on this application (for tables that carry only the id). */
export function personName(application: Application | undefined, personId: string | null): string {
  if (!personId) return '—';
  return application?.people.find((p) => p.id === personId)?.fullName ?? '—';
}
