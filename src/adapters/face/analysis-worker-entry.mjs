// The worker threads' entry. In the build (build/, beside the compiled analysis-worker.js) it loads that; from the
// TypeScript sources it registers tsx's loader first (the main thread's loader does not carry over into workers).
import { existsSync } from 'node:fs';
import { setPriority } from 'node:os';

// Under contention the cores go to the event loop serving requests first: Linux keeps a nice value per thread
// (this worker's own; the threads it starts inherit it), so this lowers only the analysis worker.
setPriority(10);

if (!existsSync(new URL('./analysis-worker.js', import.meta.url))) (await import('tsx/esm/api')).register();
const { default: analyse } = await import('./analysis-worker.ts');
export default analyse;
