// Setting a page's print level before it is read, on specimen pages and cards turned in the frame (no OCR): the
// turn is found within a quarter degree and undone; a straight page comes back as it was, not resampled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSpecimen } from '../../../src/adapters/documents/specimens.ts';
import { renderLicence } from '../../../src/adapters/documents/licence-specimens.ts';
import { levelPrint } from '../../../src/adapters/documents/level-print.ts';
import { missingImages } from '../../../src/adapters/face/synthetic-faces.ts';
import { EILEEN, GRACE } from '../http/documents/support.ts';
import { COLLINS_NZ, HOPPER_NSW } from '../http/documents/licences.ts';

const skip = missingImages();

test('pages and cards turned in the frame are turned back', { skip }, async (t) => {
  // specimens are turned clockwise by rotateDeg; setting them level turns them back the other way
  const turned: [string, Promise<Buffer>, number][] = [
    ['passport turned −1.5°, 1000 px', renderSpecimen(EILEEN, { rotateDeg: -1.5, width: 1000 }), 1.5],
    ['passport turned 1.5°', renderSpecimen(GRACE, { rotateDeg: 1.5 }), -1.5],
    ['passport turned −3°', renderSpecimen(GRACE, { rotateDeg: -3 }), 3],
    ['licence turned 3°', renderLicence(HOPPER_NSW, { rotateDeg: 3 }), -3],
    ['licence turned −2°', renderLicence(COLLINS_NZ, { rotateDeg: -2 }), 2],
  ];
  for (const [label, photo, expected] of turned) {
    const level = await levelPrint(await photo);
    t.diagnostic(`${label}: turned back ${level.angleDeg}°`);
    assert.ok(Math.abs(level.angleDeg - expected) <= 0.25, `${label}: ${level.angleDeg}°`);
  }
});

test('a straight page or card is read as it was', { skip }, async () => {
  for (const [label, photo] of [
    ['passport', await renderSpecimen(GRACE)],
    ['passport, soft, JPEG quality 70', await renderSpecimen(EILEEN, { blurSigma: 1.5, quality: 70 })],
    ['passport with glare', await renderSpecimen(GRACE, { glare: true })],
    ['licence', await renderLicence(COLLINS_NZ)],
  ] as const) {
    const level = await levelPrint(photo);
    assert.equal(level.angleDeg, 0, label);
    assert.equal(level.image, photo, `${label}: the same image`);
  }
});
