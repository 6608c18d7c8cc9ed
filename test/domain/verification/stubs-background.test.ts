// Seed 002 background stub codes, every position, against the seed's tables written out here independently.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AU_BACKGROUND_STUBS,
  NZ_BACKGROUND_STUBS,
  type VerificationState,
} from '../../../src/domain/verification/index.ts';
import { backgroundStubResults } from '../../../src/domain/verification/stubs/index.ts';
import { AU_PERSON, NZ_PERSON, account, register } from './fixtures.ts';

// Seed 002, "Codes for background checks (Australia)" (5 = White Pages from the seed's example).
const AU_SEED: Record<number, string> = {
  1: 'dfat',
  2: 'ofac',
  3: 'pep',
  4: 'aec',
  5: 'wp',
  6: 'fcs',
  7: 'asic',
  8: 'tenancy',
  9: 'fnsnad',
  10: 'claims',
  12: 'waec',
  13: 'vicec',
  14: 'dnb',
  16: 'fraudcheck',
  17: 'experian',
  18: 'datacoop',
  19: 'illionbanking',
  20: 'illiontelco',
  21: 'illionutilities',
  22: 'illionpublic',
  25: 'payroll',
  26: 'superannuation',
  27: 'gbgalert',
  28: 'visaentitlement',
};
// Seed 002, "Codes for background checks (New Zealand)".
const NZ_SEED: Record<number, string> = {
  1: 'dfat',
  2: 'ofac',
  3: 'pep',
  4: 'nzdiabirths',
  5: 'nzcompanies',
  6: 'nzdiacitizenship',
  7: 'nzillion',
  8: 'nzlinz',
  9: 'nztinz',
  10: 'nzexperian',
  11: 'nzcentrix',
  12: 'nzppsr',
  13: 'nztenancy',
  14: 'nzillionbanking',
  15: 'nzilliontelco',
  16: 'nzillionutilities',
  17: 'nzillionpublic',
};
const WATCHLIST: Record<string, string> = { dfat: 'DFAT', ofac: 'OFAC', pep: 'PEP' };
const EXPECTED = {
  watch: { P: 'NOT_FOUND_ON_LIST', F: 'FOUND_ON_LIST', E: 'ERROR' },
  other: { P: 'VERIFIED', F: 'AUTOFAIL', E: 'ERROR' },
} as const;
const CONSENT = { 'dnb-credit-header-consent-given': 'true' };

function expectedState(sourceId: string, letter: 'P' | 'F' | 'E'): string {
  return EXPECTED[sourceId in WATCHLIST ? 'watch' : 'other'][letter];
}

function states(state: VerificationState): Record<string, string> {
  return Object.fromEntries(state.individualResults.map((r) => [r.name, r.state]));
}

/** A code with `letter` at position k only and `fill` elsewhere. */
function code(length: number, k: number, letter: string, fill: string): string {
  return Array.from({ length }, (_, i) => (i + 1 === k ? letter : fill)).join('');
}

test('the AU table has the seed positions and 28 positions; NZ 17', () => {
  assert.deepEqual(Object.fromEntries(AU_BACKGROUND_STUBS.positions.map((p) => [p.position, p.sourceId])), AU_SEED);
  assert.deepEqual(Object.fromEntries(NZ_BACKGROUND_STUBS.positions.map((p) => [p.position, p.sourceId])), NZ_SEED);
  assert.equal(AU_BACKGROUND_STUBS.length, 28);
  assert.equal(NZ_BACKGROUND_STUBS.length, 17);
});

for (const prefix of ['TWO', '2-', 'two', 'Two']) {
  for (const [k, sourceId] of Object.entries(AU_SEED).map(([k, s]) => [Number(k), s] as const)) {
    for (const letter of ['P', 'E'] as const) {
      for (const caseOf of [(s: string) => s, (s: string) => s.toLowerCase()]) {
        const middle = caseOf(prefix + code(28, k, letter, 'F'));
        test(`AU ${JSON.stringify(middle)}: only position ${k} (${sourceId}) is ${letter}`, () => {
          const got = states(register(account(), middle, { extraData: CONSENT }));
          for (const [j, other] of Object.entries(AU_SEED)) {
            // Seed 002 "#": the electoral roll needs the TWO prefix; behind 2- it fails.
            const aecBehindDash = other === 'aec' && prefix === '2-';
            const want = Number(j) === k && !aecBehindDash ? expectedState(other, letter) : expectedState(other, 'F');
            assert.equal(got[other], want, `position ${j} (${other})`);
          }
        });
      }
    }
  }
}

