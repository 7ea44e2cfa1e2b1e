import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { paged, uuid } from '../../../core/schemas/common.js';
import {
  approveBody,
  asnFeedbackBody,
  asnFeedbackSummarySchema,
  attendanceBody,
  cancelBody,
  certificateCheckSchema,
  createSessionBody,
  enrolBody,
  enrolCandidatesBody,
  enrolmentListQuery,
  enrolmentSchema,
  meetingBody,
  meetingSchema,
  pendingSurveySchema,
  placeBody,
  programmeBody,
  programmeDetailSchema,
  programmeListQuery,
  programmeSchema,
  reactionBody,
  rejectBody,
  requestBody,
  rosterEntrySchema,
  scoresBody,
  sessionBody,
  sessionDetailSchema,
  sessionListQuery,
  sessionSchema,
  trainerSchema,
} from '../../../core/schemas/training.js';
import { employeeSchema } from '../../../core/schemas/employees.js';
import { notFound } from '../../errors.js';
import { noContent, responses } from '../../http.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize, type Actor } from '../../policy.js';
import { agencyParams } from '../agencies/agencies.routes.js';
import { employeesPolicy } from '../employees/employees.policy.js';
import { relationOf } from '../employees/employees.service.js';
import { accountsWithRole } from '../staff/staff.service.js';
import { certificatePdf, publicCertificateCheck } from './certificates.js';
import {
  approveRequest,
  cancelEnrolment,
  closeSession,
  enrol,
  enrolCandidates,
  enrolmentsOfAccount,
  enrolmentsOfEmployee,
  enrolmentsOfStaff,
  findEnrolment,
  listEnrolments,
  placeEnrolment,
  recordAttendance,
  recordScores,
  rejectRequest,
  reopenSession,
  requestTraining,
  roster,
} from './enrolments.service.js';
import { asnFeedbackOfSelection, pendingAsnSurveys, sessionReaction, submitAsnFeedback, submitReaction } from './surveys.service.js';
import { trainingPolicy as policy } from './training.policy.js';
import {
  addMeeting,
  createProgramme,
  createSession,
  deleteMeeting,
  findSession,
  getProgramme,
  getSession,
  listMeetings,
  listProgrammes,
  listSessions,
  programmeStats,
  updateMeeting,
  updateProgramme,
  updateSession,
} from './training.service.js';

