import type { Config } from '../config/config.ts';
import type { Logger } from '../adapters/log/logger.ts';
import { openConfiguredDatabase } from '../app/context.ts';
import { createServices } from '../app/services.ts';
import { buildServer } from '../adapters/http/server.ts';
import { seedDemo } from '../app/demo.ts';
import { demoSignInLines } from '../app/demo-casework.ts';
import { serverPlugins } from '../adapters/http/plugins.ts';

/** `pono serve`: the server on PORT with the jobs worked in the same process; stops cleanly on SIGINT/SIGTERM. */
export async function serve(config: Config, logger: Logger): Promise<void> {
  const database = await openConfiguredDatabase(config, logger);
  const services = await createServices(database, logger, { workJobs: config.PONO_JOBS, config });
  if (config.PONO_DEMO) {
    const demo = await seedDemo(services);
    logger.info('demo account ready (demo / demo)');
    // Demo sign-ins are public (README); printed for the person who started the demo, not logged.
    process.stdout.write(`${demoSignInLines(demo.casework).join('\n')}\n`);
  }
  const app = await buildServer({ logger, services, plugins: serverPlugins(services, config), trustProxy: config.PONO_TRUST_PROXY, ...(config.PONO_PUBLIC_URL ? { publicUrl: config.PONO_PUBLIC_URL } : {}) });
  const stop = async (signal: string) => {
    logger.info({ signal }, 'stopping');
    await app.close();
    await services.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.PORT, host: config.HOST });
}
