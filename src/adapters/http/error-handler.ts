import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type AppErrorKind } from '../../app/errors.ts';
import { errorForLog } from '../log/logger.ts';

const STATUS: Record<AppErrorKind, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 400,
  conflict: 409,
  unavailable: 503,
  rate_limited: 429,
};

/** Refusals of account (Basic) credentials; every other 401 is an officer's (console session or Bearer token). */
const ACCOUNT_CHALLENGE_CODES = new Set(['InvalidPasswordFault']);

/** The JSON error body every REST endpoint answers with. */
export interface ErrorBody {
  error: string;
  message: string;
  code?: string;
  problems?: { field: string; message: string }[];
  requestId?: string;
}

function fieldOf(instancePath: string, missing?: unknown): string {
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.');
  const prop = typeof missing === 'string' ? missing : '';
  return [path, prop].filter(Boolean).join('.') || '(body)';
}

interface ValidationIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/**
 * One problem per field, in words a client can act on: a choice among literals (AJV reports one `const`
 * failure per option, then an `anyOf`) becomes "must be one of: a, b, c".
 */
export function readableProblems(issues: readonly ValidationIssue[]): { field: string; message: string }[] {
  const byField = new Map<string, { allowed: string[]; messages: string[] }>();
  for (const issue of issues) {
    const field = fieldOf(issue.instancePath, issue.params.missingProperty);
    const entry = byField.get(field) ?? { allowed: [], messages: [] };
    if (issue.keyword === 'const') entry.allowed.push(JSON.stringify(issue.params.allowedValue));
    else if (issue.keyword === 'enum' && Array.isArray(issue.params.allowedValues)) entry.allowed.push(...issue.params.allowedValues.map((v) => JSON.stringify(v)));
    else if (issue.keyword !== 'anyOf' || entry.allowed.length === 0) entry.messages.push(issue.message ?? 'is invalid');
    byField.set(field, entry);
  }
  return [...byField].map(([field, { allowed, messages }]) => ({
    field,
    message: allowed.length > 0 ? `must be one of: ${allowed.join(', ')}` : [...new Set(messages)].join('; '),
  }));
}

/**
 * The challenge of a 401. Officers sign in through the console or send a Bearer token, and the console's own
 * scripts call the account routes with a session cookie: a Basic challenge to either would make browsers pop
 * up their own password dialog over the console (and hold the script's request until it is answered). API
 * clients of the account routes get the Basic challenge they expect.
 */
function challengeFor(code: string, request: FastifyRequest): string {
  if (!ACCOUNT_CHALLENGE_CODES.has(code)) return 'Bearer realm="pono"';
  const fromScript = ['cors', 'same-origin', 'no-cors'].includes(String(request.headers['sec-fetch-mode'] ?? ''));
  return fromScript ? 'Session realm="pono"' : 'Basic realm="pono"';
}

export function errorHandler(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: error.kind, message: error.message, code: error.code, requestId: request.id };
    if (error.problems.length > 0) body.problems = error.problems.map(({ field, message }) => ({ field, message }));
    if (error.kind === 'unauthenticated') void reply.header('www-authenticate', challengeFor(error.code, request));
    void reply.status(STATUS[error.kind]).send(body);
    return;
  }
  if (error.validation) {
    const problems = readableProblems(error.validation);
    const where = error.validationContext ?? 'body';
    void reply.status(400).send({
      error: 'invalid',
      message: `Invalid ${where}: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
      problems,
      requestId: request.id,
    } satisfies ErrorBody);
    return;
  }
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) request.log.error({ failure: errorForLog(error) }, 'request failed');
  void reply.status(status).send({ error: status === 500 ? 'internal' : 'bad_request', message: status === 500 ? 'Internal error' : error.message, requestId: request.id } satisfies ErrorBody);
}
