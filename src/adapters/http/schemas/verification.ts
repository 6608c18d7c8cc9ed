import { Type, type Static } from '@sinclair/typebox';

const Text = (max = 255) => Type.String({ minLength: 1, maxLength: max });
const Optional = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Optional(t);

export const AddressSchema = Type.Object(
  {
    flatNumber: Optional(Text()),
    propertyName: Optional(Text()),
    streetNumber: Optional(Text()),
    streetName: Optional(Text()),
    streetType: Optional(Text()),
    suburb: Optional(Text()),
    city: Optional(Text()),
    state: Optional(Type.String({ maxLength: 255 })),
    postcode: Optional(Type.String({ pattern: '^[0-9]{4}$' })),
    country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166 alpha-2, e.g. AU or NZ' }),
  },
  { additionalProperties: false },
);

export const NameSchema = Type.Object(
  {
    givenName: Text(),
    middleNames: Optional(Type.String({ maxLength: 255 })),
    surname: Text(),
    honorific: Optional(Type.String({ maxLength: 255 })),
  },
  { additionalProperties: false },
);

export const RegisterBody = Type.Object(
  {
    verificationId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' })),
    ruleId: Type.Optional(Text(64)),
    name: NameSchema,
    dob: Type.String({ format: 'date', description: 'date of birth, YYYY-MM-DD' }),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 255 })),
    currentResidentialAddress: Type.Optional(AddressSchema),
    previousResidentialAddress: Type.Optional(AddressSchema),
    homePhone: Type.Optional(Type.String({ pattern: '^[0-9]{10}$' })),
    workPhone: Type.Optional(Type.String({ pattern: '^[0-9]{10}$' })),
    mobilePhone: Type.Optional(Type.String({ pattern: '^[0-9+ ]{8,15}$' })),
    extraData: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 1000 }))),
    generateVerificationToken: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type RegisterBody = Static<typeof RegisterBody>;

export const VerificationParams = Type.Object({ verificationId: Type.String({ minLength: 1, maxLength: 64 }) });
export const SourceParams = Type.Object({
  verificationId: Type.String({ minLength: 1, maxLength: 64 }),
  sourceId: Type.String({ minLength: 1, maxLength: 64 }),
});
export const TokenParams = Type.Object({ token: Type.String({ pattern: '^[0-9a-f]{40}$' }) });

export const SetFieldsBody = Type.Object(
  { fields: Type.Record(Type.String({ minLength: 1, maxLength: 100 }), Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
export const AdminOverrideBody = Type.Object(
  {
    comment: Type.String({ minLength: 1, maxLength: 2000 }),
    adminEmail: Type.String({ format: 'email', maxLength: 255 }),
    sourceId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'verify this one source instead of the whole verification',
      }),
    ),
  },
  { additionalProperties: false },
);

const RecordedBy = {
  comment: Type.String({ minLength: 1, maxLength: 2000, description: 'what was done and seen, kept with the result' }),
  adminEmail: Type.String({ format: 'email', maxLength: 255, description: 'the administrator who did it' }),
};
const Outcome = Type.Union([Type.Literal('VERIFIED'), Type.Literal('FAILED')], {
  description: 'VERIFIED: the check passed; FAILED: it did not',
});
const Confirms = Type.Optional(
  Type.Array(Type.Union([Type.Literal('nameDob'), Type.Literal('nameAddress')]), {
    minItems: 1,
    maxItems: 2,
    description: 'what a pass confirms for the rule set (default: name and date of birth)',
  }),
);

/** A source checked by an administrator entering the person's data for them, the person present (mode ASSISTED). */
export const AssistedBody = Type.Object(
  {
    fields: Type.Record(Type.String({ minLength: 1, maxLength: 100 }), Type.String({ maxLength: 1000 })),
    ...RecordedBy,
  },
  { additionalProperties: false },
);

/** An in-person check of the person's identity document (mode POSTOFFICE, method PP). */
export const InPersonBody = Type.Object(
  {
    outcome: Outcome,
    confirms: Confirms,
    document: Type.Object(
      {
        documentType: Type.String({
          minLength: 1,
          maxLength: 40,
          description: 'PASSPORT, DRIVERS_LICENCE, NATIONAL_ID_CARD or BIRTH_CERTIFICATE',
        }),
        documentRegion: Type.String({ minLength: 1, maxLength: 2, description: 'ISO alpha-2 of the issuing country' }),
        documentSubRegion: Type.Optional(
          Type.String({
            minLength: 1,
            maxLength: 3,
            description: 'the issuing state of an Australian licence, e.g. NSW',
          }),
        ),
      },
      { additionalProperties: false },
    ),
    ...RecordedBy,
  },
  { additionalProperties: false },
);

/** The result of a check made outside pono, loaded in (mode EXTERNAL). */
export const ExternalBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 64, description: 'the check as the outside system names it' }),
    outcome: Outcome,
    confirms: Confirms,
    ...RecordedBy,
  },
  { additionalProperties: false },
);

