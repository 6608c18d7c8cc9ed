// The structured logger the use cases write to (pino's interface; the redacting instance is built in
// src/adapters/log/logger.ts).
export type { Logger } from 'pino';
