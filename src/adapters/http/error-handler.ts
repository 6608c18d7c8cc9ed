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

/**
 * The code of every field error: the schema's checks and the use cases' own (a date that is not a real date)
 * answer alike, a 400 whose `problems` name each field. It is greenID's fault name, so SOAP clients and REST
 * clients switch on the same word.
 */
export const FIELD_ERROR_CODE = 'FieldValidationFault';

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
  /** The failing field's schema (AJV's verbose mode). */
  parentSchema?: unknown;
}

function describedAs(issue: ValidationIssue): string | undefined {
  const schema = issue.parentSchema;
  const description =
    typeof schema === 'object' && schema !== null && 'description' in schema ? schema.description : undefined;
  return typeof description === 'string' && description.length <= 200 ? description : undefined;
}

const FORMATS: Readonly<Record<string, string>> = {
  date: 'must be a date, YYYY-MM-DD',
  'date-time': 'must be a date and time, e.g. 2024-05-31T09:30:00Z',
  email: 'must be an email address',
  uri: 'must be a URL',
  uuid: 'must be a UUID',
};

const TYPES: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

/** One schema check in words, without the field (which the caller puts first). */
function inWords(issue: ValidationIssue): string {
  const p = issue.params;
  switch (issue.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a field of this request';
    case 'format':
      return (typeof p.format === 'string' ? FORMATS[p.format] : undefined) ?? issue.message ?? 'is invalid';
    case 'type':
      return typeof p.type === 'string' ? `must be ${TYPES[p.type] ?? p.type}` : (issue.message ?? 'is invalid');
    case 'minLength':
      return p.limit === 1 ? 'must not be empty' : `must be at least ${String(p.limit)} characters`;
    case 'maxLength':
      return `must be at most ${String(p.limit)} characters`;
    case 'minItems':
      return `must have at least ${String(p.limit)} item(s)`;
    case 'maxItems':
      return `must have at most ${String(p.limit)} items`;
    case 'minimum':
      return `must be at least ${String(p.limit)}`;
    case 'maximum':
      return `must be at most ${String(p.limit)}`;
    case 'pattern': {
      const described = describedAs(issue);
      if (described) return `is not in the expected form: ${described}`;
      return typeof p.pattern === 'string' && p.pattern.length <= 100
        ? `must match the pattern ${p.pattern}`
        : 'is not in the expected form';
    }
    default:
      return issue.message ?? 'is invalid';
  }
}

/**
 * One problem per field, in words a client can act on, each message naming its field as the use cases' own
 * do ("dob is required"): a choice among literals (AJV reports one `const` failure per option, then an
 * `anyOf`) becomes "must be one of: a, b, c".
 */
export function readableProblems(issues: readonly ValidationIssue[]): { field: string; message: string }[] {
  const byField = new Map<string, { allowed: string[]; messages: string[] }>();
  for (const issue of issues) {
    const field = fieldOf(issue.instancePath, issue.params.missingProperty ?? issue.params.additionalProperty);
    const entry = byField.get(field) ?? { allowed: [], messages: [] };
    if (issue.keyword === 'const') entry.allowed.push(JSON.stringify(issue.params.allowedValue));
    else if (issue.keyword === 'enum' && Array.isArray(issue.params.allowedValues))
      entry.allowed.push(...issue.params.allowedValues.map((v) => JSON.stringify(v)));
    else if (issue.keyword !== 'anyOf' || entry.allowed.length === 0) entry.messages.push(inWords(issue));
    byField.set(field, entry);
  }
  return [...byField].map(([field, { allowed, messages }]) => {
    const said = allowed.length > 0 ? `must be one of: ${allowed.join(', ')}` : [...new Set(messages)].join('; ');
    return { field, message: `${field === '(body)' ? 'the body' : field} ${said}` };
  });
}

/** The words of a field error's message, as the use cases' errors.invalid says them. */
export function fieldErrorMessage(fields: readonly string[]): string {
  return `Invalid input field(s) - ${fields.join(', ')}`;
}

const UPLOADS = 'multipart/form-data';

/** A body the server could not read (content type missing or not accepted, not JSON, too large), in words. */
function unreadableBody(
  error: FastifyError,
  request: FastifyRequest,
): { status: number; code: string; message: string } | undefined {
  const json = 'send the body as JSON with the header Content-Type: application/json';
  const accepted = request.server.hasContentTypeParser(UPLOADS)
    ? `${json} (or ${UPLOADS} where a file is uploaded)`
    : json;
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
      const given = request.headers['content-type'];
      return given === undefined || given.trim() === ''
        ? {
            status: 415,
            code: 'CONTENT_TYPE_REQUIRED',
            message: `The request has a body but no Content-Type header: ${accepted}`,
          }
        : {
            status: 415,
            code: 'CONTENT_TYPE_NOT_ACCEPTED',
            message: `Content-Type ${given.split(';')[0]?.trim().slice(0, 80) ?? ''} is not accepted here: ${accepted}`,
          };
    }
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'MALFORMED_JSON', message: 'The body is not valid JSON' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'BODY_TOO_LARGE', message: 'The body is too large' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, code: 'BAD_CONTENT_LENGTH', message: 'The Content-Length header does not match the body' };
    default:
      return undefined;
  }
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

/** What pono answers for an error: the status and the body, the refusal named in words with a stable code. */
export function errorAnswer(
  error: FastifyError | AppError,
  request: FastifyRequest,
  reply: FastifyReply,
): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: error.kind, message: error.message, code: error.code, requestId: request.id };
    if (error.problems.length > 0) body.problems = error.problems.map(({ field, message }) => ({ field, message }));
    if (error.kind === 'unauthenticated') void reply.header('www-authenticate', challengeFor(error.code, request));
    if (error.retryAfterSeconds !== undefined) void reply.header('retry-after', String(error.retryAfterSeconds));
    return { status: STATUS[error.kind], body };
  }
  if (error.validation) {
    const problems = readableProblems(error.validation);
    return {
      status: 400,
      body: {
        error: 'invalid',
        message: fieldErrorMessage(problems.map((p) => p.field)),
        code: FIELD_ERROR_CODE,
        problems,
        requestId: request.id,
      },
    };
  }
  const unreadable = unreadableBody(error, request);
  if (unreadable) {
    return {
      status: unreadable.status,
      body: {
        error: unreadable.status === 400 ? 'invalid' : 'bad_request',
        message: unreadable.message,
        code: unreadable.code,
        requestId: request.id,
      },
    };
  }
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) request.log.error({ failure: errorForLog(error) }, 'request failed');
  return {
    status,
    body: {
      error: status === 500 ? 'internal' : 'bad_request',
      message: status === 500 ? 'Internal error' : error.message,
      code: status === 500 ? 'INTERNAL' : 'BAD_REQUEST',
      requestId: request.id,
    },
  };
}

export function errorHandler(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = errorAnswer(error, request, reply);
  void reply.status(status).send(body);
}
