import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { paged } from '../../../core/schemas/common.js';
import {
  correctionBody,
  createSelectionBody,
  listSelectionsQuery,
  selectionHistoryEntry,
  selectionParams,
  selectionSchema,
  updateSelectionBody,
} from '../../../core/schemas/selections.js';
import { noContent, responses } from '../../http.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize } from '../../policy.js';
import { agencyParams } from '../agencies/agencies.routes.js';
import { presentSelection } from './selections.presenter.js';
import { selectionPolicy } from './selections.policy.js';
import {
  correctSelection,
  createSelection,
  deleteSelection,
  getSelection,
  listSelections,
  publishSelection,
  selectionCounts,
  selectionHistory,
  updateSelection,
} from './selections.service.js';

export async function selectionRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['seleksi'];
  const db = () => app.deps.db;
  const one = z.object({ selection: selectionSchema });
  const base = '/api/agencies/:agencyId/selections';
  const present = async (row: Awaited<ReturnType<typeof getSelection>>) =>
    presentSelection(row, await selectionCounts(db(), { agencyId: row.agencyId, selectionId: row.id }));

  app.get(
    base,
    { schema: { tags, summary: 'Daftar seleksi instansi', params: agencyParams, querystring: listSelectionsQuery, response: responses({ 200: paged(selectionSchema) }) } },
    async (request) => {
      authorize(selectionPolicy.read(await requireAccount(request), request.params.agencyId));
      const { items, total } = await listSelections(db(), { agencyId: request.params.agencyId, ...request.query });
      const now = new Date();
      return { items: items.map(({ row, counts }) => presentSelection(row, counts, now)), total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Buat seleksi (draf) dari preset jenisnya: tahapan, bobot dan dokumen persyaratan',
        params: agencyParams,
        body: createSelectionBody,
        response: responses({ 201: one }),
      },
    },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(selectionPolicy.manage(actor, request.params.agencyId));
      const row = await createSelection(db(), { actorId: actor.accountId, agencyId: request.params.agencyId, data: request.body });
      return reply.status(201).send({ selection: presentSelection(row, { formasi: 0, places: 0 }) });
    },
  );

  app.get(
    `${base}/:selectionId`,
    { schema: { tags, summary: 'Detail seleksi', params: selectionParams, response: responses({ 200: one }) } },
    async (request) => {
      authorize(selectionPolicy.read(await requireAccount(request), request.params.agencyId));
      return { selection: await present(await getSelection(db(), request.params)) };
    },
  );

  app.patch(
    `${base}/:selectionId`,
    {
      schema: {
        tags,
        summary: 'Ubah seleksi selama masih draf (nama, tahun, jadwal, dokumen, tahapan dan bobot)',
        params: selectionParams,
        body: updateSelectionBody,
        response: responses({ 200: one }),
      },
    },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(selectionPolicy.manage(actor, request.params.agencyId));
      const { expectedVersion, ...changes } = request.body;
      const row = await updateSelection(db(), { ...request.params, actorId: actor.accountId, changes, expectedVersion });
      return { selection: await present(row) };
    },
  );

  app.delete(
    `${base}/:selectionId`,
    { schema: { tags, summary: 'Hapus seleksi yang masih draf', params: selectionParams, response: responses({ 204: noContent }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(selectionPolicy.manage(actor, request.params.agencyId));
      await deleteSelection(db(), { ...request.params, actorId: actor.accountId });
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${base}/:selectionId/publish`,
    {
      schema: {
        tags,
        summary: 'Umumkan seleksi beserta formasinya (jadwal lengkap dan berurutan, bobot berjumlah 100, minimal satu formasi)',
        params: selectionParams,
        body: z.strictObject({ expectedVersion: z.number().int().min(1).optional() }).optional(),
        response: responses({ 200: one }),
      },
    },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(selectionPolicy.manage(actor, request.params.agencyId));
      const row = await publishSelection(db(), { ...request.params, actorId: actor.accountId, expectedVersion: request.body?.expectedVersion });
      return { selection: await present(row) };
    },
  );

  app.post(
    `${base}/:selectionId/corrections`,
    {
      schema: {
        tags,
        summary: 'Koreksi seleksi yang sudah diumumkan, dengan alasan (versi baru dan jejak audit sebelum/sesudah)',
        params: selectionParams,
        body: correctionBody,
        response: responses({ 200: one }),
      },
    },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(selectionPolicy.manage(actor, request.params.agencyId));
      const row = await correctSelection(db(), { ...request.params, actorId: actor.accountId, ...request.body });
      return { selection: await present(row) };
    },
  );

  app.get(
    `${base}/:selectionId/history`,
    {
      schema: {
        tags,
        summary: 'Riwayat perubahan seleksi (dari jejak audit): pembuatan, perubahan draf, pengumuman, koreksi beserta alasannya',
        params: selectionParams,
        querystring: z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) }),
        response: responses({ 200: paged(selectionHistoryEntry) }),
      },
    },
    async (request) => {
      authorize(selectionPolicy.read(await requireAccount(request), request.params.agencyId));
      const { items, total } = await selectionHistory(db(), { ...request.params, ...request.query });
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );
}
