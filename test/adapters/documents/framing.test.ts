// The document-in-frame gate on specimen captures, measured as the server measures them (no OCR): passport pages
// and licences in the frame pass — straight, turned, soft, with glare, small, or found on a table and cut out —,
// and a capture whose print runs out of the frame at the left, the right or the top is sent back naming that edge
// (a passport cut off at the bottom loses its MRZ, which MRZ_PRESENT sees: test/adapters/documents/specimens.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSpecimen } from '../../../src/adapters/documents/specimens.ts';
import { onBackground, renderLicence } from '../../../src/adapters/documents/licence-specimens.ts';
import { locateAndStraighten } from '../../../src/adapters/documents/locate-document.ts';
import { measureImage } from '../../../src/adapters/documents/image-facts.ts';
import { authenticityChecks, QUALITY_GATES } from '../../../src/domain/documents/authenticity.ts';
import { missingImages } from '../../../src/adapters/face/synthetic-faces.ts';
import { EILEEN, GRACE } from '../http/documents/support.ts';
import { COLLINS_NZ, HOPPER_NSW, HOPPER_VIC } from '../http/documents/licences.ts';

const skip = missingImages();

/** The gate's result and reason for a photo, the document found in it first as the reader does. */
async function framing(photo: Buffer) {
  const located = await locateAndStraighten(photo);
  const image = await measureImage(located.image, photo);
  const check = authenticityChecks({ image, mrz: null, visualText: '' }, '2026-12-04').find(
    (c) => c.code === 'DOCUMENT_IN_FRAME',
  );
  assert.ok(check, 'the gate is made on every capture');
  return { ...check, edgePrint: image.edgePrint };
}

const rounded = (edges: Record<string, number>): string =>
  Object.entries(edges)
    .map(([edge, value]) => `${edge} ${value.toFixed(1)}`)
    .join(', ');

test('it is a quality gate: a document cut off is photographed again', () => {
  assert.ok(QUALITY_GATES.includes('DOCUMENT_IN_FRAME'));
});

test('documents wholly in the frame pass the gate', { skip }, async (t) => {
  const inFrame: [string, Promise<Buffer>][] = [
    ['Australian passport', renderSpecimen(GRACE)],
    ['New Zealand passport', renderSpecimen(EILEEN)],
    ['passport turned 1.5°, 1000 px', renderSpecimen(EILEEN, { rotateDeg: -1.5, width: 1000 })],
    ['passport turned the other way', renderSpecimen(GRACE, { rotateDeg: 1.5 })],
    ['passport slightly soft, JPEG quality 70', renderSpecimen(GRACE, { blurSigma: 1.5, quality: 70 })],
    ['passport with glare', renderSpecimen(GRACE, { glare: true })],
    ['passport, 700 px', renderSpecimen(GRACE, { width: 700 })],
    ['NSW licence', renderLicence(HOPPER_NSW)],
    ['NZ licence', renderLicence(COLLINS_NZ)],
    ['VIC licence, blurred (σ 2)', renderLicence(HOPPER_VIC, { blurSigma: 2 })],
    ['licence turned 3° in the frame', renderLicence(HOPPER_NSW, { rotateDeg: 3 })],
    ['licence on a table, turned 8°', renderLicence(HOPPER_NSW).then((c) => onBackground(c, { angleDeg: 8 }))],
    ['passport on a table, turned −10°', renderSpecimen(GRACE).then((p) => onBackground(p, { angleDeg: -10 }))],
  ];
  for (const [label, photo] of inFrame) {
    const check = await framing(await photo);
    t.diagnostic(`${label}: ${rounded(check.edgePrint)}`);
    assert.equal(check.result, 'PASSED', `${label}: ${check.reason}`);
    assert.equal(check.reason, "The document's print stays inside the photo at every edge.");
  }
});

test(
  'a document running out of the frame at the left, the right or the top is sent back naming the edge',
  { skip },
  async (t) => {
    const cutOff: [string, Promise<Buffer>, string][] = [
      ['passport, 5 % cut at the left', renderSpecimen(GRACE, { cut: { left: 0.05 } }), 'left edge'],
      ['passport, 10 % cut at the right', renderSpecimen(EILEEN, { cut: { right: 0.1 } }), 'right edge'],
      ['passport, 15 % cut at the top', renderSpecimen(GRACE, { cut: { top: 0.15 } }), 'top edge'],
      [
        'passport, soft, 10 % cut at the left',
        renderSpecimen(GRACE, { cut: { left: 0.1 }, blurSigma: 1.5, quality: 70 }),
        'left edge',
      ],
      [
        'passport, cut at the top and the left',
        renderSpecimen(EILEEN, { cut: { top: 0.2, left: 0.08 } }),
        'top and left edges',
      ],
      ['licence, 10 % cut at the left', renderLicence(HOPPER_NSW, { cut: { left: 0.1 } }), 'left edge'],
      ['licence, 10 % cut at the right', renderLicence(COLLINS_NZ, { cut: { right: 0.1 } }), 'right edge'],
      ['licence, 25 % cut at the top', renderLicence(HOPPER_NSW, { cut: { top: 0.25 } }), 'top edge'],
    ];
    for (const [label, photo, edges] of cutOff) {
      const check = await framing(await photo);
      t.diagnostic(`${label}: ${rounded(check.edgePrint)}`);
      assert.equal(check.result, 'FAILED', label);
      assert.equal(
        check.reason,
        `The document runs out of the photo at its ${edges}: take the photo again with the whole document inside the frame and a little space around it.`,
        label,
      );
    }
  },
);
