import { Type } from '@sinclair/typebox';

/** The JSON body of every REST error (see error-handler.ts). */
export const ErrorSchema = Type.Object({
  error: Type.String(),
  message: Type.String(),
  code: Type.Optional(Type.String()),
  problems: Type.Optional(
    Type.Array(
      Type.Object({
        field: Type.String({ description: 'dotted path (or JSON pointer) of the field' }),
        message: Type.String(),
      }),
    ),
  ),
  requestId: Type.Optional(
    Type.String({ description: 'the id of this request in the server log: quote it when reporting a problem' }),
  ),
});

/** 503 of a route whose work waits for a worker thread (a liveness analysis, a document photo read). */
export const BusySchema = Type.Object(ErrorSchema.properties, {
  description:
    'Busy: every worker is analysing and the line is full (code LIVENESS_BUSY or DOCUMENTS_BUSY). Nothing was kept; the Retry-After header (seconds) says when to send the same request again.',
});

/** The error answers most routes can give, for their response schemas. */
export const failures = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };
