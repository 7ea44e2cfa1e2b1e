import { uniqueEmail } from '../../test-support/app.js';
import { staffMember, type MatrixRow } from '../../test-support/matrix.js';

const admins = ['super_admin', 'admin_instansi'] as const;

export const rows: MatrixRow[] = [
  { method: 'GET', route: '/api/agencies/:agencyId/staff', build: async (_e, a) => ({ url: `/api/agencies/${a}/staff` }), allowed: admins, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/staff',
    build: async (_e, a) => ({ url: `/api/agencies/${a}/staff`, payload: { email: uniqueEmail('staf'), name: 'Staf Matriks', roles: ['panitia'] } }),
    allowed: admins,
    status: 201,
    agencyScoped: true,
  },
  {
    method: 'PUT',
    route: '/api/agencies/:agencyId/staff/:accountId/roles',
    build: async (e, a) => ({ url: `/api/agencies/${a}/staff/${await staffMember(e, a)}/roles`, payload: { roles: ['penguji', 'pengawas'] } }),
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'DELETE',
    route: '/api/agencies/:agencyId/staff/:accountId',
    build: async (e, a) => ({ url: `/api/agencies/${a}/staff/${await staffMember(e, a)}` }),
    allowed: admins,
    status: 204,
    agencyScoped: true,
  },
];
