import { pino, type Logger } from 'pino';

/**
 * Paths that may carry personal data. They are replaced by "[redacted]" wherever they appear in a log line.
 * Request bodies are never logged, and secrets in URLs (verification tokens, liveness links) are masked.
 */
export const PERSONAL_DATA_PATHS = [
  'person',
  '*.person',
  'name',
  '*.name',
  'givenName',
  '*.givenName',
  'surname',
  '*.surname',
  'middleNames',
  '*.middleNames',
  'dob',
  '*.dob',
  'email',
  '*.email',
  'address',
  '*.address',
  'password',
  '*.password',
  'token',
  '*.token',
  'req.headers.authorization',
  'req.headers.cookie',
];

/** URL segments that are secrets: a token after /tokens/ or /liveness/, and any query string. */
export function maskUrl(url: string): string {
  return url.replace(/\/(tokens|liveness|links)\/[^/?#]+/g, '/$1/[redacted]').replace(/\?.*$/, '?[redacted]');
}

interface RequestLike {
  method?: string;
  url?: string;
  id?: string | number;
}
interface ReplyLike {
  statusCode?: number;
}

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      redact: { paths: PERSONAL_DATA_PATHS, censor: '[redacted]' },
      serializers: {
        req: (req: RequestLike) => ({ id: req.id, method: req.method, url: maskUrl(req.url ?? '') }),
        res: (res: ReplyLike) => ({ statusCode: res.statusCode }),
      },
    },
    destination ?? process.stdout,
  );
}
/**
 * What an unexpected error may put in a log line: its type, its code and where it was thrown. Never its
 * message: a database error quotes the row it refused, with the person's name and date of birth in it.
 */
export function errorForLog(error: unknown): { type: string; code?: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error };
  const code: unknown = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .join('\n');
  return {
    type: error.constructor.name,
    ...(typeof code === 'string' ? { code } : {}),
    ...(frames ? { stack: frames } : {}),
  };
}
export type { Logger };
