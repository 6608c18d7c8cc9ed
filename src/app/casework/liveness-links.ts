// Liveness check links (seed 000 "New Liveness Check"): create (relationship, person, email) → Save → Send
// Liveness. Sending enqueues, in the same transaction, the email job and the expiry job (startAfter 24 h); the
// jobs are in liveness-link-jobs.ts. No usable link is ever at rest: only a token's digest is stored. Status is
// always computed from the stored state and the clock (domain statusAt), so a link is Expired at exactly 24 h
// even before the expiry job runs.
import { randomUUID } from 'node:crypto';
import {
  bracketOn,
  compareDates,
  completeLink,
  createLink,
  isLinkRelationship,
  linkAllowedFor,
  LINK_VALIDITY_MS,
  resendLink,
  statusAt,
  type LinkStatus,
} from '../../domain/casework/index.ts';
import type { Db, Tx } from '../ports/database.ts';
import {
  completedApplicantLink,
  copiedLinkRow,
  hasCopyOf,
  insertLink,
  linkById,
  linkByTokenHash,
  linkOf,
  linksOfApplication,
  lockExistingLink,
  newLinkRow,
  updateLink,
  type LinkRow,
} from './liveness-link-store.ts';
import { applicationByReference, personRecordOn, personWithRelationship } from './application-store.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import type { Mailer } from '../ports/mailer.ts';
import type { Clock } from '../clock.ts';
import { digest } from '../ids.ts';
import { authorize, conflict, invalid, notFound, nzDate, type Actor } from './actor.ts';
import { ruleError } from './rule-errors.ts';
import { AppError } from '../errors.ts';
import { linkSessions } from './liveness-link-results.ts';
import { auditLink, linkAuditShape } from './liveness-link-audit.ts';
import { viewOf, type LinkView } from './liveness-link-views.ts';
import { LINK_EMAIL_QUEUE, LINK_EXPIRY_QUEUE, LinkJobs, type LinkJob, type LinkOptions } from './liveness-link-jobs.ts';

export { LINK_EMAIL_QUEUE, LINK_EXPIRY_QUEUE, type LinkJob, type LinkOptions, type LinkView };

/** A link that was saved and not yet sent, locked; 404 or 409 otherwise. */
async function lockUnsentLink(tx: Tx, linkId: string): Promise<LinkRow> {
  const r = await lockExistingLink(tx, linkId);
  if (r.sent_at !== null) throw conflict('the link was already sent; use resend for a new one', 'LINK_ALREADY_SENT');
  return r;
}

export class LivenessLinks {
  private readonly jobs: LinkJobs;

  constructor(
    private readonly db: Db,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly mailer: () => Mailer,
    options: LinkOptions,
  ) {
    this.jobs = new LinkJobs(db, clock, mailer, options);
  }

  async list(actor: Actor, reference: string): Promise<LinkView[]> {
    authorize(actor, 'application.read');
    const a = await applicationByReference(this.db, reference);
    const rows = await linksOfApplication(this.db, a.application_id);
    const now = this.clock.now().getTime();
    const sessions = await linkSessions(
      this.db,
      rows.map((r) => r.link_id),
    );
    return rows.map((r) => viewOf(r, now, sessions.get(r.link_id)));
  }

  async get(actor: Actor, linkId: string): Promise<LinkView> {
    authorize(actor, 'application.read');
    return this.#view(linkId);
  }

