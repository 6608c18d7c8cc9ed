// The worker threads' entry. In the build (build/, beside the compiled analysis-worker.js) it loads that; from the
// TypeScript sources it registers tsx's loader first (the main thread's loader does not carry over into workers).
import { existsSync } from 'node:fs';

if (!existsSync(new URL('./analysis-worker.js', import.meta.url))) (await import('tsx/esm/api')).register();
const { default: analyse } = await import('./analysis-worker.ts');
export default analyse;
