// Dispatch: a parsed greenID request → the use case (through the port) → the response to write.
// Only wire concerns live here: credentials present, inputFields flattened to a map. Every business rule is the use case's.
import { fieldWithForbiddenCharacter, FORBIDDEN_CHARACTER_PROBLEM } from '../../domain/input/storable-text.ts';
import { SoapFault } from './faults.ts';
import type { ParsedRequest } from './envelope.ts';
import type { SoapResult } from './serialize.ts';
import type { SoapCredentials, SoapVerificationPort, VerificationLookup } from './service-port.ts';
import type { NameValuePair } from './wire-types.ts';

function credentials(request: { accountId?: string; password?: string }): SoapCredentials {
  if (request.accountId === undefined || request.password === undefined) {
    throw new SoapFault({
      code: 'InvalidPasswordFault',
      message: 'Invalid account or password',
      details: 'accountId and password are required.',
      faultcode: 'env:Server',
    });
  }
  return { accountId: request.accountId, password: request.password };
}

/**
 * A missing identifier is passed on as '' rather than refused here, so that the use case decides in its own
 * order (credentials first, then the verification, then the source) exactly as for a wrong one.
 */
function given(value: string | undefined): string {
  return value ?? '';
}

function lookup(request: { verificationId?: string; verificationToken?: string }): VerificationLookup {
  const out: VerificationLookup = {};
  if (request.verificationId !== undefined) out.verificationId = request.verificationId;
  if (request.verificationToken !== undefined) out.verificationToken = request.verificationToken;
  return out;
}

/** inputFields/input* as name → value; the last of repeated names wins, nameless pairs are skipped. */
export function inputMap(inputs: readonly NameValuePair[] | undefined): Record<string, string> {
  const map: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const input of inputs ?? []) {
    if (input.name !== undefined) map[input.name] = input.value ?? '';
  }
  return map;
}

/** A field holding a character no database can store is the client's error, named (never a SystemFault). */
function refuseUnstorable(parsed: ParsedRequest): void {
  const field = fieldWithForbiddenCharacter(parsed.request, '');
  if (field === undefined) return;
  throw new SoapFault({
    code: 'FieldValidationFault',
    message: `Invalid input field(s) - ${field}`,
    details: `${field} ${FORBIDDEN_CHARACTER_PROBLEM}`,
    faultcode: 'env:Client',
  });
}

export async function runOperation(parsed: ParsedRequest, port: SoapVerificationPort): Promise<SoapResult> {
  refuseUnstorable(parsed);
  switch (parsed.operation) {
    case 'registerVerification': {
      const { accountId, password, ...input } = parsed.request;
      const auth = credentials({ accountId, password });
      return { operation: parsed.operation, status: await port.register(auth, input) };
    }
    case 'getSources': {
      const auth = credentials(parsed.request);
      return { operation: parsed.operation, status: await port.getSources(auth, lookup(parsed.request)) };
    }
    case 'getFields': {
      const auth = credentials(parsed.request);
      const sourceId = given(parsed.request.sourceId);
      return { operation: parsed.operation, status: await port.getFields(auth, lookup(parsed.request), sourceId) };
    }
    case 'setFields': {
      const auth = credentials(parsed.request);
      const sourceId = given(parsed.request.sourceId);
      const inputs = inputMap(parsed.request.inputFields?.input);
      return {
        operation: parsed.operation,
        status: await port.setFields(auth, lookup(parsed.request), sourceId, inputs),
      };
    }
    case 'getVerificationResult': {
      const auth = credentials(parsed.request);
      return { operation: parsed.operation, status: await port.getResult(auth, lookup(parsed.request)) };
    }
    case 'getVerificationToken': {
      const auth = credentials(parsed.request);
      const verificationId = given(parsed.request.verificationId);
      return { operation: parsed.operation, token: await port.getToken(auth, verificationId) };
    }
    case 'expireToken': {
      const auth = credentials(parsed.request);
      await port.expireToken(auth, given(parsed.request.verificationToken));
      return { operation: parsed.operation };
    }
  }
}
