// `pono officer create|list|reset-password|deactivate|reactivate`: the operator's commands for officers, at the
// server's own console (a lost administrator password, the first officers before the console is reachable).
// Every change is audited with the actor 'operator'.
import { InvalidArgumentError, type Command } from 'commander';
import type { Services } from '../app/services.ts';
import { OFFICER_ROLES } from '../domain/casework/index.ts';

type Run = <T>(fn: (services: Services) => Promise<T>) => Promise<T>;

function roleList(value: string): string[] {
  const roles = value
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = roles.filter((r) => !(OFFICER_ROLES as readonly string[]).includes(r));
  if (roles.length === 0 || unknown.length > 0)
    throw new InvalidArgumentError(`roles must be one or more of ${OFFICER_ROLES.join(', ')} (comma-separated)`);
  return roles;
}

const describe = (o: { email: string; fullName: string; roles: readonly string[]; active: boolean }) =>
  `${o.email.padEnd(32)} ${o.fullName.padEnd(24)} ${o.roles.join(',').padEnd(40)} ${o.active ? 'active' : 'deactivated'}`;

export function officerCommands(program: Command, run: Run): void {
  const officer = program.command('officer').description("manage the console's officers (audited)");
  officer
    .command('create')
    .description('create an officer who can then sign in to the console')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <fullName>', 'full name')
    .requiredOption('--roles <roles>', `comma-separated: ${OFFICER_ROLES.join(', ')}`, roleList)
    .requiredOption('--password <password>', 'first password, at least 12 characters')
    .action(async (options: { email: string; name: string; roles: string[]; password: string }) => {
      const created = await run((services) =>
        services.casework.officers.create({
          email: options.email,
          fullName: options.name,
          roles: options.roles,
          password: options.password,
        }),
      );
      process.stdout.write(`officer ${created.email} created (${created.roles.join(', ')})\n`);
    });
  officer
    .command('list')
    .description('every officer, with roles and whether active')
    .action(async () => {
      const officers = await run((services) => services.casework.officers.listForOperator());
      for (const o of officers) process.stdout.write(`${describe(o)}\n`);
      if (officers.length === 0)
        process.stdout.write(
          'no officers yet (set PONO_ADMIN_EMAIL and PONO_ADMIN_PASSWORD, or use pono officer create)\n',
        );
    });
  officer
    .command('reset-password')
    .description("set a new password (e.g. a lost administrator's); the officer's sessions end")
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--password <password>', 'new password, at least 12 characters')
    .action(async (options: { email: string; password: string }) => {
      const changed = await run((services) =>
        services.casework.officers.resetPasswordByOperator(options.email, options.password),
      );
      process.stdout.write(`new password set for ${changed.email}; their sessions have ended\n`);
    });
  officer
    .command('deactivate')
    .description('stop an officer from signing in; their sessions and API tokens end at once')
    .requiredOption('--email <email>', 'sign-in email')
    .action(async (options: { email: string }) => {
      const changed = await run((services) => services.casework.officers.setActiveByOperator(options.email, false));
      process.stdout.write(`${changed.email} is deactivated\n`);
    });
  officer
    .command('reactivate')
    .description('let a deactivated officer sign in again')
    .requiredOption('--email <email>', 'sign-in email')
    .action(async (options: { email: string }) => {
      const changed = await run((services) => services.casework.officers.setActiveByOperator(options.email, true));
      process.stdout.write(`${changed.email} is active again\n`);
    });
}
