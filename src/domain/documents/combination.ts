// The combination source of a captured identity document (seed 003 "Combination sources"): one CheckResultV3
// whose individualResult holds its components, in the seed's order and shapes:
//   Document Authenticity  — the checks of authenticity.ts (each as extraData code = PASSED/FAILED);
//   Data Extraction        — what OCR read against what the person confirmed (GovId, documentNumber, dob,
//                            surname, givenName), under the controlled changes of the account's rule set;
//   data source            — when the account has one for the document (e.g. PassportDVS), its state; a
//                            registry source also its fields compared;
//   Face Comparison        — when a selfie was compared, faceMatchScore and its state;
//   Document Registration Match — the confirmed data against the master record (documentScan, face, dob,
//                            givenName, surname), under the same controlled changes.
// The combination's own state is the least favourable of its components' (COMPONENT_RANK), so it passes only
// when every component passed. The person's identifiers (GovId, document number) are not echoed when they
// were confirmed unchanged, as in the seed's examples.
import type { CheckResultV3, FieldResultV3, NameValuePair, Person, SourceState } from '../verification/types.ts';
import { changesAccepted, type RuleSet } from '../verification/rules.ts';
import type { ChangedField, MatchField } from '../verification/registry.ts';
import { greenIdDate } from '../verification/results.ts';
import { normaliseName } from '../verification/normalise.ts';
import { isoFromDob } from '../verification/normalise.ts';
import type { AuthenticityCheck } from './authenticity.ts';
import type { DataSourceOutcome } from './data-source.ts';

/** The details a document gives, and the person confirms: given name, surname, ISO date of birth, number. */
export interface DocumentData {
  readonly givenName: string;
  readonly middleNames: string;
  readonly surname: string;
  readonly dob: string;
  readonly documentNumber: string;
  /** a driver licence's own number (the NZ version number, an AU card number), when the card prints one */
  readonly cardNumber?: string;
}

export interface FaceComparison {
  /** 0–100 (face-score.ts); null when no face was found on the document or in the selfie */
  readonly score: number | null;
  readonly threshold: number;
}

export interface CombinationInput {
  readonly sourceName: string;
  readonly documentType: string;
  readonly documentRegion: string;
  readonly documentSubRegion?: string;
  /** the channel the capture came through (seed 003 extraData "origin") */
  readonly origin: string;
  readonly checks: readonly AuthenticityCheck[];
  readonly extracted: DocumentData;
  readonly confirmed: DocumentData;
  readonly person: Person;
  readonly ruleSet: RuleSet;
  /** the account's data source for this document and its state, when it has one */
  readonly dataSource: DataSourceOutcome | null;
  readonly face: FaceComparison | null;
  readonly now: Date;
}

/** Least favourable first wins: the combination takes the highest rank among its components. */
const COMPONENT_RANK: Readonly<Partial<Record<SourceState, number>>> = {
  VERIFIED: 0,
  VERIFIED_ADMIN: 1,
  VERIFIED_WITH_CHANGES: 2,
  PENDING: 3,
  IN_PROGRESS: 4,
  NOT_CONTRIBUTING: 4,
  ERROR: 5,
  FAILED: 6,
};

export const PASSING: readonly SourceState[] = ['VERIFIED', 'VERIFIED_ADMIN', 'VERIFIED_WITH_CHANGES'];

const same = (field: keyof DocumentData, a: string, b: string): boolean =>
  field === 'dob' || field === 'documentNumber'
    ? a.trim().toUpperCase() === b.trim().toUpperCase()
    : normaliseName(a) === normaliseName(b);

/** Fields whose confirmed value is withheld in the result (identifiers, as the seed shows them). */
const WITHHELD: readonly string[] = ['documentNumber'];

function stateOfChanges(ruleSet: RuleSet, changes: readonly ChangedField[], unacceptable: boolean): SourceState {
  if (changes.length === 0 && !unacceptable) return 'VERIFIED';
  return !unacceptable && changesAccepted(ruleSet, changes) ? 'VERIFIED_WITH_CHANGES' : 'PENDING';
}

const COMPARED_NAMES: Readonly<Record<'dob' | 'surname' | 'givenName', MatchField>> = {
  dob: 'dob',
  surname: 'surname',
  givenName: 'givenName',
};

function component(name: string, state: SourceState, now: Date, extra: Partial<CheckResultV3> = {}): CheckResultV3 {
  return {
    name,
    state,
    method: null,
    mode: null,
    dateVerified: PASSING.includes(state) ? greenIdDate(now) : null,
    fieldResult: [],
    ...extra,
  };
}

