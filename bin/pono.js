#!/usr/bin/env node
// The pono command. It runs the JavaScript built from the sources into build/ (`npm install` builds it, as does
// `npm run build:server`); with PONO_SOURCE=1 it runs the TypeScript sources through tsx (development, tests).
// Without a build it runs the sources too, and says so once: they start slower and take more memory. A build
// older than a source file (a checkout or an edit since the last build) still runs, with a warning.
import { existsSync, readdirSync, statSync } from 'node:fs';

const built = new URL('../build/cli/main.js', import.meta.url);
const asked = process.env.PONO_SOURCE === '1';
const fromSource = asked || !existsSync(built);
if (fromSource && !asked)
  process.stderr.write(
    'pono: build/ is missing, so the TypeScript sources run through tsx (slower to start, more memory); `npm run build:server` builds it\n',
  );
if (!fromSource && buildIsOlderThanSources())
  process.stderr.write(
    'pono: src/ has changed since build/ was made, so this runs the older build; `npm run build:server` brings it up to date\n',
  );
if (fromSource) await registerTypeScript();
const { main } = await import(fromSource ? '../src/cli/main.ts' : built.href);
await main(process.argv);

function buildIsOlderThanSources() {
  const stamp = new URL('../build/.tsbuildinfo', import.meta.url);
  const sources = new URL('../src/', import.meta.url);
  if (!existsSync(stamp) || !existsSync(sources)) return false;
  const builtAt = statSync(stamp).mtimeMs;
  return readdirSync(sources, { recursive: true, withFileTypes: true }).some(
    (entry) => entry.isFile() && statSync(`${entry.parentPath}/${entry.name}`).mtimeMs > builtAt,
  );
}

async function registerTypeScript() {
  try {
    (await import('tsx/esm/api')).register();
  } catch {
    process.stderr.write(
      'pono: running the sources needs tsx, a development dependency: `npm install` (without --omit=dev) installs it and builds build/\n',
    );
    process.exit(1);
  }
}
