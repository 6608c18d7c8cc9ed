// The Identity Proofing Grids as tables (ccms-screens G1, G2) and nextProofingStep(evidence).
// G1 is seed 000 L798–812 column by column. G2 (applications submitted before 30 July 2020) is withheld
// in the seed ("9(2)(k)", L148); the G2 table below is reconstructed from the prose at L129–136 and
// L719–734 and every column is marked [inf].
//
// "Present" means present and usable for comparison; a liveness test counts only when the officer has
// assessed it as satisfactory (the engine's PASS/MATCH is advice, BR-11).

import type { IsoDate } from './common.ts';
import { identityStandardFor, type IdentityStandard } from './people.ts';

export interface ProofingEvidence {
  readonly amsPhoto: boolean;
  readonly overseasPassportImage: boolean;
  readonly applicationPhoto: boolean;
  readonly livenessTest: boolean;
}

export const PROOFING_OPTIONS = [
  'send-liveness-link',
  'send-original-passport',
  'identity-confirmation-appointment',
] as const;
export type ProofingOption = (typeof PROOFING_OPTIONS)[number];

export const OPTION_TEXT = {
  P: 'Ask applicant to send in original passport or attend an identity confirmation appointment with original passport',
  E: 'Escalate to ID proofing experts group. Use the "ID experts group template" to present your case',
} as const;

/** A cell value: true = ✓ required present, false = ✗ absent, 'any' = either (reconstructed columns only). */
type Cell = boolean | 'any';

export interface GridColumn {
  readonly column: number;
  readonly amsPhoto: Cell;
  readonly overseasPassportImage: Cell;
  readonly applicationPhoto: Cell;
  readonly livenessTest: Cell;
  readonly achieved: boolean;
  /** "Options available": what to offer the customer first (empty for N/A or escalate-straight-away). */
  readonly options: readonly ProofingOption[];
  /** Options available is "Escalate…" (no customer options first). */
  readonly escalateImmediately: boolean;
  /** "Not resolved yet?" → escalate. */
  readonly escalateIfUnresolved: boolean;
  readonly source: string;
}

const P: readonly ProofingOption[] = ['send-original-passport', 'identity-confirmation-appointment'];

/** G1 "Identity Proofing Grid" (seed L798–808), applications submitted on or after 30 July 2020. */
export const PROOFING_GRID: readonly GridColumn[] = [
  {
    column: 1,
    amsPhoto: true,
    overseasPassportImage: true,
    applicationPhoto: true,
    livenessTest: true,
    achieved: true,
    options: [],
    escalateImmediately: false,
    escalateIfUnresolved: false,
    source: 'G1 col 1: Yes / N/A (L800–808)',
  },
  {
    column: 2,
    amsPhoto: true,
    overseasPassportImage: true,
    applicationPhoto: true,
    livenessTest: false,
    achieved: false,
    options: P,
    escalateImmediately: false,
    escalateIfUnresolved: true,
    source: 'G1 col 2: No / P / E',
  },
  {
    column: 3,
    amsPhoto: false,
    overseasPassportImage: true,
    applicationPhoto: true,
    livenessTest: true,
    achieved: false,
    options: P,
    escalateImmediately: false,
    escalateIfUnresolved: true,
    source: 'G1 col 3: No / P / E',
  },
  {
    column: 4,
    amsPhoto: false,
    overseasPassportImage: true,
    applicationPhoto: true,
    livenessTest: false,
    achieved: false,
    options: P,
    escalateImmediately: false,
    escalateIfUnresolved: true,
    source: 'G1 col 4: No / P / E',
  },
  {
    column: 5,
    amsPhoto: false,
    overseasPassportImage: false,
    applicationPhoto: true,
    livenessTest: true,
    achieved: false,
    options: [],
    escalateImmediately: true,
    escalateIfUnresolved: true,
    source: 'G1 col 5: No / E / E',
  },
  {
    column: 6,
    amsPhoto: false,
    overseasPassportImage: false,
    applicationPhoto: true,
    livenessTest: false,
    achieved: false,
    options: [],
    escalateImmediately: true,
    escalateIfUnresolved: true,
    source: 'G1 col 6: No / E / E',
  },
];

/**
 * G2 "ID Proofing grid for applications submitted before 30th July 2020" — withheld (L148). Reconstruction
 * [inf]: no liveness is required (BR-08), so a usable AMS photo with the passport image and application
 * photo achieves proofing; when the AMS image is missing or unusable a liveness link may be offered instead
 * of the original passport or an appointment (BR-09), and a satisfactory liveness then stands in for them;
 * without the passport image the case escalates, as in G1 columns 5–6.
 */
