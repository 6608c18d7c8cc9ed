// The seed 000 scenarios end to end through the casework API: an adult whose liveness passes (through to
// ceremony closure), a child whose parent applied at the same time, a child whose parent did not, a
// secondary consent giver, a child turning 14 during processing, applications before 30 July 2020 with and
// without an AMS image, the records API down then recovered, and a 1:N match escalated to the experts group.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../../support/databases.ts';
import { startTestApp, type TestApp } from '../../../support/app.ts';
import { ManualClock } from '../../../../src/app/clock.ts';
import type {
  ImmigrationRecordsPort,
  RecordsApplicant,
  RecordsFetch,
} from '../../../../src/app/casework/records-port.ts';
import { caseworkOptionsFrom } from '../../../../src/app/casework/casework.ts';
import { loadConfig } from '../../../../src/config/config.ts';
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

const DAY = 24 * 60 * 60 * 1000;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('image')]);

/** A records source for the tests: 1:1 by default, 1:N for family name "de Bret", and switchable down. */
class FakeRecords implements ImmigrationRecordsPort {
  down = false;
  readonly calls: { familyName: string; applicationDate: string }[] = [];
  async fetch(applicant: RecordsApplicant, applicationDate: string): Promise<RecordsFetch> {
    this.calls.push({ familyName: applicant.familyName, applicationDate });
    if (this.down) return { status: 'unavailable', reason: 'Identity search service is down' };
    if (applicant.familyName === 'de Bret') {
      return {
        status: 'ok',
        result: {
          summary: { inzName: '---', identityMatch: '1:N match', presence: 'Fail', alerts: 'Not found' },
          tabs: {
            identityResults: [
              {
                clientId: '36055555',
                identityId: '261758412',
                givenNames: 'Dennis',
                middleNames: null,
                familyName: 'de Bret',
                gender: 'Male',
                dateOfBirth: '1980-11-13',
              },
              {
                clientId: '35744484',
                identityId: '874112122',
                givenNames: 'Denny',
                middleNames: 'Steve',
                familyName: 'Debret',
                gender: 'Male',
                dateOfBirth: '1980-11-13',
              },
              {
                clientId: '45215035',
                identityId: '974123067',
                givenNames: 'Den',
                middleNames: 'Steve',
                familyName: 'Brett',
                gender: 'Male',
                dateOfBirth: '1981-11-13',
              },
            ],
          },
          exceptions: [],
        },
      };
    }
    return {
      status: 'ok',
      result: {
        summary: {
          inzName: `${applicant.givenNames} ${applicant.familyName}`,
          identityMatch: '1:1 match',
          presence: 'Pass',
          alerts: 'Not found',
        },
        tabs: {
          identity: { clientId: '70092590', identityId: '70069407' },
          travelAndVisa: { calculation: { totalDays: 1827, result1350: 'Pass' } },
          alerts: [],
        },
        exceptions: [],
        // The AMS photo comes with the records (BR-48).
        photo: { name: '12020466', contentType: 'image/png', content: PNG },
      },
    };
  }
}

interface Plan {
  subjectPersonId: string;
  responsibility: {
    required: boolean;
    giver: string;
    action: string;
    linkRelationship: string | null;
    revertToStage: string | null;
    noLivenessReason: string | null;
    bracketAtSubmission: string;
    bracketOnProcessing: string;
  };
  secondaryConsentRequired: boolean;
  parties: { personId: string; relationship: string; evidence: { liveness: string; documents: string[] } }[];
}
interface Person {
  id: string;
  relationship: string;
  bracketAtSubmission: string | null;
}

