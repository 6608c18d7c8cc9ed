// Document authenticity (seed 003's first component): only the checks that can honestly be made from one photo
// of a passport data page or a driver licence. Each is a rule with a stable code, an office name and a reason in
// words; the component is VERIFIED when no check failed and PENDING (for an administrator's review, seed 003)
// when any failed. A check that could not be made (e.g. re-compression on a PNG) says NOT_CHECKED and why.
// Nothing here claims more than was looked at: a photo cannot show holograms, UV features or the chip, so no
// check speaks of them.
import type { LicenceReading } from './licence.ts';
import { LICENCE_FORMATS } from './licence.ts';
import type { MrzReading } from './mrz.ts';
import { regionOf } from './mrz.ts';
import type { RecompressionFinding } from './recompression.ts';

/** What the image adapter measured (image-facts.ts) and read (OCR). */
export interface ImageFacts {
  readonly width: number;
  readonly height: number;
  /** variance of the Laplacian of the grey image scaled to 1000 px wide: low = blurred */
  readonly sharpness: number;
  /** fraction of pixels at the top of the range (clipped highlights: a lamp reflected in the laminate) */
  readonly glareFraction: number;
  /** EXIF/XMP software and creator-tool tags, as written in the file */
  readonly software: readonly string[];
  /** the double-quantisation analysis of the file as sent (recompression.ts) */
  readonly recompression: RecompressionFinding;
  /**
   * print running into each edge of the photo: sharp light–dark steps along the outermost rows or columns of the
   * grey image scaled to 1000 px wide, per 1000 pixels of edge. A document in the frame has plain margin (or
   * background) there; one running out of the frame has its print cut by the edge.
   */
  readonly edgePrint: Readonly<Record<FrameEdge, number>>;
}

export type FrameEdge = 'top' | 'bottom' | 'left' | 'right';
const FRAME_EDGES: readonly FrameEdge[] = ['top', 'bottom', 'left', 'right'];

export interface DocumentEvidence {
  readonly image: ImageFacts;
  readonly mrz: MrzReading | null;
  /** OCR text of the visual zone (the page above the MRZ), or of the whole card */
  readonly visualText: string;
  /** the card read as a driver licence, when it is one (no MRZ, "DRIVER LICENCE" printed) */
  readonly licence?: LicenceReading | null;
}

export type CheckOutcome = 'PASSED' | 'FAILED' | 'NOT_CHECKED';

export interface AuthenticityCheck {
  readonly code: string;
  readonly name: string;
  readonly result: CheckOutcome;
  readonly reason: string;
}

/** Quality gates and their limits (tuned on the specimens; a phone photo of a data page passes them easily). */
export const QUALITY_LIMITS = {
  /** the longer edge in pixels: below it the MRZ characters are too small to read reliably */
  minLongEdge: 800,
  minSharpness: 60,
  maxGlareFraction: 0.02,
  /**
   * print steps per 1000 pixels of an edge above which the document runs out of the frame there (the specimens in
   * the frame give at most about 6 — a licence's coloured bands reach its edges —, cut ones 11 and more)
   */
  maxEdgePrint: 9,
} as const;

/** Software whose name in a file's metadata means the image went through an editor. */
const EDITING_SOFTWARE =
  /photoshop|gimp|affinity|pixelmator|paint\.net|lightroom|snapseed|picsart|canva|krita|photopea|facetune|fotor/i;

const MRZ_CHECK_FIELDS = [
  'documentNumberCheckDigit',
  'birthDateCheckDigit',
  'expirationDateCheckDigit',
  'compositeCheckDigit',
];
const MRZ_CODE_FIELDS = ['issuingState', 'nationality'];
const MRZ_DATE_FIELDS = ['birthDate', 'expirationDate'];
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

const squash = (text: string): string => text.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Characters OCR confuses in printed numbers (1/l/I, 0/O, 5/S, 8/B, 2/Z), folded alike on both sides. */
const CONFUSABLE: Readonly<Record<string, string>> = { I: '1', L: '1', '|': '1', O: '0', S: '5', B: '8', Z: '2' };
const foldNumber = (text: string): string =>
  squash(text.toUpperCase().replace(/[ILOSBZ|]/g, (c) => CONFUSABLE[c] ?? c));

