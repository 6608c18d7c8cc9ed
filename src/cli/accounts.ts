import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import type { Services } from '../app/services.ts';
import { newAccountProblems } from '../app/accounts.ts';
import { errors } from '../app/errors.ts';
import { allSourceIds } from '../domain/verification/index.ts';
import { FACE_COMPARISON_SETTINGS, type FaceComparisonSetting } from '../domain/documents/face-comparison-setting.ts';

type Run = <T>(fn: (services: Services) => Promise<T>) => Promise<T>;

function sourceList(value: string): string[] {
  const known = new Set(allSourceIds());
  const ids = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new InvalidArgumentError(`unknown source(s): ${unknown.join(', ')}`);
  return ids;
}

function faceComparisonSetting(value: string): FaceComparisonSetting {
  const setting = FACE_COMPARISON_SETTINGS.find((s) => s === value);
  if (!setting) throw new InvalidArgumentError(`must be one of ${FACE_COMPARISON_SETTINGS.join(', ')}`);
  return setting;
}

function whole(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number');
  return Number(value);
}

/** `pono account create` and `pono registry load`: what an operator does before clients can call. */
export function accountCommands(program: Command, run: Run): void {
  const account = program.command('account').description('manage API accounts (tenants)');
  account
    .command('create')
    .description('create or update an account')
    .requiredOption('--id <accountId>', 'account id')
    .requiredOption('--password <password>', 'API password (stored as an argon2id hash)')
    .option('--stub', 'stub mode: sources answer from the stub codes of the test documentation', false)
    .option('--country <AU|NZ>', 'country when a person has no address country', 'AU')
    .option('--sources <ids>', 'comma-separated enabled source ids (default: all)', sourceList)
    .option('--lockout <attempts>', 'lock a verification out after this many failed interactive attempts', whole)
    .option('--webhook-url <url>', 'where state changes are posted')
    .option('--webhook-secret <secret>', 'HMAC-SHA256 key for the x-pono-signature header')
    .option(
      '--face-comparison <setting>',
      "photographed documents compared with a selfie: required, optional (a new account's default) or off; left out, an existing account keeps its own",
      faceComparisonSetting,
    )
    .action(
      async (options: {
        id: string;
        password: string;
        stub: boolean;
        country: string;
        sources?: string[];
        lockout?: number;
        webhookUrl?: string;
        webhookSecret?: string;
        faceComparison?: FaceComparisonSetting;
      }) => {
        if (options.country !== 'AU' && options.country !== 'NZ')
          throw new InvalidArgumentError('--country must be AU or NZ');
        const problems = newAccountProblems({
          password: options.password,
          webhookUrl: options.webhookUrl ?? null,
          webhookSecret: options.webhookSecret ?? null,
        });
        if (problems.length > 0) throw errors.invalid(problems);
        const created = await run((services) =>
          services.accounts.create({
            accountId: options.id,
            password: options.password,
            stubMode: options.stub,
            country: options.country as 'AU' | 'NZ',
            ...(options.sources ? { enabledSources: options.sources } : {}),
            lockoutAttempts: options.lockout ?? null,
            webhookUrl: options.webhookUrl ?? null,
            webhookSecret: options.webhookSecret ?? null,
            ...(options.faceComparison ? { faceComparison: options.faceComparison } : {}),
          }),
        );
        process.stdout.write(
          `account ${created.accountId}: stub mode ${created.stubMode ? 'on' : 'off'}, ${created.enabledSources.length} sources enabled, face comparison ${created.faceComparison}\n`,
        );
      },
    );

  program
    .command('registry')
    .description('operator records for registry sources')
    .command('load')
    .description('load a CSV file (header row: surname, given name, dob, address columns) into a registry source')
    .requiredOption('--account <accountId>', 'account id')
    .option('--source <sourceId>', 'registry source', 'registry')
    .argument('<file>', 'CSV file')
    .action(async (file: string, options: { account: string; source: string }) => {
      const { parseCsv } = await import('../adapters/csv/registry-csv.ts');
      const rows = parseCsv(await readFile(file, 'utf8'));
      const result = await run(async (services) => {
        if (!(await services.accounts.find(options.account)))
          throw new InvalidArgumentError(`there is no account ${options.account} (create it with pono account create)`);
        return services.registry.load(options.account, options.source, rows);
      });
      process.stdout.write(`loaded ${result.loaded} records into ${options.source} of ${options.account}\n`);
    });
}
