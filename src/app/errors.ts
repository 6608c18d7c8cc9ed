/**
 * The errors a use case can end with. Each adapter maps them to its wire: HTTP status codes for REST,
 * greenID fault codes for SOAP.
 */
export type AppErrorKind =
  'unauthenticated' | 'forbidden' | 'not_found' | 'invalid' | 'conflict' | 'unavailable' | 'rate_limited';

export interface FieldProblem {
  field: string;
  message: string;
  label?: string;
}

export class AppError extends Error {
  constructor(
    readonly kind: AppErrorKind,
    message: string,
    /** The greenID fault name that SOAP clients see, e.g. InvalidPasswordFault. */
    readonly code: string,
    readonly problems: FieldProblem[] = [],
    /** When to try again (the HTTP answer's Retry-After): a lock-out's remaining time, a busy analysis queue. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** An identifier as an error message may echo it: at most 64 characters, so a huge input never doubles in size. */
export function echoed(id: string): string {
  return id.length <= 64 ? id : `${id.slice(0, 64)}… (${id.length} characters)`;
}

export const errors = {
  badCredentials: () => new AppError('unauthenticated', 'Invalid account or password', 'InvalidPasswordFault'),
  /** SOAP clients see it as the password fault they already handle; REST answers 429. */
  tooManyAttempts: (retryAfterSeconds: number) =>
    new AppError(
      'rate_limited',
      `Too many wrong passwords for this account: retry in ${retryAfterSeconds} s`,
      'InvalidPasswordFault',
      [],
      retryAfterSeconds,
    ),
  /** greenID's fault for an unknown verificationId is UserIdNotFoundFault (research §2.8). */
  notFound: (what: string, id: string) =>
    new AppError('not_found', `${what} ${echoed(id)} was not found`, 'UserIdNotFoundFault'),
  /** An unknown, expired or idle verification token (greenID's older InvalidTokenException). */
  tokenNotFound: () =>
    new AppError('not_found', 'the verificationToken is unknown or has expired', 'InvalidTokenFault'),
  invalid: (problems: FieldProblem[]) =>
    new AppError(
      'invalid',
      `Invalid input field(s) - ${problems.map((p) => p.label ?? p.field).join(', ')}`,
      'FieldValidationFault',
      problems,
    ),
  conflict: (message: string, code = 'SystemFault') => new AppError('conflict', message, code),
  forbidden: (message: string) => new AppError('forbidden', message, 'InvalidPasswordFault'),
};
