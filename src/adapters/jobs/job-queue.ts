import PgBoss from 'pg-boss';
import type { Database, Tx } from '../db/database.ts';
import { executeSqlIn } from '../db/database.ts';
import type { Logger } from '../log/logger.ts';

export interface QueueDefinition<T> {
  name: string;
  /** Retries after a failure, with exponential back-off from retryDelaySeconds. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** Also run on this cron schedule (UTC), e.g. every five minutes: '*\/5 * * * *'. */
  cron?: string;
  handle: (data: T) => Promise<void>;
}

export interface SendOptions {
  /** Enqueue inside this transaction: the job exists exactly when the change that caused it commits. */
  tx?: Tx;
  startAfter?: Date | number;
  singletonKey?: string;
}

/**
 * Background work on pg-boss, in the same PostgreSQL database (its own schema), so a job is enqueued in the
 * transaction of the change that caused it and any number of pono processes share the work.
 */
export class JobQueue {
  readonly #boss: PgBoss;
  readonly #definitions = new Map<string, QueueDefinition<never>>();
  #started = false;

  constructor(
    database: Database,
    private readonly logger: Logger,
    options: { pollingIntervalSeconds?: number } = {},
  ) {
    this.#boss = new PgBoss({
      db: { executeSql: (text, values) => database.executeSql(text, values) },
      schema: `${database.schema === 'public' ? 'pono' : database.schema}_jobs`,
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
    this.#started = true;
    if (!work) return;
    for (const definition of this.#definitions.values()) {
      await this.#boss.work<never>(definition.name, { pollingIntervalSeconds: this.pollingIntervalSeconds }, async (jobs) => {
        for (const job of jobs) await definition.handle(job.data);
      });
    }
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

  /** The names of the queues that run on a schedule. */
  /** Jobs waiting (created or due for retry) per queue, for metrics and readiness. */
  async depths(): Promise<{ queue: string; waiting: number }[]> {
    const names = [...this.#definitions.keys()];
    return Promise.all(names.map(async (queue) => ({ queue, waiting: await this.#boss.getQueueSize(queue) })));
  }

  async scheduled(): Promise<string[]> {
    return (await this.#boss.getSchedules()).map((s) => s.name);
  }

  get started(): boolean {
    return this.#started;
  }

  async stop(): Promise<void> {
    if (!this.#started) return;
    await this.#boss.stop({ graceful: true, wait: true, timeout: 5000 });
    this.#started = false;
  }
}
