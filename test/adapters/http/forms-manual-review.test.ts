// Manual verification of a form's person (seed 001 "Manual Verification Option"), on both databases: the
// person who failed or opted out uploads scans (browser token or the form's server); refused uploads name the
// problem and store nothing; the administrators' queue is oldest first and keyset paged; a decision is
// VERIFIED_ADMIN with a mandatory comment (seed 004 "Verified (by admin)", the form's verifyStatus VERIFIED)
// or FAILED (verifyStatus FAILED); it is audited, visible through the outcome calls, and made once even when
// two administrators decide at the same time; another account sees none of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../support/databases.ts';
import { startTestApp, DEMO_AUTH, basicAuth, type TestApp } from '../../support/app.ts';
import { applicant, manualUpload, newTracking, TINY_PNG } from './forms-support.ts';

/** Seed 002 stub middle names: watchlists clear, every other background source fails. */
const ALL_FAIL = `TWOPPP${'F'.repeat(25)}`;
const BACKGROUND = 'dfat,ofac,pep,aec,asic,tenancy';
const OTHER_AUTH = basicAuth('other', 'other-password-1');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

interface Review {
  reviewId: string;
  state: string;
  reason: string;
  verificationId: string;
  documents: { documentNo: number; documentType: string; contentType: string; fileName: string }[];
  comment: string | null;
  decidedBy: string | null;
}

