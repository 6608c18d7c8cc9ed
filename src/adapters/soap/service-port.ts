// What the SOAP adapter needs from the verification use cases (a port), in greenID V3 wire terms.
// service-adapter.ts implements it over src/app/verification.ts; tests use a fake.
import type { CurrentStatusV3, RegisterVerificationRequest } from './wire-types.ts';

export interface SoapCredentials {
  accountId: string;
  password: string;
}

/** registerVerification's body without the credentials. */
export type RegisterInput = Omit<RegisterVerificationRequest, 'accountId' | 'password'>;

export interface VerificationLookup {
  verificationId?: string;
  verificationToken?: string;
}

/**
 * Every method either returns the wire status or throws. A thrown error whose `code` is a greenID fault code
 * (wire-types FAULT_CODES) becomes that fault with the error's message; anything else becomes a SystemFault
 * whose text says nothing about the cause (faults.ts).
 */
export interface SoapVerificationPort {
  register(auth: SoapCredentials, input: RegisterInput): Promise<CurrentStatusV3>;
  getSources(auth: SoapCredentials, lookup: VerificationLookup): Promise<CurrentStatusV3>;
  getFields(auth: SoapCredentials, lookup: VerificationLookup, sourceId: string): Promise<CurrentStatusV3>;
  setFields(
    auth: SoapCredentials,
    lookup: VerificationLookup,
    sourceId: string,
    inputs: Record<string, string>,
  ): Promise<CurrentStatusV3>;
  getResult(auth: SoapCredentials, lookup: VerificationLookup): Promise<CurrentStatusV3>;
  getToken(auth: SoapCredentials, verificationId: string): Promise<string>;
  expireToken(auth: SoapCredentials, verificationToken: string): Promise<void>;
}
