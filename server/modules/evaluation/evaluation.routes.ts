import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { paged, uuid } from '../../../core/schemas/common.js';
import {
  createPeriodBody,
  deskCodeParams,
  deskFeedbackBody,
  deskLinkBody,
  deskLinkSchema,
  deskLinkUpdateBody,
  evaluationHistorySchema,
  myEvaluationSchema,
  myStaffSchema,
  noteBody,
  peerFeedbackBody,
  periodDetailSchema,
  periodListItemSchema,
  periodPlansQuery,
  periodSchema,
  planDetailSchema,
  planItemsBody,
  planListItemSchema,
  publicDeskSchema,
  publicFeedbackReportSchema,
  ratingBody,
  ratingResultSchema,
  realisationBody,
  recommendationSchema,
  recommendationsQuery,
  returnPlanBody,
  updatePeriodBody,
} from '../../../core/schemas/evaluation.js';
import { AppError, validationFailed } from '../../errors.js';
import { publicRateLimit, responses } from '../../http.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize, type Actor } from '../../policy.js';
import { agencyParams } from '../agencies/agencies.routes.js';
import { employeesPolicy } from '../employees/employees.policy.js';
import { relationOf } from '../employees/employees.service.js';
import { drain, readUploadPart, sendStoredFile, storeUpload } from '../files/files.service.js';
import { createDeskLink, deskLinkQrPng, getPublicDesk, listDeskLinks, submitDeskFeedback, updateDeskLink } from './desk.service.js';
import { evaluationPolicy as policy } from './evaluation.policy.js';
import {
  addNote,
  attachEvidence,
  createPeriod,
  evaluationHistory,
  evidenceFile,
  finalisePeriod,
  getPeriodDetail,
  givePeerFeedback,
  listPeriodPlans,
  listPeriods,
  listRecommendations,
  movePlan,
  myEvaluation,
  myStaff,
  planDetail,
  planRelation,
  publicFeedbackReport,
  ratePlan,
  retryRecommendation,
  saveRealisation,
  savePlanItems,
  startPlan,
  updatePeriod,
  type Viewer,
} from './evaluation.service.js';

/** Evidence of a result: a scan or photo, at most 10 MB. */
const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
/** A desk rating is a score and a short comment. */
const DESK_BODY_LIMIT = 4 * 1024;

