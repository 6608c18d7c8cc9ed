// The face engine (engine.ts) behind the app's port (src/app/ports/face-engine.ts): each observation mapped to the
// domain's tracked face, its descriptor kept when one was asked for.
import type { FaceAnalyser } from '../../app/ports/face-engine.ts';
import { getFaceEngine, type FaceEngine } from './engine.ts';
import { toTrackFace } from './track.ts';

export function faceAnalyser(engine: FaceEngine): FaceAnalyser {
  return {
    async analyse(image, options) {
      const a = await engine.analyse(image, options);
      return {
        digest: a.digest,
        ms: a.ms,
        faces: a.faces.map((f) => ({ ...toTrackFace(f), ...(f.descriptor ? { descriptor: f.descriptor } : {}) })),
      };
    },
  };
}

/** The process-wide engine (loaded on first use) behind the port. */
export async function loadFaceAnalyser(): Promise<FaceAnalyser> {
  return faceAnalyser(await getFaceEngine());
}
