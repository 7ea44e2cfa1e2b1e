import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../core/schemas/common.js';
import {
  assignBody,
  bulkDecideBody,
  bulkResultSchema,
  confirmChecksBody,
  createReasonBody,
  decisionBody,
  filtersSchema,
  progressQuery,
  progressSchema,
  queuePageSchema,
  queueQuery,
  reasonSchema,
  reopenBody,
  saveChecksBody,
  updateReasonBody,
  workspaceSchema,
} from '../../../core/schemas/verification.js';
import { responses } from '../../http.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize, type Actor } from '../../policy.js';
import { agencyParams } from '../agencies/agencies.routes.js';
import { getFile, sendStoredFile } from '../files/files.service.js';
import { createReason, ensureReasons, presentReason, updateReason } from './reasons.service.js';
import { verificationPolicy as policy } from './verification.policy.js';
import { presentQueueItem, presentWorkspace } from './verification.presenter.js';
import { queuePage } from './verification.repo.js';
import {
  assignApplications,
  bulkDecideMs,
  claimApplication,
  confirmChecks,
  decideApplication,
  documentFileId,
  loadWorkspace,
  releaseApplication,
  reopenApplication,
  saveChecks,
  verificationFilters,
  verificationProgress,
} from './verification.service.js';

const documentBody = z.any().describe('Isi dokumen (PDF, JPEG atau PNG), ditampilkan di peramban');

