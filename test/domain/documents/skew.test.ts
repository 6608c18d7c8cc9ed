// The slant of a page's print, on drawn grey images: lines of print turned either way are found to a quarter
// degree, level print and a page without print are left alone, and a slant under half a degree is not turned.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { printSkew, SKEW_LIMITS, type GreyImage } from '../../../src/domain/documents/skew.ts';

/** A light page with dark lines of "print" (dashes, as words) turned `deg` degrees anticlockwise. */
function page(deg: number, width = 600, height = 420): GreyImage {
  const data = new Uint8Array(width * height).fill(240);
  const slope = Math.tan((deg * Math.PI) / 180);
  for (let line = 0; line < 8; line++) {
    const baseline = 60 + line * 40;
    for (let x = 40; x < width - 40; x++) {
      if (x % 24 > 17) continue; // the gap between words
      for (let h = 0; h < 8; h++) {
        const y = Math.round(baseline - h - (x - width / 2) * slope);
        if (y >= 0 && y < height) data[y * width + x] = 20;
      }
    }
  }
  return { data, width, height };
}

test('print turned either way is found to within a quarter degree, as the turn that sets it level', () => {
  for (const deg of [1.5, -1.5, 3, -2, 4.25]) {
    const found = printSkew(page(deg));
    assert.ok(Math.abs(found - deg) <= SKEW_LIMITS.stepDeg, `turned ${deg}°: found ${found}°`);
  }
});

test('level print, a slight slant and a page without print are left as they are', () => {
  assert.equal(printSkew(page(0)), 0);
  assert.equal(printSkew(page(0.25)), 0, 'under half a degree: not worth resampling the page');
  assert.equal(printSkew({ data: new Uint8Array(600 * 400).fill(235), width: 600, height: 400 }), 0);
});
