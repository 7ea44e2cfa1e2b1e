import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../core/schemas/common.js';
import { availabilityBody, availabilitySchema, blueprintBody, blueprintOptionsSchema, blueprintSchema, blueprintUpdateBody } from '../../../core/schemas/cat-blueprints.js';
import { selectionParams } from '../../../core/schemas/selections.js';
import { noContent, responses } from '../../http.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize } from '../../policy.js';
import { catBlueprintPolicy as policy } from './cat-blueprints.policy.js';
import { blueprintOptions, checkSections, createBlueprint, deleteBlueprint, getBlueprint, listBlueprints, updateBlueprint } from './cat-blueprints.service.js';

export async function catBlueprintRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db;
  const base = '/api/agencies/:agencyId/selections/:selectionId/blueprints';
  const tags = ['cetak biru CAT'];
  const blueprintParams = selectionParams.extend({ blueprintId: uuid() });
  const one = z.object({ blueprint: blueprintSchema });

  app.get(
    base,
    { schema: { tags, summary: 'Cetak biru ujian CAT per tahap seleksi', params: selectionParams, response: responses({ 200: z.object({ items: z.array(blueprintSchema) }) }) } },
    async (request) => {
      authorize(policy.read(await requireAccount(request), request.params.agencyId));
      return { items: await listBlueprints(db(), request.params) };
    },
  );
  app.get(
    `${base}/options`,
    {
      schema: {
        tags,
        summary: 'Pilihan untuk menyusun cetak biru: tahap CAT, preset, subtes, jenis formasi, bank soal',
        params: selectionParams,
        response: responses({ 200: blueprintOptionsSchema }),
      },
    },
    async (request) => {
      authorize(policy.manage(await requireAccount(request), request.params.agencyId));
      return blueprintOptions(db(), request.params);
    },
  );
  app.post(
    `${base}/check`,
    {
      schema: {
        tags,
        summary: 'Periksa apakah bank soal memiliki cukup soal aktif untuk setiap bagian (tanpa menyimpan)',
        params: selectionParams,
        body: availabilityBody,
        response: responses({ 200: availabilitySchema }),
      },
    },
    async (request) => {
      authorize(policy.manage(await requireAccount(request), request.params.agencyId));
      return checkSections(db(), { ...request.params, sections: request.body.sections });
    },
  );
  app.post(
    base,
    { schema: { tags, summary: 'Buat cetak biru untuk satu tahap CAT', params: selectionParams, body: blueprintBody, response: responses({ 201: one }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      return reply.status(201).send({ blueprint: await createBlueprint(db(), { actor, ...request.params, data: request.body }) });
    },
  );
  app.get(
    `${base}/:blueprintId`,
    {
      schema: {
        tags,
        summary: 'Detail cetak biru dengan ketersediaan soal aktif per bagian',
        params: blueprintParams,
        response: responses({ 200: z.object({ blueprint: blueprintSchema, availability: availabilitySchema }) }),
      },
    },
    async (request) => {
      authorize(policy.read(await requireAccount(request), request.params.agencyId));
      return getBlueprint(db(), request.params);
    },
  );
  app.put(
    `${base}/:blueprintId`,
    {
      schema: {
        tags,
        summary: 'Ubah cetak biru (hanya sebelum sesi ujian tahap ini dimulai)',
        params: blueprintParams,
        body: blueprintUpdateBody,
        response: responses({ 200: one }),
      },
    },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      return { blueprint: await updateBlueprint(db(), { actor, ...request.params, data: request.body }) };
    },
  );
  app.delete(
    `${base}/:blueprintId`,
    { schema: { tags, summary: 'Hapus cetak biru yang belum dipakai sesi ujian', params: blueprintParams, response: responses({ 204: noContent }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      await deleteBlueprint(db(), { actor, ...request.params });
      return reply.status(204).send(null);
    },
  );
}
