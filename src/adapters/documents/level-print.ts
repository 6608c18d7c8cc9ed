// Sets a page's print level before it is read: the slant is found on a small grey copy (domain/documents/skew.ts)
// and the page turned back by it; a page already level comes back as it was, without resampling.
import sharp from 'sharp';
import { printSkew } from '../../domain/documents/skew.ts';

/** The slant is looked for at this width: text lines a few pixels high, cheap to scan. */
const ANALYSE_WIDTH = 600;

export interface LevelledPage {
  readonly image: Buffer;
  /** how far the page was turned, degrees clockwise (0: left as it was) */
  readonly angleDeg: number;
}

export async function levelPrint(page: Buffer): Promise<LevelledPage> {
  const { data, info } = await sharp(page)
    .rotate()
    .greyscale()
    .resize({ width: ANALYSE_WIDTH })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const angleDeg = printSkew({ data, width: info.width, height: info.height });
  if (angleDeg === 0) return { image: page, angleDeg };
  // what turning uncovers is filled white, as paper: no edge for the OCR to take for print
  const image = await sharp(page)
    .rotate()
    .rotate(angleDeg, { background: '#ffffff' })
    .png({ compressionLevel: 1 })
    .toBuffer();
  return { image, angleDeg };
}
