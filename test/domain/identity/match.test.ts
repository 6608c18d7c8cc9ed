import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  matchIdentity,
  assessCandidate,
  compareDatesOfBirth,
  type CandidateIdentity,
  type ApplicantDetails,
} from '../../../src/domain/identity/index.ts';
import { nameTokens } from '../../../src/domain/names/index.ts';

interface Rec extends CandidateIdentity {
  clientId: string;
}

const rec = (
  clientId: string,
  givenNames: string,
  familyName: string,
  dateOfBirth: string,
  extra: Partial<Rec> = {},
): Rec => ({
  clientId,
  givenNames,
  familyName,
  dateOfBirth,
  otherNames: [],
  gender: 'Male',
  countryOfBirth: 'South Africa',
  ...extra,
});

const ok = (...candidates: Rec[]) => ({ status: 'ok' as const, candidates });
type Names = readonly [givenNames: string, familyName: string];
/** The applicant's names against one record's, both born on the same day. */
const sameDay = (applicant: Names, record: Names, dateOfBirth = '1990-02-03') => ({
  applicant: { givenNames: applicant[0], familyName: applicant[1], dateOfBirth },
  record: rec('1', record[0], record[1], dateOfBirth),
});
const matchResult = (applicant: Names, record: Names) => {
  const pair = sameDay(applicant, record);
  return matchIdentity(pair.applicant, ok(pair.record)).result;
};
const candidateStrength = (applicant: Names, record: Names) => {
  const pair = sameDay(applicant, record);
  return assessCandidate(pair.applicant, pair.record).strength;
};
const leonard: ApplicantDetails = {
  givenNames: 'Leonard',
  familyName: 'Du Plessis',
  dateOfBirth: '1975-06-06',
  gender: 'Male',
};

