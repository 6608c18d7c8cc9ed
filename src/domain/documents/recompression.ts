// Traces of JPEG re-compression (double quantisation), one sign of digital editing: a photo that was opened in an
// editor and saved again as JPEG carries the quantisation of both saves. The method is the double-quantisation
// analysis of Popescu & Farid ("Statistical tools for digital forensics", 2004; Lukáš & Fridrich 2003):
//
//   1. the file's luminance quantisation table Q2 is read from its DQT segment;
//   2. the image's luminance (Y, recomputed exactly from the decoded RGB) is cut into the 8 × 8 blocks of the JPEG
//      grid and each block's DCT is taken; for nine low-frequency AC positions the coefficients divided by Q2 are
//      rounded back to the integers the file stores;
//   3. a photo quantised once gives each position a smooth, peaked histogram (the log of a Laplacian is a straight
//      line either side of 0); one quantised first with Q1 and then with Q2 has periodic gaps or double bins
//      (Q1 > Q2: bins no value can reach; Q1 < Q2: every few bins collect two of the first quantisation's steps).
//      The measure is the mean absolute second difference of the log histogram over the populated bins, 2 ≤ |k|;
//      above RECOMPRESSION_LIMIT the file is taken as saved twice.
//
// What it does not see, and the check says so: a second save at the same quality (same table: nothing changes); a
// first save so fine that its steps are below one of the second's; a re-save after cropping by other than a
// multiple of 8 pixels (the grids no longer line up) or after resizing; and any file that is not a JPEG. A flat,
// textureless image gives too few coefficients to judge (INCONCLUSIVE). Passing it is not proof of an unedited file.

/** JPEG zig-zag order: the k-th stored coefficient's [row, column] in the 8 × 8 block. */
const ZIGZAG: readonly (readonly [number, number])[] = (() => {
  const order: [number, number][] = [];
  for (let s = 0; s < 15; s++) {
    const cells: [number, number][] = [];
    for (let r = 0; r < 8; r++) {
      const c = s - r;
      if (c >= 0 && c < 8) cells.push([r, c]);
    }
    order.push(...(s % 2 === 0 ? cells.reverse() : cells));
  }
  return order;
})();

/** The IJG (libjpeg) standard luminance table, in zig-zag order: qualities are scalings of it. */
const IJG_LUMINANCE = [
  16, 11, 12, 14, 12, 10, 16, 14, 13, 14, 18, 17, 16, 19, 24, 40, 26, 24, 22, 22, 24, 49, 35, 37, 29, 40, 58, 51, 61,
  60, 57, 51, 56, 55, 64, 72, 92, 78, 64, 68, 87, 69, 55, 56, 80, 109, 81, 87, 95, 98, 103, 104, 103, 62, 77, 113, 121,
  112, 100, 120, 92, 101, 103, 99,
];

/**
 * The quantisation tables of a JPEG file, by table id, each in zig-zag order; null when the bytes are not a JPEG.
 * Reads the DQT segments (8- and 16-bit entries) up to the start of the scan.
 */
export function jpegQuantTables(bytes: Uint8Array): Map<number, number[]> | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const tables = new Map<number, number[]>();
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return tables;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break;
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    if (marker === 0xdb) {
      let p = at + 4;
      const end = at + 2 + length;
      while (p < end) {
        const precision = (bytes[p] ?? 0) >> 4;
        const id = (bytes[p] ?? 0) & 0x0f;
        p++;
        const table: number[] = [];
        for (let i = 0; i < 64; i++) {
          table.push(precision ? ((bytes[p] ?? 0) << 8) | (bytes[p + 1] ?? 0) : (bytes[p] ?? 0));
          p += precision ? 2 : 1;
        }
        tables.set(id, table);
      }
    }
    at += 2 + length;
  }
  return tables;
}

/** The IJG quality (1–100) a luminance table corresponds to, estimated from its mean scaling of the standard one. */
export function estimatedQuality(luminance: readonly number[]): number {
  let scale = 0;
  for (let i = 0; i < 64; i++) scale += ((luminance[i] ?? 1) * 100) / (IJG_LUMINANCE[i] ?? 1);
  scale /= 64;
  const quality = scale <= 100 ? (200 - scale) / 2 : 5000 / scale;
  return Math.max(1, Math.min(100, Math.round(quality)));
}

/** The analysis's finding on one file. */
export interface RecompressionFinding {
  /** SINGLE: one quantisation; DOUBLE: traces of two; INCONCLUSIVE: too little texture; NOT_JPEG: not analysed */
  readonly verdict: 'SINGLE' | 'DOUBLE' | 'INCONCLUSIVE' | 'NOT_JPEG';
  /** the measure (mean |second difference| of the log histograms), 0 when not measured */
  readonly score: number;
  /** the quality of the last save, estimated from its luminance table; 0 when not a JPEG */
  readonly quality: number;
}

