// The forms integration over REST (seed 001): the one-call "Identity Verification" service, the tamper check,
// consent wording, form settings and browser tokens for the account's server; and the same service for the
// embedded component in a browser, with a browser token, from the origins the account allows (CORS).
import { accountSecured } from './account-route.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorAnswer } from '../error-handler.ts';
import { Type, type Static } from '@sinclair/typebox';
import type { Services } from '../../../app/services.ts';
import { dataErrorMessage, type FormsVerifyRequest } from '../../../app/forms.ts';
import { AppError } from '../../../app/errors.ts';
import { accountCredentials } from '../account-auth.ts';
import { manualReviewRoutes } from './forms-manual-review.ts';
import { documentCaptureRoutes } from './forms-document-capture.ts';
import { failures, ErrorSchema } from '../schemas/errors.ts';
import {
  AuditSchema,
  BrowserTokenBody,
  BrowserTokenSchema,
  BrowserVerifyBody,
  ConsentSchema,
  DataErrorSchema,
  FormSettingsSchema,
  FormsVerifyAnswerSchema,
  FormsVerifyBody,
  type BrowserVerifyBody as BrowserBody,
  TamperAnswerSchema,
  TamperCheckBody,
  TrackingCode,
} from '../schemas/forms.ts';
import {
  ALL_FORMS_FIELDS,
  MEDICARE_MAX_YEARS_AHEAD,
  PERSONAL_FIELDS,
  DOCUMENT_DETAIL_FIELDS,
  changeableDetails,
  fieldInMaori,
  groupConditions,
  groupInMaori,
  type FormsField,
  ADDRESS_FIELDS,
  SOURCE_GROUPS,
  MANUAL_DOCUMENT_TYPES,
  MAX_MANUAL_DOCUMENTS,
  MAX_MANUAL_DOCUMENT_BYTES,
} from '../../../domain/verification/index.ts';

const browser: { security: Record<string, string[]>[] } = { security: [{ browserToken: [] }] };
const CONTROL = new Set([
  'trackingCode',
  'roleKey',
  'verifyUserId',
  'verifySources',
  'backgroundSources',
  'getFields',
  'termsAccepted',
  'creditHeaderConsent',
  'recordVerificationResponse',
]);
const INPUTS = new Set(ALL_FORMS_FIELDS.map((f) => f.input));

function valuesOf(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(body).filter(([k, v]) => INPUTS.has(k) && !CONTROL.has(k) && typeof v === 'string'),
  ) as Record<string, string>;
}

function verifyRequest(trackingCode: string, body: BrowserBody): FormsVerifyRequest {
  return {
    trackingCode,
    backgroundSources: body.backgroundSources,
    ...(body.roleKey !== undefined ? { roleKey: body.roleKey } : {}),
    ...(body.verifyUserId !== undefined ? { verifyUserId: body.verifyUserId } : {}),
    ...(body.verifySources !== undefined ? { verifySources: body.verifySources } : {}),
    ...(body.getFields !== undefined ? { getFields: body.getFields } : {}),
    ...(body.termsAccepted !== undefined ? { termsAccepted: body.termsAccepted } : {}),
    ...(body.creditHeaderConsent !== undefined ? { creditHeaderConsent: body.creditHeaderConsent } : {}),
    ...(body.recordVerificationResponse !== undefined
      ? { recordVerificationResponse: body.recordVerificationResponse }
      : {}),
    values: valuesOf(body),
  };
}

/** A refused call answers 400 naming the inputs, with seed 001's executionStatus DATA_ERROR and errorMessage. */
async function withDataError<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  run: () => Promise<T>,
): Promise<T | Static<typeof DataErrorSchema>> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AppError) || error.kind !== 'invalid') throw error;
    void reply.status(400);
    return {
      error: error.kind,
      message: error.message,
      code: error.code,
      requestId: request.id,
      problems: error.problems.map(({ field, message }) => ({ field, message })),
      executionStatus: 'DATA_ERROR' as const,
      errorMessage: dataErrorMessage(error.problems),
    };
  }
}

