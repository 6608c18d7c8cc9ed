import type { FastifyRequest } from 'fastify';
import type { AccountCredentials } from '../../app/accounts.ts';
import { errors } from '../../app/errors.ts';

/** The account of a REST call: HTTP Basic with the accountId and the account's API password. */
export function accountCredentials(request: FastifyRequest): AccountCredentials {
  const header = request.headers.authorization ?? '';
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
  if (!match?.[1]) throw errors.badCredentials();
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  // A NUL cannot be in any stored account id or password: the same refusal as a wrong one.
  if (colon <= 0 || decoded.includes('\0')) throw errors.badCredentials();
  return { accountId: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
