// Document benchmark: time to read one captured passport and its selfie as the server does (worker thread: image
// facts, OCR of the MRZ band and the visual zone, portrait and selfie descriptors; then MRZ validation,
// authenticity checks and the face score) against the OCR engine's and the face engine's own costs on the same
// images in the same run. Goal: document / engines alone <= 1.2.
// Run: node --import tsx bench/document.ts [rounds]   (needs Debian fonts-ocr-b, python-matplotlib-data)
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { createDocumentPool } from '../src/adapters/documents/document-pool.ts';
import { createDocumentOcr } from '../src/adapters/documents/ocr.ts';
import { renderSpecimen } from '../src/adapters/documents/specimens.ts';
import { getFaceEngine } from '../src/adapters/face/engine.ts';
import { HOPPER, missingImages } from '../src/adapters/face/synthetic-faces.ts';
import { extractedFrom, faceOutcome } from '../src/app/document-captures.ts';
import { DEFAULT_CALIBRATION } from '../src/domain/liveness/calibration/index.ts';
import { GRACE } from '../test/adapters/http/documents/support.ts';

const ROUNDS = Number(process.argv[2] ?? 5);

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const missing = missingImages();
  if (missing) throw new Error(missing);
  const page = await renderSpecimen(GRACE);
  const selfie = readFileSync(HOPPER);
  const options = { faceMatchThreshold: 40, calibration: DEFAULT_CALIBRATION };

  // the engines alone, on this thread: the two OCR passes, the face found on the page, the portrait and the
  // selfie described (the portrait crop is cut beforehand, outside the timing)
  const ocr = await createDocumentOcr();
  const engine = await getFaceEngine();
  const found = await engine.analyse(page);
  const face = found.faces[0];
  if (!face) throw new Error('no face on the specimen');
  const scale = (await sharp(page).metadata()).width / found.width;
  const m = face.box.width * 0.35;
  const crop = await sharp(page)
    .extract({
      left: Math.round((face.box.x - m) * scale),
      top: Math.round((face.box.y - m) * scale),
      width: Math.round((face.box.width + 2 * m) * scale),
      height: Math.round((face.box.height + 2 * m) * scale),
    })
    .jpeg({ quality: 95 })
    .toBuffer();
  const enginesAlone = async (): Promise<number> => {
    const t0 = performance.now();
    await ocr.read(page);
    await engine.analyse(page);
    await engine.analyse(crop, { descriptor: true });
    await engine.analyse(selfie, { descriptor: true });
    return performance.now() - t0;
  };

  // the server's path: the document pool's worker thread, then the checks
  const pool = createDocumentPool();
  const server = async (): Promise<{ ms: number; ocrMs: number; faceMs: number }> => {
    const t0 = performance.now();
    const reading = await pool.read({ document: page, selfie });
    const found = extractedFrom(reading, new Date());
    const faceResult = faceOutcome(reading, options);
    if (!found.mrzValid || faceResult?.score === null) throw new Error('the specimen was not read');
    return { ms: performance.now() - t0, ocrMs: reading.timing.ocrMs, faceMs: reading.timing.faceMs };
  };

  await enginesAlone();
  await server(); // warm-up: loads both engines in the worker thread
  const alone: number[] = [];
  const full: { ms: number; ocrMs: number; faceMs: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    alone.push(await enginesAlone());
    full.push(await server());
  }
  await pool.close();
  await ocr.close();
  const a = median(alone);
  const f = median(full.map((r) => r.ms));
  console.log(
    `document ${f.toFixed(0)} ms (OCR ${median(full.map((r) => r.ocrMs)).toFixed(0)} ms, faces ${median(full.map((r) => r.faceMs)).toFixed(0)} ms) vs engines alone ${a.toFixed(0)} ms, median of ${ROUNDS} rounds after one warm-up`,
  );
  console.log(`bench document: ratio ${(f / a).toFixed(2)} (goal <= 1.2)`);
}

await main();
process.exit(0);
