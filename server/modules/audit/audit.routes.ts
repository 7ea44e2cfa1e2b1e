import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuery, paged, uuid } from '../../../core/schemas/common.js';
import { responses } from '../../http.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize } from '../../policy.js';
import { agencyParams } from '../agencies/agencies.routes.js';
import { auditPolicy } from './audit.policy.js';
import { listAudit, NATIONAL_CHAIN, verifyChain } from './audit.service.js';

const entrySchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  hash: z.string(),
  prevHash: z.string(),
});

const verificationSchema = z.object({
  chain: z.string(),
  ok: z.boolean(),
  entries: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), id: z.string().nullable(), reason: z.string() }).nullable(),
});

export async function auditRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];

  app.get(
    '/api/agencies/:agencyId/audit',
    {
      schema: {
        tags,
        summary: 'Jejak audit instansi',
        params: agencyParams,
        querystring: pageQuery.omit({ q: true }).extend({ action: z.string().max(80).optional() }),
        response: responses({ 200: paged(entrySchema) }),
      },
    },
    async (request) => {
      authorize(auditPolicy.read(await requireAccount(request), request.params.agencyId));
      const { items, total } = await listAudit(app.deps.db, { agencyId: request.params.agencyId, ...request.query });
      return {
        items: items.map(({ entry, actorName }) => ({
          seq: entry.seq,
          id: entry.id,
          actorId: entry.actorId,
          actorName,
          action: entry.action,
          targetType: entry.targetType,
          targetId: entry.targetId,
          summary: entry.summary,
          createdAt: entry.createdAt.toISOString(),
          hash: entry.hash,
          prevHash: entry.prevHash,
        })),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.get(
    '/api/audit/verify',
    {
      schema: {
        tags,
        summary: 'Hitung ulang rantai hash audit dan laporkan entri rusak pertama',
        querystring: z.object({ agencyId: uuid().optional() }),
        response: responses({ 200: verificationSchema }),
      },
    },
    async (request) => {
      const actor = await requireAccount(request);
      const { agencyId } = request.query;
      authorize(agencyId ? auditPolicy.read(actor, agencyId) : auditPolicy.readNational(actor));
      return verifyChain(app.deps.db, agencyId ?? NATIONAL_CHAIN);
    },
  );
}
