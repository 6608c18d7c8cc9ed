// Seed 001 at submission time and around the credit header, on both databases: the tamper check (true only
// for exactly the details the identity was verified with, false for one character changed, for a person not
// verified, for a transaction without a verification; each check in the audit trail), the consent wording
// with the reporting entity filled in, and the failure notification emailed through a real SMTP server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../support/databases.ts';
import { startTestApp, DEMO_AUTH, type TestApp } from '../../support/app.ts';
import { startMailbox, type Mailbox } from './casework/casework-client.ts';
import { applicant, newTracking } from './forms-support.ts';

const VERIFIED = `TWO${'P'.repeat(28)}`;
const UNVERIFIED = `TWOPPP${'F'.repeat(25)}`;
const BACKGROUND = 'dfat,ofac,pep,aec,asic,tenancy';

forEachDatabase((kind) => {
  let t: TestApp;
  let mailbox: Mailbox;
  before(async () => {
    mailbox = await startMailbox();
    t = await startTestApp(kind, { env: { SMTP_URL: mailbox.url } });
  });
  after(async () => {
    await t.close();
    await mailbox.close();
  });

  const post = (url: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers: { authorization: DEMO_AUTH }, payload });
  const verify = async (payload: Record<string, unknown>) => {
    const response = await post('/api/v1/forms/identity-verification', payload);
    assert.equal(response.statusCode, 200, response.body);
    return response.json<Record<string, unknown>>();
  };
  const tamper = async (payload: Record<string, unknown>) => {
    const response = await post('/api/v1/forms/tamper-check', payload);
    assert.equal(response.statusCode, 200, response.body);
    return response.json<{ result: boolean; reason: string; message: string }>();
  };
  /** The details a form submits: no source inputs, no control fields. */
  const submitted = (middleName: string, extra: Record<string, unknown> = {}) => {
    const details = applicant(middleName, extra);
    delete details.email;
    return details;
  };

  test('tamper check: true for exactly the verified details, false when one character changed', async () => {
    const trackingCode = newTracking();
    const out = await verify({
      trackingCode,
      roleKey: 'Applicant1',
      backgroundSources: BACKGROUND,
      ...applicant(VERIFIED),
    });
    assert.equal(out.verifyStatus, 'VERIFIED');
    const same = await tamper({ trackingCode, roleKey: 'Applicant1', ...submitted(VERIFIED) });
    assert.deepEqual(same, {
      result: true,
      reason: 'MATCH',
      message: 'The details exactly match those the identity was verified with.',
    });
    for (const [input, value] of [
      ['lastName', 'Ngatu'],
      ['dateOfBirth', '1986-03-13'],
      ['streetNumber', '267-278'],
      ['postcode', '2001'],
      ['firstName', 'aroha'],
    ]) {
      const changed = await tamper({
        trackingCode,
        roleKey: 'Applicant1',
        ...submitted(VERIFIED, { [input as string]: value }),
      });
      assert.equal(changed.result, false, `${String(input)} changed`);
      assert.equal(changed.reason, 'DETAILS_CHANGED');
    }
    // The other applicant of the transaction has no verification.
    const other = await tamper({ trackingCode, roleKey: 'Applicant2', ...submitted(VERIFIED) });
    assert.deepEqual([other.result, other.reason], [false, 'NO_VERIFICATION']);
  });

  test('tamper check: false for a person whose identity was not verified', async () => {
    const trackingCode = newTracking();
    await verify({ trackingCode, backgroundSources: BACKGROUND, ...applicant(UNVERIFIED) });
    const out = await tamper({ trackingCode, ...submitted(UNVERIFIED) });
    assert.deepEqual([out.result, out.reason], [false, 'NOT_VERIFIED']);
  });

  test('every tamper check is in the audit trail (field names, never values)', async () => {
    const trackingCode = newTracking();
    await verify({ trackingCode, backgroundSources: BACKGROUND, ...applicant(VERIFIED) });
    await tamper({ trackingCode, ...submitted(VERIFIED) });
    await tamper({ trackingCode, ...submitted(VERIFIED, { lastName: 'Smith' }) });
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/forms/audit/${trackingCode}`,
      headers: { authorization: DEMO_AUTH },
    });
    assert.equal(response.statusCode, 200, response.body);
    const events = response.json<{
      events: { action: string; result: string; detail: { reason: string; changedFields: string[] } }[];
    }>().events;
    assert.deepEqual(
      events.map((e) => [e.action, e.result, e.detail.reason]),
      [
        ['tamper-check', 'true', 'MATCH'],
        ['tamper-check', 'false', 'DETAILS_CHANGED'],
      ],
    );
    assert.deepEqual(events[1]?.detail.changedFields, ['lastName']);
    assert.ok(!response.body.includes('Smith'), 'no personal data in the audit');
  });

  test('tamper check input is checked: a missing tracking code, an unknown field or a bad date is named', async () => {
    const missing = await post('/api/v1/forms/tamper-check', { ...submitted(VERIFIED) });
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().problems[0].field, 'trackingCode');
    const other = await post('/api/v1/forms/tamper-check', { trackingCode: 'x', unknownField: 'y' });
    assert.equal(other.statusCode, 400);
    assert.equal(other.json().problems[0].field, 'unknownField');
    // A date of birth that is no day, and one not written yyyy-MM-dd: named, and no check is made (none audited).
    const trackingCode = newTracking();
    await verify({ trackingCode, backgroundSources: BACKGROUND, ...applicant(VERIFIED) });
    for (const dateOfBirth of ['1986-02-30', '12/03/1986']) {
      const bad = await post('/api/v1/forms/tamper-check', { trackingCode, ...submitted(VERIFIED, { dateOfBirth }) });
      assert.equal(bad.statusCode, 400, bad.body);
      const body = bad.json<{ message: string; problems: { field: string; message: string }[] }>();
      assert.deepEqual(
        body.problems.map((p) => p.field),
        ['dateOfBirth'],
      );
      assert.match(body.problems[0]?.message ?? '', /^dateOfBirth must be (a real date|a date), yyyy-MM-dd/);
    }
    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/v1/forms/audit/${trackingCode}`,
      headers: { authorization: DEMO_AUTH },
    });
    assert.deepEqual(audit.json<{ events: unknown[] }>().events, []);
  });

  test('the consent wording names the reporting entity set for the account', async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/forms/settings',
      headers: { authorization: DEMO_AUTH },
      payload: { customerName: 'Kiwi Lending Ltd', allowedOrigins: [] },
    });
    assert.equal(put.statusCode, 200, put.body);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/forms/consent-wording',
      headers: { authorization: DEMO_AUTH },
    });
    const text = response.json<{ consentText: string }>().consentText;
    assert.match(
      text,
      /^By accepting these terms and conditions you give consent for Kiwi Lending Ltd to disclose your name/,
    );
    assert.ok(!text.includes('[['), 'every placeholder filled');
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/forms/settings',
      headers: { authorization: DEMO_AUTH },
      payload: { customerName: 'X', allowedOrigins: ['https://forms.example.org/path'] },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().problems[0].field, 'allowedOrigins.0');
  });

  test("credit header: refused consent does not run it; a failed match emails seed 001's notification and offers other sources", async () => {
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/forms/settings',
      headers: { authorization: DEMO_AUTH },
      payload: { customerName: 'Kiwi Lending Ltd', allowedOrigins: [] },
    });
    const dnbFails = `TWOPPP${'F'.repeat(25)}`;
    const refused = await verify({
      trackingCode: newTracking(),
      backgroundSources: 'dnb',
      creditHeaderConsent: false,
      ...applicant(dnbFails, { email: 'refused@example.org' }),
    });
    assert.equal(refused.creditHistoryResult, '');
    const failed = await verify({
      trackingCode: newTracking(),
      backgroundSources: 'dnb',
      creditHeaderConsent: true,
      ...applicant(dnbFails, { email: 'hemi@example.org', firstName: 'Hemi' }),
    });
    assert.equal(failed.creditHistoryResult, 'AUTOFAIL');
    assert.ok(
      String(failed.availableSources).split(',').includes('passportdvs'),
      'an alternative verification option is offered',
    );
    const mail = await mailbox.mailTo('hemi@example.org');
    assert.match(
      mail.text ?? '',
      /^Dear Hemi, You recently opted to verify yourself against the Credit Bureau for Kiwi Lending Ltd\./,
    );
    assert.match(mail.text ?? '', /Kind regards, Kiwi Lending Ltd\s*$/);
    assert.ok(
      !mailbox.inbox.some(
        (m) => m.to && !Array.isArray(m.to) && m.to.value.some((v) => v.address === 'refused@example.org'),
      ),
      'no notice without consent',
    );
  });
});