/** Ways a date can be printed in a visual zone: 01 APR 1976, 01.04.1976, 01/04/1976, 1976-04-01. */
function printedDates(iso: string): string[] {
  const [y, m, d] = iso.split('-');
  if (!y || !m || !d) return [];
  return [`${d}${MONTHS[Number(m) - 1] ?? ''}${y}`, `${d}${m}${y}`, `${y}${m}${d}`];
}

function visualMismatches(evidence: DocumentEvidence): string[] {
  const mrz = evidence.mrz;
  if (!mrz) return [];
  const viz = squash(evidence.visualText);
  const missing: string[] = [];
  if (mrz.fields.surname && !viz.includes(squash(mrz.fields.surname))) missing.push('surname');
  if (mrz.fields.documentNumber && !foldNumber(evidence.visualText).includes(foldNumber(mrz.fields.documentNumber)))
    missing.push('document number');
  if (mrz.fields.dob && !printedDates(mrz.fields.dob).some((d) => viz.includes(d))) missing.push('date of birth');
  return missing;
}

const invalidOf = (mrz: MrzReading, fields: readonly string[]): string[] =>
  mrz.validations.filter((v) => fields.includes(v.field) && !v.valid).map((v) => v.field);

interface Rule {
  code: string;
  name: string;
  /** undefined = passed, else the reason it failed */
  failure(evidence: DocumentEvidence, today: string): string | undefined;
  passed: string;
  /** the reason the check could not be made, when it could not */
  notChecked?(evidence: DocumentEvidence): string | undefined;
}

const IMAGE_RULES: readonly Rule[] = [
  {
    code: 'IMAGE_RESOLUTION',
    name: 'Image resolution',
    failure: ({ image }) =>
      Math.max(image.width, image.height) < QUALITY_LIMITS.minLongEdge
        ? `The photo is ${image.width} × ${image.height} pixels; at least ${QUALITY_LIMITS.minLongEdge} pixels along the longer edge are needed to read the document.`
        : undefined,
    passed: 'The photo is large enough to read the document.',
  },
  {
    code: 'IMAGE_FOCUS',
    name: 'Image focus',
    failure: ({ image }) =>
      image.sharpness < QUALITY_LIMITS.minSharpness
        ? 'The photo is blurred: hold the document still and let the camera focus.'
        : undefined,
    passed: 'The photo is in focus.',
  },
  {
    code: 'IMAGE_GLARE',
    name: 'Glare',
    failure: ({ image }) =>
      image.glareFraction > QUALITY_LIMITS.maxGlareFraction
        ? `Light is reflected on ${Math.round(image.glareFraction * 100)}% of the photo: turn the document away from the lamp or window.`
        : undefined,
    passed: 'No reflection hides part of the document.',
  },
  {
    code: 'DOCUMENT_IN_FRAME',
    name: 'Whole document in the photo',
    failure: ({ image }) => {
      const cut = FRAME_EDGES.filter((edge) => image.edgePrint[edge] > QUALITY_LIMITS.maxEdgePrint);
      if (cut.length === 0) return undefined;
      const named =
        cut.length === 1 ? `${cut.join('')} edge` : `${cut.slice(0, -1).join(', ')} and ${cut.at(-1) ?? ''} edges`;
      return `The document runs out of the photo at its ${named}: take the photo again with the whole document inside the frame and a little space around it.`;
    },
    passed: "The document's print stays inside the photo at every edge.",
  },
];

