// The console sign-in of API account administrators: a session cookie opened with the account's API password
// (checked and locked out exactly as HTTP Basic), accepted by the account routes instead of Basic.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Services } from '../../../app/services.ts';
import {
  accountCredentials,
  ACCOUNT_SESSION_COOKIE,
  clearAccountSessionCookie,
  setAccountSessionCookie,
} from '../account-auth.ts';
import { cookiePolicy, readCookie } from '../cookies.ts';
import { ErrorSchema } from '../schemas/errors.ts';

const tags = ['verification'];
const SignInBody = Type.Object(
  {
    accountId: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
const AccountSessionSchema = Type.Object({
  accountId: Type.String(),
  stubMode: Type.Boolean(),
  enabledSources: Type.Array(Type.String()),
});

export const accountSessionRoutes =
  (services: Services, publicUrl?: string): FastifyPluginAsyncTypebox =>
  async (app) => {
    const accounts = services.accounts;
    const cookies = cookiePolicy(publicUrl);

    app.post(
      '/account-session',
      {
        schema: {
          tags,
          summary:
            'Sign an account administrator in to the console: a Secure, HttpOnly, SameSite=Strict cookie for the account routes (same password and lock-out as Basic)',
          body: SignInBody,
          response: {
            200: Type.Object({ account: AccountSessionSchema, expiresAt: Type.String() }),
            400: ErrorSchema,
            401: ErrorSchema,
            429: ErrorSchema,
          },
        },
        config: {
          rateLimit: {
            max: 10,
            timeWindow: '1 minute',
            keyGenerator: (request) =>
              `${request.ip}|account|${String((request.body as { accountId?: unknown } | undefined)?.accountId ?? '')}`,
          },
        },
      },
      async (request, reply) => {
        const { token, account, expiresAt } = await accounts.openSession(request.body);
        setAccountSessionCookie(reply, token, cookies.secure(request));
        return {
          account: { accountId: account.accountId, stubMode: account.stubMode, enabledSources: account.enabledSources },
          expiresAt: expiresAt.toISOString(),
        };
      },
    );

    app.get(
      '/account-session',
      {
        schema: {
          tags,
          summary: 'The signed-in account administrator',
          security: [{ accountSession: [] }],
          response: { 200: Type.Object({ account: AccountSessionSchema }), 401: ErrorSchema },
        },
      },
      async (request) => {
        const account = await accounts.authenticate(accountCredentials(request));
        return {
          account: { accountId: account.accountId, stubMode: account.stubMode, enabledSources: account.enabledSources },
        };
      },
    );

    app.delete(
      '/account-session',
      {
        schema: { tags, summary: 'Sign the account administrator out', response: { 204: Type.Null() } },
      },
      async (request, reply) => {
        const token = readCookie(request, ACCOUNT_SESSION_COOKIE);
        if (token) await accounts.closeSession(token);
        clearAccountSessionCookie(reply, cookies.secure(request));
        return reply.status(204).send(null);
      },
    );
  };
