// Writes response envelopes exactly as greenID's JAX-WS stack does (research/greenid-api.md §6):
// `env` for the SOAP envelope with an empty Header, `ns2` declared on the response wrapper, unqualified
// children, members in schema sequence order and nothing undeclared (zeep rejects both).
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import {
  SERVICE_NAMESPACE, SOAP_ENVELOPE_NAMESPACE, isPrimitive, membersOf, type Member, type OperationName, type TypeName,
} from './schema.ts';
import type { CurrentStatusV3, SoapFaultInfo } from './wire-types.ts';

// XML 1.0 forbids most control characters; they are dropped rather than breaking every client's parser.
function isXmlChar(code: number): boolean {
  return code >= 0x20 ? code !== 0xfffe && code !== 0xffff : code === 0x09 || code === 0x0a || code === 0x0d;
}

function clean(text: string): string {
  for (let index = 0; index < text.length; index++) {
    if (!isXmlChar(text.charCodeAt(index))) {
      return Array.from(text).filter((char) => isXmlChar(char.charCodeAt(0))).join('');
    }
  }
  return text;
}

function primitiveText(member: Member, value: unknown): string | undefined {
  if (value === undefined || value === null) {
    if (member.required !== true) return undefined;
    return member.type === 'boolean' ? 'false' : '0';
  }
  if (member.type === 'boolean') return value === true || value === 'true' ? 'true' : 'false';
  if (member.type === 'int' || member.type === 'long') {
    const number = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(number) ? String(Math.trunc(number)) : member.required === true ? '0' : undefined;
  }
  if (typeof value === 'string') return clean(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  return undefined;
}

function writeMember(parent: XMLBuilder, member: Member, value: unknown): void {
  if (isPrimitive(member.type)) {
    const text = primitiveText(member, value);
    if (text !== undefined) parent.ele(member.name).txt(text);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  writeComplex(parent.ele(member.name), member.type, value as Record<string, unknown>);
}

/** Writes `value`'s members of `type` under `element`, in sequence order, skipping anything undeclared. */
export function writeComplex(element: XMLBuilder, type: TypeName, value: Record<string, unknown>): void {
  for (const member of membersOf(type)) {
    const memberValue = value[member.name];
    if (member.many === true) {
      if (Array.isArray(memberValue)) for (const item of memberValue as unknown[]) writeMember(element, member, item);
      continue;
    }
    writeMember(element, member, memberValue);
  }
}

function envelope(): { doc: XMLBuilder; body: XMLBuilder } {
  const doc = create();
  const env = doc.ele(SOAP_ENVELOPE_NAMESPACE, 'env:Envelope');
  env.ele(SOAP_ENVELOPE_NAMESPACE, 'env:Header');
  return { doc, body: env.ele(SOAP_ENVELOPE_NAMESPACE, 'env:Body') };
}

function finish(doc: XMLBuilder): string {
  return doc.end({ headless: true });
}

export type SoapResult =
  | { operation: Exclude<OperationName, 'getVerificationToken' | 'expireToken'>; status: CurrentStatusV3 }
  | { operation: 'getVerificationToken'; token: string }
  | { operation: 'expireToken' };

export function serializeResponse(result: SoapResult): string {
  const { doc, body } = envelope();
  const wrapper = body.ele(SERVICE_NAMESPACE, `ns2:${result.operation}Response`);
  if (result.operation === 'getVerificationToken') {
    wrapper.ele('return').txt(clean(result.token));
  } else if (result.operation !== 'expireToken') {
    // CurrentStatusV3 is a plain object of wire members; the schema decides what is written.
    writeComplex(wrapper.ele('return'), 'currentStatusV3', result.status as Record<string, unknown>);
  }
  return finish(doc);
}

export function serializeFault(fault: SoapFaultInfo): string {
  const { doc, body } = envelope();
  const element = body.ele(SOAP_ENVELOPE_NAMESPACE, 'env:Fault');
  element.ele('faultcode').txt(fault.faultcode);
  element.ele('faultstring').txt(clean(fault.message));
  const details = element.ele('detail').ele(SERVICE_NAMESPACE, 'ns2:faultDetails');
  details.ele('code').txt(fault.code);
  details.ele('details').txt(clean(fault.details));
  return finish(doc);
}
