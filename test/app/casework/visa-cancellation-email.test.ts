// BR-59 (seed 000 L2453–2455): once INZ is notified of the new citizen, the person whose current overseas passport
// holds their residence visa is emailed — through the job queue and a real SMTP server — that INZ cancels that
// visa and that they can ask INZ for an endorsement of citizenship or apply for a New Zealand passport. Once per
// application and person, whatever is delivered again; a person without an address is recorded as such.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../support/databases.ts';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { officerPair } from '../../support/officer-pair.ts';
import { grantWithCeremony } from '../../support/grant.ts';
import { startMailbox, eventually, type Mailbox } from '../../adapters/http/casework/casework-client.ts';
import { ManualClock } from '../../../src/app/clock.ts';
import type { Actor } from '../../../src/app/casework/actor.ts';
import { DEMO_RECORDS, DEMO_ADULT } from '../../../src/app/demo-records.ts';
import { visaCancellation } from '../../../src/domain/casework/index.ts';

const DAY = 24 * 60 * 60 * 1000;

forEachDatabase((kind) => {
  let t: TestApp;
  let mail: Mailbox;
  const clock = new ManualClock(new Date('2024-06-03T00:00:00Z'));
  let co: Actor;
  let vo: Actor;
  const admin: Actor = { officerId: 'auditor', roles: ['administrator'] };

  before(async () => {
    mail = await startMailbox();
    t = await startTestApp(kind, {
      demo: false,
      clock,
      env: {
        SMTP_URL: mail.url,
        PONO_INZ_NOTIFY_URL: 'http://127.0.0.1:9/inz/notifications',
        PONO_INZ_NOTIFY_SECRET: 'inz-shared-secret-0123456789',
        PONO_OFFICE_NAME: 'Te Tari Taiwhenua',
      },
    });
    assert.equal((await t.services.records.load(DEMO_RECORDS)).ok, true);
    ({ co, vo } = await officerPair(t.services, 'v'));
  });
  after(async () => {
    await t.close();
    await mail.close();
  });

  /** The demo's resident (India passport, resident since 2014) granted, her ceremony closed; returns the reference. */
  async function closed(email: string | null, cpn: string): Promise<{ reference: string; applicationId: string }> {
    const cw = t.services.casework;
    const { reference } = await cw.applications.create(co, { applicationType: 'CBG Adult' });
    await cw.applications.addPerson(co, reference, {
      relationship: 'applicant',
      ...DEMO_ADULT,
      gender: 'Female',
      countryOfBirth: 'India',
      citizenshipPersonNumber: cpn,
      ...(email ? { email } : {}),
    });
    await cw.applications.submit(co, reference, { paid: true, submittedOn: '2023-01-10' });
    await eventually(async () => (await cw.applications.get(co, reference)).recordsStatus === 'fetched');
    await cw.applications.moveStage(co, reference, 'allocate');
    await grantWithCeremony(t.services, { co, vo }, reference);
    const view = await cw.ceremonies.close(co, reference);
    return { reference, applicationId: view.id };
  }

  /** INZ's side accepts the notification (the claim → send → record steps with a 200 from INZ). */
  async function notifyInz(reference: string): Promise<void> {
    const cw = t.services.casework;
    const [n] = await cw.ceremonies.notificationsFor(co, reference);
    assert.ok(n);
    const claim = await cw.ceremonies.claim(n.idempotencyKey);
    assert.ok(claim, 'the notification is due');
    assert.equal(await cw.ceremonies.recordOutcome(n.idempotencyKey, claim.claimId, 200), true);
  }

  test('BR-59: after INZ is notified, the email names the visa and passport and the two options, sent once', async () => {
    const cw = t.services.casework;
    const { reference, applicationId } = await closed('mere@example.org', 'CPN-5901');
    // Nothing before INZ is notified.
    assert.deepEqual(await cw.visaEmails.forApplication(applicationId), []);
    clock.advance(7 * DAY);
    await notifyInz(reference);

    const message = await mail.mailTo('mere@example.org');
    assert.equal(message.subject, 'Your residence visa and your passport now that you are a New Zealand citizen');
    const text = message.text ?? '';
    assert.match(text, /Kia ora Mere,/);
    assert.match(text, /New Zealand citizen on 3 June 2024\. Te Tari Taiwhenua has told Immigration New Zealand/);
    assert.match(text, /your Resident visa \(from 10 November 2014\) in your current India passport ending 0001/);
    assert.match(text, /this residence visa will be cancelled/);
    assert.match(text, /endorsement of New Zealand citizenship/);
    assert.match(text, /apply for a New Zealand passport/);
    assert.doesNotMatch(text, /P0000001/, 'the passport number is shown by its last four characters only');
    assert.match(message.messageId ?? '', /^<visa-cancellation-/);

    await eventually(async () => (await cw.visaEmails.forApplication(applicationId))[0]?.status === 'sent');
    // Exactly once: scheduling again (a second delivery of the notification) and re-running the job send nothing.
    const personId = (await cw.visaEmails.forApplication(applicationId))[0]?.personId ?? '';
    const again = await t.database.db
      .transaction()
      .execute((trx) => cw.visaEmails.schedule(trx, applicationId, personId));
    assert.equal(again, 'already-scheduled');
    assert.equal(await cw.visaEmails.deliver({ applicationId, personId }), 'skipped');
    // Drained: any email job the second scheduling had enqueued has been worked and its message received.
    await t.services.queue.drained();
    assert.equal(mail.inbox.filter((m) => m.subject?.startsWith('Your residence visa')).length, 1);
    const trail = await cw.audit.forApplication(admin, reference);
    assert.deepEqual(
      trail.filter((e) => e.action.startsWith('visa-cancellation-email.')).map((e) => e.action),
      ['visa-cancellation-email.scheduled', 'visa-cancellation-email.sent'],
    );
  });

  test('BR-59: a person without an email address is recorded and audited, and no email is sent', async () => {
    const cw = t.services.casework;
    const before = mail.inbox.length;
    const { reference, applicationId } = await closed(null, 'CPN-5902');
    clock.advance(7 * DAY);
    await notifyInz(reference);
    assert.deepEqual(
      (await cw.visaEmails.forApplication(applicationId)).map((r) => r.status),
      ['no-address'],
    );
    const trail = await cw.audit.forApplication(admin, reference);
    assert.ok(trail.some((e) => e.action === 'visa-cancellation-email.no-address'));
    await t.services.queue.drained();
    assert.equal(mail.inbox.length, before);
  });
});

