// One interactive check (setFields, method UC): a stub source by its magic value (seed 002), a registry
// source by matching the submission against the candidates, with the person as master record.
// A value in no stub row, or a registry submission matching no record well enough, is a failed attempt:
// the source stays IN_PROGRESS ("a UC check not yet verified", seed 004) and the failure is counted.
import type { Confirmation, FieldResultV3, Person, SourceState } from './types.ts';
import { INTERACTIVE_STUB_TABLES, matchInteractiveStub, type InteractiveOutcome } from './stubs/index.ts';
import { isRegistrySource, type SourceDefinition } from './catalogue/index.ts';
import {
  bestRegistryMatch,
  matchRecord,
  subjectFromPerson,
  type MatchSubject,
  type RegistryRecord,
  type RegistryRecords,
} from './registry.ts';
import { changesAccepted, type RuleSet } from './rules.ts';

export interface InteractiveRun {
  state: SourceState;
  confirms: Confirmation[];
  fieldResult: FieldResultV3[];
  failed: boolean;
}

const OUTCOME_STATES: Record<InteractiveOutcome, SourceState> = {
  VERIFIED: 'VERIFIED',
  VERIFIED_WITH_CHANGES: 'VERIFIED_WITH_CHANGES',
  PENDING: 'PENDING',
  ERROR: 'ERROR',
  NOT_CONTRIBUTING: 'NOT_CONTRIBUTING',
};

/** Submitted short field names → the compared values. */
export function subjectFromInputs(inputs: Record<string, string>): MatchSubject {
  return {
    givenName: inputs['givenname'],
    middleNames: inputs['middlename'],
    surname: inputs['surname'],
    dob: inputs['dob'],
    propertyName: inputs['propertyname'],
    streetNumber: inputs['streetnumber'],
    streetName: inputs['streetname'],
    streetType: inputs['streettype'],
    suburb: inputs['suburb'],
    state: inputs['state'],
    postcode: inputs['postcode'],
  };
}

function asRecord(subject: MatchSubject): RegistryRecord {
  return {
    givenName: subject.givenName,
    middleNames: subject.middleNames,
    surname: subject.surname,
    dob: subject.dob,
    address: {
      propertyName: subject.propertyName,
      streetNumber: subject.streetNumber,
      streetName: subject.streetName,
      streetType: subject.streetType,
      suburb: subject.suburb,
      state: subject.state,
      postcode: subject.postcode,
    },
  };
}

function runStub(source: SourceDefinition, person: Person, inputs: Record<string, string>): InteractiveRun {
  const row = matchInteractiveStub(INTERACTIVE_STUB_TABLES, source.sourceId, inputs);
  if (!row) return { state: 'IN_PROGRESS', confirms: [], fieldResult: [], failed: true };
  const state = OUTCOME_STATES[row.outcome];
  const counts = state === 'VERIFIED' || state === 'VERIFIED_WITH_CHANGES' || state === 'PENDING';
  // The stub "document" holds what was submitted; field statuses say what differs from the master record.
  const subject = subjectFromInputs(inputs);
  const fieldResult = counts ? matchRecord(subject, asRecord(subject), [], subjectFromPerson(person)).fieldResult : [];
  return { state, confirms: counts ? [...(row.confirms ?? source.confirms)] : [], fieldResult, failed: false };
}

function runRegistry(
  source: SourceDefinition,
  person: Person,
  inputs: Record<string, string>,
  ruleSet: RuleSet,
  records: readonly RegistryRecord[] | 'unavailable',
): InteractiveRun {
  if (records === 'unavailable') return { state: 'ERROR', confirms: [], fieldResult: [], failed: false };
  const match = bestRegistryMatch(subjectFromInputs(inputs), records, source.confirms, subjectFromPerson(person));
  if (!match || match.confirms.length === 0)
    return { state: 'IN_PROGRESS', confirms: [], fieldResult: match?.fieldResult ?? [], failed: true };
  const state: SourceState =
    match.changes.length === 0
      ? 'VERIFIED'
      : changesAccepted(ruleSet, match.changes)
        ? 'VERIFIED_WITH_CHANGES'
        : 'PENDING';
  return { state, confirms: match.confirms, fieldResult: match.fieldResult, failed: false };
}

export function runInteractive(
  source: SourceDefinition,
  person: Person,
  inputs: Record<string, string>,
  ruleSet: RuleSet,
  registry: RegistryRecords,
): InteractiveRun {
  return isRegistrySource(source.sourceId)
    ? runRegistry(source, person, inputs, ruleSet, registry[source.sourceId] ?? [])
    : runStub(source, person, inputs);
}
