import type { MatrixEnv, MatrixRow } from '../../test-support/matrix.js';
import { insertFormasi, insertSelection } from './selections.fixtures.js';

const readers = ['super_admin', 'admin_instansi', 'panitia', 'pengawas'] as const;
const managers = ['super_admin', 'admin_instansi', 'panitia'] as const;

const db = (e: MatrixEnv) => e.ctx.database.db;
const base = (a: string) => `/api/agencies/${a}/selections`;
const draft = async (e: MatrixEnv, a: string) => (await insertSelection(db(e), a)).id;
const published = async (e: MatrixEnv, a: string) => (await insertSelection(db(e), a, { status: 'published' })).id;
/** A draft that can be published: complete schedule, valid pipeline, one formasi. */
async function publishable(e: MatrixEnv, a: string) {
  const selection = await insertSelection(db(e), a);
  await insertFormasi(db(e), selection);
  return selection.id;
}

export const rows: MatrixRow[] = [
  { method: 'GET', route: '/api/agencies/:agencyId/selections', build: async (_e, a) => ({ url: base(a) }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/selections',
    build: async (_e, a) => ({ url: base(a), payload: { type: 'pppk', year: 2026, name: 'Seleksi PPPK Matriks' } }),
    allowed: managers,
    status: 201,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/selections/:selectionId', build: async (e, a) => ({ url: `${base(a)}/${await draft(e, a)}` }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'PATCH',
    route: '/api/agencies/:agencyId/selections/:selectionId',
    build: async (e, a) => ({ url: `${base(a)}/${await draft(e, a)}`, payload: { name: 'Seleksi CPNS Matriks (ubah)' } }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  { method: 'DELETE', route: '/api/agencies/:agencyId/selections/:selectionId', build: async (e, a) => ({ url: `${base(a)}/${await draft(e, a)}` }), allowed: managers, status: 204, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/selections/:selectionId/publish',
    build: async (e, a) => ({ url: `${base(a)}/${await publishable(e, a)}/publish`, payload: {} }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/selections/:selectionId/corrections',
    build: async (e, a) => ({
      url: `${base(a)}/${await published(e, a)}/corrections`,
      payload: { reason: 'Salah ketik pada nama seleksi', changes: { name: 'Seleksi CPNS 2026 (koreksi)' } },
    }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/selections/:selectionId/history', build: async (e, a) => ({ url: `${base(a)}/${await draft(e, a)}/history` }), allowed: readers, status: 200, agencyScoped: true },
];
