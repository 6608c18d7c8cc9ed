import type { FastifyReply, FastifyRequest } from 'fastify';
import { ACCOUNT_SESSION_TTL_MS, type AccountCredentials } from '../../app/accounts.ts';
import { errors } from '../../app/errors.ts';
import { readCookie } from './cookies.ts';

/** The account administrator's console session (POST /api/v1/account-session); only sent to the API. */
export const ACCOUNT_SESSION_COOKIE = 'pono_account_session';
const attributes = (secure: boolean) => `Path=/api/v1; HttpOnly;${secure ? ' Secure;' : ''} SameSite=Strict`;

/**
 * The account of a REST call: HTTP Basic with the accountId and the account's API password, or, without an
 * Authorization header, the console session cookie of an account administrator.
 */
export function accountCredentials(request: FastifyRequest): AccountCredentials {
  const header = request.headers.authorization;
  if (header === undefined) {
    const sessionToken = readCookie(request, ACCOUNT_SESSION_COOKIE);
    if (sessionToken && /^[A-Za-z0-9_-]{43}$/.test(sessionToken)) return { sessionToken };
    throw errors.badCredentials();
  }
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
  if (!match?.[1]) throw errors.badCredentials();
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  // A NUL cannot be in any stored account id or password: the same refusal as a wrong one.
  if (colon <= 0 || decoded.includes('\0')) throw errors.badCredentials();
  return { accountId: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function setAccountSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  void reply.header(
    'set-cookie',
    `${ACCOUNT_SESSION_COOKIE}=${token}; ${attributes(secure)}; Max-Age=${ACCOUNT_SESSION_TTL_MS / 1000}`,
  );
}

export function clearAccountSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.header('set-cookie', `${ACCOUNT_SESSION_COOKIE}=; ${attributes(secure)}; Max-Age=0`);
}