/**
 * A form reads executionStatus in every answer of the Identity Verification service: a request refused before it
 * reached the service (a field the schema does not accept, a value too long) is a DATA_ERROR too, its
 * errorMessage worded as the service's own (each problem's message names its field).
 */
function formsErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = errorAnswer(error, request, reply);
  const dataError =
    status === 400
      ? {
          executionStatus: 'DATA_ERROR' as const,
          errorMessage: body.problems?.length ? dataErrorMessage(body.problems) : body.message,
        }
      : {};
  void reply.status(status).send({ ...body, ...dataError });
}

export function bearer(request: FastifyRequest): string {
  const match = /^Bearer\s+([0-9a-f]{40})$/i.exec(request.headers.authorization ?? '');
  if (!match?.[1])
    throw new AppError(
      'unauthenticated',
      'The browser token is missing or malformed: reload the form',
      'InvalidTokenFault',
    );
  return match[1].toLowerCase();
}

export const formsRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const forms = services.forms;

    app.post(
      '/forms/identity-verification',
      {
        schema: {
          tags: ['forms'],
          summary:
            'The one-call Identity Verification service of a form (register, background and interactive sources, fields)',
          ...accountSecured,
          body: FormsVerifyBody,
          response: { 200: FormsVerifyAnswerSchema, ...failures, 400: DataErrorSchema },
        },
        errorHandler: formsErrorHandler,
      },
      (request, reply) =>
        withDataError(request, reply, () =>
          forms.verify(accountCredentials(request), verifyRequest(request.body.trackingCode, request.body)),
        ),
    );

    app.post(
      '/forms/tamper-check',
      {
        schema: {
          tags: ['forms'],
          summary: 'At submission: do these details exactly match those the identity was verified with? (audited)',
          ...accountSecured,
          body: TamperCheckBody,
          response: { 200: TamperAnswerSchema, ...failures },
        },
      },
      (request) =>
        forms.tamperCheck(accountCredentials(request), {
          trackingCode: request.body.trackingCode,
          ...(request.body.roleKey !== undefined ? { roleKey: request.body.roleKey } : {}),
          values: valuesOf(request.body),
        }),
    );

    app.get(
      '/forms/audit/:trackingCode',
      {
        schema: {
          tags: ['forms'],
          summary: "A transaction's forms audit trail (tamper checks)",
          ...accountSecured,
          params: Type.Object({ trackingCode: TrackingCode }),
          response: { 200: AuditSchema, ...failures },
        },
      },
      async (request) => ({ events: await forms.audit(accountCredentials(request), request.params.trackingCode) }),
    );

    app.get(
      '/forms/consent-wording',
      {
        schema: {
          tags: ['forms'],
          summary: 'The credit-header consent wording, the reporting entity filled in',
          ...accountSecured,
          response: { 200: ConsentSchema, ...failures },
        },
      },
      async (request) => ({ consentText: await forms.consentWordingFor(accountCredentials(request)) }),
    );

    app.get(
      '/forms/settings',
      {
        schema: {
          tags: ['forms'],
          summary: "The account's form settings",
          ...accountSecured,
          response: { 200: FormSettingsSchema, ...failures },
        },
      },
      (request) => forms.settings(accountCredentials(request)),
    );

    app.put(
      '/forms/settings',
      {
        schema: {
          tags: ['forms'],
          summary: "Set the account's form settings (customer name, origins allowed to embed the component)",
          ...accountSecured,
          body: FormSettingsSchema,
          response: { 200: FormSettingsSchema, ...failures },
        },
      },
      (request) => forms.saveSettings(accountCredentials(request), request.body),
    );

    app.post(
      '/forms/browser-tokens',
      {
        schema: {
          tags: ['forms'],
          summary: "A short-lived token for the form's page: the component uses it instead of the account password",
          ...accountSecured,
          body: BrowserTokenBody,
          response: { 201: BrowserTokenSchema, ...failures },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await forms.issueBrowserToken(accountCredentials(request), request.body.trackingCode)),
    );

    // ---- The component's calls, from the account's allowed origins ----------------------------------------
    const AccountParams = Type.Object({ accountId: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' }) });

    app.addHook('onRequest', async (request, reply) => {
      const match = /^\/api\/v1\/forms\/browser\/([^/]+)\//.exec(request.url);
      const origin = request.headers.origin;
      if (!match?.[1] || origin === undefined) return;
      if (!(await forms.store.originAllowed(decodeURIComponent(match[1]), origin))) return;
      void reply.header('access-control-allow-origin', origin).header('vary', 'origin');
      if (request.method === 'OPTIONS') {
        void reply
          .header('access-control-allow-methods', 'GET, POST')
          .header('access-control-allow-headers', 'authorization, content-type')
          .header('access-control-max-age', '600');
      }
    });

    app.options('/forms/browser/:accountId/*', { schema: { hide: true } }, (_request, reply) =>
      reply.status(204).send(),
    );

    const grantFor = async (request: FastifyRequest, accountId: string) => {
      const grant = await forms.browserGrant(bearer(request));
      if (grant.account.accountId !== accountId)
        throw new AppError('unauthenticated', 'The browser token is not for this account', 'InvalidTokenFault');
      return grant;
    };

    app.get(
      '/forms/browser/:accountId/definition',
      {
        schema: {
          tags: ['forms'],
          summary: "The component's definition: fields, formats, help and consent wording (the server's own rules)",
          ...browser,
          params: AccountParams,
          querystring: Type.Object(
            {
              lang: Type.Optional(
                Type.Union([Type.Literal('en'), Type.Literal('mi')], {
                  description: 'the language of the labels, formats and help (default en)',
                }),
              ),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({}, { additionalProperties: true }), 401: ErrorSchema },
        },
      },
      async (request) => {
        const grant = await grantFor(request, request.params.accountId);
        const maori = request.query.lang === 'mi';
        const fields = (list: readonly FormsField[]) => (maori ? list.map(fieldInMaori) : list);
        return {
          personal: fields(PERSONAL_FIELDS),
          address: fields(ADDRESS_FIELDS),
          groups: SOURCE_GROUPS.map((group) => ({
            ...(maori ? groupInMaori(group) : group),
            conditions: groupConditions(group),
          })),
          documentDetails: fields(DOCUMENT_DETAIL_FIELDS),
          // The account's controlled changes: the details a person may give differently, as on the document.
          changeableDetails: changeableDetails(await services.ruleSets.current(grant.account.accountId, 'default')),
          medicareMaxYearsAhead: MEDICARE_MAX_YEARS_AHEAD,
          manualDocumentTypes: MANUAL_DOCUMENT_TYPES,
          maxManualDocuments: MAX_MANUAL_DOCUMENTS,
          maxManualDocumentBytes: MAX_MANUAL_DOCUMENT_BYTES,
          consentText: await forms.consentWording(grant.account.accountId),
        };
      },
    );

    await app.register(manualReviewRoutes(services, grantFor));
    await app.register(documentCaptureRoutes(services, grantFor));

    app.post(
      '/forms/browser/:accountId/identity-verification',
      {
        schema: {
          tags: ['forms'],
          summary: "The Identity Verification service for the component, in the browser token's transaction",
          ...browser,
          params: AccountParams,
          body: BrowserVerifyBody,
          response: {
            200: FormsVerifyAnswerSchema,
            400: DataErrorSchema,
            401: ErrorSchema,
            404: ErrorSchema,
            409: ErrorSchema,
          },
        },
        errorHandler: formsErrorHandler,
      },
      async (request, reply) => {
        const grant = await grantFor(request, request.params.accountId);
        return withDataError(request, reply, () =>
          forms.verifyFor(grant.account, verifyRequest(grant.trackingCode, request.body)),
        );
      },
    );
  };
