// A route that declares security schemes in its OpenAPI schema is refused with 401 before its input is
// validated when the request carries no credentials of any of them, so that a caller without credentials
// learns nothing about the route beyond "sign in". The handler then checks the credentials themselves.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../../app/errors.ts';
import { SESSION_COOKIE, unauthenticated } from './routes/casework/officer-auth.ts';
import { ACCOUNT_SESSION_COOKIE } from './account-auth.ts';

const PRESENT: Record<string, (request: FastifyRequest) => boolean> = {
  account: (request) => /^Basic\s+\S/i.test(request.headers.authorization ?? ''),
  officerToken: (request) => /^Bearer\s+\S/i.test(request.headers.authorization ?? ''),
  browserToken: (request) => /^Bearer\s+\S/i.test(request.headers.authorization ?? ''),
  // Only the cookie's presence: its value is checked (and a malformed one refused) by the handler.
  officerSession: (request) => hasCookie(request, SESSION_COOKIE),
  accountSession: (request) => hasCookie(request, ACCOUNT_SESSION_COOKIE),
};

function hasCookie(request: FastifyRequest, name: string): boolean {
  return (request.headers.cookie ?? '').split(';').some((part) => part.trim().startsWith(`${name}=`));
}

type RouteSchema = { security?: Record<string, unknown>[] };
const NO_SCHEMES: readonly string[] = [];
/** Each route's schemes, read once from its schema. */
const schemesOf = new WeakMap<RouteSchema, readonly string[]>();

function declaredSchemes(schema: RouteSchema | undefined): readonly string[] {
  if (!schema) return NO_SCHEMES;
  let schemes = schemesOf.get(schema);
  if (schemes === undefined) {
    schemes = (schema.security ?? []).flatMap((requirement) => Object.keys(requirement));
    schemesOf.set(schema, schemes);
  }
  return schemes;
}

/** preValidation hook (a plain callback: it runs on every request and waits for nothing). */
export function requireDeclaredCredentials(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: (error?: Error) => void,
): void {
  const schemes = declaredSchemes(request.routeOptions.schema as RouteSchema | undefined);
  if (schemes.length === 0 || schemes.some((scheme) => PRESENT[scheme]?.(request) === true)) done();
  else
    done(
      schemes.includes('account') || schemes.includes('accountSession') ? errors.badCredentials() : unauthenticated(),
    );
}
