// Drills: the office's scheduled work run once "as of" a chosen time, outside production, so an operator can
// rehearse (or a test can show) what happens at a date — liveness links past their 24 hours expire, the
// ID Proofing Experts Group's Wednesday meeting has its queue, INZ is notified seven days after a ceremony
// closed (and the applicant told about the visa). The use cases run with a clock set to that time; nothing
// else about them changes. Refused when NODE_ENV=production.
import { addDays, isoWeekday, REVIEW_WEEKDAY, reviewQueue } from '../../domain/casework/index.ts';
import { ManualClock, parseAsOf, type Clock } from '../clock.ts';
import { AppError } from '../errors.ts';
import { invalid, nzDate } from './actor.ts';

/** The use cases a drill runs, built over the same database with a clock at the drill's time. */
export interface DrillWork {
  expireLinks(): Promise<number>;
  dueNotifications(today: string): Promise<string[]>;
  deliverNotification(idempotencyKey: string): Promise<'sent' | 'skipped'>;
  queuedEscalations(): Promise<Parameters<typeof reviewQueue>[0]>;
  close(): void;
}

export interface DrillReport {
  asOf: string;
  /** The New Zealand date the drill ran as of. */
  nzDate: string;
  linksExpired: number;
  notifications: { sent: number; failed: number };
  /** The Wednesday meeting on or before the drill's date, and how many escalations are on its queue. */
  meeting: { on: string; queued: number };
}

/** The group's meeting on or before `date` (the latest Wednesday). */
export function meetingOnOrBefore(date: string): string {
  return addDays(date, -((isoWeekday(date) - REVIEW_WEEKDAY + 7) % 7));
}

export class Drill {
  constructor(
    private readonly work: (clock: Clock) => DrillWork,
    private readonly allowed: boolean,
  ) {}

  async runAsOf(asOf: string): Promise<DrillReport> {
    if (!this.allowed)
      throw new AppError(
        'forbidden',
        'drills move the clock, so they are refused in production (NODE_ENV=production)',
        'DRILL_IN_PRODUCTION',
      );
    const at = parseAsOf(asOf);
    if (!at)
      throw invalid(
        'asOf',
        'asOf must be a date and time like 2026-12-10T09:00 (New Zealand time) or with an offset (…Z, …+13:00)',
      );
    const work = this.work(new ManualClock(at));
    try {
      const today = nzDate(at);
      const linksExpired = await work.expireLinks();
      const notifications = { sent: 0, failed: 0 };
      for (const key of await work.dueNotifications(today)) {
        try {
          if ((await work.deliverNotification(key)) === 'sent') notifications.sent += 1;
        } catch {
          notifications.failed += 1; // left for the queue's retries; the drill reports it
        }
      }
      const meeting = meetingOnOrBefore(today);
      const queued = reviewQueue(await work.queuedEscalations(), meeting).length;
      return { asOf: at.toISOString(), nzDate: today, linksExpired, notifications, meeting: { on: meeting, queued } };
    } finally {
      work.close();
    }
  }
}
