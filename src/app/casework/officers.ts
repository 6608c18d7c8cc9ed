// Officer accounts: roles from the domain table, argon2id passwords, console sessions (cookie) and API tokens
// (Bearer) for integrations. Session and API tokens are 32 random bytes (base64url) and stored only as digests.
import { randomBytes, randomUUID } from 'node:crypto';
import { isOfficerRole, OFFICER_ROLES, type OfficerRole } from '../../domain/casework/index.ts';
import type { Db, Tx } from '../ports/database.ts';
import type { Clock } from '../clock.ts';
import { digest } from '../ids.ts';
import { hashPassword, verifyPassword } from '../passwords.ts';
import { FailedAttempts } from '../failed-attempts.ts';
import { AppError } from '../errors.ts';
import { appendAudit, auditActor } from './audit.ts';
import { authorize, conflict, invalid, notFound, type Actor } from './actor.ts';
import {
  anyOfficer,
  apiTokenByDigest,
  deleteSession,
  endSessions,
  endSessionsAndTokens,
  insertApiToken,
  insertOfficer,
  insertSession,
  officerBy,
  officerRoles,
  officersByEmail,
  officerSigningIn,
  officerWithEmailExists,
  sessionByDigest,
  updateOfficer,
  type Officer,
} from './officer-store.ts';

export type { Officer } from './officer-store.ts';

export const SESSION_TTL_MS = 8 * 60 * 60 * 1000; // one working day
export const MIN_PASSWORD_LENGTH = 12;

export interface NewOfficer {
  email: string;
  fullName: string;
  roles: readonly string[];
  password: string;
}

export interface OfficerChange {
  fullName?: string;
  roles?: readonly string[];
  active?: boolean;
}

export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The roles asked for, each once; 400 unless they are one or more officer roles. */
function validRoles(asked: readonly string[]): OfficerRole[] {
  const roles = [...new Set(asked)];
  if (roles.length === 0 || roles.some((r) => !isOfficerRole(r)))
    throw invalid('roles', `roles must be one or more of ${OFFICER_ROLES.join(', ')}`);
  return officerRoles(roles);
}

function badCredentials(): AppError {
  return new AppError('unauthenticated', 'Invalid email or password', 'BAD_CREDENTIALS');
}

/** Wrong passwords per officer email, and per client address across emails, in a minute before a lock. */
export const MAX_FAILED_OFFICER_SIGN_INS = 10;
export const MAX_FAILED_SIGN_INS_PER_ADDRESS = 30;
const SIGN_IN_WINDOW_MS = 60_000;

