// Registry sources: matched against operator-loaded records (registry.ts), in any country, in stub mode and
// out of it. Address fields are optional so that a person can confirm name + DOB alone.
import type { SourceDefinition } from './definitions.ts';
import { NAME_DOB_FIELDS, OPTIONAL_ADDRESS_FIELDS, TANDC } from './definitions.ts';

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
    fields: [...NAME_DOB_FIELDS, ...OPTIONAL_ADDRESS_FIELDS, TANDC],
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