test('AU all-P code verifies every position (TWO prefix) and reports no watchlists', () => {
  const state = register(account(), `TWO${'P'.repeat(28)}`, { extraData: CONSENT });
  for (const sourceId of Object.values(AU_SEED))
    assert.equal(states(state)[sourceId], expectedState(sourceId, 'P'), sourceId);
  assert.deepEqual(state.watchlistsFoundOn, []);
  assert.equal(state.overallVerificationStatus, 'VERIFIED');
});

test('a missing letter fails: 12 Ps pass positions 1–12 only', () => {
  const got = states(register(account(), `TWO${'P'.repeat(12)}`, { extraData: CONSENT }));
  for (const [j, sourceId] of Object.entries(AU_SEED))
    assert.equal(got[sourceId], expectedState(sourceId, Number(j) <= 12 ? 'P' : 'F'), sourceId);
});

test('any other character fails', () => {
  const got = states(register(account(), `TWOXY?${'P'.repeat(25)}`, { extraData: CONSENT }));
  assert.equal(got['dfat'], 'FOUND_ON_LIST');
  assert.equal(got['ofac'], 'FOUND_ON_LIST');
  assert.equal(got['pep'], 'FOUND_ON_LIST');
  assert.equal(got['aec'], 'VERIFIED');
});

test('AU without a prefix: every source fails', () => {
  const got = states(register(account(), 'PPPPPPPPPPPPPPPPPPPPPPPPPPPP', { extraData: CONSENT }));
  for (const sourceId of Object.values(AU_SEED)) assert.equal(got[sourceId], expectedState(sourceId, 'F'), sourceId);
});

for (const [whole, letter] of [
  ['TwoPass', 'P'],
  ['TwoFail', 'F'],
  ['TwoError', 'E'],
  ['TWOPASS', 'P'],
  ['twofail', 'F'],
  ['twoerror', 'E'],
] as const) {
  test(`whole value ${whole} sets every AU and NZ source to ${letter}`, () => {
    const au = states(register(account(), whole, { extraData: CONSENT }));
    for (const sourceId of Object.values(AU_SEED))
      assert.equal(au[sourceId], expectedState(sourceId, letter), `AU ${sourceId}`);
    const nz = states(register(account(), whole, { extraData: CONSENT, person: NZ_PERSON }));
    for (const sourceId of Object.values(NZ_SEED))
      assert.equal(nz[sourceId], expectedState(sourceId, letter), `NZ ${sourceId}`);
  });
}

for (const [k, sourceId] of Object.entries(NZ_SEED).map(([k, s]) => [Number(k), s] as const)) {
  for (const letter of ['P', 'E', 'p', 'e'] as const) {
    test(`NZ (no prefix): only position ${k} (${sourceId}) is ${letter}`, () => {
      const got = states(register(account(), code(17, k, letter, 'F'), { extraData: CONSENT, person: NZ_PERSON }));
      for (const [j, other] of Object.entries(NZ_SEED)) {
        const want =
          Number(j) === k ? expectedState(other, letter.toUpperCase() as 'P' | 'E') : expectedState(other, 'F');
        assert.equal(got[other], want, `position ${j} (${other})`);
      }
      // No AU-only source runs for an NZ person.
      assert.equal(got['aec'], undefined);
    });
  }
}

test('NZ seed example FFFFFFPF passes the illion credit header only', () => {
  const got = states(register(account(), 'FFFFFFPF', { extraData: CONSENT, person: NZ_PERSON }));
  const passed = Object.entries(got)
    .filter(([, s]) => s === 'VERIFIED')
    .map(([id]) => id);
  assert.deepEqual(passed, ['nzillion']);
});

test('AU seed example TWOFFFPPFFFFFFFFF passes electoral roll and White Pages', () => {
  const got = states(register(account(), 'TWOFFFPPFFFFFFFFF'));
  const passed = Object.entries(got)
    .filter(([, s]) => s === 'VERIFIED')
    .map(([id]) => id);
  assert.deepEqual(passed.sort(), ['aec', 'wp']);
});

test('country: the address country picks the table, else the account country', () => {
  const nzByAccount = register(account({ country: 'NZ' }), 'PPPP', {
    person: { ...AU_PERSON, currentResidentialAddress: { ...AU_PERSON.currentResidentialAddress, country: undefined } },
  });
  assert.equal(nzByAccount.country, 'NZ');
  assert.equal(states(nzByAccount)['nzdiabirths'], 'VERIFIED');
  const auByAddress = register(account({ country: 'NZ' }), 'TWOPPPP');
  assert.equal(auByAddress.country, 'AU');
  assert.equal(states(auByAddress)['aec'], 'VERIFIED');
  const nzByName = register(account(), 'PPPP', {
    person: {
      ...NZ_PERSON,
      currentResidentialAddress: { ...NZ_PERSON.currentResidentialAddress, country: 'New Zealand' },
    },
  });
  assert.equal(nzByName.country, 'NZ');
});

