// `npm run bench -- <name> [args…]` builds the server, then runs bench/<name>.ts through tsx (node --import tsx bench/<name>.ts args…);
// with no name it lists the benchmarks. Each benchmark ends with one line
// `bench <name>: ratio <x> (goal <op> <y>)`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = new URL('.', import.meta.url).pathname;
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .map((f) => f.slice(0, -3))
  .sort();

// The first comment line of a benchmark (a // line or a JSDoc block), as its one-line description.
function describe(name) {
  for (const line of readFileSync(join(dir, `${name}.ts`), 'utf8').split('\n')) {
    const text = line.replace(/^\s*(\/\/|\/\*\*|\*(?!\/))\s*/, '').trim();
    if (text !== '' && text !== line.trim()) return text.length > 100 ? `${text.slice(0, 99)}…` : text;
    if (text !== '' && !line.trim().startsWith('/')) break;
  }
  return '';
}

const [name, ...rest] = process.argv.slice(2);
if (name === undefined || name === '--help' || name === '-h') {
  console.log('usage: npm run bench -- <name> [options]\n\nbenchmarks:');
  for (const n of names) console.log(`  ${n.padEnd(12)} ${describe(n)}`);
  process.exit(0);
}
const file = join(dir, `${name}.ts`);
if (!/^[A-Za-z0-9_-]+$/.test(name) || !existsSync(file)) {
  console.error(`no benchmark "${name}"; one of: ${names.join(', ')}`);
  process.exit(2);
}
// Benchmarks run pono as an operator does, from its built JavaScript (bin/pono.js loads build/): build it
// first (incremental, quick when nothing changed) so that a bench never measures a stale or missing build.
console.log('building the server (npm run build:server)…');
const build = spawnSync(
  process.execPath,
  [join(dir, '../node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
  {
    stdio: 'inherit',
    cwd: join(dir, '..'),
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);
const child = spawn(process.execPath, ['--import', 'tsx', file, ...rest], { stdio: 'inherit', cwd: join(dir, '..') });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
