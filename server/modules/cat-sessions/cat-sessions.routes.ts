import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  allocationBody,
  allocationRunSchema,
  allocationSchema,
  changedSchema,
  consoleSchema,
  eventListQuery,
  eventSchema,
  extraTimeBody,
  identityBody,
  moveBody,
  needBody,
  ownCatSchema,
  pinSchema,
  publicExamCardSchema,
  reasonBody,
  roomBody,
  sessionBody,
  sessionListQuery,
  sessionSchema,
  sessionUpdateBody,
  stageSchema,
  venueBody,
  venueChoiceBody,
  venueSchema,
} from '../../../core/schemas/cat-sessions.js';
import { uuid } from '../../../core/schemas/common.js';
import { noContent, responses } from '../../http.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize } from '../../policy.js';
import { sendWorkbook } from '../../xlsx.js';
import { agencyParams } from '../agencies/agencies.routes.js';
import { applicantPolicy } from '../applicants/applicants.policy.js';
import { sendStoredFile } from '../files/files.service.js';
import { catSessionPolicy as policy } from './cat-sessions.policy.js';
import {
  chooseVenue,
  createRoom,
  createSession,
  createVenue,
  deleteRoom,
  deleteSession,
  deleteVenue,
  getAllocation,
  getSession,
  listSessions,
  listStages,
  listVenues,
  moveParticipant,
  ownCat,
  runAllocation,
  setNeed,
  updateRoom,
  updateSession,
  updateVenue,
} from './cat-sessions.service.js';
import { examCardPdf, publicExamCard } from './exam-card.js';
import { proctorListPdf, proctorListWorkbook } from './proctor-lists.js';
import { addTime, attemptEvents, attemptPhoto, closeSession, confirmIdentity, openSession, proctorConsole, resetDevice, revealNewPin } from './proctor.service.js';

