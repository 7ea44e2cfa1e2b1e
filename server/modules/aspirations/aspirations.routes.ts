import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  answerAspirationBody,
  aspirationListItemSchema,
  aspirationNoteBody,
  aspirationQuery,
  aspirationReceiptSchema,
  aspirationSchema,
  aspirationSettingsBody,
  aspirationSummarySchema,
  closeAspirationBody,
  createForumBody,
  forumFollowupBody,
  forumListItemSchema,
  forumMinutesBody,
  forumQuery,
  forumSchema,
  publicForumQuery,
  publicForumSchema,
  routeAspirationBody,
  trackAspirationBody,
  trackedAspirationSchema,
  updateForumBody,
} from '../../../core/schemas/aspirations.js';
import { paged, uuid } from '../../../core/schemas/common.js';
import { AppError } from '../../errors.js';
import { publicRateLimit, responses } from '../../http.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize } from '../../policy.js';
import { agencyParams } from '../agencies/agencies.routes.js';
import { sendStoredFile } from '../files/files.service.js';
import { aspirationPolicy } from './aspirations.policy.js';
import * as service from './aspirations.service.js';

async function* multipartParts(request: FastifyRequest): AsyncGenerator<service.MultipartPart> {
  for await (const part of request.parts()) {
    if (part.type === 'file') yield { type: 'file', fieldname: part.fieldname, filename: part.filename, file: part.file };
    else yield { type: 'field', fieldname: part.fieldname, value: part.value };
  }
}

