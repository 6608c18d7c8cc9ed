// The route options every account route shares: its tag and summary, the account key or session it needs, its
// inputs, its answers and the failures (400/401/403/404/409) with their stable codes.
import type { TSchema } from '@sinclair/typebox';
import { failures } from '../schemas/errors.ts';

export const accountSecured: { security: Record<string, string[]>[] } = {
  security: [{ account: [] }, { accountSession: [] }],
};

export function accountRoute<
  const I extends { params?: TSchema; querystring?: TSchema; body?: TSchema },
  const A extends Record<number, TSchema>,
>(tags: string[], summary: string, inputs: I, answers: A) {
  return { schema: { tags, summary, ...accountSecured, ...inputs, response: { ...answers, ...failures } } };
}