export async function trainingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db;
  const tags = ['pelatihan'];
  const base = '/api/agencies/:agencyId/training';
  const programmeParams = agencyParams.extend({ programmeId: uuid() });
  const sessionParams = agencyParams.extend({ sessionId: uuid() });
  const meetingParams = sessionParams.extend({ meetingId: uuid() });
  const enrolmentParams = agencyParams.extend({ enrolmentId: uuid() });
  const oneProgramme = z.object({ programme: programmeSchema });
  const oneSession = z.object({ session: sessionSchema });
  const oneEnrolment = z.object({ enrolment: enrolmentSchema });
  const rosterOut = z.object({ roster: z.array(rosterEntrySchema) });

  /** Administrators, or the class's own trainer. */
  async function authorizeTeaching(actor: Actor, params: { agencyId: string; sessionId: string }) {
    if (policy.manage(actor, params.agencyId)) return;
    authorize(policy.teachAny(actor, params.agencyId) && policy.teach(actor, params.agencyId, await findSession(db(), params)));
  }
  /** Administrators, or the supervisor of the employee concerned. */
  async function authorizeSupervising(actor: Actor, agencyId: string, employeeId: string | null | undefined) {
    if (policy.manage(actor, agencyId)) return;
    authorize(Boolean(employeeId) && policy.superviseAny(actor, agencyId) && policy.supervise(actor, agencyId, await relationOf(db(), { agencyId, employeeId: employeeId!, accountId: actor.accountId })));
  }

  // ---- Programmes ----
  app.get(
    `${base}/programmes`,
    { schema: { tags, summary: 'Katalog program pelatihan', params: agencyParams, querystring: programmeListQuery, response: responses({ 200: paged(programmeSchema) }) } },
    async (request) => {
      authorize(policy.readCatalogue(await requireAccount(request), request.params.agencyId));
      const { items, total } = await listProgrammes(db(), { agencyId: request.params.agencyId, ...request.query });
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );
  app.post(
    `${base}/programmes`,
    { schema: { tags, summary: 'Tambah program pelatihan', params: agencyParams, body: programmeBody, response: responses({ 201: oneProgramme }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      return reply.status(201).send({ programme: await createProgramme(db(), { actorId: actor.accountId, agencyId: request.params.agencyId, data: request.body }) });
    },
  );
  app.get(
    `${base}/programmes/:programmeId`,
    { schema: { tags, summary: 'Program pelatihan dengan tingkat kelulusan, peningkatan nilai dan reaksi peserta', params: programmeParams, response: responses({ 200: programmeDetailSchema }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.readCatalogue(actor, request.params.agencyId));
      return { programme: await getProgramme(db(), request.params), stats: await programmeStats(db(), request.params), can: { manage: policy.manage(actor, request.params.agencyId) } };
    },
  );
  app.put(
    `${base}/programmes/:programmeId`,
    { schema: { tags, summary: 'Ubah program pelatihan (aturan kelulusan berlaku untuk kelas yang ditutup sesudahnya)', params: programmeParams, body: programmeBody, response: responses({ 200: oneProgramme }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      return { programme: await updateProgramme(db(), { actorId: actor.accountId, ...request.params, data: request.body }) };
    },
  );

  // ---- Sessions (classes) ----
  app.get(
    `${base}/sessions`,
    { schema: { tags, summary: 'Daftar kelas pelatihan (mine=true: kelas yang saya ampu)', params: agencyParams, querystring: sessionListQuery, response: responses({ 200: paged(sessionSchema) }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.readCatalogue(actor, request.params.agencyId));
      const { mine, ...query } = request.query;
      const { items, total } = await listSessions(db(), { agencyId: request.params.agencyId, ...query, ...(mine === 'true' ? { trainerAccountId: actor.accountId } : {}) });
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );
  app.post(
    `${base}/sessions`,
    { schema: { tags, summary: 'Buka kelas pelatihan', params: agencyParams, body: createSessionBody, response: responses({ 201: oneSession }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      const { programmeId, ...data } = request.body;
      return reply.status(201).send({ session: await createSession(db(), { actorId: actor.accountId, agencyId: request.params.agencyId, programmeId, data }) });
    },
  );
  app.get(
    `${base}/sessions/:sessionId`,
    { schema: { tags, summary: 'Kelas pelatihan: jadwal, dan bagi admin/pelatihnya daftar peserta dengan presensi dan nilai', params: sessionParams, response: responses({ 200: sessionDetailSchema }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.readCatalogue(actor, request.params.agencyId));
      const session = await getSession(db(), request.params);
      const manage = policy.manage(actor, request.params.agencyId);
      const teach = policy.teach(actor, request.params.agencyId, { trainerAccountId: session.trainer?.accountId ?? null });
      return {
        session,
        programme: await getProgramme(db(), { agencyId: request.params.agencyId, programmeId: session.programmeId }),
        meetings: await listMeetings(db(), request.params),
        roster: manage || teach ? await roster(db(), request.params) : [],
        reaction: manage || teach ? await sessionReaction(db(), request.params) : null,
        can: { manage, teach },
      };
    },
  );
  app.put(
    `${base}/sessions/:sessionId`,
    { schema: { tags, summary: 'Ubah kelas pelatihan', params: sessionParams, body: sessionBody, response: responses({ 200: oneSession }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      return { session: await updateSession(db(), { actorId: actor.accountId, ...request.params, data: request.body }) };
    },
  );
  app.post(
    `${base}/sessions/:sessionId/meetings`,
    { schema: { tags, summary: 'Tambah pertemuan', params: sessionParams, body: meetingBody, response: responses({ 201: z.object({ meeting: meetingSchema }) }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      return reply.status(201).send({ meeting: await addMeeting(db(), { actorId: actor.accountId, ...request.params, data: request.body }) });
    },
  );
  app.put(
    `${base}/sessions/:sessionId/meetings/:meetingId`,
    { schema: { tags, summary: 'Ubah pertemuan', params: meetingParams, body: meetingBody, response: responses({ 200: z.object({ meeting: meetingSchema }) }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      return { meeting: await updateMeeting(db(), { actorId: actor.accountId, ...request.params, data: request.body }) };
    },
  );
  app.delete(
    `${base}/sessions/:sessionId/meetings/:meetingId`,
    { schema: { tags, summary: 'Hapus pertemuan (belum ada presensi)', params: meetingParams, response: responses({ 204: noContent }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      await deleteMeeting(db(), { actorId: actor.accountId, ...request.params });
      return reply.status(204).send(null);
    },
  );
  app.put(
    `${base}/sessions/:sessionId/attendance`,
    { schema: { tags, summary: 'Isi presensi satu pertemuan (admin atau pelatih kelas)', params: sessionParams, body: attendanceBody, response: responses({ 200: rosterOut }) } },
    async (request) => {
      const actor = await requireAccount(request);
      await authorizeTeaching(actor, request.params);
      return { roster: await recordAttendance(db(), { actorId: actor.accountId, ...request.params, ...request.body }) };
    },
  );
  app.put(
    `${base}/sessions/:sessionId/scores`,
    { schema: { tags, summary: 'Isi nilai pre-test dan post-test (admin atau pelatih kelas)', params: sessionParams, body: scoresBody, response: responses({ 200: rosterOut }) } },
    async (request) => {
      const actor = await requireAccount(request);
      await authorizeTeaching(actor, request.params);
      return { roster: await recordScores(db(), { actorId: actor.accountId, ...request.params, ...request.body }) };
    },
  );
  app.post(
    `${base}/sessions/:sessionId/close`,
    {
      schema: {
        tags,
        summary: 'Tutup kelas: terapkan aturan kelulusan, terbitkan nomor sertifikat',
        params: sessionParams,
        response: responses({ 200: z.object({ result: z.object({ participants: z.number().int(), completed: z.number().int(), notCompleted: z.number().int() }) }) }),
      },
    },
    async (request) => {
      const actor = await requireAccount(request);
      await authorizeTeaching(actor, request.params);
      const { participants, completed, notCompleted } = await closeSession(db(), { actorId: actor.accountId, ...request.params });
      return { result: { participants, completed, notCompleted } };
    },
  );
  app.post(
    `${base}/sessions/:sessionId/reopen`,
    { schema: { tags, summary: 'Buka kembali kelas untuk koreksi (sertifikat tidak berlaku sampai ditutup lagi)', params: sessionParams, body: cancelBody, response: responses({ 200: oneSession }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      await reopenSession(db(), { actorId: actor.accountId, ...request.params, reason: request.body.note });
      return { session: await getSession(db(), request.params) };
    },
  );
  app.get(
    `${base}/trainers`,
    { schema: { tags, summary: 'Staf berperan Pelatih', params: agencyParams, response: responses({ 200: z.object({ items: z.array(trainerSchema) }) }) } },
    async (request) => {
      authorize(policy.manage(await requireAccount(request), request.params.agencyId));
      return { items: await accountsWithRole(db(), { agencyId: request.params.agencyId, role: 'pelatih' }) };
    },
  );

  // ---- Enrolments ----
  app.get(
    `${base}/enrolments`,
    { schema: { tags, summary: 'Peserta pelatihan (saring program, kelas, pegawai, status)', params: agencyParams, querystring: enrolmentListQuery, response: responses({ 200: paged(enrolmentSchema) }) } },
    async (request) => {
      authorize(policy.manage(await requireAccount(request), request.params.agencyId));
      const { items, total } = await listEnrolments(db(), { agencyId: request.params.agencyId, ...request.query });
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );
  app.post(
    `${base}/enrolments`,
    { schema: { tags, summary: 'Tugaskan pegawai (admin, atau atasan untuk bawahannya) atau peserta seleksi (admin) ke program/kelas', params: agencyParams, body: enrolBody, response: responses({ 201: oneEnrolment }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      if (request.body.applicationId) authorize(policy.manage(actor, request.params.agencyId));
      else await authorizeSupervising(actor, request.params.agencyId, request.body.employeeId);
      return reply.status(201).send({ enrolment: await enrol(db(), { agencyId: request.params.agencyId, actorId: actor.accountId, data: request.body }) });
    },
  );
  app.post(
    `${base}/enrolments/candidates`,
    {
      schema: {
        tags,
        summary: 'Ikutkan semua peserta MS sebuah seleksi yang sedang berjalan (sebelum tahap akhir) ke program/kelas',
        params: agencyParams,
        body: enrolCandidatesBody,
        response: responses({ 200: z.object({ enrolled: z.number().int(), already: z.number().int() }) }),
      },
    },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      return enrolCandidates(db(), { agencyId: request.params.agencyId, actorId: actor.accountId, ...request.body });
    },
  );
  app.post(
    `${base}/requests`,
    { schema: { tags, summary: 'Pegawai meminta ikut pelatihan (diputuskan atasan)', params: agencyParams, body: requestBody, response: responses({ 201: oneEnrolment }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.request(actor, request.params.agencyId));
      return reply.status(201).send({ enrolment: await requestTraining(db(), { agencyId: request.params.agencyId, accountId: actor.accountId, ...request.body }) });
    },
  );
  app.post(
    `${base}/enrolments/:enrolmentId/approve`,
    { schema: { tags, summary: 'Setujui permintaan pelatihan (atasan atau admin)', params: enrolmentParams, body: approveBody, response: responses({ 200: oneEnrolment }) } },
    async (request) => {
      const actor = await requireAccount(request);
      await authorizeSupervising(actor, request.params.agencyId, (await findEnrolment(db(), request.params)).employeeId);
      return { enrolment: await approveRequest(db(), { actorId: actor.accountId, ...request.params, ...request.body }) };
    },
  );
  app.post(
    `${base}/enrolments/:enrolmentId/reject`,
    { schema: { tags, summary: 'Tolak permintaan pelatihan dengan alasan (atasan atau admin)', params: enrolmentParams, body: rejectBody, response: responses({ 200: oneEnrolment }) } },
    async (request) => {
      const actor = await requireAccount(request);
      await authorizeSupervising(actor, request.params.agencyId, (await findEnrolment(db(), request.params)).employeeId);
      return { enrolment: await rejectRequest(db(), { actorId: actor.accountId, ...request.params, ...request.body }) };
    },
  );
  app.post(
    `${base}/enrolments/:enrolmentId/place`,
    { schema: { tags, summary: 'Tempatkan peserta di kelas', params: enrolmentParams, body: placeBody, response: responses({ 200: oneEnrolment }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      return { enrolment: await placeEnrolment(db(), { actorId: actor.accountId, ...request.params, ...request.body }) };
    },
  );
  app.post(
    `${base}/enrolments/:enrolmentId/cancel`,
    { schema: { tags, summary: 'Batalkan pendaftaran (admin; peserta untuk permintaan/antreannya sendiri)', params: enrolmentParams, body: cancelBody, response: responses({ 200: oneEnrolment }) } },
    async (request) => {
      const actor = await requireAccount(request);
      const manage = policy.manage(actor, request.params.agencyId);
      if (!manage) authorize(policy.participant(actor, await findEnrolment(db(), request.params)));
      return { enrolment: await cancelEnrolment(db(), { actorId: actor.accountId, ...request.params, note: request.body.note, byParticipant: !manage }) };
    },
  );
  app.get(
    `${base}/enrolments/:enrolmentId/certificate.pdf`,
    { schema: { tags, summary: 'Sertifikat pelatihan (PDF) dengan kode QR', params: enrolmentParams } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      const enrolment = await findEnrolment(db(), request.params).catch(() => null);
      if (!enrolment) {
        authorize(policy.manage(actor, request.params.agencyId));
        throw notFound('Pendaftaran pelatihan');
      }
      if (!policy.participant(actor, enrolment)) await authorizeSupervising(actor, request.params.agencyId, enrolment.employeeId);
      const { pdf, number } = await certificatePdf({ db: db(), publicUrl: app.deps.config.publicUrl, secret: app.deps.config.sessionSecret, ...request.params });
      return reply.type('application/pdf').header('content-disposition', `inline; filename="sertifikat-${number}.pdf"`).header('cache-control', 'no-store').send(pdf);
    },
  );
  app.post(
    `${base}/enrolments/:enrolmentId/reaction`,
    { schema: { tags, summary: 'Survei reaksi peserta setelah kelas (1–5 per pertanyaan)', params: enrolmentParams, body: reactionBody, response: responses({ 201: z.object({ ok: z.literal(true) }) }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.participant(actor, await findEnrolment(db(), request.params).catch(() => ({ accountId: null }))));
      await submitReaction(db(), { ...request.params, accountId: actor.accountId, ...request.body });
      return reply.status(201).send({ ok: true as const });
    },
  );
  app.get(
    `${base}/employees/:employeeId/enrolments`,
    { schema: { tags, summary: 'Riwayat pelatihan seorang pegawai', params: agencyParams.extend({ employeeId: uuid() }), response: responses({ 200: z.object({ items: z.array(enrolmentSchema) }) }) } },
    async (request) => {
      const actor = await requireAccount(request);
      if (!policy.manage(actor, request.params.agencyId)) {
        const relation = await relationOf(db(), { ...request.params, accountId: actor.accountId });
        authorize(employeesPolicy.viewOne(actor, request.params.agencyId, relation));
      }
      return { items: await enrolmentsOfEmployee(db(), request.params) };
    },
  );
  app.get(
    `${base}/my-staff`,
    {
      schema: {
        tags,
        summary: 'Pelatihan bawahan langsung atasan yang masuk, termasuk permintaan yang menunggu keputusan',
        params: agencyParams,
        response: responses({ 200: z.object({ staff: z.array(employeeSchema), enrolments: z.array(enrolmentSchema) }) }),
      },
    },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.superviseAny(actor, request.params.agencyId));
      return enrolmentsOfStaff(db(), { agencyId: request.params.agencyId, supervisorAccountId: actor.accountId });
    },
  );

  // ---- New ASN's feedback ----
  app.post(
    '/api/agencies/:agencyId/asn-feedback',
    { schema: { tags, summary: 'Survei ASN baru: proses rekrutmen (setelah pengangkatan) atau pelatihan dasar', params: agencyParams, body: asnFeedbackBody, response: responses({ 201: z.object({ ok: z.literal(true) }) }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.request(actor, request.params.agencyId));
      await submitAsnFeedback(db(), { agencyId: request.params.agencyId, accountId: actor.accountId, ...request.body });
      return reply.status(201).send({ ok: true as const });
    },
  );
  app.get(
    '/api/agencies/:agencyId/selections/:selectionId/asn-feedback',
    { schema: { tags, summary: 'Umpan balik ASN baru hasil seleksi ini, untuk panitia seleksi berikutnya', params: agencyParams.extend({ selectionId: uuid() }), response: responses({ 200: asnFeedbackSummarySchema }) } },
    async (request) => {
      authorize(policy.readFeedback(await requireAccount(request), request.params.agencyId));
      return asnFeedbackOfSelection(db(), request.params);
    },
  );

  // ---- One's own, and public ----
  app.get(
    '/api/me/training',
    { schema: { tags, summary: 'Pelatihan saya (sebagai pegawai atau peserta seleksi)', response: responses({ 200: z.object({ items: z.array(enrolmentSchema.extend({ agencyId: z.string(), agencyName: z.string() })) }) }) } },
    async (request) => ({ items: await enrolmentsOfAccount(db(), (await requireAccount(request)).accountId) }),
  );
  app.get('/api/me/asn-surveys', { schema: { tags, summary: 'Survei ASN baru yang menunggu diisi', response: responses({ 200: z.object({ items: z.array(pendingSurveySchema) }) }) } }, async (request) => ({
    items: await pendingAsnSurveys(db(), (await requireAccount(request)).accountId),
  }));
  app.get(
    '/api/public/training/certificates/:number',
    {
      schema: {
        tags,
        summary: 'Periksa keaslian sertifikat pelatihan (dari kode QR)',
        params: z.object({ number: z.string().max(40) }),
        querystring: z.object({ t: z.string().max(64) }),
        response: responses({ 200: z.object({ certificate: certificateCheckSchema }) }),
      },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request) => ({ certificate: await publicCertificateCheck({ db: db(), secret: app.deps.config.sessionSecret, number: request.params.number, token: request.query.t }) }),
  );
}

