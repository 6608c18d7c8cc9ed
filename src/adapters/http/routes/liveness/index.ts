// Liveness (SPEC P4/P6) as one server plugin: the officer/integration session API under /api/v1, the applicant's
// page and its API under /liveness/{token}, and the page's static assets.
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { Services } from '../../../../app/services.ts';
import type { Config } from '../../../../config/config.ts';
import type { App } from '../../server.ts';
import { applicantRoutes } from './applicant-routes.ts';
import { officerLivenessRoutes } from './officer-routes.ts';
import { assetRoutes } from './page.ts';

export function livenessPlugin(services: Services, config: Config): (app: App) => Promise<void> {
  return async (app) => {
    await app.register(async (scope) => {
      await scope.register(rateLimit, { global: false, hook: 'preHandler' });
      if (!scope.hasContentTypeParser('multipart/form-data')) await scope.register(multipart);
      await scope.register(officerLivenessRoutes(services, config), { prefix: '/api/v1' });
      await scope.register(applicantRoutes(services));
      await scope.register(assetRoutes());
    });
  };
}
