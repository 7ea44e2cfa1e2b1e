import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid, paged } from '../../../core/schemas/common.js';
import {
  BANK_IMPORT_LIMITS,
  bankAvailabilitySchema,
  bankBody,
  bankListQuery,
  bankSchema,
  importResultSchema,
  questionBody,
  questionListQuery,
  questionSchema,
  questionStatusBody,
} from '../../../core/schemas/cat-banks.js';
import { importRejectedSchema } from '../../../core/schemas/organisation.js';
import { noContent, responses } from '../../http.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize, type Actor } from '../../policy.js';
import { readUploadedFile, sendImportRejected, sendWorkbook } from '../../xlsx.js';
import { readUploadPart, sendStoredFile } from '../files/files.service.js';
import { bankJson, exportBankQuestions, exportName } from './bank-export.js';
import { importBank } from './bank-import.js';
import { bankExport, bankTemplate } from './bank-sheets.js';
import { catBankPolicy as policy } from './cat-banks.policy.js';
import {
  bankDetail,
  changeQuestionStatus,
  createBank,
  createQuestion,
  deleteBank,
  deleteQuestion,
  getBank,
  getQuestion,
  listBanks,
  listQuestions,
  questionImageFile,
  removeQuestionImage,
  requireManage,
  setQuestionImage,
  updateBank,
  updateQuestion,
  type BankScope,
} from './cat-banks.service.js';

const xlsxFile = z.any().describe('Berkas XLSX (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)');
const imageFile = z.any().describe('Gambar PNG atau JPEG');
const jsonFile = z.any().describe('Berkas JSON bank soal (format rekrutmen-asn/bank-soal)');

type ScopedParams = { agencyId?: string | undefined };

/**
 * The bank routes, registered twice: under `/api/agencies/:agencyId/cat-banks` for an agency's
 * banks (admin and panel of that agency) and under `/api/cat-banks` for the national banks
 * (super administrator). An agency may list and count the national banks to plan a test, but
 * their content stays with the super administrator.
 */
