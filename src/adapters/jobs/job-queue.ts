import { setTimeout as pause } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { QueueDefinition, RunningJobQueue, SendOptions } from '../../app/ports/job-queue.ts';
import { executeSqlIn } from '../db/database.ts';
import type { Logger } from '../log/logger.ts';
import { jobsSchemaFor } from './schema.ts';

/** Any number used by nothing else (migrate.ts has another): the lock processes take turns under at start. */
const QUEUE_SETUP_LOCK = 7_346_252;

export type { QueueDefinition, SendOptions };

/**
 * Background work on pg-boss, in the same PostgreSQL database (its own schema), so a job is enqueued in the
 * transaction of the change that caused it and any number of pono processes share the work.
 */
export class JobQueue implements RunningJobQueue {
  readonly #boss: PgBoss;
  readonly #database: Database;
  readonly #definitions = new Map<string, QueueDefinition<never>>();
  #started = false;
  /** pg-boss's statements sent and not yet answered. */
  readonly #statements = new Set<Promise<unknown>>();
  /** Batches of jobs whose handlers are running (stop() waits for them). */
  readonly #inFlight = new Set<Promise<unknown>>();
  readonly #schema: string;

  constructor(
    database: Database,
    private readonly logger: Logger,
    options: { pollingIntervalSeconds?: number } = {},
  ) {
    this.#database = database;
    this.#schema = jobsSchemaFor(database.schema);
    this.#boss = new PgBoss({
      db: { executeSql: (text, values) => this.#tracked(database.executeSql(text, values)) },
      schema: this.#schema,
      supervise: true,
      schedule: true,
      migrate: true,
    });
    this.#boss.on('error', (error: Error) => this.logger.error({ err: error.message }, 'job queue error'));
    this.pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  }

  readonly pollingIntervalSeconds: number;

  define<T>(definition: QueueDefinition<T>): void {
    this.#definitions.set(definition.name, definition as QueueDefinition<never>);
  }

  /** Creates the queues; when `work` is true this process also works the jobs. */
  async start(work: boolean): Promise<void> {
    await this.#oneProcessAtATime(async () => {
      await this.#boss.start();
      for (const definition of this.#definitions.values()) {
        await this.#boss.createQueue(definition.name, {
          name: definition.name,
          retryLimit: definition.retryLimit,
          retryDelay: definition.retryDelaySeconds,
          retryBackoff: true,
        });
      }
      for (const definition of this.#definitions.values()) {
        if (definition.cron) await this.#boss.schedule(definition.name, definition.cron, {}, { tz: 'UTC' });
      }
    });
    this.#started = true;
    if (!work) return;
    for (const definition of this.#definitions.values()) {
      await this.#boss.work<never>(
        definition.name,
        { pollingIntervalSeconds: this.pollingIntervalSeconds, batchSize: definition.concurrency ?? 1 },
        async (jobs) => {
          // A failed job is failed (and retried) alone; pg-boss then completes the rest of the batch.
          const batch = Promise.all(
            jobs.map(async (job) => {
              try {
                await definition.handle(job.data);
              } catch (error) {
                await this.#boss.fail(definition.name, job.id, {
                  message: error instanceof Error ? error.name : 'failed',
                });
              }
            }),
          );
          this.#inFlight.add(batch);
          try {
            await batch;
          } finally {
            this.#inFlight.delete(batch);
          }
        },
      );
    }
  }

  /**
   * pg-boss creates its schema and queues without guarding against a second process doing the same at the same
   * moment: on a server, processes starting together take turns under an advisory lock, held by a transaction
   * on its own connection while pg-boss works on others. The embedded database has one process by design.
   */
  async #oneProcessAtATime(setUp: () => Promise<void>): Promise<void> {
    if (this.#database.kind === 'pglite') return setUp();
    await this.#database.db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(${QUEUE_SETUP_LOCK})`.execute(tx);
      await setUp();
    });
  }

  async send<T extends object>(name: string, data: T, options: SendOptions = {}): Promise<string | null> {
    if (!this.#definitions.has(name)) throw new Error(`unknown queue ${name}`);
    const definition = this.#definitions.get(name);
    return this.#boss.send(name, data, {
      retryLimit: definition?.retryLimit,
      retryDelay: definition?.retryDelaySeconds,
      retryBackoff: true,
      ...(options.startAfter !== undefined ? { startAfter: options.startAfter } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.tx ? { db: { executeSql: executeSqlIn(options.tx) } } : {}),
    });
  }

  /** Jobs waiting (created or due for retry) per queue, for metrics and readiness. */
  async depths(): Promise<{ queue: string; waiting: number }[]> {
    const names = [...this.#definitions.keys()];
    return Promise.all(names.map(async (queue) => ({ queue, waiting: await this.#boss.getQueueSize(queue) })));
  }

  /** How long the oldest job that is due has waited, in seconds, per queue (0 when none is due). */
  async oldestDueAges(): Promise<{ queue: string; seconds: number }[]> {
    const { rows } = await this.#database.executeSql(
      `select name, extract(epoch from (now() - min(start_after)))::float8 as seconds from "${this.#schema}".job
        where state in ('created', 'retry') and start_after <= now() group by name`,
      [],
    );
    const ages = new Map(
      (rows as { name: string; seconds: number }[]).map((r) => [r.name, Math.max(0, Number(r.seconds))]),
    );
    return [...this.#definitions.keys()].map((queue) => ({ queue, seconds: ages.get(queue) ?? 0 }));
  }

  /**
   * Resolves once no job of these queues is due or running (a retry set for later does not count), checking every
   * tenth of a second; rejects after `timeoutMs`. What was enqueued before the call has then been worked.
   */
  async drained(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const names = [...this.#definitions.keys()];
    for (;;) {
      const { rows } = await this.#database.executeSql(
        `select count(*)::int as busy from "${this.#schema}".job where name = any($1)
          and (state = 'active' or (state in ('created', 'retry') and start_after <= now()))`,
        [names],
      );
      if (Number((rows as { busy: number }[])[0]?.busy ?? 0) === 0) return;
      if (Date.now() > deadline) throw new Error(`the job queue still had work after ${timeoutMs} ms`);
      await pause(100);
    }
  }

  /** The names of the queues that run on a schedule. */
  async scheduled(): Promise<string[]> {
    return (await this.#boss.getSchedules()).map((s) => s.name);
  }

  get started(): boolean {
    return this.#started;
  }

  async stop(): Promise<void> {
    if (!this.#started) return;
    await this.#boss.stop({ graceful: true, wait: true, timeout: 5000 });
    // Three things of pg-boss's can still reach the database the caller closes next: a handler still running past
    // pg-boss's own timeout; the statement marking a finished batch completed (or failed), which pg-boss sends
    // without awaiting it; a last batch handed to its handler by a fetch still out when stopping. Wait until no
    // handler and no statement is left, a turn of the event loop apart.
    do {
      await Promise.allSettled([...this.#inFlight, ...this.#statements]);
      await new Promise((resolve) => setImmediate(resolve));
    } while (this.#inFlight.size > 0 || this.#statements.size > 0);
    this.#started = false;
  }

  /** A statement of pg-boss's, counted until it is answered (stop() waits for those still out). */
  #tracked<T>(statement: Promise<T>): Promise<T> {
    this.#statements.add(statement);
    const answered = () => void this.#statements.delete(statement);
    statement.then(answered, answered);
    return statement;
  }
}
