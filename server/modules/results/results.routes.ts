import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../core/schemas/common.js';
import {
  answerFinalObjectionBody,
  applicantFinalResultSchema,
  disqualificationListSchema,
  disqualifyBody,
  fileFinalObjectionBody,
  finalObjectionDetailSchema,
  finalObjectionListQuery,
  finalObjectionPageSchema,
  finalOverviewListSchema,
  finalOverviewSchema,
  letterCode,
  myOffersSchema,
  optimisationViewSchema,
  publicResultCheckSchema,
  publishFinalBody,
  rankingPageSchema,
  rankingQuery,
  startOptimisationBody,
  undoDisqualifyBody,
  verificationReportSchema,
} from '../../../core/schemas/results.js';
import { responses } from '../../http.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize } from '../../policy.js';
import { sendWorkbook } from '../../xlsx.js';
import { agencyParams } from '../agencies/agencies.routes.js';
import { applicantFinalResult, publicResultCheck, resultLetter } from './applicant.service.js';
import { appointedWorkbook } from './appointed-xlsx.js';
import { verifyRound } from './integrity.service.js';
import { answerFinalObjection, fileFinalObjection, finalObjectionDetail, listFinalObjections } from './objections.service.js';
import { decideOffer, myOffers, optimisationView, startOptimisation, sweepExpiredOffers } from './optimisation.service.js';
import { panelScoresReader } from './panel-source.js';
import { resultsPolicy as policy } from './results.policy.js';
import { disqualify, publishList, undoDisqualification, type ResultDeps } from './results.service.js';
import { disqualificationList, finalOverview, finalOverviewList, rankingPage } from './views.service.js';

const SWEEP_INTERVAL_MS = 60_000;
const binary = (what: string) => z.any().describe(what);

