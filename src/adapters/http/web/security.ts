// Security headers on every response (helmet) and the cross-site request guard for cookie-authenticated
// changes. The console and the public pages load only their own scripts and styles: no inline script.
import { IncomingMessage, ServerResponse, type OutgoingHttpHeader } from 'node:http';
import { Socket } from 'node:net';
import helmet, { type HelmetOptions } from 'helmet';
import type { App } from '../app.ts';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../app/errors.ts';

export const CONSOLE_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // React Aria adds one small style element (touch-action for pressable elements); its hash lets it apply.
  styleSrc: ["'self'", "'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='"],
  imgSrc: ["'self'", 'blob:', 'data:'],
  mediaSrc: ["'self'", 'blob:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // Operators may serve pono over plain HTTP on a private network; upgrading every request would break it.
  upgradeInsecureRequests: null,
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origins a browser may send changes from: the address the request reached and the configured public URL. */
function ownOrigins(request: FastifyRequest, publicUrl: string | undefined): Set<string> {
  const origins = new Set([`${request.protocol}://${request.host}`]);
  if (publicUrl) origins.add(new URL(publicUrl).origin);
  return origins;
}

/**
 * A change (POST, PUT, PATCH, DELETE) that a browser sends from another site is refused. Browsers name the
 * sending page in `Origin` and `Sec-Fetch-Site`; a request carrying neither (curl, server-side clients) cannot
 * have been forged by a page. Requests authenticated by a header (Basic, Bearer) carry no ambient credential.
 */
export function crossSiteRefusal(request: FastifyRequest, publicUrl: string | undefined): AppError | undefined {
  if (SAFE_METHODS.has(request.method) || request.headers.authorization) return undefined;
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return refusal();
  const origin = request.headers.origin;
  if (origin !== undefined && !ownOrigins(request, publicUrl).has(origin)) return refusal();
  return undefined;
}

function refusal(): AppError {
  return new AppError(
    'forbidden',
    'This change was sent from another site and has been refused; use pono from its own address',
    'CROSS_SITE_REQUEST',
  );
}

const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: { directives: CONSOLE_CSP },
  // The applicant's camera page and the console open no cross-origin windows or resources.
  crossOriginEmbedderPolicy: false,
  referrerPolicy: { policy: 'no-referrer' },
  // TLS ends at the operator's proxy; HSTS is theirs to set for their domain.
  strictTransportSecurity: false,
};

/** A response that only notes the headers set on it and removed from it. */
class HeaderRecorder extends ServerResponse {
  readonly set: [string, string][] = [];
  readonly remove: string[] = [];
  override setHeader(name: string, value: number | string | readonly string[] | OutgoingHttpHeader): this {
    this.set.push([name, String(value)]);
    return this;
  }
  override removeHeader(name: string): void {
    this.remove.push(name);
  }
}

/**
 * The headers helmet sets (and removes) for these options. They depend on nothing in the request, so helmet
 * runs once at start-up instead of on every request (it parses the policy each time it is called).
 */
export function securityHeaders(options: HelmetOptions = HELMET_OPTIONS): {
  set: [string, string][];
  remove: string[];
} {
  const recorder = new HeaderRecorder(new IncomingMessage(new Socket()));
  helmet(options)(recorder.req, recorder, (error?: unknown) => {
    if (error) throw error;
  });
  const { set, remove } = recorder;
  return { set, remove };
}

export async function registerWebSecurity(app: App, publicUrl: string | undefined): Promise<void> {
  const headers = securityHeaders();
  // On the raw response, as helmet itself sets them: answers written past Fastify carry them too.
  app.addHook('onRequest', (request, reply, done) => {
    for (const name of headers.remove) reply.raw.removeHeader(name);
    for (const [name, value] of headers.set) reply.raw.setHeader(name, value);
    const refused = crossSiteRefusal(request, publicUrl);
    done(refused);
  });
}
