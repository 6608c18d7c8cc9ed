#!/usr/bin/env node
// The pono command. It runs the JavaScript built from the sources into build/ (`npm install` builds it, as does
// `npm run build:server`); with PONO_SOURCE=1, or before a build, it runs the TypeScript sources through tsx.
import { existsSync } from 'node:fs';

const built = new URL('../build/cli/main.js', import.meta.url);
const fromSource = process.env.PONO_SOURCE === '1' || !existsSync(built);
if (fromSource) (await import('tsx/esm/api')).register();
const { main } = await import(fromSource ? '../src/cli/main.ts' : built.href);
await main(process.argv);
