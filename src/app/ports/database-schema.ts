// The tables as the use-case stores read and write them. A column that holds a domain value is typed with the
// domain's type: the store that writes it writes that type, so a read needs no cast.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type {
  DocumentKind,
  EscalationDecision,
  EscalationStatus,
  EscalationTemplate,
  EvidenceLink,
  IdentityTaskKind,
  LinkRelationship,
  LinkStatus,
  PartyRelationship,
  Stage,
  TaskCriterion,
  TaskEvent,
  TaskOutcome,
  TaskState,
  VisaCancellationFields,
} from '../../domain/casework/index.ts';
import type { DocumentData } from '../../domain/documents/combination.ts';
import type { FaceComparisonSetting } from '../../domain/documents/face-comparison-setting.ts';
import type {
  CaptureStatus,
  CaptureView,
  CaseworkDocumentCheck,
  ReviewRecord,
} from '../../domain/documents/document-check.ts';
import type { AttemptOutcome, TrustedSource } from '../../domain/liveness/decision.ts';
import type { AttemptState, Challenge, PassFail } from '../../domain/liveness/types.ts';
import type { ImmigrationRecord } from '../../domain/records/model.ts';
import type { RegistryRecord } from '../../domain/verification/registry.ts';
import type { FormsOutputs } from '../../domain/verification/forms.ts';
import type {
  ManualReviewReason,
  ManualReviewState,
  RuleSet,
  VerificationState,
} from '../../domain/verification/index.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A column the database fills when an insert leaves it out. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface AccountsTable {
  account_id: string;
  password_hash: string;
  stub_mode: Defaulted<boolean>;
  enabled_sources: JSONColumnType<string[], string, string>;
  country: Defaulted<string>;
  lockout_attempts: Defaulted<number | null>;
  webhook_url: Defaulted<string | null>;
  webhook_secret: Defaulted<string | null>;
  face_comparison: Defaulted<FaceComparisonSetting>;
  created_at: CreatedAt;
}

export interface RuleSetsTable {
  account_id: string;
  rule_id: string;
  version: number;
  definition: JSONColumnType<RuleSet, string, string>;
  created_at: CreatedAt;
}

