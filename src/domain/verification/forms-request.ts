// Reading one call of seed 001's "Identity Verification" service: every input checked (problems name the
// input), the person for registration, the identity details a re-registration and the tamper check compare,
// and each requested source's inputs as the engine's fields.
import { LocalDate } from '@js-joda/core';
import type { FieldProblem, Person } from './types.ts';
import { VerificationError } from './errors.ts';
import { catalogueSource, inputName, validateSourceFields } from './catalogue/index.ts';
import { COUNTRY_NAMES } from './person.ts';
import { DOCUMENT_DETAILS, documentChanges, type DocumentDetail } from './forms-changes.ts';
import {
  ADDRESS_FIELDS,
  DOCUMENT_DETAIL_FIELDS,
  PERSONAL_FIELDS,
  PREVIOUS_ADDRESS_FIELDS,
  groupOfSource,
  type FormsField,
  type FormsSourceGroup,
} from './forms-fields.ts';

/** The inputs as the form sends them: names of forms-fields.ts → text. */
export type FormsValues = Readonly<Record<string, string | undefined>>;

export interface FormsCallOptions {
  verifySources: string;
  backgroundSources: string;
  getFields: boolean;
  termsAccepted: boolean;
}

export interface FormsCall {
  verifySources: string[];
  /** The background sources run at registration (no inputs of their own). */
  backgroundSources: string[];
  /**
   * Document sources given in backgroundSources (seed 001's example `dnb,nswregodvs`): checked at registration
   * with the inputs of the same call.
   */
  backgroundDocuments: string[];
  getFields: boolean;
  person: Person;
  /** The details the identity is verified with (names, DOB, current address): compared on re-registration and by the tamper check. */
  identity: Record<string, string>;
  /** Engine inputs (`greenid_<source>_<field>`) per source to verify or document to check at registration. */
  sourceInputs: Record<string, Record<string, string>>;
  /** Details given as on the document that differ from the person's (checked against the controlled changes). */
  changes: DocumentDetail[];
}

/** The inputs whose change restarts a verification and that the tamper check compares. */
export const IDENTITY_INPUTS: readonly string[] = [
  'title',
  'firstName',
  'middleName',
  'lastName',
  'dateOfBirth',
  ...ADDRESS_FIELDS.map((f) => f.input),
];

/** Medicare expiry: a card is valid up to this many years ahead (seed 001: the year list follows the current date). */
export const MEDICARE_MAX_YEARS_AHEAD = 10;

/** The expiry years a Medicare card of this expiry month can have today (seed 001 v3.0, TPD-5062). */
export function medicareExpiryYears(month: number, today: LocalDate): number[] {
  const first = month >= today.monthValue() ? today.year() : today.year() + 1;
  return Array.from({ length: today.year() + MEDICARE_MAX_YEARS_AHEAD - first + 1 }, (_, i) => first + i);
}

const problem = (field: FormsField | string, message: string, label?: string): FieldProblem =>
  typeof field === 'string'
    ? { field, label: label ?? field, message }
    : { field: field.input, label: field.label, message };

const value = (values: FormsValues, input: string) => (values[input] ?? '').trim();

function realDate(text: string): LocalDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  try {
    return LocalDate.of(Number(m[1]), Number(m[2]), Number(m[3]));
  } catch {
    return null;
  }
}

/** greenID's field format for a yyyy-MM-dd date. */
function dayMonthYear(text: string): string {
  const [y, m, d] = text.split('-');
  return `${d ?? ''}/${m ?? ''}/${y ?? ''}`;
}

const australian = (country: string) => COUNTRY_NAMES[country.toUpperCase()] === 'AU';

const compiled = new Map<string, RegExp>();
/** A field's pattern, compiled once (every call checks every field). */
function patternOf(pattern: string): RegExp {
  let regex = compiled.get(pattern);
  if (!regex) {
    regex = new RegExp(pattern);
    compiled.set(pattern, regex);
  }
  return regex;
}

/** Required and format checks of a list of fields (a date must be a real day). */
function fieldProblems(fields: readonly FormsField[], values: FormsValues, optionalToo = false): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const field of fields) {
    const v = value(values, field.input);
    if (v === '') {
      if (field.required && !optionalToo) out.push(problem(field, `${field.input} is required.`));
      continue;
    }
    if (field.pattern && !patternOf(field.pattern).test(v))
      out.push(problem(field, `${field.input} must be ${field.format ?? 'valid'}.`));
    else if (field.options && !field.options.some((o) => o.toUpperCase() === v.toUpperCase()))
      out.push(problem(field, `${field.input} must be one of ${field.options.join(', ')}.`));
    else if (field.kind === 'date' && !realDate(v))
      out.push(problem(field, `${field.input} must be a real date, yyyy-MM-dd.`));
  }
  return out;
}

