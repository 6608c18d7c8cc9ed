// TypeBox schemas of the casework REST API (they validate requests and become the OpenAPI document).
import { Type, type TLiteral, type TSchema } from '@sinclair/typebox';
import {
  APPLICATION_TYPES,
  ESCALATION_OUTCOMES,
  IDENTITY_TASKS,
  OFFICER_ROLES,
  PARTY_RELATIONSHIPS,
  PROOFING_OPTIONS,
  STAGE_ACTIONS,
  TASK_CRITERIA,
  TASK_OUTCOMES,
  LIVENESS_ASSESSMENT_RESULTS,
  LIVENESS_CHALLENGES,
  DOCUMENT_TYPES,
  PROVIDED_AS,
} from '../../../../domain/casework/index.ts';

/** One of the given strings, typed as their union. */
function literals<const T extends readonly string[]>(values: T) {
  return Type.Union(values.map((v): TLiteral<T[number]> => Type.Literal(v)));
}
/** A response string documented with its allowed values (responses are typed as string). */
function oneOf(values: readonly string[]) {
  return Type.String({ enum: [...values] });
}
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const IsoDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD (NZ date)' });
export const Email = Type.String({ pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', maxLength: 254 });
const Id = Type.String({ minLength: 1, maxLength: 64 });

export { ErrorSchema as ErrorBody, failures } from '../../schemas/errors.ts';

export const RefParams = Type.Object({ ref: Type.String({ pattern: '^[0-9A-Z]{6}$' }) });
export const TaskParams = Type.Object({ taskId: Id });
export const LinkParams = Type.Object({ linkId: Id });
export const EscalationParams = Type.Object({ escalationId: Id });
export const OfficerParams = Type.Object({ officerId: Id });
export const PersonParams = Type.Object({ ref: RefParams.properties.ref, personId: Id });
export const DocumentParams = Type.Object({ ref: RefParams.properties.ref, documentId: Id });

// ---- Officers and sessions -------------------------------------------------------------------------------
export const OfficerSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  fullName: Type.String(),
  roles: Type.Array(oneOf(OFFICER_ROLES)),
  active: Type.Boolean(),
});
export const SignInBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 1024 }) },
  { additionalProperties: false },
);
export const NewOfficerBody = Type.Object(
  {
    email: Email,
    fullName: Type.String({ minLength: 1, maxLength: 200 }),
    roles: Type.Array(literals(OFFICER_ROLES), { minItems: 1 }),
    password: Type.String({ minLength: 12, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export const OfficerChangeBody = Type.Object(
  {
    fullName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    roles: Type.Optional(Type.Array(literals(OFFICER_ROLES), { minItems: 1 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const NewTokenBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);

// ---- Applications and people -----------------------------------------------------------------------------
export const NewApplicationBody = Type.Object(
  {
    applicationType: literals(APPLICATION_TYPES),
    countryAllowsDualCitizenship: Type.Optional(Type.Boolean()),
    amsImageUsable: Type.Optional(Nullable(Type.Boolean())),
  },
  { additionalProperties: false },
);
export const NewPersonBody = Type.Object(
  {
    relationship: literals(PARTY_RELATIONSHIPS),
    givenNames: Type.String({ maxLength: 200 }),
    familyName: Type.String({ maxLength: 200 }),
    dateOfBirth: IsoDate,
    gender: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    countryOfBirth: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    email: Type.Optional(Nullable(Email)),
    citizenshipPersonNumber: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
    appliedAtSameTime: Type.Optional(
      Nullable(Type.Boolean({ description: 'consenting parent: applied at the same time as the child' })),
    ),
    ownApplicationRef: Type.Optional(
      Nullable(
        Type.String({ pattern: '^[0-9A-Z]{6}$', description: "consenting parent: the parent's own application" }),
      ),
    ),
  },
  { additionalProperties: false },
);
const AgeBracket = oneOf(['child', 'youth', 'adult']);
export const PersonSchema = Type.Object({
  id: Type.String(),
  relationship: oneOf(PARTY_RELATIONSHIPS),
  givenNames: Type.String(),
  familyName: Type.String(),
  fullName: Type.String(),
  dateOfBirth: Type.String(),
  gender: Nullable(Type.String()),
  countryOfBirth: Nullable(Type.String()),
  email: Nullable(Type.String()),
  citizenshipPersonNumber: Nullable(Type.String()),
  appliedAtSameTime: Nullable(Type.Boolean()),
  ownApplicationRef: Nullable(Type.String()),
  ageAtSubmission: Nullable(Type.Integer()),
  bracketAtSubmission: Nullable(AgeBracket),
  bracketToday: AgeBracket,
});
export const NotificationSchema = Type.Object({
  idempotencyKey: Type.String(),
  status: Type.String(),
  dueOn: Type.String(),
  attempts: Type.Integer(),
  lastStatus: Nullable(Type.Integer()),
  sentAt: Nullable(Type.String()),
});
const applicationProperties = {
  id: Type.String(),
  reference: Type.String(),
  applicationType: Type.String(),
  stage: Type.String(),
  stageLabel: Type.String(),
  closure: Nullable(Type.String()),
  paid: Type.Boolean(),
  submittedOn: Nullable(Type.String()),
  identityStandard: Nullable(oneOf(['liveness', 'pre-liveness'])),
  route: Nullable(Type.String()),
  countryAllowsDualCitizenship: Type.Boolean(),
  amsImageUsable: Nullable(Type.Boolean()),
  recordsStatus: Type.String(),
  records: Type.Unknown({
    description:
      'INZ results: the summary row (inzName, identityMatch, presence, alerts, dateTime — the paid submission, or the re-trigger when an officer re-triggered — and retriggeredAt), tabs, exceptions, applicationDate, fetchedAt',
  }),
  noRecords: Nullable(
    Type.Object(
      { code: Type.String(), message: Type.String() },
      {
        description:
          'why there are no INZ results and will be none (submitted before 3 December 2020, when the records link began)',
      },
    ),
  ),
  ceremony: Type.Object({
    personId: Nullable(Type.String()),
    date: Nullable(Type.String()),
    oathTaken: Nullable(Type.Boolean()),
    closedOn: Nullable(Type.String()),
  }),
  people: Type.Array(PersonSchema),
  owner: Nullable(
    Type.Object(
      { id: Type.String(), fullName: Type.String(), email: Nullable(Type.String()) },
      { description: 'the officer who picked the application up' },
    ),
  ),
  createdAt: Type.String(),
};
export const ApplicationSchema = Type.Object(applicationProperties);
export const ClosedApplicationSchema = Type.Object({ ...applicationProperties, notification: NotificationSchema });
export const SubmitBody = Type.Object(
  { paid: Type.Boolean(), submittedOn: Type.Optional(IsoDate) },
  { additionalProperties: false },
);
export const StageBody = Type.Object(
  { action: literals(STAGE_ACTIONS), reason: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export const AmsImageBody = Type.Object({ usable: Type.Boolean() }, { additionalProperties: false });
export const DocumentSchema = Type.Object({
  id: Type.String(),
  personId: Nullable(Type.String()),
  kind: Type.String(),
  documentType: Type.String({
    description: 'the "Document type" column, e.g. Photo of applicant, Passport, INZ photo of applicant',
    enum: [...DOCUMENT_TYPES],
  }),
  providedAs: Type.String({
    description: 'the "Provided as" column, e.g. Identity, Travel document',
    enum: [...PROVIDED_AS],
  }),
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  uploadedBy: Type.String(),
  uploadedAt: Type.String(),
});

// ---- Tasks --------------------------------------------------------------------------------------------
const EvidenceLinkSchema = Type.Object(
  {
    kind: literals(['document', 'liveness-check']),
    ref: Type.String({ minLength: 1, maxLength: 500 }),
    name: Type.String({ maxLength: 200 }),
    documentType: Type.Optional(Type.String({ maxLength: 100 })),
    providedAs: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
const LivenessAssessmentBody = Type.Object(
  {
    result: literals(LIVENESS_ASSESSMENT_RESULTS),
    linkId: Id,
    recordings: Type.Array(literals(LIVENESS_CHALLENGES), { minItems: 1, maxItems: LIVENESS_CHALLENGES.length }),
  },
  {
    additionalProperties: false,
    description:
      "the officer's assessment of the liveness check: satisfactory or not, naming the check and the challenge recordings watched",
  },
);
export const TaskSchema = Type.Object({
  id: Type.String(),
  applicationId: Type.String(),
  personId: Type.String(),
  kind: oneOf(IDENTITY_TASKS),
  state: Type.String(),
  outcome: Nullable(Type.String()),
  criteria: Type.Array(Type.String()),
  comments: Type.String(),
  supportingEvidence: Type.Array(
    Type.Object({
      kind: oneOf(['document', 'liveness-check']),
      ref: Type.String(),
      name: Type.String(),
      documentType: Type.Optional(Type.String()),
      providedAs: Type.Optional(Type.String()),
    }),
  ),
  livenessAssessment: Nullable(
    Type.Object({
      result: oneOf(LIVENESS_ASSESSMENT_RESULTS),
      linkId: Type.String(),
      recordings: Type.Array(oneOf(LIVENESS_CHALLENGES)),
    }),
  ),
  preparedBy: Nullable(Type.String()),
  validatedBy: Nullable(Type.String()),
  history: Type.Array(
    Type.Object({
      action: Type.String(),
      by: Type.String(),
      byName: Type.String({ description: "the officer's name ('system' / 'applicant' as they are)" }),
      byEmail: Nullable(Type.String()),
      through: Type.Optional(Type.String({ description: 'the officer whose API token `by` acted through' })),
      throughName: Type.Optional(Type.String()),
      throughEmail: Type.Optional(Nullable(Type.String())),
      on: Type.String(),
      from: Type.String(),
      to: Type.String(),
      note: Type.Optional(Type.String()),
    }),
  ),
  revision: Type.Integer(),
  updatedAt: Type.String(),
  ownerId: Nullable(Type.String()),
  preparedByName: Nullable(Type.String()),
  preparedByEmail: Nullable(Type.String()),
  validatedByName: Nullable(Type.String()),
  validatedByEmail: Nullable(Type.String()),
  ownerName: Nullable(Type.String()),
  ownerEmail: Nullable(Type.String()),
  validatorId: Nullable(
    Type.String({ description: 'the validating officer who picked the prepared task up to validate it' }),
  ),
  validatorName: Nullable(Type.String()),
  validatorEmail: Nullable(Type.String()),
  recordingOpenedBy: Type.Array(
    Type.Object({ officerId: Type.String(), officerName: Type.String(), at: Type.String() }),
    { description: 'who opened the recording the preparer named, since the task was last prepared, and when' },
  ),
  validatedWithoutOpeningRecording: Nullable(
    Type.Boolean({
      description:
        'true when the task was validated without its validating officer opening the recording the preparer named; null when no recording is named or the task is not validated',
    }),
  ),
});
export const OpenedRecordingSchema = Type.Object({
  taskId: Type.String(),
  linkId: Type.String({ description: 'the liveness check the preparer assessed' }),
  sessionId: Type.String({ description: "the check's evidence: GET /liveness/sessions/{sessionId}" }),
  recordings: Type.Array(Type.String(), { description: 'the challenge recordings the preparer watched' }),
  openedAt: Type.String(),
});
export const PrepareBody = Type.Object(
  {
    outcome: literals(TASK_OUTCOMES),
    criteria: Type.Array(literals(TASK_CRITERIA), { minItems: 1, maxItems: TASK_CRITERIA.length }),
    comments: Type.String({ minLength: 1, maxLength: 4000 }),
    supportingEvidence: Type.Optional(Type.Array(EvidenceLinkSchema, { maxItems: 50 })),
    livenessAssessment: Type.Optional(LivenessAssessmentBody),
  },
  { additionalProperties: false },
);
export const ValidateBody = Type.Object(
  { comments: Type.Optional(Type.String({ maxLength: 4000 })) },
  { additionalProperties: false },
);
export const ReasonBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);

// ---- Liveness ------------------------------------------------------------------------------------------
export const NewLinkBody = Type.Object(
  { personId: Id, relationship: literals(['Adult', 'Consenting Parties']), email: Type.Optional(Email) },
  { additionalProperties: false },
);
export const ResendBody = Type.Object({ email: Type.Optional(Email) }, { additionalProperties: false });
export const LinkSchema = Type.Object({
  id: Type.String(),
  applicationId: Type.String(),
  personId: Type.String(),
  relationship: Type.String(),
  email: Type.String(),
  status: Nullable(oneOf(['Active', 'Completed', 'Expired'])),
  createdAt: Type.String(),
  sentAt: Nullable(Type.String()),
  expiresAt: Nullable(Type.String()),
  completedAt: Nullable(Type.String()),
  supersededBy: Nullable(Type.String()),
  copiedFrom: Nullable(
    Type.String({
      description:
        "The consenting parent's check this one was copied from (the parent applied at the same time); its evidence is shared by reference",
    }),
  ),
  sessionId: Nullable(
    Type.String({
      description:
        'the liveness check the person opened from the link; its evidence is under /liveness/sessions/{sessionId}',
    }),
  ),
  results: Nullable(
    Type.Object(
      {
        attemptsUsed: Type.Integer(),
        decidedAt: Type.String(),
        blink: Nullable(oneOf(['PASS', 'FAIL'])),
        nod: Nullable(oneOf(['PASS', 'FAIL'])),
        shake: Nullable(oneOf(['PASS', 'FAIL'])),
        photo: Nullable(
          Type.String({
            description: 'the face comparison with the trusted source face: MATCH, NO MATCH, ERROR or NOT_AVAILABLE',
          }),
        ),
      },
      {
        description:
          "the engine's results of the newest decided attempt set (advice: the officer records the decision on the task)",
      },
    ),
  ),
});
export const LivenessPlanSchema = Type.Object({
  subjectPersonId: Type.String(),
  processingOn: Type.String(),
  policy: Type.Object({ childTurns14Policy: Type.String() }),
  responsibility: Type.Object({
    required: Type.Boolean(),
    giver: Type.String(),
    action: Type.String(),
    linkRelationship: Nullable(Type.String()),
    revertToStage: Nullable(Type.String()),
    noLivenessReason: Nullable(Type.String()),
    bracketAtSubmission: Type.String(),
    bracketOnProcessing: Type.String(),
    rule: Type.String(),
  }),
  secondaryConsentRequired: Type.Boolean(),
  parties: Type.Array(
    Type.Object({
      personId: Type.String(),
      relationship: Type.String(),
      evidence: Type.Object({
        liveness: Type.String(),
        documents: Type.Array(Type.String()),
        bindSignaturesAcross: Type.Array(Type.String()),
        rule: Type.String(),
      }),
    }),
  ),
});
const EvidenceSchema = Type.Object(
  {
    amsPhoto: Type.Boolean(),
    overseasPassportImage: Type.Boolean(),
    applicationPhoto: Type.Boolean(),
    livenessTest: Type.Boolean(),
  },
  { additionalProperties: false },
);
export const ProofingBody = Type.Object(
  {
    overseasPassportImage: Type.Optional(Type.Boolean()),
    applicationPhoto: Type.Optional(Type.Boolean()),
    optionsExhausted: Type.Optional(Type.Boolean()),
    livenessDeclined: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const ProofingDecisionSchema = Type.Object({
  personId: Type.String(),
  evidence: EvidenceSchema,
  step: Type.Object({
    step: oneOf(['achieved', 'offer-options', 'escalate']),
    standard: Type.String(),
    column: Nullable(Type.Integer()),
    options: Type.Optional(Type.Array(Type.String())),
    reason: Type.Optional(Type.String()),
  }),
});

// ---- Escalations ---------------------------------------------------------------------------------------
export const RaiseBody = Type.Object(
  {
    applicationRef: RefParams.properties.ref,
    personId: Id,
    task: literals(IDENTITY_TASKS),
    gridColumn: Nullable(Type.Integer({ minimum: 1, maximum: 10 })),
    evidence: EvidenceSchema,
    optionsTried: Type.Array(literals(PROOFING_OPTIONS), { maxItems: PROOFING_OPTIONS.length }),
    caseSummary: Type.String({ minLength: 1, maxLength: 8000 }),
    recommendation: Type.String({ minLength: 1, maxLength: 4000 }),
  },
  { additionalProperties: false },
);
export const DecisionBody = Type.Object(
  { outcome: literals(ESCALATION_OUTCOMES), rationale: Type.String({ minLength: 1, maxLength: 8000 }) },
  { additionalProperties: false },
);
export const EscalationQuery = Type.Object({ meetingOn: Type.Optional(IsoDate) }, { additionalProperties: false });
export const EscalationSchema = Type.Object({
  id: Type.String(),
  applicationRef: Type.String(),
  taskId: Nullable(Type.String()),
  template: Type.Object({
    applicationRef: Type.String(),
    personId: Type.String(),
    personName: Type.String(),
    task: Type.String(),
    gridColumn: Nullable(Type.Integer()),
    evidence: EvidenceSchema,
    optionsTried: Type.Array(Type.String()),
    caseSummary: Type.String(),
    recommendation: Type.String(),
  }),
  raisedBy: Type.String(),
  raisedByName: Type.String(),
  raisedByEmail: Nullable(Type.String()),
  decidedByName: Nullable(Type.String()),
  decidedByEmail: Nullable(Type.String()),
  raisedOn: Type.String(),
  reviewOn: Type.String(),
  status: Type.String(),
  decision: Nullable(
    Type.Object({
      outcome: Type.String(),
      rationale: Type.String(),
      decidedBy: Type.String(),
      decidedOn: Type.String(),
    }),
  ),
});

// ---- Work lists (keyset pages) and pick-up ----------------------------------------------------------------
const Cursor = Type.String({ maxLength: 500, description: 'nextCursor of the previous page' });
const Limit = Type.String({ pattern: '^(100|[1-9][0-9]?)$', description: 'rows per page, 1–100 (default 25)' });
const pageOf = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });
export const ApplicationPageQuery = Type.Object(
  {
    stage: Type.Optional(Type.String({ maxLength: 40 })),
    owner: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description:
          "'me' (what I have picked up), 'unassigned' (waiting to be picked up), or an officer's id (that officer's work; team leader)",
      }),
    ),
    q: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'an application reference, or a name (each word starts a given or family name)',
      }),
    ),
    dateOfBirth: Type.Optional(IsoDate),
    sort: Type.Optional(literals(['newest', 'oldest', 'reference', 'reference-desc'])),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Limit),
  },
  { additionalProperties: false },
);
export const ApplicationRowSchema = Type.Object({
  reference: Type.String(),
  applicationType: Type.String(),
  stage: Type.String(),
  stageLabel: Type.String(),
  submittedOn: Nullable(Type.String()),
  subjectName: Nullable(Type.String()),
  subjectDateOfBirth: Nullable(Type.String()),
  owner: Nullable(Type.Object({ id: Type.String(), fullName: Type.String(), email: Nullable(Type.String()) })),
  createdAt: Type.String(),
});
export const ApplicationPageSchema = pageOf(ApplicationRowSchema);
export const ReassignBody = Type.Object(
  {
    officerId: Nullable(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'the case officer who is given the work; null puts it back in the queue',
      }),
    ),
    reason: Type.String({ minLength: 1, maxLength: 2000, description: 'why the work moves (kept in the audit trail)' }),
  },
  { additionalProperties: false },
);
export const HolderQuery = Type.Object(
  {
    role: Type.Optional(literals(['case-officer', 'validating-officer'])),
  },
  { additionalProperties: false },
);
export const HolderSchema = Type.Object({ id: Type.String(), fullName: Type.String(), email: Nullable(Type.String()) });
export const PickUpBody = Type.Object(
  { stage: Type.Optional(literals(['submitted', 'complete-and-correct', 'application-processing'])) },
  { additionalProperties: false },
);
export const TaskPageQuery = Type.Object(
  {
    queue: literals(['mine', 'validation']),
    officerId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: "whose queue: mine by default, or another officer's (team leader)",
      }),
    ),
    sort: Type.Optional(literals(['oldest', 'newest'])),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Limit),
  },
  { additionalProperties: false },
);
export const TaskPageSchema = pageOf(
  Type.Object({
    ...TaskSchema.properties,
    applicationRef: Type.String(),
    personName: Type.String(),
    stage: Type.String(),
  }),
);
export const EscalationPageQuery = Type.Object(
  {
    applicationRef: Type.Optional(RefParams.properties.ref),
    status: Type.Optional(literals(['queued', 'decided', 'withdrawn'])),
    sort: Type.Optional(literals(['oldest', 'newest'])),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Limit),
  },
  { additionalProperties: false },
);

// ---- Ceremony and audit --------------------------------------------------------------------------------
export const CeremonyBody = Type.Object(
  { personId: Type.Optional(Id), ceremonyDate: IsoDate, oathTaken: Type.Boolean() },
  { additionalProperties: false },
);
export const AuditEventSchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actor: Type.String(),
  actorName: Type.String({ description: "the officer's name ('system' / 'applicant' as they are)" }),
  actorEmail: Nullable(Type.String()),
  actingThrough: Nullable(
    Type.String({ description: 'the officer whose API token the actor used, when that is someone else' }),
  ),
  actingThroughName: Nullable(Type.String()),
  actingThroughEmail: Nullable(Type.String()),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
});

/** The domain's readonly values, as the plain mutable JSON the response schemas describe. */
export type Dto<T> = T extends readonly (infer U)[]
  ? Dto<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Dto<T[K]> }
    : T;
export function dto<T>(value: T): Dto<T> {
  return value as Dto<T>;
}
