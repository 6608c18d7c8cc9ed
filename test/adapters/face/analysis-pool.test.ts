// The face engine in worker threads: an attempt set analysed by the pool gives the same decision as on the
// calling thread, ran on a worker (threadId ≥ 1), and leaves the event loop free meanwhile — its longest stall
// during the analysis is well under the one the same analysis causes on the calling thread.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { readdirSync, readFileSync } from 'node:fs';
import {
  createAnalysisPool,
  defaultAnalysisThreads,
  type AnalysisPool,
} from '../../../src/adapters/face/analysis-pool.ts';
import { loadFaceAnalyser } from '../../../src/adapters/face/face-analyser.ts';
import { analyseLivenessAttempt, type LivenessAttemptInput } from '../../../src/app/liveness-analysis.ts';
import { DEFAULT_THRESHOLDS } from '../../../src/domain/liveness/thresholds.ts';
import { missingImages } from './fixtures.ts';
import { realAttempt } from '../http/liveness/support.ts';

const skip = missingImages();
let pool: AnalysisPool;
let input: LivenessAttemptInput;

before(async () => {
  if (skip) return;
  pool = createAnalysisPool(1);
  const a = await realAttempt();
  input = {
    requested: ['BLINK', 'SHAKE', 'NOD'],
    selfie: a.selfie,
    captures: [
      { challenge: 'BLINK', frames: a.blink },
      { challenge: 'SHAKE', frames: a.shake.map((f) => ({ image: f.image, tMs: f.tMs + 4000 })) },
      { challenge: 'NOD', frames: a.noNod.map((f) => ({ image: f.image, tMs: f.tMs + 8000 })) },
    ],
    trustedSources: { PROVIDED: a.application },
  };
});
after(async () => {
  if (!skip) await pool.close();
});

/** The longest the event loop was held up (ms) while `work` ran. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const result = await work();
  histogram.disable();
  return { result, stallMs: histogram.max / 1e6 };
}

test('the pool is sized from the cores, leaving one to the server', () => {
  assert.equal(defaultAnalysisThreads(1), 1);
  assert.equal(defaultAnalysisThreads(2), 1);
  assert.equal(defaultAnalysisThreads(4), 3);
  assert.equal(defaultAnalysisThreads(16), 4);
  assert.equal(defaultAnalysisThreads(32), 4);
});

test(
  'an analysis on a worker decides as on the calling thread and does not hold up the event loop',
  { skip, timeout: 240_000 },
  async (t) => {
    await pool.analyse({ input, thresholds: DEFAULT_THRESHOLDS }); // the worker loads the engine once
    const inWorker = await longestStall(() => pool.analyse({ input, thresholds: DEFAULT_THRESHOLDS }));
    const engine = await loadFaceAnalyser();
    const inProcess = await longestStall(() =>
      analyseLivenessAttempt(input, { engine, thresholds: DEFAULT_THRESHOLDS }),
    );
    assert.ok(inWorker.result.timing.threadId >= 1, `ran on thread ${inWorker.result.timing.threadId}`);
    assert.equal(inProcess.result.timing.threadId, 0);
    assert.deepEqual(inWorker.result.outcome, inProcess.result.outcome);
    t.diagnostic(
      `longest stall ${inWorker.stallMs.toFixed(1)} ms (worker) vs ${inProcess.stallMs.toFixed(1)} ms (calling thread)`,
    );
    assert.ok(
      inWorker.stallMs * 2 < inProcess.stallMs,
      `longest stall: ${inWorker.stallMs.toFixed(1)} ms with the worker, ${inProcess.stallMs.toFixed(1)} ms on the calling thread`,
    );
  },
);

/** Each thread of this process with its nice value (Linux keeps one per thread). */
function threadNiceValues(): { tid: number; nice: number }[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return { tid: Number(tid), nice: Number(fields[16]) };
  });
}

test('the analysis worker runs at a lower priority than the thread serving requests', { skip }, async () => {
  await pool.analyse({ input, thresholds: DEFAULT_THRESHOLDS });
  const threads = threadNiceValues();
  assert.equal(threads.find((t) => t.tid === process.pid)?.nice, 0, 'the event loop keeps its priority');
  assert.ok(
    threads.some((t) => t.nice === 10),
    `a worker thread at nice 10: ${JSON.stringify(threads.map((t) => t.nice))}`,
  );
});
