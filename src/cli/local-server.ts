// The embedded database (PGlite) belongs to one process. While `pono serve` holds a data folder, the CLI's
// database commands (verify, account create, registry load, records load, officer …) are run by the server:
// the server listens on a local socket in the data folder (`pono.sock`, readable by the folder's owner only),
// and the CLI sends it the use-case calls it would have made itself, one JSON line each. Whoever can use
// the socket could read the database files anyway; nothing listens on the network for it.
import { createHash } from 'node:crypto';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Services } from '../app/services.ts';
import { AppError, type AppErrorKind, type FieldProblem } from '../app/errors.ts';
import { errorForLog, type Logger } from '../adapters/log/logger.ts';

/** The use cases the CLI may call through a running server: the ones its database commands use. */
const ALLOWED = new Set([
  'verifications.register',
  'accounts.create',
  'accounts.find',
  'registry.load',
  'records.load',
  'casework.officers.create',
  'casework.officers.listForOperator',
  'casework.officers.resetPasswordByOperator',
  'casework.officers.setActiveByOperator',
  'casework.drill.runAsOf',
]);

interface Call {
  id: number;
  path: string[];
  args: unknown[];
}

type Answer =
  | { id: number; ok: true; value: unknown }
  | {
      id: number;
      ok: false;
      error: { kind: AppErrorKind; message: string; code: string; problems: FieldProblem[] } | null;
    };

/** Where the server of a data folder listens (a named pipe on Windows, where sockets are not files). */
export function localSocketPath(dataDir: string): string {
  const folder = resolve(dataDir);
  if (process.platform === 'win32')
    return `\\\\?\\pipe\\pono-${createHash('sha256').update(folder).digest('hex').slice(0, 16)}`;
  return join(folder, 'pono.sock');
}

function isCall(value: unknown): value is Call {
  const v = value as Partial<Call> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.id === 'number' &&
    Array.isArray(v.path) &&
    v.path.every((p) => typeof p === 'string') &&
    Array.isArray(v.args)
  );
}

async function answer(services: Services, logger: Logger, line: string): Promise<Answer | null> {
  let call: unknown;
  try {
    call = JSON.parse(line);
  } catch {
    return null;
  }
  if (!isCall(call)) return null;
  const name = call.path.join('.');
  if (!ALLOWED.has(name)) return { id: call.id, ok: false, error: null };
  try {
    let owner: unknown = services;
    for (const key of call.path.slice(0, -1)) owner = (owner as Record<string, unknown>)[key];
    const method = (owner as Record<string, unknown>)[call.path.at(-1) ?? ''];
    if (typeof method !== 'function') return { id: call.id, ok: false, error: null };
    const value: unknown = await (method as (...args: unknown[]) => Promise<unknown>).apply(owner, call.args);
    return { id: call.id, ok: true, value: value ?? null };
  } catch (error) {
    if (error instanceof AppError)
      return {
        id: call.id,
        ok: false,
        error: { kind: error.kind, message: error.message, code: error.code, problems: error.problems },
      };
    logger.error({ err: errorForLog(error), call: name }, 'a command from the local CLI failed');
    return { id: call.id, ok: false, error: null };
  }
}

/** Listens on the data folder's socket for the CLI; close it before the database. */
export async function listenForLocalCli(
  dataDir: string,
  services: Services,
  logger: Logger,
): Promise<() => Promise<void>> {
  const path = localSocketPath(dataDir);
  // A socket file left by a server that died: the folder's lock is ours now, so nobody listens on it.
  if (process.platform !== 'win32') rmSync(path, { force: true });
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const lines = createInterface({ input: socket, crlfDelay: Infinity });
    lines.on('line', (line) => {
      void answer(services, logger, line).then((reply) => {
        if (reply && !socket.destroyed) socket.write(`${JSON.stringify(reply)}\n`);
        else if (!reply) socket.destroy();
      });
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    // The socket is born readable and writable by the folder's owner only: listen() creates the file at once
    // (synchronously), under a umask that leaves nothing for the group and others, restored straight after. Linux
    // applies the umask to a socket's file itself, even in a folder with a default ACL, so no chmod is needed.
    const umask = process.platform === 'win32' ? undefined : process.umask(0o177);
    try {
      server.listen(path, () => {
        server.off('error', reject);
        resolveListen();
      });
    } finally {
      if (umask !== undefined) process.umask(umask);
    }
  });
  return async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
    if (process.platform !== 'win32') rmSync(path, { force: true });
  };
}

export class ServerUnreachableError extends Error {}

/**
 * The use cases of the server that holds `dataDir`, as the CLI calls them: `services.accounts.create(…)`
 * becomes one call over the socket. Only the calls the CLI's commands make are answered.
 */
export async function servicesOfRunningServer(dataDir: string): Promise<{ services: Services; close: () => void }> {
  const socket = createConnection(localSocketPath(dataDir));
  await new Promise<void>((resolveConnect, reject) => {
    socket.once('connect', () => resolveConnect());
    socket.once('error', () =>
      reject(new ServerUnreachableError('the server holding the data folder does not answer')),
    );
  });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let next = 1;
  const failAll = (error: Error) => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  socket.on('error', () => failAll(new ServerUnreachableError('the connection to the running server was lost')));
  socket.on('close', () => failAll(new ServerUnreachableError('the running server closed the connection (stopping?)')));
  createInterface({ input: socket, crlfDelay: Infinity }).on('line', (line) => {
    const reply = JSON.parse(line) as Answer;
    const w = waiting.get(reply.id);
    if (!w) return;
    waiting.delete(reply.id);
    if (reply.ok) w.resolve(reply.value);
    else if (reply.error)
      w.reject(new AppError(reply.error.kind, reply.error.message, reply.error.code, reply.error.problems));
    else w.reject(new ServerUnreachableError('the running server could not do it (its log says why)'));
  });
  const call = (path: string[], args: unknown[]) =>
    new Promise<unknown>((resolveCall, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolveCall, reject });
      socket.write(`${JSON.stringify({ id, path, args })}\n`);
    });
  const proxy = (path: string[]): unknown =>
    new Proxy(() => undefined, {
      get: (_target, key) => (typeof key === 'string' && key !== 'then' ? proxy([...path, key]) : undefined),
      apply: (_target, _this, args: unknown[]) => call(path, args),
    });
  return { services: proxy([]) as Services, close: () => socket.end() };
}
