// The source catalogue: every AU and NZ source as data, and validateFields over a source's field table.
import type { FieldProblem } from '../types.ts';
import { VALIDATION_RULES } from '../validation-rules.ts';
import { AU_SOURCES } from './au.ts';
import type { ConditionalRequirement, FieldDefinition, SourceDefinition } from './definitions.ts';
import { NZ_SOURCES } from './nz.ts';
import { REGISTRY_SOURCES } from './registry-sources.ts';
import { WATCHLIST_SOURCES } from './watchlists.ts';

export * from './definitions.ts';
export { REGISTRY_SOURCES, registrySourceIds } from './registry-sources.ts';

export const SOURCE_CATALOGUE: readonly SourceDefinition[] = [
  ...WATCHLIST_SOURCES,
  ...AU_SOURCES,
  ...NZ_SOURCES,
  ...REGISTRY_SOURCES,
];

/** Every source id in the catalogue (e.g. to enable everything on a demo account). */
export function allSourceIds(): string[] {
  return SOURCE_CATALOGUE.map((s) => s.sourceId);
}

export function isRegistrySource(sourceId: string): boolean {
  return REGISTRY_SOURCES.some((s) => s.sourceId === sourceId);
}

const byId = new Map(SOURCE_CATALOGUE.map((s) => [s.sourceId, s]));

export function catalogueSource(sourceId: string): SourceDefinition | undefined {
  return byId.get(sourceId);
}

/** The input name of a field: `greenid_<sourceId>_<field>`. */
export function inputName(sourceId: string, field: string): string {
  return `greenid_${sourceId}_${field}`;
}

/**
 * Input values keyed by short field name. Accepts full names (`greenid_<sourceId>_<field>`) and short
 * names; names that belong to no field of the source are ignored (greenID's behaviour on unknown names is
 * an open question, research §8 q7; ignoring keeps existing clients working).
 */
export function shortInputs(
  source: Pick<SourceDefinition, 'sourceId' | 'fields'>,
  inputs: Record<string, string>,
): Record<string, string> {
  const prefix = inputName(source.sourceId, '');
  const known = new Map(source.fields.map((f) => [f.field.toLowerCase(), f.field]));
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(inputs)) {
    const short = name.toLowerCase().startsWith(prefix.toLowerCase()) ? name.slice(prefix.length) : name;
    const field = known.get(short.toLowerCase());
    if (field !== undefined) out[field] = value.trim();
  }
  return out;
}

function problem(sourceId: string, field: FieldDefinition, message: string): FieldProblem {
  return { field: inputName(sourceId, field.field), label: field.label, message };
}

function checkOne(sourceId: string, field: FieldDefinition, value: string, ruleId: string): FieldProblem | null {
  const rule = VALIDATION_RULES[ruleId];
  if (!rule) return problem(sourceId, field, `${field.label} has no validation rule "${ruleId}".`);
  return rule.test(value) ? null : problem(sourceId, field, `${field.label} is not a valid ${rule.noun}.`);
}

/** ISO day of a DD/MM/YYYY value, or null when it is not one. */
function isoDay(value: string | undefined): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value ?? '');
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
}

/** A requirement's extra condition: a date on a side of a day, or another field filled in. */
function conditionHolds(cond: ConditionalRequirement, values: Record<string, string>): boolean {
  if (cond.filled !== undefined && (values[cond.filled] ?? '') === '') return false;
  if (!cond.dated) return true;
  const day = isoDay(values[cond.dated.field]);
  if (day === null) return false;
  return (
    (cond.dated.onOrAfter === undefined || day >= cond.dated.onOrAfter) &&
    (cond.dated.before === undefined || day < cond.dated.before)
  );
}

/**
 * Problems with the inputs for one source (empty when fine): required fields, each field's format rule,
 * then the source's state-dependent requirements and formats. Inputs may use full or short names.
 */
export function validateSourceFields(source: SourceDefinition, inputs: Record<string, string>): FieldProblem[] {
  const values = shortInputs(source, inputs);
  const problems: FieldProblem[] = [];
  const required = new Set(source.fields.filter((f) => f.required).map((f) => f.field));
  for (const cond of source.requiredWhen ?? []) {
    if (cond.in.includes((values[cond.when] ?? '').toUpperCase()) && conditionHolds(cond, values))
      required.add(cond.require);
  }
  const formatOverride = new Map<string, string>();
  for (const cond of source.formatWhen ?? []) {
    if (cond.in.includes((values[cond.when] ?? '').toUpperCase())) formatOverride.set(cond.field, cond.rule);
  }
  for (const field of source.fields) {
    const value = values[field.field] ?? '';
    if (value === '') {
      if (required.has(field.field)) {
        problems.push(
          problem(
            source.sourceId,
            field,
            field.field === 'tandc' ? `${field.label} must be ticked ("on").` : `${field.label} is required.`,
          ),
        );
      }
      continue;
    }
    const found = checkOne(source.sourceId, field, value, formatOverride.get(field.field) ?? field.rule);
    if (found) problems.push(found);
  }
  return problems;
}

/** validateFields by source id; an unknown id is itself a problem. */
export function validateFields(sourceId: string, inputs: Record<string, string>): FieldProblem[] {
  const source = catalogueSource(sourceId);
  if (!source) return [{ field: 'sourceId', label: 'Source', message: `Unknown source "${sourceId}".` }];
  return validateSourceFields(source, inputs);
}