export async function evaluationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db;
  const deps = () => ({ db: app.deps.db, config: app.deps.config });
  const tags = ['penilaian kinerja'];
  const base = '/api/agencies/:agencyId/evaluation';
  const periodParams = agencyParams.extend({ periodId: uuid() });
  const planParams = agencyParams.extend({ planId: uuid() });
  const linkParams = agencyParams.extend({ linkId: uuid() });
  const onePeriod = z.object({ period: periodSchema });
  const oneLink = z.object({ link: deskLinkSchema });
  const fileBody = z.any().describe('Isi berkas');

  /** Who the actor is to this plan; refuses (403) anyone but its employee, their supervisor and administrators. */
  async function viewerOf(actor: Actor, params: { agencyId: string; planId: string }): Promise<Viewer> {
    const relation = await planRelation(db(), { ...params, accountId: actor.accountId });
    if (policy.supervise(actor, params.agencyId, relation)) return { accountId: actor.accountId, role: 'atasan' };
    if (policy.own(actor, params.agencyId, relation)) return { accountId: actor.accountId, role: 'pegawai' };
    authorize(policy.manage(actor, params.agencyId));
    return { accountId: actor.accountId, role: 'admin' };
  }
  async function requireOwn(actor: Actor, params: { agencyId: string; planId: string }) {
    const relation = await planRelation(db(), { ...params, accountId: actor.accountId });
    if (!policy.own(actor, params.agencyId, relation)) throw new AppError('FORBIDDEN', 'Hanya pegawai pemilik rencana ini yang dapat mengubahnya.');
  }
  /** Rule (domain rules §10): only the employee's direct supervisor agrees the plan and rates it. */
  async function requireSupervisor(actor: Actor, params: { agencyId: string; planId: string }, what: string) {
    const relation = await planRelation(db(), { ...params, accountId: actor.accountId });
    if (!policy.supervise(actor, params.agencyId, relation)) throw new AppError('FORBIDDEN', `Hanya atasan langsung pegawai ini yang dapat ${what}.`);
  }
  const detailFor = (viewer: Viewer, params: { agencyId: string; planId: string }) => planDetail(db(), { ...params, viewer });

  // ---- periods (administrators) ----
  app.get(`${base}/periods`, { schema: { tags, summary: 'Periode penilaian kinerja instansi', params: agencyParams, response: responses({ 200: z.object({ items: z.array(periodListItemSchema) }) }) } }, async (request) => {
    authorize(policy.manage(await requireAccount(request), request.params.agencyId));
    return { items: await listPeriods(db(), request.params) };
  });
  app.post(`${base}/periods`, { schema: { tags, summary: 'Buka periode penilaian (triwulan atau tahunan)', params: agencyParams, body: createPeriodBody, response: responses({ 201: onePeriod }) } }, async (request, reply) => {
    const actor = await requireAccount(request);
    authorize(policy.manage(actor, request.params.agencyId));
    return reply.status(201).send({ period: await createPeriod(db(), { agencyId: request.params.agencyId, actorId: actor.accountId, data: request.body }) });
  });
  app.get(`${base}/periods/:periodId`, { schema: { tags, summary: 'Periode dengan sebaran predikat dan hal yang menghalangi finalisasi', params: periodParams, response: responses({ 200: periodDetailSchema }) } }, async (request) => {
    authorize(policy.manage(await requireAccount(request), request.params.agencyId));
    return getPeriodDetail(db(), request.params);
  });
  app.patch(
    `${base}/periods/:periodId`,
    { schema: { tags, summary: 'Isi predikat kinerja organisasi, batas sebaran dan ambang umpan balik publik', params: periodParams, body: updatePeriodBody, response: responses({ 200: onePeriod }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      return { period: await updatePeriod(db(), { ...request.params, actorId: actor.accountId, changes: request.body }) };
    },
  );
  app.post(
    `${base}/periods/:periodId/finalise`,
    { schema: { tags, summary: 'Finalisasi periode (ditolak bila sebaran predikat melampaui batas predikat organisasi)', params: periodParams, response: responses({ 200: periodDetailSchema }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      return finalisePeriod(db(), { ...request.params, actorId: actor.accountId });
    },
  );
  app.get(`${base}/periods/:periodId/plans`, { schema: { tags, summary: 'Rencana hasil kerja pegawai pada periode', params: periodParams, querystring: periodPlansQuery, response: responses({ 200: paged(planListItemSchema) }) } }, async (request) => {
    authorize(policy.manage(await requireAccount(request), request.params.agencyId));
    const { items, total } = await listPeriodPlans(db(), { ...request.params, ...request.query });
    return { items, total, page: request.query.page, pageSize: request.query.pageSize };
  });
  app.get(
    `${base}/periods/:periodId/public-feedback`,
    { schema: { tags, summary: 'Umpan balik publik per unit pada periode, terhadap ambang instansi', params: periodParams, response: responses({ 200: publicFeedbackReportSchema }) } },
    async (request) => {
      authorize(policy.manage(await requireAccount(request), request.params.agencyId));
      return publicFeedbackReport(db(), request.params);
    },
  );
  app.post(
    `${base}/periods/:periodId/plans/mine`,
    { schema: { tags, summary: 'Pegawai memulai rencana hasil kerjanya pada periode', params: periodParams, response: responses({ 201: planDetailSchema }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.employee(actor, request.params.agencyId));
      const planId = await startPlan(db(), { ...request.params, accountId: actor.accountId });
      return reply.status(201).send(await detailFor({ accountId: actor.accountId, role: 'pegawai' }, { agencyId: request.params.agencyId, planId }));
    },
  );

  // ---- one plan ----
  app.get(`${base}/plans/:planId`, { schema: { tags, summary: 'Rencana hasil kerja, realisasi, catatan, penilaian (dan bagi atasan: masukan rekan dan publik)', params: planParams, response: responses({ 200: planDetailSchema }) } }, async (request) => {
    const actor = await requireAccount(request);
    return detailFor(await viewerOf(actor, request.params), request.params);
  });
  app.put(`${base}/plans/:planId/items`, { schema: { tags, summary: 'Pegawai menyusun rencana hasil kerja dengan indikator dan target', params: planParams, body: planItemsBody, response: responses({ 200: planDetailSchema }) } }, async (request) => {
    const actor = await requireAccount(request);
    await requireOwn(actor, request.params);
    await savePlanItems(db(), { ...request.params, accountId: actor.accountId, body: request.body });
    return detailFor({ accountId: actor.accountId, role: 'pegawai' }, request.params);
  });
  app.post(`${base}/plans/:planId/submit`, { schema: { tags, summary: 'Ajukan rencana kepada atasan', params: planParams, response: responses({ 200: planDetailSchema }) } }, async (request) => {
    const actor = await requireAccount(request);
    await requireOwn(actor, request.params);
    await movePlan(db(), { ...request.params, action: 'submit', actorId: actor.accountId });
    return detailFor({ accountId: actor.accountId, role: 'pegawai' }, request.params);
  });
  app.post(`${base}/plans/:planId/agree`, { schema: { tags, summary: 'Atasan menyepakati rencana', params: planParams, response: responses({ 200: planDetailSchema }) } }, async (request) => {
    const actor = await requireAccount(request);
    await requireSupervisor(actor, request.params, 'menyepakati rencana hasil kerjanya');
    await movePlan(db(), { ...request.params, action: 'agree', actorId: actor.accountId });
    return detailFor({ accountId: actor.accountId, role: 'atasan' }, request.params);
  });
  app.post(`${base}/plans/:planId/return`, { schema: { tags, summary: 'Atasan mengembalikan rencana dengan alasan', params: planParams, body: returnPlanBody, response: responses({ 200: planDetailSchema }) } }, async (request) => {
    const actor = await requireAccount(request);
    await requireSupervisor(actor, request.params, 'mengembalikan rencana hasil kerjanya');
    await movePlan(db(), { ...request.params, action: 'return', actorId: actor.accountId, note: request.body.note });
    return detailFor({ accountId: actor.accountId, role: 'atasan' }, request.params);
  });
  app.put(`${base}/plans/:planId/realisation`, { schema: { tags, summary: 'Pegawai mengisi realisasi setiap indikator', params: planParams, body: realisationBody, response: responses({ 200: planDetailSchema }) } }, async (request) => {
    const actor = await requireAccount(request);
    await requireOwn(actor, request.params);
    await saveRealisation(db(), { ...request.params, accountId: actor.accountId, body: request.body });
    return detailFor({ accountId: actor.accountId, role: 'pegawai' }, request.params);
  });
  app.post(
    `${base}/plans/:planId/items/:itemId/evidence`,
    {
      schema: {
        tags,
        summary: 'Unggah bukti realisasi (PDF, JPEG atau PNG, maks. 10 MB)',
        description: 'multipart/form-data: kolom "title" (opsional) terlebih dahulu, lalu berkas pada kolom "file".',
        consumes: ['multipart/form-data'],
        params: planParams.extend({ itemId: uuid() }),
        response: responses({ 201: planDetailSchema }),
      },
    },
    async (request, reply) => {
      const actor = await requireAccount(request);
      await requireOwn(actor, request.params);
      const upload = await readUploadPart(request);
      const title = z.string().trim().max(200, 'Judul bukti maksimal 200 karakter').optional().safeParse(upload.fields.title || undefined);
      if (!title.success) {
        await drain(upload.stream);
        throw validationFailed({ title: title.error.issues[0]?.message ?? 'tidak valid' });
      }
      await storeUpload({
        db: db(),
        uploadDir: app.deps.config.uploadDir,
        stream: upload.stream,
        fileName: upload.fileName,
        kinds: ['pdf', 'jpeg', 'png'],
        maxBytes: EVIDENCE_MAX_BYTES,
        agencyId: request.params.agencyId,
        actorId: actor.accountId,
        attach: (tx, file) => attachEvidence(tx, { ...request.params, accountId: actor.accountId, file, title: title.data }),
      });
      return reply.status(201).send(await detailFor({ accountId: actor.accountId, role: 'pegawai' }, request.params));
    },
  );
  app.get(
    `${base}/plans/:planId/evidence/:evidenceId`,
    { schema: { tags, summary: 'Unduh bukti realisasi', params: planParams.extend({ evidenceId: uuid() }), response: responses({ 200: fileBody }) } },
    async (request, reply) => {
      await viewerOf(await requireAccount(request), request.params);
      return sendStoredFile(reply, { uploadDir: app.deps.config.uploadDir, file: await evidenceFile(db(), request.params) });
    },
  );
  app.put(
    `${base}/plans/:planId/rating`,
    { schema: { tags, summary: 'Atasan langsung menilai hasil kerja dan perilaku BerAKHLAK → predikat', params: planParams, body: ratingBody, response: responses({ 200: ratingResultSchema }) } },
    async (request) => {
      const actor = await requireAccount(request);
      await requireSupervisor(actor, request.params, 'menilai kinerjanya');
      const { warning } = await ratePlan(db(), { ...request.params, accountId: actor.accountId, raterName: actor.name, body: request.body });
      return { detail: await detailFor({ accountId: actor.accountId, role: 'atasan' }, request.params), warning };
    },
  );
  app.post(`${base}/plans/:planId/notes`, { schema: { tags, summary: 'Catatan umpan balik berkelanjutan antara atasan dan pegawai', params: planParams, body: noteBody, response: responses({ 201: planDetailSchema }) } }, async (request, reply) => {
    const actor = await requireAccount(request);
    const viewer = await viewerOf(actor, request.params);
    if (viewer.role === 'admin') throw new AppError('FORBIDDEN', 'Catatan kinerja ditulis oleh pegawai atau atasan langsungnya.');
    await addNote(db(), { ...request.params, accountId: actor.accountId, authorName: actor.name, authorRole: viewer.role, body: request.body.body });
    return reply.status(201).send(await detailFor(viewer, request.params));
  });
  app.put(
    `${base}/plans/:planId/peer-feedback`,
    { schema: { tags, summary: 'Masukan rekan kerja satu unit atas perilaku BerAKHLAK (masukan bagi atasan, bukan penilaian)', params: planParams, body: peerFeedbackBody, response: responses({ 200: z.object({ ok: z.literal(true) }) }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.employee(actor, request.params.agencyId));
      await givePeerFeedback(db(), { ...request.params, accountId: actor.accountId, body: request.body });
      return { ok: true as const };
    },
  );

  // ---- one's own, the supervisor's team, an employee's history ----
  app.get(`${base}/me`, { schema: { tags, summary: 'Penilaian kinerja saya', params: agencyParams, response: responses({ 200: myEvaluationSchema }) } }, async (request) => {
    const actor = await requireAccount(request);
    authorize(policy.employee(actor, request.params.agencyId));
    return myEvaluation(db(), { agencyId: request.params.agencyId, accountId: actor.accountId, isSupervisor: policy.supervisorAny(actor, request.params.agencyId) });
  });
  app.get(
    `${base}/my-staff`,
    { schema: { tags, summary: 'Bawahan langsung atasan dengan rencana dan penilaiannya pada periode', params: agencyParams, querystring: z.object({ periodId: uuid().optional() }), response: responses({ 200: myStaffSchema }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.supervisorAny(actor, request.params.agencyId));
      return myStaff(db(), { agencyId: request.params.agencyId, accountId: actor.accountId, periodId: request.query.periodId });
    },
  );
  app.get(
    `${base}/employees/:employeeId/history`,
    { schema: { tags, summary: 'Riwayat penilaian kinerja seorang pegawai', params: agencyParams.extend({ employeeId: uuid() }), response: responses({ 200: evaluationHistorySchema }) } },
    async (request) => {
      const actor = await requireAccount(request);
      if (!policy.manage(actor, request.params.agencyId)) authorize(employeesPolicy.viewOne(actor, request.params.agencyId, await relationOf(db(), { ...request.params, accountId: actor.accountId })));
      return evaluationHistory(db(), request.params);
    },
  );

  // ---- recommendations ----
  app.get(
    `${base}/recommendations`,
    { schema: { tags, summary: 'Rekomendasi pengembangan (pelatihan) dan kemajuannya', params: agencyParams, querystring: recommendationsQuery, response: responses({ 200: paged(recommendationSchema) }) } },
    async (request) => {
      authorize(policy.manage(await requireAccount(request), request.params.agencyId));
      const { items, total } = await listRecommendations(db(), { agencyId: request.params.agencyId, ...request.query });
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );
  app.post(
    `${base}/recommendations/:recommendationId/retry`,
    {
      schema: {
        tags,
        summary: 'Usulkan lagi program pelatihan untuk rekomendasi (setelah program untuk kompetensinya ditambahkan ke katalog)',
        params: agencyParams.extend({ recommendationId: uuid() }),
        response: responses({ 200: z.object({ ok: z.literal(true) }) }),
      },
    },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      await retryRecommendation(db(), { ...request.params, actorId: actor.accountId });
      return { ok: true as const };
    },
  );

  // ---- desks: public rating links ----
  app.get(
    `${base}/desk-links`,
    { schema: { tags, summary: 'Tautan dan kode QR penilaian loket (unit atau pegawai)', params: agencyParams, querystring: z.object({ unitId: uuid().optional(), employeeId: uuid().optional() }), response: responses({ 200: z.object({ items: z.array(deskLinkSchema) }) }) } },
    async (request) => {
      authorize(policy.manage(await requireAccount(request), request.params.agencyId));
      return { items: await listDeskLinks(deps(), { agencyId: request.params.agencyId, ...request.query }) };
    },
  );
  app.post(`${base}/desk-links`, { schema: { tags, summary: 'Buat tautan penilaian loket untuk unit atau pegawai', params: agencyParams, body: deskLinkBody, response: responses({ 201: oneLink }) } }, async (request, reply) => {
    const actor = await requireAccount(request);
    authorize(policy.manage(actor, request.params.agencyId));
    return reply.status(201).send({ link: await createDeskLink(deps(), { agencyId: request.params.agencyId, actorId: actor.accountId, ...request.body }) });
  });
  app.patch(`${base}/desk-links/:linkId`, { schema: { tags, summary: 'Aktifkan/nonaktifkan atau ganti nama tautan loket', params: linkParams, body: deskLinkUpdateBody, response: responses({ 200: oneLink }) } }, async (request) => {
    const actor = await requireAccount(request);
    authorize(policy.manage(actor, request.params.agencyId));
    return { link: await updateDeskLink(deps(), { ...request.params, actorId: actor.accountId, changes: request.body }) };
  });
  app.get(`${base}/desk-links/:linkId/qr.png`, { schema: { tags, summary: 'Kode QR tautan penilaian loket (PNG) untuk dicetak', params: linkParams, response: responses({ 200: fileBody }) } }, async (request, reply) => {
    authorize(policy.manage(await requireAccount(request), request.params.agencyId));
    return reply.header('content-type', 'image/png').header('cache-control', 'private, max-age=300').send(await deskLinkQrPng(deps(), request.params));
  });

  // ---- public ----
  const publicTags = ['publik'];
  app.get('/api/public/evaluation/desks/:code', { schema: { tags: publicTags, summary: 'Loket layanan yang dinilai (dari kode QR)', params: deskCodeParams, response: responses({ 200: z.object({ desk: publicDeskSchema }) }) } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return { desk: await getPublicDesk(db(), request.params.code) };
  });
  app.post(
    '/api/public/evaluation/desks/:code/feedback',
    {
      bodyLimit: DESK_BODY_LIMIT,
      config: publicRateLimit(app.deps.config),
      schema: {
        tags: publicTags,
        summary: 'Nilai pelayanan loket atau pegawai (1–4) tanpa akun; dibatasi per alamat dan perangkat',
        params: deskCodeParams,
        body: deskFeedbackBody,
        response: responses({ 201: z.object({ message: z.string() }) }),
      },
    },
    async (request, reply) => reply.status(201).send(await submitDeskFeedback(deps(), { code: request.params.code, body: request.body, address: request.ip })),
  );
}
