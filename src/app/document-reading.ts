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
  /** OCR text of the page above it */
  readonly visualText: string;
  readonly portrait: FaceReading;
  readonly selfie?: FaceReading;
  readonly timing: { readonly ocrMs: number; readonly faceMs: number; readonly totalMs: number };
}

export interface DocumentReader {
  read(task: DocumentTask): Promise<DocumentReading>;
  close(): Promise<void>;
}
