import type { MatrixEnv, MatrixRow } from '../../test-support/matrix.js';
import { abkWorkbook, createPositionRow, createTaskRow, createUnitRow, multipartFile } from './organisation.fixtures.js';

const readers = ['super_admin', 'admin_instansi', 'panitia', 'pengawas'] as const;
const managers = ['super_admin', 'admin_instansi', 'panitia'] as const;
const admins = ['super_admin', 'admin_instansi'] as const;

const db = (e: MatrixEnv) => e.ctx.database.db;
let seq = 0;
const code = (prefix: string) => `${prefix}${Date.now().toString(36)}${++seq}`;

const unit = (e: MatrixEnv, a: string) => createUnitRow(db(e), a);
const position = (e: MatrixEnv, a: string) => createPositionRow(db(e), a, { bezetting: 1, tasks: [{ volumePerYear: 100, normMinutes: 60 }] });

let importFile: Promise<{ payload: Buffer; headers: Record<string, string> }> | undefined;
const importBody = () =>
  (importFile ??= abkWorkbook({
    units: [[1, 'MATRIKS', 'Unit Matriks']],
    positions: [[1, 'MATRIKS', 'J1', 'Jabatan Matriks', 'Pelaksana', 1, 0]],
    tasks: [[1, 'MATRIKS', 'J1', 'Tugas matriks', 'dokumen', 100, 60]],
  }).then((buffer) => multipartFile(buffer)));

export const rows: MatrixRow[] = [
  { method: 'GET', route: '/api/agencies/:agencyId/units', build: async (_e, a) => ({ url: `/api/agencies/${a}/units` }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/units',
    build: async (_e, a) => ({ url: `/api/agencies/${a}/units`, payload: { code: code('U'), name: 'Unit Matriks' } }),
    allowed: managers,
    status: 201,
    agencyScoped: true,
  },
  {
    method: 'PUT',
    route: '/api/agencies/:agencyId/units/:unitId',
    build: async (e, a) => ({ url: `/api/agencies/${a}/units/${(await unit(e, a)).id}`, payload: { code: code('U'), name: 'Unit Diubah' } }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'DELETE',
    route: '/api/agencies/:agencyId/units/:unitId',
    build: async (e, a) => ({ url: `/api/agencies/${a}/units/${(await unit(e, a)).id}` }),
    allowed: managers,
    status: 204,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/positions', build: async (_e, a) => ({ url: `/api/agencies/${a}/positions` }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/positions',
    build: async (e, a) => ({
      url: `/api/agencies/${a}/positions`,
      payload: { unitId: (await unit(e, a)).id, code: code('J'), name: 'Jabatan Matriks', jenis: 'pelaksana', bezetting: 2, retiring: 0 },
    }),
    allowed: managers,
    status: 201,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/positions/:positionId',
    build: async (e, a) => ({ url: `/api/agencies/${a}/positions/${(await position(e, a)).id}` }),
    allowed: readers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'PUT',
    route: '/api/agencies/:agencyId/positions/:positionId',
    build: async (e, a) => {
      const p = await position(e, a);
      return { url: `/api/agencies/${a}/positions/${p.id}`, payload: { unitId: p.unitId, code: p.code, name: 'Jabatan Diubah', jenis: 'fungsional', bezetting: 3, retiring: 1 } };
    },
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'DELETE',
    route: '/api/agencies/:agencyId/positions/:positionId',
    build: async (e, a) => ({ url: `/api/agencies/${a}/positions/${(await position(e, a)).id}` }),
    allowed: managers,
    status: 204,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/positions/:positionId/tasks',
    build: async (e, a) => ({ url: `/api/agencies/${a}/positions/${(await position(e, a)).id}/tasks` }),
    allowed: readers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/positions/:positionId/tasks',
    build: async (e, a) => ({ url: `/api/agencies/${a}/positions/${(await position(e, a)).id}/tasks`, payload: { name: 'Tugas matriks', volumePerYear: 10, normMinutes: 30 } }),
    allowed: managers,
    status: 201,
    agencyScoped: true,
  },
  {
    method: 'PUT',
    route: '/api/agencies/:agencyId/positions/:positionId/tasks/:taskId',
    build: async (e, a) => {
      const p = await position(e, a);
      const t = await createTaskRow(db(e), a, p.id);
      return { url: `/api/agencies/${a}/positions/${p.id}/tasks/${t.id}`, payload: { name: 'Tugas diubah', outputUnit: 'berkas', volumePerYear: 12.5, normMinutes: 45 } };
    },
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'DELETE',
    route: '/api/agencies/:agencyId/positions/:positionId/tasks/:taskId',
    build: async (e, a) => {
      const p = await position(e, a);
      const t = await createTaskRow(db(e), a, p.id);
      return { url: `/api/agencies/${a}/positions/${p.id}/tasks/${t.id}` };
    },
    allowed: managers,
    status: 204,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/abk/settings', build: async (_e, a) => ({ url: `/api/agencies/${a}/abk/settings` }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'PUT',
    route: '/api/agencies/:agencyId/abk/settings',
    build: async (_e, a) => ({ url: `/api/agencies/${a}/abk/settings`, payload: { effectiveMinutesPerYear: 75_000 } }),
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/abk', build: async (_e, a) => ({ url: `/api/agencies/${a}/abk` }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/abk/positions/:positionId',
    build: async (e, a) => ({ url: `/api/agencies/${a}/abk/positions/${(await position(e, a)).id}` }),
    allowed: readers,
    status: 200,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/abk/template.xlsx', build: async (_e, a) => ({ url: `/api/agencies/${a}/abk/template.xlsx` }), allowed: readers, status: 200, agencyScoped: true },
  { method: 'GET', route: '/api/agencies/:agencyId/abk/export.xlsx', build: async (_e, a) => ({ url: `/api/agencies/${a}/abk/export.xlsx` }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/abk/import',
    build: async (_e, a) => ({ url: `/api/agencies/${a}/abk/import`, ...(await importBody()) }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
];
