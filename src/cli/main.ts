import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig, ConfigError, type Config } from '../config/config.ts';
import { createLogger, type Logger } from '../adapters/log/logger.ts';
import type { Services } from '../app/services.ts';
import { verifyCommand } from './verify.ts';
import { recordsCommands } from './records.ts';
import { presenceCommand } from './presence.ts';
import { accountCommands } from './accounts.ts';
import { officerCommands } from './officers.ts';
import { AppError } from '../app/errors.ts';
import { BackupError, DataDirInUseError, dataDirOwner } from '../adapters/db/data-dir-lock.ts';
import { servicesOfRunningServer, ServerUnreachableError } from './local-server.ts';
import { backupCommands } from './backup.ts';
import { drillCommand } from './drill.ts';

// The database, the use cases, the server and the demo are loaded when a command needs them: a command that
// runs through a running server (or needs no database) starts in a fraction of the time.
async function withServices<T>(config: Config, logger: Logger, fn: (services: Services) => Promise<T>): Promise<T> {
  const [{ openConfiguredDatabase }, { createServices }] = await Promise.all([
    import('../main/database.ts'),
    import('../main/services.ts'),
  ]);
  const database = await openConfiguredDatabase(config, logger);
  const services = await createServices(database, logger, { workJobs: false, config });
  try {
    return await fn(services);
  } finally {
    await services.close();
  }
}

/**
 * The database commands' use cases: the configured database's, or, when a running `pono serve` holds the
 * embedded database's folder, that server's (over its local socket, see local-server.ts).
 */
async function withDatabase<T>(config: Config, logger: Logger, fn: (services: Services) => Promise<T>): Promise<T> {
  const dataDir = resolve(config.PONO_DATA_DIR);
  const owner = config.DATABASE_URL ? undefined : dataDirOwner(dataDir);
  if (owner === undefined) return withServices(config, logger, fn);
  let remote: Awaited<ReturnType<typeof servicesOfRunningServer>>;
  try {
    remote = await servicesOfRunningServer(dataDir);
  } catch {
    throw new DataDirInUseError(
      `the embedded database in ${dataDir} is in use by process ${owner}, which does not answer on ${dataDir}/pono.sock: stop it first, or use a PostgreSQL server with DATABASE_URL`,
    );
  }
  try {
    return await fn(remote.services);
  } finally {
    remote.close();
  }
}

/** One line for an error from the system (files, ports) or, for anything else, its kind only. */
export function systemErrorLine(error: unknown): string {
  const e = error as { code?: unknown; path?: unknown; port?: unknown; name?: unknown };
  const code = typeof e.code === 'string' ? e.code : undefined;
  const path = typeof e.path === 'string' ? e.path : undefined;
  if (code === 'ENOENT' && path) return `no such file: ${path}`;
  if ((code === 'EACCES' || code === 'EPERM') && path) return `not allowed to read or write ${path}`;
  if (code === 'EISDIR' && path) return `${path} is a folder, not a file`;
  if (code === 'EADDRINUSE')
    return `the port${typeof e.port === 'number' ? ` ${e.port}` : ''} is already in use (another pono, or set PORT)`;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  return `the command failed (${name}${code ? ` ${code}` : ''}); nothing of the data involved is shown here`;
}

export function integer(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`${name} must be a whole number`);
    return Number(value);
  };
}

export async function main(argv: string[]): Promise<void> {
  // `pono verify … | head -4`: a reader that has read enough is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  // Commands other than serve print their results on stdout, so their logs go to stderr.
  const quietLogger = () => createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, process.stderr);
  const program = new Command('pono').description('Identity proofing and citizenship casework').showHelpAfterError();

  program
    .command('serve')
    .description('run the HTTP server (REST, SOAP, console) and the background jobs')
    .action(async () => {
      const { serve } = await import('./serve.ts');
      await serve(config, createLogger(config.LOG_LEVEL));
    });

  program
    .command('demo')
    .description(
      'create the demo account (demo / demo, stub mode), sample verifications, demo officers and applications',
    )
    .action(async () => {
      const [{ seedDemo }, { demoSignInLines }, { seedDemoLiveness }, { demoAmsPhoto }] = await Promise.all([
        import('../app/demo.ts'),
        import('../app/demo-casework.ts'),
        import('./demo-liveness.ts'),
        import('../adapters/face/synthetic-faces.ts'),
      ]);
      const amsPhoto = await demoAmsPhoto();
      const result = await withServices(config, quietLogger(), async (services) => {
        const seeded = await seedDemo(services, amsPhoto ? { amsPhoto } : {});
        await seedDemoLiveness(services, seeded.casework, { completedCheck: false });
        return seeded;
      });
      process.stdout.write(`account ${result.accountId} (password demo, stub mode on)\n`);
      for (const v of result.verifications) {
        process.stdout.write(
          `  ${v.verificationResult.verificationId.padEnd(18)} ${v.verificationResult.overallVerificationStatus}\n`,
        );
      }
      process.stdout.write(`${demoSignInLines(result.casework).join('\n')}\n`);
    });

  verifyCommand(program, (fn) => withDatabase(config, quietLogger(), fn));
  recordsCommands(program, (fn) => withDatabase(config, quietLogger(), fn));
  presenceCommand(program);
  accountCommands(program, (fn) => withDatabase(config, quietLogger(), fn));
  officerCommands(program, (fn) => withDatabase(config, quietLogger(), fn));
  backupCommands(program, config);
  drillCommand(program, (fn) => withDatabase(config, quietLogger(), fn));

  try {
    await program.parseAsync(argv);
  } catch (error) {
    // Commander has already printed its own usage errors; use-case errors are printed here, without a stack.
    if (error instanceof AppError) {
      process.stderr.write(`pono: ${error.message}\n`);
      for (const problem of error.problems) process.stderr.write(`  ${problem.field}: ${problem.message}\n`);
      process.exitCode = 1;
      return;
    }
    if (error instanceof DataDirInUseError || error instanceof BackupError || error instanceof ServerUnreachableError) {
      process.stderr.write(`pono: ${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    if (error instanceof InvalidArgumentError) {
      process.stderr.write(`pono: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    // Anything else is one line without a stack, and without the error's own message: a database error can
    // quote the row it refused, personal data included.
    process.stderr.write(`pono: ${systemErrorLine(error)}\n`);
    process.exitCode = 1;
  }
}
