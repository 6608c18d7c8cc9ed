// Face engine: @vladmandic/human on the tfjs wasm backend, models read from its npm package through a
// file:// fetch shim (nothing is fetched from the network), sharp for decoding. One warm engine per process.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { Config, FaceResult, Human as HumanClass } from '@vladmandic/human';
import type * as TfCore from '@tensorflow/tfjs-core';

const require = createRequire(import.meta.url);

/** Decoded raw RGB frame, 3 bytes per pixel, row-major. */
export interface RgbFrame {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export interface FaceBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export type MeshPoint = readonly [number, number, number];

export interface FaceObservation {
  readonly box: FaceBox;
  /** overall face confidence 0..1 */
  readonly score: number;
  /** 478-point mesh (MediaPipe indices) in pixels; empty when the mesh was not found */
  readonly mesh: readonly MeshPoint[];
  readonly yawDeg: number;
  readonly pitchDeg: number;
  readonly rollDeg: number;
  /** 1024-d faceres descriptor, only when asked for */
  readonly descriptor?: readonly number[];
}

export interface FrameAnalysis {
  readonly width: number;
  readonly height: number;
  readonly faces: readonly FaceObservation[];
  /** sha1 of the decoded, resized RGB pixels: identical digests mean identical frames */
  readonly digest: string;
  /** wall time of this call (decode + inference) */
  readonly ms: number;
}

export interface AnalyseOptions {
  /** compute the face descriptor (about 3x the cost of a tracking frame) */
  readonly descriptor?: boolean;
}

export interface FaceEngine {
  readonly backend: 'wasm';
  readonly humanVersion: string;
  /** median wall time of a tracking frame (decode + detect + mesh + iris), measured at load on a face image */
  readonly perFrameMs: number;
  /** median wall time of a descriptor frame (tracking + faceres), measured at load */
  readonly perDescriptorFrameMs: number;
  /** wall time to load models and measure costs */
  readonly loadMs: number;
  analyse(input: Buffer | Uint8Array | RgbFrame, options?: AnalyseOptions): Promise<FrameAnalysis>;
}

export class FaceEngineError extends Error {
  override readonly name = 'FaceEngineError';
}

/** Largest edge fed to the models; bigger inputs are downscaled (keeps cost per frame bounded). */
const MAX_EDGE = 640;
const MAX_FACES = 3;

function humanDir(): string {
  // the package's "exports" lacks './' on subpaths, so resolve the main entry and walk up
  return resolve(dirname(require.resolve('@vladmandic/human')), '..');
}

let shimInstalled = false;
/** Serves file:// URLs from disk for Human's model loader; every other URL goes to the original fetch. */
function installFileFetchShim(): void {
  if (shimInstalled) return;
  shimInstalled = true;
  const realFetch = globalThis.fetch;
  const shim = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith('file://')) {
      const path = fileURLToPath(url);
      const body = await readFile(path);
      return new Response(body, {
        status: 200,
        headers: { 'content-type': path.endsWith('.json') ? 'application/json' : 'application/octet-stream' },
      });
    }
    return realFetch(input, init);
  };
  globalThis.fetch = shim;
}

function engineConfig(dir: string): Partial<Config> {
  const wasmDir = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), '/');
  return {
    backend: 'wasm',
    wasmPath: wasmDir.endsWith('/') ? wasmDir : `${wasmDir}/`,
    modelBasePath: pathToFileURL(join(dir, 'models') + '/').href,
    cacheModels: false,
    warmup: 'none',
    debug: false,
    async: true,
    cacheSensitivity: 0,
    skipAllowed: false,
    filter: { enabled: false } as Config['filter'],
    gesture: { enabled: false },
    body: { enabled: false } as Config['body'],
    hand: { enabled: false } as Config['hand'],
    object: { enabled: false } as Config['object'],
    segmentation: { enabled: false } as Config['segmentation'],
    face: {
      enabled: true,
      detector: {
        modelPath: 'blazeface.json',
        rotation: false,
        maxDetected: MAX_FACES,
        skipFrames: 0,
        skipTime: 0,
        minConfidence: 0.5,
        minSize: 0,
        iouThreshold: 0.1,
        scale: 1.4,
        mask: false,
        return: false,
      },
      mesh: { enabled: true, modelPath: 'facemesh.json', keepInvalid: false },
      attention: { enabled: false, modelPath: 'facemesh-attention.json' },
      iris: { enabled: true, scale: 2.3, modelPath: 'iris.json' },
      emotion: { enabled: false, minConfidence: 0.1, skipFrames: 0, skipTime: 0, modelPath: 'emotion.json' },
      description: { enabled: true, modelPath: 'faceres.json', skipFrames: 0, skipTime: 0, minConfidence: 0.1 },
      antispoof: { enabled: false, skipFrames: 0, skipTime: 0, modelPath: 'antispoof.json' },
      liveness: { enabled: false, skipFrames: 0, skipTime: 0, modelPath: 'liveness.json' },
      gear: { enabled: false, skipFrames: 0, skipTime: 0, minConfidence: 0.1, modelPath: 'gear.json' },
    } as Config['face'],
  };
}

function isRgbFrame(input: Buffer | Uint8Array | RgbFrame): input is RgbFrame {
  return !(input instanceof Uint8Array);
}

