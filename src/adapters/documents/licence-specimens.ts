// Specimen driver licences (New Zealand and the Australian states) for the tests, the bench and the demo: a card
// drawn as SVG and rendered by sharp, with a real public-domain portrait (the faces of synthetic-faces.ts) and the
// holder's details in labelled rows, as an issuer prints them (the NZ card's version number, an AU card's card
// number; NZ dates as 19/11/1956, AU dates as 01 APR 1976). Every card says SPECIMEN; none is a real person's
// licence and no layout copies an issuer's design. Variants: blur, glare, rotation, small, an editor's EXIF tag,
// a capture saved twice as JPEG (re-compression), a card cut off at a side; `onBackground` lays any document on a table, turned.
import { readFileSync } from 'node:fs';
import sharp, { type OverlayOptions } from 'sharp';
import type { AuState } from '../../domain/verification/validation-rules.ts';
import { cutAway, type Side } from './specimens.ts';

export interface SpecimenLicence {
  /** NZ, or an Australian state or territory */
  readonly issuer: 'NZ' | AuState;
  readonly surname: string;
  readonly givenNames: string;
  /** ISO yyyy-mm-dd */
  readonly dob: string;
  readonly licenceNumber: string;
  /** the NZ version number (3 digits) or the AU card number */
  readonly cardNumber: string;
  /** ISO yyyy-mm-dd */
  readonly expiry: string;
  readonly portrait: string;
}

export interface LicenceSpecimenOptions {
  readonly blurSigma?: number;
  /** a lamp reflected in the laminate, over the portrait and the first rows */
  readonly glare?: boolean;
  readonly rotateDeg?: number;
  /** card width in pixels (default 1012: a card of 85.6 mm at 300 dpi) */
  readonly width?: number;
  /** JPEG quality (default 92) */
  readonly quality?: number;
  /** saved first at this JPEG quality, then again at `quality`: a re-compressed file */
  readonly firstQuality?: number;
  /** EXIF Software tag written into the file */
  readonly software?: string;
  /** the share of the card cut away at each side, as when the card runs out of the camera's frame there */
  readonly cut?: Partial<Record<Side, number>>;
}

const CARD_W = 1012;
const CARD_H = 638;

/** Each issuer's heading and its way of labelling the card's own number. */
const ISSUERS: Readonly<Record<SpecimenLicence['issuer'], { heading: string; tint: string; cardLabel: string }>> = {
  NZ: { heading: 'NEW ZEALAND', tint: '#dfe9f2', cardLabel: 'Version' },
  ACT: { heading: 'AUSTRALIAN CAPITAL TERRITORY', tint: '#e6eef7', cardLabel: 'Card No' },
  NSW: { heading: 'NEW SOUTH WALES', tint: '#fbf3d5', cardLabel: 'Card No' },
  NT: { heading: 'NORTHERN TERRITORY', tint: '#f7e5d8', cardLabel: 'Card No' },
  QLD: { heading: 'QUEENSLAND', tint: '#f2e3ea', cardLabel: 'Card No' },
  SA: { heading: 'SOUTH AUSTRALIA', tint: '#e3f0e4', cardLabel: 'Card No' },
  TAS: { heading: 'TASMANIA', tint: '#e4eef0', cardLabel: 'Card No' },
  VIC: { heading: 'VICTORIA', tint: '#e1ecf7', cardLabel: 'Card No' },
  WA: { heading: 'WESTERN AUSTRALIA', tint: '#f6efd9', cardLabel: 'Card No' },
};

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const printedDate = (issuer: SpecimenLicence['issuer'], iso: string): string =>
  issuer === 'NZ'
    ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
    : `${iso.slice(8, 10)} ${MONTHS[Number(iso.slice(5, 7)) - 1] ?? ''} ${iso.slice(0, 4)}`;
const xml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function cardSvg(l: SpecimenLicence): string {
  const issuer = ISSUERS[l.issuer];
  const row = (y: number, label: string, value: string): string =>
    `<text x="380" y="${y}" font-family="DejaVu Sans" font-size="27" fill="#333">${xml(label)}: <tspan font-weight="bold" fill="#111">${xml(value)}</tspan></text>`;
  const waves = Array.from(
    { length: 14 },
    (_, i) =>
      `<path d="M0 ${150 + i * 34} C 250 ${110 + i * 34}, 600 ${210 + i * 34}, ${CARD_W} ${140 + i * 34}" stroke="#ffffff" stroke-opacity="0.55" stroke-width="2" fill="none"/>`,
  ).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_W}" height="${CARD_H}">
  <rect width="100%" height="100%" rx="34" fill="${issuer.tint}"/>${waves}
  <rect x="0" y="0" width="${CARD_W}" height="96" fill="#1d3557"/>
  <text x="40" y="62" font-family="DejaVu Sans" font-weight="bold" font-size="34" fill="#fff">${xml(issuer.heading)}</text>
  <text x="${CARD_W - 40}" y="62" text-anchor="end" font-family="DejaVu Sans" font-weight="bold" font-size="30" fill="#fff">DRIVER LICENCE</text>
  ${row(160, 'Surname', l.surname.toUpperCase())}
  ${row(215, 'Given names', l.givenNames.toUpperCase())}
  ${row(270, 'Date of birth', printedDate(l.issuer, l.dob))}
  ${row(325, 'Licence No', l.licenceNumber)}
  ${row(380, issuer.cardLabel, l.cardNumber)}
  ${row(435, 'Expiry', printedDate(l.issuer, l.expiry))}
  ${row(490, 'Class', l.issuer === 'NZ' ? '1' : 'C')}
  <text x="${CARD_W - 40}" y="${CARD_H - 40}" text-anchor="end" font-family="DejaVu Sans" font-weight="bold" font-size="56" fill="#c0392b" fill-opacity="0.35">SPECIMEN</text>
