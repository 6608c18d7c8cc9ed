// What a document check found, as the stores keep it and the API shows it: the check of one photo, a person's
// capture of it (with the administrator's reviews), and the casework officer's check of a filed passport image.
import type { AuthenticityCheck } from './authenticity.ts';
import type { ExtractedDetails } from './recognition.ts';
import type { ComponentReview } from './review.ts';

export interface FaceOutcome {
  /** 0–100, or null when a face was missing (portrait or selfie) */
  readonly score: number | null;
  readonly threshold: number;
  readonly problem?: string;
}

/** What the document check found on one photo. */
export interface DocumentCheck {
  readonly documentType: string;
  readonly documentRegion: string;
  /** the issuing state (an AU driver licence's), or '' */
  readonly documentSubRegion?: string;
  readonly mrzValid: boolean;
  readonly extracted: ExtractedDetails;
  readonly checks: AuthenticityCheck[];
  /** the quality gates that failed: the person should take the photo again */
  readonly retake: string[];
  readonly face: FaceOutcome | null;
}

export const CAPTURE_STATUSES = ['AWAITING_CONFIRMATION', 'CONFIRMED'] as const;
export type CaptureStatus = (typeof CAPTURE_STATUSES)[number];

/** What a capture found, as the person and the API see it (stored as the capture's reading). */
export interface CaptureView extends DocumentCheck {
  readonly captureId: string;
  readonly verificationId: string;
  readonly status: CaptureStatus;
}

/** An administrator's decision on one component, as the capture keeps it (the audit of reviews). */
export interface ReviewRecord extends ComponentReview {
  readonly at: string;
  /** the component's state after the decision, and the combination's */
  readonly componentState: string;
  readonly combinationState: string;
}

/** What a casework check compared the portrait with, best first. */
export const FACE_PROBES = ['LIVENESS_BEST_FRAME', 'APPLICATION_PHOTO'] as const;
export type FaceProbe = (typeof FACE_PROBES)[number];

export interface RecordComparison {
  readonly field: 'givenNames' | 'familyName' | 'dateOfBirth';
  readonly recorded: string;
  readonly extracted: string;
  readonly matches: boolean;
}

/** An officer's check of a filed passport image, kept as the document's latest. */
export interface CaseworkDocumentCheck extends DocumentCheck {
  readonly documentId: string;
  readonly checkedAt: string;
  readonly checkedBy: string;
  /** what the portrait was compared with; null when the person has neither a liveness frame nor a photo */
  readonly faceComparedWith: FaceProbe | null;
  /** the extracted details against the person's recorded ones; empty for a document of no person */
  readonly record: RecordComparison[];
}