/**
 * Above this measure a file is taken as saved twice. Measured on specimen documents and photos (test/domain/documents/
 * recompression.test.ts): one save at quality 70–95 scores 0.14–0.51; a save at 60–85 then again at 85–92 scores
 * 1.6–2.9; a first save finer than the last (90 then 85) scores 0.3–0.5 and is not told apart.
 */
export const RECOMPRESSION_LIMIT = 1.0;
/** At least this many populated histogram bins are needed to judge. */
const MIN_BINS = 24;
const RANGE = 30;
/** A bin and its neighbours must hold this many coefficients to count. */
const MIN_COUNT = 40;
/** The low-frequency AC positions analysed (zig-zag indices). */
const POSITIONS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

/** The 1-D DCT-II basis scaled as JPEG's (C(0) = 1/√2), [frequency][sample]. */
const BASIS: readonly Float64Array[] = Array.from({ length: 8 }, (_, u) => {
  const row = new Float64Array(8);
  for (let x = 0; x < 8; x++) row[x] = (u === 0 ? Math.SQRT1_2 : 1) * Math.cos(((2 * x + 1) * u * Math.PI) / 16);
  return row;
});

/**
 * The finding for an image: `rgb` is the decoded image (3 channels, as the file stores it: not rotated or
 * scaled), `bytes` the file. Pure computation; the caller decodes.
 */
export function recompressionFinding(
  bytes: Uint8Array,
  rgb: { readonly data: Uint8Array; readonly width: number; readonly height: number; readonly channels: number },
): RecompressionFinding {
  const tables = jpegQuantTables(bytes);
  const luminance = tables?.get(0);
  if (!luminance) return { verdict: 'NOT_JPEG', score: 0, quality: 0 };
  const quality = estimatedQuality(luminance);
  const { data, width, height, channels } = rgb;
  const bw = Math.floor(width / 8);
  const bh = Math.floor(height / 8);
  const histograms = POSITIONS.map(() => new Float64Array(2 * RANGE + 1));
  const block = new Float64Array(64);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      let clipped = false;
      for (let y = 0; y < 8; y++) {
        for (let x = 0; x < 8; x++) {
          const i = ((by * 8 + y) * width + bx * 8 + x) * channels;
          const r = data[i] ?? 0;
          const g = data[i + 1] ?? 0;
          const b = data[i + 2] ?? 0;
          if (r === 0 || r === 255 || g === 0 || g === 255 || b === 0 || b === 255) clipped = true;
          block[y * 8 + x] = 0.299 * r + 0.587 * g + 0.114 * b - 128;
        }
      }
      // a clipped pixel breaks the exact round trip to the stored coefficients: the block is left out
      if (clipped) continue;
      POSITIONS.forEach((zz, p) => {
        const [u, v] = ZIGZAG[zz] ?? [0, 0];
        const bu = BASIS[u] ?? BASIS[0];
        const bv = BASIS[v] ?? BASIS[0];
        if (!bu || !bv) return;
        let sum = 0;
        for (let y = 0; y < 8; y++) {
          const wy = bu[y] ?? 0;
          for (let x = 0; x < 8; x++) sum += wy * (bv[x] ?? 0) * (block[y * 8 + x] ?? 0);
        }
        const coefficient = Math.round(sum / 4 / (luminance[zz] ?? 1));
        const histogram = histograms[p];
        if (histogram && Math.abs(coefficient) <= RANGE)
          histogram[coefficient + RANGE] = (histogram[coefficient + RANGE] ?? 0) + 1;
      });
    }
  }
  let total = 0;
  let bins = 0;
  for (const h of histograms) {
    for (let k = -RANGE + 1; k <= RANGE - 1; k++) {
      if (Math.abs(k) < 2) continue;
      const at = (j: number): number => h[j + RANGE] ?? 0;
      if (at(k - 1) + at(k) + at(k + 1) < MIN_COUNT) continue;
      const second = Math.log(at(k) + 1) - (Math.log(at(k - 1) + 1) + Math.log(at(k + 1) + 1)) / 2;
      total += Math.abs(second);
      bins++;
    }
  }
  if (bins < MIN_BINS) return { verdict: 'INCONCLUSIVE', score: 0, quality };
  const score = total / bins;
  return {
    verdict: score > RECOMPRESSION_LIMIT ? 'DOUBLE' : 'SINGLE',
    score: Math.round(score * 1000) / 1000,
    quality,
  };
}