  /** A link as officers see it: its status now, its liveness session and the engine's results. */
  async #view(linkId: string): Promise<LinkView> {
    const r = await linkById(this.db, linkId);
    if (!r) throw notFound('liveness link', linkId);
    return viewOf(r, this.clock.now().getTime(), (await linkSessions(this.db, [linkId])).get(linkId));
  }

  /**
   * BR-17 (L439–441): when the consenting parent applied at the same time, the parent's completed check (assessed in
   * the parent's own application) is copied to the child's application: a Completed link for the consenting
   * parent there that names the original (`copied_from`) and shares its evidence by reference. Audited.
   */
  async copyParentCheck(actor: Actor, reference: string): Promise<LinkView> {
    authorize(actor, 'liveness-link.create');
    const id = randomUUID();
    const now = this.clock.now();
    await this.db.transaction().execute(async (tx) => {
      const a = await applicationByReference(tx, reference);
      const parent = await personWithRelationship(tx, a.application_id, 'consenting-parent');
      if (!parent || parent.applied_at_same_time !== true || !parent.own_application_ref) {
        throw conflict(
          "there is no consenting parent who applied at the same time (with their own application's reference) on this application: contact the parent instead",
          'PARENT_DID_NOT_APPLY',
        );
      }
      const source = await completedApplicantLink(tx, parent.own_application_ref);
      if (!source)
        throw conflict(
          `the consenting parent has no completed liveness check in their own application ${parent.own_application_ref}: follow up with them, which may include sending a link`,
          'PARENT_CHECK_NOT_COMPLETED',
        );
      const origin = source.copied_from ?? source.link_id;
      if (await hasCopyOf(tx, a.application_id, origin))
        throw conflict(
          "the consenting parent's check is already copied to this application",
          'PARENT_CHECK_ALREADY_COPIED',
        );
      const copy = copiedLinkRow(source, {
        linkId: id,
        applicationId: a.application_id,
        personId: parent.person_id,
        createdBy: actor.officerId,
        createdAt: now,
        copiedFrom: origin,
      });
      await insertLink(tx, copy);
      await auditLink(tx, now, actor, copy, 'copy-parent-check', {
        after: { personId: parent.person_id, copiedFrom: origin, fromApplication: parent.own_application_ref },
      });
    });
    return this.get(actor, id);
  }

  /** "+ New Liveness Check" → Save. The email defaults to the person record's (BR-30). */
  async create(
    actor: Actor,
    reference: string,
    input: { personId: string; relationship: string; email?: string },
  ): Promise<LinkView> {
    authorize(actor, 'liveness-link.create');
    const relationship = input.relationship;
    if (!isLinkRelationship(relationship))
      throw invalid('relationship', "relationship must be 'Adult' or 'Consenting Parties'");
    const id = randomUUID();
    const now = this.clock.now();
    await this.db.transaction().execute(async (tx) => {
      const a = await applicationByReference(tx, reference);
      const person = await personRecordOn(tx, a.application_id, input.personId);
      // BR-29: a consent giver who did not apply gets a person record before a link.
      if (!person)
        throw invalid('personId', 'personId is not a person on this application (create the person record first)');
      const today = nzDate(now);
      const allowed = linkAllowedFor(
        person.relationship,
        bracketOn(person.date_of_birth, compareDates(today, person.date_of_birth) >= 0 ? today : person.date_of_birth),
        relationship,
      );
      if (!allowed.ok)
        throw ruleError(
          allowed.error,
          allowed.error.code === 'LINK_RELATIONSHIP_MISMATCH' ? 'relationship' : 'personId',
        );
      // BR-30: the email defaults to the person record's; without either, say whose email is missing.
      const email = input.email ?? person.email ?? '';
      if (email.trim() === '') {
        throw invalid(
          'email',
          `${person.given_names} ${person.family_name} has no email address on their person record: give email, or add the address to the person record`,
          'LINK_EMAIL_MISSING',
        );
      }
      const created = createLink(
        {
          id,
          applicationId: a.application_id,
          personId: input.personId,
          relationship,
          email,
        },
        now.getTime(),
      );
      if (!created.ok) throw ruleError(created.error, 'email');
      const l = created.value;
      const row = newLinkRow(l, actor.officerId, now);
      await insertLink(tx, row);
      await auditLink(tx, now, actor, row, 'create', {
        after: { personId: l.personId, relationship: l.relationship, state: l.state, sent: false },
      });
    });
    return this.get(actor, id);
  }

  /** "Send Liveness": valid 24 h from now; the email and expiry jobs are enqueued with the change. */
  async send(actor: Actor, linkId: string): Promise<LinkView> {
    authorize(actor, 'liveness-link.send');
    this.requireMail();
    await this.db.transaction().execute(async (tx) => this.markSent(tx, actor, await lockUnsentLink(tx, linkId)));
    return this.get(actor, linkId);
  }

  /** A link is only marked sent when an email can leave: without a mail server the officer is told so. */
  private requireMail(): void {
    if (!this.mailer().configured) {
      throw new AppError(
        'unavailable',
        'Email is not set up on this server, so the link cannot be sent. Ask your administrator to configure the mail server (SMTP_URL).',
        'MAIL_NOT_CONFIGURED',
      );
    }
  }

  private async markSent(tx: Tx, actor: Actor, r: LinkRow): Promise<void> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + LINK_VALIDITY_MS);
    await updateLink(tx, r.link_id, { sent_at: now, expires_at: expiresAt });
    await this.queue.send<LinkJob>(LINK_EMAIL_QUEUE, { linkId: r.link_id }, { tx });
    await this.queue.send<LinkJob>(LINK_EXPIRY_QUEUE, { linkId: r.link_id }, { tx, startAfter: expiresAt });
    await auditLink(tx, now, actor, r, 'send', {
      before: linkAuditShape(r),
      after: { ...linkAuditShape({ ...r, sent_at: now }), expiresAt: expiresAt.toISOString() },
    });
  }

  /**
   * The demo only (it has no mail server): records a saved link as sent at `sentAt` with the given token, as if
   * the email job had sent it then, so the demo can show an Expired link and complete a check itself. Audited.
   */
  async markSentForDemo(linkId: string, sentAt: Date, token: string): Promise<LinkView> {
    await this.db.transaction().execute(async (tx) => {
      const r = await lockUnsentLink(tx, linkId);
      const expiresAt = new Date(sentAt.getTime() + LINK_VALIDITY_MS);
      await updateLink(tx, linkId, { sent_at: sentAt, expires_at: expiresAt, token_hash: digest(token) });
      await auditLink(tx, this.clock.now(), 'system', r, 'send', {
        before: linkAuditShape(r),
        after: { sent: true, demo: true, expiresAt: expiresAt.toISOString() },
      });
    });
    return this.#view(linkId);
  }

  /** Resend: a new link (sent at once) for the same person, and the old one expired (domain resendLink). */
  async resend(actor: Actor, linkId: string, email?: string): Promise<LinkView> {
    authorize(actor, 'liveness-link.send');
    this.requireMail();
    const newId = randomUUID();
    await this.db.transaction().execute(async (tx) => {
      const r = await lockExistingLink(tx, linkId);
      if (r.superseded_by !== null)
        throw conflict('this link was already replaced; resend the newest one', 'LINK_SUPERSEDED');
      const now = this.clock.now();
      const resent = resendLink(linkOf(r), newId, now.getTime(), email ?? r.email);
      if (!resent.ok) throw ruleError(resent.error, 'email');
      const old = resent.value.previous;
      await updateLink(tx, linkId, {
        state: old.state,
        expired_at: old.expiredAt === null ? null : new Date(old.expiredAt),
        superseded_by: newId,
      });
      await insertLink(tx, newLinkRow(resent.value.current, actor.officerId, now));
      await auditLink(tx, now, actor, r, 'resend', {
        before: linkAuditShape(r),
        after: { state: old.state, supersededBy: newId },
      });
      await this.markSent(tx, actor, await lockExistingLink(tx, newId));
    });
    return this.get(actor, newId);
  }

  /** The email job (liveness-link-jobs.ts). */
  deliverEmail(job: LinkJob): Promise<void> {
    return this.jobs.deliverEmail(job);
  }

  /** The expiry job (liveness-link-jobs.ts). */
  expire(job: LinkJob): Promise<void> {
    return this.jobs.expire(job);
  }

  /** Sweeps every sent Active link past its expiry (also a safety net if an expiry job was lost). */
  sweepExpired(): Promise<number> {
    return this.jobs.sweepExpired();
  }

  /** What the applicant's landing page needs: whether the link still works. Never consumes the link. */
  async landing(token: string): Promise<{ status: LinkStatus | 'Unknown' }> {
    const r = await linkByTokenHash(this.db, digest(token));
    if (!r || r.sent_at === null) return { status: 'Unknown' };
    return { status: statusAt(linkOf(r), this.clock.now().getTime()) };
  }

  /** The applicant finished the check through the link: single use, refused once Completed or Expired. */
  async completeByToken(token: string): Promise<LinkView> {
    const id = await this.db.transaction().execute(async (tx) => {
      const r = await linkByTokenHash(tx, digest(token), true);
      if (!r || r.sent_at === null) throw notFound('liveness link', '(token)');
      const now = this.clock.now();
      const done = completeLink(linkOf(r), now.getTime());
      if (!done.ok) throw ruleError(done.error);
      await updateLink(tx, r.link_id, { state: 'Completed', completed_at: now });
      await auditLink(tx, now, 'applicant', r, 'complete', {
        before: linkAuditShape(r),
        after: { state: 'Completed' },
      });
      return r.link_id;
    });
    return this.#view(id);
  }
}
