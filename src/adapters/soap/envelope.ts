// Reads a SOAP 1.1 request envelope into a typed greenID request. Lenient the way real clients need
// (research/greenid-api.md §6): any prefixes or a default namespace, with or without declaration or Header
// (even two), children in any order, unknown elements ignored, empty elements treated as absent.
// Strict where safety needs it: size, nesting depth, no DOCTYPE or entity declarations, well-formed XML.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { isOperationName, isPrimitive, membersOf, type Member, type OperationName, type TypeName } from './schema.ts';
import type { SoapRequests } from './wire-types.ts';
import { SoapFault } from './faults.ts';

export const MAX_ENVELOPE_BYTES = 1024 * 1024;
export const MAX_NESTING = 64;

/** An element by local name, its element children and its text (CDATA included, trimmed). */
export interface XmlElement {
  readonly name: string;
  readonly children: XmlElement[];
  readonly text: string;
}

export type ParsedRequest = { [K in OperationName]: { operation: K; request: SoapRequests[K] } }[OperationName];

const parser = new XMLParser({
  preserveOrder: true,
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Entities are decoded below in one pass (decodeEntities); the parser's own entity handling costs 3x the parse.
  processEntities: false,
  cdataPropName: '#cdata',
  maxNestedTags: MAX_NESTING,
});

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function codePoint(reference: string): string | undefined {
  const value = reference.startsWith('#x')
    ? Number.parseInt(reference.slice(2), 16)
    : Number.parseInt(reference.slice(1), 10);
  return Number.isInteger(value) && value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : undefined;
}

/** XML's five predefined entities and character references, in a single pass (so &amp;lt; stays &lt;). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(lt|gt|amp|quot|apos|#x[0-9A-Fa-f]{1,6}|#[0-9]{1,7});/g,
    (whole, name: string) => PREDEFINED[name] ?? codePoint(name) ?? whole,
  );
}

function malformed(details: string): SoapFault {
  return new SoapFault({
    code: 'InvalidRequestFault',
    message: 'Malformed SOAP request',
    details,
    faultcode: 'env:Client',
  });
}

/** fast-xml-parser's preserveOrder output: [{ tag: [...children] } | { '#text': string }] */
type OrderedNode = Record<string, unknown>;

/** A CDATA section's text, taken as is: [{ '#text': '…' }] */
function cdataText(raw: unknown): string {
  if (!Array.isArray(raw)) return '';
  return (raw as unknown[])
    .map((part) => {
      const text: unknown = typeof part === 'object' && part !== null ? (part as OrderedNode)['#text'] : undefined;
      return typeof text === 'string' ? text : '';
    })
    .join('');
}

function toElement(name: string, raw: unknown): XmlElement {
  const children: XmlElement[] = [];
  let text = '';
  if (Array.isArray(raw)) {
    for (const item of raw as unknown[]) {
      if (typeof item !== 'object' || item === null) continue;
      for (const [key, value] of Object.entries(item as OrderedNode)) {
        if (key === '#text') text += decodeEntities(typeof value === 'string' ? value : String(value));
        else if (key === '#cdata') text += cdataText(value);
        else if (key !== ':@') children.push(toElement(key, value));
      }
    }
  }
  return { name, children, text: text.trim() };
}

/** Element names fast-xml-parser refuses (they could pollute prototypes): left to it, to refuse them alike. */
const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

interface OpenElement {
  name: string;
  children: XmlElement[];
  text: string;
}

/**
 * A well-formed envelope read by a strict streaming parser (saxes), in one pass: a fifth of the time
 * fast-xml-parser's validation and parse take together. Undefined for anything it does not take as it is (not
 * well-formed, an undeclared entity, nested too deep, a reserved name): such a request is read, or refused with
 * its reason in words, by the lenient path below, exactly as before.
 */
export function readWellFormed(xml: string): XmlElement | undefined {
  const parser = new SaxesParser({ xmlns: false });
  const document: OpenElement = { name: '#document', children: [], text: '' };
  const open: OpenElement[] = [document];
  let refused = false;
  parser.on('opentag', (tag) => {
    const name = tag.name.slice(tag.name.indexOf(':') + 1);
    if (open.length > MAX_NESTING || RESERVED_NAMES.has(name)) refused = true;
    const element: OpenElement = { name, children: [], text: '' };
    open.at(-1)?.children.push(element);
    open.push(element);
  });
  parser.on('closetag', () => {
    const element = open.pop();
    if (element) element.text = element.text.trim();
  });
  parser.on('text', (text) => {
    const element = open.at(-1);
    if (element) element.text += text;
  });
  parser.on('cdata', (text) => {
    const element = open.at(-1);
    if (element) element.text += text;
  });
  try {
    parser.write(xml).close();
  } catch {
    return undefined;
  }
  return refused ? undefined : document.children[0];
}

