import { InvalidArgumentError, type Command } from 'commander';
import type { Services } from '../app/services.ts';
import type { CurrentStatus } from '../app/verification.ts';
import type { Address } from '../domain/verification/index.ts';

interface VerifyOptions {
  account: string;
  password: string;
  givenName: string;
  middleName?: string;
  surname: string;
  dob: string;
  email?: string;
  flatNumber?: string;
  streetNumber?: string;
  streetName?: string;
  streetType?: string;
  suburb?: string;
  state?: string;
  postcode?: string;
  country: string;
  extra: Record<string, string>;
  ruleId?: string;
  json?: boolean;
}

function isoDate(value: string): { day: number; month: number; year: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw new InvalidArgumentError('dob must be YYYY-MM-DD');
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    throw new InvalidArgumentError('dob is not a real date');
  return { day, month, year };
}

function keyValue(value: string, previous: Record<string, string>): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError('expected name=value');
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

export function printStatus(status: CurrentStatus, write: (line: string) => void): void {
  const result = status.verificationResult;
  write(`verification ${result.verificationId}: ${result.overallVerificationStatus}`);
  for (const check of result.individualResult) {
    write(`  ${check.name.padEnd(28)} ${check.state}`);
    for (const nested of check.individualResult ?? []) write(`    ${nested.name.padEnd(26)} ${nested.state}`);
  }
  const open = status.sourceList.filter((s) => s.available && !s.passed && !s.notRequired).map((s) => s.name);
  if (open.length > 0) write(`  sources still available: ${open.join(', ')}`);
}

/** `pono verify`: registers one verification on the configured database and prints its result. */
export function verifyCommand(program: Command, run: <T>(fn: (services: Services) => Promise<T>) => Promise<T>): void {
  program
    .command('verify')
    .description('register a verification for one person and print the result')
    .requiredOption('--account <accountId>', 'account id')
    .option('--password <password>', 'the account API password (or PONO_PASSWORD)', process.env.PONO_PASSWORD)
    .requiredOption('--given-name <name>', 'given name')
    .option('--middle-name <names>', 'middle names (stub codes go here, e.g. TWOPPP…)')
    .requiredOption('--surname <name>', 'surname')
    .requiredOption('--dob <YYYY-MM-DD>', 'date of birth')
    .option('--email <email>', 'email')
    .option('--flat-number <n>')
    .option('--street-number <n>')
    .option('--street-name <name>')
    .option('--street-type <type>')
    .option('--suburb <suburb>')
    .option('--state <state>')
    .option('--postcode <postcode>')
    .option('--country <CC>', 'address country (ISO alpha-2); without an address the account country applies', 'AU')
    .option('--extra <name=value>', 'extraData for background sources (repeatable)', keyValue, {})
    .option('--rule-id <ruleId>', 'rule set', 'default')
    .option('--json', 'print the whole result as JSON')
    .action(async (options: VerifyOptions) => {
      if (!options.password) throw new InvalidArgumentError('--password (or PONO_PASSWORD) is required');
      const dob = isoDate(options.dob);
      const address: Address = { country: options.country };
      let addressGiven = false;
      for (const key of [
        'flatNumber',
        'streetNumber',
        'streetName',
        'streetType',
        'suburb',
        'state',
        'postcode',
      ] as const) {
        const value = options[key];
        if (value) {
          address[key] = value;
          addressGiven = true;
        }
      }
      const status = await run((services) =>
        services.verifications.register(
          { accountId: options.account, password: options.password },
          {
            ...(options.ruleId ? { ruleId: options.ruleId } : {}),
            person: {
              givenName: options.givenName,
              ...(options.middleName ? { middleNames: options.middleName } : {}),
              surname: options.surname,
              dob,
              ...(options.email ? { email: options.email } : {}),
              ...(addressGiven ? { currentResidentialAddress: address } : {}),
            },
            extraData: options.extra,
          },
        ),
      );
      if (options.json) process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
      else printStatus(status, (line) => process.stdout.write(`${line}\n`));
    });
}