const PASSPORT_RULES: readonly Rule[] = [
  {
    code: 'MRZ_PRESENT',
    name: 'Machine readable zone found',
    failure: ({ mrz }) =>
      mrz
        ? undefined
        : 'The two lines of the machine readable zone were not found: the whole data page, down to its bottom edge, must be in the photo.',
    passed: 'The machine readable zone was found and read.',
  },
  {
    code: 'MRZ_CHECK_DIGITS',
    name: 'Machine readable zone check digits',
    failure: ({ mrz }) => {
      if (!mrz) return 'There is no machine readable zone to check.';
      const bad = invalidOf(mrz, MRZ_CHECK_FIELDS);
      return bad.length > 0
        ? `The check digits do not agree with the data they protect (${bad.join(', ')}).`
        : undefined;
    },
    passed: 'Every check digit agrees with the data it protects.',
  },
  {
    code: 'MRZ_CODES',
    name: 'Issuing state and nationality codes',
    failure: ({ mrz }) => {
      if (!mrz) return 'There is no machine readable zone to check.';
      const bad = invalidOf(mrz, MRZ_CODE_FIELDS);
      return bad.length > 0 ? `These codes are not ICAO country codes: ${bad.join(', ')}.` : undefined;
    },
    passed: 'The issuing state and nationality are ICAO country codes.',
  },
  {
    code: 'MRZ_DATES',
    name: 'Machine readable zone dates',
    failure: ({ mrz }) => {
      if (!mrz) return 'There is no machine readable zone to check.';
      const bad = invalidOf(mrz, MRZ_DATE_FIELDS);
      return bad.length > 0 ? `These dates are not real dates: ${bad.join(', ')}.` : undefined;
    },
    passed: 'The date of birth and the expiry date are real dates.',
  },
  {
    code: 'VISUAL_ZONE_CONSISTENT',
    name: 'Visual zone matches the machine readable zone',
    failure: (evidence) => {
      if (!evidence.mrz) return 'There is no machine readable zone to compare the printed details with.';
      const missing = visualMismatches(evidence);
      return missing.length > 0
        ? `The printed ${missing.join(', ')} could not be found or differ from the machine readable zone.`
        : undefined;
    },
    passed: 'The printed surname, document number and date of birth match the machine readable zone.',
  },
  {
    code: 'DOCUMENT_NOT_EXPIRED',
    name: 'Document in date',
    failure: ({ mrz }, today) => {
      if (!mrz?.fields.expiry) return 'The expiry date could not be read.';
      return mrz.fields.expiry < today ? `The document expired on ${mrz.fields.expiry}.` : undefined;
    },
    passed: 'The document has not expired.',
  },
  {
    code: 'DOCUMENT_TYPE_RECOGNISED',
    name: 'Document type and issuing country recognised',
    failure: ({ mrz }) => {
      if (!mrz) return 'The document type could not be read.';
      if (!mrz.fields.documentCode.startsWith('P'))
        return `The document code ${mrz.fields.documentCode || '(blank)'} is not a passport's.`;
      return regionOf(mrz.fields.issuingState) === ''
        ? `The issuing state ${mrz.fields.issuingState || '(blank)'} is not a country.`
        : undefined;
    },
    passed: 'A passport of a known issuing country.',
  },
];

const FILE_RULES: readonly Rule[] = [
  {
    code: 'NO_EDITING_SOFTWARE',
    name: 'No trace of editing software',
    failure: ({ image }) => {
      const editor = image.software.find((s) => EDITING_SOFTWARE.test(s));
      return editor ? `The file was saved by image editing software (${editor}).` : undefined;
    },
    passed: "The file's metadata names no image editing software.",
  },
  {
    code: 'NO_RECOMPRESSION',
    name: 'No trace of a second JPEG save',
    notChecked: ({ image }) =>
      image.recompression.verdict === 'NOT_JPEG'
        ? 'The file is not a JPEG: traces of a second JPEG save cannot be looked for.'
        : image.recompression.verdict === 'INCONCLUSIVE'
          ? 'The photo has too little texture to look for traces of a second JPEG save.'
          : undefined,
    failure: ({ image }) =>
      image.recompression.verdict === 'DOUBLE'
        ? `The JPEG shows the quantisation of an earlier, coarser save under its last one (quality about ${image.recompression.quality}): the photo was saved again, as an editor does (double-quantisation measure ${image.recompression.score}).`
        : undefined,
    passed:
      'No trace of an earlier, coarser JPEG save was found (double-quantisation analysis; a re-save at the same or a lower quality, or after cropping or resizing, would not show).',
  },
];

const FORMAT_NAMES: Readonly<Record<string, string>> = { NZ: 'New Zealand' };
const issuerName = (licence: LicenceReading): string =>
  licence.issuer === null ? '' : (FORMAT_NAMES[licence.issuer] ?? `Australia (${licence.issuer})`);

const LICENCE_FIELDS: readonly [keyof LicenceReading['fields'], string][] = [
  ['surname', 'surname'],
  ['givenNames', 'given names'],
  ['dob', 'date of birth'],
  ['licenceNumber', 'licence number'],
  ['expiry', 'expiry date'],
];

