// Manual verification of a form's person over REST (seed 001): the scans uploaded by the component (browser
// token) or by the form's server (account password), the administrators' queue, one review with its scans,
// and the decision (VERIFIED_ADMIN with a comment, or FAILED).
import { accountSecured } from './account-route.ts';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Account } from '../../../app/accounts.ts';
import type { ManualUpload } from '../../../app/forms-manual-review.ts';
import type { Services } from '../../../app/services.ts';
import { invalid } from '../../../app/casework/actor.ts';
import { extensionOf, sniffContentType } from '../../../domain/files/content-type.ts';
import {
  MANUAL_DOCUMENT_TYPES,
  MANUAL_REVIEW_REASONS,
  MAX_MANUAL_DOCUMENTS,
  MAX_MANUAL_DOCUMENT_BYTES,
  type ManualReviewReason,
} from '../../../domain/verification/index.ts';
import { accountCredentials } from '../account-auth.ts';
import { formParts } from '../multipart.ts';
import { ErrorSchema, failures } from '../schemas/errors.ts';
import {
  ManualDecisionBody,
  ManualReviewDetailSchema,
  ManualReviewPageSchema,
  ManualReviewQuery,
  ManualReviewViewSchema,
  ManualStatusQuery,
  ManualStatusSchema,
  ReviewDocumentParams,
  ReviewParams,
} from '../schemas/forms-manual-review.ts';

const browser: { security: Record<string, string[]>[] } = { security: [{ browserToken: [] }] };
const SCAN_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
const TYPES_IN_WORDS = Object.keys(MANUAL_DOCUMENT_TYPES).join(', ');
const ROLE_KEY = /^[A-Za-z0-9 _-]{1,64}$/;
const TRACKING_CODE = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The upload: text fields `reason` (OPTED_OUT or NOT_VERIFIED), `roleKey` (optional) and, from the form's
 * server, `trackingCode`; one file per document, its field named by the document type (passport, licence, …).
 */
async function readUpload(request: FastifyRequest, trackingCode: string | null): Promise<ManualUpload> {
  if (!request.isMultipart())
    throw invalid(
      '(body)',
      `send multipart/form-data: the field "reason" and one file per document (${TYPES_IN_WORDS})`,
    );
  const fields: Record<string, string> = {};
  const documents: ManualUpload['documents'] = [];
  for await (const part of formParts(request, {
    limits: { fileSize: MAX_MANUAL_DOCUMENT_BYTES, files: MAX_MANUAL_DOCUMENTS + 1, fields: 4 },
  })) {
    if (part.kind === 'field') {
      if (!['reason', 'roleKey', ...(trackingCode === null ? ['trackingCode'] : [])].includes(part.fieldname))
        throw invalid(part.fieldname, `unknown field ${part.fieldname}: send reason and roleKey, and the documents`);
      fields[part.fieldname] = part.value;
      continue;
    }
    if (!(part.fieldname in MANUAL_DOCUMENT_TYPES))
      throw invalid(part.fieldname, `${part.fieldname} is not a document type: name each file ${TYPES_IN_WORDS}`);
    if (documents.length === MAX_MANUAL_DOCUMENTS)
      throw invalid(part.fieldname, `send at most ${MAX_MANUAL_DOCUMENTS} documents`);
    if (part.truncated)
      throw invalid(part.fieldname, `${part.fieldname} is larger than ${MAX_MANUAL_DOCUMENT_BYTES / 1024 / 1024} MB`);
    const contentType = sniffContentType(part.content, SCAN_TYPES);
    if (!contentType) throw invalid(part.fieldname, `${part.fieldname} is not a JPEG, PNG or PDF scan`);
    const base = part.filename.replace(/[^A-Za-z0-9._ -]/g, '').slice(0, 100) || part.fieldname;
    documents.push({
      documentType: part.fieldname,
      fileName: /\.[A-Za-z0-9]{2,4}$/.test(base) ? base : `${base}.${extensionOf(contentType)}`,
      contentType,
      content: part.content,
    });
  }
  const reason = fields.reason ?? '';
  if (!(MANUAL_REVIEW_REASONS as readonly string[]).includes(reason))
    throw invalid('reason', `reason must be ${MANUAL_REVIEW_REASONS.join(' or ')}`);
  if (fields.roleKey !== undefined && !ROLE_KEY.test(fields.roleKey))
    throw invalid('roleKey', 'roleKey must be 1 to 64 letters, digits, spaces, _ or -');
  const code = trackingCode ?? fields.trackingCode ?? '';
  if (!TRACKING_CODE.test(code)) throw invalid('trackingCode', 'trackingCode must be 1 to 64 letters, digits, _ or -');
  if (documents.length === 0)
    throw invalid('(documents)', `send at least one document, its file field named by its type (${TYPES_IN_WORDS})`);
  return {
    trackingCode: code,
    reason: reason as ManualReviewReason,
    ...(fields.roleKey !== undefined ? { roleKey: fields.roleKey } : {}),
    documents,
  };
}