const NameValue = Type.Object({ name: Type.String(), value: Type.String() });
const FieldResult = Type.Object({
  name: Type.String(),
  status: Type.Union([Type.String(), Type.Null()]),
  value: Type.Optional(Type.String()),
  changedValue: Type.Optional(Type.String()),
  masterRecordValue: Type.Optional(Type.String()),
  extractedValue: Type.Optional(Type.String()),
  data: Type.Optional(Type.String()),
  extraData: Type.Optional(Type.Array(NameValue, { description: "e.g. an AdminComment's Date and AdminEmail" })),
  statusName: Type.Union([Type.String(), Type.Null()], {
    description: "the field status in words, e.g. 'Field confirmed.'; null without a status",
  }),
});
const stateWords = {
  stateName: Type.String({ description: "the state in words, e.g. 'Pending review'" }),
  stateDescription: Type.Optional(
    Type.String({
      description:
        'what the state means; given where one check is answered on its own, lists carry the name only (every meaning: GET /api/v1/reference/names)',
    }),
  ),
};
const checkResultMembers = {
  name: Type.String(),
  state: Type.String(),
  ...stateWords,
  method: Type.Union([Type.String(), Type.Null()], { description: 'DB, UC, PP (person present) or null' }),
  methodName: Type.String({ description: "the method in words, e.g. 'Person Present'" }),
  mode: Type.Union([Type.String(), Type.Null()], { description: 'POSTOFFICE, ASSISTED, EXTERNAL or null' }),
  modeName: Type.Union([Type.String(), Type.Null()], {
    description: "the mode in words, e.g. 'Admin assisted'",
  }),
  dateCreated: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  dateVerified: Type.Union([Type.String(), Type.Null()]),
  fieldResult: Type.Array(FieldResult),
  extraData: Type.Optional(Type.Array(NameValue)),
  documentType: Type.Optional(Type.String()),
  documentRegion: Type.Optional(Type.String()),
  documentSubRegion: Type.Optional(Type.String()),
  faceMatchScore: Type.Optional(Type.String()),
};
/** A check result; nested results (e.g. the watchlists under one check) go one level deep. */
const CheckResult = Type.Object({
  ...checkResultMembers,
  individualResult: Type.Optional(Type.Array(Type.Object(checkResultMembers))),
});
const Source = Type.Object({
  name: Type.String(),
  available: Type.Boolean(),
  notRequired: Type.Boolean(),
  oneSourceLeft: Type.Boolean(),
  order: Type.Integer(),
  passed: Type.Boolean(),
  state: Type.String(),
  ...stateWords,
  version: Type.Integer(),
});
const Field = Type.Object({
  name: Type.String(),
  label: Type.String(),
  type: Type.String(),
  value: Type.String(),
  attribute: Type.Array(NameValue),
  selectItem: Type.Array(NameValue),
});

const overallWords = {
  overallVerificationStatusName: Type.String({
    description: "the overall state in words, e.g. 'Verified (by admin)'",
  }),
  overallVerificationStatusDescription: Type.String({ description: 'what the overall state means' }),
};

export const ListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Union(
        ['VERIFIED', 'VERIFIED_ADMIN', 'VERIFIED_WITH_CHANGES', 'IN_PROGRESS', 'PENDING', 'LOCKED_OUT'].map((s) =>
          Type.Literal(s),
        ),
      ),
    ),
    // Query strings are text (no type coercion anywhere in pono): a page size of 1 to 500.
    limit: Type.Optional(
      Type.String({ pattern: '^([1-9][0-9]?|[1-4][0-9]{2}|500)$', description: 'page size, 1 to 500 (default 50)' }),
    ),
    before: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const VerificationPageSchema = Type.Object({
  verifications: Type.Array(
    Type.Object({
      verificationId: Type.String(),
      overallVerificationStatus: Type.String(),
      overallVerificationStatusName: overallWords.overallVerificationStatusName,
      ruleId: Type.String(),
      ruleSetVersion: Type.Integer(),
      createdAt: Type.String(),
      updatedAt: Type.String(),
    }),
  ),
  next: Type.Union([Type.String(), Type.Null()]),
});

export { CheckResult as CheckResultSchema };

export const CurrentStatusSchema = Type.Object({
  verificationResult: Type.Object({
    verificationId: Type.String(),
    ruleId: Type.String(),
    overallVerificationStatus: Type.String(),
    ...overallWords,
    mode: Type.Union([Type.String(), Type.Null()], { description: 'how the individual was verified' }),
    modeName: Type.Union([Type.String(), Type.Null()]),
    dateVerified: Type.Union([Type.String(), Type.Null()]),
    individualResult: Type.Array(CheckResult),
  }),
  sourceList: Type.Array(Source),
  registrationDetails: Type.Object({}, { additionalProperties: true }),
  checkResult: Type.Optional(CheckResult),
  sourceFields: Type.Optional(Type.Object({ fieldList: Type.Array(Field) })),
  verificationToken: Type.Optional(Type.String()),
});

export { ErrorSchema } from './errors.ts';
