// The SQL of officer accounts: the officers (with their roles as the domain knows them), their console sessions
// and their API tokens. Sessions and tokens are found by the digest of the raw token, never by the token itself.
import { isOfficerRole, type OfficerRole } from '../../domain/casework/index.ts';
import { sql } from 'kysely';
import type { Db, Tx } from '../ports/database.ts';

export interface Officer {
  id: string;
  email: string;
  fullName: string;
  roles: OfficerRole[];
  active: boolean;
}

/** The officer roles among the values given (an unknown role is dropped). */
export function officerRoles(value: unknown): OfficerRole[] {
  return Array.isArray(value) ? value.filter((r): r is OfficerRole => typeof r === 'string' && isOfficerRole(r)) : [];
}

function toOfficer(row: {
  officer_id: string;
  email: string;
  full_name: string;
  roles: unknown;
  active: boolean;
}): Officer {
  return {
    id: row.officer_id,
    email: row.email,
    fullName: row.full_name,
    roles: officerRoles(row.roles),
    active: row.active,
  };
}

/** The name and email of each of these officer ids that is an officer. */
export async function officerNames(
  db: Db,
  officerIds: readonly string[],
): Promise<Map<string, { name: string; email: string }>> {
  const rows = await db
    .selectFrom('officers')
    .select(['officer_id', 'full_name', 'email'])
    .where('officer_id', 'in', officerIds)
    .execute();
  return new Map(rows.map((r) => [r.officer_id, { name: r.full_name, email: r.email }]));
}

export async function anyOfficer(db: Db): Promise<boolean> {
  return (await db.selectFrom('officers').select('officer_id').limit(1).executeTakeFirst()) !== undefined;
}

export async function officerWithEmailExists(tx: Tx, email: string): Promise<boolean> {
  return (
    (await tx.selectFrom('officers').select('officer_id').where('email', '=', email).executeTakeFirst()) !== undefined
  );
}

export async function insertOfficer(tx: Tx, officer: Officer, passwordHash: string): Promise<void> {
  await tx
    .insertInto('officers')
    .values({
      officer_id: officer.id,
      email: officer.email,
      full_name: officer.fullName,
      roles: JSON.stringify(officer.roles),
      password_hash: passwordHash,
    })
    .execute();
}

export async function officersByEmail(db: Db): Promise<Officer[]> {
  const rows = await db.selectFrom('officers').selectAll().orderBy('email').execute();
  return rows.map(toOfficer);
}

/** The officer with this id or email, locked for the transaction when `lock`. */
export async function officerBy(
  db: Db,
  key: 'officer_id' | 'email',
  value: string,
  lock = false,
): Promise<Officer | undefined> {
  let q = db.selectFrom('officers').selectAll().where(key, '=', value);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toOfficer(row);
}

/** Active officers holding a role, by name (the people a team leader can give work to). */
export async function activeOfficersWithRole(db: Db, role: OfficerRole): Promise<Officer[]> {
  const rows = await db
    .selectFrom('officers')
    .selectAll()
    .where('active', '=', true)
    .where(sql<boolean>`roles @> ${JSON.stringify([role])}::jsonb`)
    .orderBy('full_name')
    .orderBy('officer_id')
    .execute();
  return rows.map(toOfficer);
}

/** The officer signing in with this email, and the hash their password is checked against. */
export async function officerSigningIn(
  db: Db,
  email: string,
): Promise<{ officer: Officer; passwordHash: string } | undefined> {
  const row = await db.selectFrom('officers').selectAll().where('email', '=', email).executeTakeFirst();
  return row && { officer: toOfficer(row), passwordHash: row.password_hash };
}

export async function updateOfficer(
  tx: Tx,
  officerId: string,
  set: { fullName?: string; roles?: readonly OfficerRole[]; active?: boolean; passwordHash?: string },
): Promise<void> {
  await tx
    .updateTable('officers')
    .set({
      ...(set.fullName === undefined ? {} : { full_name: set.fullName }),
      ...(set.roles === undefined ? {} : { roles: JSON.stringify(set.roles) }),
      ...(set.active === undefined ? {} : { active: set.active }),
      ...(set.passwordHash === undefined ? {} : { password_hash: set.passwordHash }),
    })
    .where('officer_id', '=', officerId)
    .execute();
}

export async function endSessions(tx: Tx, officerId: string): Promise<void> {
  await tx.deleteFrom('officer_sessions').where('officer_id', '=', officerId).execute();
}

/** Ends the officer's sessions and revokes the API tokens not yet revoked (an officer deactivated). */
export async function endSessionsAndTokens(tx: Tx, officerId: string, at: Date): Promise<void> {
  await endSessions(tx, officerId);
  await tx
    .updateTable('officer_api_tokens')
    .set({ revoked_at: at })
    .where('officer_id', '=', officerId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function insertSession(db: Db, tokenHash: string, officerId: string, expiresAt: Date): Promise<void> {
  await db
    .insertInto('officer_sessions')
    .values({ token_hash: tokenHash, officer_id: officerId, expires_at: expiresAt })
    .execute();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('officer_sessions').where('token_hash', '=', tokenHash).execute();
}

export async function sessionByDigest(
  db: Db,
  tokenHash: string,
): Promise<{ officer: Officer; expiresAt: Date } | undefined> {
  const row = await db
    .selectFrom('officer_sessions as s')
    .innerJoin('officers as o', 'o.officer_id', 's.officer_id')
    .select(['o.officer_id', 'o.email', 'o.full_name', 'o.roles', 'o.active', 's.expires_at'])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row && { officer: toOfficer(row), expiresAt: row.expires_at };
}

export async function insertApiToken(
  tx: Tx,
  token: { tokenHash: string; officerId: string; name: string; issuedBy: string },
): Promise<void> {
  await tx
    .insertInto('officer_api_tokens')
    .values({ token_hash: token.tokenHash, officer_id: token.officerId, name: token.name, issued_by: token.issuedBy })
    .execute();
}

export async function apiTokenByDigest(
  db: Db,
  tokenHash: string,
): Promise<{ officer: Officer; revokedAt: Date | null; issuedBy: string | null } | undefined> {
  const row = await db
    .selectFrom('officer_api_tokens as t')
    .innerJoin('officers as o', 'o.officer_id', 't.officer_id')
    .select(['o.officer_id', 'o.email', 'o.full_name', 'o.roles', 'o.active', 't.revoked_at', 't.issued_by'])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row && { officer: toOfficer(row), revokedAt: row.revoked_at, issuedBy: row.issued_by };
}
