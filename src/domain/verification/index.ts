/**
 * pono verification engine (SPEC P1): pure, greenID-compatible. The app stores VerificationState as JSONB
 * and passes it back; time is passed in, never read.
 *
 * API
 *   registerVerification(account: AccountSettings, input: { verificationId, ruleId, person, extraData },
 *                        now: Date, registry: RegistryRecords): VerificationState
 *       Checks the person (FieldValidationFault naming fields), runs background sources (stub codes in the
 *       middle name when account.stubMode; enabled registry sources always), decides the overall status.
 *   sourceList(account, state): SourceV3[]
 *   sourceFields(account, state, sourceId): FieldV3[]                  // InvalidSourceIdFault if not offered
 *   setFields(account, state, sourceId, inputs: Record<string,string>, now, registry)
 *       : { state: VerificationState; checkResult: CheckResultV3 }
 *       // InvalidSourceIdFault | SourceNotAvailableFault | FieldValidationFault (problems name the fields)
 *   adminOverride(state, { comment, adminEmail, sourceId? }, now, account?): VerificationState
 *       // without sourceId: overall VERIFIED_ADMIN; with one: that source VERIFIED_ADMIN (needs account)
 *   formsOutcome(account, state, { verifySources?, before? }?): FormsOutcome   // seed 001 outputs
 *   verificationResult(state): VerificationResultV3
 *   validateFields(sourceId, inputs): FieldProblem[]
 *   parseRegistryRows(rows: Record<string,string>[]): { records: RegistryRecord[]; problems }
 *   rowsFromTable(rows: string[][]): Record<string,string>[]               // header row first
 *   allSourceIds(), registrySourceIds(), catalogueSource(id), SOURCE_CATALOGUE, DEFAULT_RULE_SET
 *   VerificationError { code: FaultCode; message; problems: {field,label,message}[]; details }
 *
 * Decisions (details in the files named):
 *   - AU vs NZ (person.ts): the person's currentResidentialAddress.country (AU/AUS/Australia,
 *     NZ/NZL/New Zealand), else account.country, else AU. It picks the background stub table and the
 *     sources offered (watchlists and registry sources serve both).
 *   - Stub mode on: catalogue sources run as seed 002 stubs; off: they are not run (not offered).
 *     Registry sources run in both modes.
 *   - Lockout (rules.ts): ruleSet.lockoutAfterFailedAttempts (or account.lockoutAfterFailedAttempts when
 *     a number) counts failed interactive attempts over the whole verification → LOCKED_OUT;
 *     ruleSet.sourceLockoutAfterFailedAttempts locks a single source. null = none (the default).
 *   - Watchlists (rules.ts): reported in watchlistsFoundOn; they never change the overall status.
 *   - Credit header (background.ts, credit-header.ts): runs only with extraData
 *     `dnb-credit-header-consent-given` = `true`; refused consent or a failed match puts seed 001's
 *     failure notice in formsOutcome.creditHeaderNotice.
 */
export * from './types.ts';
export { VerificationError, FAULT_CODES, type FaultCode } from './errors.ts';
export {
  SOURCE_CATALOGUE,
  allSourceIds,
  catalogueSource,
  inputName,
  isRegistrySource,
  registrySourceIds,
  validateFields,
  type FieldDefinition,
  type SourceDefinition,
} from './catalogue/index.ts';
export { VALIDATION_RULES, AU_STATES } from './validation-rules.ts';
export {
  BACKGROUND_STUB_TABLES,
  INTERACTIVE_STUB_TABLES,
  AU_BACKGROUND_STUBS,
  NZ_BACKGROUND_STUBS,
  AU_INTERACTIVE_STUBS,
  NZ_INTERACTIVE_STUBS,
} from './stubs/index.ts';
export {
  DEFAULT_RULE_SET,
  CHANGE_FIELDS,
  decide,
  requirementsMet,
  type RuleSet,
  type Requirement,
  type AcceptedChange,
  type ChangeField,
} from './rules.ts';
export {
  bestRegistryMatch,
  matchRecord,
  subjectFromPerson,
  type RegistryRecord,
  type RegistryRecords,
  type RegistryMatch,
} from './registry.ts';
export {
  parseRegistryRow,
  parseRegistryRows,
  registryHeaderProblems,
  rowsFromTable,
  type RegistryRowProblem,
} from './registry-csv.ts';
export { normaliseName, normaliseAddressText, parseDate, isoFromDob } from './normalise.ts';
export { CONSENT_KEY } from './background.ts';
export { CREDIT_HEADER_CONSENT_TEXT, CREDIT_HEADER_FAILURE_NOTICE, fillNotice } from './credit-header.ts';
export { VERIFIED_OVERALL } from './state.ts';
export { personCountry } from './person.ts';
export type { AccountSettings, VerificationState, SourceProgress, AdminVerification } from './state.ts';
export { runnable } from './state.ts';
export {
  registerVerification,
  sourceList,
  sourceFields,
  setFields,
  adminOverride,
  verificationResult,
  recordCombination,
  reviseCombination,
  assertSourceOpen,
  type RegisterInput,
  type SetFieldsOutcome,
  type AdminOverrideInput,
  type AssistedBy,
} from './engine.ts';
export {
  IN_PERSON_CHECK,
  INSPECTED_DOCUMENT_TYPES,
  RECORDED_OUTCOMES,
  recordExternalCheck,
  recordInPersonCheck,
  type ExternalCheck,
  type InPersonCheck,
  type RecordedOutcome,
} from './recorded-checks.ts';
export * from './names.ts';
export { formsOutcome, formsOutputs, type FormsOutcome, type FormsRequest, type FormsOutputs } from './forms.ts';
export {
  SOURCE_GROUPS,
  PERSONAL_FIELDS,
  ADDRESS_FIELDS,
  PREVIOUS_ADDRESS_FIELDS,
  ALL_FORMS_FIELDS,
  DOCUMENT_DETAIL_FIELDS,
  groupConditions,
  groupOfSource,
  type FormsCondition,
  type FormsField,
  type FormsSourceGroup,
} from './forms-fields.ts';
export { FORMS_TEXT_MI, fieldInMaori, groupInMaori } from './forms-text-mi.ts';
export {
  DOCUMENT_DETAILS,
  changeableDetails,
  documentChanges,
  refusedChanges,
  type DocumentDetail,
} from './forms-changes.ts';
export {
  readFormsCall,
  identityOf,
  identityFormatProblems,
  changedIdentity,
  medicareExpiryYears,
  IDENTITY_INPUTS,
  MEDICARE_MAX_YEARS_AHEAD,
  type FormsCall,
  type FormsCallOptions,
  type FormsValues,
} from './forms-request.ts';
export {
  MANUAL_DOCUMENT_TYPES,
  MANUAL_REVIEW_DECISIONS,
  MANUAL_REVIEW_REASONS,
  MANUAL_REVIEW_STATES,
  MAX_MANUAL_DOCUMENTS,
  MAX_MANUAL_DOCUMENT_BYTES,
  MAX_REVIEW_COMMENT,
  decideManualReview,
  manualReviewRefusal,
  type ManualDecisionInput,
  type ManualReviewDecision,
  type ManualReviewReason,
  type ManualReviewState,
} from './manual-review.ts';