/** Decodes (JPEG/PNG/WebP/...) and downscales to at most MAX_EDGE, returning raw RGB. */
export async function decodeImage(input: Buffer | Uint8Array | RgbFrame): Promise<RgbFrame> {
  const pipeline = isRgbFrame(input)
    ? sharp(input.data, { raw: { width: input.width, height: input.height, channels: 3 } })
    : sharp(input).rotate();
  const { data, info } = await pipeline
    .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new FaceEngineError(`expected 3 channels after decode, got ${info.channels}`);
  return { width: info.width, height: info.height, data };
}

const RAD_TO_DEG = 180 / Math.PI;

function toObservation(face: FaceResult, withDescriptor: boolean): FaceObservation {
  const [x, y, width, height] = face.box;
  const angle = face.rotation?.angle ?? { yaw: 0, pitch: 0, roll: 0 };
  const mesh = face.mesh.map((p): MeshPoint => [p[0], p[1], p[2] ?? 0]);
  const base = {
    box: { x, y, width, height },
    score: face.score,
    mesh,
    yawDeg: angle.yaw * RAD_TO_DEG,
    pitchDeg: angle.pitch * RAD_TO_DEG,
    rollDeg: angle.roll * RAD_TO_DEG,
  };
  return withDescriptor && face.embedding && face.embedding.length > 0
    ? { ...base, descriptor: Array.from(face.embedding) }
    : base;
}

/** The face image Human itself embeds for warm-up (src/sample.ts of the npm package); used to time a frame. */
function sampleFaceJpeg(dir: string): Buffer | undefined {
  try {
    const source = readFileSync(join(dir, 'src', 'sample.ts'), 'utf8');
    const match = /export const face: string = `([^`]+)`/.exec(source);
    return match?.[1] ? Buffer.from(match[1].replace(/\s+/g, ''), 'base64') : undefined;
  } catch {
    return undefined;
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

interface HumanModule {
  Human: new (config?: Partial<Config>) => HumanClass;
  version?: string;
}

async function createEngine(): Promise<FaceEngine> {
  const started = performance.now();
  installFileFetchShim();
  const dir = humanDir();
  const tf = require('@tensorflow/tfjs-core') as typeof TfCore;
  const mod = require(join(dir, 'dist', 'human.node-wasm.js')) as HumanModule;
  const human = new mod.Human(engineConfig(dir));
  await human.load();
  await human.init();
  // tfjs silently falls back to the slow cpu backend when wasm fails: refuse to run in that case
  if (tf.getBackend() !== 'wasm') throw new FaceEngineError(`face engine backend is ${tf.getBackend()}, expected wasm`);
  const humanVersion = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;

  const noDescriptor: Partial<Config> = { face: { description: { enabled: false } } as Config['face'] };
  const withDescriptor: Partial<Config> = { face: { description: { enabled: true } } as Config['face'] };

  async function analyse(input: Buffer | Uint8Array | RgbFrame, options: AnalyseOptions = {}): Promise<FrameAnalysis> {
    const t0 = performance.now();
    const frame = await decodeImage(input);
    const tensor = tf.tensor4d(frame.data, [1, frame.height, frame.width, 3], 'int32');
    try {
      const wantDescriptor = options.descriptor === true;
      const result = await human.detect(tensor, wantDescriptor ? withDescriptor : noDescriptor);
      if (result.error) throw new FaceEngineError(`face engine: ${result.error}`);
      const faces = result.face.map((f) => toObservation(f, wantDescriptor));
      const digest = createHash('sha1').update(frame.data).digest('hex');
      return { width: frame.width, height: frame.height, faces, digest, ms: performance.now() - t0 };
    } finally {
      tf.dispose(tensor);
    }
  }

  // measure the per-frame cost on a face image (the first call compiles kernels, so it is not counted)
  const sample = sampleFaceJpeg(dir);
  const probe: Buffer | RgbFrame = sample ?? { width: 480, height: 480, data: new Uint8Array(480 * 480 * 3).fill(128) };
  await analyse(probe, { descriptor: true });
  const tracking: number[] = [];
  const described: number[] = [];
  for (let i = 0; i < 3; i++) tracking.push((await analyse(probe)).ms);
  for (let i = 0; i < 2; i++) described.push((await analyse(probe, { descriptor: true })).ms);

  return {
    backend: 'wasm',
    humanVersion,
    perFrameMs: median(tracking),
    perDescriptorFrameMs: median(described),
    loadMs: performance.now() - started,
    analyse,
  };
}

let enginePromise: Promise<FaceEngine> | undefined;

/**
 * Whether this thread has asked for the engine. The server's own thread never should: its analyses run in
 * worker threads (analysis-pool.ts, document-pool.ts), which each load their own.
 */
export function faceEngineRequestedInThisThread(): boolean {
  return enginePromise !== undefined;
}

/** The process-wide engine, loaded on first use. A failed load is not cached, so a later call retries. */
export function getFaceEngine(): Promise<FaceEngine> {
  if (!enginePromise) {
    enginePromise = createEngine().catch((error: unknown) => {
      enginePromise = undefined;
      throw error;
    });
  }
  return enginePromise;
}
