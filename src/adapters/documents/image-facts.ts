// What a document photo shows about its own quality and history, measured with sharp and exifr: size, focus
// (variance of the Laplacian), glare (clipped highlights), print cut by the photo's edges of the document (cut out of a wider photo when it was
// found in one), and, of the file as it was sent, the software named in its EXIF/XMP metadata and the traces of a
// second JPEG save (domain/documents/recompression.ts).
import sharp from 'sharp';
import exifr from 'exifr';
import type { FrameEdge, ImageFacts } from '../../domain/documents/authenticity.ts';
import { recompressionFinding, type RecompressionFinding } from '../../domain/documents/recompression.ts';

/** Images are measured at this width, so the focus and glare limits do not depend on the camera's resolution. */
const MEASURE_WIDTH = 1000;
/** A grey level at or above this is a clipped highlight. */
const GLARE_LEVEL = 253;
const SOFTWARE_TAGS = ['Software', 'ProcessingSoftware', 'CreatorTool', 'HistorySoftwareAgent'];

async function softwareTags(image: Buffer): Promise<string[]> {
  try {
    const tags = (await exifr.parse(image, { pick: SOFTWARE_TAGS, xmp: true, tiff: true })) as
      Record<string, unknown> | undefined;
    return Object.values(tags ?? {})
      .flat()
      .filter((v): v is string => typeof v === 'string');
  } catch {
    // a file whose metadata cannot be parsed names no software
    return [];
  }
}

/** The file's pixels as stored (not turned by its EXIF orientation), for the JPEG grid's analysis. */
async function recompressionOf(file: Buffer): Promise<RecompressionFinding> {
  const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return recompressionFinding(file, { data, width: info.width, height: info.height, channels: info.channels });
}

/** `image` is the document (cut out and set straight when it was found in a wider photo), `file` the photo sent. */
export async function measureImage(image: Buffer, file: Buffer = image): Promise<ImageFacts> {
  const { width, height } = (await sharp(image).metadata()).autoOrient;
  const { data, info } = await sharp(image)
    .rotate()
    .greyscale()
    .resize({ width: MEASURE_WIDTH })
    .raw()
    .toBuffer({ resolveWithObject: true });
  let clipped = 0;
  for (const level of data) if (level >= GLARE_LEVEL) clipped++;
  return {
    width,
    height,
    sharpness: laplacianVariance(data, info.width, info.height),
    glareFraction: data.length > 0 ? clipped / data.length : 0,
    software: await softwareTags(file),
    recompression: await recompressionOf(file),
    edgePrint: edgePrint(data, info.width, info.height),
  };
}

/** Rows (or columns) in from each edge that are looked at, and the grey step that counts as print there. */
const EDGE_DEPTH = 3;
const EDGE_STEP = 50;

/**
 * Along each edge of a grey image, its outermost EDGE_DEPTH rows or columns, the steps of more than EDGE_STEP
 * levels between pixels two apart, per 1000 pixels: print cut by the edge makes many, a margin or a background few.
 */
function edgePrint(grey: Uint8Array, width: number, height: number): Record<FrameEdge, number> {
  const along: Record<FrameEdge, { length: number; at(i: number, depth: number): number }> = {
    top: { length: width, at: (i, d) => grey[d * width + i] ?? 0 },
    bottom: { length: width, at: (i, d) => grey[(height - 1 - d) * width + i] ?? 0 },
    left: { length: height, at: (i, d) => grey[i * width + d] ?? 0 },
    right: { length: height, at: (i, d) => grey[i * width + width - 1 - d] ?? 0 },
  };
  const steps = (edge: FrameEdge): number => {
    const { length, at } = along[edge];
    let count = 0;
    let seen = 0;
    for (let d = 0; d < Math.min(EDGE_DEPTH, width, height); d++) {
      for (let i = 2; i < length; i++) {
        if (Math.abs(at(i, d) - at(i - 2, d)) > EDGE_STEP) count++;
        seen++;
      }
    }
    return seen > 0 ? (1000 * count) / seen : 0;
  };
  return { top: steps('top'), bottom: steps('bottom'), left: steps('left'), right: steps('right') };
}

/** Variance of the 4-neighbour Laplacian over the inner pixels of a grey image. */
function laplacianVariance(grey: Uint8Array, width: number, height: number): number {
  let sum = 0;
  let squares = 0;
  let count = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const value =
        (grey[i - 1] ?? 0) + (grey[i + 1] ?? 0) + (grey[i - width] ?? 0) + (grey[i + width] ?? 0) - 4 * (grey[i] ?? 0);
      sum += value;
      squares += value * value;
      count++;
    }
  }
  if (count === 0) return 0;
  const mean = sum / count;
  return squares / count - mean * mean;
}
