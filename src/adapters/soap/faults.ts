// greenID faults: which thrown errors become which SOAP fault (research/greenid-api.md §2.8).
import type { FaultCode, SoapFaultInfo } from './wire-types.ts';

export class SoapFault extends Error {
  readonly info: SoapFaultInfo;
  constructor(info: SoapFaultInfo) {
    super(info.message);
    this.name = 'SoapFault';
    this.info = info;
  }
}

/** `InvalidPasswordFault`, `UserIdNotFoundFault` …: the names greenID clients switch on. */
function isFaultCode(code: string): boolean {
  return /^[A-Z][A-Za-z]{1,60}Fault$/.test(code);
}

/** Application error codes that are not greenID names, mapped to the fault a greenID client expects. */
const CODE_ALIASES: Readonly<Record<string, FaultCode>> = {
  InvalidAccountIdFault: 'InvalidPasswordFault',
  InvalidAccountFault: 'InvalidPasswordFault',
  Unauthorized: 'InvalidPasswordFault',
  UNAUTHORIZED: 'InvalidPasswordFault',
  UnknownVerification: 'UserIdNotFoundFault',
  VerificationNotFound: 'UserIdNotFoundFault',
  NOT_FOUND: 'UserIdNotFoundFault',
  InvalidTokenException: 'InvalidTokenFault',
  UnknownToken: 'InvalidTokenFault',
  ValidationFault: 'FieldValidationFault',
  VALIDATION: 'FieldValidationFault',
  VerificationIdInUse: 'UserIdInUseFault',
  CONFLICT: 'UserIdInUseFault',
  UnknownSource: 'InvalidSourceIdFault',
  INVALID_CHARACTERS: 'InvalidRequestFault',
};

function readString(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field: unknown = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : undefined;
}

/** faultDetails/details: the error's `details` text, or one line per entry of `details` / `problems`. */
function readDetails(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  for (const key of ['details', 'problems']) {
    const details: unknown = (error as Record<string, unknown>)[key];
    if (typeof details === 'string' && details !== '') return details;
    if (Array.isArray(details)) {
      const lines = (details as unknown[])
        .map((item) => (typeof item === 'string' ? item : (readString(item, 'message') ?? '')))
        .filter((line) => line !== '');
      if (lines.length > 0) return lines.join('\n');
    }
  }
  return undefined;
}

/**
 * The fault for anything a use case threw. Errors carrying a greenID (or aliased) `code` keep their message;
 * any other error is a SystemFault that reveals nothing about its cause (the caller logs it).
 */
export function faultFromError(error: unknown): SoapFaultInfo {
  if (error instanceof SoapFault) return error.info;
  const rawCode = readString(error, 'code');
  const code: FaultCode | undefined =
    rawCode === undefined ? undefined : isFaultCode(rawCode) ? rawCode : CODE_ALIASES[rawCode];
  if (code === undefined || code === 'SystemFault') {
    return {
      code: 'SystemFault',
      message: 'System error',
      details: 'The request could not be completed because of an internal error. Please try again later.',
      faultcode: 'env:Server',
    };
  }
  const message = readString(error, 'message') ?? code;
  return { code, message, details: readDetails(error) ?? message, faultcode: 'env:Server' };
}

export function isSystemFault(info: SoapFaultInfo): boolean {
  return info.code === 'SystemFault';
}
