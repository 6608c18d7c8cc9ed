// Ceremony date and closure, and the INZ notification ~7 days later (BR-58, R20).
//
// Exactly once, retried safely: closing the ceremony inserts the notification (keyed by the domain's
// idempotency key) and enqueues its job in the same transaction as the stage change. Delivery is
// claim → send → record:
//  * claim: a short transaction locks the row, refuses if it is already "sent" or held by a live claim,
//    and stores a fresh claim id with a lease;
//  * send: the signed POST, carrying the idempotency key;
//  * record: "sent" is written only by the holder of that claim (conditional update on the claim id).
// A crash between send and record leaves the row claimed; once the lease runs out the retry sends again
// with the same idempotency key, and the receiver drops the duplicate. No transaction is held open across
// the HTTP call (PGlite is a single connection).
import { randomUUID } from 'node:crypto';
import {
  buildInzNotification,
  closeCeremony,
  compareDates,
  isIsoDate,
  type CeremonyRecord,
} from '../../domain/casework/index.ts';
import type { Db } from '../ports/database.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import type { InzNotifier } from '../ports/inz-notifier.ts';
import type { Clock } from '../clock.ts';
import { appendAudit, auditApplication } from './audit.ts';
import { peopleOf, personById, updateApplication } from './application-store.ts';
import {
  dueInzNotificationKeys,
  inzNotification,
  inzNotificationKeysOf,
  inzNotificationStatus,
  insertInzNotification,
  lockInzNotification,
  recordInzOutcome,
  updateInzNotification,
} from './inz-notification-store.ts';
import { authorize, conflict, invalid, nzDate, type Actor } from './actor.ts';
import { ruleError } from './rule-errors.ts';
import type { Applications, ApplicationView } from './applications.ts';
import type { VisaCancellationEmails } from './visa-cancellation-emails.ts';

export const INZ_NOTIFY_QUEUE = 'casework.inz-notification';
export interface InzNotifyJob {
  idempotencyKey: string;
}

export const CLAIM_LEASE_MS = 5 * 60 * 1000;

export class NotificationNotDeliveredError extends Error {}

export interface NotificationView {
  idempotencyKey: string;
  status: string;
  dueOn: string;
  attempts: number;
  lastStatus: number | null;
  sentAt: string | null;
}

export class Ceremonies {
  constructor(
    private readonly db: Db,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly applications: Applications,
    private readonly notifier: () => InzNotifier,
    private readonly visaEmails: VisaCancellationEmails,
  ) {}

  async record(
    actor: Actor,
    reference: string,
    input: { personId?: string; ceremonyDate: string; oathTaken: boolean },
  ): Promise<ApplicationView> {
    authorize(actor, 'ceremony.record');
    if (!isIsoDate(input.ceremonyDate)) throw invalid('ceremonyDate', 'ceremonyDate must be a real date');
    await this.db.transaction().execute(async (tx) => {
      const a = await this.applications.row(tx, reference, true);
      if (a.stage !== 'ceremony')
        throw conflict('a ceremony is recorded once the application is granted', 'NOT_AT_CEREMONY');
      const people = await peopleOf(tx, a.application_id);
      const personId = input.personId ?? people.find((p) => p.relationship === 'applicant')?.person_id;
      if (!personId || !people.some((p) => p.person_id === personId))
        throw invalid('personId', 'personId is not a person on this application');
      await updateApplication(tx, a.application_id, {
        ceremony_person_id: personId,
        ceremony_date: input.ceremonyDate,
        oath_taken: input.oathTaken,
        updated_at: this.clock.now(),
      });
      await auditApplication(tx, this.clock.now(), actor, a.application_id, 'ceremony.record', {
        before: { ceremonyDate: a.ceremony_date, oathTaken: a.oath_taken },
        after: { personId, ceremonyDate: input.ceremonyDate, oathTaken: input.oathTaken },
      });
    });
    return this.applications.view(reference);
  }

  /** Closes the ceremony (domain closeCeremony), closes the application, and schedules the INZ notification. */
  async close(actor: Actor, reference: string): Promise<ApplicationView & { notification: NotificationView }> {
    authorize(actor, 'ceremony.close');
    const key = await this.db.transaction().execute(async (tx) => {
      const a = await this.applications.row(tx, reference, true);
      if (!a.ceremony_date || !a.ceremony_person_id) throw conflict('record the ceremony first', 'NO_CEREMONY');
      const p = await personById(tx, a.ceremony_person_id);
      const today = nzDate(this.clock.now());
      const record: CeremonyRecord = {
        applicationId: a.application_id,
        personId: p.person_id,
        ceremonyDate: a.ceremony_date,
        oathTaken: a.oath_taken === true,
        closedOn: a.ceremony_closed_on,
      };
      const closed = closeCeremony(record, p.date_of_birth, today);
      if (!closed.ok) throw ruleError(closed.error);
      const notification = buildInzNotification(
        {
          fullName: `${p.given_names} ${p.family_name}`.trim(),
          gender: p.gender ?? '',
          dateOfBirth: p.date_of_birth,
          countryOfBirth: p.country_of_birth ?? '',
          citizenshipPersonNumber: p.citizenship_person_number ?? '',
        },
        closed.value,
      );
      if (!notification.ok) throw ruleError(notification.error, 'person');
      await this.applications.applyStage(tx, actor, a, 'close-ceremony');
      await updateApplication(tx, a.application_id, { ceremony_closed_on: today });
      const n = notification.value;
      await insertInzNotification(tx, {
        idempotency_key: n.idempotencyKey,
        application_id: a.application_id,
        person_id: p.person_id,
        payload: JSON.stringify(n),
        due_on: n.dueOn,
      });
      const startAfter = new Date(this.clock.now().getTime() + compareDates(n.dueOn, today) * 86_400_000);
      await this.queue.send<InzNotifyJob>(
        INZ_NOTIFY_QUEUE,
        { idempotencyKey: n.idempotencyKey },
        { tx, startAfter, singletonKey: n.idempotencyKey },
      );
      await auditApplication(tx, this.clock.now(), actor, a.application_id, 'ceremony.close', {
        before: { ceremonyClosedOn: null },
        after: { ceremonyClosedOn: today, notificationDueOn: n.dueOn, idempotencyKey: n.idempotencyKey },
      });
      return n.idempotencyKey;
    });
    const view = await this.applications.view(reference);
    return { ...view, notification: await this.notification(key) };
  }

