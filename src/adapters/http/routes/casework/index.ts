// The casework REST API under /api/v1, as one server plugin. (GET /liveness/{token}, where the emailed link
// lands, is served by the liveness plugin.)
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { Services } from '../../../../app/services.ts';
import type { Config } from '../../../../config/config.ts';
import type { App } from '../../server.ts';
import { applicationRoutes } from './application-routes.ts';
import { officerRoutes } from './officer-routes.ts';
import { workRoutes } from './work-routes.ts';
import { personalDataRoutes } from './personal-data-routes.ts';
import { documentCheckRoutes } from './document-check-routes.ts';
import { cookiePolicy } from '../../cookies.ts';

export function caseworkPlugin(services: Services, config: Config): (app: App) => Promise<void> {
  return async (app) => {
    if (!config.SMTP_URL) app.log.warn('mail is not configured (SMTP_URL): liveness links cannot be sent until it is');
    if (!config.PONO_PUBLIC_URL)
      app.log.warn(
        `PONO_PUBLIC_URL is not set: emailed liveness links point to http://localhost:${config.PORT}, which applicants on other machines cannot reach`,
      );
    const cookies = cookiePolicy(config.PONO_PUBLIC_URL);
    if (cookies.warning) app.log.warn(cookies.warning);
    await app.register(async (scope) => {
      // Registered in this scope only, so other parts of pono are free to register their own.
      await scope.register(rateLimit, { global: false, hook: 'preHandler' });
      if (!scope.hasContentTypeParser('multipart/form-data')) await scope.register(multipart);
      await scope.register(officerRoutes(services, config.PONO_PUBLIC_URL), { prefix: '/api/v1' });
      await scope.register(applicationRoutes(services), { prefix: '/api/v1' });
      await scope.register(workRoutes(services), { prefix: '/api/v1' });
      await scope.register(personalDataRoutes(services), { prefix: '/api/v1' });
      await scope.register(documentCheckRoutes(services), { prefix: '/api/v1' });
    });
  };
}