type GrantFor = (request: FastifyRequest, accountId: string) => Promise<{ account: Account; trackingCode: string }>;

export const manualReviewRoutes =
  (services: Services, grantFor: GrantFor): FastifyPluginAsyncTypebox =>
  async (app) => {
    const use = services.manualReviews;
    const tags = ['forms'];
    if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart);
    const bodyLimit = MAX_MANUAL_DOCUMENTS * MAX_MANUAL_DOCUMENT_BYTES + 64 * 1024;
    const AccountParams = Type.Object({ accountId: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' }) });

    app.post(
      '/forms/browser/:accountId/manual-verification',
      {
        bodyLimit,
        schema: {
          tags,
          summary:
            "The person's scans for manual verification, from the component (multipart: reason, roleKey, one file per document named by its type)",
          ...browser,
          params: AccountParams,
          consumes: ['multipart/form-data'],
          response: {
            201: ManualReviewViewSchema,
            400: ErrorSchema,
            401: ErrorSchema,
            404: ErrorSchema,
            409: ErrorSchema,
          },
        },
      },
      async (request, reply) => {
        const grant = await grantFor(request, request.params.accountId);
        const view = await use.submit(grant.account, await readUpload(request, grant.trackingCode));
        return reply.status(201).send(view);
      },
    );

    app.get(
      '/forms/browser/:accountId/manual-verification',
      {
        schema: {
          tags,
          summary: "The person's latest manual review and outcome, for the component while the person waits",
          ...browser,
          params: AccountParams,
          querystring: ManualStatusQuery,
          response: { 200: ManualStatusSchema, 401: ErrorSchema },
        },
      },
      async (request) => {
        const grant = await grantFor(request, request.params.accountId);
        return use.status(grant.account, grant.trackingCode, request.query.roleKey ?? '');
      },
    );

    app.post(
      '/forms/manual-verification',
      {
        bodyLimit,
        schema: {
          tags,
          summary:
            "The person's scans for manual verification, from the form's server (multipart: trackingCode, reason, roleKey, one file per document named by its type)",
          ...accountSecured,
          consumes: ['multipart/form-data'],
          response: { 201: ManualReviewViewSchema, ...failures },
        },
      },
      async (request, reply) => {
        const credentials = accountCredentials(request);
        const view = await use.submitWith(credentials, await readUpload(request, null));
        return reply.status(201).send(view);
      },
    );

    app.get(
      '/forms/manual-reviews',
      {
        schema: {
          tags,
          summary: 'The manual verification queue, oldest first, by state (PENDING: waiting); keyset pages',
          ...accountSecured,
          querystring: ManualReviewQuery,
          response: { 200: ManualReviewPageSchema, ...failures },
        },
      },
      (request) =>
        use.queue(accountCredentials(request), {
          limit: Number(request.query.limit ?? 25),
          ...(request.query.state ? { state: request.query.state } : {}),
          ...(request.query.after ? { after: request.query.after } : {}),
        }),
    );

    app.get(
      '/forms/manual-reviews/:reviewId',
      {
        schema: {
          tags,
          summary: 'One manual review: the person as registered, the scans, the state and decision',
          ...accountSecured,
          params: ReviewParams,
          response: { 200: ManualReviewDetailSchema, ...failures },
        },
      },
      (request) => use.detail(accountCredentials(request), request.params.reviewId),
    );

    app.get(
      '/forms/manual-reviews/:reviewId/documents/:documentNo',
      {
        schema: {
          tags,
          summary: "One scan of a manual review (the account's administrators only)",
          ...accountSecured,
          params: ReviewDocumentParams,
          response: { 200: Type.Unknown({ description: 'the scan' }), ...failures },
        },
      },
      async (request, reply) => {
        const file = await use.document(
          accountCredentials(request),
          request.params.reviewId,
          Number(request.params.documentNo),
        );
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `inline; filename="${file.fileName.replace(/"/g, '')}"`)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(file.content));
      },
    );

    app.post(
      '/forms/manual-reviews/:reviewId/decision',
      {
        schema: {
          tags,
          summary: 'Decide a manual review: VERIFIED_ADMIN (verified by an administrator, comment required) or FAILED',
          ...accountSecured,
          params: ReviewParams,
          body: ManualDecisionBody,
          response: { 200: ManualReviewDetailSchema, ...failures },
        },
      },
      (request) => use.decide(accountCredentials(request), request.params.reviewId, request.body),
    );
  };
