// The one way the console talks to the server: a typed client over the generated OpenAPI paths.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema.ts';

export type { paths, components } from './schema.ts';

/** A refusal or failure from the API, in the server's own words (message) and the fields it names. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string | undefined,
    readonly problems: { field: string; message: string }[],
  ) {
    super(message);
  }
}

interface ErrorBody {
  message?: string;
  code?: string;
  problems?: { field: string; message: string }[];
}

/** Fired when the server says the session has ended, so the console can ask to sign in again in place. */
export const SESSION_EXPIRED_EVENT = 'pono:session-expired';

const sessionWatch: Middleware = {
  onResponse({ response, request }) {
    if (response.status === 401 && !request.url.endsWith('/api/v1/session')) {
      window.dispatchEvent(new Event(SESSION_EXPIRED_EVENT));
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(sessionWatch);

/** The data of an answer, or an ApiError carrying the server's message and named fields. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  const body = (result.error ?? {}) as ErrorBody;
  throw new ApiError(
    result.response.status,
    body.message ?? result.response.statusText,
    body.code,
    Array.isArray(body.problems) ? body.problems : [],
  );
}

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The JSON body of a path's successful answer (200 or 201), e.g. `Answer<'/api/v1/session', 'get'>`. */
export type Answer<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: infer OK }
    ? JsonOf<OK>
    : R extends { 201: infer Created }
      ? JsonOf<Created>
      : never
  : never;

/** The JSON body a path accepts. */
export type RequestBody<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends {
  requestBody?: infer B;
}
  ? JsonOf<NonNullable<B>>
  : never;

/** The query string a path accepts. */
export type RequestQuery<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;
