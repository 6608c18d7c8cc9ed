// Traces of a second JPEG save (domain/documents/recompression.ts) on specimen documents and on a photograph: the
// file's quantisation table and quality read back, one save never taken for two, a save at a lower quality then
// again at a higher one always found, and what the method does not see said as such.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import {
  estimatedQuality,
  jpegQuantTables,
  recompressionFinding,
  RECOMPRESSION_LIMIT,
} from '../../../src/domain/documents/recompression.ts';
import { drawLicence } from '../../../src/adapters/documents/licence-specimens.ts';
import { renderSpecimen } from '../../../src/adapters/documents/specimens.ts';
import { COFFEE, missingImages } from '../../../src/adapters/face/synthetic-faces.ts';
import { HOPPER_NSW } from '../http/documents/licences.ts';
import { GRACE } from '../http/documents/support.ts';

const skip = missingImages();

async function finding(file: Buffer) {
  const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return recompressionFinding(file, { data, width: info.width, height: info.height, channels: info.channels });
}
const jpeg = (png: Buffer, quality: number) => sharp(png).jpeg({ quality }).toBuffer();

test('the luminance quantisation table is read from the file and its quality estimated', async () => {
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#808080' } })
    .png()
    .toBuffer();
  for (const quality of [50, 75, 92]) {
    const tables = jpegQuantTables(await jpeg(png, quality));
    const luminance = tables?.get(0);
    assert.ok(luminance, `quality ${quality}: a luminance table`);
    assert.equal(luminance.length, 64);
    assert.ok(Math.abs(estimatedQuality(luminance) - quality) <= 1, `quality ${quality} estimated`);
  }
  assert.equal(jpegQuantTables(png), null);
  assert.deepEqual(await finding(png), { verdict: 'NOT_JPEG', score: 0, quality: 0 });
  // a flat grey square gives no coefficients to judge
  assert.equal((await finding(await jpeg(png, 90))).verdict, 'INCONCLUSIVE');
});

test('one save is never taken for two; a coarser save under a finer one always shows', { skip }, async (t) => {
  const images: [string, Buffer][] = [
    ['NSW licence', await drawLicence(HOPPER_NSW)],
    [
      'passport page',
      await sharp(await renderSpecimen(GRACE, { quality: 100 }))
        .png()
        .toBuffer(),
    ],
    ['photograph (coffee)', await sharp(readFileSync(COFFEE)).png().toBuffer()],
  ];
  let highestSingle = 0;
  let lowestDouble = Infinity;
  for (const [label, png] of images) {
    for (const quality of [75, 92, 95]) {
      const once = await finding(await jpeg(png, quality));
      highestSingle = Math.max(highestSingle, once.score);
      assert.equal(once.verdict, 'SINGLE', `${label}, one save at ${quality}: score ${once.score}`);
    }
    for (const [first, second] of [
      [60, 90],
      [80, 92],
    ] as const) {
      const twice = await finding(await jpeg(await jpeg(png, first), second));
      lowestDouble = Math.min(lowestDouble, twice.score);
      assert.equal(twice.verdict, 'DOUBLE', `${label}, saved at ${first} then ${second}: score ${twice.score}`);
      assert.ok(Math.abs(twice.quality - second) <= 1, 'the last save quality');
    }
    // the limits of the method, as documented: the same quality twice leaves no trace
    const same = await finding(await jpeg(await jpeg(png, 92), 92));
    assert.equal(same.verdict, 'SINGLE', `${label}, 92 then 92 is not told apart`);
  }
  t.diagnostic(
    `one save scored at most ${highestSingle}; two saves at least ${lowestDouble}; limit ${RECOMPRESSION_LIMIT}`,
  );
});
