// The forms integration's SQL: sessions per person of a transaction, account form settings, the audit of
// tamper checks, and browser tokens. Every query is scoped to its account.
import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from './ports/database.ts';
import { digest } from './ids.ts';
import { PREPARED } from './ports/database.ts';
import type { NewVerification } from './verification-store.ts';
import type { FormsOutputs } from '../domain/verification/forms.ts';

const UNIQUE_VIOLATION = '23505';

export interface FormSession {
  trackingCode: string;
  roleKey: string;
  verificationId: string;
  identity: Record<string, string>;
  lastOutputs: Partial<FormsOutputs> | null;
}

export interface FormSettings {
  customerName: string | null;
  allowedOrigins: string[];
}

export interface FormAuditEntry {
  trackingCode: string;
  roleKey: string;
  action: string;
  result: string;
  /** Names and codes only, never personal data. */
  detail?: unknown;
}

export interface BrowserGrant {
  accountId: string;
  trackingCode: string;
}

export class FormsStore {
  constructor(private readonly db: Db) {}

  /** Serialises the calls for one person of one transaction until the caller's transaction ends. */
  async lockPerson(tx: Tx, accountId: string, trackingCode: string, roleKey: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(hashtext(${`${accountId}/${trackingCode}/${roleKey}`}))`.execute(tx);
  }

  async session(db: Db, accountId: string, trackingCode: string, roleKey: string): Promise<FormSession | undefined> {
    const row = await db
      .selectFrom('form_sessions')
      .select(['tracking_code', 'role_key', 'verification_id', 'identity', 'last_outputs'])
      .where('account_id', '=', accountId)
      .where('tracking_code', '=', trackingCode)
      .where('role_key', '=', roleKey)
      .executeTakeFirst();
    return row
      ? {
          trackingCode: row.tracking_code,
          roleKey: row.role_key,
          verificationId: row.verification_id,
          identity: row.identity,
          lastOutputs: row.last_outputs,
        }
      : undefined;
  }

  /**
   * A person's first call in one statement: the session pointing at the new verification, with the call's
   * outputs, and the verification itself, written only while its rule set is current and `unless` (the
   * account's lock-out) is false, and only when the person has no session yet. The session is created by an
   * insert that does nothing when one exists, which also sees a session another call created meanwhile (it waits
   * for that call's end), so two simultaneous first calls never both register. The foreign key from the
   * session to the verification is checked at the statement's end, so both rows go in or neither.
   * `current` false: nothing was written because the rule set was replaced meanwhile or the account is locked
   * (find out which); `current` true and not `stored`: the person has a session (continue in the transaction).
   * Kept prepared: it is most of a form's first call.
   */
  async registerPerson(
    verification: NewVerification,
    session: { trackingCode: string; roleKey: string; identity: Record<string, string>; outputs: object },
    now: Date,
    unless?: RawBuilder<boolean>,
  ): Promise<{ stored: boolean; current: boolean }> {
    const { accountId } = verification;
    try {
      const result = await sql<{ stored: number; current: boolean }>`
        with ok as (
          select not exists (select 1 from rule_sets where account_id = ${accountId} and rule_id = ${verification.ruleId} and version > ${verification.ruleSetVersion})${unless ? sql` and not ${unless}` : sql``} as current
        ), s as (
          insert into form_sessions (account_id, tracking_code, role_key, verification_id, identity, last_outputs, updated_at)
          select ${accountId}, ${session.trackingCode}, ${session.roleKey}, ${verification.verificationId},
            ${JSON.stringify(session.identity)}::json, ${JSON.stringify(session.outputs)}::json, ${now}
          from ok where ok.current
          on conflict (account_id, tracking_code, role_key) do nothing
          returning verification_id
        ), v as (
          insert into verifications (account_id, verification_id, rule_id, rule_set_version, overall_status, state)
          select ${accountId}, s.verification_id, ${verification.ruleId}, ${verification.ruleSetVersion},
            ${verification.overallStatus}, ${verification.state}::json
          from s
          returning 1
        )
        select (select count(*) from v)::int as stored, (select current from ok) as current ${sql.raw(PREPARED)}`.execute(
        this.db,
      );
      const row = result.rows[0];
      return { stored: row?.stored === 1, current: row?.current === true };
    } catch (error) {
      // The verification's id was taken (by chance): nothing was written; the caller decides again with a new one.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) return { stored: false, current: false };
      throw error;
    }
  }

  /**
   * The session's verification is set to this one, registered with these identity details: a session `known`
   * to the caller (under the person's lock) is replaced; otherwise one is created, unless a first call stored
   * one meanwhile (false: nothing written, decide again).
   */
  async saveSession(
    tx: Tx,
    accountId: string,
    session: Omit<FormSession, 'lastOutputs'>,
    known: boolean,
    now: Date,
  ): Promise<boolean> {
    const values = {
      verification_id: session.verificationId,
      identity: JSON.stringify(session.identity),
      last_outputs: null,
      updated_at: now,
    };
    if (known) {
      await tx
        .updateTable('form_sessions')
        .set(values)
        .where('account_id', '=', accountId)
        .where('tracking_code', '=', session.trackingCode)
        .where('role_key', '=', session.roleKey)
        .execute();
      return true;
    }
    const created = await tx
      .insertInto('form_sessions')
      .values({ account_id: accountId, tracking_code: session.trackingCode, role_key: session.roleKey, ...values })
      .onConflict((oc) => oc.columns(['account_id', 'tracking_code', 'role_key']).doNothing())
      .returning('verification_id')
      .execute();
    return created.length === 1;
  }

  async recordOutputs(
    db: Db,
    accountId: string,
    trackingCode: string,
    roleKey: string,
    outputs: object,
    now: Date,
  ): Promise<void> {
    await db
      .updateTable('form_sessions')
      .set({ last_outputs: JSON.stringify(outputs), updated_at: now })
      .where('account_id', '=', accountId)
      .where('tracking_code', '=', trackingCode)
      .where('role_key', '=', roleKey)
      .execute();
  }

  /** A decision outside a call (manual review) changed this verification: its session keeps the new outputs. */
  async recordOutputsOf(tx: Tx, accountId: string, verificationId: string, outputs: object, now: Date): Promise<void> {
    await tx
      .updateTable('form_sessions')
      .set({ last_outputs: JSON.stringify(outputs), updated_at: now })
      .where('account_id', '=', accountId)
      .where('verification_id', '=', verificationId)
      .execute();
  }

  /** The outputs of the latest forms call on this verification, if it was made through the forms service. */
  async latestOutputs(accountId: string, verificationId: string): Promise<Partial<FormsOutputs> | null> {
    const row = await this.db
      .selectFrom('form_sessions')
      .select('last_outputs')
      .where('account_id', '=', accountId)
      .where('verification_id', '=', verificationId)
      .orderBy('updated_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.last_outputs ?? null;
  }

  async appendAudit(db: Db, accountId: string, entry: FormAuditEntry, at: Date): Promise<void> {
    await db
      .insertInto('form_audit')
      .values({
        account_id: accountId,
        tracking_code: entry.trackingCode,
        role_key: entry.roleKey,
        action: entry.action,
        result: entry.result,
        detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
        at,
      })
      .execute();
  }

  async audit(accountId: string, trackingCode: string): Promise<(FormAuditEntry & { at: string })[]> {
    const rows = await this.db
      .selectFrom('form_audit')
      .select(['tracking_code', 'role_key', 'action', 'result', 'detail', 'at'])
      .where('account_id', '=', accountId)
      .where('tracking_code', '=', trackingCode)
      .orderBy('id', 'asc')
      .limit(500)
      .execute();
    return rows.map((r) => ({
      trackingCode: r.tracking_code,
      roleKey: r.role_key,
      action: r.action,
      result: r.result,
      detail: r.detail,
      at: r.at.toISOString(),
    }));
  }

  async settings(accountId: string): Promise<FormSettings> {
    const row = await this.db
      .selectFrom('form_settings')
      .select(['customer_name', 'allowed_origins'])
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    return { customerName: row?.customer_name ?? null, allowedOrigins: row?.allowed_origins ?? [] };
  }

  async saveSettings(accountId: string, settings: FormSettings, now: Date): Promise<void> {
    const values = {
      customer_name: settings.customerName,
      allowed_origins: JSON.stringify(settings.allowedOrigins),
      updated_at: now,
    };
    await this.db
      .insertInto('form_settings')
      .values({ account_id: accountId, ...values })
      .onConflict((oc) => oc.column('account_id').doUpdateSet(values))
      .execute();
  }

  /** Is this origin one the account's forms are served from? */
  async originAllowed(accountId: string, origin: string): Promise<boolean> {
    return (await this.settings(accountId)).allowedOrigins.includes(origin);
  }

  async issueBrowserToken(accountId: string, trackingCode: string, token: string, expiresAt: Date): Promise<void> {
    await this.db
      .insertInto('form_browser_tokens')
      .values({ token_hash: digest(token), account_id: accountId, tracking_code: trackingCode, expires_at: expiresAt })
      .execute();
  }

  async browserGrant(token: string, now: Date): Promise<BrowserGrant | undefined> {
    const row = await this.db
      .selectFrom('form_browser_tokens')
      .select(['account_id', 'tracking_code', 'expires_at'])
      .where('token_hash', '=', digest(token))
      .executeTakeFirst();
    return row && row.expires_at.getTime() > now.getTime()
      ? { accountId: row.account_id, trackingCode: row.tracking_code }
      : undefined;
  }
}
