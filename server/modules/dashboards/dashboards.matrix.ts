import type { MatrixRow } from '../../test-support/matrix.js';

const readers = ['super_admin', 'admin_instansi', 'panitia', 'pengawas'] as const;
const base = (a: string, dashboard: string) => `/api/agencies/${a}/dashboards/${dashboard}`;

export const rows: MatrixRow[] = [
  { method: 'GET', route: '/api/agencies/:agencyId/dashboards/:dashboard', build: async (_e, a) => ({ url: base(a, 'rekrutmen') }), allowed: readers, status: 200, agencyScoped: true },
  { method: 'GET', route: '/api/agencies/:agencyId/dashboards/:dashboard/export.xlsx', build: async (_e, a) => ({ url: `${base(a, 'pasca-rekrutmen')}/export.xlsx` }), allowed: readers, status: 200, agencyScoped: true },
  { method: 'GET', route: '/api/agencies/:agencyId/dashboards/:dashboard/export.pdf', build: async (_e, a) => ({ url: `${base(a, 'kualitas-rekrutmen')}/export.pdf` }), allowed: readers, status: 200, agencyScoped: true },
  { method: 'GET', route: '/api/dashboards/:dashboard', build: async () => ({ url: '/api/dashboards/rekrutmen' }), allowed: ['super_admin'], status: 200, agencyScoped: false },
  { method: 'GET', route: '/api/dashboards/:dashboard/export.xlsx', build: async () => ({ url: '/api/dashboards/pasca-rekrutmen/export.xlsx' }), allowed: ['super_admin'], status: 200, agencyScoped: false },
  { method: 'GET', route: '/api/dashboards/:dashboard/export.pdf', build: async () => ({ url: '/api/dashboards/rekrutmen/export.pdf' }), allowed: ['super_admin'], status: 200, agencyScoped: false },
];
