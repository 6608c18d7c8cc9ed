// A pono with the SOAP endpoint for conformance tests, on either database.
// `full`: the whole server of test/support/app.ts (REST, every plugin); the SOAP plugin is added if
// serverPlugins does not register it. Otherwise: the real services and seeded demo account behind a Fastify
// holding only the SOAP plugin, so SOAP conformance does not depend on the other route plugins.
import Fastify, { type FastifyInstance } from 'fastify';
import { soapPlugin } from '../../../src/adapters/soap/service-adapter.ts';
import { soapRoutes } from '../../../src/adapters/soap/routes.ts';
import { soapPortFor } from '../../../src/adapters/soap/service-adapter.ts';
import type { Services } from '../../../src/app/services.ts';
import { createServices } from '../../../src/main/services.ts';
import { seedDemoAccount } from '../../../src/app/demo.ts';
import { createLogger } from '../../../src/adapters/log/logger.ts';
import { openTestDatabase, type DatabaseKind } from '../../support/databases.ts';
import { startTestApp } from '../../support/app.ts';

export const SOAP_PATH = '/Registrations-Registrations/DynamicFormsServiceV3';

export interface SoapApp {
  app: Pick<FastifyInstance, 'inject'>;
  services: Services;
  url: string;
  close(): Promise<void>;
}

export async function startSoapApp(kind: DatabaseKind, options: { full?: boolean } = {}): Promise<SoapApp> {
  if (options.full === true) {
    const t = await startTestApp(kind);
    if (!t.app.hasRoute({ method: 'POST', url: SOAP_PATH })) await soapPlugin(t.services)(t.app);
    const base = await t.listen();
    return { app: t.app, services: t.services, url: `${base}${SOAP_PATH}`, close: () => t.close() };
  }
  const database = await openTestDatabase(kind);
  const logger = createLogger(process.env['TEST_LOG_LEVEL'] ?? 'silent');
  const services = await createServices(database, logger, { workJobs: false, pollingIntervalSeconds: 0.5 });
  await seedDemoAccount(services);
  const app = Fastify({ loggerInstance: logger, bodyLimit: 1024 * 1024 });
  await soapRoutes(app, { service: soapPortFor(services.verifications) });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    services,
    url: `${base}${SOAP_PATH}`,
    close: async () => {
      await app.close();
      await services.queue.stop();
      await database.dispose();
    },
  };
}
