// Synthetic liveness frames built from images in installed packages (nothing is copied into the repo), for the
// face tests and the demo's liveness check:
// Grace Hopper (Debian python-matplotlib-data, US Navy photo, public domain), Eileen Collins (Debian python3-skimage,
// NASA, public domain), the face-api group photos stay in node_modules (private persons) and are not used here.
import { existsSync, readFileSync } from 'node:fs';
import sharp from 'sharp';

export const HOPPER = '/usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg';
export const COLLINS = '/usr/lib/python3/dist-packages/skimage/data/astronaut.png';
export const COFFEE = '/usr/lib/python3/dist-packages/skimage/data/coffee.png';

/** Reason to skip real-image tests, or undefined when the Debian packages are installed. */
export function missingImages(): string | undefined {
  const missing = [HOPPER, COLLINS, COFFEE].filter((p) => !existsSync(p));
  return missing.length > 0
    ? `face images missing (apt-get install python-matplotlib-data python3-skimage): ${missing.join(', ')}`
    : undefined;
}

export interface Raw {
  readonly width: number;
  readonly height: number;
  readonly data: Buffer;
}

export async function loadRaw(path: string, maxEdge = 480): Promise<Raw> {
  const { data, info } = await sharp(readFileSync(path))
    .resize({ width: maxEdge, height: maxEdge, fit: 'inside' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

/**
 * Pixel (x, y) of `out` takes the colour of `src` at (sx, sy), mixed from its four nearest pixels; a point outside
 * `src` leaves the pixel as it is.
 */
function sampleBilinear(src: Raw, out: Buffer, x: number, y: number, sx: number, sy: number): void {
  const { width: w, height: h, data } = src;
  if (sx < 0 || sy < 0 || sx >= w - 1 || sy >= h - 1) return;
  const x0 = Math.floor(sx);
  const y0 = Math.floor(sy);
  const fx = sx - x0;
  const fy = sy - y0;
  for (let ch = 0; ch < 3; ch++) {
    const p = (yy: number, xx: number): number => data[(yy * w + xx) * 3 + ch] ?? 0;
    const top = p(y0, x0) * (1 - fx) + p(y0, x0 + 1) * fx;
    const bottom = p(y0 + 1, x0) * (1 - fx) + p(y0 + 1, x0 + 1) * fx;
    out[(y * w + x) * 3 + ch] = Math.round(top * (1 - fy) + bottom * fy);
  }
}

/**
 * The photo as a plane turned about its vertical (yaw) or horizontal (pitch) centre line by `deg`, seen through a
 * pinhole camera at distance `focal` x width. Inverse mapping with bilinear sampling; outside is mid grey.
 */
export function turnPlane(src: Raw, deg: number, axis: 'yaw' | 'pitch', focal = 1.2): Raw {
  const { width: w, height: h } = src;
  const out = Buffer.alloc(w * h * 3, 128);
  const th = (deg * Math.PI) / 180;
  const f = focal * w;
  const cx = w / 2;
  const cy = h / 2;
  const c = Math.cos(th);
  const s = Math.sin(th);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // along the turning direction a = u, across b = v
      const u = axis === 'yaw' ? x - cx : y - cy;
      const v = axis === 'yaw' ? y - cy : x - cx;
      const denom = f * c - u * s;
      if (denom <= 0) continue;
      const A = (u * f) / denom;
      const B = (v * (f + A * s)) / f;
      const sx = axis === 'yaw' ? A + cx : B + cx;
      const sy = axis === 'yaw' ? B + cy : A + cy;
      sampleBilinear(src, out, x, y, sx, sy);
    }
  }
  return { width: w, height: h, data: out };
}

export function toJpeg(raw: Raw, quality = 90): Promise<Buffer> {
  return sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 3 } })
    .jpeg({ quality })
    .toBuffer();
}

