// Liveness check links end to end: Save → Send Liveness → an email through a real SMTP server (smtp-server,
// read back with mailparser) carrying a single-use link valid 24 h; Active / Completed / Expired; expiry
// (computed at exactly 24 h, and stored by the sweep); resend makes a new link and expires the old one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { forEachDatabase } from '../../../support/databases.ts';
import { startTestApp, type TestApp } from '../../../support/app.ts';
import { ManualClock } from '../../../../src/app/clock.ts';
import { CaseworkClient, startMailbox, type App, type Mailbox, type Officers } from './casework-client.ts';

const DAY = 24 * 60 * 60 * 1000;

interface Link {
  id: string;
  personId: string;
  status: string | null;
  expiresAt: string | null;
  sentAt: string | null;
  supersededBy: string | null;
}

forEachDatabase((kind) => {
  let t: TestApp;
  let c: CaseworkClient;
  let o: Officers;
  let mail: Mailbox;
  const clock = new ManualClock(new Date('2024-03-01T00:00:00Z'));

  before(async () => {
    mail = await startMailbox();
    t = await startTestApp(kind, {
      demo: false,
      clock,
      env: { SMTP_URL: mail.url, PONO_PUBLIC_URL: 'https://pono.test' },
    });
    c = new CaseworkClient(t, true);
    o = await c.officers('links');
  });
  after(async () => {
    await t.close();
    await mail.close();
  });

  async function application(email: string): Promise<{ ref: string; personId: string }> {
    const app = await c.expect<App>(201, o.caseOfficer, 'POST', '/applications', { applicationType: 'CBG Adult' });
    const person = await c.expect<{ id: string }>(201, o.caseOfficer, 'POST', `/applications/${app.reference}/people`, {
      relationship: 'applicant',
      givenNames: 'David',
      familyName: 'Hall',
      dateOfBirth: '1980-04-01',
      email,
    });
    await c.expect(200, o.caseOfficer, 'POST', `/applications/${app.reference}/submit`, { paid: true });
    return { ref: app.reference, personId: person.id };
  }

  const mailTo = (address: string, n: number) => mail.mailTo(address, n);
  function tokenIn(message: ParsedMail): string {
    const match = /https:\/\/pono\.test\/liveness\/([A-Za-z0-9_-]{43})/.exec(message.text ?? '');
    assert.ok(match?.[1], message.text);
    return match[1];
  }

  test('Save then Send Liveness emails a single-use link valid 24 hours, stored only as a digest', async () => {
    const { ref, personId } = await application('david.hall@example.com');
    const saved = await c.expect<Link>(201, o.caseOfficer, 'POST', `/applications/${ref}/liveness-links`, {
      personId,
      relationship: 'Adult',
    });
    assert.equal(saved.status, null);
    assert.equal(saved.sentAt, null);
    await c.expect(403, o.validator, 'POST', `/liveness-links/${saved.id}/send`);
    const sent = await c.expect<Link>(200, o.caseOfficer, 'POST', `/liveness-links/${saved.id}/send`);
    assert.equal(sent.status, 'Active');
    assert.equal(Date.parse(sent.expiresAt ?? '') - Date.parse(sent.sentAt ?? ''), DAY);
    await c.expect(409, o.caseOfficer, 'POST', `/liveness-links/${saved.id}/send`);

    const mail = await mailTo('david.hall@example.com', 1);
    assert.equal(mail.subject, 'Your liveness check link');
    assert.match(mail.text ?? '', /24 hours/);
    const token = tokenIn(mail);
    const row = await t.database.db
      .selectFrom('liveness_links')
      .selectAll()
      .where('link_id', '=', saved.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.token_hash, createHash('sha256').update(token).digest('hex'));
    assert.ok(!JSON.stringify(row).includes(token));

    const page = await t.app.inject({ method: 'GET', url: `/liveness/${token}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /\/liveness\/assets\/liveness\.js/); // the applicant's liveness page (web/liveness)
    assert.equal(page.headers['cache-control'], 'no-store');
    const unknown = await t.app.inject({ method: 'GET', url: `/liveness/${'x'.repeat(43)}` });
    assert.equal(unknown.statusCode, 404);

    const done = await t.services.casework.links.completeByToken(token);
    assert.equal(done.status, 'Completed');
    await assert.rejects(t.services.casework.links.completeByToken(token), /Completed/);
    const after = await t.app.inject({ method: 'GET', url: `/liveness/${token}` });
    assert.equal(after.statusCode, 410);
    const listed = await c.expect<Link[]>(200, o.validator, 'GET', `/applications/${ref}/liveness-links`);
    assert.deepEqual(
      listed.map((l) => l.status),
      ['Completed'],
    );
  });

  test('a link expires at 24 hours; resend sends a new link and expires the old one', async () => {
    const { ref, personId } = await application('harriet.finau@example.com');
    const saved = await c.expect<Link>(201, o.caseOfficer, 'POST', `/applications/${ref}/liveness-links`, {
      personId,
      relationship: 'Adult',
    });
    await c.expect(200, o.caseOfficer, 'POST', `/liveness-links/${saved.id}/send`);
    const first = tokenIn(await mailTo('harriet.finau@example.com', 1));

    clock.advance(DAY - 1);
    assert.equal((await c.expect<Link>(200, o.caseOfficer, 'GET', `/liveness-links/${saved.id}`)).status, 'Active');
    clock.advance(1);
    assert.equal((await c.expect<Link>(200, o.caseOfficer, 'GET', `/liveness-links/${saved.id}`)).status, 'Expired');
    assert.equal((await t.app.inject({ method: 'GET', url: `/liveness/${first}` })).statusCode, 410);
    await assert.rejects(t.services.casework.links.completeByToken(first), /expired/);

    // The sweep stores the expiry (and audits it); the scheduled expiry job does the same per link.
    assert.ok((await t.services.casework.links.sweepExpired()) >= 1);
    const stored = await t.database.db
      .selectFrom('liveness_links')
      .select(['state', 'expired_at'])
      .where('link_id', '=', saved.id)
      .executeTakeFirstOrThrow();
    assert.equal(stored.state, 'Expired');

    const resent = await c.expect<Link>(201, o.caseOfficer, 'POST', `/liveness-links/${saved.id}/resend`, {});
    assert.notEqual(resent.id, saved.id);
    assert.equal(resent.status, 'Active');
    const old = await c.expect<Link>(200, o.caseOfficer, 'GET', `/liveness-links/${saved.id}`);
    assert.equal(old.status, 'Expired');
    assert.equal(old.supersededBy, resent.id);
    await c.expect(409, o.caseOfficer, 'POST', `/liveness-links/${saved.id}/resend`, {});

    const second = tokenIn(await mailTo('harriet.finau@example.com', 2));
    assert.notEqual(second, first);
    assert.equal((await t.app.inject({ method: 'GET', url: `/liveness/${second}` })).statusCode, 200);
    assert.equal((await t.services.casework.links.completeByToken(second)).status, 'Completed');

    const trail = await c.expect<{ action: string }[]>(200, o.admin, 'GET', `/applications/${ref}/audit`);
    const actions = trail.map((e) => e.action);
    for (const a of [
      'liveness-link.create',
      'liveness-link.send',
      'liveness-link.expire',
      'liveness-link.resend',
      'liveness-link.complete',
    ])
      assert.ok(actions.includes(a), a);
  });

  test('resending an Active link expires it at once', async () => {
    const { ref, personId } = await application('resend.active@example.com');
    const saved = await c.expect<Link>(201, o.caseOfficer, 'POST', `/applications/${ref}/liveness-links`, {
      personId,
      relationship: 'Adult',
      email: 'other.address@example.com',
    });
    await c.expect(200, o.caseOfficer, 'POST', `/liveness-links/${saved.id}/send`);
    const first = tokenIn(await mailTo('other.address@example.com', 1));
    const resent = await c.expect<Link>(201, o.caseOfficer, 'POST', `/liveness-links/${saved.id}/resend`, {
      email: 'resend.active@example.com',
    });
    assert.equal(resent.status, 'Active');
    assert.equal((await c.expect<Link>(200, o.caseOfficer, 'GET', `/liveness-links/${saved.id}`)).status, 'Expired');
    assert.equal((await t.app.inject({ method: 'GET', url: `/liveness/${first}` })).statusCode, 410);
    tokenIn(await mailTo('resend.active@example.com', 1));
  });

  test('a link needs a person on the application and a valid email', async () => {
    const { ref } = await application('no.person@example.com');
    await c.expect(400, o.caseOfficer, 'POST', `/applications/${ref}/liveness-links`, {
      personId: 'not-a-person',
      relationship: 'Adult',
    });
    await c.expect(400, o.caseOfficer, 'POST', `/applications/${ref}/liveness-links`, {
      personId: 'x',
      relationship: 'Child',
    });
  });
});

forEachDatabase((kind) => {
  let t: TestApp;
  let c: CaseworkClient;
  let o: Officers;
  before(async () => {
    t = await startTestApp(kind, { demo: false, clock: new ManualClock(new Date('2024-03-01T00:00:00Z')) });
    c = new CaseworkClient(t, true);
    o = await c.officers('who');
  });
  after(() => t.close());

  test('a child gets no link, the consenting parent only as Consenting Parties, a secondary consent giver none', async () => {
    const app = await c.expect<App>(201, o.caseOfficer, 'POST', '/applications', { applicationType: 'CBG Child' });
    const add = (body: object) =>
      c.expect<{ id: string }>(201, o.caseOfficer, 'POST', `/applications/${app.reference}/people`, body);
    const child = await add({
      relationship: 'applicant',
      givenNames: 'Sione',
      familyName: 'Fifita',
      dateOfBirth: '2017-06-01',
      email: 'sione@example.org',
    });
    const parent = await add({
      relationship: 'consenting-parent',
      givenNames: 'Losa',
      familyName: 'Fifita',
      dateOfBirth: '1984-08-20',
      email: 'losa@example.org',
    });
    const secondary = await add({
      relationship: 'secondary-consent-giver',
      givenNames: 'Tevita',
      familyName: 'Fifita',
      dateOfBirth: '1982-02-02',
      email: 'tevita@example.org',
    });
    const refused = async (personId: string, relationship: string, code: string, field: string) => {
      const body = await c.expect<{ code: string; message: string; problems: { field: string }[] }>(
        400,
        o.caseOfficer,
        'POST',
        `/applications/${app.reference}/liveness-links`,
        { personId, relationship },
      );
      assert.equal(body.code, code);
      assert.deepEqual(
        body.problems.map((p) => p.field),
        [field],
      );
      return body.message;
    };
    assert.match(await refused(child.id, 'Adult', 'LINK_CHILD_NO_LIVENESS', 'personId'), /consenting parent gives it/);
    await refused(parent.id, 'Adult', 'LINK_RELATIONSHIP_MISMATCH', 'relationship');
    assert.match(await refused(secondary.id, 'Consenting Parties', 'LINK_NOT_REQUIRED', 'personId'), /signature/);
    await c.expect(201, o.caseOfficer, 'POST', `/applications/${app.reference}/liveness-links`, {
      personId: parent.id,
      relationship: 'Consenting Parties',
    });
    const links = await c.expect<Link[]>(200, o.caseOfficer, 'GET', `/applications/${app.reference}/liveness-links`);
    assert.deepEqual(
      links.map((l) => l.personId),
      [parent.id],
      'nothing half-written by the refusals',
    );
  });
});

test('without a mail server a link is saved but not sent: the officer is told, and it stays unsent', async () => {
  const t = await startTestApp('pglite', { demo: false });
  try {
    const c = new CaseworkClient(t, true);
    const o = await c.officers('nomail');
    const app = await c.expect<App>(201, o.caseOfficer, 'POST', '/applications', { applicationType: 'CBG Adult' });
    const person = await c.expect<{ id: string }>(201, o.caseOfficer, 'POST', `/applications/${app.reference}/people`, {
      relationship: 'applicant',
      givenNames: 'Ana',
      familyName: 'Mail',
      dateOfBirth: '1980-04-01',
      email: 'ana@example.org',
    });
    const saved = await c.expect<Link>(201, o.caseOfficer, 'POST', `/applications/${app.reference}/liveness-links`, {
      personId: person.id,
      relationship: 'Adult',
    });
    const refused = await c.expect<{ code: string; message: string }>(
      503,
      o.caseOfficer,
      'POST',
      `/liveness-links/${saved.id}/send`,
    );
    assert.equal(refused.code, 'MAIL_NOT_CONFIGURED');
    assert.match(refused.message, /Email is not set up on this server/);
    const after = await c.expect<Link>(200, o.caseOfficer, 'GET', `/liveness-links/${saved.id}`);
    assert.equal(after.status, null, 'not sent, not Active');
  } finally {
    await t.close();
  }
});

test('an application type or a relationship outside the known ones is refused naming the field; a link for a person without email names the person and the field', async () => {
  const t = await startTestApp('pglite', { demo: false });
  try {
    const c = new CaseworkClient(t, true);
    const o = await c.officers('fields');
    const adult = await c.expect<{ code: string; message: string; problems: { field: string; message: string }[] }>(
      400,
      o.caseOfficer,
      'POST',
      '/applications',
      { applicationType: 'Adult' },
    );
    assert.equal(adult.code, 'FieldValidationFault');
    assert.deepEqual(adult.problems, [
      { field: 'applicationType', message: 'applicationType must be one of: "CBG Adult", "CBG Child"' },
    ]);
    const child = await c.expect<App>(201, o.caseOfficer, 'POST', '/applications', { applicationType: 'CBG Child' });
    const app = await c.expect<App>(201, o.caseOfficer, 'POST', '/applications', { applicationType: 'CBG Adult' });
    assert.ok(child.reference);
    const stranger = await c.expect<{ code: string; problems: { field: string; message: string }[] }>(
      400,
      o.caseOfficer,
      'POST',
      `/applications/${app.reference}/people`,
      { relationship: 'friend', givenNames: 'Rua', familyName: 'Kore', dateOfBirth: '1980-04-01' },
    );
    assert.equal(stranger.code, 'FieldValidationFault');
    assert.deepEqual(stranger.problems, [
      {
        field: 'relationship',
        message: 'relationship must be one of: "applicant", "consenting-parent", "secondary-consent-giver", "child"',
      },
    ]);
    const person = await c.expect<{ id: string }>(201, o.caseOfficer, 'POST', `/applications/${app.reference}/people`, {
      relationship: 'applicant',
      givenNames: 'Rua',
      familyName: 'Kore',
      dateOfBirth: '1980-04-01',
    });
    const missing = await c.expect<{ code: string; message: string; problems: { field: string }[] }>(
      400,
      o.caseOfficer,
      'POST',
      `/applications/${app.reference}/liveness-links`,
      { personId: person.id, relationship: 'Adult' },
    );
    assert.equal(missing.code, 'LINK_EMAIL_MISSING');
    assert.equal(
      missing.message,
      'Rua Kore has no email address on their person record: give email, or add the address to the person record',
    );
    assert.deepEqual(
      missing.problems.map((p) => p.field),
      ['email'],
    );
    const bad = await c.expect<{ code: string; problems: { field: string }[] }>(
      400,
      o.caseOfficer,
      'POST',
      `/applications/${app.reference}/liveness-links`,
      { personId: person.id, relationship: 'Adult', email: 'rua at example' },
    );
    assert.equal(bad.code, 'FieldValidationFault');
    assert.deepEqual(
      bad.problems.map((p) => p.field),
      ['email'],
    );
    await c.expect(201, o.caseOfficer, 'POST', `/applications/${app.reference}/liveness-links`, {
      personId: person.id,
      relationship: 'Adult',
      email: 'rua@example.org',
    });
  } finally {
    await t.close();
  }
});

test("without PONO_PUBLIC_URL the emailed link points to this server's own port", async () => {
  const mail = await startMailbox();
  const t = await startTestApp('pglite', { demo: false, env: { SMTP_URL: mail.url, PORT: '18123' } });
  try {
    const c = new CaseworkClient(t, true);
    const o = await c.officers('port');
    const app = await c.expect<App>(201, o.caseOfficer, 'POST', '/applications', { applicationType: 'CBG Adult' });
    const person = await c.expect<{ id: string }>(201, o.caseOfficer, 'POST', `/applications/${app.reference}/people`, {
      relationship: 'applicant',
      givenNames: 'Pita',
      familyName: 'Port',
      dateOfBirth: '1980-04-01',
      email: 'pita@example.org',
    });
    const saved = await c.expect<Link>(201, o.caseOfficer, 'POST', `/applications/${app.reference}/liveness-links`, {
      personId: person.id,
      relationship: 'Adult',
    });
    await c.expect(200, o.caseOfficer, 'POST', `/liveness-links/${saved.id}/send`);
    const message = await mail.mailTo('pita@example.org', 1);
    assert.match(message.text ?? '', /http:\/\/localhost:18123\/liveness\/[A-Za-z0-9_-]{43}/);
  } finally {
    await t.close();
    await mail.close();
  }
});
