import type { FastifyReply } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Logger } from '../log/logger.ts';
import { requireDeclaredCredentials } from './declared-credentials.ts';
import { refuseForbiddenCharacters } from './input-guard.ts';
import { errorHandler } from './error-handler.ts';
import { createFastify, type App } from './app.ts';
import type { Services } from '../../app/services.ts';
import { healthRoutes } from './routes/health.ts';
import { referenceRoutes } from './routes/reference.ts';
import { operationsRoutes } from './routes/operations.ts';
import { verificationRoutes } from './routes/verifications.ts';
import { documentRoutes } from './routes/documents.ts';
import { formsRoutes } from './routes/forms.ts';
import { accountSessionRoutes } from './routes/account-session.ts';
import { registryRoutes } from './routes/registry.ts';
import { ruleSetRoutes } from './routes/rule-sets.ts';
import { accountSettingsRoutes } from './routes/account-settings.ts';
import { webhookDeliveryRoutes } from './routes/webhook-deliveries.ts';
import { brandingRoutes } from './routes/branding.ts';
import { registerWebSecurity } from './web/security.ts';
import { registerConsole } from './web/console.ts';
import { registerFormsComponent } from './web/forms-component.ts';

export type { App } from './app.ts';

/**
 * Browsers' fetch clients label a body-less POST or DELETE as JSON; an empty body then means "no body" (and a
 * route that needs one says which fields are missing), instead of a parse error.
 */
function acceptEmptyJsonBodies(app: App): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text === '') done(null, undefined);
    else parseJson(request, text, done);
  });
  // No route reads plain text: such a body is refused at the door with a 415 that says to send JSON, rather
  // than read as a string and reported as "the body must be an object".
  app.removeContentTypeParser('text/plain');
}

/**
 * API answers (JSON, XML) carry personal data: no cache may keep them and no browser may read them as anything
 * else. Routes that choose their own caching (the console's assets) keep theirs.
 */
function storeNothing(reply: FastifyReply): void {
  void reply.header('x-content-type-options', 'nosniff');
  const type = String(reply.getHeader('content-type') ?? '');
  if (!reply.hasHeader('cache-control') && /json|xml/.test(type)) void reply.header('cache-control', 'no-store');
}

export interface ServerOptions {
  logger: Logger;
  services: Services;
  /** Extra route plugins (SOAP, casework, liveness, web) registered by their own modules. */
  plugins?: ((app: App) => Promise<void>)[];
  /** Believe X-Forwarded-For (client address for rate limits) only behind a proxy you run (PONO_TRUST_PROXY). */
  trustProxy?: boolean;
  /** The address people reach pono at (PONO_PUBLIC_URL): changes sent from it are not cross-site. */
  publicUrl?: string;
}

export async function buildServer({
  logger,
  services,
  plugins = [],
  trustProxy = false,
  publicUrl,
}: ServerOptions): Promise<App> {
  const app = createFastify(logger, trustProxy);
  app.setErrorHandler(errorHandler);
  app.addHook('preValidation', requireDeclaredCredentials);
  app.addHook('preValidation', refuseForbiddenCharacters);
  acceptEmptyJsonBodies(app);
  // How long the server spent on each answer, for browsers' resource timing (the console benchmark reads it).
  app.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(2)}`);
    void reply.header('x-request-id', request.id);
    storeNothing(reply);
    done(null, payload);
  });
  await registerWebSecurity(app, publicUrl);
  await app.register(swagger, {
    openapi: {
      info: { title: 'pono', version: '0.1.0', description: 'Identity proofing and citizenship casework' },
      components: {
        securitySchemes: {
          account: { type: 'http', scheme: 'basic', description: 'accountId and API password' },
          accountSession: {
            type: 'apiKey',
            in: 'cookie',
            name: 'pono_account_session',
            description: "account administrator's console session (POST /api/v1/account-session)",
          },
          officerSession: {
            type: 'apiKey',
            in: 'cookie',
            name: 'pono_officer_session',
            description: 'console session (POST /api/v1/session)',
          },
          officerToken: { type: 'http', scheme: 'bearer', description: 'officer API token for integrations' },
          browserToken: {
            type: 'http',
            scheme: 'bearer',
            description: "a form page's short-lived browser token (POST /api/v1/forms/browser-tokens)",
          },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  await app.register(healthRoutes(services));
  await app.register(referenceRoutes);
  await app.register(fastifyPlugin(operationsRoutes(services)));
  await app.register(accountSessionRoutes(services, publicUrl), { prefix: '/api/v1' });
  await app.register(verificationRoutes(services), { prefix: '/api/v1' });
  await app.register(documentRoutes(services), { prefix: '/api/v1' });
  await app.register(formsRoutes(services), { prefix: '/api/v1' });
  await app.register(registryRoutes(services), { prefix: '/api/v1' });
  await app.register(ruleSetRoutes(services), { prefix: '/api/v1' });
  await app.register(accountSettingsRoutes(services), { prefix: '/api/v1' });
  await app.register(webhookDeliveryRoutes(services), { prefix: '/api/v1' });
  await app.register(brandingRoutes(services.branding));
  for (const plugin of plugins) await plugin(app);
  await registerFormsComponent(app, services);
  await registerConsole(app);
  return app;
}