test('BR-59: the visa is cancelled only for a residence visa in force and a current overseas passport', () => {
  const tabs = (latestDocument: object | null, visaHistory: object[]) => ({
    tabs: { travelAndVisa: { travel: { latestDocument }, visaHistory } },
  });
  const passport = { number: 'LA123456', issuingState: 'Tonga', issued: '2019-01-01', expiry: '2029-01-01' };
  const resident = {
    type: 'Resident',
    start: '2015-02-01T13:00',
    expiry: '9999-12-31T13:00',
    entitlesIndefiniteStay: true,
  };
  const visitor = {
    type: 'Visitor',
    start: '2014-01-01T13:00',
    expiry: '2030-01-01T13:00',
    entitlesIndefiniteStay: false,
  };
  const on = '2024-06-10';
  assert.deepEqual(visaCancellation(tabs(passport, [visitor, resident]), on), {
    passportNumber: 'LA123456',
    issuingState: 'Tonga',
    passportExpiry: '2029-01-01',
    visaType: 'Resident',
    visaStart: '2015-02-01',
  });
  const cases: [string, unknown][] = [
    ['no 1:1 record (no Travel and Visa tab)', { tabs: { identityResults: [] } }],
    ['no records at all', null],
    ['no travel document', tabs(null, [resident])],
    ['the passport expired', tabs({ ...passport, expiry: '2024-06-09' }, [resident])],
    ['a New Zealand document', tabs({ ...passport, issuingState: 'New Zealand' }, [resident])],
    ['only a visitor visa', tabs(passport, [visitor])],
    ['the residence visa expired', tabs(passport, [{ ...resident, expiry: '2020-01-01T13:00' }])],
    ['the residence visa starts later', tabs(passport, [{ ...resident, start: '2024-07-01T13:00' }])],
  ];
  for (const [why, records] of cases) assert.equal(visaCancellation(records, on), null, why);
  // A passport expiring on the day is still current; a visa without an expiry is in force.
  assert.ok(visaCancellation(tabs({ ...passport, expiry: on }, [{ ...resident, expiry: null }]), on));
});
