// Frame integrity over one capture: one face per frame, continuity, frozen / looped / still input.
import { centreJump, faceEar, iou, median } from './geometry.ts';
import type { FrameThresholds } from './thresholds.ts';
import type { ReasonCode, TrackFace, TrackFrame } from './types.ts';

/** One usable frame: exactly one face, confident enough. */
export interface Sample {
  readonly index: number;
  readonly tMs: number;
  readonly face: TrackFace;
  readonly ear: number;
}

export interface IntegrityReport {
  readonly samples: readonly Sample[];
  readonly reasons: readonly ReasonCode[];
  readonly metrics: Readonly<Record<string, number>>;
}

/** Identity of a frame: its digest, else a signature of everything the engine measured (deterministic engines
 * give identical output for identical pixels). */
export function frameKey(frame: TrackFrame): string {
  if (frame.digest !== undefined) return frame.digest;
  const parts: string[] = [String(frame.faces.length)];
  for (const f of frame.faces) {
    parts.push(
      [
        f.box.x,
        f.box.y,
        f.box.width,
        f.box.height,
        f.yawDeg,
        f.pitchDeg,
        f.rollDeg,
        ...f.leftEye.flat(),
        ...f.rightEye.flat(),
      ]
        .map((v) => v.toFixed(4))
        .join(','),
    );
  }
  return parts.join('|');
}

function longestIdenticalRun(keys: readonly string[]): number {
  let best = keys.length > 0 ? 1 : 0;
  let run = 1;
  for (let i = 1; i < keys.length; i++) {
    run = keys[i] === keys[i - 1] ? run + 1 : 1;
    best = Math.max(best, run);
  }
  return best;
}

/** True when some run of `minRun` consecutive, not-all-equal frames reappears later (a replayed loop). */
function hasLoop(keys: readonly string[], minRun: number): boolean {
  // collapse runs of identical frames first: duplicated frames from a slow camera are not a loop
  const collapsed = keys.filter((k, i) => i === 0 || k !== keys[i - 1]);
  if (collapsed.length < 2 * minRun) return false;
  const seen = new Set<string>();
  for (let i = 0; i + minRun <= collapsed.length; i++) {
    const window = collapsed.slice(i, i + minRun).join('\u0000');
    if (seen.has(window)) return true;
    seen.add(window);
  }
  return false;
}

export function checkCapture(frames: readonly TrackFrame[], t: FrameThresholds): IntegrityReport {
  const reasons = new Set<ReasonCode>();
  const samples: Sample[] = [];
  let multi = 0;
  let missing = 0;
  frames.forEach((frame, index) => {
    const usable = frame.faces.filter((f) => f.score >= t.minFaceScore);
    if (usable.length > 1 || frame.faces.length > 1) multi++;
    const face = usable[0];
    if (usable.length === 1 && frame.faces.length === 1 && face) {
      samples.push({ index, tMs: frame.tMs, face, ear: faceEar(face) });
    } else if (usable.length === 0) missing++;
  });

  for (let i = 1; i < frames.length; i++) {
    const prev = frames[i - 1];
    const cur = frames[i];
    if (prev && cur && !(cur.tMs > prev.tMs)) reasons.add('BAD_TIMESTAMPS');
  }
  if (frames.length < t.minFrames) reasons.add('TOO_FEW_FRAMES');
  if (multi > 0) reasons.add('MULTIPLE_FACES');
  if (frames.length > 0 && (missing > t.maxNoFaceFraction * frames.length || samples.length < t.minFrames)) {
    if (multi === 0) reasons.add('NO_FACE');
  }

  const first = frames[0];
  const last = frames[frames.length - 1];
  const durationMs = first && last ? last.tMs - first.tMs : 0;
  const fps = durationMs > 0 ? ((frames.length - 1) * 1000) / durationMs : 0;
  if (frames.length >= 2 && fps < t.minFps) reasons.add('LOW_FRAME_RATE');

  const widths = samples.map((s) => s.face.box.width);
  const medianWidth = median(widths);
  if (samples.length > 0 && medianWidth < t.minFaceWidthPx) reasons.add('FACE_TOO_SMALL');

  let discontinuities = 0;
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1];
    const b = samples[i];
    if (a && b && iou(a.face.box, b.face.box) < t.minIoU && centreJump(a.face.box, b.face.box) > t.maxCentreJump) {
      discontinuities++;
    }
  }
  if (discontinuities > 0) reasons.add('FACE_DISCONTINUITY');

  const keys = frames.map(frameKey);
  const identicalRun = longestIdenticalRun(keys);
  const distinct = new Set(keys).size;
  if (frames.length >= t.minFrames && distinct === 1) reasons.add('STILL_IMAGE');
  else if (identicalRun >= t.maxIdenticalRun) reasons.add('FROZEN_VIDEO');
  if (hasLoop(keys, t.minLoopRun)) reasons.add('LOOPED_VIDEO');

  return {
    samples,
    reasons: [...reasons],
    metrics: {
      frames: frames.length,
      usableFrames: samples.length,
      multiFaceFrames: multi,
      noFaceFrames: missing,
      fps,
      durationMs,
      medianFaceWidthPx: Number.isFinite(medianWidth) ? medianWidth : 0,
      discontinuities,
      longestIdenticalRun: identicalRun,
      distinctFrames: distinct,
    },
  };
}

/** Nothing but rigid motion across the whole attempt: pose and eye opening never changed beyond noise. */
export function isStillAcrossAttempt(captures: readonly (readonly Sample[])[], t: FrameThresholds): boolean {
  const all = captures.flat();
  if (all.length < t.minFrames) return false;
  const range = (xs: readonly number[]): number => Math.max(...xs) - Math.min(...xs);
  const yawRange = range(all.map((s) => s.face.yawDeg));
  const pitchRange = range(all.map((s) => s.face.pitchDeg));
  const ears = all.map((s) => s.ear);
  const earMedian = median(ears);
  const earRelRange = earMedian > 0 ? range(ears) / earMedian : 0;
  return yawRange < t.stillPoseRangeDeg && pitchRange < t.stillPoseRangeDeg && earRelRange < t.stillEarRelativeRange;
}
