import type { Config } from '../config/config.ts';
import type { Services } from '../app/services.ts';
import type { App } from '../adapters/http/server.ts';
import { caseworkPlugin } from '../adapters/http/routes/casework/index.ts';
import { recordsPlugin } from '../adapters/http/routes/records.ts';
import { livenessPlugin } from '../adapters/http/routes/liveness/index.ts';
import { soapPlugin } from '../adapters/soap/service-adapter.ts';

/**
 * The route plugins beyond the verification REST API, mounted on the one server by the composition root: the
 * casework, records and liveness HTTP routes, and beside them the SOAP port (its own edge, over the same use cases).
 */
export function serverPlugins(services: Services, config: Config): ((app: App) => Promise<void>)[] {
  return [
    caseworkPlugin(services, config),
    recordsPlugin(services, config),
    livenessPlugin(services, config),
    soapPlugin(services, config.PONO_TRUST_PROXY),
  ];
}
