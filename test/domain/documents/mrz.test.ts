import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMrz, regionOf, td3FromText } from '../../../src/domain/documents/mrz.ts';
import { checkDigit, td3Lines } from '../../../src/adapters/documents/specimens.ts';

const today = new Date('2026-12-04T00:00:00Z');
const grace = {
  surname: 'Hopper',
  givenNames: 'Grace Brewster',
  dob: '1976-04-01',
  sex: 'F' as const,
  documentNumber: 'PA1234567',
  issuingState: 'AUS',
  nationality: 'AUS',
  expiry: '2031-06-30',
  portrait: '',
};

test('ICAO 9303 check digits: the worked example of Doc 9303 part 3 (520727 → 3) and the filler', () => {
  assert.equal(checkDigit('520727'), '3');
  assert.equal(checkDigit('L898902C3'), '6');
  assert.equal(checkDigit('<<<<<<<<<<<<<<'), '0');
});

test('a valid TD3 zone is read into the data page fields, dates in ISO with the right century', () => {
  const reading = readMrz(td3Lines(grace), today);
  assert.equal(reading.valid, true);
  assert.deepEqual(
    { ...reading.fields },
    {
      documentCode: 'P',
      issuingState: 'AUS',
      surname: 'HOPPER',
      givenNames: 'GRACE BREWSTER',
      documentNumber: 'PA1234567',
      nationality: 'AUS',
      dob: '1976-04-01',
      sex: 'female',
      expiry: '2031-06-30',
    },
  );
  assert.equal(regionOf(reading.fields.issuingState), 'AU');
  assert.equal(regionOf('NZL'), 'NZ');
  assert.equal(regionOf('UNO'), '');
});

test('a wrong document number check digit is reported against that field alone', () => {
  const reading = readMrz(td3Lines(grace, true), today);
  assert.equal(reading.valid, false);
  const invalid = reading.validations.filter((v) => !v.valid).map((v) => v.field);
  assert.deepEqual(invalid, ['documentNumberCheckDigit']);
});

test('an unknown nationality code is reported', () => {
  const [line1, line2] = td3Lines({ ...grace, nationality: 'XQZ' });
  const reading = readMrz([line1, line2], today);
  assert.ok(reading.validations.some((v) => v.field === 'nationality' && !v.valid));
});

test('OCR noise in the filler runs is put back into the TD3 layout (outputs seen from the OCR engine)', () => {
  const lines = td3FromText(
    'P<AUSHOPPER<<GRACE<BREWSTER<<K<<KLLLLLLLLKLKLK\nPA12345673AUS7604016F3106305<<<<<<<K<K<K<K<KLK00\n',
  );
  assert.deepEqual(lines, td3Lines(grace));
  const short = td3FromText('P<AUSHOPPER<<GRACE<BREWSTER<K<<LKLKLKLLLKL\nPA12345673AUS7604016F3106305<<<<<<<<<<<<<<00');
  assert.deepEqual(short, td3Lines(grace));
  // all 44 characters, the blank personal number read as letters (a page turned 4°, set level)
  const whole = td3FromText(
    'P<AUSHOPPER<<GRACE<BREWSTER<K<LKLLLLLLLLLKKKK\nPA12345673AUS7604016F3106305<<<<<<<KKL<LK<00\n',
  );
  assert.deepEqual(whole, td3Lines(grace));
});

test('a personal number with other letters, or with the check digit of one not blank, is kept as read', () => {
  for (const personal of ['<<<<<<<KKA<LK<0', '<<<<<<<KKL<LK<7']) {
    const line2 = `PA12345673AUS7604016F3106305${personal}0`;
    const lines = td3FromText(`P<AUSHOPPER<<GRACE<BREWSTER<<<<<<<<<<<<<<<<<\n${line2}`);
    assert.equal(lines?.[1], line2, personal);
  }
});

test('a K read into a single filler is dropped only when the visual zone prints the name without it', () => {
  const ocr = 'P<KNZLCOLLINS<<EILEEN<KMARIE<<<<<<<<<<<<<<<<\nLA98765439NZL5611193F2902119<<<<<<<<<<<<<<02';
  const viz = 'Surname\nCOLLINS\nGiven names\nEILEEN MARIE';
  const [line1] = td3FromText(ocr, viz) ?? [''];
  assert.equal(line1, 'P<NZLCOLLINS<<EILEEN<MARIE<<<<<<<<<<<<<<<<<<');
  const kept = td3FromText(
    'P<NZLKING<<KATE<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\nLA98765439NZL5611193F2902119<<<<<<<<<<<<<<02',
    'KING KATE',
  );
  assert.equal(kept?.[0], 'P<NZLKING<<KATE<<<<<<<<<<<<<<<<<<<<<<<<<<<<<');
});

test('text without two MRZ lines is no zone at all', () => {
  assert.equal(td3FromText('PASSPORT\nSurname HOPPER'), null);
});