function bankRoutes(fastify: FastifyInstance, national: boolean) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db;
  const base = national ? '/api/cat-banks' : '/api/agencies/:agencyId/cat-banks';
  const tags = [national ? 'bank soal nasional' : 'bank soal CAT'];
  const scopeShape = national ? {} : { agencyId: uuid() };
  const params = <S extends z.ZodRawShape>(shape: S) => z.object({ ...scopeShape, ...shape }) as unknown as z.ZodObject<S & { agencyId: z.ZodOptional<z.ZodString> }>;
  const scopeParams = params({});
  const bankParams = params({ bankId: uuid() });
  const questionParams = params({ bankId: uuid(), questionId: uuid() });
  const optionParams = params({ bankId: uuid(), questionId: uuid(), optionId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'Kode pilihan tidak valid') });
  const scopeOf = (p: ScopedParams): BankScope => (national ? null : p.agencyId!);

  /** The scope's entry check: the national scope is the super admin's; an agency's, its planners'. */
  const enter = async (request: FastifyRequest): Promise<{ actor: Actor; scope: BankScope }> => {
    const actor = await requireAccount(request);
    const scope = scopeOf(request.params as ScopedParams);
    authorize(scope === null ? policy.national(actor) : policy.list(actor, scope));
    return { actor, scope };
  };
  /** A bank whose content the actor manages. */
  const managed = async (request: FastifyRequest) => {
    const { actor, scope } = await enter(request);
    const bank = await getBank(db(), { scope, bankId: (request.params as { bankId: string }).bankId });
    requireManage(actor, bank, scope);
    return { actor, bank };
  };

  const oneBank = z.object({ bank: bankSchema });
  const oneQuestion = z.object({ question: questionSchema });

  app.get(
    base,
    { schema: { tags, summary: national ? 'Daftar bank soal nasional' : 'Daftar bank soal instansi dan bank soal nasional', params: scopeParams, querystring: bankListQuery, response: responses({ 200: paged(bankSchema) }) } },
    async (request) => {
      const { actor, scope } = await enter(request);
      const { items, total } = await listBanks(db(), { actor, scope, page: request.query.page, pageSize: request.query.pageSize, q: request.query.q, filter: request.query.scope });
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );
  app.post(
    base,
    { schema: { tags, summary: 'Buat bank soal', params: scopeParams, body: bankBody, response: responses({ 201: oneBank }) } },
    async (request, reply) => {
      const { actor, scope } = await enter(request);
      if (scope !== null) authorize(policy.createAgencyBank(actor, scope));
      return reply.status(201).send({ bank: await createBank(db(), { actor, scope, data: request.body }) });
    },
  );
  app.get(
    `${base}/template.xlsx`,
    { schema: { tags, summary: 'Unduh templat impor soal (XLSX)', params: scopeParams, response: responses({ 200: xlsxFile }) } },
    async (request, reply) => {
      await enter(request);
      return sendWorkbook(reply, bankTemplate(), 'templat-bank-soal.xlsx');
    },
  );
  app.get(
    `${base}/:bankId`,
    {
      schema: {
        tags,
        summary: 'Detail bank soal: jumlah soal per subtes, topik dan status (tanpa isi soal)',
        params: bankParams,
        response: responses({ 200: z.object({ bank: bankSchema, availability: bankAvailabilitySchema }) }),
      },
    },
    async (request) => {
      const { actor, scope } = await enter(request);
      const bank = await getBank(db(), { scope, bankId: request.params.bankId });
      return bankDetail(db(), { actor, scope, bank });
    },
  );
  app.put(
    `${base}/:bankId`,
    { schema: { tags, summary: 'Ubah nama atau keterangan bank soal', params: bankParams, body: bankBody, response: responses({ 200: oneBank }) } },
    async (request) => {
      const { actor, bank } = await managed(request);
      return { bank: await updateBank(db(), { actor, bank, data: request.body }) };
    },
  );
  app.delete(
    `${base}/:bankId`,
    { schema: { tags, summary: 'Hapus bank soal beserta soalnya (bila belum dipakai)', params: bankParams, response: responses({ 204: noContent }) } },
    async (request, reply) => {
      const { actor, bank } = await managed(request);
      await deleteBank(db(), { actor, bank });
      return reply.status(204).send(null);
    },
  );

  // ---- Questions: content and keys, for the bank's managers only ----
  app.get(
    `${base}/:bankId/questions`,
    { schema: { tags, summary: 'Daftar soal (isi dan kunci; hanya pengelola bank)', params: bankParams, querystring: questionListQuery, response: responses({ 200: paged(questionSchema) }) } },
    async (request) => {
      const { bank } = await managed(request);
      const { page, pageSize, q, subtest, topic, status } = request.query;
      const { items, total } = await listQuestions(db(), { bank, page, pageSize, q, subtest, topic, status });
      return { items, total, page, pageSize };
    },
  );
  app.post(
    `${base}/:bankId/questions`,
    { schema: { tags, summary: 'Tambah soal (berstatus draf)', params: bankParams, body: questionBody, response: responses({ 201: oneQuestion }) } },
    async (request, reply) => {
      const { actor, bank } = await managed(request);
      return reply.status(201).send({ question: await createQuestion(db(), { actor, bank, data: request.body }) });
    },
  );
  app.get(
    `${base}/:bankId/questions/:questionId`,
    { schema: { tags, summary: 'Detail soal', params: questionParams, response: responses({ 200: oneQuestion }) } },
    async (request) => {
      const { bank } = await managed(request);
      return { question: await getQuestion(db(), { bank, questionId: request.params.questionId }) };
    },
  );
  app.put(
    `${base}/:bankId/questions/:questionId`,
    { schema: { tags, summary: 'Ubah soal (soal yang sudah ditelaah atau aktif kembali menjadi draf)', params: questionParams, body: questionBody, response: responses({ 200: oneQuestion }) } },
    async (request) => {
      const { actor, bank } = await managed(request);
      return { question: await updateQuestion(db(), { actor, bank, questionId: request.params.questionId, data: request.body }) };
    },
  );
  app.delete(
    `${base}/:bankId/questions/:questionId`,
    { schema: { tags, summary: 'Hapus soal yang belum dipakai dalam naskah ujian', params: questionParams, response: responses({ 204: noContent }) } },
    async (request, reply) => {
      const { actor, bank } = await managed(request);
      await deleteQuestion(db(), { actor, bank, questionId: request.params.questionId });
      return reply.status(204).send(null);
    },
  );
  app.post(
    `${base}/:bankId/questions/:questionId/status`,
    {
      schema: {
        tags,
        summary: 'Ubah status soal: draf → ditelaah (oleh orang lain) → aktif; pensiunkan',
        params: questionParams,
        body: questionStatusBody,
        response: responses({ 200: oneQuestion }),
      },
    },
    async (request) => {
      const { actor, bank } = await managed(request);
      return { question: await changeQuestionStatus(db(), { actor, bank, questionId: request.params.questionId, status: request.body.status }) };
    },
  );

  // ---- Images of the stem and of each option ----
  const imageRoutes = (path: string, paramsSchema: typeof questionParams | typeof optionParams, what: string) => {
    app.put(
      path,
      {
        schema: {
          tags,
          summary: `Unggah gambar ${what} (PNG/JPEG ≤ 1 MB; soal kembali menjadi draf)`,
          consumes: ['multipart/form-data'],
          params: paramsSchema,
          response: responses({ 200: oneQuestion }),
        },
      },
      async (request) => {
        const { actor, bank } = await managed(request);
        const { questionId, optionId } = request.params as { questionId: string; optionId?: string };
        const part = await readUploadPart(request);
        const question = await setQuestionImage(db(), { actor, bank, questionId, optionId, uploadDir: app.deps.config.uploadDir, stream: part.stream, fileName: part.fileName });
        return { question };
      },
    );
    app.delete(
      path,
      { schema: { tags, summary: `Hapus gambar ${what}`, params: paramsSchema, response: responses({ 200: oneQuestion }) } },
      async (request) => {
        const { actor, bank } = await managed(request);
        const { questionId, optionId } = request.params as { questionId: string; optionId?: string };
        return { question: await removeQuestionImage(db(), { actor, bank, questionId, optionId }) };
      },
    );
    app.get(
      path,
      { schema: { tags, summary: `Gambar ${what}`, params: paramsSchema, response: responses({ 200: imageFile }) } },
      async (request, reply) => {
        const { bank } = await managed(request);
        const { questionId, optionId } = request.params as { questionId: string; optionId?: string };
        const file = await questionImageFile(db(), { bank, questionId, optionId });
        return sendStoredFile(reply, { uploadDir: app.deps.config.uploadDir, file });
      },
    );
  };
  imageRoutes(`${base}/:bankId/questions/:questionId/image`, questionParams, 'soal');
  imageRoutes(`${base}/:bankId/questions/:questionId/options/:optionId/image`, optionParams, 'pilihan jawaban');

  // ---- Import and export ----
  app.post(
    `${base}/:bankId/import`,
    {
      schema: {
        tags,
        summary: 'Impor soal dari XLSX atau JSON (semua atau tidak sama sekali; hasilnya draf)',
        description: `multipart/form-data dengan satu berkas pada kolom "file" (≤ ${BANK_IMPORT_LIMITS.bytes / 1024 / 1024} MB, ≤ ${BANK_IMPORT_LIMITS.rows} soal). Satu baris salah: tidak ada yang disimpan; jawaban 400 memuat daftar { sheet, row, column, reason }.`,
        consumes: ['multipart/form-data'],
        params: bankParams,
        response: responses({ 200: z.object({ result: importResultSchema }), 400: importRejectedSchema }),
      },
    },
    async (request, reply) => {
      const { actor, bank } = await managed(request);
      const file = await readUploadedFile(request, BANK_IMPORT_LIMITS.bytes);
      const outcome = await importBank(db(), { actor, bank, file });
      if (!outcome.ok) return sendImportRejected(reply, outcome.issues, outcome.truncated);
      return { result: outcome.result };
    },
  );
  app.get(
    `${base}/:bankId/export.xlsx`,
    { schema: { tags, summary: 'Ekspor soal beserta kunci (XLSX; tercatat di jejak audit)', params: bankParams, response: responses({ 200: xlsxFile }) } },
    async (request, reply) => {
      const { actor, bank } = await managed(request);
      const rows = await exportBankQuestions(db(), { actor, bank, format: 'xlsx' });
      return sendWorkbook(reply, bankExport({ bankName: bank.name, rows }), exportName(bank, 'xlsx'));
    },
  );
  app.get(
    `${base}/:bankId/export.json`,
    { schema: { tags, summary: 'Ekspor soal beserta kunci (JSON; tercatat di jejak audit)', params: bankParams, response: responses({ 200: jsonFile }) } },
    async (request, reply) => {
      const { actor, bank } = await managed(request);
      const rows = await exportBankQuestions(db(), { actor, bank, format: 'json' });
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${exportName(bank, 'json')}"`)
        .header('cache-control', 'no-store')
        .send(JSON.stringify(bankJson(bank, rows), null, 2));
    },
  );
}

export async function catBankRoutes(fastify: FastifyInstance) {
  bankRoutes(fastify, false);
  bankRoutes(fastify, true);
}