/** Two faces side by side (for the MULTIPLE_FACES path). */
export async function sideBySide(a: string, b: string): Promise<Buffer> {
  const left = await sharp(readFileSync(a)).resize(320, 360, { fit: 'cover' }).removeAlpha().toBuffer();
  const right = await sharp(readFileSync(b)).resize(320, 360, { fit: 'cover' }).removeAlpha().toBuffer();
  return sharp({ create: { width: 640, height: 360, channels: 3, background: '#808080' } })
    .composite([
      { input: left, left: 0, top: 0 },
      { input: right, left: 320, top: 0 },
    ])
    .jpeg()
    .toBuffer();
}

/**
 * Head turn: the face region treated as a cylinder (axis vertical for yaw, horizontal for pitch) of radius `radius`
 * around (cx, cy), turned by `deg`. The nose moves more than the cheeks, as on a real head; a flat turn
 * (turnPlane) barely changes the engine's yaw.
 */
export function turnCylinder(
  src: Raw,
  deg: number,
  axis: 'yaw' | 'pitch',
  cx: number,
  cy: number,
  radius: number,
): Raw {
  const { width: w, height: h, data } = src;
  const out = Buffer.from(data);
  const th = (deg * Math.PI) / 180;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const along = axis === 'yaw' ? x - cx : y - cy;
      const across = axis === 'yaw' ? y - cy : x - cx;
      if (Math.abs(along) >= radius || Math.abs(across) > radius * 1.4) continue;
      const phi = Math.asin(along / radius) - th;
      if (Math.abs(phi) >= Math.PI / 2) continue;
      // fade the effect out towards the cylinder's ends so there is no seam
      const fade =
        Math.min(1, (radius * 1.4 - Math.abs(across)) / (radius * 0.4)) *
        Math.min(1, (radius - Math.abs(along)) / (radius * 0.15));
      const srcAlong = along + (radius * Math.sin(phi) - along) * fade;
      const sx = axis === 'yaw' ? srcAlong + cx : x;
      const sy = axis === 'yaw' ? y : srcAlong + cy;
      sampleBilinear(src, out, x, y, sx, sy);
    }
  }
  return { width: w, height: h, data: out };
}

/** Eye corners/lids as [x, y] points, e.g. from the engine's mesh. */
export type EyeOutline = readonly (readonly [number, number])[];

/**
 * Closes the eyes by `closure` (0 open .. 1 shut): the skin above each eye is pulled down and the skin below pulled up
 * until they meet at a dark lash line, as lids do.
 */
export function closeEyes(src: Raw, eyes: readonly EyeOutline[], closure: number): Raw {
  const { width: w, height: h, data } = src;
  const out = Buffer.from(data);
  for (const eye of eyes) {
    const xs = eye.map((p) => p[0]);
    const ys = eye.map((p) => p[1]);
    const x0 = Math.min(...xs);
    const x1 = Math.max(...xs);
    const top = Math.min(...ys);
    const bottom = Math.max(...ys);
    const eyeH = Math.max(3, bottom - top);
    const mid = (top + bottom) / 2 + eyeH * 0.15;
    const padX = (x1 - x0) * 0.3;
    const above = top - eyeH * 1.2;
    const below = bottom + eyeH * 1.2;
    for (let y = Math.max(0, Math.floor(above)); y <= Math.min(h - 1, Math.ceil(below)); y++) {
      for (let x = Math.max(0, Math.floor(x0 - padX)); x <= Math.min(w - 1, Math.ceil(x1 + padX)); x++) {
        const edge = Math.max(0, Math.min(1, Math.min(x - (x0 - padX), x1 + padX - x) / padX));
        const k = closure * edge;
        // shut: [above, mid] samples [above, top - eyeH*0.1], [mid, below] samples [bottom + eyeH*0.1, below]
        const shut =
          y < mid
            ? above + ((y - above) / (mid - above)) * (top - eyeH * 0.1 - above)
            : below - ((below - y) / (below - mid)) * (below - bottom - eyeH * 0.1);
        const sy = Math.min(h - 1, Math.max(0, Math.round(y + (shut - y) * k)));
        const lash = Math.abs(y - mid) < Math.max(1, eyeH * 0.12) ? 0.45 * k : 0;
        for (let ch = 0; ch < 3; ch++) {
          out[(y * w + x) * 3 + ch] = Math.round((data[(sy * w + x) * 3 + ch] ?? 0) * (1 - lash));
        }
      }
    }
  }
  return { width: w, height: h, data: out };
}

