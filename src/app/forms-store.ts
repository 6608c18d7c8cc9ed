// The forms integration's SQL: sessions per person of a transaction, account form settings, the audit of
// tamper checks, and browser tokens. Every query is scoped to its account.
import { sql } from 'kysely';
import type { Db, Tx } from '../adapters/db/database.ts';
import { digest } from './ids.ts';
import type { NewVerification } from './verification-store.ts';

export interface FormSession {
  trackingCode: string;
  roleKey: string;
  verificationId: string;
  identity: Record<string, string>;
  lastOutputs: Record<string, unknown> | null;
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
   * A person's first call (or a call after their details changed) in one statement: the new verification is
   * inserted, only while its rule set is current and only when the person has no verification registered with
   * these very details, together with the session pointing at it and the call's outputs. The foreign key from
   * the session to the verification is checked at the statement's end, so both rows go in or neither.
   * `stored` false: nothing was written, because `sameIdentity` (the person's verification stands: continue it)
   * or the rule set was replaced meanwhile (decide again).
   */
  async registerPerson(
    verification: NewVerification,
    session: { trackingCode: string; roleKey: string; identity: Record<string, string>; outputs: object },
    now: Date,
  ): Promise<{ stored: boolean; existed: boolean; sameIdentity: boolean }> {
    const { accountId } = verification;
    const identity = JSON.stringify(session.identity);
    const result = await sql<{ stored: number; existed: number; same_identity: number }>`
      with existing as (
        select identity = ${identity}::jsonb as same from form_sessions
        where account_id = ${accountId} and tracking_code = ${session.trackingCode} and role_key = ${session.roleKey}
      ), v as (
        insert into verifications (account_id, verification_id, rule_id, rule_set_version, overall_status, state)
        select ${accountId}, ${verification.verificationId}, ${verification.ruleId}, ${verification.ruleSetVersion},
          ${verification.overallStatus}, ${verification.state}::jsonb
        where not exists (select 1 from existing where same)
          and not exists (select 1 from rule_sets where account_id = ${accountId} and rule_id = ${verification.ruleId} and version > ${verification.ruleSetVersion})
        on conflict (account_id, verification_id) do nothing
        returning verification_id
      ), s as (
        insert into form_sessions (account_id, tracking_code, role_key, verification_id, identity, last_outputs, updated_at)
        select ${accountId}, ${session.trackingCode}, ${session.roleKey}, verification_id, ${identity}::jsonb,
          ${JSON.stringify(session.outputs)}::jsonb, ${now} from v
        on conflict (account_id, tracking_code, role_key) do update set verification_id = excluded.verification_id,
          identity = excluded.identity, last_outputs = excluded.last_outputs, updated_at = excluded.updated_at
        returning 1
      )
      select (select count(*) from s)::int as stored, (select count(*) from existing)::int as existed,
        (select count(*) from existing where same)::int as same_identity`.execute(this.db);
    const row = result.rows[0];
    return { stored: row?.stored === 1, existed: row?.existed === 1, sameIdentity: row?.same_identity === 1 };
  }

  /** The session's verification is (re)set to this one, registered with these identity details. */
  async saveSession(tx: Tx, accountId: string, session: Omit<FormSession, 'lastOutputs'>, now: Date): Promise<void> {
    const values = {
      verification_id: session.verificationId,
      identity: JSON.stringify(session.identity),
      last_outputs: null,
      updated_at: now,
    };
    await tx
      .insertInto('form_sessions')
      .values({ account_id: accountId, tracking_code: session.trackingCode, role_key: session.roleKey, ...values })
      .onConflict((oc) => oc.columns(['account_id', 'tracking_code', 'role_key']).doUpdateSet(values))
      .execute();
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
  async latestOutputs(accountId: string, verificationId: string): Promise<Record<string, unknown> | null> {
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
