// The shape of a source in the catalogue, and the field sets several sources share.
import type { Confirmation, Country, Watchlist } from '../types.ts';
import { AU_STATES } from '../validation-rules.ts';

/** Where a field's pre-filled value comes from in the person (the master record). */
export const PREFILL_KEYS = [
  'givenName',
  'middleNames',
  'surname',
  'dob',
  'flatNumber',
  'propertyName',
  'streetNumber',
  'streetName',
  'streetType',
  'suburb',
  'state',
  'postcode',
] as const;
export type PrefillKey = (typeof PREFILL_KEYS)[number];

export interface FieldDefinition {
  /** Short name; the input name is `greenid_<sourceId>_<field>`. */
  field: string;
  label: string;
  type: 'text' | 'select' | 'checkbox';
  required: boolean;
  /** Key of VALIDATION_RULES. */
  rule: string;
  options?: readonly string[];
  prefill?: PrefillKey;
}

/**
 * "When field `when` has one of `in`, field `require` is required" (seed 001's state-dependent inputs), and,
 * where the seed adds one, only when a date field falls on a side of a day (`dated`, ISO days, the field in
 * DD/MM/YYYY) or when another field is filled in (`filled`).
 */
export interface ConditionalRequirement {
  when: string;
  in: readonly string[];
  require: string;
  dated?: { field: string; onOrAfter?: string; before?: string };
  filled?: string;
}

/** "When field `when` has one of `in`, field `field` must follow rule `rule`." */
export interface ConditionalFormat {
  when: string;
  in: readonly string[];
  field: string;
  rule: string;
}

export type SourceCategory = 'watchlist' | 'creditHeader' | 'identity' | 'fraud' | 'entitlement';

export interface SourceDefinition {
  sourceId: string;
  name: string;
  /** `ANY` for the watchlists, which both countries' stub tables drive. */
  country: Country | 'ANY';
  /** Run at registration (method DB). */
  background: boolean;
  /** Offered in sourceList and run by setFields (method UC). */
  interactive: boolean;
  category: SourceCategory;
  /** What a pass on this source confirms for the rule set. */
  confirms: readonly Confirmation[];
  watchlist?: Watchlist;
  documentType?: string;
  /** The issuing state of an Australian licence (seed 003 documentSubRegion), e.g. NSW. */
  documentSubRegion?: string;
  /** sourceList display order (lower = offered first). */
  order: number;
  version: number;
  fields: readonly FieldDefinition[];
  requiredWhen?: readonly ConditionalRequirement[];
  formatWhen?: readonly ConditionalFormat[];
}

export const TANDC: FieldDefinition = {
  field: 'tandc',
  label: 'I accept the terms and conditions',
  type: 'checkbox',
  required: true,
  rule: 'tandc',
};

export const NAME_DOB_FIELDS: readonly FieldDefinition[] = [
  { field: 'givenname', label: 'Given name', type: 'text', required: true, rule: 'name', prefill: 'givenName' },
  { field: 'middlename', label: 'Middle name', type: 'text', required: false, rule: 'name', prefill: 'middleNames' },
  { field: 'surname', label: 'Surname', type: 'text', required: true, rule: 'name', prefill: 'surname' },
  { field: 'dob', label: 'Date of birth', type: 'text', required: true, rule: 'date', prefill: 'dob' },
];

export const NAME_FIELDS: readonly FieldDefinition[] = NAME_DOB_FIELDS.filter((f) => f.field !== 'dob');

/** What a source confirms: name and date of birth, name and address, or both. */
export const BOTH = ['nameDob', 'nameAddress'] as const;
export const NAME_DOB = ['nameDob'] as const;
export const NAME_ADDRESS = ['nameAddress'] as const;

/** Flat, street number, name and type: the start of every address, in AU, NZ and the registry sources. */
const STREET_FIELDS: readonly FieldDefinition[] = [
  {
    field: 'flatnumber',
    label: 'Flat/unit number',
    type: 'text',
    required: false,
    rule: 'text',
    prefill: 'flatNumber',
  },
  {
    field: 'streetnumber',
    label: 'Street number',
    type: 'text',
    required: true,
    rule: 'streetNumber',
    prefill: 'streetNumber',
  },
  { field: 'streetname', label: 'Street name', type: 'text', required: true, rule: 'text', prefill: 'streetName' },
  // seed 001 v3.0: "remove mandatory check on Address Street Type field".
  { field: 'streettype', label: 'Street type', type: 'text', required: false, rule: 'text', prefill: 'streetType' },
];