export async function verificationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['verifikasi'];
  const db = () => app.deps.db;
  const base = '/api/agencies/:agencyId/verification';
  const applicationParams = agencyParams.extend({ applicationId: uuid() });
  const documentParams = applicationParams.extend({ key: z.string().min(1).max(60) });
  const reasonParams = agencyParams.extend({ reasonId: uuid() });
  const one = z.object({ workspace: workspaceSchema });

  const actorFor = async (request: FastifyRequest, allowed: (actor: Actor, agencyId: string) => boolean, agencyId: string) => {
    const actor = await requireAccount(request);
    authorize(allowed(actor, agencyId));
    return actor;
  };

  async function workspace(actor: Actor, agencyId: string, applicationId: string) {
    const data = await loadWorkspace(db(), { agencyId, applicationId });
    return {
      workspace: presentWorkspace(data, {
        accountId: actor.accountId,
        canWork: policy.work(actor, agencyId),
        canManage: policy.manage(actor, agencyId),
        seePersonalData: policy.seePersonalData(actor, agencyId),
        previewDocuments: policy.previewDocuments(actor, agencyId),
      }),
    };
  }

  app.get(
    `${base}/queue`,
    { schema: { tags, summary: 'Antrean verifikasi (pendaftaran yang dikirim), dengan saringan dan halaman', params: agencyParams, querystring: queueQuery, response: responses({ 200: queuePageSchema }) } },
    async (request) => {
      const actor = await actorFor(request, policy.read, request.params.agencyId);
      const { rows, total, totalCapped } = await queuePage(app.deps.database, { ...request.query, agencyId: request.params.agencyId, actorId: actor.accountId });
      return { items: rows.map(presentQueueItem), page: request.query.page, pageSize: request.query.pageSize, total, totalCapped };
    },
  );

  app.get(
    `${base}/filters`,
    { schema: { tags, summary: 'Pilihan saringan antrean: seleksi dan formasi yang memiliki pendaftaran', params: agencyParams, response: responses({ 200: filtersSchema }) } },
    async (request) => {
      await actorFor(request, policy.read, request.params.agencyId);
      return verificationFilters(db(), request.params.agencyId);
    },
  );

  app.get(
    `${base}/progress`,
    { schema: { tags, summary: 'Kemajuan verifikasi per verifikator', params: agencyParams, querystring: progressQuery, response: responses({ 200: progressSchema }) } },
    async (request) => {
      await actorFor(request, policy.read, request.params.agencyId);
      return verificationProgress(db(), { agencyId: request.params.agencyId, selectionId: request.query.selectionId });
    },
  );

  app.post(
    `${base}/assign`,
    { schema: { tags, summary: 'Tugaskan banyak pendaftaran ke satu verifikator (atau kembalikan ke antrean)', params: agencyParams, body: assignBody, response: responses({ 200: bulkResultSchema }) } },
    async (request) => {
      const actor = await actorFor(request, policy.manage, request.params.agencyId);
      return assignApplications(db(), { agencyId: request.params.agencyId, actorId: actor.accountId, ...request.body });
    },
  );

  app.post(
    `${base}/decide-ms`,
    { schema: { tags, summary: 'Putuskan MS untuk banyak pendaftaran yang semua pemeriksaannya MS', params: agencyParams, body: bulkDecideBody, response: responses({ 200: bulkResultSchema }) } },
    async (request) => {
      const actor = await actorFor(request, policy.work, request.params.agencyId);
      return bulkDecideMs(db(), { agencyId: request.params.agencyId, actorId: actor.accountId, applicationIds: request.body.applicationIds });
    },
  );

  app.get(
    `${base}/applications/:applicationId`,
    { schema: { tags, summary: 'Ruang kerja verifikasi satu pendaftaran', params: applicationParams, response: responses({ 200: one }) } },
    async (request) => {
      const actor = await actorFor(request, policy.read, request.params.agencyId);
      return workspace(actor, request.params.agencyId, request.params.applicationId);
    },
  );

  app.post(
    `${base}/applications/:applicationId/claim`,
    { schema: { tags, summary: 'Ambil pendaftaran dari antrean', params: applicationParams, response: responses({ 200: one }) } },
    async (request) => {
      const actor = await actorFor(request, policy.work, request.params.agencyId);
      await claimApplication(db(), { ...request.params, actorId: actor.accountId });
      return workspace(actor, request.params.agencyId, request.params.applicationId);
    },
  );

  app.post(
    `${base}/applications/:applicationId/release`,
    { schema: { tags, summary: 'Lepaskan pendaftaran kembali ke antrean', params: applicationParams, response: responses({ 200: one }) } },
    async (request) => {
      const actor = await actorFor(request, policy.release, request.params.agencyId);
      await releaseApplication(db(), { ...request.params, actorId: actor.accountId, asManager: policy.manage(actor, request.params.agencyId) });
      return workspace(actor, request.params.agencyId, request.params.applicationId);
    },
  );

  app.put(
    `${base}/applications/:applicationId/checks`,
    { schema: { tags, summary: 'Catat MS/TMS per persyaratan dengan alasan', params: applicationParams, body: saveChecksBody, response: responses({ 200: one }) } },
    async (request) => {
      const actor = await actorFor(request, policy.work, request.params.agencyId);
      await saveChecks(db(), { ...request.params, actorId: actor.accountId, checks: request.body.checks });
      return workspace(actor, request.params.agencyId, request.params.applicationId);
    },
  );

  app.post(
    `${base}/applications/:applicationId/confirm`,
    { schema: { tags, summary: 'Konfirmasi TMS oleh verifikator kedua (aturan empat mata)', params: applicationParams, body: confirmChecksBody, response: responses({ 200: one }) } },
    async (request) => {
      const actor = await actorFor(request, policy.work, request.params.agencyId);
      await confirmChecks(db(), { ...request.params, actorId: actor.accountId, requirementKeys: request.body.requirementKeys });
      return workspace(actor, request.params.agencyId, request.params.applicationId);
    },
  );

  app.post(
    `${base}/applications/:applicationId/decision`,
    { schema: { tags, summary: 'Keputusan akhir MS/TMS (harus sesuai pemeriksaan)', params: applicationParams, body: decisionBody, response: responses({ 200: one }) } },
    async (request) => {
      const actor = await actorFor(request, policy.work, request.params.agencyId);
      await decideApplication(db(), { ...request.params, actorId: actor.accountId, decision: request.body.decision });
      return workspace(actor, request.params.agencyId, request.params.applicationId);
    },
  );

  app.post(
    `${base}/applications/:applicationId/reopen`,
    { schema: { tags, summary: 'Buka ulang keputusan (sebelum hasil diumumkan)', params: applicationParams, body: reopenBody, response: responses({ 200: one }) } },
    async (request) => {
      const actor = await actorFor(request, policy.manage, request.params.agencyId);
      await reopenApplication(db(), { ...request.params, actorId: actor.accountId, reason: request.body.reason });
      return workspace(actor, request.params.agencyId, request.params.applicationId);
    },
  );

  app.get(
    `${base}/applications/:applicationId/documents/:key`,
    {
      schema: { tags, summary: 'Pratinjau dokumen pendaftaran (hanya staf instansi)', params: documentParams, response: responses({ 200: documentBody }) },
      // Shown beside the checklist in a frame of this site: inline, and without the `sandbox` policy
      // that stops browsers' PDF viewers (the content is a checked PDF/JPEG/PNG, sent with nosniff).
      onSend: async (_request, reply, payload) => {
        if (reply.statusCode === 200) {
          const disposition = reply.getHeader('content-disposition');
          if (typeof disposition === 'string') reply.header('content-disposition', disposition.replace(/^attachment/, 'inline'));
          reply.header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'");
        }
        return payload;
      },
    },
    async (request, reply) => {
      await actorFor(request, policy.previewDocuments, request.params.agencyId);
      const { agencyId, applicationId, key } = request.params;
      const fileId = await documentFileId(db(), { agencyId, applicationId, key });
      return sendStoredFile(reply, { uploadDir: app.deps.config.uploadDir, file: await getFile(db(), fileId) });
    },
  );

  app.get(
    `${base}/reasons`,
    { schema: { tags, summary: 'Katalog alasan TMS instansi', params: agencyParams, response: responses({ 200: z.object({ items: z.array(reasonSchema) }) }) } },
    async (request) => {
      await actorFor(request, policy.read, request.params.agencyId);
      return { items: (await ensureReasons(db(), request.params.agencyId)).map(presentReason) };
    },
  );

  app.post(
    `${base}/reasons`,
    { schema: { tags, summary: 'Tambah alasan TMS', params: agencyParams, body: createReasonBody, response: responses({ 201: z.object({ reason: reasonSchema }) }) } },
    async (request, reply) => {
      const actor = await actorFor(request, policy.manage, request.params.agencyId);
      const row = await createReason(db(), { agencyId: request.params.agencyId, actorId: actor.accountId, ...request.body });
      return reply.status(201).send({ reason: presentReason(row) });
    },
  );

  app.patch(
    `${base}/reasons/:reasonId`,
    { schema: { tags, summary: 'Ubah atau nonaktifkan alasan TMS', params: reasonParams, body: updateReasonBody, response: responses({ 200: z.object({ reason: reasonSchema }) }) } },
    async (request) => {
      const actor = await actorFor(request, policy.manage, request.params.agencyId);
      const row = await updateReason(db(), { agencyId: request.params.agencyId, reasonId: request.params.reasonId, actorId: actor.accountId, ...request.body });
      return { reason: presentReason(row) };
    },
  );
}
