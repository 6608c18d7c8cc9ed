import { pino, type Logger } from 'pino';

/**
 * Paths that may carry personal data. They are replaced by "[redacted]" wherever they appear in a log line.
 * Request bodies are never logged, and secrets in URLs (verification tokens, liveness links) are masked.
 */
export const PERSONAL_DATA_PATHS = [
  'person', '*.person', 'name', '*.name', 'givenName', '*.givenName', 'surname', '*.surname',
  'middleNames', '*.middleNames', 'dob', '*.dob', 'email', '*.email', 'address', '*.address',
  'password', '*.password', 'token', '*.token', 'req.headers.authorization', 'req.headers.cookie',
];

/** URL segments that are secrets: a token after /tokens/ or /liveness/, and any query string. */
export function maskUrl(url: string): string {
  return url.replace(/\/(tokens|liveness|links)\/[^/?#]+/g, '/$1/[redacted]').replace(/\?.*$/, '?[redacted]');
}

interface RequestLike { method?: string; url?: string; id?: string | number }
interface ReplyLike { statusCode?: number }

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
export type { Logger };
