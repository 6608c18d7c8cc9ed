// The OCR engine: tesseract.js (Tesseract 5 compiled to WebAssembly) with the English LSTM model of the
// @tesseract.js-data/eng package, read from node_modules (langPath is a folder, so tesseract.js reads the file
// and never fetches; cacheMethod 'none' writes no copy into the working folder). One engine per worker thread.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { td3FromText } from '../../domain/documents/mrz.ts';

const require = createRequire(import.meta.url);

/** The MRZ lies in the bottom part of a TD3 data page; the visual zone above it. */
const MRZ_BAND = 0.3;
/** The band is read at this width at most: OCR-B at about 20 px per character reads best. */
const MRZ_READ_WIDTH = 900;
const MRZ_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

export interface PageText {
  /** OCR text of the bottom band (where a passport's MRZ is), read with the MRZ alphabet only */
  readonly mrzText: string;
  /** OCR text of the page above the band; of the whole document when the band holds no MRZ (a driver licence) */
  readonly visualText: string;
  readonly ms: number;
}

export interface DocumentOcr {
  read(image: Buffer): Promise<PageText>;
  close(): Promise<void>;
}

/** The folder of the LSTM-only ("best_int") English model in the installed package. */
function modelFolder(): string {
  return join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

export async function createDocumentOcr(): Promise<DocumentOcr> {
  const worker: Worker = await createWorker('eng', OEM.LSTM_ONLY, {
    langPath: modelFolder(),
    cacheMethod: 'none',
    gzip: true,
  });
  return {
    async read(image) {
      const t0 = performance.now();
      const page = sharp(image).rotate().greyscale();
      const { width, height } = (await page.clone().metadata()).autoOrient;
      const top = Math.round(height * (1 - MRZ_BAND));
      const band = await page
        .clone()
        .extract({ left: 0, top, width, height: height - top })
        .resize({ width: MRZ_READ_WIDTH, withoutEnlargement: true })
        .normalise()
        .png()
        .toBuffer();
      await worker.setParameters({ tessedit_char_whitelist: MRZ_ALPHABET, tessedit_pageseg_mode: PSM.SINGLE_BLOCK });
      const mrz = await worker.recognize(band);
      // a passport's visual zone is the page above its MRZ; a card without an MRZ is read whole
      const hasMrz = td3FromText(mrz.data.text) !== null;
      const rest = hasMrz ? page.clone().extract({ left: 0, top: 0, width, height: top }) : page.clone();
      await worker.setParameters({ tessedit_char_whitelist: '', tessedit_pageseg_mode: PSM.AUTO });
      const viz = await worker.recognize(await rest.png().toBuffer());
      return { mrzText: mrz.data.text, visualText: viz.data.text, ms: performance.now() - t0 };
    },
    close: async () => {
      await worker.terminate();
    },
  };
}
