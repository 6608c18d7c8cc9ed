// The face engine's side of bench liveness, in one process: time to decide one attempt set (BLINK + NOD + SHAKE,
// selfie, two trusted sources) against the engine's own cost for the same frames, same run (printed, ratio goal
// ≤ 1.1), and the attempt set itself for the server's analyses (attemptInput).
// Run alone: node --import tsx bench/support/liveness-engine.ts   (needs Debian python3-skimage)
import { performance } from 'node:perf_hooks';
import { getFaceEngine } from '../../src/adapters/face/engine.ts';
import { faceAnalyser } from '../../src/adapters/face/face-analyser.ts';
import { LEFT_EYE_INDICES, RIGHT_EYE_INDICES } from '../../src/adapters/face/track.ts';
import { analyseLivenessAttempt, type LivenessAttemptInput } from '../../src/app/liveness-analysis.ts';
import { DEFAULT_CALIBRATION } from '../../src/domain/liveness/calibration/index.ts';
import { assessChallenges, decideAttempt } from '../../src/domain/liveness/decision.ts';
import { DEFAULT_THRESHOLDS } from '../../src/domain/liveness/thresholds.ts';
import { COLLINS, buildRealAttempt, loadRaw, missingImages, toJpeg } from '../../test/adapters/face/fixtures.ts';

const ROUNDS = 3;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

/** One real attempt set of the astronaut portrait (Debian's python3-skimage), as the analysis takes it. */
export async function attemptInput(): Promise<LivenessAttemptInput> {
  const missing = missingImages();
  if (missing) throw new Error(missing);
  const engine = await getFaceEngine();
  const base = await loadRaw(COLLINS);
  const probe = await engine.analyse(await toJpeg(base));
  const f = probe.faces[0];
  if (!f) throw new Error('no face in the base image');
  const eyes = [LEFT_EYE_INDICES, RIGHT_EYE_INDICES].map((idx) =>
    idx.map((i) => [f.mesh[i]?.[0] ?? 0, f.mesh[i]?.[1] ?? 0] as const),
  );
  const a = await buildRealAttempt(
    { cx: f.box.x + f.box.width / 2, cy: f.box.y + f.box.height / 2, width: f.box.width, eyes },
    base,
  );
  return {
    requested: ['BLINK', 'SHAKE', 'NOD'],
    selfie: a.selfie,
    captures: [
      { challenge: 'BLINK', frames: a.blink },
      { challenge: 'SHAKE', frames: a.shake },
      { challenge: 'NOD', frames: a.noNod },
    ],
    trustedSources: { PROVIDED: a.application, PASSPORT: a.otherPerson },
  };
}

export async function engineBench(): Promise<void> {
  const missing = missingImages();
  if (missing) throw new Error(missing);
  const engine = await getFaceEngine();
  console.log(
    `engine: human ${engine.humanVersion} on ${engine.backend}, load ${engine.loadMs.toFixed(0)} ms, ` +
      `per frame ${engine.perFrameMs.toFixed(1)} ms, per descriptor frame ${engine.perDescriptorFrameMs.toFixed(1)} ms (measured at load)`,
  );

  const input = await attemptInput();
  const analyser = faceAnalyser(engine);

  const warm = await analyseLivenessAttempt(input, { engine: analyser });
  // the descriptor frames the analysis uses: each challenge's best frame, the blink trough, selfie, sources
  const descriptorImages: Buffer[] = [input.selfie, ...Object.values(input.trustedSources)];
  for (const fr of warm.frames) {
    const cap = input.captures.find((c) => c.challenge === fr.challenge);
    const best = cap?.frames[fr.bestFrameIndex]?.image;
    if (best) descriptorImages.push(best);
    const ev =
      fr.challenge === 'BLINK' && fr.evidenceFrameIndex !== fr.bestFrameIndex
        ? cap?.frames[fr.evidenceFrameIndex]?.image
        : undefined;
    if (ev) descriptorImages.push(ev);
  }
  const trackingImages = input.captures.flatMap((c) => c.frames.map((x) => x.image));

  const engineOnly: number[] = [];
  const analysis: number[] = [];
  const decisionOnly: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    let t = performance.now();
    for (const img of trackingImages) await engine.analyse(img);
    for (const img of descriptorImages) await engine.analyse(img, { descriptor: true });
    engineOnly.push(performance.now() - t);

    t = performance.now();
    const res = await analyseLivenessAttempt(input, { engine: analyser });
    analysis.push(performance.now() - t);

    t = performance.now();
    for (let k = 0; k < 100; k++) {
      decideAttempt(
        assessChallenges(input.requested, res.tracks, DEFAULT_THRESHOLDS),
        {
          selfie: { faceCount: 1, descriptor: Array.from({ length: 1024 }, (_, i) => Math.sin(i)) },
          probes: {},
          sources: {},
        },
        DEFAULT_CALIBRATION,
        DEFAULT_THRESHOLDS,
      );
    }
    decisionOnly.push((performance.now() - t) / 100);
  }

  const frames = trackingImages.length;
  const eng = median(engineOnly);
  const all = median(analysis);
  const ratio = all / eng;
  const loadCost = engine.perFrameMs * frames + engine.perDescriptorFrameMs * descriptorImages.length;
  console.log(
    `attempt set: ${frames} tracking frames + ${warm.timing.descriptorFrames} descriptor frames; ` +
      `result ${warm.outcome.challenges.map((c) => `${c.challenge}=${c.result}`).join(' ')}, liveness ${warm.outcome.liveness}`,
  );
  console.log(
    `engine only (same frames, this run): ${eng.toFixed(0)} ms; load-time estimate ${loadCost.toFixed(0)} ms`,
  );
  console.log(
    `analysis (decode + engine + tracks + decision): ${all.toFixed(0)} ms; pure decision ${median(decisionOnly).toFixed(3)} ms`,
  );
  console.log(
    `frames/s: ${((frames * 1000) / all).toFixed(1)} tracking frames per second (whole analysis), ` +
      `${((frames * 1000) / median(engineOnly)).toFixed(1)} engine-only`,
  );
  console.log(`peak memory: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB max RSS`);
  console.log(`engine only: analysis ÷ engine's own cost ${ratio.toFixed(3)} (goal <= 1.1)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await engineBench();
