// Reading a multipart/form-data body: each part whole, and every way the body can be broken answered as a
// refusal naming the problem (a truncated body, a bad boundary, a character that cannot be stored), never a 500.
import type { FastifyRequest } from 'fastify';
import { invalid } from '../../app/casework/actor.ts';
import { AppError } from '../../app/errors.ts';
import { fieldWithForbiddenCharacter, FORBIDDEN_CHARACTER_PROBLEM } from '../../domain/input/storable-text.ts';

export type FormPart =
  | { kind: 'file'; fieldname: string; filename: string; content: Buffer; truncated: boolean }
  | { kind: 'field'; fieldname: string; value: string };

type PartsOptions = NonNullable<Parameters<FastifyRequest['parts']>[0]>;

function hasClientStatus(error: unknown): boolean {
  const status: unknown =
    typeof error === 'object' && error !== null ? (error as { statusCode?: unknown }).statusCode : undefined;
  return typeof status === 'number' && status >= 400 && status < 500;
}

function checkStorable(part: FormPart): void {
  const text = part.kind === 'file' ? { [part.fieldname]: part.filename } : { [part.fieldname]: part.value };
  const field = fieldWithForbiddenCharacter(text, '');
  if (field !== undefined) throw invalid(field || '(body)', FORBIDDEN_CHARACTER_PROBLEM, 'INVALID_CHARACTERS');
}

/** The parts of the request's multipart body, in order; a file part's content read in full. */
export async function* formParts(request: FastifyRequest, options: PartsOptions): AsyncGenerator<FormPart> {
  try {
    for await (const part of request.parts(options)) {
      const read: FormPart =
        part.type === 'file'
          ? {
              kind: 'file',
              fieldname: part.fieldname,
              filename: part.filename,
              content: await part.toBuffer(),
              truncated: part.file.truncated,
            }
          : {
              kind: 'field',
              fieldname: part.fieldname,
              value: typeof part.value === 'string' ? part.value : String(part.value),
            };
      checkStorable(read);
      yield read;
    }
  } catch (error) {
    if (error instanceof AppError || hasClientStatus(error)) throw error;
    throw invalid(
      '(body)',
      'the multipart/form-data body could not be read (it is cut short or its boundary is wrong)',
      'MALFORMED_MULTIPART',
    );
  }
}
