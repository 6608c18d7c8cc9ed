// The forms service's messages (seed 001): the input set as flat text fields named as the seed names them,
// and its outputs. Which inputs are required, and their formats, are the domain's (forms-fields.ts): a
// missing or bad one is answered with the input's name.
import { Type, type Static, type TProperties } from '@sinclair/typebox';
import { ALL_FORMS_FIELDS } from '../../../domain/verification/index.ts';

const Inputs: TProperties = Object.fromEntries(
  ALL_FORMS_FIELDS.map((f) => [
    f.input,
    Type.Optional(Type.String({ maxLength: 255, description: `${f.label}${f.format ? ` (${f.format})` : ''}` })),
  ]),
);

const SourceCodes = (description: string) => Type.String({ maxLength: 1000, pattern: '^[A-Za-z0-9, ]*$', description });
export const TrackingCode = Type.String({
  pattern: '^[A-Za-z0-9_-]{1,64}$',
  description: "the form transaction's tracking code",
});
export const RoleKey = Type.String({
  pattern: '^[A-Za-z0-9 _-]{1,64}$',
  description: 'keeps several people of one transaction apart, e.g. Applicant1',
});

const control = {
  roleKey: Type.Optional(RoleKey),
  verifyUserId: Type.Optional(
    Type.String({
      pattern: '^[A-Za-z0-9_-]{1,64}$',
      description: 'the verifyUserId of an earlier answer, to continue that verification',
    }),
  ),
  verifySources: Type.Optional(SourceCodes('comma-separated sources to verify now, e.g. medicaredvs,nswregodvs')),
  backgroundSources: SourceCodes(
    'comma-separated sources run at registration, e.g. dnb,aec (may be empty); a document among them, e.g. nswregodvs, is checked with the inputs of the same call',
  ),
  getFields: Type.Optional(Type.Boolean({ description: "answer the verifySources' fields without verifying" })),
  termsAccepted: Type.Optional(
    Type.Boolean({ description: 'the person accepted the terms and conditions (needed to verify a source)' }),
  ),
  creditHeaderConsent: Type.Optional(
    Type.Boolean({
      description: 'the person accepted the credit-header consent wording (GET /api/v1/forms/consent-wording)',
    }),
  ),
  recordVerificationResponse: Type.Optional(
    Type.Boolean({ description: "include the engine's whole response, to record with the submission" }),
  ),
};

export const FormsVerifyBody = Type.Object(
  { trackingCode: TrackingCode, ...control, ...Inputs },
  { additionalProperties: false },
);
export type FormsVerifyBody = Static<typeof FormsVerifyBody>;
/** The component's call: the transaction is its browser token's. */
export const BrowserVerifyBody = Type.Object({ ...control, ...Inputs }, { additionalProperties: false });
export type BrowserVerifyBody = Static<typeof BrowserVerifyBody>;

export const TamperCheckBody = Type.Object(
  { trackingCode: TrackingCode, roleKey: Type.Optional(RoleKey), ...Inputs },
  { additionalProperties: false },
);
export type TamperCheckBody = Static<typeof TamperCheckBody>;

export const FormsOutputsSchema = Type.Object({
  verifyUserId: Type.String(),
  verifyStatus: Type.Union([Type.Literal('VERIFIED'), Type.Literal('UNVERIFIED'), Type.Literal('FAILED')]),
  availableSources: Type.String({ description: 'comma-separated sources the person may still try' }),
  verifiedSources: Type.String({ description: 'comma-separated sources the person is verified on' }),
  sourceVerifiedFlag: Type.Boolean({ description: 'one of the requested verifySources was verified by this request' }),
  watchlistsFoundOn: Type.String({ description: 'comma-separated: DFAT, PEP, OFAC' }),
  creditHistoryResult: Type.Union([Type.Literal(''), Type.Literal('VERIFIED'), Type.Literal('AUTOFAIL')]),
  executionStatus: Type.Union([Type.Literal('SUCCESS'), Type.Literal('DATA_ERROR'), Type.Literal('SYSTEM_ERROR')]),
  errorMessage: Type.String(),
});

const Field = Type.Object({
  name: Type.String(),
  label: Type.String(),
  type: Type.String(),
  value: Type.String(),
  attribute: Type.Array(Type.Object({ name: Type.String(), value: Type.String() })),
  selectItem: Type.Array(Type.Object({ name: Type.String(), value: Type.String() })),
});

export const FormsVerifyAnswerSchema = Type.Composite([
  FormsOutputsSchema,
  Type.Object({
    restarted: Type.Boolean({
      description: "this call started a new verification because the person's details changed",
    }),
    sourceFields: Type.Optional(Type.Record(Type.String(), Type.Array(Field))),
    verificationResponse: Type.Optional(Type.Object({}, { additionalProperties: true })),
  }),
]);

/** A refused call: the error body with seed 001's DATA_ERROR. */
export const DataErrorSchema = Type.Object({
  error: Type.String(),
  message: Type.String(),
  code: Type.Optional(Type.String()),
  problems: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  requestId: Type.Optional(Type.String()),
  executionStatus: Type.Optional(Type.Literal('DATA_ERROR')),
  errorMessage: Type.Optional(Type.String()),
});

export const TamperAnswerSchema = Type.Object({
  result: Type.Boolean({
    description: 'true only when the details exactly match those the identity was verified with',
  }),
  reason: Type.Union([
    Type.Literal('MATCH'),
    Type.Literal('DETAILS_CHANGED'),
    Type.Literal('NOT_VERIFIED'),
    Type.Literal('NO_VERIFICATION'),
  ]),
  message: Type.String(),
});

export const AuditSchema = Type.Object({
  events: Type.Array(
    Type.Object({
      trackingCode: Type.String(),
      roleKey: Type.String(),
      action: Type.String(),
      result: Type.String(),
      detail: Type.Optional(Type.Unknown()),
      at: Type.String(),
    }),
  ),
});

export const FormSettingsSchema = Type.Object(
  {
    customerName: Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()], {
      description: 'the reporting entity / customer named in the consent wording and the failure notification',
    }),
    allowedOrigins: Type.Array(Type.String({ maxLength: 200 }), {
      maxItems: 50,
      description: 'origins (https://forms.example.org) whose pages may use the embedded component',
    }),
  },
  { additionalProperties: false },
);

export const BrowserTokenBody = Type.Object({ trackingCode: TrackingCode }, { additionalProperties: false });
export const BrowserTokenSchema = Type.Object({ browserToken: Type.String(), expiresAt: Type.String() });
export const ConsentSchema = Type.Object({ consentText: Type.String() });
