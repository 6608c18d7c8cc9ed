// `pono drill --as-of 2026-12-10T09:00`: the office's scheduled work run once as of that time (New Zealand time
// unless an offset is given) — liveness links past 24 hours expire, INZ notifications (and the applicants'
// visa emails) due seven days after a ceremony go out, the Wednesday meeting's queue is counted. For drills and
// tests: refused when the server (or this command) runs with NODE_ENV=production.
import type { Command } from 'commander';
import type { Services } from '../app/services.ts';

type Run = <T>(fn: (services: Services) => Promise<T>) => Promise<T>;

export function drillCommand(program: Command, run: Run): void {
  program
    .command('drill')
    .description(
      'run the scheduled casework as of a time (not in production): link expiry, INZ notifications, the Wednesday meeting',
    )
    .requiredOption(
      '--as-of <time>',
      'the time to run as of, e.g. 2026-12-10T09:00 (New Zealand time) or 2026-12-09T20:00Z',
    )
    .action(async (options: { asOf: string }) => {
      const report = await run((services) => services.casework.drill.runAsOf(options.asOf));
      process.stdout.write(
        [
          `drill as of ${report.asOf} (${report.nzDate} in New Zealand)`,
          `  liveness links expired:        ${report.linksExpired}`,
          `  INZ notifications sent:        ${report.notifications.sent}${report.notifications.failed ? ` (${report.notifications.failed} not delivered; retried by the queue)` : ''}`,
          `  experts group meeting ${report.meeting.on}: ${report.meeting.queued} escalation(s) on its queue`,
        ].join('\n') + '\n',
      );
    });
}
