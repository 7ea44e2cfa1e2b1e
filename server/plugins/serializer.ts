import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { z } from 'zod';

/**
 * Responses are serialised by fast-json-stringify from the JSON Schema of each route's zod response
 * schema: several times faster than parsing with zod on every response, and, like a presenter,
 * it writes only the properties the schema names — a raw row's extra columns never leak.
 */
export function compileSerializer(schema: z.ZodType): (data: unknown) => string {
  return fastJson(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any', target: 'draft-7' }) as Parameters<typeof fastJson>[0]);
}

/** Every response schema a route has declared, with its serializer once compiled (module-level schemas, so the map stays small). */
export const declaredResponseSchemas = new Map<z.ZodType, ((data: unknown) => string) | null>();

/**
 * Compiled once per schema, on its first response, not at start: the routes declare several thousand
 * (route, status) responses over about two hundred distinct schemas (the error schemas are shared), and
 * compiling each of them took seconds of every start and of every test file's app. app.test.ts compiles
 * every declared schema.
 */
export const serializerCompiler: FastifySerializerCompiler<z.ZodType> = ({ schema }) => {
  if (!declaredResponseSchemas.has(schema)) declaredResponseSchemas.set(schema, null);
  return (data: unknown) => {
    let serialize = declaredResponseSchemas.get(schema);
    if (!serialize) declaredResponseSchemas.set(schema, (serialize = compileSerializer(schema)));
    return serialize(data);
  };
};
