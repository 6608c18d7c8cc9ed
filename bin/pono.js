#!/usr/bin/env node
// The pono command. It runs the JavaScript built from the sources into build/ (`npm install` builds it, as does
// `npm run build:server`); with PONO_SOURCE=1 it runs the TypeScript sources through tsx (development, tests).
// Without a build it runs the sources too, and says so once: they start slower and take more memory.
import { existsSync } from 'node:fs';

const built = new URL('../build/cli/main.js', import.meta.url);
const asked = process.env.PONO_SOURCE === '1';
const fromSource = asked || !existsSync(built);
if (fromSource && !asked)
  process.stderr.write(
    'pono: build/ is missing, so the TypeScript sources run through tsx (slower to start, more memory); `npm run build:server` builds it\n',
  );
if (fromSource) (await import('tsx/esm/api')).register();
const { main } = await import(fromSource ? '../src/cli/main.ts' : built.href);
await main(process.argv);
