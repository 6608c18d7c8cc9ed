// Every Node.js version that package.json's "engines" promises is one every installed production dependency
// accepts (npm would otherwise warn EBADENGINE at install, and the package may not work), and the README states
// the same minimum.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';

const root = new URL('../../', import.meta.url).pathname;

interface LockEntry {
  dev?: boolean;
}
interface Manifest {
  name?: string;
  version?: string;
  engines?: { node?: string };
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** The production dependencies npm ci installed (the lockfile's entries not marked dev, present on disk). */
function installedProductionPackages(): Manifest[] {
  const lock = readJson<{ packages: Record<string, LockEntry> }>(join(root, 'package-lock.json'));
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && entry.dev !== true && existsSync(join(root, path, 'package.json')))
    .map(([path]) => readJson<Manifest>(join(root, path, 'package.json')));
}

/** The dependencies whose own Node.js range leaves out some version of `stated`. */
export function excluding(stated: string, packages: Manifest[]): string[] {
  return packages
    .filter((p) => p.engines?.node !== undefined && !semver.subset(stated, p.engines.node))
    .map((p) => `${p.name ?? '?'}@${p.version ?? '?'} needs Node ${p.engines?.node ?? ''}`);
}

const stated = readJson<Manifest>(join(root, 'package.json')).engines?.node ?? '';

test('every installed production dependency runs on every Node.js version package.json promises', () => {
  assert.ok(semver.validRange(stated), `package.json states a Node.js range (${stated})`);
  assert.ok(semver.satisfies(process.version, stated), `this machine's Node.js ${process.version} is one of them`);
  const packages = installedProductionPackages();
  assert.ok(packages.length > 100, 'the installed tree is read');
  assert.deepEqual(excluding(stated, packages), []);
});

test('the check refuses a dependency that needs a newer Node.js than promised', () => {
  const cookie2 = { name: 'cookie', version: '2.0.2', engines: { node: '>=22' } };
  const vite8 = { name: 'vite', version: '8.4.0', engines: { node: '^20.19.0 || >=22.12.0' } };
  assert.deepEqual(excluding(stated, [cookie2, vite8, { name: 'no-engines' }]), ['cookie@2.0.2 needs Node >=22']);
  assert.deepEqual(excluding('>=20.9', [vite8]), ['vite@8.4.0 needs Node ^20.19.0 || >=22.12.0']);
});

test('the README states the minimum package.json promises', () => {
  const minimum = semver.minVersion(stated)?.version ?? '';
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const [major, minor] = minimum.split('.');
  assert.match(readme, new RegExp(`Node\\.js ${major}\\.${minor} or newer`));
});
