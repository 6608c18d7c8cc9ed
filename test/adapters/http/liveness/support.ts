// Helpers for the liveness API and browser tests: real-image attempts from the face fixtures (Collins blinking
// and shaking, built at test time), JSON and multipart submissions, and a canned analysis for flow tests.
import assert from 'node:assert/strict';
import type { TestApp } from '../../../support/app.ts';
import { getFaceEngine } from '../../../../src/adapters/face/engine.ts';
import { LEFT_EYE_INDICES, RIGHT_EYE_INDICES } from '../../../../src/adapters/face/track.ts';
import type { LivenessAnalysis, LivenessAttemptInput } from '../../../../src/app/liveness-analysis.ts';
import type { Challenge, PassFail } from '../../../../src/domain/liveness/index.ts';
import {
  COLLINS,
  HOPPER,
  buildRealAttempt,
  loadRaw,
  toJpeg,
  type FaceLayout,
  type Raw,
  type RealAttempt,
} from '../../face/fixtures.ts';

export interface Headers {
  headers: Record<string, string>;
}

export async function officer(t: TestApp, email: string, roles: string[]): Promise<Headers> {
  const created = await t.services.casework.officers.create({
    email,
    fullName: email.split('@')[0] ?? email,
    roles,
    password: 'correct horse battery staple',
  });
  const { token } = await t.services.casework.officers.issueApiToken(
    { officerId: created.id, roles: ['administrator'] },
    created.id,
    'tests',
  );
  return { headers: { authorization: `Bearer ${token}` } };
}

export interface Faces {
  base: Raw;
  layout: FaceLayout;
  collinsJpeg: Buffer;
  hopperJpeg: Buffer;
}

let faces: Promise<Faces> | undefined;
let attempt: Promise<RealAttempt> | undefined;

/** A blinking/shaking attempt built from Collins's portrait (built once per process). */
export function realAttempt(): Promise<RealAttempt> {
  attempt ??= realFaces().then((f) => buildRealAttempt(f.layout, f.base));
  return attempt;
}

/** Collins's portrait and its layout as the engine measures it (once per process). */
export function realFaces(): Promise<Faces> {
  faces ??= (async () => {
    const engine = await getFaceEngine();
    const base = await loadRaw(COLLINS);
    const collinsJpeg = await toJpeg(base);
    const a = await engine.analyse(collinsJpeg);
    const f = a.faces[0];
    assert.ok(f, 'no face in the Collins portrait');
    const eyes = [LEFT_EYE_INDICES, RIGHT_EYE_INDICES].map((idx) =>
      idx.map((i) => [f.mesh[i]?.[0] ?? 0, f.mesh[i]?.[1] ?? 0] as const),
    );
    const layout = { cx: f.box.x + f.box.width / 2, cy: f.box.y + f.box.height / 2, width: f.box.width, eyes };
    return { base, layout, collinsJpeg, hopperJpeg: await toJpeg(await loadRaw(HOPPER)) };
  })();
  return faces;
}

export interface Frame {
  image: Buffer;
  tMs: number;
}

export function jsonSubmission(selfie: Buffer, captures: { challenge: string; frames: Frame[] }[]): object {
  return {
    selfie: { image: selfie.toString('base64') },
    captures: captures.map((c) => ({
      challenge: c.challenge,
      frames: c.frames.map((f) => ({ image: f.image.toString('base64'), tMs: f.tMs })),
    })),
  };
}

/**
 * The real attempt's frames in the order the server asked for the challenges, captured one after another 4 s
 * apart; the head never nods, so BLINK and SHAKE pass and NOD fails.
 */
export async function capturesWithoutNod(challenges: readonly string[]): Promise<{
  selfie: Buffer;
  captures: { challenge: string; frames: Frame[] }[];
}> {
  const a = await realAttempt();
  const frames: Record<string, Frame[]> = { BLINK: a.blink, SHAKE: a.shake, NOD: a.noNod };
  let t0 = 0;
  const captures = challenges.map((challenge) => {
    const list = frames[challenge] ?? [];
    const first = list[0]?.tMs ?? 0;
    const shifted = list.map((f) => ({ image: f.image, tMs: t0 + f.tMs - first }));
    t0 += 4000;
    return { challenge, frames: shifted };
  });
  return { selfie: a.selfie, captures };
}

