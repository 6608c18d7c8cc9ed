// Controlled changes in the forms service. Seed 001: interactive sources let the person "change their data to
// match a particular source"; "the acceptable changes ... are controlled through the Controlled Changes
// configuration, with an option to disallow changes". On a source's call the person may give their name or
// date of birth as the document shows them (the document… inputs). The account's rule set (acceptedChanges,
// set by its administrator) lists the details a person may change: a change of a detail it does not list —
// any change when the list is empty — is refused, naming the input. How far a listed change may go (minor
// or any) stays the engine's rule (rules.ts changesAccepted): a registry source answers VERIFIED_WITH_CHANGES
// or, for a change beyond it, PENDING.
import type { FieldProblem } from './types.ts';
import type { ChangeField, RuleSet } from './rules.ts';

export interface DocumentDetail {
  /** The call's input holding the detail as on the document. */
  input: string;
  /** The personal-details input it changes. */
  personal: string;
  /** The engine's field it fills on the source. */
  engine: 'givenname' | 'middlename' | 'surname' | 'dob';
  change: ChangeField;
  /** The detail in words, for the person and the messages. */
  words: string;
  caseInsensitive: boolean;
}

export const DOCUMENT_DETAILS: readonly DocumentDetail[] = [
  {
    input: 'documentFirstName',
    personal: 'firstName',
    engine: 'givenname',
    change: 'givenName',
    words: 'first name',
    caseInsensitive: true,
  },
  {
    input: 'documentMiddleName',
    personal: 'middleName',
    engine: 'middlename',
    change: 'middleNames',
    words: 'middle name',
    caseInsensitive: true,
  },
  {
    input: 'documentLastName',
    personal: 'lastName',
    engine: 'surname',
    change: 'surname',
    words: 'last name',
    caseInsensitive: true,
  },
  {
    input: 'documentDateOfBirth',
    personal: 'dateOfBirth',
    engine: 'dob',
    change: 'dob',
    words: 'date of birth',
    caseInsensitive: false,
  },
];

const same = (detail: DocumentDetail, a: string, b: string) =>
  detail.caseInsensitive ? a.toLocaleUpperCase('en') === b.toLocaleUpperCase('en') : a === b;

/** The details the call gives differently from the person's (trimmed; names regardless of case). */
export function documentChanges(values: Readonly<Record<string, string | undefined>>): DocumentDetail[] {
  return DOCUMENT_DETAILS.filter((detail) => {
    const given = (values[detail.input] ?? '').trim();
    return given !== '' && !same(detail, given, (values[detail.personal] ?? '').trim());
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
