import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../core/schemas/common.js';
import { formasiBody, formasiFromAbkBody, formasiImportResultSchema, formasiListQuery, formasiPageSchema, formasiSchema } from '../../../core/schemas/formasi.js';
import { importRejectedSchema } from '../../../core/schemas/organisation.js';
import { noContent, responses } from '../../http.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize } from '../../policy.js';
import { readUploadedFile, sendImportRejected, sendWorkbook } from '../../xlsx.js';
import { agencyParams } from '../agencies/agencies.routes.js';
import { abkLines } from '../organisation/organisation.service.js';
import { formasiExport, formasiTemplate, importFormasi } from './formasi-xlsx.js';
import { formasiPolicy as policy } from './formasi.policy.js';
import { lockSelectionForFormasi } from './formasi.repo.js';
import { allFormasi, createFormasi, createFormasiFromAbk, deleteFormasi, getFormasi, listFormasi, updateFormasi } from './formasi.service.js';

const xlsxFile = z.any().describe('Berkas XLSX (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)');
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

export async function formasiRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db;
  const tags = ['formasi'];
  const selectionParams = agencyParams.extend({ selectionId: uuid() });
  const formasiParams = selectionParams.extend({ formasiId: uuid() });
  const one = z.object({ formasi: formasiSchema });
  const base = '/api/agencies/:agencyId/selections/:selectionId/formasi';

  app.get(
    base,
    { schema: { tags, summary: 'Daftar formasi seleksi (cari, saring, halaman)', params: selectionParams, querystring: formasiListQuery, response: responses({ 200: formasiPageSchema }) } },
    async (request) => {
      authorize(policy.read(await requireAccount(request), request.params.agencyId));
      return listFormasi(db(), { ...request.params, ...request.query });
    },
  );

  app.post(
    base,
    { schema: { tags, summary: 'Tambah formasi', params: selectionParams, body: formasiBody, response: responses({ 201: one }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      const formasi = await createFormasi(db(), { actorId: actor.accountId, ...request.params, data: request.body });
      return reply.status(201).send({ formasi });
    },
  );

  app.post(
    `${base}/from-abk`,
    {
      schema: {
        tags,
        summary: 'Buat formasi dari usulan ABK jabatan dalam satu langkah',
        description: 'Jumlah bawaan = usulan formasi ABK; ditolak bila usulannya 0 dan jumlah tidak diisi. Nama jabatan, unit dan hitungan ABK disalin ke formasi.',
        params: selectionParams,
        body: formasiFromAbkBody,
        response: responses({ 201: one }),
      },
    },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      const formasi = await createFormasiFromAbk(db(), { actorId: actor.accountId, ...request.params, data: request.body });
      return reply.status(201).send({ formasi });
    },
  );

  app.get(
    `${base}/template.xlsx`,
    { schema: { tags, summary: 'Unduh templat impor formasi (XLSX)', params: selectionParams, response: responses({ 200: xlsxFile }) } },
    async (request, reply) => {
      authorize(policy.read(await requireAccount(request), request.params.agencyId));
      const selection = await lockSelectionForFormasi(db(), request.params, { lock: false });
      const { lines } = await abkLines(db(), { agencyId: request.params.agencyId });
      return sendWorkbook(reply, formasiTemplate({ selection, lines }), `templat-formasi-${slug(selection.name)}.xlsx`);
    },
  );

  app.get(
    `${base}/export.xlsx`,
    { schema: { tags, summary: 'Unduh formasi seleksi (XLSX)', params: selectionParams, response: responses({ 200: xlsxFile }) } },
    async (request, reply) => {
      authorize(policy.read(await requireAccount(request), request.params.agencyId));
      const { selection, rows } = await allFormasi(db(), request.params);
      const workbook = await formasiExport(db(), { agencyId: request.params.agencyId, selection, rows });
      return sendWorkbook(reply, workbook, `formasi-${slug(selection.name)}.xlsx`);
    },
  );

  app.post(
    `${base}/import`,
    {
      schema: {
        tags,
        summary: 'Impor formasi dari XLSX (semua atau tidak sama sekali)',
        description: 'multipart/form-data dengan satu berkas pada kolom "file". Satu baris salah: tidak ada yang disimpan, jawaban 400 memuat daftar { sheet, row, column, reason }.',
        consumes: ['multipart/form-data'],
        params: selectionParams,
        response: responses({ 200: z.object({ result: formasiImportResultSchema }), 400: importRejectedSchema }),
      },
    },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      await lockSelectionForFormasi(db(), request.params, { lock: false });
      const file = await readUploadedFile(request);
      const outcome = await importFormasi(db(), { actorId: actor.accountId, ...request.params, file });
      if (!outcome.ok) return sendImportRejected(reply, outcome.issues, outcome.truncated);
      return { result: outcome.result };
    },
  );

  app.get(
    `${base}/:formasiId`,
    { schema: { tags, summary: 'Detail formasi', params: formasiParams, response: responses({ 200: one }) } },
    async (request) => {
      authorize(policy.read(await requireAccount(request), request.params.agencyId));
      return { formasi: await getFormasi(db(), request.params) };
    },
  );

  app.put(
    `${base}/:formasiId`,
    { schema: { tags, summary: 'Ubah formasi (setelah diumumkan: tercatat di jejak audit)', params: formasiParams, body: formasiBody, response: responses({ 200: one }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      return { formasi: await updateFormasi(db(), { actorId: actor.accountId, ...request.params, data: request.body }) };
    },
  );

  app.delete(
    `${base}/:formasiId`,
    { schema: { tags, summary: 'Hapus formasi draf', params: formasiParams, response: responses({ 204: noContent }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      await deleteFormasi(db(), { actorId: actor.accountId, ...request.params });
      return reply.status(204).send(null);
    },
  );
}
