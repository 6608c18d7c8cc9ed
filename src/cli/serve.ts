import { resolve } from 'node:path';
import type { Config } from '../config/config.ts';
import { errorForLog, type Logger } from '../adapters/log/logger.ts';
import { openConfiguredDatabase } from '../main/database.ts';
import { createServices } from '../main/services.ts';
import { buildConfiguredServer } from '../main/server.ts';
import { seedDemo } from '../app/demo.ts';
import { demoSignInLines } from '../app/demo-casework.ts';
import { seedDemoLiveness } from './demo-liveness.ts';
import { demoAmsPhoto } from '../adapters/face/synthetic-faces.ts';
import { listenForLocalCli } from './local-server.ts';

const STOP_GRACE_MS = 500;

/** `pono serve`: the server on PORT with the jobs worked in the same process; stops cleanly on SIGINT/SIGTERM. */
export async function serve(config: Config, logger: Logger): Promise<void> {
  const database = await openConfiguredDatabase(config, logger);
  const services = await createServices(database, logger, { workJobs: config.PONO_JOBS, config });
  if (config.PONO_DEMO) {
    const amsPhoto = await demoAmsPhoto();
    const demo = await seedDemo(services, amsPhoto ? { amsPhoto } : {});
    logger.info('demo account ready (demo / demo)');
    // Demo sign-ins are public (README); printed for the person who started the demo, not logged.
    process.stdout.write(`${demoSignInLines(demo.casework).join('\n')}\n`);
    // The completed liveness check runs the face engine over three attempt sets: a few seconds after start, so
    // the first requests are answered at once (the embedded database has one connection).
    setTimeout(() => {
      seedDemoLiveness(services, demo.casework).then(
        (line) => line && logger.info(line),
        (error: unknown) => logger.warn({ err: errorForLog(error) }, 'the demo liveness check could not be seeded'),
      );
    }, 5000).unref();
  }
  const app = await buildConfiguredServer(services, config, logger);
  // On a stop signal, requests already taken are answered; for a moment every new request (including any
  // whose bytes were still unread in a connection) gets 503 with Connection: close, so that a load balancer
  // moves it to another process, and only then is the server closed.
  let stopping = false;
  app.addHook('onRequest', async (_request, reply) => {
    if (!stopping) return;
    await reply.code(503).header('connection', 'close').header('retry-after', '1').send({
      error: 'unavailable',
      code: 'SERVER_STOPPING',
      message: 'this server is stopping; send the request again',
    });
  });
  let closeLocalCli = async () => {};
  const stop = async (signal: string) => {
    logger.info({ signal }, 'stopping');
    stopping = true;
    await new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS));
    await closeLocalCli();
    await app.close();
    await services.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  // The embedded database is this process's alone: the CLI's database commands are run here meanwhile
  // (listening before HTTP does, so that once the server answers, so does its socket).
  if (database.kind === 'pglite' && !config.DATABASE_URL) {
    const dataDir = resolve(config.PONO_DATA_DIR);
    try {
      closeLocalCli = await listenForLocalCli(dataDir, services, logger);
    } catch (error) {
      logger.warn(
        { err: errorForLog(error) },
        'the CLI cannot reach this server through the data folder; stop the server to use pono verify, account, registry, records or officer',
      );
    }
  }
  try {
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    // A port in use: nothing keeps running, the data folder is let go, and the caller prints one line.
    await closeLocalCli();
    await app.close();
    await services.close();
    throw error;
  }
}