export class Officers {
  readonly #failuresByEmail: FailedAttempts;
  readonly #failuresByAddress: FailedAttempts;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    const now = () => this.clock.now().getTime();
    this.#failuresByEmail = new FailedAttempts(db, MAX_FAILED_OFFICER_SIGN_INS, SIGN_IN_WINDOW_MS, now);
    this.#failuresByAddress = new FailedAttempts(db, MAX_FAILED_SIGN_INS_PER_ADDRESS, SIGN_IN_WINDOW_MS, now);
  }

  /**
   * Creates an officer. `by` is the administrator doing it; without `by` this is the bootstrap path
   * (composition root, first-run admin, tests) and is not reachable over HTTP.
   */
  async create(input: NewOfficer, by?: Actor): Promise<Officer> {
    if (by) authorize(by, 'officers.manage');
    const email = input.email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw invalid('email', 'email must be an email address');
    if (input.fullName.trim() === '') throw invalid('fullName', 'fullName is required');
    const roles = validRoles(input.roles);
    if (input.password.length < MIN_PASSWORD_LENGTH)
      throw invalid('password', `password must be at least ${MIN_PASSWORD_LENGTH} characters`);
    const officer: Officer = {
      id: randomUUID(),
      email,
      fullName: input.fullName.trim(),
      roles,
      active: true,
    };
    const passwordHash = await hashPassword(input.password);
    await this.db.transaction().execute(async (tx) => {
      if (await officerWithEmailExists(tx, email))
        throw conflict('an officer with this email exists', 'OFFICER_EXISTS');
      await insertOfficer(tx, officer, passwordHash);
      await appendAudit(tx, this.clock.now(), {
        actor: by?.officerId ?? 'system',
        applicationId: null,
        action: 'officer.create',
        entity: 'officer',
        entityId: officer.id,
        after: { roles: officer.roles },
      });
    });
    return officer;
  }

  /** First run: creates the administrator when no officer exists yet. Returns true when one was created. */
  async ensureBootstrapAdmin(email: string, password: string): Promise<boolean> {
    if (await anyOfficer(this.db)) return false;
    await this.create({ email, fullName: 'Administrator', roles: ['administrator'], password });
    return true;
  }

  /**
   * The operator's commands (`pono officer …` at the server's own console, like the first administrator from the
   * environment): not reachable over HTTP. Each change is audited with the actor 'operator'.
   */
  async listForOperator(): Promise<Officer[]> {
    return officersByEmail(this.db);
  }

  /** A new password for the officer with this email (a lost administrator password); their sessions end. */
  async resetPasswordByOperator(email: string, password: string): Promise<Officer> {
    if (password.length < MIN_PASSWORD_LENGTH)
      throw invalid('password', `password must be at least ${MIN_PASSWORD_LENGTH} characters`);
    const passwordHash = await hashPassword(password);
    return this.#operatorChange(email, 'officer.reset-password', async (tx, officer) => {
      await updateOfficer(tx, officer.id, { passwordHash });
      await endSessions(tx, officer.id);
      return { active: officer.active };
    });
  }

  /** Deactivates (or reactivates) the officer with this email; deactivating ends their sessions and tokens. */
  async setActiveByOperator(email: string, active: boolean): Promise<Officer> {
    return this.#operatorChange(email, active ? 'officer.reactivate' : 'officer.deactivate', async (tx, officer) => {
      await updateOfficer(tx, officer.id, { active });
      if (!active) await endSessionsAndTokens(tx, officer.id, this.clock.now());
      return { active };
    });
  }

  async #operatorChange(
    email: string,
    action: string,
    change: (tx: Tx, officer: Officer) => Promise<{ active: boolean }>,
  ): Promise<Officer> {
    const normalised = email.trim().toLowerCase();
    return this.db.transaction().execute(async (tx) => {
      const officer = await officerBy(tx, 'email', normalised, true);
      if (!officer) throw notFound('officer with email', normalised);
      const after = await change(tx, officer);
      await appendAudit(tx, this.clock.now(), {
        actor: 'operator',
        applicationId: null,
        action,
        entity: 'officer',
        entityId: officer.id,
        before: { active: officer.active },
        after,
      });
      return { ...officer, active: after.active };
    });
  }

  async list(by: Actor): Promise<Officer[]> {
    authorize(by, 'officers.manage');
    return officersByEmail(this.db);
  }

  async find(officerId: string): Promise<Officer | undefined> {
    return officerBy(this.db, 'officer_id', officerId);
  }

  /**
   * An administrator changes an officer's name, roles or whether the account is active. Deactivating ends the
   * officer's sessions and API tokens at once. Administrators cannot deactivate themselves or drop their own
   * administrator role, so the office is never left without one by accident.
   */
  async update(by: Actor, officerId: string, change: OfficerChange): Promise<Officer> {
    authorize(by, 'officers.manage');
    const roles = change.roles === undefined ? undefined : validRoles(change.roles);
    if (change.fullName !== undefined && change.fullName.trim() === '')
      throw invalid('fullName', 'fullName must not be empty');
    if (
      officerId === by.officerId &&
      (change.active === false || (roles !== undefined && !roles.includes('administrator')))
    ) {
      throw conflict(
        'administrators cannot deactivate themselves or remove their own administrator role',
        'OFFICER_SELF_LOCKOUT',
      );
    }
    return this.db.transaction().execute(async (tx) => {
      const officer = await officerBy(tx, 'officer_id', officerId, true);
      if (!officer) throw notFound('officer', officerId);
      const before = { fullName: officer.fullName, roles: officer.roles, active: officer.active };
      const after = {
        fullName: change.fullName?.trim() ?? before.fullName,
        roles: roles ?? before.roles,
        active: change.active ?? before.active,
      };
      await updateOfficer(tx, officerId, after);
      if (!after.active) await endSessionsAndTokens(tx, officerId, this.clock.now());
      await appendAudit(tx, this.clock.now(), {
        ...auditActor(by),
        applicationId: null,
        action: 'officer.update',
        entity: 'officer',
        entityId: officerId,
        before,
        after,
      });
      return { id: officerId, email: officer.email, ...after };
    });
  }

  /**
   * Console sign-in: checks the password, opens a session; the raw token goes to the cookie only. Wrong passwords are counted per email (as signed in: trimmed, lower-case) and per client
   * address across emails, in PostgreSQL; while either is locked every try, right or wrong, gets the same 429.
   */
  async signIn(
    email: string,
    password: string,
    clientAddress = 'unknown',
  ): Promise<{ token: string; officer: Officer; expiresAt: Date }> {
    const normalised = email.trim().toLowerCase();
    const keys = { email: `officer:${normalised}`, address: `address:${clientAddress}` };
    const wait = Math.max(
      await this.#failuresByEmail.retryAfterMs(keys.email),
      await this.#failuresByAddress.retryAfterMs(keys.address),
    );
    if (wait > 0)
      throw new AppError(
        'rate_limited',
        `Too many wrong passwords: try again in ${Math.ceil(wait / 1000)} s`,
        'TOO_MANY_SIGN_IN_ATTEMPTS',
        [],
        Math.ceil(wait / 1000),
      );
    const account = await officerSigningIn(this.db, normalised);
    const ok = await verifyPassword(account?.passwordHash, password);
    if (!account || !ok || !account.officer.active) {
      await this.#failuresByEmail.fail(keys.email);
      await this.#failuresByAddress.fail(keys.address);
      throw badCredentials();
    }
    await this.#failuresByEmail.succeed(keys.email);
    const token = newSecretToken();
    const expiresAt = new Date(this.clock.now().getTime() + SESSION_TTL_MS);
    await insertSession(this.db, digest(token), account.officer.id, expiresAt);
    return { token, officer: account.officer, expiresAt };
  }

  async signOut(token: string): Promise<void> {
    await deleteSession(this.db, digest(token));
  }

  /** The officer of a console session, or undefined when the session is unknown, expired or the officer inactive. */
  async bySession(token: string): Promise<Officer | undefined> {
    const session = await sessionByDigest(this.db, digest(token));
    if (!session || !session.officer.active || session.expiresAt.getTime() <= this.clock.now().getTime())
      return undefined;
    return session.officer;
  }

  /** Issues an API token for an officer (an integration account). The raw token is returned once. */
  async issueApiToken(by: Actor, officerId: string, name: string): Promise<{ token: string }> {
    authorize(by, 'officers.manage');
    const officer = await this.find(officerId);
    if (!officer) throw notFound('officer', officerId);
    const token = newSecretToken();
    await this.db.transaction().execute(async (tx) => {
      await insertApiToken(tx, { tokenHash: digest(token), officerId, name, issuedBy: by.officerId });
      await appendAudit(tx, this.clock.now(), {
        ...auditActor(by),
        applicationId: null,
        action: 'officer.api-token.issue',
        entity: 'officer',
        entityId: officerId,
        after: { name },
      });
    });
    return { token };
  }

  /**
   * The officer an API token acts for, and who issued it when that was someone else (an administrator issuing
   * tokens for integrations): the issuer is named on the audit trail and counts as a pair of eyes.
   */
  async byApiToken(token: string): Promise<(Officer & { issuedBy?: string }) | undefined> {
    const grant = await apiTokenByDigest(this.db, digest(token));
    if (!grant || !grant.officer.active || grant.revokedAt !== null) return undefined;
    const { officer, issuedBy } = grant;
    return issuedBy !== null && issuedBy !== officer.id ? { ...officer, issuedBy } : officer;
  }
}
