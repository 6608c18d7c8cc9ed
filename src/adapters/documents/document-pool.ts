// Document reading in a worker thread (piscina), so OCR and the face engine never run on the event loop that
// serves requests. One thread by default: it holds an OCR engine and a face engine (each loads in seconds, so
// an idle thread is kept for ten minutes). Callers bound their own queue.
import { Piscina } from 'piscina';
import type { DocumentReader, DocumentReading, DocumentTask } from '../../app/document-reading.ts';

export function createDocumentPool(threads = 1): DocumentReader {
  const pool = new Piscina<DocumentTask, DocumentReading>({
    filename: new URL('./document-worker-entry.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 10 * 60_000,
  });
  return {
    read: (task) => pool.run(task),
    close: () => pool.destroy(),
  };
}
