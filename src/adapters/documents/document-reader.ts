// Reads one captured document (and the selfie, when one came with it): the document found in the photo and set
// straight (when the photo is wider than it), image facts, OCR of the page with its print set level, and the face descriptors of the
// document's portrait and of the selfie. Runs inside a worker thread (document-pool.ts); the OCR and face engines
// are loaded once per thread, on its first document.
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { getFaceEngine, type FaceObservation } from '../face/index.ts';
import {
  UNREADABLE_IMAGE,
  type DocumentReading,
  type DocumentTask,
  type FaceReading,
} from '../../app/document-reading.ts';
import { measureImage } from './image-facts.ts';
import { locateAndStraighten } from './locate-document.ts';
import { levelPrint } from './level-print.ts';
import { createDocumentOcr, type DocumentOcr } from './ocr.ts';

/** The portrait is cut from the page with this margin around the detected face, then described. */
const PORTRAIT_MARGIN = 0.35;

let ocrPromise: Promise<DocumentOcr> | undefined;
function ocr(): Promise<DocumentOcr> {
  ocrPromise ??= createDocumentOcr().catch((error: unknown) => {
    ocrPromise = undefined;
    throw error;
  });
  return ocrPromise;
}

const largest = (faces: readonly FaceObservation[]): FaceObservation | undefined =>
  [...faces].sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height)[0];

async function portraitOf(page: Buffer): Promise<FaceReading> {
  const engine = await getFaceEngine();
  const found = await engine.analyse(page);
  const face = largest(found.faces);
  if (!face) return { faceCount: 0 };
  const { width, height } = (await sharp(page).metadata()).autoOrient;
  const scale = width / found.width;
  const margin = Math.max(face.box.width, face.box.height) * PORTRAIT_MARGIN;
  const left = Math.max(0, Math.floor((face.box.x - margin) * scale));
  const top = Math.max(0, Math.floor((face.box.y - margin) * scale));
  const right = Math.min(width, Math.ceil((face.box.x + face.box.width + margin) * scale));
  const bottom = Math.min(height, Math.ceil((face.box.y + face.box.height + margin) * scale));
  const crop = await sharp(page)
    .rotate()
    .extract({ left, top, width: right - left, height: bottom - top })
    .jpeg({ quality: 95 })
    .toBuffer();
  const described = largest((await engine.analyse(crop, { descriptor: true })).faces);
  return { faceCount: found.faces.length, ...(described?.descriptor ? { descriptor: described.descriptor } : {}) };
}

async function selfieOf(image: Buffer): Promise<FaceReading> {
  const engine = await getFaceEngine();
  const faces = (await engine.analyse(image, { descriptor: true })).faces;
  const face = faces.length === 1 ? faces[0] : undefined;
  return { faceCount: faces.length, ...(face?.descriptor ? { descriptor: face.descriptor } : {}) };
}

const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Decodes the whole image once; a file that does not decode is the sender's problem, named by its field. */
async function decodable(image: Buffer, field: 'document' | 'selfie'): Promise<void> {
  try {
    await sharp(image).stats();
  } catch {
    throw new Error(`${UNREADABLE_IMAGE} ${field}`);
  }
}

export async function readDocument(task: DocumentTask): Promise<DocumentReading> {
  const t0 = performance.now();
  const file = asBuffer(task.document);
  // Both decoded at once (sharp's threads); when both fail, the document is named.
  const checks = await Promise.allSettled([
    decodable(file, 'document'),
    task.selfie ? decodable(asBuffer(task.selfie), 'selfie') : undefined,
  ]);
  for (const check of checks) if (check.status === 'rejected') throw check.reason;
  const located = await locateAndStraighten(file);
  const page = located.image;
  const facts = await measureImage(page, file);
  // tesseract.js reads in a thread of its own while the face engine runs on this one: the two at once.
  const faces = async () => {
    const f0 = performance.now();
    const portrait = await portraitOf(page);
    const selfie = task.selfie ? await selfieOf(asBuffer(task.selfie)) : undefined;
    return { portrait, selfie, faceMs: performance.now() - f0 };
  };
  // the OCR reads the page with its print set level (a page photographed slightly turned misreads its MRZ)
  const read = async () => {
    const level = await levelPrint(page);
    return (await ocr()).read(level.image);
  };
  const [text, { portrait, selfie, faceMs }] = await Promise.all([read(), faces()]);
  return {
    facts,
    mrzText: text.mrzText,
    visualText: text.visualText,
    portrait,
    located: { found: located.located, angleDeg: Math.round(located.angleDeg * 10) / 10 },
    ...(selfie ? { selfie } : {}),
    timing: { ocrMs: text.ms, faceMs, totalMs: performance.now() - t0 },
  };
}

export default readDocument;
