// Liveness check links (seed 000 "New Liveness Check"): create (relationship, person, email) → Save → Send
// Liveness. Sending enqueues, in the same transaction, the email job and the expiry job (startAfter 24 h).
// The email job makes the token (32 random bytes, base64url) and stores only its digest, so no usable link
// is ever at rest in the database or the job table. Status is always computed from the stored state and
// the clock (domain statusAt), so a link is Expired at exactly 24 h even before the expiry job runs.
import { randomBytes, randomUUID } from 'node:crypto';
import {
  bracketOn,
  compareDates,
  completeLink,
  createLink,
  linkAllowedFor,
  expireIfDue,
  LINK_VALIDITY_MS,
  resendLink,
  statusAt,
  type LinkRelationship,
  type LinkStatus,
  type LivenessLink,
  type PartyRelationship,
} from '../../domain/casework/index.ts';
import type { Db, Tx } from '../ports/database.ts';
import { insertLink, linkByTokenHash, lockLink, newLinkRow, updateLink, type LinkRow } from './liveness-link-store.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import type { Mailer } from '../ports/mailer.ts';
import { livenessLinkEmail } from './liveness-link-email.ts';
import type { Clock } from '../clock.ts';
import type { Branding } from '../../config/branding.ts';
import { digest } from '../ids.ts';
import { appendAudit, auditActor } from './audit.ts';
import { authorize, conflict, invalid, notFound, nzDate, type Actor } from './actor.ts';
import { ruleError } from './rule-errors.ts';
import { AppError } from '../errors.ts';
import { linkSessions, type LinkResults, type LinkSession } from './liveness-link-results.ts';

export const LINK_EMAIL_QUEUE = 'casework.liveness-link-email';
export const LINK_EXPIRY_QUEUE = 'casework.liveness-link-expiry';
export interface LinkJob {
  linkId: string;
}

export interface LinkView {
  id: string;
  applicationId: string;
  personId: string;
  relationship: LinkRelationship;
  email: string;
  /** null until sent (the seed's empty Status); then Active / Completed / Expired. */
  status: LinkStatus | null;
  createdAt: string;
  sentAt: string | null;
  expiresAt: string | null;
  completedAt: string | null;
  supersededBy: string | null;
  /** The liveness check the person opened from the link (null until they open it): its evidence is there. */
  sessionId: string | null;
  /** What the person did on the link's liveness check (seed subgrid: Blink, Nod, Shake, Photo); null before a set is decided. */
  /** BR-17: the consenting parent's check this link was copied from (its evidence is shared by reference). */
  copiedFrom: string | null;
  results: LinkResults | null;
}

export const LINK_RELATIONSHIPS: readonly LinkRelationship[] = ['Adult', 'Consenting Parties'];

function toDomain(r: LinkRow): LivenessLink {
  const sent = r.sent_at?.getTime() ?? r.created_at.getTime();
  return {
    id: r.link_id,
    applicationId: r.application_id,
    personId: r.person_id,
    relationship: r.relationship,
    email: r.email,
    createdAt: sent,
    expiresAt: r.expires_at?.getTime() ?? sent + LINK_VALIDITY_MS,
    state: r.state,
    completedAt: r.completed_at?.getTime() ?? null,
    expiredAt: r.expired_at?.getTime() ?? null,
    supersededBy: r.superseded_by,
  };
}

function viewOf(r: LinkRow, now: number, session: LinkSession | undefined): LinkView {
  return {
    id: r.link_id,
    applicationId: r.application_id,
    personId: r.person_id,
    relationship: r.relationship,
    email: r.email,
    status: r.sent_at === null ? null : statusAt(toDomain(r), now),
    createdAt: r.created_at.toISOString(),
    sentAt: r.sent_at?.toISOString() ?? null,
    expiresAt: r.expires_at?.toISOString() ?? null,
    completedAt: r.completed_at?.toISOString() ?? null,
    supersededBy: r.superseded_by,
    copiedFrom: r.copied_from,
    sessionId: session?.sessionId ?? null,
    results: session?.results ?? null,
  };
}