function dataExtraction(input: CombinationInput): CheckResultV3 {
  const fields: FieldResultV3[] = [{ name: 'GovId', status: 'CONFIRMED', value: '' }];
  const changes: ChangedField[] = [];
  let unacceptable = false;
  for (const field of ['documentNumber', 'cardNumber', 'dob', 'surname', 'givenName'] as const) {
    const extracted = input.extracted[field] ?? '';
    // a card number is reported when the card prints one; left out of the confirmation, it stands as read
    if (field === 'cardNumber') {
      const confirmedCard = (input.confirmed.cardNumber ?? extracted).trim().toUpperCase();
      if (!extracted && !confirmedCard) continue;
      if (confirmedCard === extracted.toUpperCase()) fields.push({ name: field, status: 'CONFIRMED', value: '' });
      else {
        fields.push({ name: field, status: 'CHANGED', changedValue: confirmedCard, extractedValue: extracted });
        unacceptable = true;
      }
      continue;
    }
    const confirmed = input.confirmed[field];
    if (same(field, extracted, confirmed)) {
      fields.push({ name: field, status: 'CONFIRMED', value: WITHHELD.includes(field) ? '' : confirmed });
      continue;
    }
    fields.push({ name: field, status: 'CHANGED', changedValue: confirmed, extractedValue: extracted });
    if (field === 'documentNumber') unacceptable = true;
    else changes.push({ field: COMPARED_NAMES[field], from: extracted, to: confirmed });
  }
  return component('Data Extraction', stateOfChanges(input.ruleSet, changes, unacceptable), input.now, {
    fieldResult: fields,
  });
}

function faceComponent(face: FaceComparison, now: Date): CheckResultV3 {
  const state: SourceState = face.score !== null && face.score >= face.threshold ? 'VERIFIED' : 'PENDING';
  return component('Face Comparison', state, now, face.score === null ? {} : { faceMatchScore: String(face.score) });
}

function registrationMatch(input: CombinationInput, face: CheckResultV3 | null): CheckResultV3 {
  const fields: FieldResultV3[] = [{ name: 'documentScan', status: 'CONFIRMED', value: '' }];
  if (face) fields.push({ name: 'face', status: face.state === 'VERIFIED' ? 'CONFIRMED' : 'NO_MATCH', value: '' });
  const master: Record<'dob' | 'givenName' | 'surname', string> = {
    dob: isoFromDob(input.person.dob),
    givenName: input.person.givenName,
    surname: input.person.surname,
  };
  const changes: ChangedField[] = [];
  for (const field of ['dob', 'givenName', 'surname'] as const) {
    const confirmed = input.confirmed[field];
    if (same(field, confirmed, master[field])) {
      fields.push({ name: field, status: 'CONFIRMED', value: confirmed });
      continue;
    }
    fields.push({ name: field, status: 'CHANGED', changedValue: confirmed, masterRecordValue: master[field] });
    changes.push({ field: COMPARED_NAMES[field], from: master[field], to: confirmed });
  }
  return component('Document Registration Match', stateOfChanges(input.ruleSet, changes, false), input.now, {
    fieldResult: fields,
  });
}

/** The combination's state: the least favourable of its components'. */
export function worst(states: readonly SourceState[]): SourceState {
  return states.reduce<SourceState>(
    (a, b) => ((COMPONENT_RANK[b] ?? 5) > (COMPONENT_RANK[a] ?? 5) ? b : a),
    'VERIFIED',
  );
}

export function combinationResult(input: CombinationInput): CheckResultV3 {
  const failed = input.checks.filter((c) => c.result === 'FAILED');
  const document = {
    documentType: input.documentType,
    documentRegion: input.documentRegion,
    ...(input.documentSubRegion ? { documentSubRegion: input.documentSubRegion } : {}),
  };
  const checkPairs: NameValuePair[] = input.checks.map((c) => ({ name: c.code, value: c.result }));
  const authenticity = component('Document Authenticity', failed.length === 0 ? 'VERIFIED' : 'PENDING', input.now, {
    ...document,
    extraData: checkPairs,
  });
  const extraction = dataExtraction(input);
  const dataSource = input.dataSource
    ? component(input.dataSource.name, input.dataSource.state, input.now, {
        ...(input.dataSource.fieldResult ? { fieldResult: input.dataSource.fieldResult } : {}),
      })
    : null;
  const face = input.face ? faceComponent(input.face, input.now) : null;
  const registration = registrationMatch(input, face);
  const components = [
    authenticity,
    extraction,
    ...(dataSource ? [dataSource] : []),
    ...(face ? [face] : []),
    registration,
  ].map((c) => ({ ...c, method: 'interactive' as const }));
  const state = worst(components.map((c) => c.state));
  return {
    name: input.sourceName,
    state,
    method: 'UC',
    mode: null,
    dateCreated: greenIdDate(input.now),
    dateVerified: PASSING.includes(state) ? greenIdDate(input.now) : null,
    fieldResult: registration.fieldResult,
    extraData: [{ name: 'origin', value: input.origin }],
    individualResult: components,
    ...document,
    ...(face?.faceMatchScore ? { faceMatchScore: face.faceMatchScore } : {}),
  };
}