export async function catSessionRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db;
  const base = '/api/agencies/:agencyId/cat';
  const venueParams = agencyParams.extend({ venueId: uuid() });
  const roomParams = agencyParams.extend({ roomId: uuid() });
  const sessionParams = agencyParams.extend({ sessionId: uuid() });
  const blueprintParams = agencyParams.extend({ blueprintId: uuid() });
  const attemptParams = agencyParams.extend({ attemptId: uuid() });
  const sessionAttemptParams = sessionParams.extend({ attemptId: uuid() });
  const oneVenue = z.object({ venue: venueSchema });
  const oneSession = z.object({ session: sessionSchema });

  async function manager(request: { params: { agencyId: string } } & Parameters<typeof requireAccount>[0]) {
    const actor = await requireAccount(request);
    authorize(policy.manage(actor, request.params.agencyId));
    return actor;
  }
  async function proctor(request: { params: { agencyId: string } } & Parameters<typeof requireAccount>[0]) {
    const actor = await requireAccount(request);
    authorize(policy.proctor(actor, request.params.agencyId));
    return actor;
  }
  async function reader(request: { params: { agencyId: string } } & Parameters<typeof requireAccount>[0]) {
    authorize(policy.read(await requireAccount(request), request.params.agencyId));
  }

  // ---- Venues and rooms ----
  const venueTags = ['CAT: lokasi'];
  app.get(`${base}/venues`, { schema: { tags: venueTags, summary: 'Lokasi ujian CAT beserta ruangnya', params: agencyParams, response: responses({ 200: z.object({ items: z.array(venueSchema) }) }) } }, async (request) => {
    await reader(request);
    return { items: await listVenues(db(), request.params) };
  });
  app.post(`${base}/venues`, { schema: { tags: venueTags, summary: 'Tambah lokasi ujian', params: agencyParams, body: venueBody, response: responses({ 201: oneVenue }) } }, async (request, reply) => {
    const actor = await manager(request);
    return reply.status(201).send({ venue: await createVenue(db(), { actorId: actor.accountId, agencyId: request.params.agencyId, data: request.body }) });
  });
  app.put(`${base}/venues/:venueId`, { schema: { tags: venueTags, summary: 'Ubah lokasi ujian', params: venueParams, body: venueBody, response: responses({ 200: oneVenue }) } }, async (request) => {
    const actor = await manager(request);
    return { venue: await updateVenue(db(), { actorId: actor.accountId, ...request.params, data: request.body }) };
  });
  app.delete(`${base}/venues/:venueId`, { schema: { tags: venueTags, summary: 'Hapus lokasi ujian (tanpa sesi)', params: venueParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    const actor = await manager(request);
    await deleteVenue(db(), { actorId: actor.accountId, ...request.params });
    return reply.status(204).send(null);
  });
  app.post(`${base}/venues/:venueId/rooms`, { schema: { tags: venueTags, summary: 'Tambah ruang dengan jumlah kursinya', params: venueParams, body: roomBody, response: responses({ 201: oneVenue }) } }, async (request, reply) => {
    const actor = await manager(request);
    return reply.status(201).send({ venue: await createRoom(db(), { actorId: actor.accountId, ...request.params, data: request.body }) });
  });
  app.put(`${base}/rooms/:roomId`, { schema: { tags: venueTags, summary: 'Ubah ruang (kursi tidak kurang dari kursi yang sudah terisi)', params: roomParams, body: roomBody, response: responses({ 200: oneVenue }) } }, async (request) => {
    const actor = await manager(request);
    return { venue: await updateRoom(db(), { actorId: actor.accountId, ...request.params, data: request.body }) };
  });
  app.delete(`${base}/rooms/:roomId`, { schema: { tags: venueTags, summary: 'Hapus ruang (tanpa sesi)', params: roomParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    const actor = await manager(request);
    await deleteRoom(db(), { actorId: actor.accountId, ...request.params });
    return reply.status(204).send(null);
  });

  // ---- Stages, sessions and allocation ----
  const sessionTags = ['CAT: sesi'];
  app.get(`${base}/stages`, { schema: { tags: sessionTags, summary: 'Tahap CAT (cetak biru) instansi dengan jumlah sesi, kursi dan peserta', params: agencyParams, response: responses({ 200: z.object({ items: z.array(stageSchema) }) }) } }, async (request) => {
    await reader(request);
    return { items: await listStages(db(), request.params) };
  });
  app.get(
    `${base}/sessions`,
    { schema: { tags: sessionTags, summary: 'Sesi ujian CAT', params: agencyParams, querystring: sessionListQuery, response: responses({ 200: z.object({ items: z.array(sessionSchema) }) }) } },
    async (request) => {
      await reader(request);
      return { items: await listSessions(db(), { agencyId: request.params.agencyId, ...request.query }) };
    },
  );
  app.post(`${base}/sessions`, { schema: { tags: sessionTags, summary: 'Jadwalkan sesi ujian di sebuah ruang', params: agencyParams, body: sessionBody, response: responses({ 201: oneSession }) } }, async (request, reply) => {
    const actor = await manager(request);
    return reply.status(201).send({ session: await createSession(db(), { actorId: actor.accountId, agencyId: request.params.agencyId, data: request.body }) });
  });
  app.get(`${base}/sessions/:sessionId`, { schema: { tags: sessionTags, summary: 'Detail sesi ujian', params: sessionParams, response: responses({ 200: oneSession }) } }, async (request) => {
    await reader(request);
    return { session: await getSession(db(), request.params) };
  });
  app.put(`${base}/sessions/:sessionId`, { schema: { tags: sessionTags, summary: 'Ubah sesi (sebelum dibuka)', params: sessionParams, body: sessionUpdateBody, response: responses({ 200: oneSession }) } }, async (request) => {
    const actor = await manager(request);
    return { session: await updateSession(db(), { actorId: actor.accountId, ...request.params, data: request.body }) };
  });
  app.delete(`${base}/sessions/:sessionId`, { schema: { tags: sessionTags, summary: 'Hapus sesi kosong yang belum dibuka', params: sessionParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    const actor = await manager(request);
    await deleteSession(db(), { actorId: actor.accountId, ...request.params });
    return reply.status(204).send(null);
  });
  app.get(
    `${base}/allocations/:blueprintId`,
    { schema: { tags: sessionTags, summary: 'Pembagian peserta per sesi untuk satu tahap CAT', params: blueprintParams, response: responses({ 200: z.object({ allocation: allocationSchema }) }) } },
    async (request) => {
      await reader(request);
      return { allocation: await getAllocation(db(), request.params) };
    },
  );
  app.post(
    `${base}/allocations/:blueprintId`,
    {
      schema: {
        tags: sessionTags,
        summary: 'Bagi peserta MS ke sesi (lokasi pilihan, kapasitas, formasi berdekatan) dan buat naskah tiap peserta',
        params: blueprintParams,
        body: allocationBody,
        response: responses({ 200: allocationRunSchema }),
      },
    },
    async (request) => {
      const actor = await manager(request);
      return runAllocation(db(), { actorId: actor.accountId, ...request.params, reset: request.body.reset, secret: app.deps.config.sessionSecret });
    },
  );
  app.put(
    `${base}/attempts/:attemptId/need`,
    {
      schema: {
        tags: sessionTags,
        summary: 'Tetapkan kebutuhan khusus peserta (waktu tambahan dari cetak biru)',
        params: attemptParams,
        body: needBody,
        response: responses({ 200: z.object({ need: z.string().nullable(), durationSeconds: z.number().int() }) }),
      },
    },
    async (request) => {
      const actor = await manager(request);
      return setNeed(db(), { actorId: actor.accountId, ...request.params, need: request.body.need });
    },
  );
  app.post(
    `${base}/attempts/:attemptId/move`,
    { schema: { tags: sessionTags, summary: 'Pindahkan peserta ke sesi atau kursi lain (dengan alasan)', params: attemptParams, body: moveBody, response: responses({ 200: z.object({ sessionId: z.string(), seat: z.number().int() }) }) } },
    async (request) => {
      const actor = await manager(request);
      return moveParticipant(db(), { actorId: actor.accountId, ...request.params, ...request.body });
    },
  );
  app.get(`${base}/sessions/:sessionId/list.pdf`, { schema: { tags: sessionTags, summary: 'Daftar hadir sesi untuk pengawas (PDF)', params: sessionParams } }, async (request, reply) => {
    await manager(request);
    const { pdf, name } = await proctorListPdf(db(), request.params);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${name}"`).header('cache-control', 'no-store').send(pdf);
  });
  app.get(`${base}/sessions/:sessionId/list.xlsx`, { schema: { tags: sessionTags, summary: 'Daftar hadir sesi untuk pengawas (XLSX)', params: sessionParams } }, async (request, reply) => {
    await manager(request);
    const { workbook, name } = await proctorListWorkbook(db(), request.params);
    return sendWorkbook(reply, workbook, name);
  });

  // ---- Proctor console ----
  const proctorTags = ['CAT: pengawas'];
  app.get(`${base}/sessions/:sessionId/console`, { schema: { tags: proctorTags, summary: 'Konsol pengawas: peserta, status, foto, peringatan', params: sessionParams, response: responses({ 200: consoleSchema }) } }, async (request) => {
    await proctor(request);
    return proctorConsole(db(), request.params);
  });
  app.post(`${base}/sessions/:sessionId/open`, { schema: { tags: proctorTags, summary: 'Buka sesi dan tampilkan PIN (sekali)', params: sessionParams, response: responses({ 200: pinSchema }) } }, async (request, reply) => {
    const actor = await proctor(request);
    reply.header('cache-control', 'no-store');
    return openSession(db(), { actorId: actor.accountId, ...request.params });
  });
  app.post(`${base}/sessions/:sessionId/pin`, { schema: { tags: proctorTags, summary: 'Buat dan tampilkan PIN baru (PIN lama tidak berlaku)', params: sessionParams, response: responses({ 200: pinSchema }) } }, async (request, reply) => {
    const actor = await proctor(request);
    reply.header('cache-control', 'no-store');
    return revealNewPin(db(), { actorId: actor.accountId, ...request.params });
  });
  app.post(`${base}/sessions/:sessionId/identity`, { schema: { tags: proctorTags, summary: 'Konfirmasi identitas peserta (satu, beberapa, atau semua yang hadir)', params: sessionParams, body: identityBody, response: responses({ 200: changedSchema }) } }, async (request) => {
    const actor = await proctor(request);
    return confirmIdentity(db(), { actorId: actor.accountId, ...request.params, attemptIds: request.body.attemptIds, all: request.body.all });
  });
  app.post(`${base}/sessions/:sessionId/extra-time`, { schema: { tags: proctorTags, summary: 'Tambah waktu karena kendala (dengan alasan)', params: sessionParams, body: extraTimeBody, response: responses({ 200: changedSchema }) } }, async (request) => {
    const actor = await proctor(request);
    return addTime(db(), { actorId: actor.accountId, ...request.params, ...request.body });
  });
  app.post(
    `${base}/sessions/:sessionId/attempts/:attemptId/device-reset`,
    { schema: { tags: proctorTags, summary: 'Izinkan peserta pindah komputer (lanjut dengan sisa waktu)', params: sessionAttemptParams, body: reasonBody, response: responses({ 200: changedSchema }) } },
    async (request) => {
      const actor = await proctor(request);
      return resetDevice(db(), { actorId: actor.accountId, ...request.params, reason: request.body.reason });
    },
  );
  app.get(
    `${base}/sessions/:sessionId/attempts/:attemptId/events`,
    { schema: { tags: proctorTags, summary: 'Catatan kejadian peserta (fokus hilang, pindah tab, perangkat lain)', params: sessionAttemptParams, querystring: eventListQuery, response: responses({ 200: z.object({ items: z.array(eventSchema) }) }) } },
    async (request) => {
      await proctor(request);
      return { items: await attemptEvents(db(), { ...request.params, limit: request.query.limit }) };
    },
  );
  app.get(`${base}/sessions/:sessionId/attempts/:attemptId/photo`, { schema: { tags: proctorTags, summary: 'Pas foto peserta dari berkas pendaftaran (hanya staf instansi)', params: sessionAttemptParams } }, async (request, reply) => {
    await proctor(request);
    const file = await attemptPhoto(db(), request.params);
    return sendStoredFile(reply, { uploadDir: app.deps.config.uploadDir, file });
  });
  app.post(`${base}/sessions/:sessionId/close`, { schema: { tags: proctorTags, summary: 'Tutup sesi (yang belum mulai dicatat tidak hadir)', params: sessionParams, response: responses({ 200: z.object({ absent: z.number().int(), stillRunning: z.number().int() }) }) } }, async (request) => {
    const actor = await proctor(request);
    return closeSession(db(), { actorId: actor.accountId, ...request.params });
  });

  // ---- Applicant ----
  const applicantTags = ['CAT: peserta'];
  const applicant = async (request: Parameters<typeof requireAccount>[0]) => {
    const actor = await requireAccount(request);
    authorize(applicantPolicy.self(actor));
    return actor;
  };
  app.get('/api/applicant/cat', { schema: { tags: applicantTags, summary: 'Lokasi, jadwal dan kursi ujian CAT saya', response: responses({ 200: z.object({ items: z.array(ownCatSchema) }) }) } }, async (request) => {
    const actor = await applicant(request);
    return { items: await ownCat(db(), { accountId: actor.accountId }) };
  });
  app.put(
    '/api/applicant/applications/:id/cat-venue',
    { schema: { tags: applicantTags, summary: 'Pilih lokasi ujian CAT (sebelum pembagian kursi); null: lokasi mana saja', params: z.object({ id: uuid() }), body: venueChoiceBody, response: responses({ 204: noContent }) } },
    async (request, reply) => {
      const actor = await applicant(request);
      await chooseVenue(db(), { accountId: actor.accountId, applicationId: request.params.id, venueId: request.body.venueId });
      return reply.status(204).send(null);
    },
  );
  app.get('/api/applicant/cat/attempts/:attemptId/card.pdf', { schema: { tags: applicantTags, summary: 'Kartu peserta ujian (PDF) dengan kode QR', params: z.object({ attemptId: uuid() }) } }, async (request, reply) => {
    const actor = await applicant(request);
    const pdf = await examCardPdf({
      db: db(),
      uploadDir: app.deps.config.uploadDir,
      publicUrl: app.deps.config.publicUrl,
      secret: app.deps.config.sessionSecret,
      accountId: actor.accountId,
      attemptId: request.params.attemptId,
    });
    return reply.type('application/pdf').header('content-disposition', 'inline; filename="kartu-ujian.pdf"').header('cache-control', 'private, no-store').send(pdf);
  });
  app.get(
    '/api/public/cat-cards/:attemptId',
    {
      schema: {
        tags: ['publik'],
        summary: 'Konfirmasi publik kartu ujian (dari kode QR); nama disamarkan',
        params: z.object({ attemptId: uuid() }),
        querystring: z.object({ t: z.string().min(10).max(60) }),
        response: responses({ 200: publicExamCardSchema }),
      },
    },
    async (request) => publicExamCard({ db: db(), secret: app.deps.config.sessionSecret, attemptId: request.params.attemptId, token: request.query.t }),
  );
}
