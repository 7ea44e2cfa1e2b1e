import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { paged, uuid } from '../../../core/schemas/common.js';
import {
  OUTREACH_MATERIAL_MAX_BYTES,
  attendanceSchema,
  cancelRegistrationBody,
  checkInBody,
  checkInResultSchema,
  createOutreachEventBody,
  outreachEventListItemSchema,
  outreachEventSchema,
  outreachRegistrationBody,
  publicEventQuery,
  publicOutreachEventListItemSchema,
  publicOutreachEventSchema,
  registrationQuery,
  registrationResultSchema,
  registrationSchema,
  staffEventQuery,
  ticketKeyQuery,
  ticketSchema,
  updateOutreachEventBody,
} from '../../../core/schemas/outreach.js';
import { validationFailed } from '../../errors.js';
import { authRateLimit, responses } from '../../http.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize } from '../../policy.js';
import { agencyParams } from '../agencies/agencies.routes.js';
import { drain, readUploadPart, sendStoredFile } from '../files/files.service.js';
import { outreachPolicy } from './outreach.policy.js';
import * as service from './outreach.service.js';

const fileBody = z.any().describe('Isi berkas');

export async function outreachRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['sosialisasi'];
  const deps = () => ({ db: app.deps.db, config: app.deps.config });
  const db = () => app.deps.db;
  const base = '/api/agencies/:agencyId/outreach-events';
  const eventParams = agencyParams.extend({ eventId: uuid() });
  const materialParams = eventParams.extend({ materialId: uuid() });
  const one = z.object({ event: outreachEventSchema });
  const limited = authRateLimit(app.deps.config);

  app.get(
    base,
    { schema: { tags, summary: 'Daftar acara sosialisasi instansi', params: agencyParams, querystring: staffEventQuery, response: responses({ 200: paged(outreachEventListItemSchema) }) } },
    async (request) => {
      authorize(outreachPolicy.manage(await requireAccount(request), request.params.agencyId));
      const { items, total } = await service.listEvents(db(), { agencyId: request.params.agencyId, ...request.query });
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.post(base, { schema: { tags, summary: 'Buat acara (draf)', params: agencyParams, body: createOutreachEventBody, response: responses({ 201: one }) } }, async (request, reply) => {
    const actor = await requireAccount(request);
    authorize(outreachPolicy.manage(actor, request.params.agencyId));
    const event = await service.createEvent(db(), { actorId: actor.accountId, agencyId: request.params.agencyId, data: request.body });
    return reply.status(201).send({ event });
  });

  app.get(`${base}/:eventId`, { schema: { tags, summary: 'Detail acara', params: eventParams, response: responses({ 200: one }) } }, async (request) => {
    authorize(outreachPolicy.manage(await requireAccount(request), request.params.agencyId));
    return { event: await service.getEvent(db(), request.params) };
  });

  app.patch(
    `${base}/:eventId`,
    { schema: { tags, summary: 'Ubah acara (kapasitas yang bertambah mengisi kursi dari daftar tunggu)', params: eventParams, body: updateOutreachEventBody, response: responses({ 200: one }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(outreachPolicy.manage(actor, request.params.agencyId));
      return { event: await service.updateEvent(deps(), { ...request.params, actorId: actor.accountId, changes: request.body }) };
    },
  );

  app.post(`${base}/:eventId/publish`, { schema: { tags, summary: 'Umumkan acara (pendaftaran dibuka)', params: eventParams, response: responses({ 200: one }) } }, async (request) => {
    const actor = await requireAccount(request);
    authorize(outreachPolicy.manage(actor, request.params.agencyId));
    return { event: await service.publishEvent(db(), { ...request.params, actorId: actor.accountId }) };
  });

  app.post(
    `${base}/:eventId/cancel`,
    {
      schema: {
        tags,
        summary: 'Batalkan acara (peserta dan daftar tunggu diberi tahu lewat email)',
        params: eventParams,
        body: z.strictObject({ reason: z.string().trim().max(500, 'Alasan maksimal 500 karakter').optional() }),
        response: responses({ 200: one }),
      },
    },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(outreachPolicy.manage(actor, request.params.agencyId));
      return { event: await service.cancelEvent(deps(), { ...request.params, actorId: actor.accountId, reason: request.body.reason || undefined }) };
    },
  );

  app.get(
    `${base}/:eventId/registrations`,
    { schema: { tags, summary: 'Pendaftar acara', params: eventParams, querystring: registrationQuery, response: responses({ 200: paged(registrationSchema) }) } },
    async (request) => {
      authorize(outreachPolicy.manage(await requireAccount(request), request.params.agencyId));
      const { items, total } = await service.listRegistrations(db(), { ...request.params, ...request.query });
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    `${base}/:eventId/attendance`,
    { schema: { tags, summary: 'Angka pendaftar dan kehadiran per kelompok peserta', params: eventParams, response: responses({ 200: attendanceSchema }) } },
    async (request) => {
      authorize(outreachPolicy.manage(await requireAccount(request), request.params.agencyId));
      return service.attendance(db(), request.params);
    },
  );

  app.post(
    `${base}/:eventId/check-in`,
    {
      schema: {
        tags,
        summary: 'Presensi: kode dari QR tiket (atau alamat yang dipindai)',
        params: eventParams,
        body: checkInBody,
        response: responses({ 200: checkInResultSchema }),
      },
    },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(outreachPolicy.manage(actor, request.params.agencyId));
      return service.checkIn(db(), { ...request.params, actorId: actor.accountId, code: request.body.code });
    },
  );

  app.post(
    `${base}/:eventId/materials`,
    {
      schema: {
        tags,
        summary: `Unggah materi PDF (maks. ${OUTREACH_MATERIAL_MAX_BYTES / 1024 / 1024} MB), dapat diunduh publik setelah acara dimulai`,
        description: 'multipart/form-data: kolom "title" (opsional) terlebih dahulu, lalu berkas pada kolom "file".',
        consumes: ['multipart/form-data'],
        params: eventParams,
        response: responses({ 201: one }),
      },
    },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(outreachPolicy.manage(actor, request.params.agencyId));
      await service.getEvent(db(), request.params);
      const upload = await readUploadPart(request);
      const title = z.string().trim().max(200, 'Judul materi maksimal 200 karakter').optional().safeParse(upload.fields.title || undefined);
      if (!title.success) {
        await drain(upload.stream);
        throw validationFailed({ title: title.error.issues[0]?.message ?? 'tidak valid' });
      }
      const event = await service.addMaterial(deps(), { ...request.params, actorId: actor.accountId, title: title.data, upload });
      return reply.status(201).send({ event });
    },
  );

  app.delete(`${base}/:eventId/materials/:materialId`, { schema: { tags, summary: 'Hapus materi', params: materialParams, response: responses({ 200: one }) } }, async (request) => {
    const actor = await requireAccount(request);
    authorize(outreachPolicy.manage(actor, request.params.agencyId));
    return { event: await service.removeMaterial(db(), { ...request.params, actorId: actor.accountId }) };
  });

  app.get(`${base}/:eventId/materials/:materialId`, { schema: { tags, summary: 'Unduh materi', params: materialParams, response: responses({ 200: fileBody }) } }, async (request, reply) => {
    authorize(outreachPolicy.manage(await requireAccount(request), request.params.agencyId));
    const file = await service.materialForDownload(db(), request.params);
    return sendStoredFile(reply, { uploadDir: app.deps.config.uploadDir, file });
  });

  // ---- public --------------------------------------------------------------------------------------
  const publicTags = ['publik'];
  const publicEvent = z.object({ eventId: uuid() });
  const ticketParams = z.object({ registrationId: uuid() });

  app.get(
    '/api/public/outreach-events',
    { schema: { tags: publicTags, summary: 'Acara sosialisasi yang akan datang atau yang lalu', querystring: publicEventQuery, response: responses({ 200: paged(publicOutreachEventListItemSchema) }) } },
    async (request) => {
      const { items, total } = await service.listPublicEvents(db(), request.query);
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    '/api/public/outreach-events/:eventId',
    { schema: { tags: publicTags, summary: 'Halaman acara: jadwal, kursi tersisa, angka kehadiran, materi', params: publicEvent, response: responses({ 200: z.object({ event: publicOutreachEventSchema }) }) } },
    async (request) => ({ event: await service.getPublicEvent(db(), request.params.eventId) }),
  );

  app.post(
    '/api/public/outreach-events/:eventId/registrations',
    {
      config: limited,
      schema: {
        tags: publicTags,
        summary: 'Daftar tanpa akun: terdaftar bila kursi tersedia, selain itu daftar tunggu',
        params: publicEvent,
        body: outreachRegistrationBody,
        response: responses({ 201: registrationResultSchema }),
      },
    },
    async (request, reply) => reply.status(201).send(await service.register(deps(), { eventId: request.params.eventId, data: request.body })),
  );

  app.get(
    '/api/public/outreach-events/:eventId/materials/:materialId',
    { schema: { tags: publicTags, summary: 'Unduh materi (setelah acara dimulai)', params: publicEvent.extend({ materialId: uuid() }), response: responses({ 200: fileBody }) } },
    async (request, reply) => {
      const file = await service.materialForDownload(db(), request.params);
      return sendStoredFile(reply, { uploadDir: app.deps.config.uploadDir, file });
    },
  );

  app.get(
    '/api/public/outreach-registrations/:registrationId',
    { schema: { tags: publicTags, summary: 'Tiket pendaftar (tautan rahasia dari email)', params: ticketParams, querystring: ticketKeyQuery, response: responses({ 200: z.object({ ticket: ticketSchema }) }) } },
    async (request) => ({ ticket: await service.getTicket(deps(), { registrationId: request.params.registrationId, kunci: request.query.kunci }) }),
  );

  app.get(
    '/api/public/outreach-registrations/:registrationId/qr.png',
    { schema: { tags: publicTags, summary: 'Kode QR presensi (PNG)', params: ticketParams, querystring: ticketKeyQuery, response: responses({ 200: z.any().describe('image/png') }) } },
    async (request, reply) => {
      const png = await service.ticketQrPng(deps(), { registrationId: request.params.registrationId, kunci: request.query.kunci });
      return reply.header('content-type', 'image/png').header('cache-control', 'private, no-store').send(png);
    },
  );

  app.post(
    '/api/public/outreach-registrations/:registrationId/cancel',
    {
      config: limited,
      schema: { tags: publicTags, summary: 'Batalkan pendaftaran (kursi diberikan ke daftar tunggu berikutnya)', params: ticketParams, body: cancelRegistrationBody, response: responses({ 200: z.object({ ticket: ticketSchema }) }) },
    },
    async (request) => ({ ticket: await service.cancelRegistration(deps(), { registrationId: request.params.registrationId, kunci: request.body.kunci }) }),
  );
}
