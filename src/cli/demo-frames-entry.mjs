// The demo frames' worker thread. In the build (build/, beside the compiled demo-frames.js) it loads that; from the
// TypeScript sources it registers tsx's loader first.
import { existsSync } from 'node:fs';

if (!existsSync(new URL('./demo-frames.js', import.meta.url))) (await import('tsx/esm/api')).register();
await import('./demo-frames.ts');
