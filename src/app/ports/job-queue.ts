// The job queue as the use cases see it: named queues defined once, jobs sent (inside the transaction of the
// change that caused them). The composition root (src/main) hands in the pg-boss adapter (src/adapters/jobs).
import type { Tx } from './database.ts';

export interface QueueDefinition<T> {
  name: string;
  /** Retries after a failure, with exponential back-off from retryDelaySeconds. */
  retryLimit: number;
  retryDelaySeconds: number;
  /**
   * Jobs one process works at once (fetched together on each poll and run side by side); each succeeds or fails
   * on its own. 1 when left out. Deliveries to other systems set more, so a burst never becomes a backlog.
   */
  concurrency?: number;
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

/** What a use case needs of the queue. */
export interface JobQueue {
  define<T>(definition: QueueDefinition<T>): void;
  send<T extends object>(name: string, data: T, options?: SendOptions): Promise<string | null>;
}

/** What the operators' routes and the process that runs the queue need beyond the use cases. */
export interface RunningJobQueue extends JobQueue {
  readonly pollingIntervalSeconds: number;
  readonly started: boolean;
  /** Creates the queues; when `work` is true this process also works the jobs. */
  start(work: boolean): Promise<void>;
  stop(): Promise<void>;
  /** Jobs waiting (created or due for retry) per queue, for metrics and readiness. */
  depths(): Promise<{ queue: string; waiting: number }[]>;
  /** How long the oldest job that is due has waited, in seconds, per queue (0 when none is due). */
  oldestDueAges(): Promise<{ queue: string; seconds: number }[]>;
  /** Resolves once no job is due or running (a retry set for later does not count); rejects after `timeoutMs`. */
  drained(timeoutMs?: number): Promise<void>;
  /** The names of the queues that run on a schedule. */
  scheduled(): Promise<string[]>;
}
