import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeFormasiBody, createApplicationBody, ownApplicationSchema } from '../../../core/schemas/applications.js';
import { uuid } from '../../../core/schemas/common.js';
import { noContent, responses } from '../../http.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize } from '../../policy.js';
import { applicantPolicy } from '../applicants/applicants.policy.js';
import { readUploadPart, sendStoredFile } from '../files/files.service.js';
import { stageResultsOf } from '../sanggah/sanggah.repo.js';
import { ownDocumentFile, removeDocument, uploadDocument } from './application-documents.service.js';
import { changeFormasi, createDraft, deleteDraft, listOwnApplications, previewSubmission, submitApplication, type SubmissionPreview } from './applications.service.js';
import { publicRegistrationCheck, registrationCardPdf } from './registration-card.js';

export async function applicationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['pendaftaran'];
  const db = () => app.deps.db;
  const params = z.object({ id: uuid() });
  const one = z.object({ application: ownApplicationSchema });

  async function present({ application, target, documents, eligibility, missingDocuments }: SubmissionPreview) {
    // A verifier's decision can still be reopened until the panel announces the result: until then the applicant sees "submitted".
    const decided = application.status === 'ms' || application.status === 'tms';
    const announced = decided && (await stageResultsOf(db(), application.selectionId)).some((s) => s.stage === 'administrasi');
    return {
      id: application.id,
      status: (decided && !announced ? 'submitted' : application.status) as 'draft' | 'submitted' | 'ms' | 'tms',
      registrationNumber: application.registrationNumber,
      submittedAt: application.submittedAt?.toISOString() ?? null,
      selection: {
        id: target.selection.id,
        name: target.selection.name,
        type: target.selection.type,
        year: target.selection.year,
        registrationClosesAt: target.selection.registrationClosesAt?.toISOString() ?? null,
      },
      agency: { id: target.agency.id, name: target.agency.name, timezone: target.agency.timezone },
      formasi: { id: target.formasi.id, positionName: target.formasi.positionName, unitName: target.formasi.unitName, kind: target.formasi.kind },
      requiredDocuments: target.selection.requiredDocuments,
      documents: documents.map((d) => ({ key: d.requirementKey, sha256: d.sha256, fileId: d.fileId, uploadedAt: d.uploadedAt.toISOString() })),
      missingDocuments: missingDocuments.map((d) => d.key),
      // Judged at submission against the profile then; shown while drafting only.
      eligibility: application.status === 'draft' ? eligibility : null,
    };
  }
  const presentOwn = async (accountId: string, applicationId: string) => present(await previewSubmission(db(), { accountId, applicationId }));

  const actorOf = async (request: Parameters<typeof requireAccount>[0]) => {
    const actor = await requireAccount(request);
    authorize(applicantPolicy.self(actor));
    return actor;
  };

  app.get('/api/applicant/applications', { schema: { tags, summary: 'Pendaftaran saya', response: responses({ 200: z.object({ items: z.array(ownApplicationSchema) }) }) } }, async (request) => {
    const actor = await actorOf(request);
    const rows = await listOwnApplications(db(), actor.accountId);
    return { items: await Promise.all(rows.map((row) => presentOwn(actor.accountId, row.id))) };
  });

  app.post('/api/applicant/applications', { schema: { tags, summary: 'Mulai pendaftaran pada sebuah formasi', body: createApplicationBody, response: responses({ 201: one }) } }, async (request, reply) => {
    const actor = await actorOf(request);
    return reply.status(201).send({ application: await present(await createDraft(db(), { accountId: actor.accountId, formasiId: request.body.formasiId })) });
  });

  app.get('/api/applicant/applications/:id', { schema: { tags, summary: 'Detail pendaftaran saya dengan daftar periksa', params, response: responses({ 200: one }) } }, async (request) => {
    const actor = await actorOf(request);
    return { application: await presentOwn(actor.accountId, request.params.id) };
  });

  app.patch('/api/applicant/applications/:id', { schema: { tags, summary: 'Ganti formasi (selama draf)', params, body: changeFormasiBody, response: responses({ 200: one }) } }, async (request) => {
    const actor = await actorOf(request);
    await changeFormasi(db(), { accountId: actor.accountId, applicationId: request.params.id, formasiId: request.body.formasiId });
    return { application: await presentOwn(actor.accountId, request.params.id) };
  });

  app.delete('/api/applicant/applications/:id', { schema: { tags, summary: 'Hapus draf pendaftaran', params, response: responses({ 204: noContent }) } }, async (request, reply) => {
    const actor = await actorOf(request);
    await deleteDraft(db(), { accountId: actor.accountId, applicationId: request.params.id });
    return reply.status(204).send(null);
  });

  app.post('/api/applicant/applications/:id/submit', { schema: { tags, summary: 'Kirim pendaftaran (dibekukan, nomor pendaftaran terbit)', params, response: responses({ 200: one }) } }, async (request) => {
    const actor = await actorOf(request);
    return { application: await present(await submitApplication(db(), { accountId: actor.accountId, applicationId: request.params.id })) };
  });

  const documentParams = params.extend({ key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Kode dokumen tidak valid') });

  app.put(
    '/api/applicant/applications/:id/documents/:key',
    {
      schema: {
        tags,
        summary: 'Unggah atau ganti dokumen (multipart/form-data, satu berkas pada field "file")',
        consumes: ['multipart/form-data'],
        params: documentParams,
        response: responses({ 200: one, 415: z.object({ error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }) }) }),
      },
    },
    async (request) => {
      const actor = await actorOf(request);
      const part = await readUploadPart(request);
      const uploaded = await uploadDocument({ db: db(), uploadDir: app.deps.config.uploadDir, accountId: actor.accountId, applicationId: request.params.id, key: request.params.key, stream: part.stream, fileName: part.fileName });
      return { application: await present(uploaded) };
    },
  );

  app.delete('/api/applicant/applications/:id/documents/:key', { schema: { tags, summary: 'Hapus dokumen (selama draf)', params: documentParams, response: responses({ 204: noContent }) } }, async (request, reply) => {
    const actor = await actorOf(request);
    await removeDocument(db(), { accountId: actor.accountId, applicationId: request.params.id, key: request.params.key });
    return reply.status(204).send(null);
  });

  app.get('/api/applicant/applications/:id/documents/:key', { schema: { tags, summary: 'Lihat dokumen yang diunggah', params: documentParams } }, async (request, reply) => {
    const actor = await actorOf(request);
    const file = await ownDocumentFile(db(), { accountId: actor.accountId, applicationId: request.params.id, key: request.params.key });
    return sendStoredFile(reply, { uploadDir: app.deps.config.uploadDir, file });
  });

  app.get('/api/applicant/applications/:id/card.pdf', { schema: { tags, summary: 'Kartu pendaftaran (PDF) dengan kode QR', params } }, async (request, reply) => {
    const actor = await actorOf(request);
    const pdf = await registrationCardPdf({
      db: db(),
      uploadDir: app.deps.config.uploadDir,
      publicUrl: app.deps.config.publicUrl,
      secret: app.deps.config.sessionSecret,
      accountId: actor.accountId,
      applicationId: request.params.id,
    });
    return reply.type('application/pdf').header('content-disposition', 'inline; filename="kartu-pendaftaran.pdf"').send(pdf);
  });

  app.get(
    '/api/public/registrations/:number',
    {
      schema: {
        tags: ['publik'],
        summary: 'Konfirmasi publik sebuah pendaftaran (dari kode QR kartu); data disamarkan',
        params: z.object({ number: z.string().max(60) }),
        querystring: z.object({ t: z.string().min(10).max(60) }),
        response: responses({
          200: z.object({
            registrationNumber: z.string(),
            nameMasked: z.string(),
            agencyName: z.string(),
            selectionName: z.string(),
            formasi: z.string(),
            submittedAt: z.string(),
            submittedAtText: z.string(),
            documents: z.array(z.object({ name: z.string(), sha256: z.string() })),
            fingerprint: z.string(),
          }),
        }),
      },
    },
    async (request) => publicRegistrationCheck({ db: db(), secret: app.deps.config.sessionSecret, registrationNumber: request.params.number, token: request.query.t }),
  );
}
