// Bounds work sent to worker threads: at most `limit` at once, at most `maxQueued` waiting; past that the caller
// gets the `busy` error at once (an answer the client can retry) instead of an unbounded queue.
import type { AppError } from './errors.ts';

export class AnalysisGate {
  #running = 0;
  readonly #waiting: (() => void)[] = [];
  constructor(
    private readonly limit: number,
    private readonly maxQueued: number,
    private readonly busy: () => AppError,
  ) {}

  /** Analyses running now, and submissions waiting for one to finish. */
  get load(): { running: number; waiting: number } {
    return { running: this.#running, waiting: this.#waiting.length };
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running >= this.limit) {
      if (this.#waiting.length >= this.maxQueued) throw this.busy();
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else this.#running++;
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }
}