export const AU_ADDRESS_FIELDS: readonly FieldDefinition[] = [
  ...STREET_FIELDS,
  { field: 'suburb', label: 'Suburb', type: 'text', required: true, rule: 'text', prefill: 'suburb' },
  {
    field: 'state',
    label: 'State',
    type: 'select',
    required: true,
    rule: 'auState',
    options: AU_STATES,
    prefill: 'state',
  },
  { field: 'postcode', label: 'Postcode', type: 'text', required: true, rule: 'auPostcode', prefill: 'postcode' },
];

export const NZ_ADDRESS_FIELDS: readonly FieldDefinition[] = [
  ...STREET_FIELDS,
  { field: 'suburb', label: 'Suburb/town', type: 'text', required: true, rule: 'text', prefill: 'suburb' },
  { field: 'postcode', label: 'Postcode', type: 'text', required: false, rule: 'nzPostcode', prefill: 'postcode' },
];

/** The registry sources' address: every field optional, so that a person can confirm name and date of birth alone. */
export const OPTIONAL_ADDRESS_FIELDS: readonly FieldDefinition[] = [
  ...STREET_FIELDS.map((f) => ({ ...f, required: false })),
  { field: 'suburb', label: 'Suburb/town', type: 'text', required: false, rule: 'text', prefill: 'suburb' },
  { field: 'state', label: 'State', type: 'text', required: false, rule: 'text', prefill: 'state' },
  { field: 'postcode', label: 'Postcode', type: 'text', required: false, rule: 'text', prefill: 'postcode' },
];

/** A background-only source: no fields. */
export function backgroundSource(
  sourceId: string,
  name: string,
  country: Country | 'ANY',
  category: SourceCategory,
  confirms: readonly Confirmation[],
  order: number,
): SourceDefinition {
  return {
    sourceId,
    name,
    country,
    background: true,
    interactive: false,
    category,
    confirms,
    order,
    version: 1,
    fields: [],
  };
}

/** One row of a country's table of background sources: id, name, category, what a pass confirms, order. */
export type BackgroundRow = readonly [
  sourceId: string,
  name: string,
  category: SourceCategory,
  confirms: readonly Confirmation[],
  order: number,
];

/** A country's background-only sources from its table. */
export function backgroundSources(country: Country, rows: readonly BackgroundRow[]): SourceDefinition[] {
  return rows.map(([sourceId, name, category, confirms, order]) =>
    backgroundSource(sourceId, name, country, category, confirms, order),
  );
}

const ILLION_SEGMENTS = [
  ['banking', 'banking & finance'],
  ['telco', 'telecommunications'],
  ['utilities', 'utilities'],
  ['public', 'public records'],
] as const;

/** illion's credit header in its four market segments, ordered from `firstOrder` on (ids `<prefix>illion<segment>`). */
export function illionSegments(idPrefix: string, market: string, firstOrder: number): BackgroundRow[] {
  return ILLION_SEGMENTS.map(([id, segment], i) => [
    `${idPrefix}illion${id}`,
    `illion credit header - ${market} ${segment} segment`,
    'creditHeader',
    BOTH,
    firstOrder + i,
  ]);
}

/** An electoral roll: checked at registration and offered to the person too. */
export function rollSource(
  country: Country,
  sourceId: string,
  name: string,
  order: number,
  confirms: readonly Confirmation[],
  fields: readonly FieldDefinition[],
): SourceDefinition {
  return { ...interactiveSource(country, sourceId, name, order, confirms, fields), background: true };
}

/** An interactive identity source: the person enters its fields (then the terms and conditions) and it is checked. */
export function interactiveSource(
  country: Country,
  sourceId: string,
  name: string,
  order: number,
  confirms: readonly Confirmation[],
  fields: readonly FieldDefinition[],
  extra: Partial<SourceDefinition> = {},
): SourceDefinition {
  return {
    sourceId,
    name,
    country,
    background: false,
    interactive: true,
    category: 'identity',
    confirms,
    order,
    version: 1,
    fields: [...fields, TANDC],
    ...extra,
  };
}

/** A text field checked by `rule` (validation-rules.ts). */
export const textField = (field: string, label: string, rule: string, required = true): FieldDefinition => ({
  field,
  label,
  type: 'text',
  required,
  rule,
});
