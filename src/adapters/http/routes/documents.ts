// Document capture (seed 003 combination sources): the photo of an identity document (and a selfie) as
// multipart/form-data, read off the event loop; then the person's confirmation of the extracted details.
import { accountSecured } from './account-route.ts';
import { sniffContentType } from '../../../domain/files/content-type.ts';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Services } from '../../../app/services.ts';
import type { CaptureInput } from '../../../app/document-captures.ts';
import type { DocumentData } from '../../../domain/documents/combination.ts';
import { invalid } from '../../../app/casework/actor.ts';
import { accountCredentials } from '../account-auth.ts';
import { formParts } from '../multipart.ts';
import { BusySchema, failures } from '../schemas/errors.ts';
import { CurrentStatusSchema, VerificationParams } from '../schemas/verification.ts';
import { namedCheck, namedStatus } from '../named-results.ts';
import {
  CaptureParams,
  CaptureReviewSchema,
  ConfirmBody,
  DocumentCaptureSchema,
  ReviewBody,
} from '../schemas/documents.ts';
import { Type } from '@sinclair/typebox';

/** One image: a phone photo of a data page is well under this. */
export const MAX_DOCUMENT_IMAGE_BYTES = 8 * 1024 * 1024;
const ORIGIN = 'pono API';

/** Accepted photos, by their first bytes: anything else is refused before it reaches a decoder. */
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** The multipart upload of a capture: the file `document` and, optionally, `selfie`; nothing else. */
export async function captureInput(request: FastifyRequest, origin: string = ORIGIN): Promise<CaptureInput> {
  if (!request.isMultipart())
    throw invalid('(body)', 'send multipart/form-data with the file "document" (and "selfie")');
  const files = new Map<string, { content: Buffer; type: string }>();
  for await (const part of formParts(request, {
    limits: { fileSize: MAX_DOCUMENT_IMAGE_BYTES, files: 2, fields: 0 },
  })) {
    if (part.kind !== 'file')
      throw invalid(part.fieldname, 'unknown field; send the files "document" and "selfie" only');
    if (part.fieldname !== 'document' && part.fieldname !== 'selfie')
      throw invalid(part.fieldname, 'unknown file field; send "document" and "selfie"');
    if (files.has(part.fieldname)) throw invalid(part.fieldname, 'send one image');
    if (part.truncated) throw invalid(part.fieldname, `the image is larger than ${MAX_DOCUMENT_IMAGE_BYTES} bytes`);
    const type = sniffContentType(part.content, PHOTO_TYPES);
    if (!type) throw invalid(part.fieldname, 'the file is not a JPEG, PNG or WebP image');
    files.set(part.fieldname, { content: part.content, type });
  }
  const document = files.get('document');
  if (!document) throw invalid('document', 'the photo of the document is missing');
  const selfie = files.get('selfie');
  return {
    document: document.content,
    documentContentType: document.type,
    ...(selfie ? { selfie: selfie.content } : {}),
    origin,
  };
}

/** The person's confirmed details as the use case takes them; refuses a date of birth that is no real day. */
export function confirmedDetails(body: ConfirmBody): DocumentData {
  const day = new Date(`${body.dob}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== body.dob)
    throw invalid('dob', 'dob must be a real date, YYYY-MM-DD');
  return {
    givenName: body.givenName,
    middleNames: body.middleNames ?? '',
    surname: body.surname,
    dob: body.dob,
    documentNumber: body.documentNumber.toUpperCase(),
    ...(body.cardNumber ? { cardNumber: body.cardNumber.toUpperCase() } : {}),
  };
}

export const documentRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const tags = ['documents'];
    if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart);

    app.post(
      '/verifications/:verificationId/documents',
      {
        bodyLimit: 2 * MAX_DOCUMENT_IMAGE_BYTES + 64 * 1024,
        schema: {
          tags,
          ...accountSecured,
          summary:
            'Upload a photo of an identity document (a passport data page, or a New Zealand or Australian driver licence; multipart: file "document", optional file "selfie"); it is found in the photo, read (MRZ or licence text by OCR, authenticity checks, face comparison) and the extracted details are returned for the person to confirm',
          params: VerificationParams,
          consumes: ['multipart/form-data'],
          response: { 201: DocumentCaptureSchema, ...failures, 503: BusySchema },
        },
      },
      async (request, reply) => {
        const view = await services.documents.capture(
          accountCredentials(request),
          request.params.verificationId,
          await captureInput(request),
        );
        return reply.status(201).send(view);
      },
    );

    app.post(
      '/verifications/:verificationId/documents/:captureId/confirmation',
      {
        schema: {
          tags,
          ...accountSecured,
          summary:
            "The person's confirmed (or corrected) details of a captured document: the combination source's result is recorded on the verification",
          params: CaptureParams,
          body: ConfirmBody,
          response: { 200: CurrentStatusSchema, ...failures },
        },
      },
      async (request) => {
        const status = await services.documents.confirm(
          accountCredentials(request),
          request.params.verificationId,
          request.params.captureId,
          confirmedDetails(request.body),
          ORIGIN,
        );
        return namedStatus(status);
      },
    );

    app.get(
      '/verifications/:verificationId/documents/:captureId',
      {
        schema: {
          tags,
          ...accountSecured,
          summary:
            "A captured document for an administrator's review: what was read beside what the person confirmed, the combination result, the components pending review and the decisions made",
          params: CaptureParams,
          response: { 200: CaptureReviewSchema, ...failures },
        },
      },
      async (request) => {
        const { verificationId, captureId } = request.params;
        const found = await services.documents.forReview(accountCredentials(request), verificationId, captureId);
        return {
          capture: found.view,
          confirmed: found.confirmed,
          imageUrl: found.hasImage
            ? `/api/v1/verifications/${encodeURIComponent(verificationId)}/documents/${captureId}/image`
            : null,
          result: found.result ? namedCheck(found.result) : null,
          pending: found.pending,
          reviews: found.reviews,
          createdAt: found.createdAt.toISOString(),
          confirmedAt: found.confirmedAt?.toISOString() ?? null,
        };
      },
    );

    app.get(
      '/verifications/:verificationId/documents/:captureId/image',
      {
        schema: {
          tags,
          ...accountSecured,
          summary: 'The photo of a captured document, as it was sent',
          params: CaptureParams,
          response: { 200: Type.Unknown({ description: 'image/jpeg, image/png or image/webp' }), ...failures },
        },
      },
      async (request, reply) => {
        const { verificationId, captureId } = request.params;
        const image = await services.documents.image(accountCredentials(request), verificationId, captureId);
        return reply
          .header('content-type', image.contentType)
          .header('content-disposition', 'inline')
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(image.content));
      },
    );

    app.post(
      '/verifications/:verificationId/documents/:captureId/review',
      {
        schema: {
          tags,
          ...accountSecured,
          summary:
            "An administrator's decision on one component of the captured document that waits for review: VERIFIED makes it VERIFIED_ADMIN, NOT_VERIFIED makes it FAILED, with the comment, date and administrator's email; the verification is decided again",
          params: CaptureParams,
          body: ReviewBody,
          response: { 200: CurrentStatusSchema, ...failures },
        },
      },
      async (request) =>
        namedStatus(
          await services.documents.review(
            accountCredentials(request),
            request.params.verificationId,
            request.params.captureId,
            request.body,
          ),
        ),
    );
  };
