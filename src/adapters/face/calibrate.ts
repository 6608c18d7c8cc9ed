// Builds the impostor calibration table for Human's faceres descriptor (cosine) from every distinct face that can be
// obtained on an offline Debian + npm box. Run: node --import tsx src/adapters/face/calibrate.ts [face-api dir]
// See src/domain/liveness/calibration/README.md for the method and provenance. Writes JSON only, never images.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sharp, { type Sharp } from 'sharp';
import { cosineSimilarity } from '../../domain/liveness/geometry.ts';
import type { CalibrationPoint, CalibrationTable } from '../../domain/liveness/fmr.ts';
import { getFaceEngine, type FaceEngine } from './engine.ts';

const OPENCV = '/usr/share/doc/opencv-doc';
const HTML = `${OPENCV}/opencv4/html`;

interface SourceImage {
  readonly path: string;
  readonly origin: string;
  /** one label per detected face, faces sorted by box x; null = not used (duplicate, partial, drawn over) */
  readonly faces: readonly (string | null)[];
  /** faces in the same exclusion group but different images may be the same person: no impostor pair */
  readonly group?: string;
}

/** Identities were assigned by looking at every crop (contact sheet); repeated people share a label. */
export const MANIFEST: readonly SourceImage[] = [
  {
    path: '/usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg',
    origin: 'deb:python-matplotlib-data',
    faces: ['hopper'],
  },
  {
    path: '/usr/lib/python3/dist-packages/skimage/data/astronaut.png',
    origin: 'deb:python3-skimage',
    faces: ['collins'],
  },
  {
    path: '/usr/lib/python3/dist-packages/skimage/data/camera.png',
    origin: 'deb:python3-skimage',
    faces: ['cameraman'],
  },
  { path: `${OPENCV}/examples/data/messi5.jpg`, origin: 'deb:opencv-doc', faces: ['messi'] },
  { path: `${HTML}/inpaint_result.jpg`, origin: 'deb:opencv-doc', faces: [null, null, 'messi'] },
  { path: `${HTML}/227943776_1.jpg`, origin: 'deb:opencv-doc', faces: ['man-smiling'] },
  { path: `${HTML}/230501201_1.jpg`, origin: 'deb:opencv-doc', faces: ['man-goatee'] },
  { path: `${HTML}/face_swapped.jpg`, origin: 'deb:opencv-doc', faces: ['man-goatee'] },
  { path: `${HTML}/Basic_Linear_Transform_Tutorial_Result_big.jpg`, origin: 'deb:opencv-doc', faces: ['lena'] },
  { path: `${HTML}/Sobel_Derivatives_Tutorial_Theory_0.jpg`, origin: 'deb:opencv-doc', faces: ['lena'] },
  { path: `${HTML}/example.jpg`, origin: 'deb:opencv-doc', faces: ['man-glasses', null] },
  { path: `${HTML}/outputVideoInput.png`, origin: 'deb:opencv-doc', faces: ['cgi-girl'] },
  { path: `${HTML}/facereg.jpg`, origin: 'deb:opencv-doc', faces: ['facereg-a', 'facereg-b', 'facereg-c'] },
  { path: `${HTML}/orig_comic.jpg`, origin: 'deb:opencv-doc', faces: ['comic'] },
  { path: `${HTML}/12.jpg`, origin: 'deb:opencv-doc', faces: ['woman-source'] },
  { path: `${HTML}/eigenface_reconstruction_opencv.png`, origin: 'deb:opencv-doc', faces: ['eigenface', null, null] },
  { path: `${HTML}/fisherface_reconstruction_opencv.png`, origin: 'deb:opencv-doc', faces: ['fisherface', null, null] },
  { path: `${HTML}/ab.jpg`, origin: 'deb:opencv-doc', faces: ['woman-dots'] },
  { path: `${HTML}/Cascade_Classifier_Tutorial_Result_Haar.jpg`, origin: 'deb:opencv-doc', faces: ['woman-cascade'] },
  { path: `${HTML}/julia_facedetect_sample.jpg`, origin: 'deb:opencv-doc', faces: ['mona-lisa'] },
  { path: `${HTML}/superpixels_demo.png`, origin: 'deb:opencv-doc', faces: ['man-superpixels'] },
  { path: `${HTML}/Template_Matching_Original_Image.jpg`, origin: 'deb:opencv-doc', faces: ['man-template'] },
  { path: 'human/assets/screenshot-faceid.jpg', origin: 'npm:@vladmandic/human', faces: ['human-man'] },
  {
    path: 'human/assets/screenshot-facedetect.jpg',
    origin: 'npm:@vladmandic/human',
    faces: ['human-man', 'human-woman-a', 'human-woman-b'],
  },
];

