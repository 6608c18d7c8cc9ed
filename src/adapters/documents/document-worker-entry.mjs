// The document workers' entry: pono's sources are TypeScript, so each worker registers tsx's loader before it
// loads the reader (the main thread's loader does not carry over into workers).
import { register } from 'tsx/esm/api';

register();
const { default: readDocument } = await import('./document-reader.ts');
export default readDocument;
