import type { MatrixRow } from '../../test-support/matrix.js';

export const rows: MatrixRow[] = [
  { method: 'GET', route: '/api/audit/verify', build: async (_e, a) => ({ url: `/api/audit/verify?agencyId=${a}` }), allowed: ['super_admin', 'admin_instansi', 'pengawas'], status: 200, agencyScoped: true },
  { method: 'GET', route: '/api/agencies/:agencyId/audit', build: async (_e, a) => ({ url: `/api/agencies/${a}/audit` }), allowed: ['super_admin', 'admin_instansi', 'pengawas'], status: 200, agencyScoped: true },
];
