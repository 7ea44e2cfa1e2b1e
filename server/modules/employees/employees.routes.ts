import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { paged, uuid } from '../../../core/schemas/common.js';
import {
  appointableSchema,
  appointmentBody,
  appointmentResultSchema,
  confirmEmployeeBody,
  employeeAccountBody,
  employeeBody,
  employeeDetailSchema,
  employeeImportResultSchema,
  employeeListQuery,
  employeeSchema,
  endEmploymentBody,
  supervisorBody,
} from '../../../core/schemas/employees.js';
import { importRejectedSchema } from '../../../core/schemas/organisation.js';
import { responses } from '../../http.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize } from '../../policy.js';
import { readUploadedFile, sendImportRejected, sendWorkbook } from '../../xlsx.js';
import { agencyParams } from '../agencies/agencies.routes.js';
import { getAgency } from '../agencies/agencies.service.js';
import { organisationIndex } from '../organisation/organisation.service.js';
import { appointableCandidates, appointFromSelection } from './appointments.service.js';
import { importEmployees } from './employees-import.js';
import { employeeExport, employeeTemplate } from './employees-xlsx.js';
import { employeesPolicy as policy } from './employees.policy.js';
import {
  allEmployees,
  confirmEmployee,
  createEmployee,
  employeeDetail,
  employeesOfAccount,
  endEmployment,
  linkEmployeeAccount,
  listEmployees,
  relationOf,
  setSupervisor,
  staffOfAccount,
  updateEmployee,
} from './employees.service.js';

const xlsxFile = z.any().describe('Berkas XLSX (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)');

