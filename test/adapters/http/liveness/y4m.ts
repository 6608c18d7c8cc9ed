// Fake-camera clips for Chromium (--use-file-for-fake-video-capture): YUV4MPEG2 4:2:0 files built at test time from
// the face fixtures. Chromium loops the clip, so a live clip is longer than one challenge's recording (a repeat
// inside one recording would read as a looped video) and every frame carries its own sensor noise.
import { openSync, writeSync, closeSync } from 'node:fs';
import { closeEyes, turnCylinder, type FaceLayout, type Raw } from '../../face/fixtures.ts';

export const CLIP_WIDTH = 640;
export const CLIP_HEIGHT = 480;

/** The image centred on a mid-grey frame of the clip's size. */
function frameOf(src: Raw): Raw {
  const out = Buffer.alloc(CLIP_WIDTH * CLIP_HEIGHT * 3, 128);
  const ox = Math.floor((CLIP_WIDTH - src.width) / 2);
  const oy = Math.floor((CLIP_HEIGHT - src.height) / 2);
  for (let y = 0; y < src.height; y++) {
    const ty = y + oy;
    if (ty < 0 || ty >= CLIP_HEIGHT) continue;
    for (let x = 0; x < src.width; x++) {
      const tx = x + ox;
      if (tx < 0 || tx >= CLIP_WIDTH) continue;
      src.data.copy(out, (ty * CLIP_WIDTH + tx) * 3, (y * src.width + x) * 3, (y * src.width + x) * 3 + 3);
    }
  }
  return { width: CLIP_WIDTH, height: CLIP_HEIGHT, data: out };
}

/** BT.601 limited-range I420 of an RGB frame. */
function toI420(rgb: Raw): Buffer {
  const { width: w, height: h, data } = rgb;
  const out = Buffer.alloc(w * h * 1.5);
  for (let i = 0; i < w * h; i++) {
    const r = data[i * 3] ?? 0;
    const g = data[i * 3 + 1] ?? 0;
    const b = data[i * 3 + 2] ?? 0;
    out[i] = Math.round(16 + (65.738 * r + 129.057 * g + 25.064 * b) / 256);
  }
  const cw = w / 2;
  for (let cy = 0; cy < h / 2; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const p = ((cy * 2 + dy) * w + cx * 2 + dx) * 3;
        r += data[p] ?? 0;
        g += data[p + 1] ?? 0;
        b += data[p + 2] ?? 0;
      }
      r /= 4;
      g /= 4;
      b /= 4;
      out[w * h + cy * cw + cx] = Math.round(128 + (-37.945 * r - 74.494 * g + 112.439 * b) / 256);
      out[w * h + (w * h) / 4 + cy * cw + cx] = Math.round(128 + (112.439 * r - 94.154 * g - 18.285 * b) / 256);
    }
  }
  return out;
}

/** A copy with +-1 luma noise on every 7th pixel (seeded), as a sensor would add; seed 0 = no noise. */
function withNoise(i420: Buffer, seed: number): Buffer {
  if (seed === 0) return i420;
  const out = Buffer.from(i420);
  const luma = CLIP_WIDTH * CLIP_HEIGHT;
  let s = (seed * 2654435761) >>> 0;
  for (let i = 0; i < luma; i += 7) {
    s = (s * 1103515245 + 12345) >>> 0;
    out[i] = Math.max(16, Math.min(235, (out[i] ?? 0) + ((s >>> 16) % 3) - 1));
  }
  return out;
}

export function writeY4m(path: string, fps: number, frames: readonly { raw: Raw; noise: number }[]): void {
  const fd = openSync(path, 'w');
  const converted = new Map<Raw, Buffer>();
  try {
    writeSync(fd, `YUV4MPEG2 W${CLIP_WIDTH} H${CLIP_HEIGHT} F${fps}:1 Ip A1:1 C420jpeg\n`);
    for (const f of frames) {
      let i420 = converted.get(f.raw);
      if (!i420) {
        i420 = toI420(frameOf(f.raw));
        converted.set(f.raw, i420);
      }
      writeSync(fd, 'FRAME\n');
      writeSync(fd, withNoise(i420, f.noise));
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * A live clip of 5 s at 15 fps (2 x 37 frames + 1): twice over, a blink (eyes closing over four frames) and a head shake (the face
 * turned as a cylinder to +-55 degrees), with frontal frames between, so that any 3.5 s recording holds both.
 */
export function writeLiveClip(path: string, base: Raw, layout: FaceLayout): void {
  const blink = [0.5, 1, 1, 0.5];
  // the turned poses are held for a few frames, so a recording at 10-12 fps of this 15 fps clip sees them
  const shake = [25, 45, 55, 55, 55, 45, 20, 0, -20, -45, -55, -55, -55, -45, -20, 0];
  type Pose = { closure: number; yaw: number };
  const half: Pose[] = [
    ...Array.from({ length: 8 }, () => ({ closure: 0, yaw: 0 })),
    ...blink.map((closure) => ({ closure, yaw: 0 })),
    ...Array.from({ length: 6 }, () => ({ closure: 0, yaw: 0 })),
    ...shake.map((yaw) => ({ closure: 0, yaw })),
    ...Array.from({ length: 3 }, () => ({ closure: 0, yaw: 0 })),
  ];
  const poses = [...half, ...half, { closure: 0, yaw: 0 }];
  const cache = new Map<string, Raw>();
  const frames = poses.map((p, i) => {
    const key = `${p.closure}/${p.yaw}`;
    let raw = cache.get(key);
    if (!raw) {
      raw =
        p.closure > 0
          ? closeEyes(base, layout.eyes, p.closure)
          : p.yaw !== 0
            ? turnCylinder(base, p.yaw, 'yaw', layout.cx, layout.cy, layout.width * 0.5)
            : base;
      cache.set(key, raw);
    }
    return { raw, noise: i + 1 };
  });
  writeY4m(path, 15, frames);
}

/** A still photo: one frame, no noise; Chromium repeats it for ever. */
export function writeStillClip(path: string, base: Raw): void {
  writeY4m(path, 15, [{ raw: base, noise: 0 }]);
}
