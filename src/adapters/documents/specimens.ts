// Specimen passport data pages for the tests, the bench and the demo: an ICAO 9303 TD3 page drawn as SVG and
// rendered by sharp, with a real portrait (the public-domain faces of synthetic-faces.ts), a visual zone and a
// machine readable zone in OCR-B (Debian fonts-ocr-b). Every specimen says SPECIMEN across it; none is a real
// person's document. Variants: a wrong check digit, blur, glare, a slight rotation, small captures, and captures cut off at any side
// (the page running out of the frame).
import { readFileSync } from 'node:fs';
import sharp, { type OverlayOptions } from 'sharp';
import type { FrameEdge } from '../../domain/documents/authenticity.ts';

export interface SpecimenPerson {
  readonly surname: string;
  readonly givenNames: string;
  /** ISO yyyy-mm-dd */
  readonly dob: string;
  readonly sex: 'M' | 'F' | 'X';
  readonly documentNumber: string;
  /** ISO 3166-1 alpha-3, as the MRZ writes it */
  readonly issuingState: string;
  readonly nationality: string;
  /** ISO yyyy-mm-dd */
  readonly expiry: string;
  readonly portrait: string;
}

export type Side = FrameEdge;

export interface SpecimenOptions {
  /** add 1 (mod 10) to the document number's check digit */
  readonly wrongCheckDigit?: boolean;
  /** the visual zone shows another surname than the MRZ */
  readonly vizSurname?: string;
  readonly blurSigma?: number;
  /** a white highlight over the portrait and part of the visual zone, as a lamp reflected in the laminate */
  readonly glare?: boolean;
  readonly rotateDeg?: number;
  /** page width in pixels (default 1250, about 250 dpi) */
  readonly width?: number;
  /** the share of the page cut away at each side, as when the page runs out of the camera's frame there */
  readonly cut?: Partial<Record<Side, number>>;
  /** JPEG quality (default 92) */
  readonly quality?: number;
  /** EXIF Software tag written into the file */
  readonly software?: string;
}

const WEIGHTS = [7, 3, 1] as const;

/** ICAO 9303 check digit: 0-9 as themselves, A-Z as 10-35, '<' as 0, weights 7 3 1 repeating. */
export function checkDigit(text: string): string {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const value = c === '<' ? 0 : /[0-9]/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += value * (WEIGHTS[i % 3] ?? 1);
  }
  return String(sum % 10);
}

const pad = (text: string, length: number): string => text.padEnd(length, '<').slice(0, length);
const mrzName = (text: string): string => text.toUpperCase().replace(/[^A-Z]+/g, '<');
const yymmdd = (iso: string): string => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);

