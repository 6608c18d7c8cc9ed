import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../support/databases.ts';
import { startTestApp, DEMO_AUTH, basicAuth, type TestApp } from '../../support/app.ts';

const ALL_PASS = `TWO${'P'.repeat(28)}`;
const ALL_FAIL = `TWO${'F'.repeat(28)}`;

function person(middleNames: string, extra: Record<string, unknown> = {}) {
  return {
    name: { givenName: 'Aroha', middleNames, surname: 'Ngata' },
    dob: '1986-03-12',
    currentResidentialAddress: {
      streetNumber: '12',
      streetName: 'George',
      streetType: 'ST',
      suburb: 'Sydney',
      state: 'NSW',
      postcode: '2000',
      country: 'AU',
    },
    ...extra,
  };
}

forEachDatabase((kind) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(kind);
    await t.services.accounts.create({ accountId: 'other', password: 'other-password', stubMode: true });
  });
  after(async () => {
    await t.close();
  });

  const register = (body: unknown, auth = DEMO_AUTH) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/verifications',
      headers: { authorization: auth },
      payload: body as object,
    });

  async function submitPassport(verificationId: string, number: string) {
    const fields = await t.app.inject({
      method: 'GET',
      url: `/api/v1/verifications/${verificationId}/sources/passportdvs/fields`,
      headers: { authorization: DEMO_AUTH },
    });
    assert.equal(fields.statusCode, 200, fields.body);
    const values: Record<string, string> = {};
    for (const field of fields.json().sourceFields.fieldList as { name: string; value: string }[])
      values[field.name] = field.value;
    values.greenid_passportdvs_number = number;
    values.greenid_passportdvs_tandc = 'on';
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/verifications/${verificationId}/sources/passportdvs`,
      headers: { authorization: DEMO_AUTH },
      payload: { fields: values },
    });
  }

  test('GET /healthz answers 200 when the database answers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().status, 'ok');
  });

  test('the OpenAPI document at /docs/json describes the verification API', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/docs/json' });
    assert.equal(response.statusCode, 200);
    const paths = Object.keys(response.json().paths);
    assert.ok(paths.includes('/api/v1/verifications'));
    assert.ok(paths.includes('/api/v1/verifications/{verificationId}/sources/{sourceId}'));
  });

  test('register with all-pass stub codes is VERIFIED at once', async () => {
    const response = await register(person(ALL_PASS));
    assert.equal(response.statusCode, 201, response.body);
    const body = response.json();
    assert.equal(body.verificationResult.overallVerificationStatus, 'VERIFIED');
    assert.match(body.verificationResult.verificationId, /^[A-Za-z0-9]{9}$/);
    assert.ok(body.verificationResult.individualResult.length >= 3);
  });

  test('all-fail stub codes stay IN_PROGRESS, then passport A1111111 verifies', async () => {
    const created = (await register(person(ALL_FAIL))).json();
    assert.equal(created.verificationResult.overallVerificationStatus, 'IN_PROGRESS');
    const passport = created.sourceList.find((s: { name: string }) => s.name === 'passportdvs');
    assert.ok(passport?.available, 'passportdvs is offered');
    const response = await submitPassport(created.verificationResult.verificationId, 'A1111111');
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().checkResult.state, 'VERIFIED');
  });

  test('a wrong password answers 401, and no credentials too', async () => {
    assert.equal((await register(person(ALL_PASS), basicAuth('demo', 'wrong'))).statusCode, 401);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/verifications/x' })).statusCode, 401);
  });

  test("another account's verification answers 404", async () => {
    const created = (await register(person(ALL_PASS))).json();
    const id = created.verificationResult.verificationId;
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/verifications/${id}`,
      headers: { authorization: basicAuth('other', 'other-password') },
    });
    assert.equal(response.statusCode, 404);
    const own = await t.app.inject({
      method: 'GET',
      url: `/api/v1/verifications/${id}`,
      headers: { authorization: DEMO_AUTH },
    });
    assert.equal(own.statusCode, 200);
  });

  test('a bad field answers 400 naming the field, and nothing is stored', async () => {
    const before = await t.database.db
      .selectFrom('verifications')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const badDob = await register(person(ALL_PASS, { dob: '2999-01-01' }));
    assert.equal(badDob.statusCode, 400);
    assert.equal(badDob.json().problems[0].field, 'dob');
    const missing = await register({ ...person(ALL_PASS), name: { surname: 'Ngata' } });
    assert.equal(missing.statusCode, 400);
    assert.ok(
      missing.json().problems.some((p: { field: string }) => p.field === 'name.givenName'),
      missing.body,
    );
    const postcode = await register(
      person(ALL_PASS, { currentResidentialAddress: { postcode: '20a0', country: 'AU' } }),
    );
    assert.equal(postcode.statusCode, 400);
    assert.match(postcode.json().message, /postcode/);
    const after = await t.database.db
      .selectFrom('verifications')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });

  test('an invalid interactive field answers 400 naming the input', async () => {
    const created = (await register(person(ALL_FAIL))).json();
    const response = await submitPassport(created.verificationResult.verificationId, '!!');
    assert.equal(response.statusCode, 400);
    assert.ok(
      response.json().problems.some((p: { field: string }) => p.field === 'greenid_passportdvs_number'),
      response.body,
    );
  });

  test('a caller-chosen verificationId already in use answers 409', async () => {
    assert.equal((await register(person(ALL_PASS, { verificationId: 'mine-1' }))).statusCode, 201);
    assert.equal((await register(person(ALL_PASS, { verificationId: 'mine-1' }))).statusCode, 409);
  });

  test('tokens: issued, read by, expired', async () => {
    const created = (await register(person(ALL_PASS))).json();
    const id = created.verificationResult.verificationId;
    const issued = await t.app.inject({
      method: 'POST',
      url: `/api/v1/verifications/${id}/token`,
      headers: { authorization: DEMO_AUTH },
    });
    assert.equal(issued.statusCode, 201);
    const token = issued.json().verificationToken as string;
    assert.match(token, /^[0-9a-f]{40}$/);
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/tokens/${token}`,
      headers: { authorization: DEMO_AUTH },
    });
    assert.equal(read.json().verificationResult.verificationId, id);
    const stored = await t.database.db.selectFrom('verification_tokens').select('token_hash').execute();
    assert.ok(
      stored.every((row) => row.token_hash !== token),
      'tokens are stored hashed',
    );
    const expired = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${token}`,
      headers: { authorization: DEMO_AUTH },
    });
    assert.equal(expired.statusCode, 204);
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/v1/tokens/${token}`,
      headers: { authorization: DEMO_AUTH },
    });
    assert.equal(after.statusCode, 404);
  });

  test('admin override records comment, date and admin email', async () => {
    const created = (await register(person(ALL_FAIL))).json();
    const id = created.verificationResult.verificationId;
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/verifications/${id}/admin-override`,
      headers: { authorization: DEMO_AUTH },
      payload: { comment: 'Sighted passport in branch', adminEmail: 'admin@example.org' },
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().verificationResult.overallVerificationStatus, 'VERIFIED_ADMIN');
    const row = await t.database.db
      .selectFrom('verifications')
      .select('state')
      .where('verification_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.match(JSON.stringify(row.state), /Sighted passport in branch/);
    assert.match(JSON.stringify(row.state), /admin@example\.org/);
  });

  test('two concurrent submissions to one verification never lose an update', async () => {
    const created = (await register(person(ALL_FAIL))).json();
    const id = created.verificationResult.verificationId;
    const [a, b] = await Promise.all([submitPassport(id, 'A4444444'), submitPassport(id, 'A4444444')]);
    assert.equal(a.statusCode, 200, a.body);
    assert.equal(b.statusCode, 200, b.body);
    const row = await t.database.db
      .selectFrom('verifications')
      .select(['revision', 'state'])
      .where('verification_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.revision, 3, 'both submissions were applied, one after the other');
    const state = row.state as { sources: Record<string, { attempts?: number }> };
    assert.equal(state.sources.passportdvs?.attempts, 2);
  });
});

