// The Fastify instance every route plugin is registered on, typed with TypeBox.
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Logger } from '../log/logger.ts';
import { lazySchemaCompilers } from './lazy-schema-compilers.ts';
import { AccessLog } from './access-log.ts';

export function createFastify(logger: Logger, trustProxy: boolean) {
  // verbose: each failure carries its schema, so a refusal can quote the field's own description.
  const schemas = lazySchemaCompilers({
    customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true, verbose: true },
  });
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: 1024 * 1024,
    trustProxy,
    // Unique across processes behind one load balancer; sent back in X-Request-Id and in every error body.
    genReqId: () => randomUUID(),
    logController: new AccessLog(logger),
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(schemas.validatorCompiler);
  app.setSerializerCompiler(schemas.serializerCompiler);
  return Object.assign(app, { compileAllSchemas: schemas.compileAll });
}
export type App = ReturnType<typeof createFastify>;