/** The address fields as they apply to these values: the state optional outside Australia (seed 001: it may be blank for New Zealand). */
function addressAsGiven(fields: readonly FormsField[], values: FormsValues): FormsField[] {
  const country = fields.find((f) => f.input.toLowerCase().endsWith('country'));
  const overseas =
    country !== undefined && value(values, country.input) !== '' && !australian(value(values, country.input));
  return fields.map((f) =>
    overseas && f.input.toLowerCase().endsWith('state') ? { ...f, required: false, options: undefined } : f,
  );
}

function addressProblems(fields: readonly FormsField[], values: FormsValues): FieldProblem[] {
  return fieldProblems(addressAsGiven(fields, values), values);
}

/**
 * The format of each identity detail given (the tamper check's inputs): a date that is no real day, a postcode
 * that is not 4 digits, … is named. Missing details are not problems here: they are compared as empty.
 */
export function identityFormatProblems(values: FormsValues): FieldProblem[] {
  const fields = [...PERSONAL_FIELDS, ...addressAsGiven(ADDRESS_FIELDS, values)];
  return fieldProblems(
    fields.filter((f) => IDENTITY_INPUTS.includes(f.input)),
    values,
    true,
  );
}

function addressOf(
  fields: readonly FormsField[],
  values: FormsValues,
): NonNullable<Person['currentResidentialAddress']> {
  const [flatNumber, propertyName, streetNumber, streetName, streetType, suburb, state, postcode, country] = fields.map(
    (f) => value(values, f.input),
  );
  const iso = COUNTRY_NAMES[(country ?? '').toUpperCase()];
  const entries = Object.entries({
    flatNumber,
    propertyName,
    streetNumber,
    streetName,
    streetType,
    suburb,
    state: state?.toUpperCase(),
    postcode,
    country: iso ?? country,
  });
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined && v !== '')) as NonNullable<
    Person['currentResidentialAddress']
  >;
}

function personOf(values: FormsValues, withPrevious: boolean): Person {
  const v = (input: string) => value(values, input);
  const [year, month, day] = v('dateOfBirth').split('-').map(Number) as [number, number, number];
  const optional = (key: keyof Person, input: string) => (v(input) === '' ? {} : { [key]: v(input) });
  return {
    givenName: v('firstName'),
    surname: v('lastName'),
    ...optional('middleNames', 'middleName'),
    ...optional('honorific', 'title'),
    dob: { day, month, year },
    ...optional('email', 'email'),
    ...optional('homePhone', 'homePhone'),
    ...optional('workPhone', 'workPhone'),
    ...optional('mobilePhone', 'mobilePhone'),
    currentResidentialAddress: addressOf(ADDRESS_FIELDS, values),
    ...(withPrevious ? { previousResidentialAddress: addressOf(PREVIOUS_ADDRESS_FIELDS, values) } : {}),
  };
}

/** The identity details of a call, trimmed, missing ones empty. */
export function identityOf(values: FormsValues): Record<string, string> {
  return Object.fromEntries(IDENTITY_INPUTS.map((input) => [input, value(values, input)]));
}

/** The identity inputs whose values differ (names only, never the values). */
export function changedIdentity(
  verified: Readonly<Record<string, string>>,
  given: Readonly<Record<string, string>>,
): string[] {
  return IDENTITY_INPUTS.filter((input) => (verified[input] ?? '') !== (given[input] ?? ''));
}

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');

/** A licence source named generically (`regodvs`) is the one of the licence's state. */
function resolveSource(id: string, values: FormsValues): string {
  return id === 'regodvs' && value(values, 'licenceState') !== ''
    ? `${value(values, 'licenceState').toLowerCase()}regodvs`
    : id;
}

/** A document source verified from this service's inputs (a group of forms-fields.ts). */
const verifiableHere = (id: string) => catalogueSource(id)?.interactive === true && groupOfSource(id) !== undefined;

function sourceListProblems(input: 'verifySources' | 'backgroundSources', ids: readonly string[]): FieldProblem[] {
  return ids.flatMap((id) => {
    const source = catalogueSource(id);
    if (!source) return [problem(input, `${input} names "${id}", which is not a source.`)];
    if (input === 'backgroundSources' && !source.background && !verifiableHere(id))
      return [
        problem(
          input,
          `${input} names "${id}", which is neither a background source nor a document this service checks from its inputs.`,
        ),
      ];
    if (input === 'verifySources' && !verifiableHere(id))
      return [problem(input, `${input} names "${id}", which cannot be verified interactively here.`)];
    return [];
  });
}

