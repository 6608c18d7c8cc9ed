import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { readLogo } from './branding.ts';
import { parseAsOf } from '../app/clock.ts';

/** Every setting pono reads from the environment, with its default. */
export const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8080 }),
  HOST: Type.String({ minLength: 1, default: '0.0.0.0' }),
  PONO_DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATABASE_SCHEMA: Type.String({ pattern: '^[a-z_][a-z0-9_]{0,62}$', default: 'public' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  PONO_DEMO: Type.Boolean({ default: false }),
  PONO_WEBHOOK_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  PONO_WEBHOOK_SECRET: Type.Optional(Type.String({ minLength: 16 })),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  PONO_PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  PONO_JOBS: Type.Boolean({ default: true }),
  PONO_TRUST_PROXY: Type.Boolean({ default: false }),
  /** Casework: first-run administrator, created when no officer exists yet. */
  PONO_ADMIN_EMAIL: Type.Optional(Type.String({ pattern: '^[^\\s@]+@[^\\s@]+$' })),
  PONO_ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 12 })),
  PONO_MAIL_FROM: Type.Optional(Type.String({ minLength: 3 })),
  /** Branding: the office's name and logo (an image file) on the applicant's pages, in emails and in the console. */
  PONO_OFFICE_NAME: Type.Optional(Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' })),
  PONO_OFFICE_LOGO: Type.Optional(Type.String({ minLength: 1 })),
  /** Casework: where the INZ notification goes after a ceremony closes, and its signing secret. */
  PONO_INZ_NOTIFY_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  PONO_INZ_NOTIFY_SECRET: Type.Optional(Type.String({ minLength: 16 })),
  /** Casework: what happens when a child turns 14 during processing (seed 000 M2-Q7). */
  PONO_CHILD_TURNS_14_POLICY: Type.Union(
    ['revert-and-send-own-link', 'carry-on', 'revert-without-new-evidence'].map((p) => Type.Literal(p)),
    { default: 'revert-and-send-own-link' },
  ),
  /** Immigration records: act out the records service being unreachable (every search answers "API error"). */
  PONO_RECORDS_DOWN: Type.Boolean({ default: false }),
  /** Public presence calculator: requests per client address per window, and the window in seconds. */
  PONO_PRESENCE_RATE_LIMIT: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 60 }),
  /** The calculator by travel document looks people up, so it is limited harder than the free-form one. */
  PONO_PRESENCE_DOCUMENT_RATE_LIMIT: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 10 }),
  PONO_PRESENCE_RATE_WINDOW_SECONDS: Type.Integer({ minimum: 1, maximum: 86_400, default: 60 }),
  /** Liveness evidence (selfies, challenge frames, trusted source faces): days kept after its session ends. */
  PONO_EVIDENCE_RETENTION_DAYS: Type.Integer({ minimum: 1, maximum: 36_500, default: 365 }),
  /** Document capture: days the photo of a captured identity document is kept after it was sent. */
  PONO_DOCUMENT_PHOTO_RETENTION_DAYS: Type.Integer({ minimum: 1, maximum: 36_500, default: 90 }),
  /** Document capture: the faceMatchScore (0–100) at or above which the face comparison is VERIFIED. */
  PONO_FACE_MATCH_THRESHOLD: Type.Integer({ minimum: 0, maximum: 100, default: 40 }),
  /**
   * Liveness analyses: worker threads running the face engine. Default: every core but one (the server's), at
   * least one, at most four.
   */
  PONO_ANALYSIS_THREADS: Type.Optional(Type.Integer({ minimum: 1, maximum: 64 })),
  /**
   * Liveness checks, and document photos, that may wait for a worker; one more is answered 503 (busy) with a
   * Retry-After of the time the line ahead is likely to take.
   */
  PONO_ANALYSIS_QUEUE: Type.Integer({ minimum: 0, maximum: 10_000, default: 16 }),
  /** Drills and tests only: the server's clock starts at this time (NZ time unless it has an offset) and runs on. */
  PONO_AS_OF: Type.Optional(Type.String({ minLength: 10, maxLength: 40 })),
  NODE_ENV: Type.Optional(Type.String({ maxLength: 40 })),
});
export type Config = Static<typeof ConfigSchema>;

export class ConfigError extends Error {}

function coerce(raw: Record<string, string | undefined>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(ConfigSchema.properties)) {
    const value = raw[key];
    if (value === undefined || value === '') continue;
    const kind = (schema as { type?: string }).type;
    if (kind === 'integer') out[key] = /^-?\d+$/.test(value) ? Number(value) : value;
    else if (kind === 'boolean')
      out[key] = ({ '1': true, true: true, '0': false, false: false } as Record<string, boolean>)[value] ?? value;
    else out[key] = value;
  }
  return out;
}

/** Variables whose values are never repeated in an error (a URL's password is hidden, the rest of it shown). */
const SECRETS = new Set(['PONO_ADMIN_PASSWORD', 'PONO_WEBHOOK_SECRET', 'PONO_INZ_NOTIFY_SECRET']);
const URLS_WITH_CREDENTIALS = new Set([
  'DATABASE_URL',
  'SMTP_URL',
  'PONO_WEBHOOK_URL',
  'PONO_INZ_NOTIFY_URL',
  'PONO_PUBLIC_URL',
]);

/** How an error shows the value of `name`: a secret as its length only, a URL without its password. */
function shown(name: string, value: string): string {
  if (SECRETS.has(name)) return `(${value.length} characters, not shown)`;
  if (URLS_WITH_CREDENTIALS.has(name))
    return JSON.stringify(value.replace(/^([^:/?#]*:\/\/[^:/?#@]*):[^@/?#]*@/, '$1:***@'));
  return JSON.stringify(value);
}

/** Reads and checks the configuration; a bad value throws a ConfigError naming the variable, never a secret. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const candidate = Value.Default(ConfigSchema, coerce(env));
  const problems = [...Value.Errors(ConfigSchema, candidate)];
  if (problems.length > 0) {
    const lines = problems.map((p) => {
      const name = p.path.replace(/^\//, '');
      return `${name}=${shown(name, env[name] ?? '')}: ${p.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const config = candidate as Config;
  if (config.PONO_AS_OF !== undefined) {
    if (config.NODE_ENV === 'production')
      throw new ConfigError(
        'Invalid configuration:\n  PONO_AS_OF: moving the clock is for drills and tests; it is refused when NODE_ENV=production',
      );
    if (parseAsOf(config.PONO_AS_OF) === null)
      throw new ConfigError(
        `Invalid configuration:\n  PONO_AS_OF=${JSON.stringify(config.PONO_AS_OF)}: must be a date and time like 2026-12-10T09:00 (New Zealand time) or with an offset (…Z, …+13:00)`,
      );
  }
  if (config.PONO_OFFICE_LOGO) {
    try {
      readLogo(config.PONO_OFFICE_LOGO);
    } catch (error) {
      throw new ConfigError(
        `Invalid configuration:\n  PONO_OFFICE_LOGO=${JSON.stringify(config.PONO_OFFICE_LOGO)}: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
  return config;
}
