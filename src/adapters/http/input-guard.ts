// Characters no field may hold (src/domain/input/storable-text.ts) are refused at the door, naming the field,
// before any use case or query sees them.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../app/errors.ts';
import { fieldWithForbiddenCharacter, FORBIDDEN_CHARACTER_PROBLEM } from '../../domain/input/storable-text.ts';

const PARTS = ['params', 'query', 'body'] as const;

/** preValidation hook (a plain callback): 400 INVALID_CHARACTERS naming the field, for every route. */
export function refuseForbiddenCharacters(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: (error?: Error) => void,
): void {
  for (const part of PARTS) {
    const field = fieldWithForbiddenCharacter(request[part], '');
    if (field === undefined) continue;
    const name = field === '' ? part : field;
    done(
      new AppError('invalid', `${name} ${FORBIDDEN_CHARACTER_PROBLEM}`, 'INVALID_CHARACTERS', [
        { field: name, message: FORBIDDEN_CHARACTER_PROBLEM },
      ]),
    );
    return;
  }
  done();
}
