// The flows of zeep_flows.py, through node-soap (the dltxio/proxy.idem.com.au client's library), producing
// observations of the same shape so that one set of assertions checks both clients.
import { createClientAsync, type Client } from 'soap';

const AUTH = { accountId: 'demo', password: 'demo' } as const;
const ADDRESS = {
  country: 'AU',
  postcode: '2000',
  state: 'NSW',
  streetName: 'George',
  streetNumber: '1',
  streetType: 'ST',
  suburb: 'Sydney',
};
export const ALL_PASS = `TWO${'P'.repeat(28)}`;
export const ALL_FAIL = `TWO${'F'.repeat(28)}`;
/**
 * Watchlists clear, only the Victorian electoral roll (position 13: name+DOB and name+address) passes: the
 * default rule (two name+DOB, one name+address) then needs exactly one more name+DOB source, e.g. the passport.
 */
export const ONE_SHORT = `TWOPPP${'F'.repeat(9)}P${'F'.repeat(15)}`;

type Json = Record<string, unknown>;
type Call = (args: Json) => Promise<[Json | null, string]>;

function asArray(value: unknown): Json[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as Json[];
}

function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null ? (value as Json) : {};
}

export interface Fault {
  faultcode?: string;
  faultstring?: string;
  code?: string;
  details?: string;
  noFault?: unknown;
}

interface SoapErrorShape {
  root?: {
    Envelope?: {
      Body?: {
        Fault?: {
          faultcode?: string;
          faultstring?: string;
          detail?: { faultDetails?: { code?: string; details?: string } };
        };
      };
    };
  };
}

export async function faultOf(call: Promise<unknown>): Promise<Fault> {
  try {
    return { noFault: await call };
  } catch (error) {
    const fault = (error as SoapErrorShape).root?.Envelope?.Body?.Fault;
    if (fault === undefined) throw error;
    return {
      faultcode: fault.faultcode,
      faultstring: fault.faultstring,
      code: fault.detail?.faultDetails?.code,
      details: fault.detail?.faultDetails?.details,
    };
  }
}

export function statusSummary(raw: Json | null): Json {
  const status = obj(raw?.['return']);
  const result = obj(status['verificationResult']);
  const sources = asArray(obj(status['sourceList'])['source']);
  return {
    overall: result['overallVerificationStatus'] ?? null,
    verificationId: result['verificationId'] ?? null,
    checkState: obj(status['checkResult'])['state'] ?? null,
    token: status['verificationToken'] ?? null,
    sources: Object.fromEntries(
      sources.map((source) => [
        source['name'],
        { state: source['state'], passed: source['passed'], available: source['available'] },
      ]),
    ),
    individual: asArray(result['individualResult']).map((check) => ({
      name: check['name'] ?? null,
      state: check['state'] ?? null,
      method: check['method'] ?? null,
      fields: asArray(check['fieldResult']).map((field) => [field['name'] ?? null, field['status'] ?? null]),
    })),
    registeredName: obj(obj(status['registrationDetails'])['name'])['givenName'] ?? null,
  };
}

export class NodeSoapFlows {
  private constructor(private readonly client: Client) {}

  static async connect(wsdlUrl: string): Promise<NodeSoapFlows> {
    return new NodeSoapFlows(await createClientAsync(wsdlUrl));
  }

  call(name: string, args: Json): Promise<Json | null> {
    const method = this.client[`${name}Async`] as Call;
    // node-soap sends object keys in the given order: credentials last, like the NestJS client
    return method.call(this.client, { ...args, ...AUTH }).then(([result]) => result);
  }

  register(middleNames: string, extra: Json = {}): Promise<Json | null> {
    return this.call('registerVerification', {
      ruleId: 'default',
      name: { givenName: 'John', middleNames, surname: 'Citizen' },
      currentResidentialAddress: ADDRESS,
      dob: { day: 1, month: 1, year: 1980 },
      ...extra,
    });
  }

