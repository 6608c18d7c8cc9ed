// Writes response envelopes exactly as greenID's JAX-WS stack does (research/greenid-api.md §6):
// `env` for the SOAP envelope with an empty Header, `ns2` declared on the response wrapper, unqualified
// children, members in schema sequence order and nothing undeclared (zeep rejects both).
// Responses are written straight into a string, driven by the schema: element names come only from schema.ts
// and every text goes through escapeText, so the output is well-formed by construction. (xmlbuilder2, used
// for the WSDL, builds a DOM first: 0.3 ms per response, half the whole SOAP overhead in bench/soap.ts.)
import {
  SERVICE_NAMESPACE,
  SOAP_ENVELOPE_NAMESPACE,
  isPrimitive,
  membersOf,
  type Member,
  type OperationName,
  type TypeName,
} from './schema.ts';
import type { CurrentStatusV3, SoapFaultInfo } from './wire-types.ts';

// XML 1.0 forbids most control characters; they are dropped rather than breaking every client's parser.
function isXmlChar(code: number): boolean {
  return code >= 0x20 ? code !== 0xfffe && code !== 0xffff : code === 0x09 || code === 0x0a || code === 0x0d;
}

function clean(text: string): string {
  for (let index = 0; index < text.length; index++) {
    if (!isXmlChar(text.charCodeAt(index))) {
      return Array.from(text)
        .filter((char) => isXmlChar(char.charCodeAt(0)))
        .join('');
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

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Text content: XML-escaped, characters XML 1.0 cannot carry dropped. */
export function escapeText(text: string): string {
  const cleaned = clean(text);
  return /[&<>]/.test(cleaned) ? cleaned.replace(/[&<>]/g, (char) => ESCAPES[char] ?? char) : cleaned;
}

function writeMember(out: string[], member: Member, value: unknown): void {
  if (isPrimitive(member.type)) {
    const text = primitiveText(member, value);
    if (text !== undefined) out.push(`<${member.name}>`, escapeText(text), `</${member.name}>`);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  out.push(`<${member.name}>`);
  writeComplex(out, member.type, value as Record<string, unknown>);
  out.push(`</${member.name}>`);
}

/** Writes `value`'s members of `type`, in sequence order, skipping anything undeclared. */
export function writeComplex(out: string[], type: TypeName, value: Record<string, unknown>): void {
  for (const member of membersOf(type)) {
    const memberValue = value[member.name];
    if (member.many === true) {
      if (Array.isArray(memberValue)) for (const item of memberValue as unknown[]) writeMember(out, member, item);
      continue;
    }
    writeMember(out, member, memberValue);
  }
}

const OPEN = `<env:Envelope xmlns:env="${SOAP_ENVELOPE_NAMESPACE}"><env:Header/><env:Body>`;
const CLOSE = '</env:Body></env:Envelope>';

export type SoapResult =
  | { operation: Exclude<OperationName, 'getVerificationToken' | 'expireToken'>; status: CurrentStatusV3 }
  | { operation: 'getVerificationToken'; token: string }
  | { operation: 'expireToken' };

export function serializeResponse(result: SoapResult): string {
  const wrapper = `ns2:${result.operation}Response`;
  const open = `${OPEN}<${wrapper} xmlns:ns2="${SERVICE_NAMESPACE}"`;
  if (result.operation === 'expireToken') return `${open}/>${CLOSE}`;
  const out = [open, '><return>'];
  if (result.operation === 'getVerificationToken') {
    out.push(escapeText(result.token));
  } else {
    // CurrentStatusV3 is a plain object of wire members; the schema decides what is written.
    writeComplex(out, 'currentStatusV3', result.status as Record<string, unknown>);
  }
  out.push('</return>', `</${wrapper}>`, CLOSE);
  return out.join('');
}

/** A fault's text never grows with the request (an echoed id or element name): at most 1,000 characters each. */
const MAX_FAULT_TEXT = 1000;
function bounded(text: string): string {
  return text.length <= MAX_FAULT_TEXT ? text : `${text.slice(0, MAX_FAULT_TEXT)}…`;
}

export function serializeFault(fault: SoapFaultInfo): string {
  return (
    `${OPEN}<env:Fault><faultcode>${fault.faultcode}</faultcode><faultstring>${escapeText(bounded(fault.message))}</faultstring>` +
    `<detail><ns2:faultDetails xmlns:ns2="${SERVICE_NAMESPACE}"><code>${escapeText(bounded(fault.code))}</code>` +
    `<details>${escapeText(bounded(fault.details))}</details></ns2:faultDetails></detail></env:Fault>${CLOSE}`
  );
}
