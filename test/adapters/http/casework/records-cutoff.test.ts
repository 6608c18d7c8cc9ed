// BR-41 (seed 000 L1129): the immigration records are fetched only for applications submitted from
// 3 December 2020. An application submitted on 2 December is never sent to the records service (not at
// submission, not by a re-trigger, not by a stray job) and says why, in the office's words with a stable
// code; one submitted on 3 December is fetched. On both databases.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../../support/databases.ts';
import { startTestApp, type TestApp } from '../../../support/app.ts';
import {
  emptyRecordsPort,
  type ImmigrationRecordsPort,
  type RecordsApplicant,
  type RecordsFetch,
} from '../../../../src/app/casework/records-port.ts';
import { CaseworkClient, eventually, type App, type Officers } from './casework-client.ts';

class CountingRecords implements ImmigrationRecordsPort {
  readonly asked: string[] = [];
  async fetch(applicant: RecordsApplicant, applicationDate: string): Promise<RecordsFetch> {
    this.asked.push(`${applicant.familyName} ${applicationDate}`);
    return emptyRecordsPort.fetch(applicant, applicationDate);
  }
}

interface Submitted extends App {
  recordsStatus: string;
  records: { summary: { identityMatch: string } } | null;
  noRecords: { code: string; message: string } | null;
}

forEachDatabase((kind) => {
  let t: TestApp;
  let c: CaseworkClient;
  let o: Officers;
  const records = new CountingRecords();

  async function submitted(familyName: string, submittedOn: string): Promise<Submitted> {
    const app = await c.expect<App>(201, o.caseOfficer, 'POST', '/applications', { applicationType: 'CBG Adult' });
    await c.expect(201, o.caseOfficer, 'POST', `/applications/${app.reference}/people`, {
      relationship: 'applicant',
      givenNames: 'Aperahama',
      familyName,
      dateOfBirth: '1975-01-01',
    });
    return c.expect<Submitted>(200, o.caseOfficer, 'POST', `/applications/${app.reference}/submit`, {
      paid: true,
      submittedOn,
    });
  }

  before(async () => {
    t = await startTestApp(kind, { demo: false, workJobs: true });
    t.services.casework.useRecordsPort(records);
    c = new CaseworkClient(t);
    o = await c.officers('cutoff');
  });
  after(async () => {
    await t.close();
  });

  test('submitted on 2 December 2020: no records fetch, and the application says why', async () => {
    const before = await submitted('Rangi', '2020-12-02');
    assert.equal(before.recordsStatus, 'not-applicable');
    assert.equal(before.records, null);
    assert.equal(before.noRecords?.code, 'SUBMITTED_BEFORE_RECORDS_API');
    assert.match(before.noRecords?.message ?? '', /only for applications submitted from 3 December 2020/);
    assert.doesNotMatch(before.noRecords?.message ?? '', /BR-|L1129/, 'the office reads words, not rule ids');
    // A re-trigger is refused with the same reason; a job that reached the worker anyway does not ask either.
    const refused = await c.expect<{ code: string; message: string }>(
      409,
      o.caseOfficer,
      'POST',
      `/applications/${before.reference}/records/refetch`,
    );
    assert.equal(refused.code, 'SUBMITTED_BEFORE_RECORDS_API');
    const { id } = await c.expect<{ id: string }>(200, o.caseOfficer, 'GET', `/applications/${before.reference}`);
    await t.services.casework.applications.fetchRecords({ applicationId: id });

    const from = await submitted('Tipene', '2020-12-03');
    assert.equal(from.recordsStatus, 'pending');
    assert.equal(from.noRecords, null);
    const fetched = await eventually(async () => {
      const a = await c.expect<Submitted>(200, o.caseOfficer, 'GET', `/applications/${from.reference}`);
      return a.recordsStatus === 'fetched' ? a : null;
    });
    assert.equal(fetched.records?.summary.identityMatch, 'No match');
    assert.deepEqual(
      records.asked,
      ['Tipene 2020-12-03'],
      'only the application from 3 December was sent to the records service',
    );
    const still = await c.expect<Submitted>(200, o.caseOfficer, 'GET', `/applications/${before.reference}`);
    assert.equal(still.recordsStatus, 'not-applicable');
  });
});
