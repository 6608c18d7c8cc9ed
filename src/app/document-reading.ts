// What the document reader (src/adapters/documents, in a worker thread) gives the use case for one capture.
import type { ImageFacts } from '../domain/documents/authenticity.ts';

export interface DocumentTask {
  readonly document: Uint8Array;
  readonly selfie?: Uint8Array;
}

export interface FaceReading {
  readonly faceCount: number;
  readonly descriptor?: readonly number[];
}

export interface DocumentReading {
  readonly facts: ImageFacts;
  /** OCR text of the band where a passport's MRZ is */
  readonly mrzText: string;
  /** OCR text of the page above it, or of the whole card when there is no MRZ */
  readonly visualText: string;
  readonly portrait: FaceReading;
  /** whether the document was found in a wider photo and cut out, and how far it was turned (degrees clockwise) */
  readonly located: { readonly found: boolean; readonly angleDeg: number };
  readonly selfie?: FaceReading;
  readonly timing: { readonly ocrMs: number; readonly faceMs: number; readonly totalMs: number };
}

/** The reader's error for an image that does not decode: `${UNREADABLE_IMAGE} <field>` (it crosses a thread). */
export const UNREADABLE_IMAGE = 'UNREADABLE_IMAGE';

/** The field named by an unreadable-image error, or undefined for any other error. */
export function unreadableField(error: unknown): 'document' | 'selfie' | undefined {
  const match =
    error instanceof Error ? new RegExp(`^${UNREADABLE_IMAGE} (document|selfie)$`).exec(error.message) : null;
  return match?.[1] === 'document' || match?.[1] === 'selfie' ? match[1] : undefined;
}

export interface DocumentReader {
  read(task: DocumentTask): Promise<DocumentReading>;
  close(): Promise<void>;
}
