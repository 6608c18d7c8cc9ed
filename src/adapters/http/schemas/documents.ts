import { Type, type Static } from '@sinclair/typebox';
import { CheckResultSchema } from './verification.ts';

export const CaptureParams = Type.Object({
  verificationId: Type.String({ minLength: 1, maxLength: 64 }),
  captureId: Type.String({ format: 'uuid' }),
});

const name = (description: string) => Type.String({ maxLength: 100, description });

/** The details the person confirms (or corrects) after the document was read. */
export const ConfirmBody = Type.Object(
  {
    givenName: Type.String({ minLength: 1, maxLength: 100, description: 'first given name' }),
    middleNames: Type.Optional(name('the other given names, space separated')),
    surname: Type.String({ minLength: 1, maxLength: 100 }),
    dob: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'date of birth, YYYY-MM-DD' }),
    documentNumber: Type.String({
      pattern: '^[A-Za-z0-9]{1,10}$',
      description: 'the passport or driver licence number, as printed',
    }),
    cardNumber: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9]{1,10}$',
        description:
          "a driver licence's version number (NZ) or card number (AU), as printed; left out, it stands as read",
      }),
    ),
  },
  { additionalProperties: false },
);
export type ConfirmBody = Static<typeof ConfirmBody>;

const Check = Type.Object({
  code: Type.String({ description: 'stable code, e.g. MRZ_CHECK_DIGITS' }),
  name: Type.String(),
  result: Type.Union([Type.Literal('PASSED'), Type.Literal('FAILED'), Type.Literal('NOT_CHECKED')], {
    description: 'NOT_CHECKED: the check could not be made on this photo (the reason says why)',
  }),
  reason: Type.String({ description: 'the finding in words' }),
});

export const DocumentCaptureSchema = Type.Object({
  captureId: Type.String(),
  verificationId: Type.String(),
  status: Type.Union([Type.Literal('AWAITING_CONFIRMATION'), Type.Literal('CONFIRMED')]),
  documentType: Type.String({
    description: 'PASSPORT, DRIVERS_LICENCE, or UNKNOWN when neither a passport MRZ nor a driver licence was read',
  }),
  documentRegion: Type.String({ description: 'ISO 3166-1 alpha-2 of the issuing country' }),
  documentSubRegion: Type.Optional(
    Type.String({ description: "the issuing state within the country (an Australian driver licence's), or ''" }),
  ),
  mrzValid: Type.Boolean({ description: 'every check digit, date and code of the MRZ is valid' }),
  extracted: Type.Object(
    {
      givenName: Type.String(),
      middleNames: Type.String(),
      surname: Type.String(),
      dob: Type.String(),
      documentNumber: Type.String(),
      cardNumber: Type.Optional(
        Type.String({ description: "a driver licence's version (NZ) or card (AU) number; '' for a passport" }),
      ),
      sex: Type.String(),
      nationality: Type.String(),
      expiry: Type.String(),
    },
    { description: 'what was read from the document, for the person to confirm or correct' },
  ),
  checks: Type.Array(Check, { description: 'the document authenticity checks made on the photo' }),
  retake: Type.Array(Type.String(), { description: 'quality gates that failed: take the photo again' }),
  face: Type.Union([
    Type.Null(),
    Type.Object({
      score: Type.Union([Type.Integer({ minimum: 0, maximum: 100 }), Type.Null()], { description: 'faceMatchScore' }),
      threshold: Type.Integer(),
      problem: Type.Optional(Type.String()),
    }),
  ]),
});

/** An administrator's decision on one component of a captured document's combination source that waits for review. */
export const ReviewBody = Type.Object(
  {
    component: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'the component as the result names it, e.g. "Data Extraction" or "Face Comparison"',
    }),
    decision: Type.Union([Type.Literal('VERIFIED'), Type.Literal('NOT_VERIFIED')], {
      description: 'VERIFIED: the component becomes VERIFIED_ADMIN; NOT_VERIFIED: it becomes FAILED',
    }),
    comment: Type.String({ minLength: 1, maxLength: 2000, description: 'why the administrator decided so (required)' }),
    adminEmail: Type.String({ format: 'email', maxLength: 255 }),
  },
  { additionalProperties: false },
);
export type ReviewBody = Static<typeof ReviewBody>;

const Details = Type.Object({
  givenName: Type.String(),
  middleNames: Type.String(),
  surname: Type.String(),
  dob: Type.String(),
  documentNumber: Type.String(),
  cardNumber: Type.Optional(Type.String({ description: "a driver licence's version (NZ) or card (AU) number" })),
});

/** A captured document as an administrator reviews it. */
export const CaptureReviewSchema = Type.Object({
  capture: DocumentCaptureSchema,
  confirmed: Type.Union([Type.Null(), Details], { description: 'what the person confirmed; null until then' }),
  imageUrl: Type.Union([Type.Null(), Type.String()], { description: 'the photo of the document, when it was kept' }),
  result: Type.Union([Type.Null(), CheckResultSchema], {
    description: 'the combination source recorded from this capture',
  }),
  pending: Type.Array(Type.String(), { description: "the components that wait for an administrator's review" }),
  reviews: Type.Array(
    Type.Object({
      component: Type.String(),
      decision: Type.String(),
      comment: Type.String(),
      adminEmail: Type.String(),
      at: Type.String({ format: 'date-time' }),
      componentState: Type.String(),
      combinationState: Type.String(),
    }),
    { description: 'the decisions made on this capture, oldest first' },
  ),
  createdAt: Type.String({ format: 'date-time' }),
  confirmedAt: Type.Union([Type.Null(), Type.String({ format: 'date-time' })]),
});
