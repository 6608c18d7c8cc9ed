// The demo frames' worker thread: pono's sources are TypeScript, so the worker registers tsx's loader first.
import { register } from 'tsx/esm/api';

register();
await import('./demo-frames.ts');
