import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** The OpenAPI 3 document, generated from every route's schemas: /api/openapi.json, readable at /api/docs. */
export async function registerOpenApi(app: FastifyInstance) {
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Rekrutmen ASN API',
        description: 'API sistem rekrutmen ASN. Galat: `{ "error": { "code", "message", "fields"? } }` dengan kode yang stabil.',
        version: '0.1.0',
      },
      components: { securitySchemes: { sesi: { type: 'apiKey', in: 'cookie', name: 'sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get(
    '/api/openapi.json',
    { schema: { tags: ['sistem'], summary: 'Dokumen OpenAPI 3', response: { 200: z.record(z.string(), z.unknown()) } } },
    async () => app.swagger() as unknown as Record<string, unknown>,
  );
}
