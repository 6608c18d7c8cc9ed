// Every text of the forms service that the component shows — each field's label and format, each source's
// help — has its te reo Māori words, and the Māori definition carries them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADDRESS_FIELDS,
  DOCUMENT_DETAIL_FIELDS,
  FORMS_TEXT_MI,
  PERSONAL_FIELDS,
  PREVIOUS_ADDRESS_FIELDS,
  SOURCE_GROUPS,
  fieldInMaori,
  groupInMaori,
} from '../../../src/domain/verification/index.ts';

const FIELDS = [
  ...PERSONAL_FIELDS,
  ...ADDRESS_FIELDS,
  ...PREVIOUS_ADDRESS_FIELDS,
  ...DOCUMENT_DETAIL_FIELDS,
  ...SOURCE_GROUPS.flatMap((g) => g.fields),
];

test('every label, format and help text of the forms service has te reo Māori words', () => {
  const texts = [
    ...FIELDS.flatMap((f) => [f.label, ...(f.format ? [f.format] : [])]),
    ...SOURCE_GROUPS.map((g) => g.help),
  ];
  const missing = [...new Set(texts)].filter((text) => (FORMS_TEXT_MI[text] ?? '').trim() === '');
  assert.deepEqual(missing, []);
});

test('the Māori fields and groups keep their inputs, patterns and options; only the words change', () => {
  const passport = SOURCE_GROUPS.find((g) => g.group === 'passport');
  assert.ok(passport);
  const maori = groupInMaori(passport);
  assert.equal(maori.help.startsWith('Kei runga matau'), true);
  assert.deepEqual(
    maori.fields.map((f) => [f.input, f.pattern, f.options]),
    passport.fields.map((f) => [f.input, f.pattern, f.options]),
  );
  assert.equal(maori.fields[0]?.label, 'Nama uruwhenua');
  const dob = PERSONAL_FIELDS.find((f) => f.input === 'dateOfBirth');
  assert.ok(dob);
  assert.equal(fieldInMaori(dob).label, 'Rā whānau');
});
