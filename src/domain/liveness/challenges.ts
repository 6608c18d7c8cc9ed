// BLINK by eye aspect ratio, NOD by pitch excursion, SHAKE by yaw excursion, over one capture's track.
import { clamp01, median, round4 } from './geometry.ts';
import { checkCapture, type Sample } from './integrity.ts';
import type { LivenessThresholds } from './thresholds.ts';
import type { Challenge, ChallengeCapture, ChallengeResult, ReasonCode } from './types.ts';

interface Movement {
  readonly passed: boolean;
  readonly score: number;
  readonly evidence: number;
  /** set when the movement failed for a reason other than "not enough of it" */
  readonly reason?: ReasonCode;
  readonly metrics: Readonly<Record<string, number>>;
}

type MovementRule = (samples: readonly Sample[], t: LivenessThresholds) => Movement;

interface Baseline {
  readonly yaw: number;
  readonly pitch: number;
  readonly ear: number;
}

function baseline(samples: readonly Sample[], t: LivenessThresholds): Baseline {
  const start = samples[0]?.tMs ?? 0;
  const early = samples.filter((s) => s.tMs - start <= t.frames.baselineMs);
  const base = early.length > 0 ? early : samples;
  return {
    yaw: median(base.map((s) => s.face.yawDeg)),
    pitch: median(base.map((s) => s.face.pitchDeg)),
    ear: median(samples.map((s) => s.ear)),
  };
}

const EMPTY: Movement = { passed: false, score: 0, evidence: -1, metrics: {} };

const blink: MovementRule = (samples, t) => {
  if (samples.length === 0) return EMPTY;
  const b = baseline(samples, t);
  const closedBelow = Math.min(t.blink.closedRatio * b.ear, t.blink.closedAbsolute);
  const openAtLeast = t.blink.reopenRatio * b.ear;
  let blinks = 0;
  let wasOpen = false;
  let closedStart: Sample | undefined;
  let closedEnd: Sample | undefined;
  let phaseTrough: Sample | undefined;
  let bestTrough: Sample | undefined;
  let tooLong = false;
  for (const s of samples) {
    if (s.ear >= openAtLeast) {
      if (closedStart && closedEnd && phaseTrough) {
        if (closedEnd.tMs - closedStart.tMs <= t.blink.maxClosedMs) {
          blinks++;
          if (!bestTrough || phaseTrough.ear < bestTrough.ear) bestTrough = phaseTrough;
        } else tooLong = true;
      }
      wasOpen = true;
      closedStart = undefined;
      closedEnd = undefined;
      phaseTrough = undefined;
    } else if (s.ear < closedBelow && wasOpen) {
      closedStart ??= s;
      closedEnd = s;
      if (!phaseTrough || s.ear < phaseTrough.ear) phaseTrough = s;
    }
  }
  const trough = bestTrough ?? samples.reduce((m, s) => (s.ear < m.ear ? s : m));
  const closure = b.ear > 0 ? 1 - trough.ear / b.ear : 0;
  const depth = Math.min(closure / (1 - t.blink.closedRatio), trough.ear > 0 ? t.blink.closedAbsolute / trough.ear : 1);
  const passed = blinks >= t.blink.minBlinks;
  return {
    passed,
    score: clamp01(0.5 * depth),
    evidence: trough.index,
    metrics: {
      baselineEar: b.ear,
      troughEar: trough.ear,
      closure,
      blinks,
      closedBelow,
      openAtLeast,
      tooLong: tooLong ? 1 : 0,
    },
  };
};

function excursions(values: readonly number[], base: number): { up: number; down: number; range: number } {
  const d = values.map((v) => v - base);
  const up = Math.max(0, ...d);
  const down = Math.max(0, ...d.map((x) => -x));
  return { up, down, range: Math.max(...d) - Math.min(...d) };
}

