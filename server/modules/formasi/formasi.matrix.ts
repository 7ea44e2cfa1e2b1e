import type { MatrixEnv, MatrixRow } from '../../test-support/matrix.js';
import { createPositionRow, createUnitRow, multipartFile, workbookBuffer } from '../organisation/organisation.fixtures.js';
import { createFormasiRow, createSelectionRow } from './formasi.fixtures.js';

const readers = ['super_admin', 'admin_instansi', 'panitia', 'pengawas'] as const;
const managers = ['super_admin', 'admin_instansi', 'panitia'] as const;

const db = (e: MatrixEnv) => e.ctx.database.db;
const selection = async (e: MatrixEnv, a: string) => (await createSelectionRow(db(e), a)).id;
const base = (a: string, s: string) => `/api/agencies/${a}/selections/${s}/formasi`;
const requirements = { qualifications: [{ level: 'S1', programmes: ['Ilmu Hukum'] }], kind: 'umum' };
// A position whose ABK proposes one formasi: 75,000 minutes of work, nobody in post.
const proposingPosition = (e: MatrixEnv, a: string) => createPositionRow(db(e), a, { tasks: [{ volumePerYear: 1_500, normMinutes: 50 }] });

let seq = 0;
async function importBody(e: MatrixEnv, a: string) {
  const unitCode = `M${Date.now().toString(36)}${++seq}`;
  const unit = await createUnitRow(db(e), a, { code: unitCode });
  await createPositionRow(db(e), a, { unitId: unit.id, code: 'J1' });
  const file = await workbookBuffer({ Formasi: [['No', 'Kode Unit', 'Kode Jabatan', 'Jumlah', 'Jenis Formasi', 'Pendidikan'], [1, unitCode, 'J1', 2, 'Umum', 'S1: Ilmu Hukum']] });
  return multipartFile(file, 'formasi.xlsx');
}

export const rows: MatrixRow[] = [
  { method: 'GET', route: '/api/agencies/:agencyId/selections/:selectionId/formasi', build: async (e, a) => ({ url: base(a, await selection(e, a)) }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/selections/:selectionId/formasi',
    build: async (e, a) => ({ url: base(a, await selection(e, a)), payload: { positionId: (await createPositionRow(db(e), a)).id, count: 3, ...requirements } }),
    allowed: managers,
    status: 201,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/selections/:selectionId/formasi/from-abk',
    build: async (e, a) => ({ url: `${base(a, await selection(e, a))}/from-abk`, payload: { positionId: (await proposingPosition(e, a)).id, ...requirements } }),
    allowed: managers,
    status: 201,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/selections/:selectionId/formasi/template.xlsx',
    build: async (e, a) => ({ url: `${base(a, await selection(e, a))}/template.xlsx` }),
    allowed: readers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/selections/:selectionId/formasi/export.xlsx',
    build: async (e, a) => ({ url: `${base(a, await selection(e, a))}/export.xlsx` }),
    allowed: readers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/selections/:selectionId/formasi/import',
    build: async (e, a) => ({ url: `${base(a, await selection(e, a))}/import`, ...(await importBody(e, a)) }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/selections/:selectionId/formasi/:formasiId',
    build: async (e, a) => {
      const s = await selection(e, a);
      return { url: `${base(a, s)}/${(await createFormasiRow(db(e), a, s)).id}` };
    },
    allowed: readers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'PUT',
    route: '/api/agencies/:agencyId/selections/:selectionId/formasi/:formasiId',
    build: async (e, a) => {
      const s = await selection(e, a);
      const f = await createFormasiRow(db(e), a, s);
      return { url: `${base(a, s)}/${f.id}`, payload: { positionId: f.positionId, count: 4, ...requirements } };
    },
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'DELETE',
    route: '/api/agencies/:agencyId/selections/:selectionId/formasi/:formasiId',
    build: async (e, a) => {
      const s = await selection(e, a);
      return { url: `${base(a, s)}/${(await createFormasiRow(db(e), a, s)).id}` };
    },
    allowed: managers,
    status: 204,
    agencyScoped: true,
  },
];