const MEDICARE_COLOURS: Record<string, string> = { G: 'G', GREEN: 'G', Y: 'Y', YELLOW: 'Y', B: 'B', BLUE: 'B' };
const GENDERS: Record<string, string> = { M: 'M', MALE: 'M', F: 'F', FEMALE: 'F' };

/** Medicare's own rules: green cards expire month/year, yellow and blue on a date; an expired card is refused. */
function medicareProblems(values: FormsValues, today: LocalDate): FieldProblem[] {
  const colour = MEDICARE_COLOURS[value(values, 'medicareCardColour').toUpperCase()];
  if (colour === undefined) return [];
  if (colour === 'G') {
    const month = value(values, 'medicareExpiryMonth');
    const year = value(values, 'medicareExpiryYear');
    if (month === '')
      return [problem('medicareExpiryMonth', 'medicareExpiryMonth is required for a green card.', 'Expiry month')];
    if (year === '')
      return [problem('medicareExpiryYear', 'medicareExpiryYear is required for a green card.', 'Expiry year')];
    const years = medicareExpiryYears(Number(month), today);
    return years.includes(Number(year))
      ? []
      : [
          problem(
            'medicareExpiryYear',
            `medicareExpiryYear must be ${years[0] ?? ''} to ${years.at(-1) ?? ''} for expiry month ${month} (the card must not have expired).`,
            'Expiry year',
          ),
        ];
  }
  const expiry = realDate(value(values, 'medicareExpiryDate'));
  if (value(values, 'medicareExpiryDate') === '')
    return [problem('medicareExpiryDate', 'medicareExpiryDate is required for a yellow or blue card.', 'Expiry date')];
  if (expiry && expiry.isBefore(today))
    return [problem('medicareExpiryDate', 'medicareExpiryDate is in the past: the card has expired.', 'Expiry date')];
  if (expiry && expiry.isAfter(today.plusYears(MEDICARE_MAX_YEARS_AHEAD)))
    return [
      problem(
        'medicareExpiryDate',
        `medicareExpiryDate must be within ${MEDICARE_MAX_YEARS_AHEAD} years.`,
        'Expiry date',
      ),
    ];
  return [];
}

function licenceProblems(sourceId: string, values: FormsValues): FieldProblem[] {
  const state = value(values, 'licenceState').toUpperCase();
  if (!sourceId.endsWith('regodvs') || state === '') return [];
  return sourceId === `${state.toLowerCase()}regodvs`
    ? []
    : [problem('licenceState', `licenceState ${state} is not the state of source ${sourceId}.`, 'State of issue')];
}

/** A detail as on the document in the engine's format, where it has one of its own. */
const ENGINE_FORMAT: Readonly<Record<string, (text: string) => string>> = {
  dob: dayMonthYear,
  state: (text) => text.toUpperCase(),
};

/** The engine's inputs for one source from the call's values (names and DOB from the personal details). */
function engineInputs(sourceId: string, group: FormsSourceGroup, values: FormsValues): Record<string, string> {
  const v = (input: string) => value(values, input);
  const fields: Record<string, string> = {
    givenname: v('firstName'),
    middlename: v('middleName'),
    surname: v('lastName'),
    dob: dayMonthYear(v('dateOfBirth')),
    tandc: 'on',
    flatnumber: v('flatNumber'),
    propertyname: v('propertyName'),
    streetnumber: v('streetNumber'),
    streetname: v('streetName'),
    streettype: v('streetType'),
    suburb: v('suburb'),
    state: v('state').toUpperCase(),
    postcode: v('postcode'),
  };
  for (const field of group.fields) {
    const engineField = group.engine[field.input];
    const given = v(field.input);
    if (engineField === undefined || given === '') continue;
    fields[engineField] =
      field.kind === 'date' ? dayMonthYear(given) : field.kind === 'select' ? given.toUpperCase() : given;
  }
  for (const detail of DOCUMENT_DETAILS) {
    const onDocument = v(detail.input);
    if (onDocument !== '') fields[detail.engine] = (ENGINE_FORMAT[detail.engine] ?? String)(onDocument);
  }
  if (group.group === 'medicare') {
    const colour = MEDICARE_COLOURS[v('medicareCardColour').toUpperCase()] ?? '';
    fields.cardColour = colour;
    fields.expiry =
      colour === 'G' ? `${v('medicareExpiryMonth')}/${v('medicareExpiryYear')}` : dayMonthYear(v('medicareExpiryDate'));
    fields.nameOnCard =
      v('medicareNameOnCard') || [v('firstName'), v('middleName').slice(0, 1), v('lastName')].filter(Boolean).join(' ');
  }
  if (group.group === 'passport' && fields.gender !== undefined)
    fields.gender = GENDERS[fields.gender] ?? fields.gender;
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, x]) => x !== '')
      .map(([k, x]) => [inputName(sourceId, k), x]),
  );
}