</svg>`;
}

function glareSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_W}" height="${CARD_H}"><defs><radialGradient id="g">
  <stop offset="0" stop-color="#fff" stop-opacity="1"/><stop offset="0.55" stop-color="#fff" stop-opacity="1"/><stop offset="1" stop-color="#fff" stop-opacity="0"/>
  </radialGradient></defs><ellipse cx="260" cy="300" rx="260" ry="200" fill="url(#g)"/></svg>`;
}

/** The card as a lossless PNG, before any capture effect. */
export async function drawLicence(l: SpecimenLicence): Promise<Buffer> {
  const portrait = await sharp(readFileSync(l.portrait))
    .resize(300, 380, { fit: 'cover', position: 'north' })
    .removeAlpha()
    .toBuffer();
  return sharp(Buffer.from(cardSvg(l)))
    .composite([{ input: portrait, left: 40, top: 130 }])
    .flatten({ background: '#ffffff' })
    .png()
    .toBuffer();
}

/** A specimen licence as a JPEG (what a phone would send). */
export async function renderLicence(l: SpecimenLicence, options: LicenceSpecimenOptions = {}): Promise<Buffer> {
  let png = await drawLicence(l);
  const layers: OverlayOptions[] = options.glare ? [{ input: Buffer.from(glareSvg()), left: 0, top: 0 }] : [];
  if (layers.length > 0) png = await sharp(png).composite(layers).png().toBuffer();
  if (options.rotateDeg) png = await sharp(png).rotate(options.rotateDeg, { background: '#6b6b6b' }).png().toBuffer();
  if (options.cut) png = await cutAway(png, options.cut);
  let card = sharp(png);
  if (options.width && options.width !== CARD_W) card = card.resize({ width: options.width });
  if (options.blurSigma) card = card.blur(options.blurSigma);
  if (options.firstQuality) card = sharp(await card.jpeg({ quality: options.firstQuality }).toBuffer());
  if (options.software) card = card.withExif({ IFD0: { Software: options.software } });
  return card.jpeg({ quality: options.quality ?? 92 }).toBuffer();
}

export interface BackgroundOptions {
  /** the document turned by this many degrees (clockwise) on the table */
  readonly angleDeg: number;
  /** the photo's width; the document takes about 60 % of it */
  readonly width?: number;
  readonly quality?: number;
}

/**
 * A wide photo of a document lying on a table: a wood-coloured, grained background around it, the document turned
 * by `angleDeg`, as a person holds a phone over a card without framing it.
 */
export async function onBackground(document: Buffer, options: BackgroundOptions): Promise<Buffer> {
  const meta = await sharp(document).metadata();
  const docW = meta.width;
  const width = options.width ?? Math.round(docW / 0.6);
  const height = Math.round(width * 0.75);
  const grain = Array.from(
    { length: 40 },
    (_, i) =>
      `<path d="M0 ${i * (height / 40) + 6} C ${width / 3} ${i * (height / 40) - 10}, ${(2 * width) / 3} ${i * (height / 40) + 18}, ${width} ${i * (height / 40) + 4}" stroke="#5b3b22" stroke-opacity="${0.15 + (i % 3) * 0.1}" stroke-width="${2 + (i % 4)}" fill="none"/>`,
  ).join('');
  const table = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#8a5a36"/>${grain}</svg>`,
  );
  const turned = await sharp(document)
    .ensureAlpha()
    .rotate(options.angleDeg, { background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer({ resolveWithObject: true });
  const left = Math.max(0, Math.round((width - turned.info.width) / 2));
  const top = Math.max(0, Math.round((height - turned.info.height) / 2));
  return sharp(table)
    .composite([{ input: turned.data, left, top }])
    .flatten({ background: '#8a5a36' })
    .jpeg({ quality: options.quality ?? 92 })
    .toBuffer();
}
