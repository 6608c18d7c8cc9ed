// A bare Fastify server with only the SOAP plugin over a FakePort, listening on a free loopback port.
import Fastify, { type FastifyInstance } from 'fastify';
import { soapRoutes } from '../../../src/adapters/soap/routes.ts';
import { FakePort } from './fake-port.ts';

export const SOAP_PATH = '/Registrations-Registrations/DynamicFormsServiceV3';

export interface FakeServer {
  app: FastifyInstance;
  port: FakePort;
  url: string;
  close(): Promise<void>;
}

export async function startFakeServer(): Promise<FakeServer> {
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  const port = new FakePort();
  await soapRoutes(app, { service: port });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, port, url: `${address}${SOAP_PATH}`, close: () => app.close() };
}
