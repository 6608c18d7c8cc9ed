// Manual verification's messages (forms, seed 001): the review, its documents, the queue page, the decision.
import { Type } from '@sinclair/typebox';
import { MAX_REVIEW_COMMENT } from '../../../domain/verification/index.ts';
import { FormsOutputsSchema, RoleKey } from './forms.ts';

export const ReviewState = Type.Union(
  [Type.Literal('PENDING'), Type.Literal('VERIFIED_ADMIN'), Type.Literal('FAILED')],
  { description: 'PENDING (waiting for review), VERIFIED_ADMIN (verified by an administrator) or FAILED' },
);
export const ReviewReason = Type.Union([Type.Literal('OPTED_OUT'), Type.Literal('NOT_VERIFIED')], {
  description:
    'OPTED_OUT (the person chose manual verification) or NOT_VERIFIED (the electronic sources did not verify them)',
});

export const ReviewId = Type.String({ pattern: '^[0-9a-f]{20}$', description: 'the review' });
export const ReviewParams = Type.Object({ reviewId: ReviewId });
export const ReviewDocumentParams = Type.Object({
  reviewId: ReviewId,
  documentNo: Type.String({ pattern: '^[1-9][0-9]?$', description: 'the document, from 1' }),
});

const ManualDocumentSchema = Type.Object({
  documentNo: Type.Integer(),
  documentType: Type.String({ description: 'passport, licence, medicare, birthCertificate, …' }),
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
});

const reviewFields = {
  reviewId: Type.String(),
  trackingCode: Type.String(),
  roleKey: Type.String(),
  verificationId: Type.String({ description: "the person's verification (the forms service's verifyUserId)" }),
  reason: ReviewReason,
  state: ReviewState,
  submittedAt: Type.String(),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
  decidedBy: Type.Union([Type.String(), Type.Null()], { description: "the deciding administrator's email" }),
  comment: Type.Union([Type.String(), Type.Null()], { description: "the administrator's comment" }),
};

export const ManualReviewSchema = Type.Object(reviewFields);
export const ManualReviewViewSchema = Type.Object({ ...reviewFields, documents: Type.Array(ManualDocumentSchema) });
export const ManualReviewDetailSchema = Type.Object({
  ...reviewFields,
  documents: Type.Array(ManualDocumentSchema),
  person: Type.Object(
    {},
    { additionalProperties: true, description: 'the person as the verification registered them' },
  ),
  overallVerificationStatus: Type.String(),
});

export const ManualReviewPageSchema = Type.Object({
  reviews: Type.Array(ManualReviewSchema),
  next: Type.Union([Type.String(), Type.Null()], { description: 'pass as `after` for the next page' }),
});

export const ManualReviewQuery = Type.Object(
  {
    state: Type.Optional(ReviewState),
    // Query strings are text (no type coercion in pono): a page size of 1 to 100.
    limit: Type.Optional(
      Type.String({ pattern: '^([1-9][0-9]?|100)$', description: 'page size, 1 to 100 (default 25)' }),
    ),
    after: Type.Optional(Type.String({ maxLength: 200, description: 'the `next` of the previous page' })),
  },
  { additionalProperties: false },
);

export const ManualDecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('VERIFIED_ADMIN'), Type.Literal('FAILED')], {
      description: 'VERIFIED_ADMIN (the documents verify the person) or FAILED (they do not)',
    }),
    comment: Type.String({ maxLength: MAX_REVIEW_COMMENT, description: 'required: what was checked and why' }),
    adminEmail: Type.String({ maxLength: 254, description: "the deciding administrator's email" }),
  },
  { additionalProperties: false },
);

export const ManualStatusQuery = Type.Object({ roleKey: Type.Optional(RoleKey) }, { additionalProperties: false });
export const ManualStatusSchema = Type.Object({
  review: Type.Union([
    Type.Object({
      reviewId: Type.String(),
      state: ReviewState,
      submittedAt: Type.String(),
      decidedAt: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
  outputs: Type.Union([FormsOutputsSchema, Type.Null()]),
});
