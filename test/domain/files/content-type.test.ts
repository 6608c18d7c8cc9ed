// One sniffer for every upload: the type comes from the first bytes, and each use accepts only its own types.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extensionOf, sniffContentType } from '../../../src/domain/files/content-type.ts';

const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const WEBP = new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ');
const PDF = new TextEncoder().encode('%PDF-1.7\n');
const SVG = new TextEncoder().encode(
  '<?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg"></svg>',
);
const ALL = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'image/svg+xml'] as const;

test('each type by its first bytes', () => {
  assert.equal(sniffContentType(JPEG, ALL), 'image/jpeg');
  assert.equal(sniffContentType(PNG, ALL), 'image/png');
  assert.equal(sniffContentType(WEBP, ALL), 'image/webp');
  assert.equal(sniffContentType(PDF, ALL), 'application/pdf');
  assert.equal(sniffContentType(SVG, ALL), 'image/svg+xml');
  assert.equal(extensionOf('image/jpeg'), 'jpg');
});

test('a use accepts only its own types, and a near miss is nothing', () => {
  assert.equal(sniffContentType(PDF, ['image/jpeg', 'image/png']), null, 'a PDF is no liveness frame');
  assert.equal(sniffContentType(PNG.subarray(0, 4), ALL), null, 'four bytes of a PNG signature are not a PNG');
  assert.equal(sniffContentType(new TextEncoder().encode('<html><svg></svg>'), ALL), null);
  assert.equal(sniffContentType(new Uint8Array(), ALL), null);
});