forEachDatabase((kind) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(kind, { demo: false });
    await t.services.accounts.create({ accountId: 'lister', password: 'lister-password', stubMode: true });
    await t.services.accounts.create({ accountId: 'nosy', password: 'nosy-password', stubMode: true });
  });
  after(async () => {
    await t.close();
  });
  const AUTH = basicAuth('lister', 'lister-password');
  const register = (middleNames: string, account = AUTH) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/verifications',
      headers: { authorization: account },
      payload: person(middleNames),
    });
  const list = (query: string, auth = AUTH) =>
    t.app.inject({ method: 'GET', url: `/api/v1/verifications${query}`, headers: { authorization: auth } });

  test("the account's verifications are listed newest first, by status, in pages, and only its own", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1)
      ids.push((await register(i % 2 === 0 ? ALL_PASS : ALL_FAIL)).json().verificationResult.verificationId);
    await register(ALL_PASS, basicAuth('nosy', 'nosy-password'));
    const all = await list('?limit=2');
    assert.equal(all.statusCode, 200, all.body);
    const pages: string[] = all.json().verifications.map((v: { verificationId: string }) => v.verificationId);
    let next = all.json().next as string | null;
    while (next) {
      const page = (await list(`?limit=2&before=${next}`)).json();
      pages.push(...page.verifications.map((v: { verificationId: string }) => v.verificationId));
      next = page.next;
    }
    assert.deepEqual(pages, [...ids].reverse());
    const inProgress = (await list('?status=IN_PROGRESS'))
      .json()
      .verifications.map((v: { verificationId: string }) => v.verificationId);
    assert.deepEqual(inProgress, [ids[3], ids[1]]);
    assert.equal((await list('?limit=0')).statusCode, 400);
    assert.equal((await list('?before=garbage')).statusCode, 400);
    assert.equal((await list('?status=MAYBE')).statusCode, 400);
  });

  test('an administrator verifies one pending source and the rule set decides again', async () => {
    const passRoll = 'TWOPPPFFFFFFFFFPFFFFFFFFFFFFFFF';
    const id = (await register(passRoll)).json().verificationResult.verificationId as string;
    const pending = await t.app.inject({
      method: 'POST',
      url: `/api/v1/verifications/${id}/sources/passportdvs`,
      headers: { authorization: AUTH },
      payload: {
        fields: {
          greenid_passportdvs_number: 'A3333333',
          greenid_passportdvs_givenname: 'Aroha',
          greenid_passportdvs_surname: 'Ngata',
          greenid_passportdvs_dob: '12/03/1986',
          greenid_passportdvs_tandc: 'on',
        },
      },
    });
    assert.equal(pending.json().verificationResult.overallVerificationStatus, 'PENDING', pending.body);
    const reviewed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/verifications/${id}/admin-override`,
      headers: { authorization: AUTH },
      payload: { comment: 'Passport sighted', adminEmail: 'review@example.org', sourceId: 'passportdvs' },
    });
    assert.equal(reviewed.statusCode, 200, reviewed.body);
    const body = reviewed.json();
    assert.equal(body.verificationResult.overallVerificationStatus, 'VERIFIED_ADMIN');
    assert.equal(body.sourceList.find((s: { name: string }) => s.name === 'passportdvs').state, 'VERIFIED_ADMIN');
    const unknown = await t.app.inject({
      method: 'POST',
      url: `/api/v1/verifications/${id}/admin-override`,
      headers: { authorization: AUTH },
      payload: { comment: 'x', adminEmail: 'review@example.org', sourceId: 'nzpassport' },
    });
    assert.equal(unknown.statusCode, 404);
  });
});