/** Tiny per-frame sensor noise, so that consecutive frames are never byte-identical (real cameras never are). */
export function jitter(src: Raw, seed: number): Raw {
  const out = Buffer.from(src.data);
  let s = (seed * 2654435761) >>> 0;
  for (let i = 0; i < out.length; i += 97) {
    s = (s * 1103515245 + 12345) >>> 0;
    const v = (out[i] ?? 0) + ((s >>> 16) % 3) - 1;
    out[i] = Math.max(0, Math.min(255, v));
  }
  return { width: src.width, height: src.height, data: out };
}

export interface SequenceFrame {
  readonly image: Buffer;
  readonly tMs: number;
}

export interface RealAttempt {
  readonly selfie: Buffer;
  readonly blink: SequenceFrame[];
  readonly shake: SequenceFrame[];
  /** the head never moves: a NOD that must fail */
  readonly noNod: SequenceFrame[];
  readonly application: Buffer;
  readonly otherPerson: Buffer;
}

/** Eye outlines and face geometry, as measured once by the engine on the base image. */
export interface FaceLayout {
  readonly cx: number;
  readonly cy: number;
  readonly width: number;
  readonly eyes: readonly EyeOutline[];
}

/**
 * A live-looking attempt built from Eileen Collins's NASA portrait: BLINK by closing the eyes over a few frames at
 * 15 fps, SHAKE by turning the face as a cylinder to +-55 degrees (the engine reads about +-20 degrees of yaw) at 10 fps.
 */
export async function buildRealAttempt(layout: FaceLayout, base: Raw): Promise<RealAttempt> {
  let seed = 1;
  const frame = async (raw: Raw): Promise<Buffer> => toJpeg(jitter(raw, seed++));
  const blinkClosure = [0, 0, 0, 0, 0, 0, 0, 0, 0.5, 1, 1, 0.5, 0, 0, 0, 0];
  const blink: SequenceFrame[] = [];
  for (const [i, c] of blinkClosure.entries()) {
    blink.push({ image: await frame(c > 0 ? closeEyes(base, layout.eyes, c) : base), tMs: 1000 + (i * 1000) / 15 });
  }
  const shakeDeg = [0, 0, 0, 0, 0, 0, 25, 45, 55, 45, 0, -45, -55, -45, -20, 0];
  const shake: SequenceFrame[] = [];
  for (const [i, d] of shakeDeg.entries()) {
    const img = d === 0 ? base : turnCylinder(base, d, 'yaw', layout.cx, layout.cy, layout.width * 0.6);
    shake.push({ image: await frame(img), tMs: 4000 + i * 100 });
  }
  const noNod: SequenceFrame[] = [];
  for (let i = 0; i < 10; i++) noNod.push({ image: await frame(base), tMs: 7000 + i * 100 });
  return {
    selfie: await toJpeg(jitter(base, 999), 85),
    blink,
    shake,
    noNod,
    application: readFileSync(COLLINS),
    otherPerson: readFileSync(HOPPER),
  };
}

/**
 * The demo's AMS photo of the eligible adult (the immigration record's "INZ photo of applicant", BR-48): the same
 * public-domain NASA portrait as the demo's liveness check, scaled down as an older visa photo would be. Undefined
 * when the Debian image is not installed (the demo's 1:1 record then reads "No image returned").
 */
export async function demoAmsPhoto(): Promise<Buffer | undefined> {
  if (!existsSync(COLLINS)) return undefined;
  return sharp(readFileSync(COLLINS))
    .resize({ width: 320 })
    .modulate({ saturation: 0.8 })
    .jpeg({ quality: 82 })
    .toBuffer();
}