export async function aspirationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['aspirasi'];
  const db = () => app.deps.db;
  const deps = () => ({ db: app.deps.db, config: app.deps.config });
  const base = '/api/agencies/:agencyId/aspirations';
  const oneParams = agencyParams.extend({ aspirationId: uuid() });
  const one = z.object({ aspiration: aspirationSchema });
  const forumBase = '/api/agencies/:agencyId/forums';
  const forumParams = agencyParams.extend({ forumId: uuid() });
  const oneForum = z.object({ forum: forumSchema });
  const staff = (actor: { accountId: string; name: string }) => ({ accountId: actor.accountId, name: actor.name });

  app.get(
    base,
    { schema: { tags, summary: 'Aspirasi dan pengaduan instansi: yang melewati batas waktu dahulu', params: agencyParams, querystring: aspirationQuery, response: responses({ 200: paged(aspirationListItemSchema) }) } },
    async (request) => {
      authorize(aspirationPolicy.read(await requireAccount(request), request.params.agencyId));
      const { items, total } = await service.listAspirations(db(), { agencyId: request.params.agencyId, ...request.query });
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    `${base}/summary`,
    { schema: { tags, summary: 'Ringkasan: status, yang terlambat, diselesaikan tepat waktu, lama penyelesaian, per kategori', params: agencyParams, response: responses({ 200: aspirationSummarySchema }) } },
    async (request) => {
      authorize(aspirationPolicy.read(await requireAccount(request), request.params.agencyId));
      return service.aspirationSummary(db(), { agencyId: request.params.agencyId });
    },
  );

  app.get(
    `${base}/:aspirationId`,
    { schema: { tags, summary: 'Detail pengaduan dengan lampiran dan riwayatnya', params: oneParams, response: responses({ 200: one }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(aspirationPolicy.read(actor, request.params.agencyId));
      return { aspiration: await service.getAspiration(db(), { ...request.params, showReporter: aspirationPolicy.manage(actor, request.params.agencyId) }) };
    },
  );

  app.get(
    `${base}/:aspirationId/files/:fileId`,
    { schema: { tags, summary: 'Unduh lampiran pengaduan', params: oneParams.extend({ fileId: uuid() }), response: responses({ 200: z.any().describe('Isi berkas') }) } },
    async (request, reply) => {
      authorize(aspirationPolicy.read(await requireAccount(request), request.params.agencyId));
      const file = await service.aspirationFileForDownload(db(), { ...request.params, attachmentId: request.params.fileId });
      return sendStoredFile(reply, { uploadDir: app.deps.config.uploadDir, file });
    },
  );

  app.post(
    `${base}/:aspirationId/route`,
    { schema: { tags, summary: 'Teruskan ke unit kerja yang menindaklanjuti', params: oneParams, body: routeAspirationBody, response: responses({ 200: one }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(aspirationPolicy.manage(actor, request.params.agencyId));
      return { aspiration: await service.routeAspiration(deps(), { ...request.params, actor: staff(actor), ...request.body }) };
    },
  );

  app.post(
    `${base}/:aspirationId/answer`,
    { schema: { tags, summary: 'Jawab pengaduan (dapat diperbaiki sampai diselesaikan)', params: oneParams, body: answerAspirationBody, response: responses({ 200: one }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(aspirationPolicy.manage(actor, request.params.agencyId));
      return { aspiration: await service.answerAspiration(deps(), { ...request.params, actor: staff(actor), answer: request.body.answer }) };
    },
  );

  app.post(
    `${base}/:aspirationId/close`,
    { schema: { tags, summary: 'Selesaikan pengaduan yang sudah dijawab', params: oneParams, body: closeAspirationBody, response: responses({ 200: one }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(aspirationPolicy.manage(actor, request.params.agencyId));
      return { aspiration: await service.closeAspiration(deps(), { ...request.params, actor: staff(actor), note: request.body.note }) };
    },
  );

  app.post(
    `${base}/:aspirationId/notes`,
    { schema: { tags, summary: 'Catatan internal (tidak tampil bagi pelapor)', params: oneParams, body: aspirationNoteBody, response: responses({ 200: one }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(aspirationPolicy.manage(actor, request.params.agencyId));
      return { aspiration: await service.addNote(deps(), { ...request.params, actor: staff(actor), note: request.body.note }) };
    },
  );

  const settings = z.object({ slaDays: z.number().int() });
  app.get('/api/agencies/:agencyId/aspiration-settings', { schema: { tags, summary: 'Batas waktu layanan pengaduan (hari)', params: agencyParams, response: responses({ 200: settings }) } }, async (request) => {
    authorize(aspirationPolicy.read(await requireAccount(request), request.params.agencyId));
    return service.getSettings(db(), request.params.agencyId);
  });

  app.put(
    '/api/agencies/:agencyId/aspiration-settings',
    { schema: { tags, summary: 'Ubah batas waktu layanan (berlaku bagi pengaduan yang masuk sesudahnya)', params: agencyParams, body: aspirationSettingsBody, response: responses({ 200: settings }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(aspirationPolicy.settings(actor, request.params.agencyId));
      return service.updateSettings(db(), { agencyId: request.params.agencyId, actorId: actor.accountId, slaDays: request.body.slaDays });
    },
  );

  // ---- community forums ----
  const forumTags = ['forum warga'];
  app.get(forumBase, { schema: { tags: forumTags, summary: 'Forum warga instansi', params: agencyParams, querystring: forumQuery, response: responses({ 200: paged(forumListItemSchema) }) } }, async (request) => {
    authorize(aspirationPolicy.read(await requireAccount(request), request.params.agencyId));
    const { items, total } = await service.listForums(db(), { agencyId: request.params.agencyId, ...request.query });
    return { items, total, page: request.query.page, pageSize: request.query.pageSize };
  });

  app.post(forumBase, { schema: { tags: forumTags, summary: 'Jadwalkan forum warga', params: agencyParams, body: createForumBody, response: responses({ 201: oneForum }) } }, async (request, reply) => {
    const actor = await requireAccount(request);
    authorize(aspirationPolicy.manage(actor, request.params.agencyId));
    return reply.status(201).send({ forum: await service.createForum(db(), { agencyId: request.params.agencyId, actorId: actor.accountId, data: request.body }) });
  });

  app.get(`${forumBase}/:forumId`, { schema: { tags: forumTags, summary: 'Forum warga: notulen dan tindak lanjut', params: forumParams, response: responses({ 200: oneForum }) } }, async (request) => {
    authorize(aspirationPolicy.read(await requireAccount(request), request.params.agencyId));
    return { forum: await service.getForum(db(), request.params) };
  });

  app.patch(
    `${forumBase}/:forumId`,
    { schema: { tags: forumTags, summary: 'Ubah jadwal, tempat, agenda, atau batalkan forum', params: forumParams, body: updateForumBody, response: responses({ 200: oneForum }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(aspirationPolicy.manage(actor, request.params.agencyId));
      return { forum: await service.updateForum(db(), { ...request.params, actorId: actor.accountId, changes: request.body }) };
    },
  );

  app.post(
    `${forumBase}/:forumId/minutes`,
    { schema: { tags: forumTags, summary: 'Catat notulen dan jumlah peserta (forum menjadi terlaksana)', params: forumParams, body: forumMinutesBody, response: responses({ 200: oneForum }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(aspirationPolicy.manage(actor, request.params.agencyId));
      return { forum: await service.recordMinutes(db(), { ...request.params, actorId: actor.accountId, data: request.body }) };
    },
  );

  app.post(
    `${forumBase}/:forumId/followups`,
    { schema: { tags: forumTags, summary: 'Tindak lanjut: tautkan pengaduan yang ada, atau catat aspirasi baru dari forum', params: forumParams, body: forumFollowupBody, response: responses({ 201: oneForum }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(aspirationPolicy.manage(actor, request.params.agencyId));
      return reply.status(201).send({ forum: await service.addFollowup(deps(), { ...request.params, actor: staff(actor), data: request.body }) });
    },
  );

  // ---- public ----
  const publicTags = ['publik'];
  const limited = publicRateLimit(app.deps.config);

  app.post(
    '/api/public/aspirations',
    {
      config: limited,
      schema: {
        tags: publicTags,
        summary: 'Kirim aspirasi atau pengaduan tanpa akun (boleh anonim); menerima kode pelacakan',
        description:
          'multipart/form-data: kolom agencyId, category, subject, body, anonymous (1/0), name, email, phone terlebih dahulu, lalu paling banyak 3 lampiran (PDF, JPEG, PNG; masing-masing maks. 5 MB) pada kolom "file". Kolom "website" harus kosong.',
        consumes: ['multipart/form-data'],
        response: responses({ 201: aspirationReceiptSchema }),
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Kirim pengaduan sebagai multipart/form-data.');
      const received = await service.receiveSubmission({ db: db(), parts: multipartParts(request), uploadDir: app.deps.config.uploadDir });
      return reply.status(201).send(await service.submitAspiration(deps(), received));
    },
  );

  app.post(
    '/api/public/aspirations/track',
    { config: limited, schema: { tags: publicTags, summary: 'Lacak status pengaduan dengan kode pelacakan', body: trackAspirationBody, response: responses({ 200: z.object({ aspiration: trackedAspirationSchema }) }) } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { aspiration: await service.trackAspiration(db(), { code: request.body.code }) };
    },
  );

  app.get(
    '/api/public/forums',
    { schema: { tags: publicTags, summary: 'Forum warga yang akan datang, atau yang sudah terlaksana dengan notulennya', querystring: publicForumQuery, response: responses({ 200: paged(publicForumSchema) }) } },
    async (request) => {
      const { items, total } = await service.listPublicForums(db(), request.query);
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );
}
