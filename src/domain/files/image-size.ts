// The two image formats liveness accepts (frames, selfies, trusted source faces), and an image's width and height
// read from its header without decoding it.
import { sniffContentType } from './content-type.ts';

const JPEG_OR_PNG = ['image/jpeg', 'image/png'] as const;

/** JPEG or PNG by magic bytes; null for anything else. */
export function jpegOrPng(bytes: Uint8Array): 'image/jpeg' | 'image/png' | null {
  return sniffContentType(bytes, JPEG_OR_PNG);
}

const u16 = (bytes: Uint8Array, at: number) => ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);

/** Width and height from a JPEG's SOF or a PNG's IHDR, without decoding; undefined when not found. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const type = jpegOrPng(bytes);
  if (type === 'image/png') {
    if (bytes.length < 24) return undefined;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (type !== 'image/jpeg') return undefined;
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1] ?? 0;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xff) {
      i += marker === 0xff ? 1 : 2;
      continue;
    }
    const length = u16(bytes, i + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: u16(bytes, i + 7), height: u16(bytes, i + 5) };
    }
    i += 2 + length;
  }
  return undefined;
}
