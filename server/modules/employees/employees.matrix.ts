import { eq } from 'drizzle-orm';
import { createSelectionRow } from '../../test-support/factories.js';
import { EVERYONE, type MatrixEnv, type MatrixRow } from '../../test-support/matrix.js';
import { formasi } from '../formasi/formasi.table.js';
import { quickRound } from '../results/results.fixtures.js';
import { createUnitRow, multipartFile } from '../organisation/organisation.fixtures.js';
import { createEmployeeRow, employeeWorkbook, nextNip } from './employees.fixtures.js';

const admins = ['super_admin', 'admin_instansi'] as const;
const db = (e: MatrixEnv) => e.ctx.database.db;
const employee = (e: MatrixEnv, a: string, spec: Parameters<typeof createEmployeeRow>[2] = {}) => createEmployeeRow(db(e), a, spec);
let seq = 0;

const publishedRounds = new Map<string, Promise<{ selectionId: string }>>();
/** A round whose post-objection final list is published, its formasi placed in a unit of the agency. */
async function roundWithUnit(e: MatrixEnv, a: string) {
  const { selection, formasi: row } = await quickRound(e.ctx, a, { publish: 'post' });
  await db(e).update(formasi).set({ unitId: (await createUnitRow(db(e), a)).id }).where(eq(formasi.id, row.id));
  return { selectionId: selection.id };
}

export const rows: MatrixRow[] = [
  { method: 'GET', route: '/api/agencies/:agencyId/employees', build: async (_e, a) => ({ url: `/api/agencies/${a}/employees` }), allowed: admins, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/employees',
    build: async (e, a) => ({
      url: `/api/agencies/${a}/employees`,
      payload: { name: 'Pegawai Matriks', nip: nextNip(), employmentType: 'pns', unitId: (await createUnitRow(db(e), a)).id, appointedAt: '2015-01-01' },
    }),
    allowed: admins,
    status: 201,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/employees/template.xlsx', build: async (_e, a) => ({ url: `/api/agencies/${a}/employees/template.xlsx` }), allowed: admins, status: 200, agencyScoped: true },
  { method: 'GET', route: '/api/agencies/:agencyId/employees/export.xlsx', build: async (_e, a) => ({ url: `/api/agencies/${a}/employees/export.xlsx` }), allowed: admins, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/employees/import',
    build: async (e, a) => {
      const unit = await createUnitRow(db(e), a, { code: `MTX${++seq}${Date.now().toString(36)}` });
      return { url: `/api/agencies/${a}/employees/import`, ...(await multipartFile(await employeeWorkbook([[1, nextNip(), 'Pegawai Impor', 'PNS', unit.code, '', '2015-01-01', '', '']]))) };
    },
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/employees/:employeeId',
    build: async (e, a) => ({ url: `/api/agencies/${a}/employees/${(await employee(e, a)).id}` }),
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'PUT',
    route: '/api/agencies/:agencyId/employees/:employeeId',
    build: async (e, a) => {
      const row = await employee(e, a);
      return { url: `/api/agencies/${a}/employees/${row.id}`, payload: { name: 'Nama Diubah', nip: row.nip, employmentType: 'pns', unitId: row.unitId, appointedAt: '2015-01-01' } };
    },
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/employees/:employeeId/confirm',
    build: async (e, a) => ({
      url: `/api/agencies/${a}/employees/${(await employee(e, a, { employmentType: 'cpns', status: 'calon', appointedAt: '2024-03-01' })).id}/confirm`,
      payload: { confirmedAt: '2025-03-01' },
    }),
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/employees/:employeeId/end',
    build: async (e, a) => ({ url: `/api/agencies/${a}/employees/${(await employee(e, a)).id}/end`, payload: { endedAt: '2025-06-30', endReason: 'pensiun' } }),
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'PUT',
    route: '/api/agencies/:agencyId/employees/:employeeId/supervisor',
    build: async (e, a) => {
      const boss = await employee(e, a);
      return { url: `/api/agencies/${a}/employees/${(await employee(e, a, { unitId: boss.unitId! })).id}/supervisor`, payload: { supervisorEmployeeId: boss.id } };
    },
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/employees/:employeeId/account',
    build: async (e, a) => ({ url: `/api/agencies/${a}/employees/${(await employee(e, a)).id}/account`, payload: { email: `pegawai-matriks-${++seq}-${Date.now().toString(36)}@uji.test` } }),
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/selections/:selectionId/appointments',
    build: async (e, a) => ({ url: `/api/agencies/${a}/selections/${(await createSelectionRow(e.ctx, a)).id}/appointments` }),
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/selections/:selectionId/appointments',
    build: async (e, a) => {
      // One published round per agency: appointing again is allowed (idempotent) and cheap.
      const round = await (publishedRounds.get(a) ?? publishedRounds.set(a, roundWithUnit(e, a)).get(a)!);
      return { url: `/api/agencies/${a}/selections/${round.selectionId}/appointments`, payload: { appointedAt: '2026-03-01' } };
    },
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/my-staff', build: async (_e, a) => ({ url: `/api/agencies/${a}/my-staff` }), allowed: ['atasan'], status: 200, agencyScoped: true },
  { method: 'GET', route: '/api/me/employee', build: async () => ({ url: '/api/me/employee' }), allowed: EVERYONE, status: 200, agencyScoped: false },
];
