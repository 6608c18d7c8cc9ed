import type { Config } from '../../config/config.ts';
import type { Services } from '../../app/services.ts';
import type { App } from './server.ts';
import { caseworkPlugin } from './routes/casework/index.ts';
import { recordsPlugin } from './routes/records.ts';
import { livenessPlugin } from './routes/liveness/index.ts';
import { soapPlugin } from '../soap/service-adapter.ts';

/** The route plugins beyond the verification REST API: each part of pono adds its own here. */
export function serverPlugins(services: Services, config: Config): ((app: App) => Promise<void>)[] {
  return [
    caseworkPlugin(services, config),
    recordsPlugin(services, config),
    livenessPlugin(services, config),
    soapPlugin(services, config.PONO_TRUST_PROXY),
  ];
}
