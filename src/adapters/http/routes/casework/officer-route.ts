// The route options every officer route shares: its tag and summary, the officer session or API token it needs,
// its inputs, its answer (200, or 201 from officerCreateRoute) and the failures (400/401/403/404/409) with their stable codes.
import type { TSchema } from '@sinclair/typebox';
import { failures } from '../../schemas/errors.ts';

export const secured: { security: Record<string, string[]>[] } = {
  security: [{ officerSession: [] }, { officerToken: [] }],
};

export function officerRoute<
  const I extends { params?: TSchema; querystring?: TSchema; body?: TSchema },
  const R extends TSchema,
>(tags: string[], summary: string, inputs: I, ok: R) {
  return { schema: { tags, summary, ...secured, ...inputs, response: { 200: ok, ...failures } } };
}

/** The same for a route that creates: its answer is a 201. */
export function officerCreateRoute<
  const I extends { params?: TSchema; querystring?: TSchema; body?: TSchema },
  const R extends TSchema,
>(tags: string[], summary: string, inputs: I, created: R) {
  return { schema: { tags, summary, ...secured, ...inputs, response: { 201: created, ...failures } } };
}