function faceApiSources(dir: string): SourceImage[] {
  const out: SourceImage[] = [];
  for (let i = 1; i <= 6; i++) {
    const path = join(dir, 'demo', `sample${i}.jpg`);
    if (!existsSync(path)) continue;
    // group photos of private persons: used from node_modules only; the same woman may be in several photos
    out.push({
      path,
      origin: 'npm:@vladmandic/face-api',
      faces: Array.from({ length: 8 }, (_, k) => `faceapi${i}-${k}`),
      group: 'faceapi',
    });
  }
  return out;
}

interface FaceVector {
  readonly identity: string;
  readonly image: string;
  readonly origin: string;
  readonly group?: string;
  readonly variant: string;
  readonly descriptor: readonly number[];
}

const VARIANTS: readonly { name: string; apply: (img: Sharp) => Sharp }[] = [
  { name: 'original', apply: (img) => img },
  { name: 'flip', apply: (img) => img.flop() },
  { name: 'grey', apply: (img) => img.greyscale() },
  { name: 'dark', apply: (img) => img.modulate({ brightness: 0.7 }) },
  { name: 'blur', apply: (img) => img.blur(1.5) },
];

async function faceCrops(engine: FaceEngine, src: SourceImage, humanDir: string): Promise<FaceVector[]> {
  const path = src.path.startsWith('human/') ? join(humanDir, src.path.slice('human/'.length)) : src.path;
  if (!existsSync(path)) return [];
  const bytes = readFileSync(path);
  const meta = await sharp(bytes).metadata();
  const W = meta.width;
  const H = meta.height;
  const scan = await engine.analyse(bytes);
  const k = W / scan.width;
  const faces = scan.faces.filter((f) => f.score >= 0.6).sort((a, b) => a.box.x - b.box.x);
  const out: FaceVector[] = [];
  for (const [i, face] of faces.entries()) {
    const identity = src.faces[i];
    if (!identity) continue;
    const cx = (face.box.x + face.box.width / 2) * k;
    const cy = (face.box.y + face.box.height / 2) * k;
    const side = Math.max(face.box.width, face.box.height) * k * 1.8;
    const left = Math.max(0, Math.round(cx - side / 2));
    const top = Math.max(0, Math.round(cy - side / 2));
    const region = {
      left,
      top,
      width: Math.min(W - left, Math.round(side)),
      height: Math.min(H - top, Math.round(side)),
    };
    for (const v of VARIANTS) {
      const crop = await v
        .apply(sharp(bytes).extract(region).resize({ width: 320, height: 320, fit: 'inside' }))
        .jpeg({ quality: 92 })
        .toBuffer();
      const r = await engine.analyse(crop, { descriptor: true });
      const best = [...r.faces].sort((a, b) => b.box.width - a.box.width)[0];
      if (!best?.descriptor) continue;
      out.push({
        identity,
        image: path,
        origin: src.origin,
        variant: v.name,
        descriptor: best.descriptor,
        ...(src.group ? { group: src.group } : {}),
      });
    }
  }
  return out;
}

function isImpostorPair(a: FaceVector, b: FaceVector): boolean {
  if (a.identity === b.identity) return false;
  // different photos inside one exclusion group may show the same person
  if (a.group !== undefined && a.group === b.group && a.image !== b.image) return false;
  return true;
}

/** Standard normal upper tail (Abramowitz-Stegun 7.1.26 via erfc). */
function normalUpperTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erfc =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) *
    Math.exp(-x * x);
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

export interface CalibrationBuild {
  readonly table: CalibrationTable;
  readonly stats: Readonly<Record<string, number | string>>;
}

