import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../core/schemas/common.js';
import {
  acceptSanggahBody,
  applicantResultSchema,
  fileSanggahBody,
  publishBody,
  rejectSanggahBody,
  resultListSchema,
  resultOverviewSchema,
  sanggahDetailSchema,
  sanggahListQuery,
  sanggahPageSchema,
} from '../../../core/schemas/sanggah.js';
import { responses } from '../../http.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize } from '../../policy.js';
import { agencyParams } from '../agencies/agencies.routes.js';
import { publishAdministrativeResult, publishPostObjectionResult, resultOverview, resultOverviews } from './results.service.js';
import { sanggahPolicy as policy } from './sanggah.policy.js';
import { answerSanggah, applicantResult, fileSanggah, listSanggah, sanggahDetail } from './sanggah.service.js';

export async function sanggahRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['hasil & sanggah'];
  const db = () => app.deps.db;
  const deps = () => ({ db: app.deps.db, config: app.deps.config });
  const selectionParams = agencyParams.extend({ selectionId: uuid() });
  const sanggahParams = agencyParams.extend({ sanggahId: uuid() });
  const resultBase = '/api/agencies/:agencyId/selections/:selectionId/administrative-result';
  const overview = z.object({ result: resultOverviewSchema });
  const detail = z.object({ detail: sanggahDetailSchema });

  app.get(
    '/api/agencies/:agencyId/administrative-results',
    { schema: { tags, summary: 'Hasil seleksi administrasi setiap seleksi instansi', params: agencyParams, response: responses({ 200: resultListSchema }) } },
    async (request) => {
      authorize(policy.read(await requireAccount(request), request.params.agencyId));
      return { items: await resultOverviews(db(), { agencyId: request.params.agencyId }) };
    },
  );

  app.get(resultBase, { schema: { tags, summary: 'Status hasil seleksi administrasi satu seleksi', params: selectionParams, response: responses({ 200: overview }) } }, async (request) => {
    authorize(policy.read(await requireAccount(request), request.params.agencyId));
    return { result: await resultOverview(db(), request.params) };
  });

  app.post(
    `${resultBase}/publish`,
    { schema: { tags, summary: 'Umumkan hasil seleksi administrasi (PDF, sidik jari, masa sanggah, notifikasi)', params: selectionParams, body: publishBody, response: responses({ 200: overview }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.decide(actor, request.params.agencyId));
      await publishAdministrativeResult(deps(), { ...request.params, actorId: actor.accountId, note: request.body.note });
      return { result: await resultOverview(db(), request.params) };
    },
  );

  app.post(
    `${resultBase}/publish-post-objection`,
    { schema: { tags, summary: 'Umumkan hasil pasca sanggah (setelah masa sanggah berakhir dan semua sanggah dijawab)', params: selectionParams, body: publishBody, response: responses({ 200: overview }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.decide(actor, request.params.agencyId));
      await publishPostObjectionResult(deps(), { ...request.params, actorId: actor.accountId, note: request.body.note });
      return { result: await resultOverview(db(), request.params) };
    },
  );

  app.get(
    '/api/agencies/:agencyId/sanggah',
    { schema: { tags, summary: 'Daftar sanggah instansi', params: agencyParams, querystring: sanggahListQuery, response: responses({ 200: sanggahPageSchema }) } },
    async (request) => {
      authorize(policy.read(await requireAccount(request), request.params.agencyId));
      const { items, total } = await listSanggah(db(), { agencyId: request.params.agencyId, ...request.query });
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  const presentDetail = async (actor: Awaited<ReturnType<typeof requireAccount>>, params: { agencyId: string; sanggahId: string }) => {
    const found = await sanggahDetail(db(), params);
    return { detail: { ...found, can: { answer: policy.decide(actor, params.agencyId) && found.sanggah.status === 'diajukan' } } };
  };

  app.get('/api/agencies/:agencyId/sanggah/:sanggahId', { schema: { tags, summary: 'Satu sanggah dengan daftar periksa pendaftarannya', params: sanggahParams, response: responses({ 200: detail }) } }, async (request) => {
    const actor = await requireAccount(request);
    authorize(policy.read(actor, request.params.agencyId));
    return presentDetail(actor, request.params);
  });

  app.post(
    '/api/agencies/:agencyId/sanggah/:sanggahId/accept',
    { schema: { tags, summary: 'Terima sanggah (persyaratan yang disanggah menjadi MS)', params: sanggahParams, body: acceptSanggahBody, response: responses({ 200: detail }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.decide(actor, request.params.agencyId));
      await answerSanggah(db(), { ...request.params, actorId: actor.accountId, accept: true, answer: request.body.answer });
      return presentDetail(actor, request.params);
    },
  );

  app.post(
    '/api/agencies/:agencyId/sanggah/:sanggahId/reject',
    { schema: { tags, summary: 'Tolak sanggah dengan jawaban', params: sanggahParams, body: rejectSanggahBody, response: responses({ 200: detail }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.decide(actor, request.params.agencyId));
      await answerSanggah(db(), { ...request.params, actorId: actor.accountId, accept: false, answer: request.body.answer });
      return presentDetail(actor, request.params);
    },
  );

  const applicationParams = z.object({ id: uuid() });

  app.get(
    '/api/applicant/applications/:id/result',
    { schema: { tags, summary: 'Hasil seleksi administrasi pendaftaran saya (setelah diumumkan) dan sanggah saya', params: applicationParams, response: responses({ 200: z.object({ result: applicantResultSchema }) }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.applicant(actor));
      return { result: await applicantResult(db(), { accountId: actor.accountId, applicationId: request.params.id }) };
    },
  );

  app.post(
    '/api/applicant/applications/:id/sanggah',
    { schema: { tags, summary: 'Ajukan sanggah atas hasil seleksi administrasi (sekali, dalam masa sanggah)', params: applicationParams, body: fileSanggahBody, response: responses({ 201: z.object({ result: applicantResultSchema }) }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.applicant(actor));
      await fileSanggah(db(), { accountId: actor.accountId, applicationId: request.params.id, ...request.body });
      return reply.status(201).send({ result: await applicantResult(db(), { accountId: actor.accountId, applicationId: request.params.id }) });
    },
  );
}