  async interactive(number: string): Promise<Json> {
    const registered = statusSummary(await this.register(ONE_SHORT));
    const verificationId = String(registered['verificationId']);
    const sources = statusSummary(await this.call('getSources', { verificationId }));
    const fields = obj(
      obj((await this.call('getFields', { verificationId, sourceId: 'passportdvs' }))?.['return'])['sourceFields'],
    );
    const fieldList = asArray(obj(fields['fieldList'])['sourceField']);
    const input = fieldList.map((field) => {
      const name = String(field['name']);
      const value = name.endsWith('_number') ? number : name.endsWith('_tandc') ? 'on' : String(field['value'] ?? '');
      return { name, value };
    });
    const after = statusSummary(
      await this.call('setFields', { verificationId, sourceId: 'passportdvs', inputFields: { input } }),
    );
    const final = statusSummary(await this.call('getVerificationResult', { verificationId }));
    const individual = final['individual'] as Json[];
    return {
      registered: registered['overall'],
      sourcesBefore: sources['sources'],
      fieldNames: fieldList.map((field) => field['name']),
      rawDataStart: String(fields['rawData'] ?? '').slice(0, 60),
      checkState: after['checkState'],
      overall: after['overall'],
      passport: obj(after['sources'])['passportdvs'] ?? null,
      final: final['overall'],
      passportResult: individual.find((check) => check['name'] === 'passportdvs') ?? null,
    };
  }

  async backgroundVerified(): Promise<Json> {
    const registered = statusSummary(await this.register(ALL_PASS));
    return { overall: registered['overall'], individual: registered['individual'], sources: registered['sources'] };
  }

  async tokens(): Promise<Json> {
    const registered = obj((await this.register(ALL_FAIL, { generateVerificationToken: true }))?.['return']);
    const vid = String(obj(registered['verificationResult'])['verificationId']);
    const first = String(registered['verificationToken']);
    const byToken = statusSummary(await this.call('getVerificationResult', { verificationToken: first }));
    const second = String((await this.call('getVerificationToken', { verificationId: vid }))?.['return']);
    await this.call('expireToken', { verificationToken: second });
    return {
      first,
      second,
      byTokenId: byToken['verificationId'],
      vid,
      expired: await faultOf(this.call('getVerificationResult', { verificationToken: second })),
      firstStillWorks: statusSummary(await this.call('getVerificationResult', { verificationToken: first }))[
        'verificationId'
      ],
      expireUnknown: await faultOf(this.call('expireToken', { verificationToken: 'f'.repeat(40) })),
    };
  }

  async faults(): Promise<Json> {
    const vid = String(statusSummary(await this.register(ALL_FAIL))['verificationId']);
    const withAuth = (name: string, args: Json, auth: Json): Promise<Json | null> => {
      const method = this.client[`${name}Async`] as Call;
      return method.call(this.client, { ...args, ...auth }).then(([result]) => result);
    };
    return {
      wrongPassword: await faultOf(
        withAuth('getSources', { verificationId: vid }, { accountId: 'demo', password: 'wrong' }),
      ),
      wrongAccount: await faultOf(
        withAuth('getVerificationResult', { verificationId: vid }, { accountId: 'nobody', password: 'demo' }),
      ),
      unknownVerification: await faultOf(this.call('getSources', { verificationId: 'NoSuchId' })),
      unknownSource: await faultOf(this.call('getFields', { verificationId: vid, sourceId: 'nosuchsource' })),
      invalidField: await faultOf(
        this.call('setFields', {
          verificationId: vid,
          sourceId: 'passportdvs',
          inputFields: {
            input: [
              { name: 'greenid_passportdvs_number', value: 'A1111111' },
              { name: 'greenid_passportdvs_tandc', value: '' },
            ],
          },
        }),
      ),
      unknownToken: await faultOf(this.call('expireToken', { verificationToken: 'f'.repeat(40) })),
      registerInvalid: await faultOf(
        this.call('registerVerification', {
          ruleId: 'default',
          name: { givenName: '', surname: 'X' },
          dob: { day: 31, month: 2, year: 1980 },
          generateVerificationToken: false,
        }),
      ),
    };
  }
}
