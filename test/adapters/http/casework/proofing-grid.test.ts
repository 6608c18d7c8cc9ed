// The identity proofing grid read from the file (issue 12), end to end on both databases with the real
// immigration-records store: the AMS photo comes with the records and is filed on the application (BR-48) and
// served to officers only; the liveness test counts only by the officer's satisfactory assessment on "Identity
// is bound" (BR-11), never because a link is Completed; the seed's grid G1 (seed 000 L798–808) column by
// column, including a failed liveness; the INZ Results row's five columns and the re-trigger time (L1444);
// a 1:N result carries an exception (BR-54, L2353).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../../support/databases.ts';
import { startTestApp, type TestApp } from '../../../support/app.ts';
import { ManualClock } from '../../../../src/app/clock.ts';
import { generatePopulation, type ImmigrationRecord } from '../../../../src/domain/records/index.ts';
import {
  CaseworkClient,
  eventually,
  multipart,
  startMailbox,
  type App,
  type Mailbox,
  type Officers,
  type Task,
} from './casework-client.ts';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('an AMS photo')]);

/** G1 as the seed prints it (L800–806): AMS photo, overseas passport image, application photo, liveness → achieved, options. */
const G1_ROWS: readonly {
  column: number;
  ams: boolean;
  passport: boolean;
  photo: boolean;
  liveness: boolean;
  achieved: string;
  options: string;
}[] = [
  { column: 1, ams: true, passport: true, photo: true, liveness: true, achieved: 'Yes', options: 'N/A' },
  { column: 2, ams: true, passport: true, photo: true, liveness: false, achieved: 'No', options: 'P' },
  { column: 3, ams: false, passport: true, photo: true, liveness: true, achieved: 'No', options: 'P' },
  { column: 4, ams: false, passport: true, photo: true, liveness: false, achieved: 'No', options: 'P' },
  { column: 5, ams: false, passport: false, photo: true, liveness: true, achieved: 'No', options: 'E' },
  { column: 6, ams: false, passport: false, photo: true, liveness: false, achieved: 'No', options: 'E' },
];
const STEP = { 'N/A': 'achieved', P: 'offer-options', E: 'escalate' } as const;

interface Grid {
  evidence: Record<string, boolean>;
  step: { step: string; column: number | null; options?: string[] };
}
interface Doc {
  id: string;
  kind: string;
  documentType: string;
  providedAs: string;
  fileName: string;
  uploadedBy: string;
}
interface Row {
  inzName: string;
  identityMatch: string;
  presence: string;
  alerts: string;
  dateTime: string;
  retriggeredAt: string | null;
}

