import type { Config } from '../config/config.ts';
import type { Logger } from '../adapters/log/logger.ts';
import type { Services } from '../app/services.ts';
import { buildServer, type App } from '../adapters/http/server.ts';
import { serverPlugins } from './server-plugins.ts';

/** The one server of `pono serve`: the HTTP API, console and pages, with the SOAP port beside them. */
export function buildConfiguredServer(services: Services, config: Config, logger: Logger): Promise<App> {
  return buildServer({
    logger,
    services,
    plugins: serverPlugins(services, config),
    trustProxy: config.PONO_TRUST_PROXY,
    ...(config.PONO_PUBLIC_URL ? { publicUrl: config.PONO_PUBLIC_URL } : {}),
  });
}