/** The person's side of a liveness link: start an attempt set and send it without a nod; its result. */
export async function attemptSetWithoutNod(t: TestApp, token: string): Promise<string> {
  const started = await t.app.inject({ method: 'POST', url: `/liveness/${token}/attempts` });
  assert.equal(started.statusCode, 200, started.body);
  const view = started.json<{ attempt: { id: string; challenges: string[] } }>();
  const { selfie, captures } = await capturesWithoutNod(view.attempt.challenges);
  const submitted = await t.app.inject({
    method: 'POST',
    url: `/liveness/${token}/attempts/${view.attempt.id}`,
    payload: jsonSubmission(selfie, captures),
  });
  assert.equal(submitted.statusCode, 200, submitted.body);
  return submitted.json<{ result: string }>().result;
}

/** multipart/form-data as the page sends it: selfie, BLINK/NOD/SHAKE files in order, timestamps JSON. */
export function multipartSubmission(
  selfie: Buffer | undefined,
  captures: { challenge: string; frames: Frame[] }[],
  extra: { name: string; value: string }[] = [],
  timestamps?: string,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----pono-liveness-boundary';
  const parts: Buffer[] = [];
  const file = (name: string, content: Buffer, index: number) => {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}-${index}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      content,
      Buffer.from('\r\n'),
    );
  };
  const field = (name: string, value: string) =>
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  const times: Record<string, number[]> = {};
  for (const c of captures) times[c.challenge] = c.frames.map((f) => f.tMs);
  field('timestamps', timestamps ?? JSON.stringify(times));
  for (const e of extra) field(e.name, e.value);
  if (selfie) file('selfie', selfie, 0);
  for (const c of captures) c.frames.forEach((f, i) => file(c.challenge, f.image, i));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A few copies of one image as a capture (cheap to analyse; fails as a still image). */
export function stillCapture(
  challenge: Challenge,
  image: Buffer,
  start: number,
  n = 3,
): { challenge: Challenge; frames: Frame[] } {
  return { challenge, frames: Array.from({ length: n }, (_, i) => ({ image, tMs: start + i * 100 })) };
}

/** A canned analysis: every requested challenge with the given result (flow tests that need a decided PASS). */
export function cannedAnalysis(result: PassFail): (input: LivenessAttemptInput) => Promise<LivenessAnalysis> {
  return async (input) => {
    const challenges = input.requested.map((challenge) => ({
      challenge,
      result,
      score: result === 'PASS' ? 0.75 : 0.1,
      bestFrameIndex: 0,
      evidenceFrameIndex: 0,
      reasons: result === 'PASS' ? [] : [`${challenge}_NOT_DETECTED` as const],
      metrics: {},
    }));
    const evaluation = challenges.map((c) => ({
      type: 'Liveness Assessment' as const,
      detail: `${c.challenge} (Score: ${c.score.toFixed(4)})`,
      result: c.result,
    }));
    return {
      outcome: {
        liveness: result,
        reasons: challenges.flatMap((c) => c.reasons),
        challenges,
        sameFace: [],
        faceMatch: 'MATCH',
        result,
        faceAuthentication: [],
        evaluation,
        calibrationId: 'canned',
      },
      evaluation,
      faces: [],
      frames: challenges.map((c) => ({ challenge: c.challenge, bestFrameIndex: 0, evidenceFrameIndex: 0 })),
      tracks: input.captures.map((c) => ({
        challenge: c.challenge,
        frames: c.frames.map((f) => ({ tMs: f.tMs, faces: [] })),
      })),
      timing: { trackingFrames: 0, descriptorFrames: 0, engineMs: 0, totalMs: 0, threadId: 0 },
    };
  };
}
