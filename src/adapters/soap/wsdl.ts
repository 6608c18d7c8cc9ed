// The DynamicFormsServiceV3 WSDL (document/literal wrapped, SOAP 1.1), generated from schema.ts in the
// layout of greenID's JAX-WS WSDL (research/greenid-api.md §3, §6). soap:address is the URL the client used.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { COMPLEX_TYPES, OPERATIONS, SERVICE_NAMESPACE, isPrimitive, type Member } from './schema.ts';

const WSDL_NS = 'http://schemas.xmlsoap.org/wsdl/';
const WSDL_SOAP_NS = 'http://schemas.xmlsoap.org/wsdl/soap/';
const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
const SERVICE = 'DynamicFormsServiceV3';
export const SOAP_PATH = '/Registrations-Registrations/DynamicFormsServiceV3';

function memberAttributes(member: Member): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (member.many === true) attributes['maxOccurs'] = 'unbounded';
  if (member.required !== true) attributes['minOccurs'] = '0';
  attributes['name'] = member.name;
  attributes['type'] = isPrimitive(member.type) ? `xs:${member.type}` : `tns:${member.type}`;
  return attributes;
}

function writeSchema(types: XMLBuilder): void {
  const schema = types.ele(XSD_NS, 'xs:schema', { targetNamespace: SERVICE_NAMESPACE, version: '1.0' });
  const elements = [...OPERATIONS.flatMap((operation) => [operation, `${operation}Response`]), 'faultDetails'].sort();
  for (const element of elements) {
    schema.ele(XSD_NS, 'xs:element', { name: element, type: `tns:${element === 'faultDetails' ? 'Fault' : element}` });
  }
  for (const [typeName, members] of Object.entries(COMPLEX_TYPES)) {
    const sequence = schema.ele(XSD_NS, 'xs:complexType', { name: typeName }).ele(XSD_NS, 'xs:sequence');
    for (const member of members as readonly Member[]) sequence.ele(XSD_NS, 'xs:element', memberAttributes(member));
  }
}

function buildWsdl(address: string): string {
  const doc = create();
  const definitions = doc.ele(WSDL_NS, 'definitions', {
    name: SERVICE,
    targetNamespace: SERVICE_NAMESPACE,
    'xmlns:soap': WSDL_SOAP_NS,
    'xmlns:tns': SERVICE_NAMESPACE,
    'xmlns:xs': XSD_NS,
  });
  writeSchema(definitions.ele(WSDL_NS, 'types'));

  for (const operation of OPERATIONS) {
    for (const part of [operation, `${operation}Response`]) {
      definitions
        .ele(WSDL_NS, 'message', { name: `${SERVICE}_${part}` })
        .ele(WSDL_NS, 'part', { element: `tns:${part}`, name: part });
    }
  }
  definitions
    .ele(WSDL_NS, 'message', { name: 'faultDetails' })
    .ele(WSDL_NS, 'part', { element: 'tns:faultDetails', name: 'faultDetails' });

  const portType = definitions.ele(WSDL_NS, 'portType', { name: SERVICE });
  for (const operation of OPERATIONS) {
    const op = portType.ele(WSDL_NS, 'operation', { name: operation, parameterOrder: operation });
    op.ele(WSDL_NS, 'input', { message: `tns:${SERVICE}_${operation}` });
    op.ele(WSDL_NS, 'output', { message: `tns:${SERVICE}_${operation}Response` });
    op.ele(WSDL_NS, 'fault', { message: 'tns:faultDetails', name: 'faultDetails' });
  }

  const binding = definitions.ele(WSDL_NS, 'binding', { name: `${SERVICE}Binding`, type: `tns:${SERVICE}` });
  binding.ele(WSDL_SOAP_NS, 'soap:binding', { style: 'document', transport: 'http://schemas.xmlsoap.org/soap/http' });
  for (const operation of OPERATIONS) {
    const op = binding.ele(WSDL_NS, 'operation', { name: operation });
    op.ele(WSDL_SOAP_NS, 'soap:operation', { soapAction: '' });
    op.ele(WSDL_NS, 'input').ele(WSDL_SOAP_NS, 'soap:body', { use: 'literal' });
    op.ele(WSDL_NS, 'output').ele(WSDL_SOAP_NS, 'soap:body', { use: 'literal' });
    op.ele(WSDL_NS, 'fault', { name: 'faultDetails' }).ele(WSDL_SOAP_NS, 'soap:fault', {
      name: 'faultDetails',
      use: 'literal',
    });
  }

  definitions
    .ele(WSDL_NS, 'service', { name: SERVICE })
    .ele(WSDL_NS, 'port', { binding: `tns:${SERVICE}Binding`, name: `${SERVICE}Port` })
    .ele(WSDL_SOAP_NS, 'soap:address', { location: address });
  return doc.end({ prettyPrint: true });
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 64;

/** The WSDL text with `address` as soap:address location (cached per address). */
export function renderWsdl(address: string): string {
  const cached = cache.get(address);
  if (cached !== undefined) return cached;
  const wsdl = buildWsdl(address);
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  cache.set(address, wsdl);
  return wsdl;
}

export interface RequestOrigin {
  headers: Record<string, string | string[] | undefined>;
  protocol: string;
  url: string;
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  const first = raw?.split(',')[0]?.trim();
  return first === undefined || first === '' ? undefined : first;
}

const HOST_PATTERN = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
const PREFIX_PATTERN = /^(?:\/[A-Za-z0-9._~-]+)+$/;

/**
 * The endpoint URL as the client sees it: the request's own scheme and host, then the path. Behind a proxy the
 * operator runs (`trustProxy`), scheme and host come from X-Forwarded-Proto / X-Forwarded-Host and
 * X-Forwarded-Prefix names the path the proxy mounts pono below. Without it those headers are ignored: a WSDL
 * cached with a forged address would send clients' passwords elsewhere.
 */
export function endpointAddress(request: RequestOrigin, trustProxy = false): string {
  const forwarded = (name: string): string | undefined => (trustProxy ? firstHeader(request.headers[name]) : undefined);
  const proto = forwarded('x-forwarded-proto');
  const scheme = proto === 'https' || proto === 'http' ? proto : request.protocol === 'https' ? 'https' : 'http';
  const host =
    [forwarded('x-forwarded-host'), firstHeader(request.headers['host'])].find(
      (candidate): candidate is string => candidate !== undefined && HOST_PATTERN.test(candidate),
    ) ?? 'localhost';
  const prefix = forwarded('x-forwarded-prefix');
  const path = request.url.split('?')[0] ?? SOAP_PATH;
  const base = prefix !== undefined && PREFIX_PATTERN.test(prefix) ? prefix : '';
  return `${scheme}://${host}${base}${path}`;
}
