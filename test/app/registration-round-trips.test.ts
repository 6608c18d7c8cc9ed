// Registration costs as few round trips to the database as correctness allows: with nothing else to write, the
// verification is one statement (the lock-out check inside it; no transaction, no rule-set read); with a token
// it is one transaction. The rule set is remembered per process, yet a version another instance publishes decides
// the very next registration (two app instances over one database, each with its own memory).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { openDatabase, type Database } from '../../src/adapters/db/database.ts';
import type { Services } from '../../src/app/services.ts';
import { createServices } from '../../src/main/services.ts';
import { buildServer, type App } from '../../src/adapters/http/server.ts';
import { createLogger } from '../../src/adapters/log/logger.ts';
import { basicAuth } from '../support/app.ts';
import { MAX_FAILED_SIGN_INS } from '../../src/app/accounts.ts';

const AUTH = basicAuth('shop', 'shop-password');
const ALL_FAIL = `TWO${'F'.repeat(28)}`;

interface Instance {
  services: Services;
  app: App;
}

async function instance(database: Database): Promise<Instance> {
  const logger = createLogger('silent');
  const services = await createServices(database, logger, { jobs: false, analysisInProcess: true });
  return { services, app: await buildServer({ logger, services }) };
}

forEachDatabase((kind) => {
  let database: TestDatabase;
  let secondDatabase: Database | undefined;
  let first: Instance;
  let second: Instance;
  let statements: string[] = [];
  let counting = false;

  before(async () => {
    database = await openTestDatabase(kind, {
      onQuery: (sql) => void (counting && statements.push(sql.trim().split(/\s+/).slice(0, 3).join(' '))),
    });
    first = await instance(database);
    // The second instance: on the server a connection pool of its own, as another process would have; the
    // embedded database has one connection, shared by both.
    secondDatabase =
      kind === 'postgres'
        ? await openDatabase({
            url: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
            schema: database.schema,
          })
        : undefined;
    second = await instance(secondDatabase ?? database);
    await first.services.accounts.create({
      accountId: 'shop',
      password: 'shop-password',
      stubMode: true,
      enabledSources: ['dfat', 'aec', 'wp'],
    });
  });
  after(async () => {
    await first.app.close();
    await second.app.close();
    await first.services.liveness.close();
    await second.services.liveness.close();
    await secondDatabase?.close();
    await database.dispose();
  });

  const register = async (on: Instance, extra: Record<string, unknown> = {}) => {
    const response = await on.app.inject({
      method: 'POST',
      url: '/api/v1/verifications',
      headers: { authorization: AUTH },
      payload: { name: { givenName: 'Tama', middleNames: ALL_FAIL, surname: 'Kereama' }, dob: '1990-02-03', ...extra },
    });
    return response;
  };
  const counted = async <T>(fn: () => Promise<T>): Promise<{ result: T; sent: string[] }> => {
    statements = [];
    counting = true;
    try {
      const result = await fn();
      return { result, sent: statements };
    } finally {
      counting = false;
    }
  };

  test('a registration with nothing else to write is one insert (the lock-out checked inside it), and is stored', async () => {
    assert.equal((await register(first)).statusCode, 201); // the password is verified and the rule set read once
    const { result, sent } = await counted(() => register(first));
    assert.equal(result.statusCode, 201, result.body);
    assert.deepEqual(sent, ['insert into verifications']);
    const id = result.json().verificationResult.verificationId as string;
    const read = await first.app.inject({
      method: 'GET',
      url: `/api/v1/verifications/${id}`,
      headers: { authorization: AUTH },
    });
    assert.equal(read.statusCode, 200);
    assert.equal(read.json().registrationDetails.surname, 'Kereama');
  });

  const formsCall = (on: Instance, trackingCode: string) =>
    on.app.inject({
      method: 'POST',
      url: '/api/v1/forms/identity-verification',
      headers: { authorization: AUTH },
      payload: {
        trackingCode,
        roleKey: 'Applicant1',
        backgroundSources: 'dfat,aec,wp',
        firstName: 'Tama',
        middleName: ALL_FAIL,
        lastName: 'Kereama',
        dateOfBirth: '1990-02-03',
        streetNumber: '12',
        streetName: 'George',
        streetType: 'ST',
        suburb: 'Sydney',
        state: 'NSW',
        postcode: '2000',
        country: 'Australia',
      },
    });

  test("a form's first call is one statement too (session, verification and outputs; the lock-out inside it)", async () => {
    assert.equal((await formsCall(first, 'round-trips-0')).statusCode, 200);
    const { result, sent } = await counted(() => formsCall(first, 'round-trips-1'));
    assert.equal(result.statusCode, 200, result.body);
    assert.deepEqual(sent, ['with ok as']);
    const session = await database.db
      .selectFrom('form_sessions')
      .select('verification_id')
      .where('tracking_code', '=', 'round-trips-1')
      .executeTakeFirstOrThrow();
    assert.equal(session.verification_id, result.json().verifyUserId);
  });

  test('a registration with a token writes both in one transaction', async () => {
    const { result, sent } = await counted(() => register(first, { generateVerificationToken: true }));
    assert.equal(result.statusCode, 201, result.body);
    assert.deepEqual(sent, ['begin', 'insert into verifications', 'insert into "verification_tokens"', 'commit']);
    const token = result.json().verificationToken as string;
    const byToken = await first.app.inject({
      method: 'GET',
      url: `/api/v1/tokens/${token}`,
      headers: { authorization: AUTH },
    });
    assert.equal(byToken.json().verificationResult.verificationId, result.json().verificationResult.verificationId);
  });

  test('a verificationId already in use is still refused, and nothing is overwritten', async () => {
    assert.equal((await register(first, { verificationId: 'kept-1' })).statusCode, 201);
    const again = await register(first, { verificationId: 'kept-1', name: { givenName: 'Mere', surname: 'Other' } });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'UserIdInUseFault');
    const read = await first.app.inject({
      method: 'GET',
      url: '/api/v1/verifications/kept-1',
      headers: { authorization: AUTH },
    });
    assert.equal(read.json().registrationDetails.surname, 'Kereama');
  });

  test('a rule set published on one instance decides the next registration on the other at once', async () => {
    const before = await register(first);
    const list = async () =>
      (
        await first.app.inject({
          method: 'GET',
          url: '/api/v1/verifications?limit=1',
          headers: { authorization: AUTH },
        })
      ).json().verifications[0];
    assert.equal((await list()).ruleSetVersion, 1);
    assert.equal(before.json().verificationResult.overallVerificationStatus, 'IN_PROGRESS');
    const published = await second.app.inject({
      method: 'PUT',
      url: '/api/v1/rule-sets/default',
      headers: { authorization: AUTH },
      payload: {
        requirements: [{ kind: 'nameDob', sources: 1 }],
        acceptedChanges: [],
        lockoutAfterFailedAttempts: null,
      },
    });
    assert.equal(published.statusCode, 201, published.body);
    const after = await register(first);
    assert.equal(after.statusCode, 201, after.body);
    const newest = await list();
    assert.equal(newest.verificationId, after.json().verificationResult.verificationId);
    assert.equal(newest.ruleSetVersion, 2);
    // And the first instance keeps using it without reading it again.
    const { result, sent } = await counted(() => register(first));
    assert.equal(result.statusCode, 201);
    assert.deepEqual(sent, ['insert into verifications']);
    assert.equal((await list()).ruleSetVersion, 2);
  });

  test('an account locked by wrong passwords on the other instance refuses the remembered right one, and writes nothing', async () => {
    assert.equal((await register(first)).statusCode, 201); // the password is remembered on the first instance
    const count = async () =>
      Number(
        (
          await database.db
            .selectFrom('verifications')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const stored = await count();
    const wrong = basicAuth('shop', 'not-the-password');
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i += 1) {
      const guess = await second.app.inject({
        method: 'POST',
        url: '/api/v1/verifications',
        headers: { authorization: wrong },
        payload: { name: { givenName: 'Tama', surname: 'Kereama' }, dob: '1990-02-03' },
      });
      assert.equal(guess.statusCode, 401);
    }
    for (const extra of [{}, { generateVerificationToken: true }]) {
      const locked = await register(first, extra);
      assert.equal(locked.statusCode, 429, locked.body);
      assert.match(locked.json().message, /Too many wrong passwords for this account: retry in \d+ s/);
    }
    const lockedForm = await formsCall(first, 'round-trips-locked');
    assert.equal(lockedForm.statusCode, 429, lockedForm.body);
    const sessions = await database.db
      .selectFrom('form_sessions')
      .select('verification_id')
      .where('tracking_code', '=', 'round-trips-locked')
      .execute();
    assert.deepEqual(sessions, [], 'no session written while locked');
    assert.equal(await count(), stored, 'nothing written while locked');
    await database.db.deleteFrom('sign_in_failures').execute();
    assert.equal((await register(first)).statusCode, 201, 'the lock lifted, the remembered password works again');
  });
});