export const PRE_LIVENESS_PROOFING_GRID: readonly GridColumn[] = [
  {
    column: 1,
    amsPhoto: true,
    overseasPassportImage: true,
    applicationPhoto: true,
    livenessTest: 'any',
    achieved: true,
    options: [],
    escalateImmediately: false,
    escalateIfUnresolved: false,
    source: '[inf] previous standard, no liveness (BR-08, L129–131)',
  },
  {
    column: 2,
    amsPhoto: false,
    overseasPassportImage: true,
    applicationPhoto: true,
    livenessTest: true,
    achieved: true,
    options: [],
    escalateImmediately: false,
    escalateIfUnresolved: false,
    source: '[inf] liveness "instead of" original passport/appointment (BR-09, L134)',
  },
  {
    column: 3,
    amsPhoto: false,
    overseasPassportImage: true,
    applicationPhoto: true,
    livenessTest: false,
    achieved: false,
    options: ['send-liveness-link', ...P],
    escalateImmediately: false,
    escalateIfUnresolved: true,
    source: '[inf] BR-09 (L134–136, quiz Q6 L730)',
  },
  {
    column: 4,
    amsPhoto: false,
    overseasPassportImage: false,
    applicationPhoto: true,
    livenessTest: 'any',
    achieved: false,
    options: [],
    escalateImmediately: true,
    escalateIfUnresolved: true,
    source: '[inf] mirrors G1 cols 5–6',
  },
];

export const GRIDS: Readonly<Record<IdentityStandard, readonly GridColumn[]>> = {
  liveness: PROOFING_GRID,
  'pre-liveness': PRE_LIVENESS_PROOFING_GRID,
};

function cellMatches(cell: Cell, value: boolean): boolean {
  return cell === 'any' || cell === value;
}

export function findColumn(grid: readonly GridColumn[], e: ProofingEvidence): GridColumn | undefined {
  return grid.find(
    (c) =>
      cellMatches(c.amsPhoto, e.amsPhoto) &&
      cellMatches(c.overseasPassportImage, e.overseasPassportImage) &&
      cellMatches(c.applicationPhoto, e.applicationPhoto) &&
      cellMatches(c.livenessTest, e.livenessTest),
  );
}

export type ProofingStep =
  | { readonly step: 'achieved'; readonly standard: IdentityStandard; readonly column: number }
  | {
      readonly step: 'offer-options';
      readonly standard: IdentityStandard;
      readonly column: number;
      readonly options: readonly ProofingOption[];
    }
  | {
      readonly step: 'escalate';
      readonly standard: IdentityStandard;
      readonly column: number | null;
      readonly reason: 'grid' | 'options-exhausted' | 'outside-grid';
    };

export interface ProofingInput extends ProofingEvidence {
  readonly submittedOn: IsoDate;
  /** The grid's options were offered and did not resolve it ("Not resolved yet?"). */
  readonly optionsExhausted?: boolean;
  /** The customer cannot or does not want to do liveness (BR-22, BR-24): the grid's options only. */
  readonly livenessDeclined?: boolean;
}

/**
 * The next step for "Identity is bound" by the grid for the submission date. Evidence combinations the
 * grid does not show (e.g. no application photo, or an AMS photo without a passport image) go to the
 * experts group with reason 'outside-grid', since escalation is the grid's last resort in every column.
 */
export function nextProofingStep(input: ProofingInput): ProofingStep {
  const standard = identityStandardFor(input.submittedOn);
  const col = findColumn(GRIDS[standard], input);
  if (!col) return { step: 'escalate', standard, column: null, reason: 'outside-grid' };
  if (col.achieved) return { step: 'achieved', standard, column: col.column };
  if (col.escalateImmediately) return { step: 'escalate', standard, column: col.column, reason: 'grid' };
  if (input.optionsExhausted && col.escalateIfUnresolved)
    return { step: 'escalate', standard, column: col.column, reason: 'options-exhausted' };
  // BR-21 / BR-23 / quiz M1-Q3: when liveness is missing but not refused, offer the link again first;
  // G1 itself is the table for a customer who doesn't want to do a Liveness Check (L812).
  const others = col.options.filter((o) => o !== 'send-liveness-link');
  const offerLink = !input.livenessTest && !input.livenessDeclined;
  return {
    step: 'offer-options',
    standard,
    column: col.column,
    options: offerLink ? ['send-liveness-link', ...others] : others,
  };
}
