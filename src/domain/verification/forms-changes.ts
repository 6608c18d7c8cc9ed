// Controlled changes in the forms service. Seed 001: interactive sources let the person "change their data to
// match a particular source"; "the acceptable changes ... are controlled through the Controlled Changes
// configuration, with an option to disallow changes". On a source's call the person may give their name, date
// of birth or address as the document or record shows them (the document… inputs). The same detail written
// differently is no change: a name in another case, an address in another case or spacing, a street type
// abbreviated or in full (ST = STREET, RD = ROAD), a sub-dwelling with or without its word (Unit 3 = 3 = U3). The account's rule set (acceptedChanges,
// set by its administrator) lists the details a person may change: a change of a detail it does not list —
// any change when the list is empty — is refused, naming the input. How far a listed change may go (minor
// or any) stays the engine's rule (rules.ts changesAccepted): a registry source answers VERIFIED_WITH_CHANGES
// or, for a change beyond it, PENDING.
import type { FieldProblem } from './types.ts';
import type { ChangeField, RuleSet } from './rules.ts';
import { normaliseAddressText, normaliseNumber, normaliseState } from './normalise.ts';

type Values = Readonly<Record<string, string | undefined>>;

export interface DocumentDetail {
  /** The call's input holding the detail as on the document. */
  input: string;
  /** The personal-details or address input it changes. */
  personal: string;
  /** The engine's field it fills on the source. */
  engine: string;
  change: ChangeField;
  /** The detail in words, for the person and the messages. */
  words: string;
  /** Is the value given as on the document the person's own, written differently? (`values`: the whole call.) */
  same: (given: string, values: Values) => boolean;
}

const value = (values: Values, input: string) => (values[input] ?? '').trim();
const upper = (text: string) => text.toLocaleUpperCase('en');

/** A sub-dwelling without its word: "Unit 3", "U3", "Flat 3" and "3" are one; "Level 3" is not. */
const subDwelling = (text: string) =>
  normaliseNumber(text.replace(/^\s*(unit|flat|apartment|apt|u|f)[\s.]*(?=\d)/i, ''));

/** The street as name and type together (a type may be abbreviated), the document's part or else the person's. */
const street = (values: Values, name: string, type: string) =>
  normaliseAddressText(`${name} ${type}`.trim()) ===
  normaliseAddressText(`${value(values, 'streetName')} ${value(values, 'streetType')}`.trim());

const named = (
  input: string,
  personal: string,
  engine: string,
  change: ChangeField,
  words: string,
): DocumentDetail => ({
  input,
  personal,
  engine,
  change,
  words,
  same: (given, values) => upper(given) === upper(value(values, personal)),
});

const address = (
  input: string,
  personal: string,
  engine: string,
  words: string,
  same: DocumentDetail['same'],
): DocumentDetail => ({ input, personal, engine, change: 'address', words: `address (${words})`, same });

export const DOCUMENT_DETAILS: readonly DocumentDetail[] = [
  named('documentFirstName', 'firstName', 'givenname', 'givenName', 'first name'),
  named('documentMiddleName', 'middleName', 'middlename', 'middleNames', 'middle name'),
  named('documentLastName', 'lastName', 'surname', 'surname', 'last name'),
  {
    input: 'documentDateOfBirth',
    personal: 'dateOfBirth',
    engine: 'dob',
    change: 'dob',
    words: 'date of birth',
    same: (given, values) => given === value(values, 'dateOfBirth'),
  },
  address(
    'documentFlatNumber',
    'flatNumber',
    'flatnumber',
    'flat or unit',
    (given, values) => subDwelling(given) === subDwelling(value(values, 'flatNumber')),
  ),
  address(
    'documentStreetNumber',
    'streetNumber',
    'streetnumber',
    'street number',
    (given, values) => normaliseNumber(given) === normaliseNumber(value(values, 'streetNumber')),
  ),
  address('documentStreetName', 'streetName', 'streetname', 'street name', (given, values) =>
    street(values, given, value(values, 'documentStreetType') || value(values, 'streetType')),
  ),
  address('documentStreetType', 'streetType', 'streettype', 'street type', (given, values) =>
    street(values, value(values, 'documentStreetName') || value(values, 'streetName'), given),
  ),
  address(
    'documentSuburb',
    'suburb',
    'suburb',
    'suburb',
    (given, values) => normaliseAddressText(given) === normaliseAddressText(value(values, 'suburb')),
  ),
  address(
    'documentState',
    'state',
    'state',
    'state',
    (given, values) => normaliseState(given) === normaliseState(value(values, 'state')),
  ),
  address(
    'documentPostcode',
    'postcode',
    'postcode',
    'postcode',
    (given, values) => normaliseNumber(given) === normaliseNumber(value(values, 'postcode')),
  ),
];

/** The details the call gives differently from the person's (trimmed; each detail's own idea of "the same"). */
export function documentChanges(values: Values): DocumentDetail[] {
  return DOCUMENT_DETAILS.filter((detail) => {
    const given = value(values, detail.input);
    return given !== '' && !detail.same(given, values);
  });
}

/** The document… inputs the account lets a person change (the component offers only these). */
export function changeableDetails(ruleSet: RuleSet): string[] {
  return DOCUMENT_DETAILS.filter((d) => ruleSet.acceptedChanges.some((a) => a.field === d.change)).map((d) => d.input);
}

/** A change of a detail the account's controlled changes do not list, named by its input. */
export function refusedChanges(changes: readonly DocumentDetail[], ruleSet: RuleSet): FieldProblem[] {
  const allowed = changeableDetails(ruleSet);
  return changes
    .filter((change) => !allowed.includes(change.input))
    .map((change) => ({
      field: change.input,
      label: change.input,
      message: `${change.input} is not accepted: this account does not let a person change their ${change.words} to match a source; give it as registered, or choose another document.`,
    }));
}
