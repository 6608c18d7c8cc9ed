// Fastify's own schema compilers (Ajv for validation, fast-json-stringify for answers), each route's schema
// compiled on its first request instead of at start-up: compiling every route's schemas took about a second of a
// server's start (and of every test's), most of them for routes a given process never serves. `compileAll` compiles
// whatever is still waiting, so that a test can prove every schema compiles.
import AjvCompiler from '@fastify/ajv-compiler';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifySchemaCompiler, FastifySerializerCompiler, FastifySchema } from 'fastify';

type AjvOptions = NonNullable<Parameters<ReturnType<typeof AjvCompiler>>[1]>;

export interface LazySchemaCompilers {
  readonly validatorCompiler: FastifySchemaCompiler<FastifySchema>;
  readonly serializerCompiler: FastifySerializerCompiler<FastifySchema>;
  /** Compiles every schema not yet compiled; how many it compiled. */
  compileAll(): number;
}

export function lazySchemaCompilers(ajvOptions: AjvOptions): LazySchemaCompilers {
  const waiting = new Set<() => unknown>();
  const once = <F>(compile: () => F): (() => F) => {
    let compiled: F | undefined;
    const get = (): F => {
      if (compiled === undefined) {
        compiled = compile();
        waiting.delete(get);
      }
      return compiled;
    };
    waiting.add(get);
    return get;
  };

  const compileValidator = AjvCompiler()({}, ajvOptions);
  const validatorCompiler: FastifySchemaCompiler<FastifySchema> = (route) => {
    const validate = once(() => compileValidator(route));
    // Fastify hands Ajv's own functions (marked by schemaEnv) the parent of the value, and reads `errors` after a
    // refusal: the stand-in does both for the function it stands for.
    const standIn = Object.assign(
      (data: unknown, context?: Parameters<ReturnType<typeof compileValidator>>[1]) => {
        const fn = validate();
        const valid = fn(data, context);
        standIn.errors = fn.errors;
        // pono's schemas are synchronous ($async is not used): a promise here would be a schema this code does not know
        if (typeof valid !== 'boolean') throw new Error(`an asynchronous schema for ${route.method} ${route.url}`);
        return valid;
      },
      { errors: undefined as ReturnType<typeof compileValidator>['errors'], schemaEnv: true },
    );
    return standIn;
  };

  const compileSerializer = SerializerSelector()();
  const serializerCompiler: FastifySerializerCompiler<FastifySchema> = (route) => {
    const serialize = once(() => compileSerializer({ ...route, httpStatus: route.httpStatus ?? 'default' }));
    return (doc: unknown) => serialize()(doc);
  };

  return {
    validatorCompiler,
    serializerCompiler,
    compileAll() {
      const pending = [...waiting];
      for (const compile of pending) compile();
      return pending.length;
    },
  };
}