export interface VerificationsTable {
  account_id: string;
  verification_id: string;
  rule_id: string;
  rule_set_version: number;
  overall_status: string;
  state: JSONColumnType<VerificationState, string, string>;
  revision: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface VerificationTokensTable {
  token_hash: string;
  account_id: string;
  verification_id: string;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  expired: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
}

export interface RegistryRecordsTable {
  id: Generated<number>;
  account_id: string;
  source_id: string;
  dob: string | null;
  surname_key: string | null;
  record: JSONColumnType<RegistryRecord, string, string>;
  loaded_at: CreatedAt;
  import_id: string | null;
}

export interface RegistryImportsTable {
  import_id: string;
  account_id: string;
  source_id: string;
  state: 'loading' | 'loaded' | 'failed';
  rows: Generated<number>;
  started_at: CreatedAt;
  progress_at: Defaulted<Date>;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  account_id: string;
  verification_id: string;
  event: string;
  delivery_key: string;
  attempts: ColumnType<number, number | undefined, number>;
  last_status: number | null;
  delivered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: CreatedAt;
  /** The event sent (ids and statuses, no personal data); null on deliveries recorded before 014. */
  payload: ColumnType<object | null, string | null | undefined, string | null>;
  /** Why the last attempt failed, in words (never the answer's body). */
  last_error: ColumnType<string | null, string | null | undefined, string | null>;
  last_attempt_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Automatic attempts still to come; 0 once delivered or given up. */
  attempts_left: ColumnType<number, number | undefined, number>;
}

// ---- Citizenship casework (002-casework) -------------------------------------------------------------
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T extends object | null> = JSONColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

export interface OfficersTable {
  officer_id: string;
  email: string;
  full_name: string;
  roles: Json<string[]>;
  password_hash: string;
  active: Defaulted<boolean>;
  created_at: CreatedAt;
}

export interface OfficerSessionsTable {
  token_hash: string;
  officer_id: string;
  expires_at: Timestamp;
  created_at: CreatedAt;
}

export interface OfficerApiTokensTable {
  token_hash: string;
  officer_id: string;
  name: string;
  revoked_at: NullableTimestamp;
  created_at: CreatedAt;
  /** The officer who issued it (null for tokens issued before migration 010). */
  issued_by: ColumnType<string | null, string | null | undefined, never>;
}

export interface ApplicationsTable {
  application_id: string;
  reference: string;
  application_type: string;
  stage: Stage;
  closure: Defaulted<string | null>;
  paid: Defaulted<boolean>;
  submitted_on: Defaulted<string | null>;
  country_allows_dual_citizenship: Defaulted<boolean>;
  ams_image_usable: Defaulted<boolean | null>;
  records_status: Defaulted<string>;
  records: NullableJson<object>;
  records_fetched_at: NullableTimestamp;
  ceremony_person_id: Defaulted<string | null>;
  ceremony_date: Defaulted<string | null>;
  oath_taken: Defaulted<boolean | null>;
  ceremony_closed_on: Defaulted<string | null>;
  owner_id: Defaulted<string | null>;
  owned_since: Defaulted<Date | null>;
  created_by: string;
  revision: Defaulted<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CaseworkPeopleTable {
  person_id: string;
  application_id: string;
  relationship: PartyRelationship;
  given_names: string;
  family_name: string;
  date_of_birth: string;
  gender: Defaulted<string | null>;
  country_of_birth: Defaulted<string | null>;
  email: Defaulted<string | null>;
  citizenship_person_number: Defaulted<string | null>;
  applied_at_same_time: Defaulted<boolean | null>;
  own_application_ref: Defaulted<string | null>;
  created_at: CreatedAt;
  erased_at: Defaulted<Date | null>;
}

export interface CaseworkDocumentsTable {
  document_id: string;
  application_id: string;
  person_id: string | null;
  kind: DocumentKind;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string;
  uploaded_at: CreatedAt;
  document_type: Defaulted<string | null>;
  provided_as: Defaulted<string | null>;
}

export interface ImmigrationPhotosTable {
  ref: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  loaded_at: CreatedAt;
}

export interface IdentityTasksTable {
  task_id: string;
  application_id: string;
  person_id: string;
  kind: IdentityTaskKind;
  state: TaskState;
  outcome: TaskOutcome | null;
  criteria: Json<TaskCriterion[]>;
  comments: string;
  supporting_evidence: Json<EvidenceLink[]>;
  liveness_assessment: NullableJson<object>;
  prepared_by: string | null;
  validated_by: string | null;
  history: Json<TaskEvent[]>;
  owner_id: Defaulted<string | null>;
  /** The validating officer who picked the prepared task up to validate it. */
  validator_id: Defaulted<string | null>;
  revision: Defaulted<number>;
  /** BR-16: who opened the named recording since the task was last prepared, and when (ISO). */
  recording_opened_by: ColumnType<{ officerId: string; at: string }[], string | undefined, string>;
  updated_at: UpdatedAt;
}

export interface LivenessLinksTable {
  link_id: string;
  application_id: string;
  person_id: string;
  relationship: LinkRelationship;
  email: string;
  state: LinkStatus;
  token_hash: string | null;
  created_by: string;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
  expires_at: NullableTimestamp;
  completed_at: NullableTimestamp;
  expired_at: NullableTimestamp;
  superseded_by: string | null;
  copied_from: Defaulted<string | null>;
}

export interface EscalationsTable {
  escalation_id: string;
  application_id: string;
  person_id: string;
  task_id: string | null;
  template: Json<EscalationTemplate>;
  raised_by: string;
  raised_on: string;
  review_on: string;
  status: EscalationStatus;
  decision: NullableJson<EscalationDecision>;
}

export interface InzNotificationsTable {
  idempotency_key: string;
  application_id: string;
  person_id: string;
  payload: Json<object>;
  due_on: string;
  status: Defaulted<string>;
  claim_id: Defaulted<string | null>;
  claimed_until: NullableTimestamp;
  attempts: Defaulted<number>;
  last_status: Defaulted<number | null>;
  sent_at: NullableTimestamp;
  created_at: CreatedAt;
}

export interface VisaCancellationEmailsTable {
  application_id: string;
  person_id: string;
  email: string | null;
  fields: Json<VisaCancellationFields>;
  status: Defaulted<string>;
  claim_id: Defaulted<string | null>;
  claimed_until: NullableTimestamp;
  attempts: Defaulted<number>;
  sent_at: NullableTimestamp;
  created_at: CreatedAt;
}

export interface AccountSessionsTable {
  token_hash: string;
  account_id: string;
  password_fingerprint: string;
  created_at: Date;
  expires_at: Date;
}

export interface SignInFailuresTable {
  key: string;
  failed_at: Date;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: ColumnType<Date, Date | string, never>;
  actor: string;
  application_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
  /** The officer whose API token the actor used, when that is someone else. */
  acting_through: ColumnType<string | null, string | null | undefined, never>;
}

// ---- Immigration records (003-records) ---------------------------------------------------------------
export interface ImmigrationIdentitiesTable {
  identity_id: string;
  client_id: string;
  family_key: string;
  given_key: string;
  date_of_birth: string;
  record: JSONColumnType<ImmigrationRecord, string, string>;
  loaded_at: CreatedAt;
}

export interface ImmigrationIdentityNamesTable {
  identity_id: string;
  family_key: string;
  given_key: string;
  other_name: boolean;
}

// ---- Liveness sessions (004-liveness) ----------------------------------------------------------------
export interface LivenessSessionsTable {
  session_id: string;
  application_id: string | null;
  person_id: string | null;
  link_id: string | null;
  subject_reference: string | null;
  client_token_hash: string | null;
  status: string;
  created_by: string;
  created_at: Timestamp;
  completed_at: NullableTimestamp;
}

export interface LivenessTrustedSourcesTable {
  session_id: string;
  source: TrustedSource;
  document_id: string | null;
  content_type: string;
  sha256: string;
  content: Uint8Array;
}

export interface LivenessAttemptsTable {
  attempt_id: string;
  session_id: string;
  attempt_number: number;
  challenges: Json<Challenge[]>;
  state: AttemptState;
  started_at: Timestamp;
  analysing_since: NullableTimestamp;
  decided_at: NullableTimestamp;
  result: PassFail | null;
  liveness: PassFail | null;
  face_match: string | null;
  reasons: NullableJson<string[]>;
  outcome: NullableJson<AttemptOutcome>;
  frames: NullableJson<object[]>;
  tracks: NullableJson<object[]>;
  timing: NullableJson<object>;
}

export interface LivenessFramesTable {
  attempt_id: string;
  challenge: string;
  frame_index: number;
  t_ms: number;
  content_type: string;
  content: Uint8Array;
}

export interface DocumentCapturesTable {
  capture_id: string;
  account_id: string;
  verification_id: string;
  status: CaptureStatus;
  reading: Json<CaptureView>;
  confirmed: NullableJson<DocumentData>;
  created_at: Timestamp;
  confirmed_at: NullableTimestamp;
  /** the photo of the document, kept for an administrator's review (023) */
  image: Defaulted<Uint8Array | null>;
  image_type: Defaulted<string | null>;
  reviews: ColumnType<ReviewRecord[], string | undefined, string>;
}

export interface CaseworkDocumentChecksTable {
  document_id: string;
  application_id: string;
  result: Json<CaseworkDocumentCheck>;
  face_probe: string | null;
  checked_by: string;
  checked_at: Timestamp;
}

/** The tables pono keeps, as Kysely sees them. */
// ---- Forms integration (021-forms) ----------------------------------------------------------------------
export interface FormSessionsTable {
  account_id: string;
  tracking_code: string;
  role_key: string;
  verification_id: string;
  identity: JSONColumnType<Record<string, string>, string, string>;
  /** What the form read last (the outputs of seed 001's service, as stored; older rows may lack members). */
  last_outputs: JSONColumnType<Partial<FormsOutputs> | null, string | null, string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface FormSettingsTable {
  account_id: string;
  customer_name: string | null;
  allowed_origins: JSONColumnType<string[], string, string>;
  updated_at: UpdatedAt;
}

export interface FormAuditTable {
  id: Generated<number>;
  account_id: string;
  tracking_code: string;
  role_key: string;
  action: string;
  result: string;
  detail: ColumnType<unknown, string | null, never>;
  at: CreatedAt;
}

export interface FormManualReviewsTable {
  account_id: string;
  review_id: string;
  tracking_code: string;
  role_key: string;
  verification_id: string;
  reason: ManualReviewReason;
  state: ManualReviewState;
  submitted_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  comment: string | null;
}

export interface FormManualDocumentsTable {
  account_id: string;
  review_id: string;
  document_no: number;
  document_type: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  content: Buffer;
}

export interface FormBrowserTokensTable {
  token_hash: string;
  account_id: string;
  tracking_code: string;
  expires_at: Date;
  created_at: CreatedAt;
}

export interface DB {
  document_captures: DocumentCapturesTable;
  casework_document_checks: CaseworkDocumentChecksTable;
  accounts: AccountsTable;
  rule_sets: RuleSetsTable;
  verifications: VerificationsTable;
  verification_tokens: VerificationTokensTable;
  registry_records: RegistryRecordsTable;
  registry_imports: RegistryImportsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  officers: OfficersTable;
  officer_sessions: OfficerSessionsTable;
  officer_api_tokens: OfficerApiTokensTable;
  applications: ApplicationsTable;
  casework_people: CaseworkPeopleTable;
  casework_documents: CaseworkDocumentsTable;
  identity_tasks: IdentityTasksTable;
  immigration_photos: ImmigrationPhotosTable;
  liveness_links: LivenessLinksTable;
  escalations: EscalationsTable;
  inz_notifications: InzNotificationsTable;
  visa_cancellation_emails: VisaCancellationEmailsTable;
  audit_events: AuditEventsTable;
  sign_in_failures: SignInFailuresTable;
  account_sessions: AccountSessionsTable;
  immigration_identities: ImmigrationIdentitiesTable;
  immigration_identity_names: ImmigrationIdentityNamesTable;
  liveness_sessions: LivenessSessionsTable;
  liveness_trusted_sources: LivenessTrustedSourcesTable;
  liveness_attempts: LivenessAttemptsTable;
  liveness_frames: LivenessFramesTable;
  form_sessions: FormSessionsTable;
  form_settings: FormSettingsTable;
  form_audit: FormAuditTable;
  form_browser_tokens: FormBrowserTokensTable;
  form_manual_reviews: FormManualReviewsTable;
  form_manual_documents: FormManualDocumentsTable;
}
