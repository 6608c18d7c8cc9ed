// A deterministic SoapVerificationPort for wire tests: canned CurrentStatusV3 objects with every member the
// serializer knows, and faults keyed on the inputs (account "demo"/"demo", verification "V1", token "t0ken").
import type {
  SoapCredentials,
  SoapVerificationPort,
  VerificationLookup,
  RegisterInput,
} from '../../../src/adapters/soap/service-port.ts';
import type { CurrentStatusV3, SourceV3 } from '../../../src/adapters/soap/wire-types.ts';

export const FAKE_TOKEN = '0123456789abcdef0123456789abcdef01234567';

class FakeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: string[],
  ) {
    super(message);
  }
}

export interface FakeCall {
  method: string;
  args: unknown[];
}

function source(name: string, order: number, overrides: Partial<SourceV3> = {}): SourceV3 {
  return {
    name,
    order,
    available: true,
    notRequired: false,
    oneSourceLeft: false,
    passed: false,
    state: 'EMPTY',
    version: 1,
    ...overrides,
  };
}

export function fakeStatus(verificationId: string): CurrentStatusV3 {
  return {
    // members deliberately listed out of schema order: the serializer must reorder them
    verificationToken: FAKE_TOKEN,
    verificationResult: {
      verificationId,
      ruleId: 'default',
      overallVerificationStatus: 'IN_PROGRESS',
      individualResult: [
        {
          name: 'AEC',
          method: 'BG',
          state: 'VERIFIED',
          dateCreated: '2024-05-01T10:00:00.000+1000',
          fieldResult: [
            { name: 'givenName', status: 'CONFIRMED', value: 'John' },
            { name: 'surname', status: 'CONFIRMED', value: 'Smith' },
          ],
        },
        {
          name: 'Watchlists',
          method: 'BG',
          state: 'NOT_FOUND_ON_LIST',
          individualResult: [
            { name: 'DFAT', state: 'NOT_FOUND_ON_LIST' },
            { name: 'PEP', state: 'NOT_FOUND_ON_LIST' },
          ],
        },
      ],
    },
    sourceList: {
      source: [
        source('passportdvs', 1, { oneSourceLeft: true }),
        source('aec', 2, { passed: true, state: 'VERIFIED', available: false, notRequired: true }),
        source('medicaredvs', 3, { attributes: [{ name: 'class', value: 'document' }] }),
      ],
    },
    registrationDetails: {
      name: { givenName: 'John', middleNames: 'TWOFFFF', surname: 'Smith' },
      dob: { day: 1, month: 1, year: 1980 },
      dateCreated: '2024-05-01T10:00:00.000+1000',
      currentResidentialAddress: {
        streetNumber: '1',
        streetName: 'Main',
        streetType: 'ST',
        suburb: 'Sydney',
        state: 'NSW',
        postcode: '2000',
        country: 'AU',
      },
      email: 'john@example.com',
    },
  };
}

export class FakePort implements SoapVerificationPort {
  readonly calls: FakeCall[] = [];

  private check(auth: SoapCredentials): void {
    if (auth.accountId !== 'demo' || auth.password !== 'demo')
      throw new FakeError('InvalidPasswordFault', 'Invalid account or password');
  }

  private find(lookup: VerificationLookup): string {
    const id = lookup.verificationId ?? (lookup.verificationToken === FAKE_TOKEN ? 'V1' : undefined);
    if (id !== 'V1') throw new FakeError('UnknownVerification', 'Unknown verification');
    return id;
  }

  async register(auth: SoapCredentials, input: RegisterInput): Promise<CurrentStatusV3> {
    this.calls.push({ method: 'register', args: [auth, input] });
    this.check(auth);
    if (input.email === 'not-an-email') {
      throw new FakeError('FieldValidationFault', 'Invalid input field(s) - Email', [
        'Email is not a valid email address.',
      ]);
    }
    if (input.name?.surname === 'Crash') throw new Error('database connection lost at 10.0.0.1');
    const status = fakeStatus(input.verificationId ?? 'V1');
    if (input.generateVerificationToken !== true) delete status.verificationToken;
    return status;
  }

  async getSources(auth: SoapCredentials, lookup: VerificationLookup): Promise<CurrentStatusV3> {
    this.calls.push({ method: 'getSources', args: [auth, lookup] });
    this.check(auth);
    const { sourceList, verificationResult, registrationDetails } = fakeStatus(this.find(lookup));
    return { sourceList, verificationResult, registrationDetails };
  }

  async getFields(auth: SoapCredentials, lookup: VerificationLookup, sourceId: string): Promise<CurrentStatusV3> {
    this.calls.push({ method: 'getFields', args: [auth, lookup, sourceId] });
    this.check(auth);
    const id = this.find(lookup);
    if (sourceId !== 'passportdvs') throw new FakeError('InvalidSourceIdFault', `Invalid source id ${sourceId}`);
    const { sourceList, verificationResult } = fakeStatus(id);
    return {
      sourceFields: {
        rawData:
          '<?xml version="1.0" encoding="UTF-8"?><sourcefields><input name="greenid_passportdvs_number"/></sourcefields>',
        fieldList: {
          sourceField: [
            {
              name: 'greenid_passportdvs_number',
              label: 'Passport number',
              type: 'text',
              value: '',
              attribute: [{ name: 'class', value: 'required' }],
            },
            { name: 'greenid_passportdvs_tandc', label: 'I consent', type: 'checkbox', value: '' },
          ],
        },
      },
      sourceList,
      verificationResult,
    };
  }

  async setFields(
    auth: SoapCredentials,
    lookup: VerificationLookup,
    sourceId: string,
    inputs: Record<string, string>,
  ): Promise<CurrentStatusV3> {
    this.calls.push({ method: 'setFields', args: [auth, lookup, sourceId, { ...inputs }] });
    this.check(auth);
    const id = this.find(lookup);
    if (sourceId !== 'passportdvs') throw new FakeError('InvalidSourceIdFault', `Invalid source id ${sourceId}`);
    if (inputs['greenid_passportdvs_tandc'] !== 'on') {
      throw new FakeError('FieldValidationFault', 'Invalid input field(s) - Terms and conditions', [
        'You must accept the terms and conditions.',
      ]);
    }
    const status = fakeStatus(id);
    delete status.verificationToken;
    delete status.registrationDetails;
    if (status.verificationResult !== undefined) status.verificationResult.overallVerificationStatus = 'VERIFIED';
    status.checkResult = { state: 'VERIFIED', stillWorking: false };
    return status;
  }

  async getResult(auth: SoapCredentials, lookup: VerificationLookup): Promise<CurrentStatusV3> {
    this.calls.push({ method: 'getResult', args: [auth, lookup] });
    this.check(auth);
    return fakeStatus(this.find(lookup));
  }

  async getToken(auth: SoapCredentials, verificationId: string): Promise<string> {
    this.calls.push({ method: 'getToken', args: [auth, verificationId] });
    this.check(auth);
    this.find({ verificationId });
    return FAKE_TOKEN;
  }

  async expireToken(auth: SoapCredentials, verificationToken: string): Promise<void> {
    this.calls.push({ method: 'expireToken', args: [auth, verificationToken] });
    this.check(auth);
    if (verificationToken !== FAKE_TOKEN) throw new FakeError('InvalidTokenFault', 'Unknown verification token');
  }
}
