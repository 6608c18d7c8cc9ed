import { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/**
 * PGlite is one connection. This pool hands it out to one borrower at a time, so a transaction opened by
 * Kysely or pg-boss is never interleaved with statements of another request.
 */
export class PgliteSerialPool implements PostgresPool {
  #tail: Promise<void> = Promise.resolve();
  /** Borrowers holding or waiting for the connection (metrics). */
  #borrowers = 0;

  get stats(): { connections: number; busy: number; waiting: number } {
    return { connections: 1, busy: Math.min(1, this.#borrowers), waiting: Math.max(0, this.#borrowers - 1) };
  }

  constructor(readonly pglite: PGlite) {}

  /** Waits for the connection, in turn; the answer hands it on to the next borrower. */
  async #acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const previous = this.#tail;
    this.#tail = previous.then(() => held);
    this.#borrowers++;
    await previous;
    return () => {
      this.#borrowers--;
      release();
    };
  }

  /** Runs fn while holding the connection. */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.#acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }

  async connect(): Promise<PostgresPoolClient> {
    const release = await this.#acquire();
    const pglite = this.pglite;
    const client = {
      async query<R>(text: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
        const command = (text.trimStart().split(/\s/, 1)[0] ?? '').toUpperCase() as PostgresQueryResult<R>['command'];
        // Without parameters the statement may be a script of several (migrations); PGlite runs those through exec.
        const result =
          parameters.length === 0 ? (await pglite.exec(text)).at(-1) : await pglite.query<R>(text, [...parameters]);
        const rows = (result?.rows ?? []) as R[];
        return { command, rowCount: result?.affectedRows ?? rows.length, rows };
      },
      release,
    };
    return client as PostgresPoolClient;
  }

  async end(): Promise<void> {
    await this.#tail;
    await this.pglite.close();
  }
}
