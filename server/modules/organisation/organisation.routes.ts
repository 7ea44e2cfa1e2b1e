import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuery, paged, uuid } from '../../../core/schemas/common.js';
import {
  abkAnalysisSchema,
  abkImportResultSchema,
  abkListQuery,
  abkPositionSchema,
  abkSettingsBody,
  abkSettingsSchema,
  importRejectedSchema,
  positionBody,
  positionListQuery,
  positionSchema,
  taskBody,
  taskSchema,
  unitBody,
  unitListQuery,
  unitSchema,
} from '../../../core/schemas/organisation.js';
import { noContent, responses } from '../../http.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize } from '../../policy.js';
import { readUploadedFile, sendImportRejected, sendWorkbook } from '../../xlsx.js';
import { agencyParams } from '../agencies/agencies.routes.js';
import { getAgency } from '../agencies/agencies.service.js';
import { importAbk } from './abk-import.js';
import { abkExport, abkTemplate } from './abk-xlsx.js';
import { organisationPolicy as policy } from './organisation.policy.js';
import {
  abkLines,
  analyseAgency,
  analysePosition,
  createPosition,
  createTask,
  createUnit,
  deletePosition,
  deleteTask,
  deleteUnit,
  getAbkSettings,
  getPosition,
  listPositions,
  listTasks,
  listUnits,
  updateAbkSettings,
  updatePosition,
  updateTask,
  updateUnit,
} from './organisation.service.js';

const xlsxFile = z.any().describe('Berkas XLSX (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)');

