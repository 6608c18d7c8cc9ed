import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Services } from '../../../app/services.ts';
import { accountCredentials } from '../account-auth.ts';
import { ErrorSchema } from '../schemas/verification.ts';
import {
  CHANGE_FIELDS,
  CONFIRMATIONS,
  type ChangeField,
  type Confirmation,
  type RuleSet,
} from '../../../domain/verification/index.ts';

const Lockout = Type.Union([Type.Integer({ minimum: 1, maximum: 100 }), Type.Null()]);
const RuleSetBody = Type.Object(
  {
    requirements: Type.Array(
      Type.Object(
        {
          kind: Type.Unsafe<Confirmation>({ type: 'string', enum: [...CONFIRMATIONS] }),
          sources: Type.Integer({ minimum: 1, maximum: 10 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 10 },
    ),
    acceptedChanges: Type.Array(
      Type.Object(
        {
          field: Type.Unsafe<ChangeField>({ type: 'string', enum: [...CHANGE_FIELDS] }),
          extent: Type.Union([Type.Literal('minor'), Type.Literal('any')]),
        },
        { additionalProperties: false },
      ),
      { maxItems: 10 },
    ),
    lockoutAfterFailedAttempts: Lockout,
    sourceLockoutAfterFailedAttempts: Type.Optional(Lockout),
  },
  { additionalProperties: false },
);
const RuleSetSchema = Type.Composite([Type.Object({ id: Type.String(), version: Type.Integer() }), RuleSetBody]);
const Params = Type.Object({ ruleId: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }) });

/** An account's rule sets: every PUT publishes a new version; verifications keep the version they started under. */
export const ruleSetRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/rule-sets/:ruleId',
      {
        schema: {
          tags: ['verification'],
          summary: 'The newest version of a rule set',
          security: [{ account: [] }, { accountSession: [] }],
          params: Params,
          response: { 200: RuleSetSchema, 400: ErrorSchema, 401: ErrorSchema },
        },
      },
      async (request) => {
        const account = await services.accounts.authenticate(accountCredentials(request));
        return services.ruleSets.resolve(account.accountId, request.params.ruleId);
      },
    );

    app.put(
      '/rule-sets/:ruleId',
      {
        schema: {
          tags: ['verification'],
          summary: 'Publish a new version of a rule set',
          security: [{ account: [] }, { accountSession: [] }],
          params: Params,
          body: RuleSetBody,
          response: { 201: RuleSetSchema, 400: ErrorSchema, 401: ErrorSchema },
        },
      },
      async (request, reply) => {
        const account = await services.accounts.authenticate(accountCredentials(request));
        const id = request.params.ruleId.toLowerCase() === 'default' ? 'default' : request.params.ruleId;
        // The body schema checked kinds and fields against the domain's lists.
        const published = await services.ruleSets.publish(account.accountId, { id, ...request.body } as Omit<
          RuleSet,
          'version'
        >);
        return reply.status(201).send(published);
      },
    );
  };
