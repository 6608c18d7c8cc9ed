// Fastify plugin for the greenID V3 SOAP endpoint: POST the envelope, GET ?wsdl (any case) for the WSDL.
// `await soapRoutes(app, { service })` (or `app.register(soapRoutes, { service })`) adds an encapsulated scope
// in which every request body is kept as the raw string whatever its content type (text/xml,
// application/soap+xml, none …) and every error is a SOAP fault; the rest of the app is untouched.
import type { FastifyError, FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_ENVELOPE_BYTES, parseEnvelope } from './envelope.ts';
import { errorForLog } from '../log/logger.ts';
import { SoapFault, faultFromError, isSystemFault } from './faults.ts';
import { runOperation } from './operations.ts';
import { serializeFault, serializeResponse } from './serialize.ts';
import type { SoapVerificationPort } from './service-port.ts';
import { SOAP_PATH, endpointAddress, renderWsdl } from './wsdl.ts';
import type { SoapFaultInfo } from './wire-types.ts';

export interface SoapRoutesOptions {
  service: SoapVerificationPort;
  /** Mount path; greenID clients expect the default. */
  path?: string;
  /** Believe X-Forwarded-Proto/Host/Prefix for the WSDL's address (PONO_TRUST_PROXY). */
  trustProxy?: boolean;
}

const XML_CONTENT_TYPE = 'text/xml; charset=utf-8';

function sendFault(reply: FastifyReply, fault: SoapFaultInfo): FastifyReply {
  // SOAP 1.1 §6.2: a fault travels with HTTP 500; axios-style clients only see it on a non-2xx status.
  return reply.code(500).header('content-type', XML_CONTENT_TYPE).send(serializeFault(fault));
}

function bodyFault(error: FastifyError): SoapFaultInfo {
  const tooLarge = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE';
  return {
    code: 'InvalidRequestFault',
    message: 'Malformed SOAP request',
    details: tooLarge
      ? `The request is larger than ${MAX_ENVELOPE_BYTES} bytes.`
      : 'The request body could not be read.',
    faultcode: 'env:Client',
  };
}

/** Any Fastify instance, whatever its logger and type provider (Fastify infers those from the plugin). */
export interface PluginHost {
  register(plugin: FastifyPluginAsync<SoapRoutesOptions>, options: SoapRoutesOptions): PromiseLike<unknown>;
}

export async function soapRoutes(app: PluginHost, options: SoapRoutesOptions): Promise<void> {
  await app.register(soapRoutesPlugin, options);
}

/** The encapsulated plugin itself, for `app.register(soapRoutesPlugin, { service })`. */
export const soapRoutesPlugin: FastifyPluginAsync<SoapRoutesOptions> = async (scope, options) =>
  soapScope(scope, options);

async function soapScope(app: FastifyInstance, options: SoapRoutesOptions): Promise<void> {
  const path = options.path ?? SOAP_PATH;
  const service = options.service;
  const hidden = { schema: { hide: true } };

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_ENVELOPE_BYTES }, (_request, body, done) => {
    done(null, body);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.code?.startsWith('FST_ERR_CTP_') === true) return sendFault(reply, bodyFault(error));
    const fault = faultFromError(error);
    if (isSystemFault(fault)) request.log.error({ failure: errorForLog(error) }, 'soap request failed');
    return sendFault(reply, fault);
  });

  const wsdl = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> =>
    reply.header('content-type', XML_CONTENT_TYPE).send(renderWsdl(endpointAddress(request, options.trustProxy)));

  // GET with ?wsdl, ?WSDL, ?singleWsdl … and, for a browser, without a query: all return the WSDL.
  app.get(path, hidden, wsdl);

  app.post(path, hidden, async (request, reply) => {
    const body = typeof request.body === 'string' ? request.body : '';
    try {
      const parsed = parseEnvelope(body);
      const result = await runOperation(parsed, service);
      return reply.header('content-type', XML_CONTENT_TYPE).send(serializeResponse(result));
    } catch (error) {
      const fault = faultFromError(error);
      if (isSystemFault(fault) && !(error instanceof SoapFault)) {
        request.log.error({ failure: errorForLog(error) }, 'soap operation failed');
      }
      return sendFault(reply, fault);
    }
  });
}
