// Builds the demo's attempt-set frames from Eileen Collins's portrait (the face engine measures the face, then
// the frames are drawn): seconds of CPU, so it runs in a worker thread of its own (demo-frames-entry.mjs), never
// on the event loop of the server that is starting.
import { parentPort } from 'node:worker_threads';
import { getFaceEngine } from '../adapters/face/engine.ts';
import { LEFT_EYE_INDICES, RIGHT_EYE_INDICES } from '../adapters/face/track.ts';
import { COLLINS, buildRealAttempt, loadRaw, toJpeg, type RealAttempt } from '../adapters/face/synthetic-faces.ts';

export async function collinsAttempt(): Promise<RealAttempt> {
  const engine = await getFaceEngine();
  const base = await loadRaw(COLLINS);
  const face = (await engine.analyse(await toJpeg(base))).faces[0];
  if (!face) throw new Error('the engine found no face in the demo portrait');
  const eyes = [LEFT_EYE_INDICES, RIGHT_EYE_INDICES].map((indices) =>
    indices.map((i) => [face.mesh[i]?.[0] ?? 0, face.mesh[i]?.[1] ?? 0] as const),
  );
  return buildRealAttempt(
    { cx: face.box.x + face.box.width / 2, cy: face.box.y + face.box.height / 2, width: face.box.width, eyes },
    base,
  );
}

if (parentPort) {
  const port = parentPort;
  collinsAttempt().then(
    (attempt) => port.postMessage({ attempt }),
    (error: unknown) => port.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
}