/** The two 44-character lines of a TD3 MRZ. */
export function td3Lines(p: SpecimenPerson, wrongCheckDigit = false): [string, string] {
  const line1 = pad(`P<${p.issuingState}${mrzName(p.surname)}<<${mrzName(p.givenNames)}`, 44);
  const number = pad(p.documentNumber, 9);
  const numberCheck = wrongCheckDigit ? String((Number(checkDigit(number)) + 1) % 10) : checkDigit(number);
  const dob = yymmdd(p.dob);
  const expiry = yymmdd(p.expiry);
  const personal = pad('', 14);
  const body = `${number}${numberCheck}${p.nationality}${dob}${checkDigit(dob)}${p.sex === 'X' ? '<' : p.sex}${expiry}${checkDigit(expiry)}${personal}${checkDigit(personal)}`;
  const composite = checkDigit(
    `${number}${numberCheck}${dob}${checkDigit(dob)}${expiry}${checkDigit(expiry)}${personal}${checkDigit(personal)}`,
  );
  return [line1, `${body}${composite}`];
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const vizDate = (iso: string): string =>
  `${iso.slice(8, 10)} ${MONTHS[Number(iso.slice(5, 7)) - 1] ?? ''} ${iso.slice(0, 4)}`;
const xml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const PAGE_W = 1250;
const PAGE_H = 880;

function pageSvg(p: SpecimenPerson, lines: readonly [string, string], vizSurname: string): string {
  const field = (x: number, y: number, label: string, value: string): string =>
    `<text x="${x}" y="${y}" font-family="DejaVu Sans" font-size="17" fill="#4a5a78">${xml(label)}</text>` +
    `<text x="${x}" y="${y + 32}" font-family="DejaVu Sans" font-weight="bold" font-size="28" fill="#111">${xml(value)}</text>`;
  const guilloche = Array.from(
    { length: 18 },
    (_, i) =>
      `<path d="M0 ${120 + i * 32} C 300 ${60 + i * 32}, 700 ${200 + i * 32}, ${PAGE_W} ${110 + i * 32}" stroke="#d9e4ef" stroke-width="2" fill="none"/>`,
  ).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE_W}" height="${PAGE_H}">
  <rect width="100%" height="100%" fill="#f4f1e8"/>${guilloche}
  <text x="60" y="70" font-family="DejaVu Sans" font-weight="bold" font-size="34" fill="#1d3557">PASSPORT</text>
  <text x="420" y="70" font-family="DejaVu Sans" font-size="26" fill="#1d3557">SPECIMEN ISSUING STATE ${xml(p.issuingState)}</text>
  ${field(420, 120, 'Type', 'P')}${field(560, 120, 'Code', p.issuingState)}${field(760, 120, 'Passport No.', p.documentNumber)}
  ${field(420, 200, 'Surname', vizSurname.toUpperCase())}
  ${field(420, 280, 'Given names', p.givenNames.toUpperCase())}
  ${field(420, 360, 'Nationality', p.nationality)}${field(760, 360, 'Sex', p.sex)}
  ${field(420, 440, 'Date of birth', vizDate(p.dob))}
  ${field(420, 520, 'Date of expiry', vizDate(p.expiry))}
  <text x="640" y="610" font-family="DejaVu Sans" font-weight="bold" font-size="64" fill="#c0392b" fill-opacity="0.25" transform="rotate(-12 640 610)">SPECIMEN</text>
  <rect x="0" y="${PAGE_H - 190}" width="${PAGE_W}" height="190" fill="#f7f5ee"/>
  <text x="40" y="${PAGE_H - 105}" font-family="OCR B" font-size="37" fill="#111" xml:space="preserve">${xml(lines[0])}</text>
  <text x="40" y="${PAGE_H - 45}" font-family="OCR B" font-size="37" fill="#111" xml:space="preserve">${xml(lines[1])}</text>
</svg>`;
}

function glareSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE_W}" height="${PAGE_H}"><defs><radialGradient id="g">
  <stop offset="0" stop-color="#fff" stop-opacity="1"/><stop offset="0.55" stop-color="#fff" stop-opacity="1"/><stop offset="1" stop-color="#fff" stop-opacity="0"/>
  </radialGradient></defs><ellipse cx="330" cy="330" rx="330" ry="250" fill="url(#g)"/></svg>`;
}

/** The image with the given share of it cut away at each side. */
export async function cutAway(png: Buffer, cut: Partial<Record<Side, number>>): Promise<Buffer> {
  const { width, height } = await sharp(png).metadata();
  const left = Math.round(width * (cut.left ?? 0));
  const top = Math.round(height * (cut.top ?? 0));
  const right = Math.round(width * (cut.right ?? 0));
  const bottom = Math.round(height * (cut.bottom ?? 0));
  return sharp(png)
    .extract({ left, top, width: width - left - right, height: height - top - bottom })
    .png()
    .toBuffer();
}

/** A specimen data page as a JPEG (what a phone or scanner would send). */
export async function renderSpecimen(p: SpecimenPerson, options: SpecimenOptions = {}): Promise<Buffer> {
  const lines = td3Lines(p, options.wrongCheckDigit === true);
  const portrait = await sharp(readFileSync(p.portrait))
    .resize(320, 400, { fit: 'cover', position: 'north' })
    .removeAlpha()
    .toBuffer();
  const layers: OverlayOptions[] = [{ input: portrait, left: 60, top: 120 }];
  if (options.glare) layers.push({ input: Buffer.from(glareSvg()), left: 0, top: 0 });
  let page = sharp(Buffer.from(pageSvg(p, lines, options.vizSurname ?? p.surname)))
    .composite(layers)
    .flatten({ background: '#f4f1e8' });
  let png: Buffer = await page.png().toBuffer();
  if (options.rotateDeg) png = await sharp(png).rotate(options.rotateDeg, { background: '#6b6b6b' }).png().toBuffer();
  if (options.cut) png = await cutAway(png, options.cut);
  page = sharp(png);
  if (options.width && options.width !== PAGE_W) page = page.resize({ width: options.width });
  if (options.blurSigma) page = page.blur(options.blurSigma);
  if (options.software) page = page.withExif({ IFD0: { Software: options.software } });
  return page.jpeg({ quality: options.quality ?? 92 }).toBuffer();
}