/** Final results: integration and ranking, publication, objections, optimisation, appointment export, integrity proof, result letters. */
export async function resultsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = (): ResultDeps => ({ db: app.deps.db, database: app.deps.database, config: app.deps.config, panelScores: panelScoresReader });
  const tags = ['hasil akhir'];
  const selectionParams = agencyParams.extend({ selectionId: uuid() });
  const base = '/api/agencies/:agencyId/selections/:selectionId/final-result';
  const overview = z.object({ result: finalOverviewSchema });
  const reader = async (request: { params: { agencyId: string } } & Parameters<typeof requireAccount>[0]) => {
    const actor = await requireAccount(request);
    authorize(policy.read(actor, request.params.agencyId));
    return actor;
  };
  const decider = async (request: { params: { agencyId: string } } & Parameters<typeof requireAccount>[0]) => {
    const actor = await requireAccount(request);
    authorize(policy.decide(actor, request.params.agencyId));
    return actor;
  };

  // Offers past their deadline expire by the server clock and the next offers go out.
  let sweeping = false;
  const sweeper = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    sweepExpiredOffers(deps())
      .catch((error: unknown) => app.log.error({ err: error }, 'pemrosesan tawaran optimalisasi yang kedaluwarsa gagal'))
      .finally(() => {
        sweeping = false;
      });
  }, SWEEP_INTERVAL_MS);
  sweeper.unref();
  app.addHook('onClose', async () => clearInterval(sweeper));

  app.get('/api/agencies/:agencyId/final-results', { schema: { tags, summary: 'Seleksi instansi dan status hasil akhirnya', params: agencyParams, response: responses({ 200: finalOverviewListSchema }) } }, async (request) => {
    await reader(request);
    return finalOverviewList(app.deps.db, request.params);
  });

  app.get(base, { schema: { tags, summary: 'Status hasil akhir satu seleksi: bobot, pratinjau, pengumuman, sanggah, optimalisasi', params: selectionParams, response: responses({ 200: overview }) } }, async (request) => {
    await reader(request);
    return { result: await finalOverview(deps(), request.params) };
  });

  app.get(
    `${base}/ranking`,
    { schema: { tags, summary: 'Peringkat per formasi (pratinjau atau daftar yang diumumkan) dengan alasan penentu urutan', params: selectionParams, querystring: rankingQuery, response: responses({ 200: rankingPageSchema }) } },
    async (request) => {
      await reader(request);
      return rankingPage(deps(), { ...request.params, ...request.query });
    },
  );

  app.post(
    `${base}/publish`,
    { schema: { tags, summary: 'Umumkan hasil akhir (integrasi nilai, PDF, sidik jari, masa sanggah, notifikasi)', params: selectionParams, body: publishFinalBody, response: responses({ 200: overview }) } },
    async (request) => {
      const actor = await decider(request);
      await publishList(deps(), 'akhir', { ...request.params, actorId: actor.accountId, note: request.body.note });
      return { result: await finalOverview(deps(), request.params) };
    },
  );

  app.post(
    `${base}/publish-post-objection`,
    { schema: { tags, summary: 'Umumkan hasil akhir pasca sanggah (setelah masa sanggah berakhir dan semua sanggah dijawab)', params: selectionParams, body: publishFinalBody, response: responses({ 200: overview }) } },
    async (request) => {
      const actor = await decider(request);
      await publishList(deps(), 'akhir_pasca_sanggah', { ...request.params, actorId: actor.accountId, note: request.body.note });
      return { result: await finalOverview(deps(), request.params) };
    },
  );

  app.get(`${base}/disqualifications`, { schema: { tags, summary: 'Peserta yang didiskualifikasi dari hasil akhir', params: selectionParams, response: responses({ 200: disqualificationListSchema }) } }, async (request) => {
    await reader(request);
    return disqualificationList(app.deps.db, request.params);
  });

  app.post(
    `${base}/disqualifications`,
    { schema: { tags, summary: 'Diskualifikasi peserta dari hasil akhir dengan alasan', params: selectionParams, body: disqualifyBody, response: responses({ 201: disqualificationListSchema }) } },
    async (request, reply) => {
      const actor = await decider(request);
      await disqualify(app.deps.db, { ...request.params, ...request.body, actorId: actor.accountId });
      return reply.status(201).send(await disqualificationList(app.deps.db, request.params));
    },
  );

  app.post(
    `${base}/disqualifications/:applicationId/undo`,
    { schema: { tags, summary: 'Batalkan diskualifikasi (sebelum hasil pasca sanggah)', params: selectionParams.extend({ applicationId: uuid() }), body: undoDisqualifyBody, response: responses({ 200: disqualificationListSchema }) } },
    async (request) => {
      const actor = await decider(request);
      await undoDisqualification(app.deps.db, { ...request.params, reason: request.body.reason, actorId: actor.accountId });
      return disqualificationList(app.deps.db, request.params);
    },
  );

  app.get(
    `${base}/appointed.xlsx`,
    { schema: { tags, summary: 'Unduh daftar peserta yang diangkat (XLSX) untuk usul penetapan NIP', params: selectionParams, response: responses({ 200: binary('Berkas XLSX') }) } },
    async (request, reply) => {
      await reader(request);
      const { workbook, fileName } = await appointedWorkbook(app.deps.db, request.params);
      return sendWorkbook(reply, workbook, fileName);
    },
  );

  app.get(
    `${base}/verification`,
    { schema: { tags, summary: 'Hitung ulang setiap daftar hasil akhir dari lembar jawaban dan nilai panel, lalu bandingkan dengan yang diumumkan', params: selectionParams, response: responses({ 200: z.object({ report: verificationReportSchema }) }) } },
    async (request) => {
      await reader(request);
      return { report: await verifyRound(deps(), request.params) };
    },
  );

  app.get('/api/agencies/:agencyId/selections/:selectionId/optimisation', { schema: { tags, summary: 'Optimalisasi: formasi kosong dan tawaran', params: selectionParams, response: responses({ 200: optimisationViewSchema }) } }, async (request) => {
    await reader(request);
    return optimisationView(deps(), request.params);
  });

  app.post(
    '/api/agencies/:agencyId/selections/:selectionId/optimisation/start',
    { schema: { tags, summary: 'Mulai optimalisasi: tawarkan formasi kosong kepada peserta terbaik berikutnya', params: selectionParams, body: startOptimisationBody, response: responses({ 200: optimisationViewSchema }) } },
    async (request) => {
      const actor = await decider(request);
      await startOptimisation(deps(), { ...request.params, actorId: actor.accountId, offerDays: request.body.offerDays });
      return optimisationView(deps(), request.params);
    },
  );

  const objectionParams = agencyParams.extend({ objectionId: uuid() });
  const detail = async (actor: Awaited<ReturnType<typeof requireAccount>>, params: { agencyId: string; objectionId: string }) => {
    const objection = await finalObjectionDetail(app.deps.db, params);
    return { objection, can: { answer: policy.decide(actor, params.agencyId) && objection.status === 'diajukan' } };
  };

  app.get(
    '/api/agencies/:agencyId/final-objections',
    { schema: { tags, summary: 'Sanggah hasil akhir instansi', params: agencyParams, querystring: finalObjectionListQuery, response: responses({ 200: finalObjectionPageSchema }) } },
    async (request) => {
      await reader(request);
      const { items, total } = await listFinalObjections(app.deps.db, { agencyId: request.params.agencyId, ...request.query });
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get('/api/agencies/:agencyId/final-objections/:objectionId', { schema: { tags, summary: 'Satu sanggah hasil akhir', params: objectionParams, response: responses({ 200: finalObjectionDetailSchema }) } }, async (request) => {
    return detail(await reader(request), request.params);
  });

  for (const [verb, accept] of [['accept', true], ['reject', false]] as const) {
    app.post(
      `/api/agencies/:agencyId/final-objections/:objectionId/${verb}`,
      { schema: { tags, summary: accept ? 'Terima sanggah hasil akhir (koreksi berlaku pada hasil pasca sanggah)' : 'Tolak sanggah hasil akhir dengan jawaban', params: objectionParams, body: answerFinalObjectionBody, response: responses({ 200: finalObjectionDetailSchema }) } },
      async (request) => {
        const actor = await decider(request);
        await answerFinalObjection(app.deps.db, { ...request.params, actorId: actor.accountId, accept, answer: request.body.answer });
        return detail(actor, request.params);
      },
    );
  }

  const applicationParams = z.object({ id: uuid() });
  const applicant = async (request: Parameters<typeof requireAccount>[0]) => {
    const actor = await requireAccount(request);
    authorize(policy.applicant(actor));
    return actor;
  };

  app.get(
    '/api/applicant/applications/:id/final-result',
    { schema: { tags, summary: 'Hasil akhir pendaftaran saya, sanggah dan tawaran optimalisasi saya', params: applicationParams, response: responses({ 200: z.object({ result: applicantFinalResultSchema }) }) } },
    async (request) => {
      const actor = await applicant(request);
      return { result: await applicantFinalResult(deps(), { accountId: actor.accountId, applicationId: request.params.id }) };
    },
  );

  app.post(
    '/api/applicant/applications/:id/final-objection',
    { schema: { tags, summary: 'Ajukan sanggah atas hasil akhir saya (sekali, dalam masa sanggah; tidak dapat menaikkan nilai)', params: applicationParams, body: fileFinalObjectionBody, response: responses({ 201: z.object({ result: applicantFinalResultSchema }) }) } },
    async (request, reply) => {
      const actor = await applicant(request);
      await fileFinalObjection(deps(), { accountId: actor.accountId, applicationId: request.params.id, ...request.body });
      return reply.status(201).send({ result: await applicantFinalResult(deps(), { accountId: actor.accountId, applicationId: request.params.id }) });
    },
  );

  app.get('/api/applicant/applications/:id/final-result/letter', { schema: { tags, summary: 'Surat hasil seleksi (PDF) dengan kode QR verifikasi', params: applicationParams } }, async (request, reply) => {
    const actor = await applicant(request);
    const letter = await resultLetter(deps(), { accountId: actor.accountId, applicationId: request.params.id });
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${letter.fileName}"`).header('cache-control', 'no-store').send(letter.content);
  });

  app.get('/api/applicant/optimisation-offers', { schema: { tags, summary: 'Tawaran optimalisasi saya', response: responses({ 200: myOffersSchema }) } }, async (request) => {
    const actor = await applicant(request);
    return myOffers(app.deps.db, actor.accountId);
  });

  const offerParams = z.object({ offerId: uuid() });
  for (const [verb, accept] of [['accept', true], ['decline', false]] as const) {
    app.post(
      `/api/applicant/optimisation-offers/:offerId/${verb}`,
      { schema: { tags, summary: accept ? 'Terima tawaran optimalisasi (sebelum batas waktunya)' : 'Tolak tawaran optimalisasi', params: offerParams, body: z.strictObject({}).default({}), response: responses({ 200: myOffersSchema }) } },
      async (request) => {
        const actor = await applicant(request);
        await decideOffer(deps(), { accountId: actor.accountId, offerId: request.params.offerId, accept });
        return myOffers(app.deps.db, actor.accountId);
      },
    );
  }

  app.get(
    '/api/public/final-results/:code',
    { schema: { tags, summary: 'Periksa keaslian surat hasil seleksi dari kode QR-nya', params: z.object({ code: letterCode() }), response: responses({ 200: z.object({ check: publicResultCheckSchema }) }) } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { check: await publicResultCheck(app.deps.db, request.params.code) };
    },
  );
}