/** Engine field → the call's input, to name the input in the engine's problems. */
function inputOfEngineField(group: FormsSourceGroup, field: string): string {
  const own = Object.entries(group.engine).find(([, f]) => f === field)?.[0];
  if (own) return own;
  const common: Record<string, string> = {
    givenname: 'firstName',
    middlename: 'middleName',
    surname: 'lastName',
    dob: 'dateOfBirth',
    tandc: 'termsAccepted',
    flatnumber: 'flatNumber',
    propertyname: 'propertyName',
    streetnumber: 'streetNumber',
    streetname: 'streetName',
    streettype: 'streetType',
    suburb: 'suburb',
    state: 'state',
    postcode: 'postcode',
    expiry: 'medicareExpiryDate',
    cardColour: 'medicareCardColour',
    nameOnCard: 'medicareNameOnCard',
  };
  return common[field] ?? field;
}

function sourceProblems(sourceId: string, values: FormsValues, today: LocalDate): FieldProblem[] {
  const group = groupOfSource(sourceId);
  const source = catalogueSource(sourceId);
  if (!group || !source) return [];
  const own = [
    ...fieldProblems(group.fields, values),
    ...(group.group === 'medicare' ? medicareProblems(values, today) : []),
    ...licenceProblems(sourceId, values),
  ];
  if (own.length > 0) return own;
  const prefix = inputName(sourceId, '');
  return validateSourceFields(source, engineInputs(sourceId, group, values)).map((p) => {
    // The engine words a problem by the field's label ("Card number is required."): named by the input here.
    const input = inputOfEngineField(group, p.field.slice(prefix.length));
    const rest = p.message.startsWith(p.label) ? p.message.slice(p.label.length) : `: ${p.message}`;
    return { ...p, field: input, message: `${input}${rest}` };
  });
}

/**
 * Reads a call: the person (always: a call may register), the source lists, and — unless only fields are
 * asked for — each verify source's inputs. Throws FieldValidationFault naming every bad input.
 */
export function readFormsCall(values: FormsValues, options: FormsCallOptions, today: LocalDate): FormsCall {
  const verifySources = [...new Set(list(options.verifySources).map((id) => resolveSource(id, values)))];
  const backgroundList = [...new Set(list(options.backgroundSources).map((id) => resolveSource(id, values)))];
  const backgroundSources = backgroundList.filter((id) => catalogueSource(id)?.background !== false);
  const backgroundDocuments = backgroundList.filter((id) => catalogueSource(id)?.background === false);
  const withPrevious = PREVIOUS_ADDRESS_FIELDS.some((f) => value(values, f.input) !== '');
  const problems: FieldProblem[] = [
    ...fieldProblems(PERSONAL_FIELDS, values),
    ...addressProblems(ADDRESS_FIELDS, values),
    ...(withPrevious ? addressProblems(PREVIOUS_ADDRESS_FIELDS, values) : []),
    ...sourceListProblems('verifySources', verifySources),
    ...sourceListProblems('backgroundSources', backgroundList),
  ];
  const dob = realDate(value(values, 'dateOfBirth'));
  if (dob && !dob.isBefore(today))
    problems.push(problem('dateOfBirth', 'dateOfBirth must be in the past.', 'Date of birth'));
  const verifying = !options.getFields && verifySources.length > 0;
  // The sources this call may check with its inputs: those to verify, and documents to check at registration
  // (whether the call registers is decided later, so a document's inputs are required on every call naming it).
  const checked = [...new Set([...(verifying ? verifySources : []), ...backgroundDocuments])];
  if (checked.length > 0 && !options.termsAccepted)
    problems.push(
      problem(
        'termsAccepted',
        'termsAccepted must be true: the person must accept the terms and conditions before a source is checked.',
        'Terms and conditions',
      ),
    );
  if (checked.length > 0) problems.push(...fieldProblems(DOCUMENT_DETAIL_FIELDS, values));
  if (problems.length === 0) {
    for (const id of checked) problems.push(...sourceProblems(id, values, today));
  }
  if (problems.length > 0) throw VerificationError.fieldValidation(dedupe(problems));
  const sourceInputs: Record<string, Record<string, string>> = {};
  for (const id of checked) {
    const group = groupOfSource(id);
    if (group) sourceInputs[id] = engineInputs(id, group, values);
  }
  return {
    verifySources,
    backgroundSources,
    backgroundDocuments,
    getFields: options.getFields,
    person: personOf(values, withPrevious),
    identity: identityOf(values),
    sourceInputs,
    changes: checked.length > 0 ? documentChanges(values) : [],
  };
}

function dedupe(problems: FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
