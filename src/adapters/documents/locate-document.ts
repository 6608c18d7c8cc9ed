// Cuts the document out of a wide photo and sets it straight before it is read (domain/documents/locate.ts finds
// it on a small copy): the full photo is turned by the found angle, the document's box is found again on the turned
// copy, and that box (with a small margin) is cut from the full-resolution turned photo. A photo that is the
// document already comes back as it was.
import sharp, { type Sharp } from 'sharp';
import { documentBox, locateDocument, type RgbImage } from '../../domain/documents/locate.ts';

/** The photo is analysed at this width: enough for the outline, cheap to scan. */
const ANALYSE_WIDTH = 400;
/** Margin kept around the found box, as a share of its size. */
const MARGIN = 0.015;

export interface LocatedDocument {
  /** the document, turned straight and cut out (PNG), or the photo unchanged */
  readonly image: Buffer;
  /** whether the document was found in a wider photo (and cut out) */
  readonly located: boolean;
  /** how far it was turned, degrees clockwise */
  readonly angleDeg: number;
}

interface Raw {
  readonly data: Buffer;
  readonly info: { readonly width: number; readonly height: number; readonly channels: 1 | 2 | 3 | 4 };
}

const fromRaw = (raw: Raw): Sharp =>
  sharp(raw.data, { raw: { width: raw.info.width, height: raw.info.height, channels: raw.info.channels } });

async function small(raw: Raw): Promise<RgbImage & { scale: number }> {
  const { data, info } = await fromRaw(raw)
    .resize({ width: ANALYSE_WIDTH })
    .blur(1)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels, scale: raw.info.width / info.width };
}

export async function locateAndStraighten(photo: Buffer): Promise<LocatedDocument> {
  const upright: Raw = await sharp(photo).rotate().removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const placement = locateDocument(await small(upright));
  if (!placement) return { image: photo, located: false, angleDeg: 0 };
  const [r, g, b] = placement.background;
  const turned: Raw = await fromRaw(upright)
    .rotate(placement.angleDeg, { background: { r, g, b } })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const view = await small(turned);
  const box = documentBox(view, placement.background);
  if (!box) return { image: photo, located: false, angleDeg: 0 };
  const margin = Math.round(Math.max(box.width, box.height) * MARGIN);
  const left = Math.max(0, Math.floor((box.left - margin) * view.scale));
  const top = Math.max(0, Math.floor((box.top - margin) * view.scale));
  const right = Math.min(turned.info.width, Math.ceil((box.left + box.width + margin) * view.scale));
  const bottom = Math.min(turned.info.height, Math.ceil((box.top + box.height + margin) * view.scale));
  const image = await fromRaw(turned)
    .extract({ left, top, width: right - left, height: bottom - top })
    .png({ compressionLevel: 1 })
    .toBuffer();
  return { image, located: true, angleDeg: placement.angleDeg };
}
