import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

const VERSION = '0.1.0';
const started = Date.now();

/**
 * GET /api/health. The database is pinged in the background (every 5 s), not per request: a load
 * balancer's health checks must not load the database, and the answer stays cheap under load.
 */
export async function healthRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, redis } = app.deps;
  const state = { databaseOk: true, redisOk: redis ? true : null as boolean | null };
  async function ping() {
    state.databaseOk = await database.query('SELECT 1').then(() => true, () => false);
    if (redis) state.redisOk = await redis.ping().then(() => true, () => false);
  }
  await ping();
  const timer = setInterval(() => void ping(), 5000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));

  const healthSchema = z.object({
    status: z.enum(['ok', 'degraded']),
    database: z.enum(['embedded', 'postgres']),
    databaseReachable: z.boolean(),
    redis: z.enum(['disabled', 'ok', 'unreachable']),
    version: z.string(),
    uptimeSeconds: z.number(),
  });
  app.get(
    '/api/health',
    { schema: { tags: ['sistem'], summary: 'Status layanan', response: { 200: healthSchema, 503: healthSchema } } },
    async (_request, reply) => {
      const ok = state.databaseOk && state.redisOk !== false;
      return reply.status(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'degraded',
        database: database.kind,
        databaseReachable: state.databaseOk,
        redis: state.redisOk === null ? 'disabled' : state.redisOk ? 'ok' : 'unreachable',
        version: VERSION,
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
      });
    },
  );
}
