import { pino, type Logger } from 'pino';

/**
 * Paths that may carry personal data. They are replaced by "[redacted]" wherever they appear in a log line.
 * Request bodies and query strings are never logged (see the http adapter's serializers).
 */
export const PERSONAL_DATA_PATHS = [
  'person', '*.person', 'name', '*.name', 'givenName', '*.givenName', 'surname', '*.surname',
  'middleNames', '*.middleNames', 'dob', '*.dob', 'email', '*.email', 'address', '*.address',
  'password', '*.password', 'token', '*.token', 'req.headers.authorization', 'req.headers.cookie',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    { level, redact: { paths: PERSONAL_DATA_PATHS, censor: '[redacted]' } },
    destination ?? process.stdout,
  );
}
export type { Logger };
