// The data source a captured document's confirmed details go to (seed 003: "the confirmed data may also be used
// with an external data source, depending on customer account configuration"): the source that checks that
// document with its issuer, when the account has it enabled and it can run for this verification (in stub mode:
// the stub codes of seed 002, e.g. passport number A1111111 verified). A number in no stub row is a check not
// verified (IN_PROGRESS, as an interactive source's failed attempt). A driver licence goes to its issuer's source:
// NZ Transport Agency's (nzdriverslicence: AA111111 verified) or the DVS source of the Australian state that issued
// it (nswregodvs, vicregodvs, …: 11111111 verified), named in the result like the passport's (NZDriversLicence,
// NSWRegoDVS).
// Outside stub mode the issuers' sources do not run; there the account's registry sources (its operator's records,
// then the office's immigration records) check the confirmed name and date of birth against their records
// (registry.ts's matching), named as the catalogue names them ("Operator registry", "Immigration records").
import type { DateOfBirth, FieldResultV3, SourceState } from '../verification/types.ts';
import { bestRegistryMatch, type RegistryRecords } from '../verification/registry.ts';
import { REGISTRY_SOURCES } from '../verification/catalogue/registry-sources.ts';
import type { DocumentData } from './combination.ts';
import { AU_STATES } from '../verification/validation-rules.ts';
import { runnable, type AccountSettings, type VerificationState } from '../verification/state.ts';
import { INTERACTIVE_STUB_TABLES, matchInteractiveStub, type InteractiveOutcome } from '../verification/stubs/index.ts';

interface DocumentSource {
  readonly documentType: string;
  readonly region: string;
  /** the issuing state, for documents each state issues (AU driver licences) */
  readonly subRegion?: string;
  readonly sourceId: string;
  /** the component's name in the result (seed 003's example: PassportDVS) */
  readonly name: string;
}

const DOCUMENT_SOURCES: readonly DocumentSource[] = [
  { documentType: 'PASSPORT', region: 'AU', sourceId: 'passportdvs', name: 'PassportDVS' },
  { documentType: 'PASSPORT', region: 'NZ', sourceId: 'nzpassport', name: 'NZPassport' },
  { documentType: 'DRIVERS_LICENCE', region: 'NZ', sourceId: 'nzdriverslicence', name: 'NZDriversLicence' },
  ...AU_STATES.map((state) => ({
    documentType: 'DRIVERS_LICENCE',
    region: 'AU',
    subRegion: state,
    sourceId: `${state.toLowerCase()}regodvs`,
    name: `${state}RegoDVS`,
  })),
];

const OUTCOME_STATES: Readonly<Record<InteractiveOutcome, SourceState>> = {
  VERIFIED: 'VERIFIED',
  VERIFIED_WITH_CHANGES: 'VERIFIED_WITH_CHANGES',
  PENDING: 'PENDING',
  ERROR: 'ERROR',
  NOT_CONTRIBUTING: 'NOT_CONTRIBUTING',
};

/** A data source's outcome: its name and state, and for a registry source the fields it compared. */
export interface DataSourceOutcome {
  readonly name: string;
  readonly state: SourceState;
  readonly fieldResult?: FieldResultV3[];
}

export function documentDataSource(
  account: AccountSettings,
  state: Pick<VerificationState, 'country'>,
  documentType: string,
  region: string,
  documentNumber: string,
  subRegion = '',
): DataSourceOutcome | null {
  const source = DOCUMENT_SOURCES.find(
    (s) => s.documentType === documentType && s.region === region && (s.subRegion ?? '') === subRegion,
  );
  if (!source || !runnable(account, state, source.sourceId)) return null;
  const row = matchInteractiveStub(INTERACTIVE_STUB_TABLES, source.sourceId, { number: documentNumber });
  return { name: source.name, state: row ? OUTCOME_STATES[row.outcome] : 'IN_PROGRESS' };
}

/** The registry sources that check a captured document's confirmed details: outside stub mode, those it runs. */
export function documentRegistrySources(account: AccountSettings, state: Pick<VerificationState, 'country'>): string[] {
  if (account.stubMode) return [];
  return REGISTRY_SOURCES.filter((s) => runnable(account, state, s.sourceId)).map((s) => s.sourceId);
}

/** The confirmed details as the registry's candidate search takes them (a date of birth YYYY-MM-DD). */
export function registrySubject(confirmed: DocumentData): { givenName: string; surname: string; dob: DateOfBirth } {
  const [year, month, day] = confirmed.dob.split('-').map(Number);
  return {
    givenName: confirmed.givenName,
    surname: confirmed.surname,
    dob: { year: year ?? 0, month: month ?? 0, day: day ?? 0 },
  };
}

/**
 * The confirmed details against each registry source's candidates: VERIFIED when a record confirms the name and
 * date of birth (the first source that does), else the first source's state: ERROR when its records could not be
 * read, IN_PROGRESS when no record matched (as the issuers' sources report a number in no row). The fields
 * compared are reported (CONFIRMED, NO_MATCH, MISSING). Null when no source was asked.
 */
export function registryDataSource(
  confirmed: DocumentData,
  sourceIds: readonly string[],
  records: RegistryRecords,
): DataSourceOutcome | null {
  const subject = {
    givenName: confirmed.givenName,
    middleNames: confirmed.middleNames,
    surname: confirmed.surname,
    dob: confirmed.dob,
  };
  const outcomes = sourceIds.map((sourceId): DataSourceOutcome => {
    const name = REGISTRY_SOURCES.find((s) => s.sourceId === sourceId)?.name ?? sourceId;
    const candidates = records[sourceId] ?? [];
    if (candidates === 'unavailable') return { name, state: 'ERROR' };
    const match = bestRegistryMatch(subject, candidates, ['nameDob']);
    return {
      name,
      state: match?.confirms.includes('nameDob') ? 'VERIFIED' : 'IN_PROGRESS',
      fieldResult: match?.fieldResult ?? [],
    };
  });
  return outcomes.find((o) => o.state === 'VERIFIED') ?? outcomes[0] ?? null;
}
