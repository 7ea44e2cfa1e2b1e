import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuery, paged, uuid } from '../../../core/schemas/common.js';
import { inviteStaffBody, setRolesBody, staffSchema } from '../../../core/schemas/staff.js';
import { noContent, responses } from '../../http.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize } from '../../policy.js';
import { agencyParams } from '../agencies/agencies.routes.js';
import { staffPolicy } from './staff.policy.js';
import { inviteStaff, listStaff, removeStaff, setStaffRoles } from './staff.service.js';

export async function staffRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['staf'];
  const deps = () => ({ db: app.deps.db, config: app.deps.config });
  const staffParams = agencyParams.extend({ accountId: uuid() });
  const one = z.object({ staff: staffSchema });

  app.get(
    '/api/agencies/:agencyId/staff',
    { schema: { tags, summary: 'Daftar staf instansi', params: agencyParams, querystring: pageQuery, response: responses({ 200: paged(staffSchema) }) } },
    async (request) => {
      authorize(staffPolicy.manage(await requireAccount(request), request.params.agencyId));
      const { items, total } = await listStaff(app.deps.db, { agencyId: request.params.agencyId, ...request.query });
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.post(
    '/api/agencies/:agencyId/staff',
    { schema: { tags, summary: 'Undang staf dengan peran', params: agencyParams, body: inviteStaffBody, response: responses({ 201: one }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(staffPolicy.manage(actor, request.params.agencyId));
      const staff = await inviteStaff(deps(), { actorId: actor.accountId, actorName: actor.name, agencyId: request.params.agencyId, ...request.body });
      return reply.status(201).send({ staff });
    },
  );

  app.put(
    '/api/agencies/:agencyId/staff/:accountId/roles',
    { schema: { tags, summary: 'Ganti peran staf', params: staffParams, body: setRolesBody, response: responses({ 200: one }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(staffPolicy.manage(actor, request.params.agencyId));
      return { staff: await setStaffRoles(deps(), { actorId: actor.accountId, ...request.params, roles: request.body.roles }) };
    },
  );

  app.delete(
    '/api/agencies/:agencyId/staff/:accountId',
    { schema: { tags, summary: 'Keluarkan staf dari instansi', params: staffParams, response: responses({ 204: noContent }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(staffPolicy.manage(actor, request.params.agencyId));
      await removeStaff(deps(), { actorId: actor.accountId, ...request.params });
      return reply.status(204).send(null);
    },
  );
}