describe('identity match (R14)', () => {
  it('1:1 with the record when exactly one strong candidate', () => {
    const m = matchIdentity(
      leonard,
      ok(rec('70092590', 'Leonard', 'Du Plessis', '1975-06-06'), rec('2', 'Theo', 'Du Plessis', '1980-01-01')),
    );
    assert.equal(m.result, '1:1');
    assert.equal(m.result === '1:1' && m.record.clientId, '70092590');
  });

  it("the seed's 1:N: Dennis de Bret / Denny Steve Debret / Den Steve Brett (1981): all listed, none picked", () => {
    const m = matchIdentity(
      { givenNames: 'Dennis', familyName: 'de Bret', dateOfBirth: '1980-11-13', gender: 'Male' },
      ok(
        rec('36055555', 'Dennis', 'de Bret', '1980-11-13'),
        rec('35744484', 'Denny', 'Debret', '1980-11-13', { middleNames: 'Steve' }),
        rec('45215035', 'Den', 'Brett', '1981-11-13', { middleNames: 'Steve' }),
        rec('99999999', 'Dennis', 'de Bret', '1962-04-01'),
      ),
    );
    assert.equal(m.result, '1:N');
    if (m.result !== '1:N') return;
    assert.deepEqual(
      m.candidates.map((c) => c.record.clientId),
      ['36055555', '35744484', '45215035'],
    );
    assert.deepEqual(m.candidates[2]?.assessment.flags, ['date of birth near miss']);
  });

  it('No match when nothing is close; API error is retryable and carries no finding', () => {
    assert.deepEqual(matchIdentity(leonard, ok(rec('1', 'Aroha', 'Ngata', '1975-06-06'))), {
      result: 'No match',
      nearMisses: [],
    });
    assert.deepEqual(matchIdentity(leonard, ok()), { result: 'No match', nearMisses: [] });
    assert.deepEqual(matchIdentity(leonard, { status: 'unavailable', reason: 'timeout' }), {
      result: 'API error',
      retryable: true,
      reason: 'timeout',
    });
  });

  it('macrons and diacritics: Mārama Tūhiwai = Marama Tuhiwai; Zoë Müller = ZOE MULLER; Nguyễn = Nguyen', () => {
    assert.equal(matchResult(['Marama', 'TUHIWAI'], ['Mārama', 'Tūhiwai']), '1:1');
    assert.equal(matchResult(['ZOE', 'MULLER'], ['Zoë', 'Müller']), '1:1');
    assert.equal(matchResult(['Thi Lan', 'Nguyen'], ['Thị Lan', 'Nguyễn']), '1:1');
    assert.deepEqual(nameTokens("  Ngāti-Pōneke  O'Brien "), ['ngati', 'poneke', 'obrien']);
  });

  it('hyphenated and spaced family names; a hyphenated name recorded in part is a candidate only', () => {
    const a: ApplicantDetails = { givenNames: 'Sarah', familyName: 'Smith-Jones', dateOfBirth: '1985-01-01' };
    assert.equal(matchIdentity(a, ok(rec('1', 'Sarah', 'Smith Jones', '1985-01-01'))).result, '1:1');
    assert.equal(matchIdentity(a, ok(rec('1', 'Sarah', 'SmithJones', '1985-01-01'))).result, '1:1');
    const partial = matchIdentity(a, ok(rec('1', 'Sarah', 'Jones', '1985-01-01')));
    assert.equal(partial.result, 'No match');
    assert.equal(partial.result === 'No match' && partial.nearMisses.length, 1);
  });

  it('swapped given and family names still match, flagged', () => {
    const m = matchIdentity(
      { givenNames: 'Kaur', familyName: 'Raj', dateOfBirth: '1988-08-08' },
      ok(rec('1', 'Raj', 'Kaur', '1988-08-08')),
    );
    assert.equal(m.result, '1:1');
    assert.deepEqual(m.result === '1:1' && m.assessment.flags, ['names swapped']);
  });

  it('an alias (other name) matches, flagged', () => {
    const m = matchIdentity(
      { givenNames: 'Mary', familyName: 'Brown', dateOfBirth: '1970-03-04' },
      ok(rec('1', 'Mary', 'Tāwhai', '1970-03-04', { otherNames: [{ givenNames: 'Mary', familyName: 'Brown' }] })),
    );
    assert.equal(m.result, '1:1');
    assert.deepEqual(m.result === '1:1' && m.assessment.flags, ['matched other name']);
  });

  it('near-miss names (Catherine/Katherine, Jon/John) match; unrelated names do not', () => {
    assert.equal(matchResult(['Katherine', 'Smith'], ['Catherine', 'Smith']), '1:1');
    assert.equal(matchResult(['Jon', 'Smyth'], ['John', 'Smith']), 'No match');
    assert.equal(candidateStrength(['Jon', 'Smyth'], ['John', 'Smith']), 'candidate');
    assert.equal(candidateStrength(['Hemi', 'Parata'], ['Henry', 'Parker']), 'none');
  });

  it('a date of birth one digit off is a flagged candidate, never a 1:1', () => {
    const m = matchIdentity(leonard, ok(rec('1', 'Leonard', 'Du Plessis', '1975-06-08')));
    assert.equal(m.result, 'No match');
    assert.equal(m.result === 'No match' && m.nearMisses[0]?.assessment.strength, 'candidate');
    assert.deepEqual(m.result === 'No match' && m.nearMisses[0]?.assessment.flags, ['date of birth near miss']);
    // With the exact record also present: 1:N, the exact one first.
    const both = matchIdentity(
      leonard,
      ok(rec('1', 'Leonard', 'Du Plessis', '1975-06-08'), rec('2', 'Leonard', 'Du Plessis', '1975-06-06')),
    );
    assert.equal(both.result, '1:N');
    assert.deepEqual(both.result === '1:N' && both.candidates.map((c) => c.record.clientId), ['2', '1']);
  });

  it('twins with different given names do not collide; shared names and dates of birth are 1:N', () => {
    const twinA = rec('1', 'Aroha', 'Ngata', '2001-05-05', { gender: 'Female', countryOfBirth: 'New Zealand' });
    const twinB = rec('2', 'Anahera', 'Ngata', '2001-05-05', { gender: 'Female', countryOfBirth: 'New Zealand' });
    assert.equal(
      matchIdentity({ givenNames: 'Aroha', familyName: 'Ngata', dateOfBirth: '2001-05-05' }, ok(twinA, twinB)).result,
      '1:1',
    );
    const namesake = rec('3', 'Aroha', 'Ngata', '2001-05-05', { gender: 'Female', countryOfBirth: 'New Zealand' });
    assert.equal(
      matchIdentity({ givenNames: 'Aroha', familyName: 'Ngata', dateOfBirth: '2001-05-05' }, ok(twinA, twinB, namesake))
        .result,
      '1:N',
    );
  });

  it('a gender or country of birth conflict demotes a strong match to a candidate', () => {
    const m = assessCandidate({ ...leonard, gender: 'Female' }, rec('1', 'Leonard', 'Du Plessis', '1975-06-06'));
    assert.equal(m.strength, 'candidate');
    assert.deepEqual(m.flags, ['gender differs']);
    assert.equal(
      assessCandidate({ ...leonard, gender: 'M' }, rec('1', 'Leonard', 'Du Plessis', '1975-06-06')).strength,
      'strong',
    );
    assert.deepEqual(
      assessCandidate({ ...leonard, countryOfBirth: 'Albania' }, rec('1', 'Leonard', 'Du Plessis', '1975-06-06')).flags,
      ['country of birth differs'],
    );
  });

  it('dates of birth: exact, one digit, transposed digits, day and month swapped, different', () => {
    assert.equal(compareDatesOfBirth('1980-11-13', '1980-11-13'), 'exact');
    assert.equal(compareDatesOfBirth('1980-11-13', '1981-11-13'), 'one digit');
    assert.equal(compareDatesOfBirth('1980-11-13', '1908-11-13'), 'digits transposed');
    assert.equal(compareDatesOfBirth('1980-03-11', '1980-11-03'), 'day and month swapped');
    assert.equal(compareDatesOfBirth('1980-11-13', '1979-11-13'), 'different');
  });

  it('property: a record always matches itself 1:1, whatever the case and accents', () => {
    const name = fc.constantFrom(
      'Mārama',
      'Tūī',
      'Hēmi',
      'Zoë',
      'José',
      'Łukasz',
      'Søren',
      'Nguyễn',
      'Du Plessis',
      "O'Brien",
      'Smith-Jones',
      'Wiremu',
    );
    fc.assert(
      fc.property(name, name, fc.boolean(), (given, family, upper) => {
        const r = rec('1', given, family, '1990-01-01');
        const a: ApplicantDetails = {
          givenNames: upper ? given.toUpperCase() : given,
          familyName: upper ? family.toUpperCase() : family,
          dateOfBirth: '1990-01-01',
        };
        assert.equal(matchIdentity(a, ok(r)).result, '1:1');
      }),
    );
  });

  it('property: the result never picks one of several strong candidates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), (n) => {
        const records = Array.from({ length: n }, (_, i) => rec(String(i), 'Leonard', 'Du Plessis', '1975-06-06'));
        const m = matchIdentity(leonard, ok(...records));
        assert.equal(m.result, '1:N');
        assert.equal(m.result === '1:N' && m.candidates.length, n);
      }),
    );
  });
});
