import { AGENCY_STAFF, type MatrixRow } from '../../test-support/matrix.js';

export const rows: MatrixRow[] = [
  { method: 'GET', route: '/api/agencies', build: async () => ({ url: '/api/agencies' }), allowed: ['super_admin'], status: 200, agencyScoped: false },
  {
    method: 'POST',
    route: '/api/agencies',
    build: async () => ({ url: '/api/agencies', payload: { code: `m-${Math.random().toString(36).slice(2, 10)}`, name: 'Instansi Matriks', region: 'X', timezone: 'Asia/Makassar' } }),
    allowed: ['super_admin'],
    status: 201,
    agencyScoped: false,
  },
  { method: 'GET', route: '/api/agencies/:agencyId', build: async (_e, a) => ({ url: `/api/agencies/${a}` }), allowed: ['super_admin', ...AGENCY_STAFF], status: 200, agencyScoped: true },
  { method: 'PATCH', route: '/api/agencies/:agencyId', build: async (_e, a) => ({ url: `/api/agencies/${a}`, payload: { region: 'Wilayah Matriks' } }), allowed: ['super_admin', 'admin_instansi'], status: 200, agencyScoped: true },
];
