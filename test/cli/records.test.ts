// `pono records generate` (deterministic bytes) and `pono records load` (JSON, NDJSON and CSV round trips;
// all or nothing).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { RecordsStore } from '../../src/adapters/records/store.ts';
import { loadRecordsFile, writeGeneratedRecords } from '../../src/cli/records.ts';
import { generatePopulation, type ImmigrationRecord } from '../../src/domain/records/index.ts';
import type { RecordsFormat } from '../../src/adapters/records/files.ts';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const pono = join(root, 'bin/pono.js');
const dir = mkdtempSync(join(tmpdir(), 'pono-records-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [pono, ...args], {
      cwd: dir,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('pono records generate', () => {
  it('the same seed gives the same bytes (file or standard output); another seed does not', async () => {
    const [a, b, other] = await Promise.all([
      cli(['records', 'generate', '--people', '40', '--seed', 'same', '-o', 'a.ndjson']),
      cli(['records', 'generate', '--people', '40', '--seed', 'same']),
      cli(['records', 'generate', '--people', '40', '--seed', 'other']),
    ]);
    assert.equal(a.code, 0, a.stderr);
    assert.match(a.stderr, /wrote 40 immigration records/);
    const fileBytes = readFileSync(join(dir, 'a.ndjson'), 'utf8');
    assert.equal(fileBytes, b.stdout);
    assert.notEqual(other.stdout, b.stdout);
    assert.equal(fileBytes.trim().split('\n').length, 40);
  });

  it('refuses a bad --people', async () => {
    const bad = await cli(['records', 'generate', '--people', 'many']);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /--people must be a whole number/);
  });
});

describe('pono records load (child process, embedded database)', () => {
  it('loads a generated file, and refuses a file with a bad record writing nothing', async () => {
    const env = { PONO_DATA_DIR: join(dir, 'data') };
    assert.equal(
      (await cli(['records', 'generate', '--people', '12', '--seed', 'load', '--format', 'csv', '-o', 'people.csv']))
        .code,
      0,
    );
    const loaded = await cli(['records', 'load', 'people.csv'], env);
    assert.equal(loaded.code, 0, loaded.stderr);
    assert.match(loaded.stdout, /loaded 12 immigration records from people\.csv/);

    const records = readFileSync(join(dir, 'people.csv'), 'utf8').split('\n');
    records[3] = (records[3] ?? '').replace(/,(\d{4})-(\d{2})-(\d{2}),/, ',$1-02-30,');
    writeFileSync(join(dir, 'bad.csv'), records.join('\n'));
    const refused = await cli(['records', 'load', 'bad.csv'], env);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /bad\.csv: row 3 \(line 4\): \/identity\/dateOfBirth is not a calendar date/);
    assert.match(refused.stderr, /nothing was loaded/);
  });
});

forEachDatabase((kind) => {
  let database: TestDatabase;
  let store: RecordsStore;
  const people: ImmigrationRecord[] = [
    ...generatePopulation({ seed: 'round trip', size: 25, referenceDate: '2024-06-30' }),
  ].map((p) => p.record);
  before(async () => {
    database = await openTestDatabase(kind);
    store = new RecordsStore(database.db);
  });
  after(() => database.dispose());

  for (const format of ['ndjson', 'json', 'csv'] as RecordsFormat[]) {
    it(`round trip through a ${format} file: every record reads back equal`, async () => {
      const path = join(dir, `${kind}-round.${format}`);
      const out = createWriteStream(path);
      await writeGeneratedRecords(out, { people: 25, seed: 'round trip', format, referenceDate: '2024-06-30' });
      out.end();
      await once(out, 'finish');
      const outcome = await loadRecordsFile(store, path);
      assert.deepEqual(outcome.messages, []);
      assert.deepEqual(outcome.result, { ok: true, loaded: 25 });
      for (const record of people) assert.deepEqual(await store.getIdentity(record.identity.identityId), record);
    });
  }

  it('a malformed NDJSON line is named and nothing is loaded', async () => {
    const path = join(dir, `${kind}-bad.ndjson`);
    writeFileSync(
      path,
      `${JSON.stringify({ ...people[0], identity: { ...people[0]?.identity, identityId: 'NEW1' } })}\n{"identity": oops\n`,
    );
    const outcome = await loadRecordsFile(store, path);
    assert.equal(outcome.result, null);
    assert.deepEqual(
      outcome.messages.map((m) => m.replace(/\(.*\)/, '(…)')),
      [`${path}: line 2: is not valid JSON (…)`],
    );
    assert.equal(await store.getIdentity('NEW1'), null);
  });
});
