/**
 * A whole pono server for tests: `const t = await startTestApp('pglite')` opens a fresh database of that kind,
 * the services (jobs worked in-process, polling every second) and the Fastify app with every plugin;
 * `t.app.inject(...)` calls it without a socket, `await t.listen()` gives a base URL for real clients
 * (node-soap, zeep, chromium). `await t.close()` stops everything and drops the test schema.
 */
import { openTestDatabase, type DatabaseKind, type TestDatabase } from './databases.ts';
import type { Services } from '../../src/app/services.ts';
import { createServices } from '../../src/main/services.ts';
import { buildServer, type App } from '../../src/adapters/http/server.ts';
import { serverPlugins } from '../../src/main/server-plugins.ts';
import { createLogger } from '../../src/adapters/log/logger.ts';
import { loadConfig } from '../../src/config/config.ts';
import type { Clock } from '../../src/app/clock.ts';
import { seedDemoAccount, DEMO_ACCOUNT } from '../../src/app/demo.ts';

export interface TestApp {
  kind: DatabaseKind;
  database: TestDatabase;
  services: Services;
  app: App;
  listen(): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  clock?: Clock;
  demo?: boolean;
  env?: Record<string, string>;
  workJobs?: boolean;
  /** Where log lines go (at TEST_LOG_LEVEL, or `logLevel`); silent by default. */
  logSink?: NodeJS.WritableStream;
  logLevel?: string;
}

export async function startTestApp(kind: DatabaseKind, options: TestAppOptions = {}): Promise<TestApp> {
  const database = await openTestDatabase(kind);
  const logger = options.logSink
    ? createLogger(options.logLevel ?? 'trace', options.logSink)
    : createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const config = loadConfig({ ...options.env });
  const services = await createServices(database, logger, {
    ...(options.clock ? { clock: options.clock } : {}),
    workJobs: options.workJobs ?? true,
    pollingIntervalSeconds: 0.5,
    webhookRetryDelaySeconds: 1,
    config,
  });
  const app = await buildServer({
    logger,
    services,
    plugins: serverPlugins(services, config),
    ...(config.PONO_PUBLIC_URL ? { publicUrl: config.PONO_PUBLIC_URL } : {}),
  });
  if (options.demo !== false) await seedDemoAccount(services);
  return {
    kind,
    database,
    services,
    app,
    async listen() {
      return app.listen({ port: 0, host: '127.0.0.1' });
    },
    async close() {
      await app.close();
      await services.queue.stop();
      await services.liveness.close();
      await services.documents.close();
      await database.dispose();
    },
  };
}

export const DEMO = DEMO_ACCOUNT;
export function basicAuth(accountId: string, password: string): string {
  return `Basic ${Buffer.from(`${accountId}:${password}`).toString('base64')}`;
}
export const DEMO_AUTH = basicAuth(DEMO_ACCOUNT.accountId, DEMO_ACCOUNT.password);