export function parseXml(xml: string): XmlElement {
  if (Buffer.byteLength(xml, 'utf8') > MAX_ENVELOPE_BYTES) {
    throw malformed(`The request is larger than ${MAX_ENVELOPE_BYTES} bytes.`);
  }
  // DTDs are never needed by SOAP (SOAP 1.1 §3 forbids them) and are the vehicle of XXE and entity bombs.
  if (xml.includes('<!DOCTYPE') || xml.includes('<!ENTITY')) {
    throw malformed('DOCTYPE and ENTITY declarations are not allowed.');
  }
  return readWellFormed(xml) ?? readLeniently(xml);
}

/** fast-xml-parser's validation and parse: what the strict reading does not take is read, or refused, here. */
export function readLeniently(xml: string): XmlElement {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw malformed(`Not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col}).`);
  }
  let ordered: unknown;
  try {
    ordered = parser.parse(xml);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const reason = message.includes('nested')
      ? `Elements are nested deeper than ${MAX_NESTING} levels.`
      : message.includes('SECURITY')
        ? 'The request uses a reserved element name.'
        : 'The XML could not be read.';
    throw malformed(reason);
  }
  const roots = toElement('#document', ordered).children;
  const root = roots[0];
  if (root === undefined) throw malformed('The request has no root element.');
  return root;
}

// ---- schema-driven reading

export interface ReadContext {
  problems: string[];
}

function readPrimitive(member: Member, element: XmlElement, path: string, ctx: ReadContext): unknown {
  const text = element.text;
  if (text === '') return undefined;
  switch (member.type) {
    case 'int':
    case 'long': {
      if (!/^[+-]?\d{1,18}$/.test(text)) {
        ctx.problems.push(`${path} must be a whole number, not "${text.slice(0, 40)}"`);
        return undefined;
      }
      const value = Number(text);
      if (member.type === 'int' && (value > 2147483647 || value < -2147483648)) {
        ctx.problems.push(`${path} is out of range`);
        return undefined;
      }
      return value;
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (lower === 'true' || lower === '1') return true;
      if (lower === 'false' || lower === '0') return false;
      ctx.problems.push(`${path} must be true or false, not "${text.slice(0, 40)}"`);
      return undefined;
    }
    default:
      return text;
  }
}

/** `path` names the field in problems: dob.day, inputFields.input[2].value */
function readMember(member: Member, element: XmlElement, path: string, ctx: ReadContext): unknown {
  return isPrimitive(member.type)
    ? readPrimitive(member, element, path, ctx)
    : readComplex(member.type, element, `${path}.`, ctx);
}

/** Reads an element as `type`; undefined when nothing in it was set. */
export function readComplex(
  type: TypeName,
  element: XmlElement,
  prefix: string,
  ctx: ReadContext,
): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let any = false;
  for (const member of membersOf(type)) {
    const matching = element.children.filter((child) => child.name === member.name);
    if (matching.length === 0) continue;
    if (member.many === true) {
      const values = matching
        .map((child, index) => readMember(member, child, `${prefix}${member.name}[${index + 1}]`, ctx))
        .filter((value) => value !== undefined);
      if (values.length > 0) {
        out[member.name] = values;
        any = true;
      }
    } else {
      const first = matching[0];
      const value = first === undefined ? undefined : readMember(member, first, `${prefix}${member.name}`, ctx);
      if (value !== undefined) {
        out[member.name] = value;
        any = true;
      }
    }
  }
  return any ? out : undefined;
}

function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((candidate) => candidate.name === name);
}

/** Parses a whole request envelope; throws SoapFault for anything that is not a greenID V3 request. */
export function parseEnvelope(xml: string): ParsedRequest {
  const root = parseXml(xml);
  if (root.name !== 'Envelope') throw malformed(`The root element is ${root.name}, not a SOAP Envelope.`);
  const body = child(root, 'Body');
  if (body === undefined) throw malformed('The SOAP Envelope has no Body.');
  const operationElement = body.children[0];
  if (operationElement === undefined) throw malformed('The SOAP Body is empty.');
  const operation = operationElement.name;
  if (!isOperationName(operation)) {
    throw malformed(
      `Unknown operation ${operation.slice(0, 80)}; expected one of the DynamicFormsServiceV3 operations.`,
    );
  }
  const ctx: ReadContext = { problems: [] };
  const request = readComplex(operation, operationElement, '', ctx) ?? {};
  if (ctx.problems.length > 0) {
    throw new SoapFault({
      code: 'FieldValidationFault',
      message: `Invalid input field(s) - ${ctx.problems.map((problem) => problem.split(' ')[0]).join(', ')}`,
      details: ctx.problems.join('\n'),
      faultcode: 'env:Server',
    });
  }
  // The schema (schema.ts) and the request types (wire-types.ts) describe the same shapes.
  return { operation, request } as ParsedRequest;
}
