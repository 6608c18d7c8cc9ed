import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { accountSecured } from './account-route.ts';
import { Type } from '@sinclair/typebox';
import type { Services } from '../../../app/services.ts';
import { accountCredentials } from '../account-auth.ts';
import { failures } from '../schemas/errors.ts';

const tags = ['webhooks'];
const State = Type.Union([
  Type.Literal('pending'),
  Type.Literal('delivered'),
  Type.Literal('retrying'),
  Type.Literal('failed'),
]);

const DeliverySchema = Type.Object({
  id: Type.String({ description: 'the delivery key, also sent in the X-Pono-Delivery header' }),
  verificationId: Type.String(),
  event: Type.String(),
  state: Type.Union(State.anyOf, {
    description:
      'retrying: the last attempt failed and pono tries again with back-off; failed: every automatic attempt failed',
  }),
  attempts: Type.Integer(),
  lastAttemptAt: Type.Union([Type.String(), Type.Null()]),
  lastStatus: Type.Union([Type.Integer(), Type.Null()], {
    description: "the receiver's HTTP status on the last attempt; null when it did not answer",
  }),
  lastError: Type.Union([Type.String(), Type.Null()], { description: 'why the last attempt failed, in words' }),
  deliveredAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
const PageSchema = Type.Object({
  deliveries: Type.Array(DeliverySchema),
  next: Type.Union([Type.String(), Type.Null()], { description: 'pass as `before` for the next page' }),
});
const ListQuery = Type.Object(
  {
    state: Type.Optional(State),
    limit: Type.Optional(
      Type.String({ pattern: '^([1-9][0-9]?|[1-4][0-9]{2}|500)$', description: 'page size, 1 to 500 (default 50)' }),
    ),
    before: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
const DeliveryParams = Type.Object({ deliveryId: Type.String({ minLength: 1, maxLength: 64 }) });

/** The account's webhook deliveries and their last error; a failed one can be sent again. */
export const webhookDeliveryRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const use = services.webhookDeliveries;

    app.get(
      '/webhook-deliveries',
      {
        schema: {
          tags,
          summary: "The account's webhook deliveries, newest first, with each one's last error (e.g. ?state=failed)",
          ...accountSecured,
          querystring: ListQuery,
          response: { 200: PageSchema, ...failures },
        },
      },
      (request) =>
        use.list(accountCredentials(request), {
          limit: Number(request.query.limit ?? 50),
          ...(request.query.state ? { state: request.query.state } : {}),
          ...(request.query.before ? { before: request.query.before } : {}),
        }),
    );

    app.get(
      '/webhook-deliveries/:deliveryId',
      {
        schema: {
          tags,
          summary: 'One webhook delivery',
          ...accountSecured,
          params: DeliveryParams,
          response: { 200: DeliverySchema, ...failures },
        },
      },
      (request) => use.get(accountCredentials(request), request.params.deliveryId),
    );

    app.post(
      '/webhook-deliveries/:deliveryId/retry',
      {
        schema: {
          tags,
          summary:
            "Send a delivery again (same delivery key and event, to the account's webhook address as it is now, with a fresh round of retries); one already delivered is not sent twice",
          ...accountSecured,
          params: DeliveryParams,
          response: { 202: DeliverySchema, ...failures },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await use.retry(accountCredentials(request), request.params.deliveryId)),
    );
  };
