import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agencyCreateBody, agencySchema, agencyUpdateBody } from '../../../core/schemas/agencies.js';
import { pageQuery, paged, uuid } from '../../../core/schemas/common.js';
import { responses } from '../../http.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize } from '../../policy.js';
import { agencyPolicy } from './agencies.policy.js';
import { createAgency, getAgency, listAgencies, presentAgency, updateAgency } from './agencies.service.js';

export const agencyParams = z.object({ agencyId: uuid() });

export async function agencyRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['instansi'];
  const one = z.object({ agency: agencySchema });

  app.get('/api/agencies', { schema: { tags, summary: 'Daftar instansi (super admin)', querystring: pageQuery, response: responses({ 200: paged(agencySchema) }) } }, async (request) => {
    authorize(agencyPolicy.list(await requireAccount(request)));
    const { items, total } = await listAgencies(app.deps.db, request.query);
    return { items: items.map(presentAgency), total, page: request.query.page, pageSize: request.query.pageSize };
  });

  app.post('/api/agencies', { schema: { tags, summary: 'Tambah instansi (super admin)', body: agencyCreateBody, response: responses({ 201: one }) } }, async (request, reply) => {
    const actor = await requireAccount(request);
    authorize(agencyPolicy.create(actor));
    const row = await createAgency(app.deps.db, { actorId: actor.accountId, data: request.body });
    return reply.status(201).send({ agency: presentAgency(row) });
  });

  app.get('/api/agencies/:agencyId', { schema: { tags, summary: 'Detail instansi', params: agencyParams, response: responses({ 200: one }) } }, async (request) => {
    authorize(agencyPolicy.read(await requireAccount(request), request.params.agencyId));
    return { agency: presentAgency(await getAgency(app.deps.db, request.params.agencyId)) };
  });

  app.patch(
    '/api/agencies/:agencyId',
    { schema: { tags, summary: 'Ubah instansi', params: agencyParams, body: agencyUpdateBody, response: responses({ 200: one }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(agencyPolicy.update(actor, request.params.agencyId));
      return { agency: presentAgency(await updateAgency(app.deps.db, { actorId: actor.accountId, agencyId: request.params.agencyId, data: request.body })) };
    },
  );
}
