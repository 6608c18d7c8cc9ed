// Registry sources: matched against operator-loaded records (registry.ts), in any country, in stub mode and
// out of it. Address fields are optional so that a person can confirm name + DOB alone.
import type { FieldDefinition, SourceDefinition } from './definitions.ts';
import { NAME_DOB_FIELDS, TANDC } from './definitions.ts';

const OPTIONAL_ADDRESS: readonly FieldDefinition[] = [
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
    required: false,
    rule: 'streetNumber',
    prefill: 'streetNumber',
  },
  { field: 'streetname', label: 'Street name', type: 'text', required: false, rule: 'text', prefill: 'streetName' },
  { field: 'streettype', label: 'Street type', type: 'text', required: false, rule: 'text', prefill: 'streetType' },
  { field: 'suburb', label: 'Suburb/town', type: 'text', required: false, rule: 'text', prefill: 'suburb' },
  { field: 'state', label: 'State', type: 'text', required: false, rule: 'text', prefill: 'state' },
  { field: 'postcode', label: 'Postcode', type: 'text', required: false, rule: 'text', prefill: 'postcode' },
];

export const REGISTRY_SOURCES: readonly SourceDefinition[] = [
  {
    sourceId: 'registry',
    name: 'Operator registry',
    country: 'ANY',
    background: true,
    interactive: true,
    category: 'identity',
    confirms: ['nameDob', 'nameAddress'],
    order: 200,
    version: 1,
    fields: [...NAME_DOB_FIELDS, ...OPTIONAL_ADDRESS, TANDC],
  },
  {
    sourceId: 'immigration',
    name: 'Immigration records',
    country: 'ANY',
    background: true,
    interactive: false,
    category: 'identity',
    confirms: ['nameDob', 'nameAddress'],
    order: 201,
    version: 1,
    fields: [],
  },
];

export function registrySourceIds(): string[] {
  return REGISTRY_SOURCES.map((s) => s.sourceId);
}
