// Liveness analyses in worker threads (piscina), so the face engine never runs on the event loop that serves
// requests. The pool is small and sized from the cores (one core is left to the server); each worker loads the
// engine once, on its first analysis. Callers bound their own queue (LivenessSessions' gate answers "busy").
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { LivenessAnalysis } from '../../app/liveness-analysis.ts';
import type { AnalysisTask } from './analysis-worker.ts';

export interface AnalysisPool {
  readonly threads: number;
  analyse(task: AnalysisTask): Promise<LivenessAnalysis>;
  close(): Promise<void>;
}

/** Worker threads for this machine: every core but one for the server, at least one, at most four. */
export function defaultAnalysisThreads(cores = availableParallelism()): number {
  return Math.max(1, Math.min(4, cores - 1));
}

export function createAnalysisPool(threads = defaultAnalysisThreads()): AnalysisPool {
  const pool = new Piscina<AnalysisTask, LivenessAnalysis>({
    filename: new URL('./analysis-worker-entry.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: threads,
    // A worker that has loaded the engine is kept for a while: loading it again costs seconds.
    idleTimeout: 10 * 60_000,
  });
  return {
    threads,
    analyse: (task) => pool.run(task),
    close: () => pool.destroy(),
  };
}
