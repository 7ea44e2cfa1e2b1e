import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../core/schemas/common.js';
import {
  absenceBody,
  assessorProfileBody,
  assessorSchema,
  assignBody,
  candidateCorrectionsSchema,
  componentDetailSchema,
  componentQuery,
  createComponentBody,
  declarationBody,
  endAssignmentBody,
  inviteAssessorBody,
  moderationBody,
  myAssignmentDetailSchema,
  myAssignmentSchema,
  panelCorrectionBody,
  panelRoundSchema,
  replaceAssignmentBody,
  scoreBody,
  updateComponentBody,
} from '../../../core/schemas/panel-scores.js';
import { okSchema, responses } from '../../http.js';
import { sendWorkbook } from '../../xlsx.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize } from '../../policy.js';
import { agencyParams } from '../agencies/agencies.routes.js';
import { declare, myAssignment, myAssignments, submitScore } from './assessor.service.js';
import { candidateCorrections, correctPanelScore } from './panel-correction.service.js';
import { assignAssessors, moderate, removeAssignment, replaceAssignment, setAbsence } from './panel-actions.service.js';
import { inviteAssessor, listAssessors, setAssessorProfile } from './panel-assessors.service.js';
import { componentWorkbook } from './panel-scores-xlsx.js';
import { panelScoresPolicy as policy } from './panel-scores.policy.js';
import { componentDetail, createComponent, lockComponent, panelRounds, updateComponent } from './panel-scores.service.js';

