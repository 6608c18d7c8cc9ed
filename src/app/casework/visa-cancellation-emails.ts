// BR-59: the applicant's email about the residence visa INZ cancels once notified (seed 000 L2453–2455).
//
// When the INZ notification is recorded as sent (Ceremonies.recordOutcome), in that same transaction the
// person's immigration records on file are read (domain `visaCancellation`); if a residence visa sits in a
// current overseas passport, one row per application and person is inserted and the email job enqueued — so a
// second delivery of the notification, or a re-run of the job, never schedules it again. Delivery is claim → send
// → record, as the INZ notification: a crash between send and record resends after the lease, with the same
// Message-ID. A person without an email address is recorded as such ("no-address") and audited, for the office
// to write to them another way.
import { randomUUID } from 'node:crypto';
import { visaCancellation } from '../../domain/casework/index.ts';
import type { Db, Tx } from '../ports/database.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import type { Mailer } from '../ports/mailer.ts';
import { visaCancellationEmail } from './visa-cancellation-email.ts';
import type { Branding } from '../../config/branding.ts';
import type { Clock } from '../clock.ts';
import { appendAudit } from './audit.ts';
import { nzDate } from './actor.ts';
import { VisaCancellationStore, type VisaEmailRow } from './visa-cancellation-store.ts';

export const VISA_EMAIL_QUEUE = 'casework.visa-cancellation-email';
export interface VisaEmailJob {
  applicationId: string;
  personId: string;
}

export const VISA_EMAIL_LEASE_MS = 5 * 60 * 1000;

export class VisaEmailNotSentError extends Error {}

export type VisaEmailScheduling = 'scheduled' | 'no-address' | 'not-applicable' | 'already-scheduled';

export class VisaCancellationEmails {
  readonly store: VisaCancellationStore;

  constructor(
    private readonly db: Db,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly mailer: () => Mailer,
    private readonly branding: Branding,
  ) {
    this.store = new VisaCancellationStore(db);
  }

  /** In the transaction that records the INZ notification as sent: schedules the email once, when it applies. */
  async schedule(tx: Tx, applicationId: string, personId: string): Promise<VisaEmailScheduling> {
    const now = this.clock.now();
    const person = await this.store.subject(tx, applicationId, personId);
    // The records on file are the applicant's (the records fetch searches for the applicant).
    if (!person || person.relationship !== 'applicant') return 'not-applicable';
    const fields = visaCancellation(person.records, nzDate(now));
    if (!fields) return 'not-applicable';
    const email = person.email?.trim() ? person.email.trim() : null;
    const status = email ? 'pending' : 'no-address';
    const inserted = await this.store.insertOnce(tx, { applicationId, personId, email, fields, status });
    if (!inserted) return 'already-scheduled';
    if (email) {
      await this.queue.send<VisaEmailJob>(
        VISA_EMAIL_QUEUE,
        { applicationId, personId },
        { tx, singletonKey: `${applicationId}:${personId}` },
      );
    }
    await appendAudit(tx, now, {
      actor: 'system',
      applicationId,
      action: email ? 'visa-cancellation-email.scheduled' : 'visa-cancellation-email.no-address',
      entity: 'person',
      entityId: personId,
      after: { visaType: fields.visaType, issuingState: fields.issuingState, status },
    });
    return email ? 'scheduled' : 'no-address';
  }

  /** The job: claim → send → record. Throws when not sent, so the queue retries with back-off. */
  async deliver(job: VisaEmailJob): Promise<'sent' | 'skipped'> {
    const now = this.clock.now();
    const claimId = randomUUID();
    const claimed = await this.store.claim(
      job.applicationId,
      job.personId,
      claimId,
      now,
      new Date(now.getTime() + VISA_EMAIL_LEASE_MS),
    );
    if (!claimed) {
      const row = (await this.store.forApplication(job.applicationId)).find((r) => r.personId === job.personId);
      if (!row || row.status !== 'sending') return 'skipped';
      throw new VisaEmailNotSentError('the visa cancellation email is being sent by another worker');
    }
    const person = await this.store.subject(this.db, job.applicationId, job.personId);
    let sent = false;
    try {
      if (!person || !claimed.email || !person.ceremony_date) throw new VisaEmailNotSentError('nothing to send');
      await this.mailer().send(
        visaCancellationEmail(
          {
            to: claimed.email,
            givenNames: person.given_names,
            citizenshipDate: person.ceremony_date,
            fields: claimed.fields,
            messageId: `visa-cancellation-${job.applicationId}-${job.personId}@pono`,
          },
          this.branding,
        ),
      );
      sent = true;
    } finally {
      const at = this.clock.now();
      await this.db.transaction().execute(async (tx) => {
        const recorded = await this.store.finish(tx, job.applicationId, job.personId, claimId, sent ? at : null);
        if (recorded && sent)
          await appendAudit(tx, at, {
            actor: 'system',
            applicationId: job.applicationId,
            action: 'visa-cancellation-email.sent',
            entity: 'person',
            entityId: job.personId,
            after: { status: 'sent', attempts: claimed.attempts + 1 },
          });
      });
    }
    return 'sent';
  }

  /** The application's visa cancellation emails (for tests and the drill). */
  forApplication(applicationId: string): Promise<VisaEmailRow[]> {
    return this.store.forApplication(applicationId);
  }
}