forEachDatabase((kind) => {
  let t: TestApp;
  let c: CaseworkClient;
  let o: Officers;
  let mail: Mailbox;
  const records = new FakeRecords();
  const clock = new ManualClock(new Date('2024-06-01T00:00:00Z')); // Saturday 1 June 2024 (NZ noon)

  before(async () => {
    mail = await startMailbox();
    t = await startTestApp(kind, {
      demo: false,
      clock,
      env: { SMTP_URL: mail.url, PONO_PUBLIC_URL: 'https://pono.test' },
    });
    t.services.casework.useRecordsPort(records);
    c = new CaseworkClient(t, true);
    o = await c.officers('seed');
  });
  after(async () => {
    await t.close();
    await mail.close();
  });

  async function application(type: string, extra: object = {}): Promise<string> {
    return (await c.expect<App>(201, o.caseOfficer, 'POST', '/applications', { applicationType: type, ...extra }))
      .reference;
  }
  async function person(ref: string, body: object): Promise<Person> {
    return c.expect<Person>(201, o.caseOfficer, 'POST', `/applications/${ref}/people`, body);
  }
  async function submit(ref: string, submittedOn: string) {
    return c.expect<App>(200, o.caseOfficer, 'POST', `/applications/${ref}/submit`, { paid: true, submittedOn });
  }
  async function plan(ref: string): Promise<Plan> {
    return c.expect<Plan>(200, o.caseOfficer, 'GET', `/applications/${ref}/liveness`);
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
  }
  /** Sends a liveness link to a person and completes it as the applicant would. */
  async function livenessDone(ref: string, personId: string, relationship: string, email: string) {
    const link = await c.expect<{ id: string }>(201, o.caseOfficer, 'POST', `/applications/${ref}/liveness-links`, {
      personId,
      relationship,
    });
    await c.expect(200, o.caseOfficer, 'POST', `/liveness-links/${link.id}/send`);
    const token = await mail.tokenFor(email);
    await t.services.casework.links.completeByToken(token);
  }
  const COMMENTS: Record<string, { criteria: string[]; comments: string }> = {
    'identity-is-unique': { criteria: ['inz-match'], comments: '1:1 match found' },
    'identity-exists': {
      criteria: ['inz-match', 'overseas-passport-image'],
      comments: 'passport and INZ record agree',
    },
    'identity-is-bound': { criteria: ['liveness-check'], comments: "Watched 'blink' and 'shake' recordings" },
  };
  /** The person's completed liveness check, assessed satisfactory on "Identity is bound" (BR-11, BR-15). */
  async function assessed(ref: string, personId: string): Promise<object | null> {
    const links = await c.expect<{ id: string; personId: string; status: string }[]>(
      200,
      o.caseOfficer,
      'GET',
      `/applications/${ref}/liveness-links`,
    );
    const done = links.find((l) => l.personId === personId && l.status === 'Completed');
    return done
      ? { livenessAssessment: { result: 'satisfactory', linkId: done.id, recordings: ['blink', 'shake'] } }
      : null;
  }
  async function validateAll(ref: string) {
    const tasks = await c.expect<Task[]>(200, o.caseOfficer, 'GET', `/applications/${ref}/tasks`);
    for (const task of tasks) {
      if (task.state === 'validated') continue;
      const assessment = task.kind === 'identity-is-bound' ? await assessed(ref, task.personId) : null;
      const body = assessment
        ? { ...COMMENTS[task.kind], ...assessment }
        : task.kind === 'identity-is-bound'
          ? { criteria: ['application-photo'], comments: 'photo agrees with the passport' }
          : COMMENTS[task.kind];
      if (task.state !== 'prepared')
        await c.expect(200, o.caseOfficer, 'POST', `/tasks/${task.id}/prepare`, { outcome: 'pass', ...body });
      await c.expect(200, o.validator, 'POST', `/tasks/${task.id}/validate`, {});
    }
  }
  async function stage(ref: string, action: string, who = o.caseOfficer, reason?: string) {
    return c.expect<App>(200, who, 'POST', `/applications/${ref}/stage`, { action, ...(reason ? { reason } : {}) });
  }

  test('adult: own liveness passes, grid achieved, four-eyes, through to the ceremony closing', async () => {
    const ref = await application('CBG Adult', { amsImageUsable: true });
    const adult = await person(ref, {
      relationship: 'applicant',
      givenNames: 'Leonard',
      familyName: 'Du Plessis',
      dateOfBirth: '1975-06-06',
      gender: 'Male',
      countryOfBirth: 'South Africa',
      email: 'leonard@example.com',
      citizenshipPersonNumber: 'CPN-0001',
    });
    await submit(ref, '2020-12-15');
    const fetched = await eventually(async () => {
      const a = await c.expect<{
        recordsStatus: string;
        records: { summary: { identityMatch: string; presence: string } };
      }>(200, o.caseOfficer, 'GET', `/applications/${ref}`);
      return a.recordsStatus === 'fetched' ? a : null;
    });
    assert.equal(fetched.records.summary.identityMatch, '1:1 match');
    assert.equal(fetched.records.summary.presence, 'Pass');
    await stage(ref, 'allocate');

    let p = await plan(ref);
    assert.equal(p.responsibility.giver, 'subject');
    assert.equal(p.responsibility.action, 'offer-own-link');
    assert.equal(p.responsibility.linkRelationship, 'Adult');
    await livenessDone(ref, adult.id, 'Adult', 'leonard@example.com');
    p = await plan(ref);
    assert.equal(p.responsibility.action, 'assess-own-check');

    await upload(ref, 'passport-style-image', adult.id);
    await upload(ref, 'overseas-passport-image', adult.id);
    // A Completed link alone is not a liveness test: the officer's assessment on Identity is bound is (BR-11).
    let grid = await c.expect<{ step: { step: string; column: number } }>(
      200,
      o.caseOfficer,
      'POST',
      `/applications/${ref}/people/${adult.id}/proofing-decision`,
      {},
    );
    assert.deepEqual([grid.step.step, grid.step.column], ['offer-options', 2]);
    const bound = (await c.expect<Task[]>(200, o.caseOfficer, 'GET', `/applications/${ref}/tasks`)).find(
      (x) => x.personId === adult.id && x.kind === 'identity-is-bound',
    );
    await c.expect(200, o.caseOfficer, 'POST', `/tasks/${bound?.id ?? ''}/prepare`, {
      outcome: 'pass',
      ...COMMENTS['identity-is-bound'],
      ...(await assessed(ref, adult.id)),
    });
    grid = await c.expect<{ step: { step: string; column: number } }>(
      200,
      o.caseOfficer,
      'POST',
      `/applications/${ref}/people/${adult.id}/proofing-decision`,
      {},
    );
    assert.deepEqual([grid.step.step, grid.step.column], ['achieved', 1]);

    await c.expect(409, o.caseOfficer, 'POST', `/applications/${ref}/stage`, { action: 'complete-and-correct-done' });
    await validateAll(ref);
    await stage(ref, 'complete-and-correct-done');
    await stage(ref, 'refer-for-decision');
    await c.expect(403, o.caseOfficer, 'POST', `/applications/${ref}/stage`, { action: 'grant' });
    await stage(ref, 'grant', o.validator);
    await c.expect(200, o.caseOfficer, 'PUT', `/applications/${ref}/ceremony`, {
      ceremonyDate: '2024-06-01',
      oathTaken: true,
    });
    const closed = await c.expect<App & { closure: string; notification: { status: string; dueOn: string } }>(
      200,
      o.caseOfficer,
      'POST',
      `/applications/${ref}/ceremony/close`,
    );
    assert.equal(closed.stage, 'closed');
    assert.equal(closed.closure, 'granted');
    assert.equal(closed.notification.status, 'pending');
    assert.equal(closed.notification.dueOn, '2024-06-08');
    await c.expect(409, o.caseOfficer, 'POST', `/applications/${ref}/ceremony/close`);
  });

  test('child whose consenting parent applied at the same time: the parent check is copied to the child', async () => {
    const parentRef = await application('CBG Adult');
    const parent = await person(parentRef, {
      relationship: 'applicant',
      givenNames: 'Julia',
      familyName: 'Jones',
      dateOfBirth: '1985-02-02',
      email: 'julia@example.com',
    });
    await submit(parentRef, '2021-03-01');

    const childRef = await application('CBG Child');
    const child = await person(childRef, {
      relationship: 'applicant',
      givenNames: 'Jenna',
      familyName: 'Jones',
      dateOfBirth: '2015-05-05',
    });
    await person(childRef, {
      relationship: 'consenting-parent',
      givenNames: 'Julia',
      familyName: 'Jones',
      dateOfBirth: '1985-02-02',
      email: 'julia@example.com',
      appliedAtSameTime: true,
      ownApplicationRef: parentRef,
    });
    await submit(childRef, '2021-03-01');
    assert.equal(child.relationship, 'applicant');

    let p = await plan(childRef);
    assert.equal(p.responsibility.giver, 'consenting-parent');
    assert.equal(p.responsibility.action, 'follow-up-parent-send-link');
    assert.equal(p.responsibility.bracketAtSubmission, 'child');
    await livenessDone(parentRef, parent.id, 'Adult', 'julia@example.com');
    p = await plan(childRef);
    assert.equal(p.responsibility.action, 'copy-parent-check-to-child');
    assert.equal(p.responsibility.linkRelationship, 'Consenting Parties');
    const childEvidence = p.parties.find((x) => x.relationship === 'applicant');
    assert.equal(childEvidence?.evidence.liveness, 'none');

    // BR-17: the copy is an action — audited, the evidence shared by reference — not only a suggestion.
    await c.expect(403, o.validator, 'POST', `/applications/${childRef}/liveness-links/copy-parent-check`);
    const copy = await c.expect<{
      id: string;
      personId: string;
      relationship: string;
      status: string;
      copiedFrom: string;
      sessionId: string | null;
    }>(201, o.caseOfficer, 'POST', `/applications/${childRef}/liveness-links/copy-parent-check`);
    const [original] = await c.expect<{ id: string; sessionId: string | null }[]>(
      200,
      o.caseOfficer,
      'GET',
      `/applications/${parentRef}/liveness-links`,
    );
    const childApp = await c.expect<App>(200, o.caseOfficer, 'GET', `/applications/${childRef}`);
    const parentOnChild = childApp.people.find((x) => x.relationship === 'consenting-parent');
    assert.deepEqual(
      [copy.personId, copy.relationship, copy.status, copy.copiedFrom, copy.sessionId],
      [parentOnChild?.id, 'Consenting Parties', 'Completed', original?.id, original?.sessionId ?? null],
    );
    const twice = await c.call(o.caseOfficer, 'POST', `/applications/${childRef}/liveness-links/copy-parent-check`);
    assert.deepEqual([twice.statusCode, twice.json().code], [409, 'PARENT_CHECK_ALREADY_COPIED']);
    const audit = await c.expect<{ action: string; after: { copiedFrom: string } }[]>(
      200,
      o.expert,
      'GET',
      `/applications/${childRef}/audit`,
    );
    assert.ok(
      audit.some((e) => e.action === 'liveness-link.copy-parent-check' && e.after.copiedFrom === original?.id),
      JSON.stringify(audit.map((e) => e.action)),
    );
    // The child's "Identity is bound" is assessed on the copied check, and the grid counts it.
    const bound = (await c.expect<Task[]>(200, o.caseOfficer, 'GET', `/applications/${childRef}/tasks`)).find(
      (x) => x.personId === child.id && x.kind === 'identity-is-bound',
    );
    await c.expect(200, o.caseOfficer, 'POST', `/tasks/${bound?.id ?? ''}/prepare`, {
      outcome: 'pass',
      criteria: ['consenting-parent-liveness'],
      comments: "Watched the parent's 'blink' recording",
      livenessAssessment: { result: 'satisfactory', linkId: copy.id, recordings: ['blink'] },
    });
    const grid = await c.expect<{ evidence: { livenessTest: boolean } }>(
      200,
      o.caseOfficer,
      'POST',
      `/applications/${childRef}/people/${child.id}/proofing-decision`,
      {},
    );
    assert.equal(grid.evidence.livenessTest, true);
  });

  test('BR-17: no copy when the parent did not apply at the same time', async () => {
    const ref = await application('CBG Child');
    await person(ref, { relationship: 'applicant', givenNames: 'Tui', familyName: 'Rangi', dateOfBirth: '2016-02-02' });
    await person(ref, {
      relationship: 'consenting-parent',
      givenNames: 'Hemi',
      familyName: 'Rangi',
      dateOfBirth: '1983-03-03',
      email: 'hemi@example.com',
      appliedAtSameTime: false,
    });
    await submit(ref, '2022-01-10');
    const refused = await c.call(o.caseOfficer, 'POST', `/applications/${ref}/liveness-links/copy-parent-check`);
    assert.deepEqual([refused.statusCode, refused.json().code], [409, 'PARENT_DID_NOT_APPLY']);
  });

  test('child whose parent did not apply: a Consenting Parties link goes to the parent', async () => {
    const ref = await application('CBG Child');
    await person(ref, {
      relationship: 'applicant',
      givenNames: 'Johnny',
      familyName: 'Jones',
      dateOfBirth: '2016-01-01',
    });
    const parent = await person(ref, {
      relationship: 'consenting-parent',
      givenNames: 'Harriet',
      familyName: 'Finau',
      dateOfBirth: '1984-03-03',
      email: 'harriet@example.com',
      appliedAtSameTime: false,
    });
    await submit(ref, '2022-01-10');
    let p = await plan(ref);
    assert.equal(p.responsibility.action, 'contact-parent-send-link');
    assert.equal(p.responsibility.linkRelationship, 'Consenting Parties');
    await livenessDone(ref, parent.id, 'Consenting Parties', 'harriet@example.com');
    const links = await c.expect<{ personId: string; relationship: string; status: string }[]>(
      200,
      o.caseOfficer,
      'GET',
      `/applications/${ref}/liveness-links`,
    );
    assert.deepEqual(
      links.map((l) => [l.personId, l.relationship, l.status]),
      [[parent.id, 'Consenting Parties', 'Completed']],
    );
    p = await plan(ref);
    assert.equal(p.responsibility.giver, 'consenting-parent');
  });

  test('secondary consent giver: consent form and passport scan, no liveness', async () => {
    const ref = await application('CBG Child', { countryAllowsDualCitizenship: false });
    await person(ref, { relationship: 'applicant', givenNames: 'Mei', familyName: 'Chen', dateOfBirth: '2014-07-07' });
    await person(ref, {
      relationship: 'consenting-parent',
      givenNames: 'Li',
      familyName: 'Chen',
      dateOfBirth: '1982-01-01',
      email: 'li@example.com',
      appliedAtSameTime: false,
    });
    const secondary = await person(ref, {
      relationship: 'secondary-consent-giver',
      givenNames: 'Wei',
      familyName: 'Chen',
      dateOfBirth: '1980-01-01',
    });
    await submit(ref, '2022-05-05');
    const p = await plan(ref);
    assert.equal(p.secondaryConsentRequired, true);
    const giver = p.parties.find((x) => x.personId === secondary.id);
    assert.equal(giver?.evidence.liveness, 'none');
    assert.deepEqual(giver?.evidence.documents, ['consent-form', 'passport-scan']);
    await upload(ref, 'consent-form', secondary.id);
    const tasks = await c.expect<Task[]>(200, o.caseOfficer, 'GET', `/applications/${ref}/tasks`);
    assert.equal(tasks.filter((x) => x.personId === secondary.id).length, 3);
    const bound = tasks.find((x) => x.personId === secondary.id && x.kind === 'identity-is-bound');
    await c.expect(200, o.caseOfficer, 'POST', `/tasks/${bound?.id ?? ''}/prepare`, {
      outcome: 'pass',
      criteria: ['signature-binding'],
      comments: 'signatures on consent form and passport scan match',
    });
  });

  test('child turning 14 during processing: reverts to Complete and Correct and gets their own link', async () => {
    const ref = await application('CBG Child');
    const child = await person(ref, {
      relationship: 'applicant',
      givenNames: 'Aroha',
      familyName: 'Ngata',
      dateOfBirth: '2010-04-01',
      email: 'aroha@example.com',
    });
    await person(ref, {
      relationship: 'consenting-parent',
      givenNames: 'Mere',
      familyName: 'Ngata',
      dateOfBirth: '1980-01-01',
      email: 'mere@example.com',
      appliedAtSameTime: false,
    });
    const submitted = await submit(ref, '2023-12-01');
    assert.equal(submitted.people.find((x) => x.id === child.id)?.relationship, 'applicant');
    await stage(ref, 'allocate');
    await validateAll(ref);
    await stage(ref, 'complete-and-correct-done');

    const p = await plan(ref);
    assert.equal(p.responsibility.bracketAtSubmission, 'child');
    assert.equal(p.responsibility.bracketOnProcessing, 'youth');
    assert.equal(p.responsibility.giver, 'subject');
    assert.equal(p.responsibility.action, 'send-own-link');
    assert.equal(p.responsibility.revertToStage, 'complete-and-correct');
    await c.expect(403, o.expert, 'POST', `/applications/${ref}/liveness/apply-policy`);
    await c.expect(200, o.caseOfficer, 'POST', `/applications/${ref}/liveness/apply-policy`);
    const after = await c.expect<App>(200, o.caseOfficer, 'GET', `/applications/${ref}`);
    assert.equal(after.stage, 'complete-and-correct');
    const tasks = await c.expect<Task[]>(200, o.caseOfficer, 'GET', `/applications/${ref}/tasks`);
    assert.equal(tasks.find((x) => x.personId === child.id && x.kind === 'identity-is-bound')?.state, 'open');
    assert.equal(tasks.find((x) => x.personId === child.id && x.kind === 'identity-is-unique')?.state, 'validated');
    await c.expect(409, o.caseOfficer, 'POST', `/applications/${ref}/liveness/apply-policy`);
    await livenessDone(ref, child.id, 'Adult', 'aroha@example.com');
    assert.equal((await plan(ref)).responsibility.action, 'assess-own-check');

    // The policy is configuration; the default comes from the domain.
    assert.equal(caseworkOptionsFrom(loadConfig({})).childTurns14Policy, 'revert-and-send-own-link');
    assert.equal(
      caseworkOptionsFrom(loadConfig({ PONO_CHILD_TURNS_14_POLICY: 'carry-on' })).childTurns14Policy,
      'carry-on',
    );
  });

  test('before 30 July 2020: no liveness with a usable AMS image; a link may be offered without one', async () => {
    const withAms = await application('CBG Adult', { amsImageUsable: true });
    const a = await person(withAms, {
      relationship: 'applicant',
      givenNames: 'Raj',
      familyName: 'Kaur',
      dateOfBirth: '1970-01-01',
    });
    const s = await submit(withAms, '2020-07-29');
    assert.equal((s as App & { identityStandard: string }).identityStandard, 'pre-liveness');
    let p = await plan(withAms);
    assert.deepEqual(
      [p.responsibility.required, p.responsibility.action, p.responsibility.noLivenessReason],
      [false, 'none', 'submitted-before-liveness-release'],
    );
    const grid = await c.expect<{ step: { step: string; standard: string } }>(
      200,
      o.caseOfficer,
      'POST',
      `/applications/${withAms}/people/${a.id}/proofing-decision`,
      { overseasPassportImage: true, applicationPhoto: true },
    );
    assert.deepEqual([grid.step.step, grid.step.standard], ['achieved', 'pre-liveness']);

    const noAms = await application('CBG Adult', { amsImageUsable: false });
    const b = await person(noAms, {
      relationship: 'applicant',
      givenNames: 'Sam',
      familyName: 'Lee',
      dateOfBirth: '1972-02-02',
    });
    await submit(noAms, '2020-07-01');
    p = await plan(noAms);
    assert.deepEqual(
      [p.responsibility.action, p.responsibility.linkRelationship],
      ['offer-link-instead-of-passport', 'Adult'],
    );
    const options = await c.expect<{ step: { step: string; options: string[] } }>(
      200,
      o.caseOfficer,
      'POST',
      `/applications/${noAms}/people/${b.id}/proofing-decision`,
      { overseasPassportImage: true, applicationPhoto: true },
    );
    assert.equal(options.step.step, 'offer-options');
    assert.equal(options.step.options[0], 'send-liveness-link');
    // Before 3 December 2020 there is no records fetch (BR-41): the officer checks AMS by hand and records it.
    await c.expect(200, o.caseOfficer, 'PUT', `/applications/${noAms}/ams-image`, { usable: true });
    assert.equal((await plan(noAms)).responsibility.action, 'none');
  });

  test('records API down, then recovered by an officer re-trigger; the calculation keeps the submission date', async () => {
    const ref = await application('CBG Adult');
    await person(ref, {
      relationship: 'applicant',
      givenNames: 'Tama',
      familyName: 'Walker',
      dateOfBirth: '1990-09-09',
    });
    records.down = true;
    await submit(ref, '2021-11-25');
    const failed = await eventually(async () => {
      const a = await c.expect<{
        recordsStatus: string;
        records: { summary: { identityMatch: string; presence: string }; exceptions: { exception: string }[] };
      }>(200, o.caseOfficer, 'GET', `/applications/${ref}`);
      return a.recordsStatus === 'error' ? a : null;
    });
    assert.deepEqual([failed.records.summary.identityMatch, failed.records.summary.presence], ['---', 'API error']);
    assert.deepEqual(
      failed.records.exceptions.map((e) => e.exception),
      ['Identity search service is down'],
    );
    // The job fails while the service is down, so the queue retries it with back-off.
    const { id } = await c.expect<{ id: string }>(200, o.caseOfficer, 'GET', `/applications/${ref}`);
    await assert.rejects(t.services.casework.applications.fetchRecords({ applicationId: id }), /unavailable/);

    records.down = false;
    clock.advance(2 * 60 * 60 * 1000);
    await c.expect(403, o.validator, 'POST', `/applications/${ref}/records/refetch`);
    await c.expect(202, o.caseOfficer, 'POST', `/applications/${ref}/records/refetch`);
    const recovered = await eventually(async () => {
      const a = await c.expect<{
        recordsStatus: string;
        records: { summary: { identityMatch: string }; applicationDate: string; fetchedAt: string };
      }>(200, o.caseOfficer, 'GET', `/applications/${ref}`);
      return a.recordsStatus === 'fetched' ? a : null;
    });
    assert.equal(recovered.records.summary.identityMatch, '1:1 match');
    assert.equal(recovered.records.applicationDate, '2021-11-25');
    assert.ok(records.calls.filter((x) => x.familyName === 'Walker').every((x) => x.applicationDate === '2021-11-25'));
  });

  test('1:N match: candidates stored, never picked; escalated to the experts group and decided', async () => {
    const ref = await application('CBG Adult');
    const subject = await person(ref, {
      relationship: 'applicant',
      givenNames: 'Dennis',
      familyName: 'de Bret',
      dateOfBirth: '1980-11-13',
    });
    await submit(ref, '2020-12-08');
    const matched = await eventually(async () => {
      const a = await c.expect<{
        recordsStatus: string;
        records: { summary: { identityMatch: string; inzName: string }; tabs: { identityResults: object[] } };
      }>(200, o.caseOfficer, 'GET', `/applications/${ref}`);
      return a.recordsStatus === 'fetched' ? a : null;
    });
    assert.deepEqual([matched.records.summary.identityMatch, matched.records.summary.inzName], ['1:N match', '---']);
    assert.equal(matched.records.tabs.identityResults.length, 3);

    const raised = await c.expect<{ id: string; status: string; reviewOn: string; raisedOn: string; taskId: string }>(
      201,
      o.caseOfficer,
      'POST',
      '/escalations',
      {
        applicationRef: ref,
        personId: subject.id,
        task: 'identity-is-unique',
        gridColumn: null,
        evidence: { amsPhoto: false, overseasPassportImage: true, applicationPhoto: true, livenessTest: true },
        optionsTried: [],
        caseSummary: '1:N match: three AMS identities; manual AMS search inconclusive',
        recommendation: 'Treat as unique: the 1981 candidate differs in DOB',
      },
    );
    assert.equal(raised.status, 'queued');
    assert.equal(raised.reviewOn, '2024-06-05'); // the next Wednesday
    const task = await c.expect<Task>(200, o.caseOfficer, 'GET', `/tasks/${raised.taskId}`);
    assert.equal(task.state, 'escalated');
    const queue = await c.expect<{ id: string }[]>(200, o.expert, 'GET', '/escalations?meetingOn=2024-06-05');
    assert.ok(queue.some((e) => e.id === raised.id));
    const decision = {
      outcome: 'identity-proofing-achieved',
      rationale: 'DOB and names distinguish the third candidate',
    };
    await c.expect(403, o.caseOfficer, 'POST', `/escalations/${raised.id}/decision`, decision);
    await c.expect(409, o.expert, 'POST', `/escalations/${raised.id}/decision`, decision);
    clock.advance(4 * DAY);
    const decided = await c.expect<{
      status: string;
      decision: { decidedBy: string; outcome: string };
      raisedByName: string;
      raisedByEmail: string;
      decidedByName: string;
      decidedByEmail: string;
    }>(200, o.expert, 'POST', `/escalations/${raised.id}/decision`, decision);
    assert.equal(decided.status, 'decided');
    assert.equal(decided.decision.decidedBy, o.expert.id);
    assert.deepEqual(
      [decided.raisedByName, decided.raisedByEmail, decided.decidedByName, decided.decidedByEmail],
      ['seed-co', 'seed-co@dia.example', 'seed-ex', 'seed-ex@dia.example'],
    );
    assert.equal((await c.expect<Task>(200, o.caseOfficer, 'GET', `/tasks/${raised.taskId}`)).state, 'open');
    const trail = await c.expect<{ action: string }[]>(200, o.expert, 'GET', `/applications/${ref}/audit`);
    assert.ok(trail.some((e) => e.action === 'escalation.decide'));
  });
});