forEachDatabase((kind) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(kind);
    await t.services.accounts.create({ accountId: 'other', password: 'other-password-1', stubMode: true });
  });
  after(async () => {
    await t.close();
  });

  /** A person of a new transaction whose background check did not verify them. */
  const unverifiedPerson = async (roleKey = 'Applicant1') => {
    const trackingCode = newTracking();
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/forms/identity-verification',
      headers: { authorization: DEMO_AUTH },
      payload: { trackingCode, roleKey, backgroundSources: BACKGROUND, ...applicant(ALL_FAIL) },
    });
    assert.equal(r.statusCode, 200, r.body);
    const out = r.json<{ verifyUserId: string; verifyStatus: string }>();
    assert.equal(out.verifyStatus, 'UNVERIFIED');
    return { trackingCode, roleKey, verifyUserId: out.verifyUserId };
  };
  const upload = (
    fields: Record<string, string>,
    files: { field: string; name: string; content: Buffer; type?: string }[] = [
      { field: 'passport', name: 'passport.png', content: TINY_PNG },
    ],
    auth = DEMO_AUTH,
  ) => {
    const body = manualUpload(fields, files);
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/forms/manual-verification',
      headers: { authorization: auth, ...body.headers },
      payload: body.payload,
    });
  };
  const submitted = async (reason = 'OPTED_OUT') => {
    const person = await unverifiedPerson();
    const r = await upload({ trackingCode: person.trackingCode, roleKey: person.roleKey, reason }, [
      { field: 'passport', name: 'passport.png', content: TINY_PNG },
      { field: 'proofOfAddress', name: 'rates notice.pdf', content: PDF, type: 'application/pdf' },
    ]);
    assert.equal(r.statusCode, 201, r.body);
    return { person, review: r.json<Review>() };
  };
  const decide = (reviewId: string, body: Record<string, unknown>, auth = DEMO_AUTH) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/forms/manual-reviews/${reviewId}/decision`,
      headers: { authorization: auth },
      payload: body,
    });
  const outcome = async (verificationId: string) => {
    const r = await t.app.inject({
      method: 'GET',
      url: `/api/v1/verifications/${verificationId}/outcome`,
      headers: { authorization: DEMO_AUTH },
    });
    assert.equal(r.statusCode, 200, r.body);
    return r.json<{ verifyStatus: string; availableSources: string }>();
  };

  test('the scans join the queue PENDING, each document by its type; the file is served to the account only', async () => {
    const { person, review } = await submitted();
    assert.equal(review.state, 'PENDING');
    assert.equal(review.reason, 'OPTED_OUT');
    assert.equal(review.verificationId, person.verifyUserId);
    assert.deepEqual(
      review.documents.map((d) => [d.documentNo, d.documentType, d.contentType, d.fileName]),
      [
        [1, 'passport', 'image/png', 'passport.png'],
        [2, 'proofOfAddress', 'application/pdf', 'rates notice.pdf'],
      ],
    );
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/v1/forms/manual-reviews/${review.reviewId}/documents/1`,
      headers: { authorization: DEMO_AUTH },
    });
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'image/png');
    assert.equal(file.headers['x-content-type-options'], 'nosniff');
    assert.deepEqual(file.rawPayload, TINY_PNG);
    for (const url of [
      `/api/v1/forms/manual-reviews/${review.reviewId}`,
      `/api/v1/forms/manual-reviews/${review.reviewId}/documents/1`,
    ]) {
      const theirs = await t.app.inject({ method: 'GET', url, headers: { authorization: OTHER_AUTH } });
      assert.equal(theirs.statusCode, 404, url);
    }
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/v1/forms/manual-reviews/${review.reviewId}`,
      headers: { authorization: DEMO_AUTH },
    });
    assert.equal(detail.statusCode, 200, detail.body);
    const body = detail.json<{ person: { givenName: string; surname: string }; overallVerificationStatus: string }>();
    assert.equal(body.person.givenName, 'Aroha');
    assert.equal(body.overallVerificationStatus, 'IN_PROGRESS');
    // While it waits the form still reads UNVERIFIED.
    assert.equal((await outcome(person.verifyUserId)).verifyStatus, 'UNVERIFIED');
  });

  test('a refused upload names its problem and stores nothing', async () => {
    const person = await unverifiedPerson();
    const fields = { trackingCode: person.trackingCode, roleKey: person.roleKey, reason: 'OPTED_OUT' };
    const cases: [string, Awaited<ReturnType<typeof upload>>, string, RegExp][] = [
      [
        'no reason',
        await upload({ trackingCode: person.trackingCode, roleKey: 'Applicant1' }),
        'reason',
        /OPTED_OUT or NOT_VERIFIED/,
      ],
      ['bad reason', await upload({ ...fields, reason: 'BORED' }), 'reason', /OPTED_OUT or NOT_VERIFIED/],
      ['no file', await upload(fields, []), '(documents)', /at least one document/],
      [
        'unknown type',
        await upload(fields, [{ field: 'selfie', name: 'me.png', content: TINY_PNG }]),
        'selfie',
        /not a document type/,
      ],
      [
        'not a scan',
        await upload(fields, [{ field: 'passport', name: 'p.png', content: Buffer.from('GIF89a not a png') }]),
        'passport',
        /not a JPEG, PNG or PDF/,
      ],
      [
        'five documents',
        await upload(
          fields,
          ['passport', 'licence', 'medicare', 'visa', 'immiCard'].map((field) => ({
            field,
            name: `${field}.png`,
            content: TINY_PNG,
          })),
        ),
        'immiCard',
        /at most 4 documents/,
      ],
    ];
    for (const [label, response, field, message] of cases) {
      assert.equal(response.statusCode, 400, `${label}: ${response.body}`);
      const problems = response.json<{ problems: { field: string; message: string }[] }>().problems;
      assert.equal(problems[0]?.field, field, label);
      assert.match(problems[0]?.message ?? '', message, label);
    }
    const none = await upload({ trackingCode: newTracking(), reason: 'OPTED_OUT' });
    assert.equal(none.statusCode, 404, none.body);
    assert.match(none.json<{ message: string }>().message, /call the verification service first/);
    // Another account cannot send scans for this account's person.
    const theirs = await upload(fields, undefined, OTHER_AUTH);
    assert.equal(theirs.statusCode, 404);
    const queue = await t.app.inject({
      method: 'GET',
      url: '/api/v1/forms/manual-reviews?state=PENDING&limit=100',
      headers: { authorization: DEMO_AUTH },
    });
    const reviews = queue.json<{ reviews: Review[] }>().reviews;
    assert.equal(reviews.filter((r) => r.verificationId === person.verifyUserId).length, 0);
  });

  test('approved: VERIFIED_ADMIN with the comment; the form reads VERIFIED; the audit trail has both steps', async () => {
    const { person, review } = await submitted('NOT_VERIFIED');
    const noComment = await decide(review.reviewId, {
      decision: 'VERIFIED_ADMIN',
      comment: '  ',
      adminEmail: 'kaiarahi@example.org',
    });
    assert.equal(noComment.statusCode, 400, noComment.body);
    assert.equal(noComment.json<{ problems: { field: string }[] }>().problems[0]?.field, 'comment');
    const ok = await decide(review.reviewId, {
      decision: 'VERIFIED_ADMIN',
      comment: 'Passport and rates notice match the details',
      adminEmail: 'kaiarahi@example.org',
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const decided = ok.json<Review & { overallVerificationStatus: string }>();
    assert.equal(decided.state, 'VERIFIED_ADMIN');
    assert.equal(decided.overallVerificationStatus, 'VERIFIED_ADMIN');
    assert.equal(decided.comment, 'Passport and rates notice match the details');
    assert.equal(decided.decidedBy, 'kaiarahi@example.org');
    assert.equal((await outcome(person.verifyUserId)).verifyStatus, 'VERIFIED');
    // The verification's record carries seed 003's AdminComment with the date and the administrator.
    const verification = await t.app.inject({
      method: 'GET',
      url: `/api/v1/verifications/${person.verifyUserId}`,
      headers: { authorization: DEMO_AUTH },
    });
    const results = verification.json<{
      verificationResult: {
        individualResult: { name: string; state: string; fieldResult: { name: string; data?: string }[] }[];
      };
    }>().verificationResult.individualResult;
    const admin = results.find((r) => r.name === 'AdminVerification');
    assert.equal(admin?.state, 'VERIFIED_ADMIN');
    assert.equal(
      admin?.fieldResult.find((f) => f.name === 'AdminComment')?.data,
      'Passport and rates notice match the details',
    );
    // The form's next call with its verifyUserId reads VERIFIED too.
    const next = await t.app.inject({
      method: 'POST',
      url: '/api/v1/forms/identity-verification',
      headers: { authorization: DEMO_AUTH },
      payload: {
        trackingCode: person.trackingCode,
        roleKey: person.roleKey,
        verifyUserId: person.verifyUserId,
        backgroundSources: BACKGROUND,
        ...applicant(ALL_FAIL),
      },
    });
    assert.equal(next.json<{ verifyStatus: string }>().verifyStatus, 'VERIFIED');
    const again = await decide(review.reviewId, {
      decision: 'FAILED',
      comment: 'changed my mind',
      adminEmail: 'other@example.org',
    });
    assert.equal(again.statusCode, 409);
    assert.match(
      again.json<{ message: string }>().message,
      /already decided \(VERIFIED_ADMIN\) by kaiarahi@example.org/,
    );
    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/v1/forms/audit/${person.trackingCode}`,
      headers: { authorization: DEMO_AUTH },
    });
    const events = audit.json<{ events: { action: string; result: string; detail: Record<string, unknown> }[] }>()
      .events;
    assert.deepEqual(
      events.map((e) => [e.action, e.result]),
      [
        ['manual-verification.submitted', 'PENDING'],
        ['manual-verification.decided', 'VERIFIED_ADMIN'],
      ],
    );
    assert.deepEqual(events[0]?.detail.documentTypes, ['passport', 'proofOfAddress']);
    assert.ok(!JSON.stringify(events).includes('Aroha'), 'no personal data in the audit trail');
  });

  test('failed: the form reads FAILED with nothing left to try; a verified person cannot be sent for review', async () => {
    const { person, review } = await submitted();
    const r = await decide(review.reviewId, {
      decision: 'FAILED',
      comment: 'The passport photo is not the person',
      adminEmail: 'kaiarahi@example.org',
    });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json<Review>().state, 'FAILED');
    const out = await outcome(person.verifyUserId);
    assert.equal(out.verifyStatus, 'FAILED');
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/v1/forms/identity-verification',
      headers: { authorization: DEMO_AUTH },
      payload: { trackingCode: newTracking(), backgroundSources: BACKGROUND, ...applicant(`TWO${'P'.repeat(28)}`) },
    });
    assert.equal(verified.json<{ verifyStatus: string }>().verifyStatus, 'VERIFIED');
  });

  test('one review waits at a time; two administrators deciding at once: one decision, the other told', async () => {
    const { person, review } = await submitted();
    const second = await upload({ trackingCode: person.trackingCode, roleKey: person.roleKey, reason: 'OPTED_OUT' });
    assert.equal(second.statusCode, 409);
    assert.match(second.json<{ message: string }>().message, /already waiting for review/);
    const [a, b] = await Promise.all([
      decide(review.reviewId, { decision: 'VERIFIED_ADMIN', comment: 'Documents match', adminEmail: 'a@example.org' }),
      decide(review.reviewId, { decision: 'FAILED', comment: 'Documents do not match', adminEmail: 'b@example.org' }),
    ]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
    const winner = (a.statusCode === 200 ? a : b).json<Review>();
    const status = (await outcome(person.verifyUserId)).verifyStatus;
    assert.equal(status, winner.state === 'VERIFIED_ADMIN' ? 'VERIFIED' : 'FAILED');
  });

  test('the queue: oldest first, by state, in keyset pages; another account sees none of it', async () => {
    const mine: string[] = [];
    for (let i = 0; i < 3; i += 1) mine.push((await submitted()).review.reviewId);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const r: Awaited<ReturnType<typeof t.app.inject>> = await t.app.inject({
        method: 'GET',
        url: `/api/v1/forms/manual-reviews?state=PENDING&limit=2${after ? `&after=${after}` : ''}`,
        headers: { authorization: DEMO_AUTH },
      });
      assert.equal(r.statusCode, 200, r.body);
      const page = r.json<{ reviews: Review[]; next: string | null }>();
      assert.ok(page.reviews.length <= 2);
      assert.ok(page.reviews.every((x) => x.state === 'PENDING'));
      seen.push(...page.reviews.map((x) => x.reviewId));
      after = page.next;
    } while (after);
    assert.deepEqual(
      seen.filter((id) => mine.includes(id)),
      mine,
      'in the order they came, each once',
    );
    assert.equal(new Set(seen).size, seen.length);
    const theirs = await t.app.inject({
      method: 'GET',
      url: '/api/v1/forms/manual-reviews',
      headers: { authorization: OTHER_AUTH },
    });
    assert.deepEqual(theirs.json<{ reviews: unknown[] }>().reviews, []);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/forms/manual-reviews?after=nonsense',
      headers: { authorization: DEMO_AUTH },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<{ problems: { field: string }[] }>().problems[0]?.field, 'after');
  });
});