export async function organisationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db;
  const unitParams = agencyParams.extend({ unitId: uuid() });
  const positionParams = agencyParams.extend({ positionId: uuid() });
  const taskParams = positionParams.extend({ taskId: uuid() });
  const oneUnit = z.object({ unit: unitSchema });
  const onePosition = z.object({ position: positionSchema });
  const oneTask = z.object({ task: taskSchema });
  const settings = z.object({ settings: abkSettingsSchema });

  // ---- Units ----
  const unitTags = ['unit kerja'];
  app.get(
    '/api/agencies/:agencyId/units',
    { schema: { tags: unitTags, summary: 'Daftar unit kerja', params: agencyParams, querystring: unitListQuery, response: responses({ 200: paged(unitSchema) }) } },
    async (request) => {
      authorize(policy.read(await requireAccount(request), request.params.agencyId));
      const { items, total } = await listUnits(db(), { agencyId: request.params.agencyId, ...request.query });
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );
  app.post(
    '/api/agencies/:agencyId/units',
    { schema: { tags: unitTags, summary: 'Tambah unit kerja', params: agencyParams, body: unitBody, response: responses({ 201: oneUnit }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      const unit = await createUnit(db(), { actorId: actor.accountId, agencyId: request.params.agencyId, data: request.body });
      return reply.status(201).send({ unit });
    },
  );
  app.put(
    '/api/agencies/:agencyId/units/:unitId',
    { schema: { tags: unitTags, summary: 'Ubah unit kerja', params: unitParams, body: unitBody, response: responses({ 200: oneUnit }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      return { unit: await updateUnit(db(), { actorId: actor.accountId, ...request.params, data: request.body }) };
    },
  );
  app.delete(
    '/api/agencies/:agencyId/units/:unitId',
    { schema: { tags: unitTags, summary: 'Hapus unit kerja (tanpa jabatan)', params: unitParams, response: responses({ 204: noContent }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      await deleteUnit(db(), { actorId: actor.accountId, ...request.params });
      return reply.status(204).send(null);
    },
  );

  // ---- Positions ----
  const positionTags = ['jabatan'];
  app.get(
    '/api/agencies/:agencyId/positions',
    { schema: { tags: positionTags, summary: 'Daftar jabatan', params: agencyParams, querystring: positionListQuery, response: responses({ 200: paged(positionSchema) }) } },
    async (request) => {
      authorize(policy.read(await requireAccount(request), request.params.agencyId));
      const { items, total } = await listPositions(db(), { agencyId: request.params.agencyId, ...request.query });
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );
  app.post(
    '/api/agencies/:agencyId/positions',
    { schema: { tags: positionTags, summary: 'Tambah jabatan', params: agencyParams, body: positionBody, response: responses({ 201: onePosition }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      const position = await createPosition(db(), { actorId: actor.accountId, agencyId: request.params.agencyId, data: request.body });
      return reply.status(201).send({ position });
    },
  );
  app.get(
    '/api/agencies/:agencyId/positions/:positionId',
    { schema: { tags: positionTags, summary: 'Detail jabatan', params: positionParams, response: responses({ 200: onePosition }) } },
    async (request) => {
      authorize(policy.read(await requireAccount(request), request.params.agencyId));
      return { position: await getPosition(db(), request.params) };
    },
  );
  app.put(
    '/api/agencies/:agencyId/positions/:positionId',
    { schema: { tags: positionTags, summary: 'Ubah jabatan (bezetting, pensiun…)', params: positionParams, body: positionBody, response: responses({ 200: onePosition }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      return { position: await updatePosition(db(), { actorId: actor.accountId, ...request.params, data: request.body }) };
    },
  );
  app.delete(
    '/api/agencies/:agencyId/positions/:positionId',
    { schema: { tags: positionTags, summary: 'Hapus jabatan beserta uraian tugasnya', params: positionParams, response: responses({ 204: noContent }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      await deletePosition(db(), { actorId: actor.accountId, ...request.params });
      return reply.status(204).send(null);
    },
  );

  // ---- Tasks ----
  app.get(
    '/api/agencies/:agencyId/positions/:positionId/tasks',
    { schema: { tags: positionTags, summary: 'Uraian tugas jabatan', params: positionParams, querystring: pageQuery, response: responses({ 200: paged(taskSchema) }) } },
    async (request) => {
      authorize(policy.read(await requireAccount(request), request.params.agencyId));
      const { items, total } = await listTasks(db(), { ...request.params, ...request.query });
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );
  app.post(
    '/api/agencies/:agencyId/positions/:positionId/tasks',
    { schema: { tags: positionTags, summary: 'Tambah uraian tugas', params: positionParams, body: taskBody, response: responses({ 201: oneTask }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      const task = await createTask(db(), { actorId: actor.accountId, ...request.params, data: request.body });
      return reply.status(201).send({ task });
    },
  );
  app.put(
    '/api/agencies/:agencyId/positions/:positionId/tasks/:taskId',
    { schema: { tags: positionTags, summary: 'Ubah uraian tugas', params: taskParams, body: taskBody, response: responses({ 200: oneTask }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      return { task: await updateTask(db(), { actorId: actor.accountId, ...request.params, data: request.body }) };
    },
  );
  app.delete(
    '/api/agencies/:agencyId/positions/:positionId/tasks/:taskId',
    { schema: { tags: positionTags, summary: 'Hapus uraian tugas', params: taskParams, response: responses({ 204: noContent }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      await deleteTask(db(), { actorId: actor.accountId, ...request.params });
      return reply.status(204).send(null);
    },
  );

  // ---- ABK ----
  const abkTags = ['ABK'];
  app.get(
    '/api/agencies/:agencyId/abk/settings',
    { schema: { tags: abkTags, summary: 'Pengaturan ABK (waktu kerja efektif)', params: agencyParams, response: responses({ 200: settings }) } },
    async (request) => {
      authorize(policy.read(await requireAccount(request), request.params.agencyId));
      return { settings: await getAbkSettings(db(), request.params.agencyId) };
    },
  );
  app.put(
    '/api/agencies/:agencyId/abk/settings',
    { schema: { tags: abkTags, summary: 'Ubah waktu kerja efektif per tahun (tercatat di jejak audit)', params: agencyParams, body: abkSettingsBody, response: responses({ 200: settings }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.editSettings(actor, request.params.agencyId));
      return { settings: await updateAbkSettings(db(), { actorId: actor.accountId, agencyId: request.params.agencyId, ...request.body }) };
    },
  );
  app.get(
    '/api/agencies/:agencyId/abk',
    { schema: { tags: abkTags, summary: 'Analisis beban kerja seluruh jabatan: kebutuhan, kekurangan, usulan formasi', params: agencyParams, querystring: abkListQuery, response: responses({ 200: abkAnalysisSchema }) } },
    async (request) => {
      authorize(policy.read(await requireAccount(request), request.params.agencyId));
      return analyseAgency(db(), { agencyId: request.params.agencyId, ...request.query });
    },
  );
  app.get(
    '/api/agencies/:agencyId/abk/positions/:positionId',
    { schema: { tags: abkTags, summary: 'Analisis beban kerja satu jabatan dengan langkah perhitungannya', params: positionParams, response: responses({ 200: abkPositionSchema }) } },
    async (request) => {
      authorize(policy.read(await requireAccount(request), request.params.agencyId));
      return analysePosition(db(), request.params);
    },
  );
  app.get(
    '/api/agencies/:agencyId/abk/template.xlsx',
    { schema: { tags: abkTags, summary: 'Unduh templat impor ABK (XLSX)', params: agencyParams, response: responses({ 200: xlsxFile }) } },
    async (request, reply) => {
      authorize(policy.read(await requireAccount(request), request.params.agencyId));
      return sendWorkbook(reply, abkTemplate(await getAbkSettings(db(), request.params.agencyId)), 'templat-abk.xlsx');
    },
  );
  app.get(
    '/api/agencies/:agencyId/abk/export.xlsx',
    { schema: { tags: abkTags, summary: 'Unduh analisis ABK (XLSX)', params: agencyParams, querystring: abkListQuery.pick({ unitId: true, q: true }), response: responses({ 200: xlsxFile }) } },
    async (request, reply) => {
      authorize(policy.read(await requireAccount(request), request.params.agencyId));
      const agency = await getAgency(db(), request.params.agencyId);
      const { settings: abkSettings, lines } = await abkLines(db(), { agencyId: agency.id, ...request.query });
      const date = new Date().toISOString().slice(0, 10);
      return sendWorkbook(reply, abkExport({ agencyName: agency.name, settings: abkSettings, lines }), `analisis-abk-${agency.code}-${date}.xlsx`);
    },
  );
  app.post(
    '/api/agencies/:agencyId/abk/import',
    {
      schema: {
        tags: abkTags,
        summary: 'Impor unit kerja, jabatan dan uraian tugas dari XLSX (semua atau tidak sama sekali)',
        description: 'multipart/form-data dengan satu berkas pada kolom "file". Satu baris salah: tidak ada yang disimpan, jawaban 400 memuat daftar { sheet, row, column, reason }.',
        consumes: ['multipart/form-data'],
        params: agencyParams,
        response: responses({ 200: z.object({ result: abkImportResultSchema }), 400: importRejectedSchema }),
      },
    },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      await getAgency(db(), request.params.agencyId);
      const file = await readUploadedFile(request);
      const outcome = await importAbk(db(), { actorId: actor.accountId, agencyId: request.params.agencyId, file });
      if (!outcome.ok) return sendImportRejected(reply, outcome.issues, outcome.truncated);
      return { result: outcome.result };
    },
  );
}
