// `pono records load --photos <dir>`: the AMS photos the records name are loaded with them, so a paid
// application's 1:1 record files the photo as "INZ photo of applicant" (BR-48) exactly as the API path does; a
// photo that is not in the directory, or a ref leaving it, is named and nothing is loaded.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { forEachDatabase } from '../support/databases.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { loadRecordsFile } from '../../src/cli/records.ts';
import { generatePopulation, type ImmigrationRecord } from '../../src/domain/records/index.ts';
import type { Actor } from '../../src/app/casework/actor.ts';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'pono-records-photos-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const residents = [...generatePopulation({ seed: 'records-photos', size: 60, referenceDate: '2024-06-30' })]
  .filter((p) => p.scenario === 'resident' && p.record.identity.photo !== null)
  .map((p) => p.record)
  .slice(0, 3);

/** A small JPEG per record, different for each, in <dir>/photos/ as the records name them. */
async function writeExport(name: string, records: readonly ImmigrationRecord[]): Promise<Map<string, Buffer>> {
  const exportDir = join(dir, name);
  mkdirSync(join(exportDir, 'photos'), { recursive: true });
  const photos = new Map<string, Buffer>();
  for (const [i, r] of records.entries()) {
    const jpeg = await sharp({
      create: { width: 40, height: 50, channels: 3, background: { r: 30 * i, g: 120, b: 200 - 30 * i } },
    })
      .jpeg()
      .toBuffer();
    const ref = r.identity.photo?.ref ?? '';
    writeFileSync(join(exportDir, ref), jpeg);
    photos.set(r.identity.identityId, jpeg);
  }
  writeFileSync(join(exportDir, 'records.ndjson'), records.map((r) => JSON.stringify(r)).join('\n'));
  return photos;
}

forEachDatabase((kind) => {
  let t: TestApp;
  let officer: Actor;
  before(async () => {
    t = await startTestApp(kind, { demo: false });
    const created = await t.services.casework.officers.create({
      email: `photos-${kind}@dia.example`,
      fullName: 'Photo Officer',
      roles: ['case-officer'],
      password: 'password password',
    });
    officer = { officerId: created.id, roles: created.roles };
  });
  after(() => t.close());

  it('BR-48: a loaded record\'s AMS photo is filed on the application as "INZ photo of applicant"', async () => {
    const photos = await writeExport(`${kind}-ok`, residents);
    const exportDir = join(dir, `${kind}-ok`);
    const outcome = await loadRecordsFile(t.services.records, join(exportDir, 'records.ndjson'), undefined, exportDir);
    assert.deepEqual(outcome.messages, []);
    assert.deepEqual(outcome.result, { ok: true, loaded: residents.length });

    const record = residents[1];
    assert.ok(record);
    const i = record.identity;
    const cw = t.services.casework;
    const { reference } = await cw.applications.create(officer, { applicationType: 'CBG Adult' });
    const person = await cw.applications.addPerson(officer, reference, {
      relationship: 'applicant',
      givenNames: [i.givenNames, i.middleNames].filter(Boolean).join(' '),
      familyName: i.familyName,
      dateOfBirth: i.dateOfBirth,
      gender: i.gender,
      countryOfBirth: i.countryOfBirth,
    });
    await cw.applications.submit(officer, reference, { paid: true, submittedOn: '2024-05-20' });
    let status = '';
    for (let n = 0; n < 200 && status !== 'fetched'; n++) {
      status = (await cw.applications.get(officer, reference)).recordsStatus;
      if (status !== 'fetched') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const view = await cw.applications.get(officer, reference);
    assert.equal((view.records as { summary: { identityMatch: string } } | null)?.summary.identityMatch, '1:1 match');
    const docs = await cw.applications.documents(officer, reference);
    const ams = docs.find((d) => d.kind === 'inz-photo');
    assert.ok(ams, JSON.stringify(docs));
    assert.deepEqual(
      [ams.documentType, ams.providedAs, ams.fileName, ams.personId, ams.contentType],
      ['INZ photo of applicant', 'Identity', `${i.photo?.name ?? ''}.jpg`, person.id, 'image/jpeg'],
    );
    const { content } = await cw.applications.document(officer, reference, ams.id);
    assert.ok(Buffer.from(content).equals(photos.get(i.identityId) ?? Buffer.alloc(0)), 'the same bytes as the file');
  });

  it('a photo missing from the directory, or a ref leaving it, is named and nothing is loaded', async () => {
    const [a, b] = residents;
    assert.ok(a && b);
    const renamed = (r: ImmigrationRecord, id: string, ref: string): ImmigrationRecord => ({
      ...r,
      identity: { ...r.identity, identityId: id, photo: { name: id, ref } },
    });
    const exportDir = join(dir, `${kind}-bad`);
    await writeExport(`${kind}-bad`, [a]);
    const records = [a, renamed(b, 'MISSING1', 'photos/not-there.jpg'), renamed(b, 'ESCAPE1', '../../etc/passwd')];
    const file = join(exportDir, 'records.ndjson');
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
    const outcome = await loadRecordsFile(t.services.records, file, undefined, exportDir);
    assert.equal(outcome.result, null);
    assert.deepEqual(outcome.messages, [
      `${file}: line 2: /identity/photo/ref photos/not-there.jpg is not in the photos directory ${exportDir}`,
      `${file}: line 3: /identity/photo/ref ../../etc/passwd is not in the photos directory ${exportDir}`,
    ]);
    await assert.rejects(t.services.records.getIdentity(officer, 'MISSING1'), /was not found/);
  });
});

describe('pono records load --photos (child process, embedded database)', () => {
  it('says it loaded the records with their photos; without the photos it names the missing one', async () => {
    const exportDir = join(dir, 'cli');
    await writeExport('cli', residents.slice(0, 2));
    // The embedded database, whatever server the run's environment names.
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', PONO_DATA_DIR: join(dir, 'cli-data') };
    delete env.DATABASE_URL;
    delete env.DATABASE_SCHEMA;
    const pono = join(root, 'bin/pono.js');
    const ok = await run(process.execPath, [pono, 'records', 'load', 'records.ndjson', '--photos', '.'], {
      cwd: exportDir,
      env,
    });
    assert.match(ok.stdout, /loaded 2 immigration records from records\.ndjson with their photos from \./);
    const refused = await run(process.execPath, [pono, 'records', 'load', 'records.ndjson', '--photos', 'elsewhere'], {
      cwd: exportDir,
      env,
    }).catch((error: { code: number; stderr: string }) => error);
    assert.equal('code' in refused ? refused.code : 0, 1);
    assert.match(
      refused.stderr,
      /line 1: \/identity\/photo\/ref photos\/\S+\.jpg is not in the photos directory elsewhere/,
    );
    assert.match(refused.stderr, /nothing was loaded/);
  });
});