export async function employeeRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db;
  const tags = ['pegawai'];
  const employeeParams = agencyParams.extend({ employeeId: uuid() });
  const one = z.object({ employee: employeeSchema });
  const list = z.object({ items: z.array(employeeSchema) });

  app.get(
    '/api/agencies/:agencyId/employees',
    { schema: { tags, summary: 'Daftar pegawai instansi (cari nama/NIP, saring unit, status, jenis, atasan)', params: agencyParams, querystring: employeeListQuery, response: responses({ 200: paged(employeeSchema) }) } },
    async (request) => {
      authorize(policy.manage(await requireAccount(request), request.params.agencyId));
      const { items, total } = await listEmployees(db(), { agencyId: request.params.agencyId, ...request.query });
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );
  app.post(
    '/api/agencies/:agencyId/employees',
    { schema: { tags, summary: 'Tambah pegawai (input manual)', params: agencyParams, body: employeeBody, response: responses({ 201: one }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      const employee = await createEmployee(db(), { actorId: actor.accountId, agencyId: request.params.agencyId, data: request.body });
      return reply.status(201).send({ employee });
    },
  );
  app.get(
    '/api/agencies/:agencyId/employees/template.xlsx',
    { schema: { tags, summary: 'Unduh templat impor pegawai (XLSX)', params: agencyParams, response: responses({ 200: xlsxFile }) } },
    async (request, reply) => {
      authorize(policy.manage(await requireAccount(request), request.params.agencyId));
      return sendWorkbook(reply, employeeTemplate(), 'templat-pegawai.xlsx');
    },
  );
  app.get(
    '/api/agencies/:agencyId/employees/export.xlsx',
    { schema: { tags, summary: 'Unduh data pegawai (XLSX, dapat diimpor kembali)', params: agencyParams, querystring: employeeListQuery.omit({ page: true, pageSize: true }), response: responses({ 200: xlsxFile }) } },
    async (request, reply) => {
      authorize(policy.manage(await requireAccount(request), request.params.agencyId));
      const agency = await getAgency(db(), request.params.agencyId);
      const rows = await allEmployees(db(), { agencyId: agency.id, ...request.query });
      const index = await organisationIndex(db(), agency.id);
      const unitCode = new Map(index.units.map((u) => [u.id, u.code]));
      const positionCode = new Map(index.positions.map((p) => [p.id, p.code]));
      const withCodes = rows.map((row) => ({ ...row, unitCode: row.unitId ? (unitCode.get(row.unitId) ?? null) : null, positionCode: row.positionId ? (positionCode.get(row.positionId) ?? null) : null }));
      return sendWorkbook(reply, employeeExport(withCodes), `pegawai-${agency.code}-${new Date().toISOString().slice(0, 10)}.xlsx`);
    },
  );
  app.post(
    '/api/agencies/:agencyId/employees/import',
    {
      schema: {
        tags,
        summary: 'Impor pegawai dari XLSX (semua atau tidak sama sekali; NIP sebagai kunci)',
        description: 'multipart/form-data dengan satu berkas pada kolom "file". Satu baris salah: tidak ada yang disimpan, jawaban 400 memuat daftar { sheet, row, column, reason }.',
        consumes: ['multipart/form-data'],
        params: agencyParams,
        response: responses({ 200: z.object({ result: employeeImportResultSchema }), 400: importRejectedSchema }),
      },
    },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      await getAgency(db(), request.params.agencyId);
      const file = await readUploadedFile(request);
      const outcome = await importEmployees(db(), { actorId: actor.accountId, agencyId: request.params.agencyId, file });
      if (!outcome.ok) return sendImportRejected(reply, outcome.issues, outcome.truncated);
      return { result: outcome.result };
    },
  );
  app.get(
    '/api/agencies/:agencyId/employees/:employeeId',
    { schema: { tags, summary: 'Halaman pegawai: data, bawahan langsung, riwayat rekrutmen', params: employeeParams, response: responses({ 200: employeeDetailSchema }) } },
    async (request) => {
      const actor = await requireAccount(request);
      const canManage = policy.manage(actor, request.params.agencyId);
      authorize(canManage || policy.viewOne(actor, request.params.agencyId, await relationOf(db(), { ...request.params, accountId: actor.accountId })));
      return employeeDetail(db(), { ...request.params, canManage });
    },
  );
  app.put(
    '/api/agencies/:agencyId/employees/:employeeId',
    { schema: { tags, summary: 'Ubah data pegawai', params: employeeParams, body: employeeBody, response: responses({ 200: one }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      return { employee: await updateEmployee(db(), { actorId: actor.accountId, ...request.params, data: request.body }) };
    },
  );
  app.post(
    '/api/agencies/:agencyId/employees/:employeeId/confirm',
    { schema: { tags, summary: 'Angkat CPNS menjadi PNS setelah masa percobaan', params: employeeParams, body: confirmEmployeeBody, response: responses({ 200: one }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      return { employee: await confirmEmployee(db(), { actorId: actor.accountId, ...request.params, ...request.body }) };
    },
  );
  app.post(
    '/api/agencies/:agencyId/employees/:employeeId/end',
    { schema: { tags, summary: 'Akhiri kepegawaian (tanggal dan alasan, untuk angka retensi)', params: employeeParams, body: endEmploymentBody, response: responses({ 200: one }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      return { employee: await endEmployment(db(), { actorId: actor.accountId, ...request.params, data: request.body }) };
    },
  );
  app.put(
    '/api/agencies/:agencyId/employees/:employeeId/supervisor',
    { schema: { tags, summary: 'Tetapkan atau lepas atasan langsung (satu instansi, tidak melingkar)', params: employeeParams, body: supervisorBody, response: responses({ 200: one }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      return { employee: await setSupervisor(db(), { actorId: actor.accountId, ...request.params, ...request.body }) };
    },
  );
  app.post(
    '/api/agencies/:agencyId/employees/:employeeId/account',
    { schema: { tags, summary: 'Hubungkan akun pegawai (akun yang ada, atau undangan ke email baru)', params: employeeParams, body: employeeAccountBody, response: responses({ 200: one }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      return { employee: await linkEmployeeAccount({ db: db(), config: app.deps.config, actorId: actor.accountId, actorName: actor.name, ...request.params, email: request.body.email }) };
    },
  );
  const selectionParams = agencyParams.extend({ selectionId: uuid() });
  app.get(
    '/api/agencies/:agencyId/selections/:selectionId/appointments',
    { schema: { tags, summary: 'Peserta lulus akhir seleksi yang diangkat menjadi pegawai, dan pegawai yang sudah dibuat', params: selectionParams, response: responses({ 200: z.object({ items: z.array(appointableSchema) }) }) } },
    async (request) => {
      authorize(policy.manage(await requireAccount(request), request.params.agencyId));
      return { items: await appointableCandidates(db(), request.params) };
    },
  );
  app.post(
    '/api/agencies/:agencyId/selections/:selectionId/appointments',
    { schema: { tags, summary: 'Angkat pegawai dari hasil seleksi (dapat diulang: yang sudah diangkat tidak digandakan)', params: selectionParams, body: appointmentBody, response: responses({ 200: appointmentResultSchema }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.manage(actor, request.params.agencyId));
      return appointFromSelection(db(), { actorId: actor.accountId, ...request.params, ...request.body });
    },
  );
  app.get(
    '/api/agencies/:agencyId/my-staff',
    { schema: { tags, summary: 'Bawahan langsung atasan yang masuk', params: agencyParams, response: responses({ 200: list }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.myStaff(actor, request.params.agencyId));
      return { items: await staffOfAccount(db(), { agencyId: request.params.agencyId, accountId: actor.accountId }) };
    },
  );
  app.get('/api/me/employee', { schema: { tags, summary: 'Data kepegawaian akun yang masuk (di setiap instansi)', response: responses({ 200: list }) } }, async (request) => {
    const actor = await requireAccount(request);
    return { items: await employeesOfAccount(db(), actor.accountId) };
  });
}