test('credit header: P at 14 (illion) and 17 (Experian) is a full name + address + DOB match; F a fail', () => {
  const state = register(account(), `TWO${code(28, 14, 'P', 'F').slice(0, 16)}P`, { extraData: CONSENT });
  const dnb = state.individualResults.find((r) => r.name === 'dnb');
  assert.equal(dnb?.state, 'VERIFIED');
  assert.deepEqual(dnb?.fieldResult.map((f) => f.name).sort(), [
    'dob',
    'givenName',
    'postcode',
    'state',
    'streetName',
    'streetNumber',
    'suburb',
    'surname',
  ]);
  assert.ok(dnb?.fieldResult.every((f) => f.status === 'CONFIRMED'));
  assert.equal(states(state)['experian'], 'VERIFIED');
  assert.equal(state.creditHistoryResult, 'VERIFIED');
  assert.deepEqual(state.sources['dnb']?.confirms, ['nameDob', 'nameAddress']);
  const failed = register(account(), `TWO${'P'.repeat(13)}F`, { extraData: CONSENT });
  assert.equal(states(failed)['dnb'], 'AUTOFAIL');
});

test('credit header: NZ illion at 7 and Experian at 10', () => {
  const got = states(
    register(account(), code(17, 7, 'P', 'F').slice(0, 9) + 'P', { extraData: CONSENT, person: NZ_PERSON }),
  );
  assert.equal(got['nzillion'], 'VERIFIED');
  assert.equal(got['nzexperian'], 'VERIFIED');
});

test('credit header: without consent the credit-header sources are not run', () => {
  for (const extraData of [{}, { 'dnb-credit-header-consent-given': 'false' }] as Record<string, string>[]) {
    const state = register(account(), `TWO${'P'.repeat(28)}`, { extraData });
    for (const id of ['dnb', 'experian', 'illionbanking', 'illiontelco', 'illionutilities', 'illionpublic'])
      assert.equal(states(state)[id], undefined, id);
    assert.equal(state.creditHistoryResult, null);
    assert.equal(states(state)['aec'], 'VERIFIED');
  }
});

test('watchlist hits are listed in watchlistsFoundOn and do not stop VERIFIED', () => {
  const state = register(account(), `TWOFPF${'P'.repeat(25)}`, { extraData: CONSENT });
  assert.deepEqual(state.watchlistsFoundOn, ['DFAT', 'PEP']);
  assert.equal(state.overallVerificationStatus, 'VERIFIED');
});

test('only enabled sources run', () => {
  const state = register(account({ enabledSources: ['aec', 'dfat'] }), `TWO${'P'.repeat(28)}`);
  assert.deepEqual(
    state.individualResults.map((r) => r.name),
    ['dfat', 'aec'],
  );
});

test('background results are method DB with greenID dates', () => {
  const state = register(account({ enabledSources: ['aec'] }), 'TWOPPPP');
  assert.deepEqual(state.individualResults[0], {
    name: 'aec',
    state: 'VERIFIED',
    method: 'DB',
    mode: null,
    dateCreated: '2024-05-01T02:03:04.050+0000',
    dateVerified: '2024-05-01T02:03:04.050+0000',
    fieldResult: [
      { name: 'givenName', status: 'CONFIRMED', value: 'Jane' },
      { name: 'surname', status: 'CONFIRMED', value: 'Citizen' },
      { name: 'streetNumber', status: 'CONFIRMED', value: '10' },
      { name: 'streetName', status: 'CONFIRMED', value: 'Main' },
      { name: 'suburb', status: 'CONFIRMED', value: 'Sydney' },
      { name: 'state', status: 'CONFIRMED', value: 'NSW' },
      { name: 'postcode', status: 'CONFIRMED', value: '2000' },
    ],
  });
});

test('the pure table reader agrees with the engine', () => {
  const results = backgroundStubResults(AU_BACKGROUND_STUBS, '2-PPPEPF');
  assert.equal(results.get('dfat'), 'pass');
  assert.equal(results.get('aec'), 'fail');
  assert.equal(results.get('wp'), 'pass');
  assert.equal(results.get('fcs'), 'fail');
  assert.equal(results.get('asic'), 'fail');
});