const nod: MovementRule = (samples, t) => {
  if (samples.length === 0) return EMPTY;
  const b = baseline(samples, t);
  const d = samples.map((s) => s.face.pitchDeg - b.pitch);
  const { up, down, range } = excursions(
    samples.map((s) => s.face.pitchDeg),
    b.pitch,
  );
  let peak = 0;
  d.forEach((x, i) => {
    if (Math.abs(x) > Math.abs(d[peak] ?? 0)) peak = i;
  });
  const peakValue = d[peak] ?? 0;
  const excursion = Math.abs(peakValue);
  const sign = Math.sign(peakValue);
  const returned = Math.max(0, ...d.slice(peak + 1).map((x) => (peakValue - x) * sign));
  const bothSides = up >= t.nod.minExcursionDeg && down >= t.nod.minExcursionDeg;
  const offAxis = Math.max(...samples.map((s) => Math.abs(s.face.yawDeg - b.yaw)));
  const enough = excursion >= t.nod.minExcursionDeg && range >= t.nod.minRangeDeg;
  const back = bothSides || returned >= t.nod.returnFraction * excursion;
  const wrong = offAxis > t.nod.maxOffAxisDeg;
  return {
    passed: enough && back && !wrong,
    score: clamp01(0.5 * Math.min(excursion / t.nod.minExcursionDeg, range / t.nod.minRangeDeg)),
    evidence: samples[peak]?.index ?? -1,
    ...(wrong ? { reason: 'WRONG_MOVEMENT' as const } : {}),
    metrics: {
      baselinePitchDeg: b.pitch,
      upDeg: up,
      downDeg: down,
      rangeDeg: range,
      returnedDeg: returned,
      offAxisYawDeg: offAxis,
    },
  };
};

const shake: MovementRule = (samples, t) => {
  if (samples.length === 0) return EMPTY;
  const b = baseline(samples, t);
  const { up, down, range } = excursions(
    samples.map((s) => s.face.yawDeg),
    b.yaw,
  );
  let peak = 0;
  samples.forEach((s, i) => {
    if (Math.abs(s.face.yawDeg - b.yaw) > Math.abs((samples[peak]?.face.yawDeg ?? b.yaw) - b.yaw)) peak = i;
  });
  const offAxis = Math.max(...samples.map((s) => Math.abs(s.face.pitchDeg - b.pitch)));
  const wrong = offAxis > t.shake.maxOffAxisDeg;
  const enough = up >= t.shake.minExcursionDeg && down >= t.shake.minExcursionDeg && range >= t.shake.minRangeDeg;
  return {
    passed: enough && !wrong,
    score: clamp01(
      0.5 * Math.min(up / t.shake.minExcursionDeg, down / t.shake.minExcursionDeg, range / t.shake.minRangeDeg),
    ),
    evidence: samples[peak]?.index ?? -1,
    ...(wrong ? { reason: 'WRONG_MOVEMENT' as const } : {}),
    metrics: { baselineYawDeg: b.yaw, rightDeg: up, leftDeg: down, rangeDeg: range, offAxisPitchDeg: offAxis },
  };
};

const RULES: Readonly<Record<Challenge, { rule: MovementRule; notDetected: ReasonCode }>> = {
  BLINK: { rule: blink, notDetected: 'BLINK_NOT_DETECTED' },
  NOD: { rule: nod, notDetected: 'NOD_NOT_DETECTED' },
  SHAKE: { rule: shake, notDetected: 'SHAKE_NOT_DETECTED' },
};

/** Frontal (yaw near 0, pitch near its baseline: frontal stills read pitch +4..10), eyes open, confident. */
function bestFrame(samples: readonly Sample[], t: LivenessThresholds): number {
  if (samples.length === 0) return -1;
  const b = baseline(samples, t);
  const open = samples.filter((s) => s.ear >= t.blink.reopenRatio * b.ear);
  const pool = open.length > 0 ? open : samples;
  const quality = (s: Sample): number =>
    s.face.score - (Math.abs(s.face.yawDeg) + Math.abs(s.face.pitchDeg - b.pitch)) / 45;
  return pool.reduce((best, s) => (quality(s) > quality(best) ? s : best)).index;
}

export function evaluateChallenge(capture: ChallengeCapture, t: LivenessThresholds): ChallengeResult {
  const integrity = checkCapture(capture.frames, t.frames);
  const { rule, notDetected } = RULES[capture.challenge];
  const start = capture.frames[0]?.tMs ?? 0;
  const inWindow = integrity.samples.filter((s) => s.tMs - start <= t.maxChallengeMs);
  const movement = rule(inWindow, t);
  const reasons = new Set<ReasonCode>(integrity.reasons);
  if (!movement.passed) {
    if (movement.reason) reasons.add(movement.reason);
    else if (inWindow.length < integrity.samples.length && rule(integrity.samples, t).passed) reasons.add('TIMEOUT');
    else reasons.add(notDetected);
  }
  const metrics: Record<string, number> = {};
  for (const [k, v] of Object.entries({ ...integrity.metrics, ...movement.metrics })) metrics[k] = round4(v);
  return {
    challenge: capture.challenge,
    result: reasons.size === 0 ? 'PASS' : 'FAIL',
    score: round4(movement.score),
    bestFrameIndex: bestFrame(inWindow, t),
    evidenceFrameIndex: movement.evidence,
    reasons: [...reasons],
    metrics,
  };
}