forEachDatabase((kind) => {
  let t: TestApp;
  let c: CaseworkClient;
  let o: Officers;
  let mail: Mailbox;
  const clock = new ManualClock(new Date('2024-06-03T21:30:00Z')); // Tuesday 4 June 2024, 9:30 AM in NZ
  const people = [...generatePopulation({ seed: 'proofing-grid', size: 40, referenceDate: '2024-06-30' })];
  const withPhoto = people.filter((p) => p.scenario !== 'no photo' && p.scenario !== 'namesake').map((p) => p.record);
  const noPhoto = people.find((p) => p.scenario === 'no photo')?.record;
  let loaded: ImmigrationRecord[] = [];

  before(async () => {
    mail = await startMailbox();
    t = await startTestApp(kind, {
      demo: false,
      clock,
      env: { SMTP_URL: mail.url, PONO_PUBLIC_URL: 'https://pono.test' },
    });
    c = new CaseworkClient(t, true);
    o = await c.officers('grid');
    // Every record but one comes with its photo; a photo that does not come with the records is not held.
    loaded = [...withPhoto.slice(0, 8), ...(noPhoto ? [noPhoto] : [])];
    const records = loaded.map((r, i) =>
      r.identity.photo && i < 7
        ? { ...r, identity: { ...r.identity, photo: { ...r.identity.photo, content: PNG.toString('base64') } } }
        : r,
    );
    assert.deepEqual(await t.services.records.load(records), { ok: true, loaded: records.length });
  });
  after(async () => {
    await t.close();
    await mail.close();
  });

  async function applicationFor(record: ImmigrationRecord, email: string): Promise<{ ref: string; personId: string }> {
    const app = await c.expect<App>(201, o.caseOfficer, 'POST', '/applications', { applicationType: 'CBG Adult' });
    const i = record.identity;
    const person = await c.expect<{ id: string }>(201, o.caseOfficer, 'POST', `/applications/${app.reference}/people`, {
      relationship: 'applicant',
      givenNames: [i.givenNames, i.middleNames].filter(Boolean).join(' '),
      familyName: i.familyName,
      dateOfBirth: i.dateOfBirth,
      gender: i.gender,
      countryOfBirth: i.countryOfBirth,
      email,
    });
    await c.expect(200, o.caseOfficer, 'POST', `/applications/${app.reference}/submit`, {
      paid: true,
      submittedOn: '2024-05-20',
    });
    await fetched(app.reference);
    return { ref: app.reference, personId: person.id };
  }
  async function fetched(ref: string) {
    return eventually(async () => {
      const a = await c.expect<{
        recordsStatus: string;
        records: { summary: Row; exceptions: { exception: string }[] };
      }>(200, o.caseOfficer, 'GET', `/applications/${ref}`);
      return a.recordsStatus === 'fetched' ? a : null;
    });
  }
  async function upload(ref: string, kind: string, personId: string) {
    const body = multipart({ kind, personId }, { name: `${kind}.png`, content: PNG, type: 'image/png' });
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${ref}/documents`,
      headers: { ...o.caseOfficer.headers, ...body.headers },
      payload: body.payload,
    });
    assert.equal(r.statusCode, 201, r.body);
    return r.json<Doc>();
  }
  async function completedLink(ref: string, personId: string, email: string): Promise<string> {
    const link = await c.expect<{ id: string }>(201, o.caseOfficer, 'POST', `/applications/${ref}/liveness-links`, {
      personId,
      relationship: 'Adult',
    });
    await c.expect(200, o.caseOfficer, 'POST', `/liveness-links/${link.id}/send`);
    await t.services.casework.links.completeByToken(await mail.tokenFor(email));
    return link.id;
  }
  async function boundTask(ref: string, personId: string): Promise<Task> {
    const tasks = await c.expect<Task[]>(200, o.caseOfficer, 'GET', `/applications/${ref}/tasks`);
    const bound = tasks.find((x) => x.personId === personId && x.kind === 'identity-is-bound');
    assert.ok(bound);
    return bound;
  }
  const grid = (ref: string, personId: string, body: object = {}) =>
    c.expect<Grid>(200, o.caseOfficer, 'POST', `/applications/${ref}/people/${personId}/proofing-decision`, body);

  test('BR-48: the AMS photo comes with the records, is filed as "INZ photo of applicant" / Identity, and only officers of a reading role may open it', async () => {
    const record = loaded[0] as ImmigrationRecord;
    const { ref, personId } = await applicationFor(record, 'ams-photo@example.com');
    const docs = await c.expect<Doc[]>(200, o.caseOfficer, 'GET', `/applications/${ref}/documents`);
    const photo = docs.find((d) => d.kind === 'inz-photo');
    assert.ok(photo, 'the AMS photo is in the supporting documents');
    assert.deepEqual(
      [photo.documentType, photo.providedAs, photo.fileName, photo.uploadedBy],
      ['INZ photo of applicant', 'Identity', `${record.identity.photo?.name ?? ''}.png`, 'system'],
    );
    const opened = await c.call(o.validator, 'GET', `/applications/${ref}/documents/${photo.id}`);
    assert.equal(opened.statusCode, 200);
    assert.deepEqual(opened.rawPayload, PNG);
    assert.equal((await c.call(o.admin, 'GET', `/applications/${ref}/documents/${photo.id}`)).statusCode, 403);
    assert.equal((await c.call(null, 'GET', `/applications/${ref}/documents/${photo.id}`)).statusCode, 401);
    // A re-trigger bringing the same photo does not file it twice.
    await c.expect(202, o.caseOfficer, 'POST', `/applications/${ref}/records/refetch`);
    await fetched(ref);
    const again = await c.expect<Doc[]>(200, o.caseOfficer, 'GET', `/applications/${ref}/documents`);
    assert.deepEqual(
      again.filter((d) => d.kind === 'inz-photo').map((d) => d.id),
      [photo.id],
    );
    // Officers cannot upload an "AMS photo" themselves: it comes only with the records.
    const forgedBody = multipart({ kind: 'inz-photo', personId }, { name: 'x.png', content: PNG, type: 'image/png' });
    const forged = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${ref}/documents`,
      headers: { ...o.caseOfficer.headers, ...forgedBody.headers },
      payload: forgedBody.payload,
    });
    assert.equal(forged.statusCode, 400);
    assert.equal(forged.json().problems[0].field, 'kind');
  });

  test("supporting documents carry the seed's Document type and Provided as (L964); passport scans among them", async () => {
    const { ref, personId } = await applicationFor(loaded[1] as ImmigrationRecord, 'documents@example.com');
    const photo = await upload(ref, 'passport-style-image', personId);
    const passport = await upload(ref, 'overseas-passport-image', personId);
    assert.deepEqual([photo.documentType, photo.providedAs], ['Photo of applicant', 'Identity']);
    assert.deepEqual([passport.documentType, passport.providedAs], ['Passport', 'Travel document']);
  });

  test('a record naming a photo that did not come with the records: "No image returned", and no AMS photo in the grid', async () => {
    const { ref, personId } = await applicationFor(loaded[7] as ImmigrationRecord, 'no-image@example.com');
    const a = await fetched(ref);
    assert.ok(a.records.exceptions.some((e) => e.exception === 'No image returned'));
    assert.equal((await grid(ref, personId)).evidence.amsPhoto, false);
  });

  test('G1 against the seed rows: a Completed link never counts by itself; a satisfactory assessment does; a failed liveness does not', async () => {
    for (const row of G1_ROWS) {
      const record = (row.ams ? loaded[2 + (row.column % 4)] : (noPhoto ?? loaded[7])) as ImmigrationRecord;
      const email = `grid-${row.column}@example.com`;
      const { ref, personId } = await applicationFor(record, email);
      if (row.passport) await upload(ref, 'overseas-passport-image', personId);
      if (row.photo) await upload(ref, 'passport-style-image', personId);
      const linkId = await completedLink(ref, personId, email);
      // The link is Completed, but the officer has not assessed it: the grid reads no liveness test.
      assert.equal(
        (await grid(ref, personId)).evidence.livenessTest,
        false,
        `column ${row.column}: a Completed link alone`,
      );
      const bound = await boundTask(ref, personId);
      const assessment = { result: row.liveness ? 'satisfactory' : 'not-satisfactory', linkId, recordings: ['shake'] };
      const prepared = await c.expect<Task & { livenessAssessment: object }>(
        200,
        o.caseOfficer,
        'POST',
        `/tasks/${bound.id}/prepare`,
        {
          outcome: row.liveness ? 'pass' : 'fail',
          criteria: ['liveness-check'],
          comments: "Watched 'shake' recording",
          livenessAssessment: assessment,
        },
      );
      assert.deepEqual(prepared.livenessAssessment, assessment);
      const decided = await grid(ref, personId);
      assert.deepEqual(
        decided.evidence,
        {
          amsPhoto: row.ams,
          overseasPassportImage: row.passport,
          applicationPhoto: row.photo,
          livenessTest: row.liveness,
        },
        `column ${row.column}`,
      );
      assert.equal(decided.step.column, row.column, `column ${row.column}`);
      assert.equal(decided.step.step, STEP[row.options as keyof typeof STEP], `column ${row.column}: ${row.achieved}`);
      // A validator who disagrees returns the task: the assessment no longer stands, so it no longer counts.
      if (row.liveness) {
        await c.expect(200, o.validator, 'POST', `/tasks/${bound.id}/return`, {
          reason: 'the shake recording shows a still photo',
        });
        assert.equal((await grid(ref, personId)).evidence.livenessTest, false, `column ${row.column}: returned`);
      }
    }
  });

  test('an assessment names a Completed check of this person: an Active one has no recording yet', async () => {
    const { ref, personId } = await applicationFor(loaded[3] as ImmigrationRecord, 'active@example.com');
    const link = await c.expect<{ id: string }>(201, o.caseOfficer, 'POST', `/applications/${ref}/liveness-links`, {
      personId,
      relationship: 'Adult',
    });
    await c.expect(200, o.caseOfficer, 'POST', `/liveness-links/${link.id}/send`);
    const bound = await boundTask(ref, personId);
    const refused = await c.call(o.caseOfficer, 'POST', `/tasks/${bound.id}/prepare`, {
      outcome: 'pass',
      criteria: ['liveness-check'],
      comments: "Watched 'blink'",
      livenessAssessment: { result: 'satisfactory', linkId: link.id, recordings: ['blink'] },
    });
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(
      [refused.json().code, refused.json().problems[0].field],
      ['LIVENESS_CHECK_NOT_COMPLETED', 'livenessAssessment.linkId'],
    );
    const wrongTask = (await c.expect<Task[]>(200, o.caseOfficer, 'GET', `/applications/${ref}/tasks`)).find(
      (x) => x.kind === 'identity-exists',
    );
    const notHere = await c.call(o.caseOfficer, 'POST', `/tasks/${wrongTask?.id ?? ''}/prepare`, {
      outcome: 'pass',
      criteria: ['inz-match'],
      comments: '1:1',
      livenessAssessment: { result: 'satisfactory', linkId: link.id, recordings: ['blink'] },
    });
    assert.deepEqual([notHere.statusCode, notHere.json().code], [400, 'TASK_LIVENESS_ASSESSMENT_NOT_APPLICABLE']);
  });

  test('INZ Results row (S9, L1444): five columns; Date and Time is the submission, then the re-trigger time', async () => {
    const record = loaded[4] as ImmigrationRecord;
    const { ref } = await applicationFor(record, 'row@example.com');
    const first = await fetched(ref);
    const columns = ['inzName', 'identityMatch', 'presence', 'alerts', 'dateTime'] as const;
    assert.ok(
      columns.every((col) => typeof first.records.summary[col] === 'string' && first.records.summary[col] !== ''),
      JSON.stringify(first.records.summary),
    );
    assert.equal(first.records.summary.identityMatch, '1:1 match');
    assert.deepEqual(
      [first.records.summary.dateTime, first.records.summary.retriggeredAt],
      ['20/05/2024 12:00AM', null],
    );
    clock.advance(5 * 60 * 60 * 1000 + 15 * 60 * 1000); // 2:45 PM in NZ
    await c.expect(202, o.caseOfficer, 'POST', `/applications/${ref}/records/refetch`);
    const again = await eventually(async () => {
      const a = await fetched(ref);
      return a.records.summary.retriggeredAt ? a : null;
    });
    assert.deepEqual(
      [again.records.summary.dateTime, again.records.summary.retriggeredAt],
      ['4/06/2024 2:45PM', '2024-06-04T14:45'],
    );
  });

  test('BR-54: a 1:N result carries an exception ("Exceptions Present")', async () => {
    const twin = loaded[5] as ImmigrationRecord;
    const other: ImmigrationRecord = {
      ...twin,
      identity: { ...twin.identity, clientId: '99000001', identityId: '99000001', photo: null },
    };
    assert.deepEqual(await t.services.records.load([other]), { ok: true, loaded: 1 });
    const app = await c.expect<App>(201, o.caseOfficer, 'POST', '/applications', { applicationType: 'CBG Adult' });
    const i = twin.identity;
    await c.expect(201, o.caseOfficer, 'POST', `/applications/${app.reference}/people`, {
      relationship: 'applicant',
      givenNames: [i.givenNames, i.middleNames].filter(Boolean).join(' '),
      familyName: i.familyName,
      dateOfBirth: i.dateOfBirth,
    });
    await c.expect(200, o.caseOfficer, 'POST', `/applications/${app.reference}/submit`, {
      paid: true,
      submittedOn: '2024-05-20',
    });
    const a = await fetched(app.reference);
    assert.equal(a.records.summary.identityMatch, '1:N match');
    assert.deepEqual(
      a.records.exceptions.map((e) => e.exception),
      ['Multiple identities found'],
    );
  });

  test('escalations follow the grid (G1, M1-Q3): none when achieved, column 2 only after its options, one open question per task', async () => {
    const raise = (ref: string, personId: string, optionsTried: string[]) =>
      c.call(o.caseOfficer, 'POST', '/escalations', {
        applicationRef: ref,
        personId,
        task: 'identity-is-bound',
        gridColumn: 6,
        evidence: { amsPhoto: false, overseasPassportImage: false, applicationPhoto: true, livenessTest: false },
        optionsTried,
        caseSummary: 'No usable evidence beyond the application photo',
        recommendation: 'Ask for an interview',
      });
    // Column 1: achieved — nothing to escalate.
    const achieved = await applicationFor(loaded[6] as ImmigrationRecord, 'esc-1@example.com');
    await upload(achieved.ref, 'overseas-passport-image', achieved.personId);
    await upload(achieved.ref, 'passport-style-image', achieved.personId);
    const linkId = await completedLink(achieved.ref, achieved.personId, 'esc-1@example.com');
    const bound = await boundTask(achieved.ref, achieved.personId);
    await c.expect(200, o.caseOfficer, 'POST', `/tasks/${bound.id}/prepare`, {
      outcome: 'pass',
      criteria: ['liveness-check'],
      comments: "Watched 'nod'",
      livenessAssessment: { result: 'satisfactory', linkId, recordings: ['nod'] },
    });
    const nothing = await raise(achieved.ref, achieved.personId, ['send-original-passport']);
    assert.deepEqual([nothing.statusCode, nothing.json().code], [409, 'ESCALATION_IDENTITY_ACHIEVED'], nothing.body);

    // Column 2 (no liveness test): the customer's options first.
    const col2 = await applicationFor(loaded[6] as ImmigrationRecord, 'esc-2@example.com');
    await upload(col2.ref, 'overseas-passport-image', col2.personId);
    await upload(col2.ref, 'passport-style-image', col2.personId);
    const untried = await raise(col2.ref, col2.personId, []);
    assert.equal(untried.statusCode, 400, untried.body);
    assert.deepEqual(
      [untried.json().code, untried.json().problems[0].field],
      ['ESCALATION_OPTIONS_NOT_TRIED', 'optionsTried'],
    );
    assert.match(untried.json().message, /original passport/);
    // Tried and not resolved: escalated, with the grid column and the evidence on file (not the raiser's).
    const [first, second] = await Promise.all([
      raise(col2.ref, col2.personId, ['send-original-passport']),
      raise(col2.ref, col2.personId, ['send-original-passport']),
    ]);
    const statuses = [first?.statusCode, second?.statusCode].sort();
    assert.deepEqual(statuses, [201, 409], 'two officers at once raise one question');
    const raised = [first, second].find((r) => r?.statusCode === 201)?.json() as {
      template: { gridColumn: number; evidence: Record<string, boolean> };
    };
    assert.equal(raised.template.gridColumn, 2);
    assert.deepEqual(raised.template.evidence, {
      amsPhoto: true,
      overseasPassportImage: true,
      applicationPhoto: true,
      livenessTest: false,
    });
    const again = await raise(col2.ref, col2.personId, ['send-original-passport', 'identity-confirmation-appointment']);
    assert.deepEqual([again.statusCode, again.json().code], [409, 'ESCALATION_ALREADY_OPEN']);
    assert.match(again.json().message, /already with the ID Proofing Experts Group/);
  });
});
