// The worker threads' entry: pono's sources are TypeScript, so each worker registers tsx's loader before it loads
// the analysis (the main thread's loader does not carry over into workers).
import { register } from 'tsx/esm/api';

register();
const { default: analyse } = await import('./analysis-worker.ts');
export default analyse;
