import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { paged, pageQuery, uuid } from '../../../core/schemas/common.js';
import {
  createIkmSurveyBody,
  ikmPeriodReportSchema,
  ikmPlanBody,
  ikmPlanQuery,
  ikmPlanSchema,
  ikmReceiptSchema,
  ikmSubmissionBody,
  ikmSuggestionSchema,
  ikmSurveyDetailSchema,
  ikmSurveyQuery,
  ikmSurveySchema,
  periodKeySchema,
  publicIkmSurveySchema,
  updateIkmPlanBody,
  updateIkmSurveyBody,
} from '../../../core/schemas/ikm.js';
import { publicRateLimit, responses } from '../../http.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize } from '../../policy.js';
import { agencyParams } from '../agencies/agencies.routes.js';
import { ikmPolicy } from './ikm.policy.js';
import * as service from './ikm.service.js';

/** A survey answer is a few hundred bytes; anything much larger is not one. */
const SUBMISSION_BODY_LIMIT = 8 * 1024;

export async function ikmRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['ikm'];
  const deps = () => ({ db: app.deps.db, database: app.deps.database, config: app.deps.config });
  const base = '/api/agencies/:agencyId/ikm';
  const surveyParams = agencyParams.extend({ surveyId: uuid() });
  const planParams = agencyParams.extend({ planId: uuid() });
  const periodParams = agencyParams.extend({ periodKey: periodKeySchema() });
  const one = z.object({ survey: ikmSurveySchema });
  const onePlan = z.object({ plan: ikmPlanSchema });
  const binary = (what: string) => z.any().describe(what);

  app.get(
    `${base}/surveys`,
    { schema: { tags, summary: 'Daftar survei IKM per unit dan periode, dengan IKM-nya', params: agencyParams, querystring: ikmSurveyQuery, response: responses({ 200: paged(ikmSurveySchema) }) } },
    async (request) => {
      authorize(ikmPolicy.read(await requireAccount(request), request.params.agencyId));
      const { items, total } = await service.listSurveys(deps(), { agencyId: request.params.agencyId, ...request.query });
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.post(
    `${base}/surveys`,
    { schema: { tags, summary: 'Buat survei IKM (draf) untuk satu unit layanan dan periode', params: agencyParams, body: createIkmSurveyBody, response: responses({ 201: one }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(ikmPolicy.manage(actor, request.params.agencyId));
      const survey = await service.createSurvey(deps(), { actorId: actor.accountId, agencyId: request.params.agencyId, data: request.body });
      return reply.status(201).send({ survey });
    },
  );

  app.get(
    `${base}/surveys/:surveyId`,
    { schema: { tags, summary: 'Hasil survei: NRR per unsur, IKM, mutu, kecukupan sampel, profil responden, tren, rencana tindak lanjut', params: surveyParams, response: responses({ 200: ikmSurveyDetailSchema }) } },
    async (request) => {
      authorize(ikmPolicy.read(await requireAccount(request), request.params.agencyId));
      return service.getSurveyDetail(deps(), request.params);
    },
  );

  app.patch(
    `${base}/surveys/:surveyId`,
    { schema: { tags, summary: 'Ubah nama layanan atau populasi yang dilayani', params: surveyParams, body: updateIkmSurveyBody, response: responses({ 200: one }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(ikmPolicy.manage(actor, request.params.agencyId));
      return { survey: await service.updateSurvey(deps(), { ...request.params, actorId: actor.accountId, changes: request.body }) };
    },
  );

  for (const [action, status, summary] of [
    ['open', 'open', 'Buka survei untuk publik (tautan dan kode QR mulai menerima jawaban)'],
    ['close', 'closed', 'Tutup survei (tidak menerima jawaban lagi)'],
  ] as const) {
    app.post(`${base}/surveys/:surveyId/${action}`, { schema: { tags, summary, params: surveyParams, response: responses({ 200: one }) } }, async (request) => {
      const actor = await requireAccount(request);
      authorize(ikmPolicy.manage(actor, request.params.agencyId));
      return { survey: await service.changeSurveyStatus(deps(), { ...request.params, actorId: actor.accountId, status }) };
    });
  }

  app.get(
    `${base}/surveys/:surveyId/qr.png`,
    { schema: { tags, summary: 'Kode QR tautan survei (PNG) untuk dicetak di loket layanan', params: surveyParams, response: responses({ 200: binary('image/png') }) } },
    async (request, reply) => {
      authorize(ikmPolicy.read(await requireAccount(request), request.params.agencyId));
      const png = await service.surveyQrPng(deps(), request.params);
      return reply.header('content-type', 'image/png').header('cache-control', 'private, max-age=300').send(png);
    },
  );

  app.get(
    `${base}/surveys/:surveyId/suggestions`,
    { schema: { tags, summary: 'Saran tertulis responden, terbaru dahulu', params: surveyParams, querystring: pageQuery, response: responses({ 200: paged(ikmSuggestionSchema) }) } },
    async (request) => {
      authorize(ikmPolicy.read(await requireAccount(request), request.params.agencyId));
      const { items, total } = await service.listSuggestions(app.deps.db, { ...request.params, ...request.query });
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.post(
    `${base}/surveys/:surveyId/plans`,
    { schema: { tags, summary: 'Rencana tindak lanjut untuk satu unsur (penanggung jawab dan batas waktu)', params: surveyParams, body: ikmPlanBody, response: responses({ 201: onePlan }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(ikmPolicy.manage(actor, request.params.agencyId));
      const plan = await service.createPlan(deps(), { ...request.params, actorId: actor.accountId, data: request.body });
      return reply.status(201).send({ plan });
    },
  );

  app.get(
    `${base}/plans`,
    { schema: { tags, summary: 'Rencana tindak lanjut instansi: yang terlambat dahulu, lalu menurut batas waktu', params: agencyParams, querystring: ikmPlanQuery, response: responses({ 200: paged(ikmPlanSchema) }) } },
    async (request) => {
      authorize(ikmPolicy.read(await requireAccount(request), request.params.agencyId));
      const { items, total } = await service.listPlans(deps(), { agencyId: request.params.agencyId, ...request.query });
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.patch(
    `${base}/plans/:planId`,
    { schema: { tags, summary: 'Perbarui rencana tindak lanjut (status, kemajuan, penanggung jawab, batas waktu)', params: planParams, body: updateIkmPlanBody, response: responses({ 200: onePlan }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(ikmPolicy.manage(actor, request.params.agencyId));
      return { plan: await service.updatePlan(deps(), { ...request.params, actorId: actor.accountId, changes: request.body }) };
    },
  );

  app.get(
    `${base}/periods`,
    {
      schema: {
        tags,
        summary: 'Periode yang memiliki survei, terbaru dahulu',
        params: agencyParams,
        response: responses({ 200: z.object({ items: z.array(z.object({ key: z.string(), label: z.string(), surveys: z.number().int() })) }) }),
      },
    },
    async (request) => {
      authorize(ikmPolicy.read(await requireAccount(request), request.params.agencyId));
      return { items: await service.listPeriods(app.deps.db, request.params.agencyId) };
    },
  );

  app.get(
    `${base}/periods/:periodKey`,
    { schema: { tags, summary: 'Laporan IKM satu periode: setiap unit, IKM gabungan, riwayat penerbitan', params: periodParams, response: responses({ 200: ikmPeriodReportSchema }) } },
    async (request) => {
      authorize(ikmPolicy.read(await requireAccount(request), request.params.agencyId));
      return service.periodReport(deps(), request.params);
    },
  );

  app.get(
    `${base}/periods/:periodKey/report.pdf`,
    { schema: { tags, summary: 'Pratinjau laporan IKM periode (PDF)', params: periodParams, response: responses({ 200: binary('application/pdf') }) } },
    async (request, reply) => {
      authorize(ikmPolicy.read(await requireAccount(request), request.params.agencyId));
      const { pdf, fileName } = await service.periodReportPdf(deps(), request.params);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).header('cache-control', 'no-store').send(pdf);
    },
  );

  app.post(
    `${base}/periods/:periodKey/publish`,
    {
      schema: {
        tags,
        summary: 'Terbitkan laporan IKM periode sebagai pengumuman (PDF); menggantikan penerbitan sebelumnya',
        params: periodParams,
        response: responses({ 201: z.object({ announcementId: z.string(), resultHash: z.string(), publishedAt: z.string() }) }),
      },
    },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(ikmPolicy.manage(actor, request.params.agencyId));
      return reply.status(201).send(await service.publishPeriodReport(deps(), { ...request.params, actorId: actor.accountId }));
    },
  );

  // ---- public ------------------------------------------------------------------------------------
  const publicTags = ['publik'];
  const publicParams = z.object({ surveyId: uuid() });

  app.get(
    '/api/public/ikm/surveys/:surveyId',
    { schema: { tags: publicTags, summary: 'Survei kepuasan masyarakat (tautan atau kode QR di loket layanan)', params: publicParams, response: responses({ 200: z.object({ survey: publicIkmSurveySchema }) }) } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { survey: await service.getPublicSurvey(app.deps.db, request.params.surveyId) };
    },
  );

  app.post(
    '/api/public/ikm/surveys/:surveyId/responses',
    {
      bodyLimit: SUBMISSION_BODY_LIMIT,
      config: publicRateLimit(app.deps.config),
      schema: {
        tags: publicTags,
        summary: 'Kirim jawaban survei tanpa akun (dibatasi per alamat; jawaban yang sama dari alamat yang sama pada hari yang sama ditolak)',
        params: publicParams,
        body: ikmSubmissionBody,
        response: responses({ 201: ikmReceiptSchema }),
      },
    },
    async (request, reply) => reply.status(201).send(await service.submitResponse(deps(), { surveyId: request.params.surveyId, body: request.body, address: request.ip })),
  );
}
