// Finding the document in a wide photo: specimen licences and a passport page lying on a table, turned either
// way, are found, turned straight within a degree and a half and cut out at their own size; a photo that is the
// document already (straight or slightly turned) is left as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { onBackground, renderLicence } from '../../../src/adapters/documents/licence-specimens.ts';
import { renderSpecimen } from '../../../src/adapters/documents/specimens.ts';
import { locateAndStraighten } from '../../../src/adapters/documents/locate-document.ts';
import { missingImages } from '../../../src/adapters/face/synthetic-faces.ts';
import { COLLINS_NZ, HOPPER_NSW } from '../http/documents/licences.ts';
import { GRACE } from '../http/documents/support.ts';

const skip = missingImages();

test('documents on a table at an angle are found, turned straight and cut out at their size', { skip }, async (t) => {
  const card = await renderLicence(HOPPER_NSW);
  const page = await renderSpecimen(GRACE);
  const cases: [string, Buffer, number, [number, number]][] = [
    ['licence turned 8°', card, 8, [1012, 638]],
    ['licence turned −25°', await renderLicence(COLLINS_NZ), -25, [1012, 638]],
    ['licence turned 40°', card, 40, [1012, 638]],
    ['licence lying straight', card, 0, [1012, 638]],
    ['passport page turned −10°', page, -10, [1250, 880]],
  ];
  for (const [label, document, angle, [width, height]] of cases) {
    const found = await locateAndStraighten(await onBackground(document, { angleDeg: angle }));
    const size = await sharp(found.image).metadata();
    t.diagnostic(`${label}: turned back ${found.angleDeg.toFixed(1)}°, cut out ${size.width} × ${size.height}`);
    assert.equal(found.located, true, label);
    assert.ok(Math.abs(found.angleDeg + angle) <= 1.5, `${label}: turned back ${found.angleDeg}°`);
    assert.ok(Math.abs(size.width / width - 1) <= 0.08, `${label}: width ${size.width}`);
    assert.ok(Math.abs(size.height / height - 1) <= 0.08, `${label}: height ${size.height}`);
  }
});

test('a photo that is the document already is left as it was', { skip }, async () => {
  for (const [label, photo] of [
    ['licence', await renderLicence(HOPPER_NSW)],
    ['licence turned 3° in the frame', await renderLicence(HOPPER_NSW, { rotateDeg: 3 })],
    ['passport page', await renderSpecimen(GRACE)],
    ['passport page turned 1.5°', await renderSpecimen(GRACE, { rotateDeg: -1.5 })],
    ['passport page with glare', await renderSpecimen(GRACE, { glare: true })],
  ] as const) {
    const found = await locateAndStraighten(photo);
    assert.equal(found.located, false, label);
    assert.equal(found.image, photo, `${label}: the same image`);
  }
});