const LICENCE_RULES: readonly Rule[] = [
  {
    code: 'LICENCE_DETAILS_READ',
    name: "Licence holder's details read",
    failure: ({ licence }) => {
      const missing = LICENCE_FIELDS.filter(([field]) => !licence?.fields[field]).map(([, label]) => label);
      return missing.length > 0
        ? `These details could not be read (${missing.join(', ')}): the whole card must be in the photo, flat and in focus.`
        : undefined;
    },
    passed: "The holder's name, date of birth, licence number and expiry were read.",
  },
  {
    code: 'LICENCE_NUMBER_FORMAT',
    name: "Numbers in the issuer's format",
    failure: ({ licence }) => {
      if (!licence?.issuer) return 'The issuer is not known, so its number formats cannot be checked.';
      const formats = LICENCE_FORMATS[licence.issuer];
      const bad: string[] = [];
      if (!formats.number.test(licence.fields.licenceNumber))
        bad.push(`licence number ${licence.fields.licenceNumber || '(blank)'}`);
      if (licence.fields.cardNumber && !formats.card.test(licence.fields.cardNumber))
        bad.push(`${licence.issuer === 'NZ' ? 'version' : 'card'} number ${licence.fields.cardNumber}`);
      return bad.length > 0 ? `Not in the format ${issuerName(licence)} issues: ${bad.join(', ')}.` : undefined;
    },
    passed: "The licence number (and the card's own number, when printed) are in the issuer's format.",
  },
  {
    code: 'DOCUMENT_NOT_EXPIRED',
    name: 'Document in date',
    failure: ({ licence }, today) => {
      if (!licence?.fields.expiry) return 'The expiry date could not be read.';
      return licence.fields.expiry < today ? `The licence expired on ${licence.fields.expiry}.` : undefined;
    },
    passed: 'The licence has not expired.',
  },
  {
    code: 'DATES_CONSISTENT',
    name: 'Dates consistent',
    failure: ({ licence }, today) => {
      const f = licence?.fields;
      if (!f?.dob) return 'The date of birth could not be read.';
      if (f.dob >= today) return `The date of birth ${f.dob} is not in the past.`;
      return f.expiry && f.expiry <= f.dob ? 'The expiry date is before the date of birth.' : undefined;
    },
    passed: 'The date of birth is in the past and before the expiry date.',
  },
  {
    code: 'DOCUMENT_TYPE_RECOGNISED',
    name: 'Document type and issuer recognised',
    failure: ({ licence }) =>
      licence?.issuer
        ? undefined
        : 'The card says DRIVER LICENCE but its issuer (New Zealand or an Australian state or territory) was not recognised.',
    passed: 'A driver licence of a known issuer (New Zealand, or an Australian state or territory).',
  },
];

function check(rule: Rule, evidence: DocumentEvidence, today: string): AuthenticityCheck {
  const base = { code: rule.code, name: rule.name };
  const notChecked = rule.notChecked?.(evidence);
  if (notChecked !== undefined) return { ...base, result: 'NOT_CHECKED', reason: notChecked };
  const failure = rule.failure(evidence, today);
  return { ...base, result: failure === undefined ? 'PASSED' : 'FAILED', reason: failure ?? rule.passed };
}

/** Every check's code with its office name and what passing it means (the words behind an answer's codes). */
export const DOCUMENT_CHECK_NAMES: Readonly<Record<string, { name: string; description: string }>> = Object.fromEntries(
  [...IMAGE_RULES, ...PASSPORT_RULES, ...LICENCE_RULES, ...FILE_RULES].map((rule) => [
    rule.code,
    { name: rule.name, description: rule.passed },
  ]),
);

/** The checks of the document the photo shows: a driver licence's when one was read, else a passport's. */
export function authenticityChecks(evidence: DocumentEvidence, today: string): AuthenticityCheck[] {
  const own = evidence.licence?.isLicence ? LICENCE_RULES : PASSPORT_RULES;
  return [...IMAGE_RULES, ...own, ...FILE_RULES].map((rule) => check(rule, evidence, today));
}

/** The quality gates among the checks: when one fails, the person is asked to take the photo again. */
export const QUALITY_GATES: readonly string[] = [
  'IMAGE_RESOLUTION',
  'IMAGE_FOCUS',
  'IMAGE_GLARE',
  'DOCUMENT_IN_FRAME',
  'MRZ_PRESENT',
  'LICENCE_DETAILS_READ',
];
