// Document authenticity (seed 003's first component): only the checks that can honestly be made from one photo
// of a data page. Each is a rule with a stable code, an office name and a reason in words; the component is
// VERIFIED when every check passed and PENDING (for an administrator's review, seed 003) when any failed.
// Nothing here claims more than was looked at: a photo cannot show holograms, UV features or the chip, so no
// check speaks of them.
import type { MrzReading } from './mrz.ts';
import { regionOf } from './mrz.ts';

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
}

export interface DocumentEvidence {
  readonly image: ImageFacts;
  readonly mrz: MrzReading | null;
  /** OCR text of the visual zone (the page above the MRZ) */
  readonly visualText: string;
}

export type CheckOutcome = 'PASSED' | 'FAILED';

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
}

const RULES: readonly Rule[] = [
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
  {
    code: 'NO_EDITING_SOFTWARE',
    name: 'No trace of editing software',
    failure: ({ image }) => {
      const editor = image.software.find((s) => EDITING_SOFTWARE.test(s));
      return editor ? `The file was saved by image editing software (${editor}).` : undefined;
    },
    passed: "The file's metadata names no image editing software.",
  },
];

export function authenticityChecks(evidence: DocumentEvidence, today: string): AuthenticityCheck[] {
  return RULES.map((rule) => {
    const failure = rule.failure(evidence, today);
    return {
      code: rule.code,
      name: rule.name,
      result: failure === undefined ? 'PASSED' : 'FAILED',
      reason: failure ?? rule.passed,
    };
  });
}

/** The quality gates among the checks: when one fails, the person is asked to take the photo again. */
export const QUALITY_GATES: readonly string[] = ['IMAGE_RESOLUTION', 'IMAGE_FOCUS', 'IMAGE_GLARE', 'MRZ_PRESENT'];
