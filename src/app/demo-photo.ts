// The demo's application photo for an applicant who has no real portrait: a passport-style head-and-shoulders
// silhouette drawn as a PNG, so the demo files an application photo (and the proofing grid reads it from the file)
// whether or not the face images of the Debian packages are installed. No person is shown.
import { deflateSync } from 'node:zlib';

const WIDTH = 210;
const HEIGHT = 270;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.byteLength);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** True where the silhouette covers the pixel: an oval head over rounded shoulders. */
function silhouette(x: number, y: number): boolean {
  const head = ((x - WIDTH / 2) / 52) ** 2 + ((y - 105) / 66) ** 2 <= 1;
  const neck = Math.abs(x - WIDTH / 2) <= 24 && y >= 160 && y <= 195;
  const shoulders = ((x - WIDTH / 2) / 100) ** 2 + ((y - 275) / 90) ** 2 <= 1;
  return head || neck || shoulders;
}

/** A grey silhouette on the pale background of a passport photo, as a PNG (8-bit greyscale). */
export function demoApplicationPhoto(): Buffer {
  const rows = Buffer.alloc((WIDTH + 1) * HEIGHT);
  for (let y = 0; y < HEIGHT; y++) {
    rows[y * (WIDTH + 1)] = 0; // filter: none
    for (let x = 0; x < WIDTH; x++) rows[y * (WIDTH + 1) + 1 + x] = silhouette(x, y) ? 120 : 232;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header.set([8, 0, 0, 0, 0], 8); // bit depth 8, greyscale, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