  async notification(idempotencyKey: string): Promise<NotificationView> {
    const r = await inzNotification(this.db, idempotencyKey);
    return {
      idempotencyKey: r.idempotency_key,
      status: r.status,
      dueOn: r.due_on,
      attempts: r.attempts,
      lastStatus: r.last_status,
      sentAt: r.sent_at?.toISOString() ?? null,
    };
  }

  async notificationsFor(actor: Actor, reference: string): Promise<NotificationView[]> {
    authorize(actor, 'application.read');
    const a = await this.applications.row(this.db, reference);
    const keys = await inzNotificationKeysOf(this.db, a.application_id);
    return Promise.all(keys.map((key) => this.notification(key)));
  }

  /** Step 1: claims a due, unsent notification. Null when it is sent, not due yet, or held by a live claim. */
  async claim(idempotencyKey: string): Promise<{ claimId: string; payload: object } | null> {
    const now = this.clock.now();
    return this.db.transaction().execute(async (tx) => {
      const r = await lockInzNotification(tx, idempotencyKey);
      if (!r || r.status === 'sent') return null;
      if (compareDates(nzDate(now), r.due_on) < 0) return null;
      if (r.claim_id !== null && r.claimed_until !== null && r.claimed_until.getTime() > now.getTime()) return null;
      const claimId = randomUUID();
      await updateInzNotification(tx, idempotencyKey, {
        status: 'sending',
        claim_id: claimId,
        claimed_until: new Date(now.getTime() + CLAIM_LEASE_MS),
        attempts: r.attempts + 1,
      });
      return { claimId, payload: r.payload };
    });
  }

  /** Step 2: the signed POST with the idempotency key. Returns the HTTP status (0: no answer). */
  async send(idempotencyKey: string, payload: object): Promise<number> {
    return this.notifier().send(idempotencyKey, payload, Math.floor(this.clock.now().getTime() / 1000));
  }

  /** Step 3: records the outcome, only for the holder of the claim. */
  async recordOutcome(idempotencyKey: string, claimId: string, httpStatus: number): Promise<boolean> {
    const now = this.clock.now();
    const delivered = httpStatus >= 200 && httpStatus < 300;
    return this.db.transaction().execute(async (tx) => {
      const updated = await recordInzOutcome(
        tx,
        idempotencyKey,
        claimId,
        delivered
          ? { status: 'sent', sent_at: now, last_status: httpStatus, claim_id: null, claimed_until: null }
          : { status: 'pending', last_status: httpStatus || null, claim_id: null, claimed_until: null },
      );
      if (updated && delivered) {
        // BR-59: INZ now cancels a residence visa held in a current overseas passport; the person is told once.
        await this.visaEmails.schedule(tx, updated.application_id, updated.person_id);
        await appendAudit(tx, now, {
          actor: 'system',
          applicationId: updated.application_id,
          action: 'inz-notification.sent',
          entity: 'inz-notification',
          entityId: idempotencyKey,
          before: { status: 'sending' },
          after: { status: 'sent', httpStatus },
        });
      }
      return updated !== undefined;
    });
  }

  /** The job: claim → send → record. Throws when not delivered, so the queue retries with back-off. */
  async deliver(job: InzNotifyJob): Promise<'sent' | 'skipped'> {
    const claim = await this.claim(job.idempotencyKey);
    if (!claim) {
      const status = await inzNotificationStatus(this.db, job.idempotencyKey);
      if (status === undefined || status === 'sent') return 'skipped';
      throw new NotificationNotDeliveredError('notification not due yet or claimed by another worker');
    }
    const status = await this.send(job.idempotencyKey, claim.payload);
    await this.recordOutcome(job.idempotencyKey, claim.claimId, status);
    if (status < 200 || status >= 300) throw new NotificationNotDeliveredError(`INZ answered ${status || 'nothing'}`);
    return 'sent';
  }

  /** The notifications not yet sent that are due by `today` (NZ date), for a drill to deliver. */
  async dueKeys(today: string): Promise<string[]> {
    return dueInzNotificationKeys(this.db, today);
  }
}