function auditShape(r: { state: string; email: string; sent_at?: Date | null; superseded_by?: string | null }) {
  return { state: r.state, sent: r.sent_at != null, supersededBy: r.superseded_by ?? null };
}

export interface LinkOptions {
  /** Base of the link in the email, e.g. https://pono.example.govt.nz (PONO_PUBLIC_URL). */
  publicUrl: string;
  /** The office named in the email, with its logo. */
  branding: Branding;
}

export class LivenessLinks {
  constructor(
    private readonly db: Db,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly mailer: () => Mailer,
    private readonly options: LinkOptions,
  ) {}

  private async application(db: Db, reference: string) {
    const a = await db
      .selectFrom('applications')
      .select(['application_id', 'stage'])
      .where('reference', '=', reference)
      .executeTakeFirst();
    if (!a) throw notFound('application', reference);
    return a;
  }

  async list(actor: Actor, reference: string): Promise<LinkView[]> {
    authorize(actor, 'application.read');
    const a = await this.application(this.db, reference);
    const rows = await this.db
      .selectFrom('liveness_links')
      .selectAll()
      .where('application_id', '=', a.application_id)
      .orderBy('created_at')
      .orderBy('link_id')
      .execute();
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
    const r = await this.db.selectFrom('liveness_links').selectAll().where('link_id', '=', linkId).executeTakeFirst();
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
      const a = await this.application(tx, reference);
      const parent = await tx
        .selectFrom('casework_people')
        .select(['person_id', 'applied_at_same_time', 'own_application_ref'])
        .where('application_id', '=', a.application_id)
        .where('relationship', '=', 'consenting-parent')
        .executeTakeFirst();
      if (!parent || parent.applied_at_same_time !== true || !parent.own_application_ref) {
        throw conflict(
          "there is no consenting parent who applied at the same time (with their own application's reference) on this application: contact the parent instead",
          'PARENT_DID_NOT_APPLY',
        );
      }
      const source = await tx
        .selectFrom('liveness_links as l')
        .innerJoin('applications as pa', 'pa.application_id', 'l.application_id')
        .innerJoin('casework_people as p', 'p.person_id', 'l.person_id')
        .selectAll('l')
        .where('pa.reference', '=', parent.own_application_ref)
        .where('p.relationship', '=', 'applicant')
        .where('l.state', '=', 'Completed')
        .orderBy('l.completed_at', 'desc')
        .executeTakeFirst();
      if (!source)
        throw conflict(
          `the consenting parent has no completed liveness check in their own application ${parent.own_application_ref}: follow up with them, which may include sending a link`,
          'PARENT_CHECK_NOT_COMPLETED',
        );
      const origin = source.copied_from ?? source.link_id;
      const copied = await tx
        .selectFrom('liveness_links')
        .select('link_id')
        .where('application_id', '=', a.application_id)
        .where('copied_from', '=', origin)
        .executeTakeFirst();
      if (copied)
        throw conflict(
          "the consenting parent's check is already copied to this application",
          'PARENT_CHECK_ALREADY_COPIED',
        );
      await tx
        .insertInto('liveness_links')
        .values({
          link_id: id,
          application_id: a.application_id,
          person_id: parent.person_id,
          relationship: 'Consenting Parties',
          email: source.email,
          state: 'Completed',
          created_by: actor.officerId,
          created_at: now,
          sent_at: source.sent_at,
          expires_at: source.expires_at,
          completed_at: source.completed_at,
          expired_at: null,
          superseded_by: null,
          token_hash: null,
          copied_from: origin,
        })
        .execute();
      await appendAudit(tx, now, {
        ...auditActor(actor),
        applicationId: a.application_id,
        action: 'liveness-link.copy-parent-check',
        entity: 'liveness-link',
        entityId: id,
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
    if (!(LINK_RELATIONSHIPS as readonly string[]).includes(input.relationship))
      throw invalid('relationship', "relationship must be 'Adult' or 'Consenting Parties'");
    const id = randomUUID();
    const now = this.clock.now();
    await this.db.transaction().execute(async (tx) => {
      const a = await this.application(tx, reference);
      const person = await tx
        .selectFrom('casework_people')
        .select(['person_id', 'email', 'relationship', 'date_of_birth', 'given_names', 'family_name'])
        .where('person_id', '=', input.personId)
        .where('application_id', '=', a.application_id)
        .executeTakeFirst();
      // BR-29: a consent giver who did not apply gets a person record before a link.
      if (!person)
        throw invalid('personId', 'personId is not a person on this application (create the person record first)');
      const today = nzDate(now);
      const allowed = linkAllowedFor(
        person.relationship as PartyRelationship,
        bracketOn(person.date_of_birth, compareDates(today, person.date_of_birth) >= 0 ? today : person.date_of_birth),
        input.relationship as LinkRelationship,
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
          relationship: input.relationship as LinkRelationship,
          email,
        },
        now.getTime(),
      );
      if (!created.ok) throw ruleError(created.error, 'email');
      const l = created.value;
      await insertLink(tx, newLinkRow(l, actor.officerId, now));
      await appendAudit(tx, now, {
        ...auditActor(actor),
        applicationId: a.application_id,
        action: 'liveness-link.create',
        entity: 'liveness-link',
        entityId: id,
        after: { personId: l.personId, relationship: l.relationship, state: l.state, sent: false },
      });
    });
    return this.get(actor, id);
  }

  /** "Send Liveness": valid 24 h from now; the email and expiry jobs are enqueued with the change. */
  async send(actor: Actor, linkId: string): Promise<LinkView> {
    authorize(actor, 'liveness-link.send');
    this.requireMail();
    await this.db.transaction().execute(async (tx) => {
      const r = await lockLink(tx, linkId);
      if (!r) throw notFound('liveness link', linkId);
      if (r.sent_at !== null)
        throw conflict('the link was already sent; use resend for a new one', 'LINK_ALREADY_SENT');
      await this.markSent(tx, actor, r);
    });
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
    await appendAudit(tx, now, {
      ...auditActor(actor),
      applicationId: r.application_id,
      action: 'liveness-link.send',
      entity: 'liveness-link',
      entityId: r.link_id,
      before: auditShape(r),
      after: { ...auditShape({ ...r, sent_at: now }), expiresAt: expiresAt.toISOString() },
    });
  }

  /**
   * The demo only (it has no mail server): records a saved link as sent at `sentAt` with the given token, as if
   * the email job had sent it then, so the demo can show an Expired link and complete a check itself. Audited.
   */
  async markSentForDemo(linkId: string, sentAt: Date, token: string): Promise<LinkView> {
    await this.db.transaction().execute(async (tx) => {
      const r = await lockLink(tx, linkId);
      if (!r) throw notFound('liveness link', linkId);
      if (r.sent_at !== null)
        throw conflict('the link was already sent; use resend for a new one', 'LINK_ALREADY_SENT');
      const expiresAt = new Date(sentAt.getTime() + LINK_VALIDITY_MS);
      await updateLink(tx, linkId, { sent_at: sentAt, expires_at: expiresAt, token_hash: digest(token) });
      await appendAudit(tx, this.clock.now(), {
        actor: 'system',
        applicationId: r.application_id,
        action: 'liveness-link.send',
        entity: 'liveness-link',
        entityId: linkId,
        before: auditShape(r),
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
      const r = await lockLink(tx, linkId);
      if (!r) throw notFound('liveness link', linkId);
      if (r.superseded_by !== null)
        throw conflict('this link was already replaced; resend the newest one', 'LINK_SUPERSEDED');
      const now = this.clock.now();
      const resent = resendLink(toDomain(r), newId, now.getTime(), email ?? r.email);
      if (!resent.ok) throw ruleError(resent.error, 'email');
      const old = resent.value.previous;
      const next = resent.value.current;
      await updateLink(tx, linkId, {
        state: old.state,
        expired_at: old.expiredAt === null ? null : new Date(old.expiredAt),
        superseded_by: newId,
      });
      await insertLink(tx, newLinkRow(next, actor.officerId, now));
      await appendAudit(tx, now, {
        ...auditActor(actor),
        applicationId: r.application_id,
        action: 'liveness-link.resend',
        entity: 'liveness-link',
        entityId: linkId,
        before: auditShape(r),
        after: { state: old.state, supersededBy: newId },
      });
      const inserted = await lockLink(tx, newId);
      if (!inserted) throw notFound('liveness link', newId);
      await this.markSent(tx, actor, inserted);
    });
    return this.get(actor, newId);
  }

  /**
   * The email job: a fresh token for a link that is still Active and current, its digest stored, then the
   * message sent. A retry after a failed send makes a new token, so only the last delivered link works.
   */
  async deliverEmail(job: LinkJob): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const row = await this.db.transaction().execute(async (tx) => {
      const r = await lockLink(tx, job.linkId);
      if (!r || r.sent_at === null || r.superseded_by !== null) return null;
      if (statusAt(toDomain(r), this.clock.now().getTime()) !== 'Active') return null;
      await updateLink(tx, r.link_id, { token_hash: digest(token) });
      return r;
    });
    if (!row) return;
    const url = `${this.options.publicUrl.replace(/\/$/, '')}/liveness/${token}`;
    await this.mailer().send(livenessLinkEmail(row.email, url, LINK_VALIDITY_MS / 3_600_000, this.options.branding));
  }

  /** The expiry job: stores Expired for a link whose 24 h have passed (a no-op otherwise). */
  async expire(job: LinkJob): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const r = await lockLink(tx, job.linkId);
      if (r) await this.expireRow(tx, r);
    });
  }

  /** Sweeps every sent Active link past its expiry (also a safety net if an expiry job was lost). */
  async sweepExpired(): Promise<number> {
    const now = this.clock.now();
    return this.db.transaction().execute(async (tx) => {
      const due = await tx
        .selectFrom('liveness_links')
        .selectAll()
        .where('state', '=', 'Active')
        .where('expires_at', '<=', now)
        .forUpdate()
        .execute();
      let n = 0;
      for (const r of due) if (await this.expireRow(tx, r)) n += 1;
      return n;
    });
  }

  private async expireRow(tx: Tx, r: LinkRow): Promise<boolean> {
    if (r.sent_at === null) return false;
    const now = this.clock.now();
    const next = expireIfDue(toDomain(r), now.getTime());
    if (next.state === r.state) return false;
    await updateLink(tx, r.link_id, {
      state: next.state,
      expired_at: next.expiredAt === null ? null : new Date(next.expiredAt),
    });
    await appendAudit(tx, now, {
      actor: 'system',
      applicationId: r.application_id,
      action: 'liveness-link.expire',
      entity: 'liveness-link',
      entityId: r.link_id,
      before: auditShape(r),
      after: { state: next.state, supersededBy: r.superseded_by },
    });
    return true;
  }

  /** What the applicant's landing page needs: whether the link still works. Never consumes the link. */
  async landing(token: string): Promise<{ status: LinkStatus | 'Unknown' }> {
    const r = await linkByTokenHash(this.db, digest(token));
    if (!r || r.sent_at === null) return { status: 'Unknown' };
    return { status: statusAt(toDomain(r), this.clock.now().getTime()) };
  }

  /** The applicant finished the check through the link: single use, refused once Completed or Expired. */
  async completeByToken(token: string): Promise<LinkView> {
    const id = await this.db.transaction().execute(async (tx) => {
      const r = await linkByTokenHash(tx, digest(token), true);
      if (!r || r.sent_at === null) throw notFound('liveness link', '(token)');
      const now = this.clock.now();
      const done = completeLink(toDomain(r), now.getTime());
      if (!done.ok) throw ruleError(done.error);
      await updateLink(tx, r.link_id, { state: 'Completed', completed_at: now });
      await appendAudit(tx, now, {
        actor: 'applicant',
        applicationId: r.application_id,
        action: 'liveness-link.complete',
        entity: 'liveness-link',
        entityId: r.link_id,
        before: auditShape(r),
        after: { state: 'Completed' },
      });
      return r.link_id;
    });
    return this.#view(id);
  }
}
