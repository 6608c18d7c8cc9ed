// Bounds work sent to worker threads: at most `limit` at once, at most `maxQueued` waiting, served in the order
// they came; past that the caller gets the `busy` error at once (an answer the client can retry) instead of an
// unbounded queue. The error says when to retry: the time the line ahead takes to clear at the recent pace.
import type { AppError } from './errors.ts';

/** Before any analysis has finished, one is taken to last this long. */
const FIRST_GUESS_MS = 2000;
/** A client is never told to wait less than this, nor more than the longest retry. */
const SHORTEST_RETRY_SECONDS = 1;
const LONGEST_RETRY_SECONDS = 120;

export class AnalysisGate {
  #running = 0;
  readonly #waiting: (() => void)[] = [];
  /** A moving average of how long one analysis takes, for the retry time. */
  #averageMs = FIRST_GUESS_MS;

  constructor(
    private readonly limit: number,
    private readonly maxQueued: number,
    private readonly busy: (retryAfterSeconds: number) => AppError,
  ) {}

  /** Analyses running now, and submissions waiting for one to finish. */
  get load(): { running: number; waiting: number } {
    return { running: this.#running, waiting: this.#waiting.length };
  }

  /** Seconds until a place in the line is likely free: the running and waiting analyses, `limit` at a time. */
  get retryAfterSeconds(): number {
    const rounds = Math.ceil((this.#running + this.#waiting.length) / this.limit);
    const seconds = Math.ceil((rounds * this.#averageMs) / 1000);
    return Math.min(LONGEST_RETRY_SECONDS, Math.max(SHORTEST_RETRY_SECONDS, seconds));
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running >= this.limit) {
      if (this.#waiting.length >= this.maxQueued) throw this.busy(this.retryAfterSeconds);
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else this.#running++;
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.#averageMs = 0.8 * this.#averageMs + 0.2 * (performance.now() - started);
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }
}
