import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Services } from '../../../app/services.ts';

export const healthRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    app.get(
      '/healthz',
      {
        schema: {
          hide: false,
          response: {
            200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }),
            503: Type.Object({ status: Type.Literal('unavailable'), database: Type.String() }),
          },
        },
      },
      async (_request, reply) => {
        try {
          await services.health.check();
          return { status: 'ok' as const, database: services.health.kind };
        } catch {
          return reply.status(503).send({ status: 'unavailable' as const, database: services.health.kind });
        }
      },
    );
  };
