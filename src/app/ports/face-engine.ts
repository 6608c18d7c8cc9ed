// The face engine as the liveness use case sees it: one image in, the faces it holds out, already in the domain's
// terms (box, angles, eye points). The composition root (src/main) hands in the engine built in src/adapters/face.
import type { TrackFace } from '../../domain/liveness/types.ts';

export interface EngineFace extends TrackFace {
  /** the face descriptor, only when asked for */
  readonly descriptor?: readonly number[];
}

export interface EngineFrame {
  readonly faces: readonly EngineFace[];
  /** the same digest means the same frame (a replayed image) */
  readonly digest: string;
  /** wall time of this call */
  readonly ms: number;
}

export interface FaceAnalyser {
  /** descriptor: compute each face's descriptor too (about 3x the cost of tracking alone) */
  analyse(image: Buffer, options?: { readonly descriptor?: boolean }): Promise<EngineFrame>;
}