export function buildTable(faces: readonly FaceVector[], descriptorName: string, fmrFloor = 1e-7): CalibrationBuild {
  const impostor: number[] = [];
  const impostorOriginals: number[] = [];
  const genuineAugmented: number[] = [];
  const genuineOtherPhoto: number[] = [];
  const top: { s: number; pair: string }[] = [];
  for (let i = 0; i < faces.length; i++) {
    for (let j = i + 1; j < faces.length; j++) {
      const a = faces[i];
      const b = faces[j];
      if (!a || !b) continue;
      const s = cosineSimilarity(a.descriptor, b.descriptor);
      if (isImpostorPair(a, b)) {
        impostor.push(s);
        if (a.variant === 'original' && b.variant === 'original') {
          impostorOriginals.push(s);
          top.push({ s, pair: `${a.identity}~${b.identity}` });
        }
      } else if (a.identity === b.identity) {
        if (a.image === b.image) genuineAugmented.push(s);
        else if (a.variant === 'original' && b.variant === 'original') genuineOtherPhoto.push(s);
      }
    }
  }
  impostor.sort((x, y) => x - y);
  const n = impostor.length;
  // Tail model: a normal on Fisher z = atanh(cosine), fitted to the upper tail (the 95th and 99th percentiles)
  // rather than to all scores, so that it follows the heavier-than-normal tail seen in the data.
  const zq = (p: number): number => Math.atanh(impostor[Math.min(n - 1, Math.floor(p * n))] ?? 0);
  const sd = (zq(0.99) - zq(0.95)) / (2.326348 - 1.644854);
  const mu = zq(0.95) - 1.644854 * sd;
  const empirical = (s: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((impostor[mid] ?? 0) < s) lo = mid + 1;
      else hi = mid;
    }
    return (n - lo) / n;
  };
  const parametric = (s: number): number => normalUpperTail((Math.atanh(Math.min(0.999999, s)) - mu) / sd);
  const points: CalibrationPoint[] = [];
  for (let k = -20; k <= 99; k++) {
    const s = k / 100;
    points.push({ similarity: s, fmr: Number(Math.max(fmrFloor, empirical(s), parametric(s)).toPrecision(4)) });
  }
  const q = (xs: readonly number[], p: number): number => {
    const s = [...xs].sort((x, y) => x - y);
    return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
  };
  const identities = new Set(faces.map((f) => `${f.group ?? ''}${f.identity}`)).size;
  const table: CalibrationTable = {
    id: `human-faceres-cosine-${new Date().toISOString().slice(0, 10)}`,
    metric: 'cosine',
    descriptor: descriptorName,
    impostorPairs: n,
    distinctFaces: identities,
    fmrFloor,
    points,
    note:
      'Nominal FMR: max(empirical impostor survival, normal tail on atanh(cosine) fitted to the impostor p95 and p99). ' +
      `Built from ${identities} distinct faces; empirical resolution about ${(1 / impostorOriginals.length).toExponential(1)} ` +
      'per independent pair. Same-person pairs are few, so FNMR is not calibrated. See calibration/README.md.',
  };
  return {
    table,
    stats: {
      faces: faces.length,
      identities,
      impostorPairs: n,
      impostorPairsOriginalsOnly: impostorOriginals.length,
      impostorMedian: q(impostor, 0.5),
      impostorP95: q(impostor, 0.95),
      impostorP99: q(impostor, 0.99),
      impostorMax: impostor[n - 1] ?? Number.NaN,
      tailFitZMean: mu,
      tailFitZSd: sd,
      genuineAugmentedPairs: genuineAugmented.length,
      genuineAugmentedP05: q(genuineAugmented, 0.05),
      genuineAugmentedMin: q(genuineAugmented, 0),
      genuineOtherPhotoPairs: genuineOtherPhoto.length,
      topImpostorOriginals: top
        .sort((x, y) => y.s - x.s)
        .slice(0, 8)
        .map((x) => `${x.pair}:${x.s.toFixed(3)}`)
        .join(' '),
      genuineOtherPhotoScores: genuineOtherPhoto.map((x) => x.toFixed(3)).join(' '),
    },
  };
}

function debVersion(pkg: string): string {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Version}', pkg]).toString();
  } catch {
    return 'absent';
  }
}

async function main(): Promise<void> {
  const faceApiDir = process.argv[2] ?? join(process.cwd(), 'node_modules', '@vladmandic', 'face-api');
  const engine = await getFaceEngine();
  const humanDir = join(fileURLToPath(import.meta.resolve('@vladmandic/human')), '..', '..');
  const sources = [...MANIFEST, ...faceApiSources(faceApiDir)];
  const faces: FaceVector[] = [];
  for (const src of sources) {
    const got = await faceCrops(engine, src, humanDir);
    faces.push(...got);
    process.stderr.write(`${src.path}: ${got.length} vectors\n`);
  }
  const build = buildTable(faces, `@vladmandic/human@${engine.humanVersion} faceres 1024-d (wasm)`);
  const here = fileURLToPath(new URL('../../domain/liveness/calibration/', import.meta.url));
  writeFileSync(join(here, 'human-faceres-cosine.json'), JSON.stringify(build.table, null, 1) + '\n');
  const provenance = {
    builtWith: `src/adapters/face/calibrate.ts, @vladmandic/human@${engine.humanVersion}, tfjs wasm`,
    packages: {
      'python-matplotlib-data': debVersion('python-matplotlib-data'),
      'python3-skimage': debVersion('python3-skimage'),
      'opencv-doc': debVersion('opencv-doc'),
      '@vladmandic/face-api': existsSync(join(faceApiDir, 'package.json'))
        ? (JSON.parse(readFileSync(join(faceApiDir, 'package.json'), 'utf8')) as { version: string }).version
        : 'absent',
    },
    variants: VARIANTS.map((v) => v.name),
    faces: [
      ...new Map(
        faces.map((f) => [
          `${f.image}#${f.identity}`,
          { identity: f.identity, origin: f.origin, image: f.image.replace(/^.*node_modules\//, 'node_modules/') },
        ]),
      ).values(),
    ],
    stats: build.stats,
  };
  writeFileSync(join(here, 'provenance.json'), JSON.stringify(provenance, null, 1) + '\n');
  process.stderr.write(`${JSON.stringify(build.stats, null, 1)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  });
}
