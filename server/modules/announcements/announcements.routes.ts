import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ANNOUNCEMENT_FILE_MAX_BYTES,
  announcementListItemSchema,
  announcementSchema,
  attachmentTitle,
  createAnnouncementBody,
  publicAnnouncementListItemSchema,
  publicAnnouncementQuery,
  publicAnnouncementSchema,
  sha256Input,
  staffAnnouncementQuery,
  supersedeAnnouncementBody,
  updateAnnouncementBody,
  verificationSchema,
} from '../../../core/schemas/announcements.js';
import { paged, uuid } from '../../../core/schemas/common.js';
import { validationFailed } from '../../errors.js';
import { authRateLimit, noContent, responses } from '../../http.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize } from '../../policy.js';
import { agencyParams } from '../agencies/agencies.routes.js';
import { drain, hashStream, MAX_UPLOAD_BYTES, readUploadPart, sendStoredFile } from '../files/files.service.js';
import { announcementPolicy } from './announcements.policy.js';
import * as service from './announcements.service.js';

const fileBody = z.any().describe('Isi berkas (application/pdf)');
const multipartNote = 'multipart/form-data: kolom teks terlebih dahulu, lalu satu berkas pada kolom "file".';

export async function announcementRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['pengumuman'];
  const db = () => app.deps.db;
  const uploadDir = () => app.deps.config.uploadDir;
  const base = '/api/agencies/:agencyId/announcements';
  const oneParams = agencyParams.extend({ announcementId: uuid() });
  const fileParams = oneParams.extend({ fileId: uuid() });
  const one = z.object({ announcement: announcementSchema });

  app.get(
    base,
    { schema: { tags, summary: 'Daftar pengumuman instansi (draf dan terbit)', params: agencyParams, querystring: staffAnnouncementQuery, response: responses({ 200: paged(announcementListItemSchema) }) } },
    async (request) => {
      authorize(announcementPolicy.read(await requireAccount(request), request.params.agencyId));
      const { items, total } = await service.listAnnouncements(db(), { agencyId: request.params.agencyId, ...request.query });
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.post(
    base,
    { schema: { tags, summary: 'Buat draf pengumuman', params: agencyParams, body: createAnnouncementBody, response: responses({ 201: one }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(announcementPolicy.manage(actor, request.params.agencyId));
      const announcement = await service.createAnnouncement(db(), { actorId: actor.accountId, agencyId: request.params.agencyId, data: request.body });
      return reply.status(201).send({ announcement });
    },
  );

  app.get(`${base}/:announcementId`, { schema: { tags, summary: 'Detail pengumuman', params: oneParams, response: responses({ 200: one }) } }, async (request) => {
    authorize(announcementPolicy.read(await requireAccount(request), request.params.agencyId));
    return { announcement: await service.getAnnouncement(db(), request.params) };
  });

  app.patch(
    `${base}/:announcementId`,
    { schema: { tags, summary: 'Ubah draf pengumuman (yang terbit tidak dapat diubah)', params: oneParams, body: updateAnnouncementBody, response: responses({ 200: one }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(announcementPolicy.manage(actor, request.params.agencyId));
      return { announcement: await service.updateAnnouncement(db(), { ...request.params, actorId: actor.accountId, changes: request.body }) };
    },
  );

  app.delete(`${base}/:announcementId`, { schema: { tags, summary: 'Hapus draf pengumuman', params: oneParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    const actor = await requireAccount(request);
    authorize(announcementPolicy.manage(actor, request.params.agencyId));
    await service.deleteAnnouncementDraft(db(), { ...request.params, actorId: actor.accountId });
    return reply.status(204).send(null);
  });

  app.post(
    `${base}/:announcementId/files`,
    {
      schema: {
        tags,
        summary: `Lampirkan PDF ke draf (maks. ${ANNOUNCEMENT_FILE_MAX_BYTES / 1024 / 1024} MB)`,
        description: `${multipartNote} Kolom "title" (opsional) adalah judul lampiran.`,
        consumes: ['multipart/form-data'],
        params: oneParams,
        response: responses({ 201: one }),
      },
    },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(announcementPolicy.manage(actor, request.params.agencyId));
      // Refuse early (before reading the upload) when the draft is not there or not a draft.
      const current = await service.getAnnouncement(db(), request.params);
      const upload = await readUploadPart(request);
      const title = attachmentTitle().optional().safeParse(upload.fields.title || undefined);
      const refusal = !title.success ? validationFailed({ title: title.error.issues[0]?.message ?? 'tidak valid' }) : current.status !== 'draft' ? service.notDraft() : null;
      if (refusal) {
        await drain(upload.stream);
        throw refusal;
      }
      const announcement = await service.attachAnnouncementFile({ db: db(), uploadDir: uploadDir() }, { ...request.params, actorId: actor.accountId, title: title.data, upload });
      return reply.status(201).send({ announcement });
    },
  );

  app.delete(
    `${base}/:announcementId/files/:fileId`,
    { schema: { tags, summary: 'Lepaskan lampiran dari draf', params: fileParams, response: responses({ 200: one }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(announcementPolicy.manage(actor, request.params.agencyId));
      return { announcement: await service.removeAnnouncementFile(db(), { ...request.params, attachmentId: request.params.fileId }) };
    },
  );

  app.get(
    `${base}/:announcementId/files/:fileId`,
    { schema: { tags, summary: 'Unduh lampiran (termasuk draf)', params: fileParams, response: responses({ 200: fileBody }) } },
    async (request, reply) => {
      authorize(announcementPolicy.read(await requireAccount(request), request.params.agencyId));
      const file = await service.announcementFileForDownload(db(), { agencyId: request.params.agencyId, announcementId: request.params.announcementId, attachmentId: request.params.fileId });
      return sendStoredFile(reply, { uploadDir: uploadDir(), file });
    },
  );

  app.post(
    `${base}/:announcementId/publish`,
    { schema: { tags, summary: 'Terbitkan pengumuman (tercatat di jejak audit)', params: oneParams, response: responses({ 200: one }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(announcementPolicy.manage(actor, request.params.agencyId));
      return { announcement: await service.publishAnnouncement(db(), { ...request.params, actorId: actor.accountId }) };
    },
  );

  app.post(
    `${base}/:announcementId/supersede`,
    {
      schema: {
        tags,
        summary: 'Buat draf pengganti untuk pengumuman yang sudah terbit',
        description: 'Pengumuman yang terbit tidak dapat diubah. Draf pengganti menyebut pengumuman yang digantikannya; saat draf itu diterbitkan, pengumuman lama tampil "digantikan oleh …".',
        params: oneParams,
        body: supersedeAnnouncementBody,
        response: responses({ 201: one }),
      },
    },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(announcementPolicy.manage(actor, request.params.agencyId));
      const announcement = await service.supersedeAnnouncement(db(), { ...request.params, actorId: actor.accountId, ...request.body });
      return reply.status(201).send({ announcement });
    },
  );

  // ---- public --------------------------------------------------------------------------------------
  const publicTags = ['publik'];
  const publicOne = z.object({ announcementId: uuid() });

  app.get(
    '/api/public/announcements',
    { schema: { tags: publicTags, summary: 'Pengumuman yang diterbitkan', querystring: publicAnnouncementQuery, response: responses({ 200: paged(publicAnnouncementListItemSchema) }) } },
    async (request) => {
      const { items, total } = await service.listPublicAnnouncements(db(), request.query);
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    '/api/public/announcements/verify',
    {
      schema: {
        tags: publicTags,
        summary: 'Periksa sidik jari SHA-256 sebuah berkas',
        querystring: z.object({ sha256: sha256Input() }),
        response: responses({ 200: verificationSchema }),
      },
    },
    async (request) => service.verifyFingerprint(db(), request.query.sha256),
  );

  app.post(
    '/api/public/announcements/verify',
    {
      config: authRateLimit(app.deps.config),
      schema: {
        tags: publicTags,
        summary: 'Periksa berkas: sidik jarinya dihitung, berkasnya tidak disimpan',
        description: `${multipartNote} Berkas apa pun sampai ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
        consumes: ['multipart/form-data'],
        response: responses({ 200: verificationSchema }),
      },
    },
    async (request) => {
      const upload = await readUploadPart(request);
      const { sha256, sizeBytes } = await hashStream(upload.stream, MAX_UPLOAD_BYTES);
      return service.verifyFingerprint(db(), sha256, sizeBytes);
    },
  );

  app.get(
    '/api/public/announcements/:announcementId',
    { schema: { tags: publicTags, summary: 'Halaman pengumuman dengan sidik jari setiap lampiran', params: publicOne, response: responses({ 200: z.object({ announcement: publicAnnouncementSchema }) }) } },
    async (request) => ({ announcement: await service.getPublicAnnouncement(db(), request.params.announcementId) }),
  );

  app.get(
    '/api/public/announcements/:announcementId/files/:fileId',
    { schema: { tags: publicTags, summary: 'Unduh lampiran pengumuman yang terbit', params: publicOne.extend({ fileId: uuid() }), response: responses({ 200: fileBody }) } },
    async (request, reply) => {
      const file = await service.announcementFileForDownload(db(), { announcementId: request.params.announcementId, attachmentId: request.params.fileId });
      return sendStoredFile(reply, { uploadDir: uploadDir(), file });
    },
  );
}
