// Finding a document in a wide photo (a card or a data page lying on a table, turned, with background around it),
// so that it can be turned straight and cut out before it is read. Pure geometry on a small image:
//
//   1. the background's colour is the median of the photo's border; when the border is not mostly of one colour,
//      the document fills the frame (or the background is too busy to tell apart) and nothing is done;
//   2. every pixel far from that colour is the document's; its turn is the orientation of the region's principal
//      axis (second moments), folded into −45°…45° (a document photographed upright or lying on its side is
//      turned to the nearest of them);
//   3. turned by that angle, the region must fill its bounding box (a document is a rectangle): a ragged region
//      is not taken for a document.
//
// The adapter (src/adapters/documents/locate-document.ts) turns the full photo by the angle and finds the box again
// on the turned image, then cuts it out.

export interface RgbImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly channels: number;
}

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface Placement {
  /** degrees to turn the photo clockwise to set the document straight */
  readonly angleDeg: number;
  /** the background colour, to fill what turning uncovers */
  readonly background: readonly [number, number, number];
  /** the document's share of the photo */
  readonly area: number;
}

/** Limits (tuned on specimens laid on a table; see test/adapters/documents/locate-document.test.ts). */
export const LOCATE_LIMITS = {
  /** a pixel this far (sum of absolute channel differences) from the background colour is the document's */
  colourDistance: 90,
  /** at least this share of the border must be of the background colour */
  uniformBorder: 0.8,
  /** the document is at least this share of the photo, and at most `maxArea` (else it fills the frame) */
  minArea: 0.08,
  maxArea: 0.85,
  /** the turned region fills at least this share of its bounding box */
  minFill: 0.85,
} as const;

function borderMedian(image: RgbImage): [number, number, number] {
  const { data, width, height, channels } = image;
  const values: number[][] = [[], [], []];
  const push = (x: number, y: number): void => {
    const i = (y * width + x) * channels;
    for (let c = 0; c < 3; c++) values[c]?.push(data[i + c] ?? 0);
  };
  for (let x = 0; x < width; x++) {
    push(x, 0);
    push(x, height - 1);
  }
  for (let y = 1; y < height - 1; y++) {
    push(0, y);
    push(width - 1, y);
  }
  const median = (list: number[] = []): number => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
  return [median(values[0]), median(values[1]), median(values[2])];
}

const far = (image: RgbImage, i: number, colour: readonly number[]): boolean =>
  Math.abs((image.data[i] ?? 0) - (colour[0] ?? 0)) +
    Math.abs((image.data[i + 1] ?? 0) - (colour[1] ?? 0)) +
    Math.abs((image.data[i + 2] ?? 0) - (colour[2] ?? 0)) >
  LOCATE_LIMITS.colourDistance;

function borderUniform(image: RgbImage, colour: readonly number[]): boolean {
  const { width, height, channels } = image;
  let near = 0;
  let total = 0;
  const test = (x: number, y: number): void => {
    total++;
    if (!far(image, (y * width + x) * channels, colour)) near++;
  };
  for (let x = 0; x < width; x++) {
    test(x, 0);
    test(x, height - 1);
  }
  for (let y = 1; y < height - 1; y++) {
    test(0, y);
    test(width - 1, y);
  }
  return total > 0 && near / total >= LOCATE_LIMITS.uniformBorder;
}

/** The document's pixels: far from the background colour. */
function foreground(image: RgbImage, colour: readonly number[]): { xs: number[]; ys: number[] } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (far(image, (y * image.width + x) * image.channels, colour)) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  return { xs, ys };
}

/** A robust bounding box: the 0.5th to 99.5th percentile of each coordinate (stray pixels do not stretch it). */
function percentileBox(xs: readonly number[], ys: readonly number[]): Box {
  const at = (list: readonly number[], q: number): number => {
    const sorted = [...list].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * (sorted.length - 1))))] ?? 0;
  };
  const left = at(xs, 0.005);
  const top = at(ys, 0.005);
  return { left, top, width: at(xs, 0.995) - left + 1, height: at(ys, 0.995) - top + 1 };
}

/** Where the document lies in the photo and how it is turned, or null when the photo is the document already. */
export function locateDocument(image: RgbImage): Placement | null {
  const background = borderMedian(image);
  if (!borderUniform(image, background)) return null;
  const { xs, ys } = foreground(image, background);
  const area = xs.length / (image.width * image.height);
  if (area < LOCATE_LIMITS.minArea || area > LOCATE_LIMITS.maxArea) return null;
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx;
    const dy = (ys[i] ?? 0) - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  // the principal axis's angle below the x axis (image y points down): the document is turned clockwise by it
  let axis = (0.5 * Math.atan2(2 * sxy, sxx - syy) * 180) / Math.PI;
  if (axis > 45) axis -= 90;
  if (axis < -45) axis += 90;
  const rad = (-axis * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const rx: number[] = [];
  const ry: number[] = [];
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx;
    const dy = (ys[i] ?? 0) - my;
    rx.push(dx * cos - dy * sin);
    ry.push(dx * sin + dy * cos);
  }
  const box = percentileBox(rx, ry);
  const fill = n / Math.max(1, box.width * box.height);
  if (fill < LOCATE_LIMITS.minFill) return null;
  return { angleDeg: -axis, background, area };
}

/** The document's box in a photo already turned straight (same background), or null when none stands out. */
export function documentBox(image: RgbImage, background: readonly number[]): Box | null {
  const { xs, ys } = foreground(image, background);
  if (xs.length === 0) return null;
  return percentileBox(xs, ys);
}
