// Who is calling the casework API: a console session cookie (set by POST /api/v1/session) or an API token
// (Authorization: Bearer …) for integrations. Both are looked up by digest; roles come from the database.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../../../app/services.ts';
import type { Actor } from '../../../../app/casework/actor.ts';
import { SESSION_TTL_MS } from '../../../../app/casework/officers.ts';
import { AppError } from '../../../../app/errors.ts';
import { readCookie } from '../../cookies.ts';

export { readCookie };

export const SESSION_COOKIE = 'pono_officer_session';

export function setSessionCookie(reply: FastifyReply, token: string, secure = true): void {
  void reply.header(
    'set-cookie',
    `${SESSION_COOKIE}=${token}; Path=/; HttpOnly;${secure ? ' Secure;' : ''} SameSite=Strict; Max-Age=${SESSION_TTL_MS / 1000}`,
  );
}

export function clearSessionCookie(reply: FastifyReply, secure = true): void {
  void reply.header(
    'set-cookie',
    `${SESSION_COOKIE}=; Path=/; HttpOnly;${secure ? ' Secure;' : ''} SameSite=Strict; Max-Age=0`,
  );
}

export function unauthenticated(): AppError {
  return new AppError(
    'unauthenticated',
    'Sign in (session cookie) or send an officer API token (Bearer)',
    'UNAUTHENTICATED',
  );
}

/** The signed-in officer as an Actor, or 401. */
export async function officerActor(services: Services, request: FastifyRequest): Promise<Actor> {
  const officers = services.casework.officers;
  const bearer = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/i.exec(request.headers.authorization ?? '')?.[1];
  const cookie = readCookie(request, SESSION_COOKIE);
  if (bearer) {
    const officer = await officers.byApiToken(bearer);
    if (!officer) throw unauthenticated();
    return {
      officerId: officer.id,
      roles: officer.roles,
      ...(officer.issuedBy === undefined ? {} : { actingThrough: officer.issuedBy }),
    };
  }
  const officer = cookie ? await officers.bySession(cookie) : undefined;
  if (!officer) throw unauthenticated();
  return { officerId: officer.id, roles: officer.roles };
}