export async function panelScoreRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['penilaian panel'];
  const db = () => app.deps.db;
  const selectionParams = agencyParams.extend({ selectionId: uuid() });
  const componentParams = agencyParams.extend({ componentId: uuid() });
  const candidateParams = componentParams.extend({ applicationId: uuid() });
  const assignmentParams = agencyParams.extend({ assignmentId: uuid() });
  const assessorParams = agencyParams.extend({ accountId: uuid() });
  const componentRef = z.object({ component: z.object({ id: z.string(), version: z.number() }) });
  const base = '/api/agencies/:agencyId';

  app.get(
    `${base}/panel-rounds`,
    { schema: { tags, summary: 'Seleksi yang memiliki komponen penilaian panel, dengan status tiap komponen', params: agencyParams, response: responses({ 200: z.object({ items: z.array(panelRoundSchema) }) }) } },
    async (request) => {
      authorize(policy.read(await requireAccount(request), request.params.agencyId));
      return { items: await panelRounds(db(), request.params) };
    },
  );

  app.post(
    `${base}/selections/:selectionId/panel-components`,
    { schema: { tags, summary: 'Tetapkan rubrik komponen penilaian panel (kriteria berbobot 100, skala dengan deskriptor)', params: selectionParams, body: createComponentBody, response: responses({ 201: componentRef }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      const row = await createComponent(db(), { ...request.params, actorId: actor.accountId, data: request.body });
      return reply.status(201).send({ component: { id: row.id, version: row.version } });
    },
  );

  app.get(
    `${base}/panel-components/:componentId`,
    { schema: { tags, summary: 'Komponen penilaian panel: rubrik, peserta, penguji, nilai, selisih, moderasi', params: componentParams, querystring: componentQuery, response: responses({ 200: componentDetailSchema }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.read(actor, request.params.agencyId));
      return componentDetail(db(), { ...request.params, ...request.query, viewerId: actor.accountId, canManage: policy.manage(actor, request.params.agencyId) });
    },
  );

  app.get(
    `${base}/panel-components/:componentId/export.xlsx`,
    {
      schema: {
        tags,
        summary: 'Unduh nilai komponen (XLSX): per peserta, per penguji dan kriteria, moderasi, rubrik',
        params: componentParams,
        response: responses({ 200: z.any().describe('Berkas XLSX (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)') }),
      },
    },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.read(actor, request.params.agencyId));
      const detail = await componentDetail(db(), { ...request.params, viewerId: actor.accountId, canManage: false, page: 1, pageSize: Number.MAX_SAFE_INTEGER });
      const date = new Date().toISOString().slice(0, 10);
      return sendWorkbook(reply, componentWorkbook(detail), `nilai-${detail.component.stageKey}${detail.component.componentKey ? `-${detail.component.componentKey}` : ''}-${date}.xlsx`);
    },
  );

  app.put(
    `${base}/panel-components/:componentId`,
    { schema: { tags, summary: 'Ubah rubrik dan cara penggabungan nilai (sebelum ada nilai yang dikirim)', params: componentParams, body: updateComponentBody, response: responses({ 200: componentRef }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      const row = await updateComponent(db(), { ...request.params, actorId: actor.accountId, data: request.body });
      return { component: { id: row.id, version: row.version } };
    },
  );

  app.post(
    `${base}/panel-components/:componentId/assignments`,
    { schema: { tags, summary: 'Tugaskan penguji kepada peserta', params: componentParams, body: assignBody, response: responses({ 200: z.object({ created: z.number() }) }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      return assignAssessors(db(), { ...request.params, actorId: actor.accountId, ...request.body });
    },
  );

  app.post(
    `${base}/panel-assignments/:assignmentId/remove`,
    { schema: { tags, summary: 'Keluarkan penguji dari peserta (sebelum menilai), dengan alasan', params: assignmentParams, body: endAssignmentBody, response: responses({ 200: okSchema }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      await removeAssignment(db(), { ...request.params, actorId: actor.accountId, reason: request.body.reason });
      return { ok: true as const };
    },
  );

  app.post(
    `${base}/panel-assignments/:assignmentId/replace`,
    { schema: { tags, summary: 'Tetapkan penguji pengganti (setelah konflik kepentingan atau dikeluarkan)', params: assignmentParams, body: replaceAssignmentBody, response: responses({ 201: z.object({ assignment: z.object({ id: z.string() }) }) }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      const row = await replaceAssignment(db(), { ...request.params, actorId: actor.accountId, assessorId: request.body.assessorId });
      return reply.status(201).send({ assignment: { id: row.id } });
    },
  );

  app.post(
    `${base}/panel-components/:componentId/candidates/:applicationId/absence`,
    { schema: { tags, summary: 'Tandai peserta tidak hadir (panitia atau penguji peserta itu) atau batalkan tandanya (panitia)', params: candidateParams, body: absenceBody, response: responses({ 200: okSchema }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.markAbsent(actor, request.params.agencyId));
      await setAbsence(db(), { ...request.params, ...request.body, actorId: actor.accountId, asPanel: policy.manage(actor, request.params.agencyId) });
      return { ok: true as const };
    },
  );

  app.post(
    `${base}/panel-components/:componentId/candidates/:applicationId/moderation`,
    { schema: { tags, summary: 'Moderasi: buka kembali nilai satu penguji, atau konfirmasi nilai dengan alasan', params: candidateParams, body: moderationBody, response: responses({ 201: z.object({ moderation: z.object({ id: z.string() }) }) }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      const row = await moderate(db(), { ...request.params, ...request.body, actorId: actor.accountId });
      return reply.status(201).send({ moderation: { id: row.id } });
    },
  );

  app.post(
    `${base}/panel-components/:componentId/lock`,
    { schema: { tags, summary: 'Kunci nilai komponen (tidak dapat diubah lagi)', params: componentParams, response: responses({ 200: z.object({ hash: z.string(), candidates: z.number() }) }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      const { hash, candidates } = await lockComponent(db(), { ...request.params, actorId: actor.accountId });
      return { hash, candidates };
    },
  );

  app.get(
    `${base}/panel-components/:componentId/candidates/:applicationId/corrections`,
    { schema: { tags, summary: 'Nilai terkunci seorang peserta dengan koreksinya (nilai asli tetap disimpan)', params: candidateParams, response: responses({ 200: z.object({ candidate: candidateCorrectionsSchema }) }) } },
    async (request) => {
      authorize(policy.read(await requireAccount(request), request.params.agencyId));
      return { candidate: await candidateCorrections(db(), request.params) };
    },
  );

  app.post(
    `${base}/panel-components/:componentId/candidates/:applicationId/correction`,
    { schema: { tags, summary: 'Koreksi nilai komponen yang sudah dikunci, dengan alasan (nilai asli disimpan, tercatat di jejak audit)', params: candidateParams, body: panelCorrectionBody, response: responses({ 200: z.object({ candidate: candidateCorrectionsSchema }) }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.correct(actor, request.params.agencyId));
      return { candidate: await correctPanelScore(db(), { ...request.params, actorId: actor.accountId, score: request.body.score, reason: request.body.reason }) };
    },
  );

  app.get(
    `${base}/panel-assessors`,
    { schema: { tags, summary: 'Penguji instansi (internal dan dari luar instansi) dengan beban tugasnya', params: agencyParams, response: responses({ 200: z.object({ items: z.array(assessorSchema) }) }) } },
    async (request) => {
      authorize(policy.read(await requireAccount(request), request.params.agencyId));
      return { items: await listAssessors(db(), request.params) };
    },
  );

  app.post(
    `${base}/panel-assessors`,
    { schema: { tags, summary: 'Undang penguji (mis. akademisi atau praktisi dari luar instansi)', params: agencyParams, body: inviteAssessorBody, response: responses({ 201: z.object({ assessor: assessorSchema }) }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.inviteAssessor(actor, request.params.agencyId));
      const assessor = await inviteAssessor({ deps: { db: db(), config: app.deps.config }, actorId: actor.accountId, actorName: actor.name, agencyId: request.params.agencyId, ...request.body });
      return reply.status(201).send({ assessor });
    },
  );

  app.put(
    `${base}/panel-assessors/:accountId`,
    { schema: { tags, summary: 'Ubah asal penguji (internal, akademisi, praktisi) dan lembaganya', params: assessorParams, body: assessorProfileBody, response: responses({ 200: z.object({ assessor: assessorSchema }) }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.inviteAssessor(actor, request.params.agencyId));
      return { assessor: await setAssessorProfile(db(), { ...request.params, actorId: actor.accountId, ...request.body }) };
    },
  );

  app.get(
    `${base}/my-panel-assignments`,
    { schema: { tags, summary: 'Peserta yang ditugaskan kepada saya untuk dinilai', params: agencyParams, response: responses({ 200: z.object({ items: z.array(myAssignmentSchema) }) }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.assess(actor, request.params.agencyId));
      return { items: await myAssignments(db(), { agencyId: request.params.agencyId, assessorId: actor.accountId }) };
    },
  );

  app.get(
    `${base}/my-panel-assignments/:assignmentId`,
    { schema: { tags, summary: 'Satu penugasan saya dengan rubrik (nilai penguji lain tampil setelah saya mengirim nilai)', params: assignmentParams, response: responses({ 200: myAssignmentDetailSchema }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.assess(actor, request.params.agencyId));
      return myAssignment(db(), { ...request.params, assessorId: actor.accountId });
    },
  );

  app.post(
    `${base}/my-panel-assignments/:assignmentId/declaration`,
    { schema: { tags, summary: 'Pernyataan konflik kepentingan terhadap peserta (wajib sebelum menilai)', params: assignmentParams, body: declarationBody, response: responses({ 200: myAssignmentDetailSchema }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.assess(actor, request.params.agencyId));
      await declare(db(), { ...request.params, assessorId: actor.accountId, ...request.body });
      return myAssignment(db(), { ...request.params, assessorId: actor.accountId });
    },
  );

  app.put(
    `${base}/my-panel-assignments/:assignmentId/score`,
    { schema: { tags, summary: 'Kirim nilai per kriteria pada skala rubrik', params: assignmentParams, body: scoreBody, response: responses({ 200: myAssignmentDetailSchema }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.assess(actor, request.params.agencyId));
      await submitScore(db(), { ...request.params, assessorId: actor.accountId, ...request.body });
      return myAssignment(db(), { ...request.params, assessorId: actor.accountId });
    },
  );
}
