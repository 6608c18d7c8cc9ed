// The data source a captured document's confirmed details go to (seed 003: "the confirmed data may also be used
// with an external data source, depending on customer account configuration"): the source that checks that
// document with its issuer, when the account has it enabled and it can run for this verification (in stub mode:
// the stub codes of seed 002, e.g. passport number A1111111 verified). A number in no stub row is a check not
// verified (IN_PROGRESS, as an interactive source's failed attempt). A driver licence goes to its issuer's source:
// NZ Transport Agency's (nzdriverslicence: AA111111 verified) or the DVS source of the Australian state that issued
// it (nswregodvs, vicregodvs, …: 11111111 verified), named in the result like the passport's (NZDriversLicence,
// NSWRegoDVS).
import type { SourceState } from '../verification/types.ts';
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

export function documentDataSource(
  account: AccountSettings,
  state: Pick<VerificationState, 'country'>,
  documentType: string,
  region: string,
  documentNumber: string,
  subRegion = '',
): { name: string; state: SourceState } | null {
  const source = DOCUMENT_SOURCES.find(
    (s) => s.documentType === documentType && s.region === region && (s.subRegion ?? '') === subRegion,
  );
  if (!source || !runnable(account, state, source.sourceId)) return null;
  const row = matchInteractiveStub(INTERACTIVE_STUB_TABLES, source.sourceId, { number: documentNumber });
  return { name: source.name, state: row ? OUTCOME_STATES[row.outcome] : 'IN_PROGRESS' };
}
