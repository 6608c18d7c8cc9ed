import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { Accounts, MAX_FAILED_SIGN_INS } from '../../src/app/accounts.ts';
import { AppError } from '../../src/app/errors.ts';

let database: TestDatabase;
let now = Date.UTC(2026, 10, 26, 9, 0, 0);
let accounts: Accounts;

before(async () => {
  database = await openTestDatabase('pglite');
  accounts = new Accounts(database.db, () => now);
  await accounts.create({ accountId: 'acme', password: 'right-password', stubMode: false });
});
after(() => database.dispose());

const kindOf = async (password: string, accountId = 'acme') => {
  try {
    await accounts.authenticate({ accountId, password });
    return 'ok';
  } catch (error) {
    assert.ok(error instanceof AppError);
    return error.kind;
  }
};

test('an account with too many wrong passwords in a minute is refused, even with the right one, until the minute passes', async () => {
  for (let i = 0; i < MAX_FAILED_SIGN_INS; i += 1) assert.equal(await kindOf(`guess-${i}`), 'unauthenticated');
  assert.equal(await kindOf('right-password'), 'rate_limited');
  now += 61_000;
  assert.equal(await kindOf('right-password'), 'ok');
  assert.equal(await kindOf('guess-again'), 'unauthenticated', 'a success clears the count');
});

test('an unknown account is refused like a wrong password, and is limited too', async () => {
  for (let i = 0; i < MAX_FAILED_SIGN_INS; i += 1) assert.equal(await kindOf('x', 'nobody'), 'unauthenticated');
  assert.equal(await kindOf('x', 'nobody'), 'rate_limited');
  assert.equal(await kindOf('right-password'), 'ok', 'other accounts are not affected');
});

test('while the real client is active (its password remembered), a locked account still refuses the right password', async () => {
  now += 61_000;
  assert.equal(await kindOf('right-password'), 'ok');
  for (let i = 0; i < MAX_FAILED_SIGN_INS; i += 1) assert.equal(await kindOf(`guess-${i}`), 'unauthenticated');
  assert.equal(await kindOf('right-password'), 'rate_limited', 'the remembered password does not skip the lock');
});

test('the count lives in the database: a second process sees the lock', async () => {
  now += 61_000;
  const elsewhere = new Accounts(database.db, () => now);
  for (let i = 0; i < MAX_FAILED_SIGN_INS; i += 1) assert.equal(await kindOf(`guess-${i}`), 'unauthenticated');
  await assert.rejects(
    elsewhere.authenticate({ accountId: 'acme', password: 'right-password' }),
    (error) => error instanceof AppError && error.kind === 'rate_limited',
  );
});
