// The jobs of liveness links: the email job makes the token (32 random bytes, base64url), stores only its
// digest and sends the message; the expiry job (startAfter 24 h) and the sweep store Expired when it is due.
import { randomBytes } from 'node:crypto';
import { expireIfDue, LINK_VALIDITY_MS, statusAt } from '../../domain/casework/index.ts';
import type { Db, Tx } from '../ports/database.ts';
import type { Mailer } from '../ports/mailer.ts';
import type { Clock } from '../clock.ts';
import type { Branding } from '../../config/branding.ts';
import { digest } from '../ids.ts';
import { livenessLinkEmail } from './liveness-link-email.ts';
import { auditLink, linkAuditShape } from './liveness-link-audit.ts';
import { linkOf, lockDueLinks, lockLink, updateLink, type LinkRow } from './liveness-link-store.ts';

export const LINK_EMAIL_QUEUE = 'casework.liveness-link-email';
export const LINK_EXPIRY_QUEUE = 'casework.liveness-link-expiry';
export interface LinkJob {
  linkId: string;
}

export interface LinkOptions {
  /** Base of the link in the email, e.g. https://pono.example.govt.nz (PONO_PUBLIC_URL). */
  publicUrl: string;
  /** The office named in the email, with its logo. */
  branding: Branding;
}

export class LinkJobs {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly mailer: () => Mailer,
    private readonly options: LinkOptions,
  ) {}

  /**
   * The email job: a fresh token for a link that is still Active and current, its digest stored, then the
   * message sent. A retry after a failed send makes a new token, so only the last delivered link works.
   */
  async deliverEmail(job: LinkJob): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const row = await this.db.transaction().execute(async (tx) => {
      const r = await lockLink(tx, job.linkId);
      if (!r || r.sent_at === null || r.superseded_by !== null) return null;
      if (statusAt(linkOf(r), this.clock.now().getTime()) !== 'Active') return null;
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
      const due = await lockDueLinks(tx, now);
      let n = 0;
      for (const r of due) if (await this.expireRow(tx, r)) n += 1;
      return n;
    });
  }

  private async expireRow(tx: Tx, r: LinkRow): Promise<boolean> {
    if (r.sent_at === null) return false;
    const now = this.clock.now();
    const next = expireIfDue(linkOf(r), now.getTime());
    if (next.state === r.state) return false;
    await updateLink(tx, r.link_id, {
      state: next.state,
      expired_at: next.expiredAt === null ? null : new Date(next.expiredAt),
    });
    await auditLink(tx, now, 'system', r, 'expire', {
      before: linkAuditShape(r),
      after: { state: next.state, supersededBy: r.superseded_by },
    });
    return true;
  }
}
