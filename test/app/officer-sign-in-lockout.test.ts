// Officers' wrong passwords lock the email as it is signed in (trimmed, lower-case) and cap one client address
// across emails; both counts live in the database, so they hold across processes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase, type TestDatabase } from '../support/databases.ts';
import {
  Officers,
  MAX_FAILED_OFFICER_SIGN_INS,
  MAX_FAILED_SIGN_INS_PER_ADDRESS,
} from '../../src/app/casework/officers.ts';
import { AppError } from '../../src/app/errors.ts';

let database: TestDatabase;
let now = Date.UTC(2026, 11, 3, 9, 0, 0);
const clock = { now: () => new Date(now) };
let officers: Officers;
const PASSWORD = 'a long enough password';

before(async () => {
  database = await openTestDatabase('pglite');
  officers = new Officers(database.db, clock);
  await officers.create({ email: 'kiri@dia.example', fullName: 'Kiri', roles: ['case-officer'], password: PASSWORD });
});
after(() => database.dispose());

const outcome = async (email: string, password: string, address = '10.0.0.1', by = officers) => {
  try {
    await by.signIn(email, password, address);
    return 'ok';
  } catch (error) {
    assert.ok(error instanceof AppError);
    return error.kind;
  }
};

test('padding the email with spaces or capitals does not escape the lock, and the right password is refused during it', async () => {
  const spellings = ['kiri@dia.example', '  kiri@dia.example', 'KIRI@dia.example ', '\tKiri@Dia.Example'];
  for (let i = 0; i < MAX_FAILED_OFFICER_SIGN_INS; i += 1)
    assert.equal(await outcome(spellings[i % spellings.length] ?? '', `wrong-${i}`), 'unauthenticated');
  assert.equal(await outcome('   kiri@dia.example', PASSWORD), 'rate_limited');
  assert.equal(
    await outcome('kiri@dia.example', PASSWORD, '10.0.0.2', new Officers(database.db, clock)),
    'rate_limited',
    'another process sees the same lock',
  );
  now += 61_000;
  assert.equal(await outcome('kiri@dia.example', PASSWORD), 'ok');
});

test('one client address guessing across many emails is capped', async () => {
  now += 61_000;
  for (let i = 0; i < MAX_FAILED_SIGN_INS_PER_ADDRESS; i += 1)
    assert.equal(await outcome(`someone-${i}@dia.example`, 'guess', '10.9.9.9'), 'unauthenticated');
  assert.equal(await outcome('kiri@dia.example', PASSWORD, '10.9.9.9'), 'rate_limited');
  assert.equal(await outcome('kiri@dia.example', PASSWORD, '10.0.0.3'), 'ok', 'other addresses are not affected');
});
