import type { MatrixEnv, MatrixRow } from '../../test-support/matrix.js';
import { insertFormasi, insertSelection } from '../selections/selections.fixtures.js';

const db = (e: MatrixEnv) => e.ctx.database.db;
async function publishedFormasi(e: MatrixEnv, a: string) {
  const selection = await insertSelection(db(e), a, { status: 'published' });
  return insertFormasi(db(e), selection);
}

export const rows: MatrixRow[] = [
  { method: 'GET', route: '/api/health', build: async () => ({ url: '/api/health' }), allowed: 'public', status: 200, agencyScoped: false },
  { method: 'GET', route: '/api/openapi.json', build: async () => ({ url: '/api/openapi.json' }), allowed: 'public', status: 200, agencyScoped: false },
  { method: 'GET', route: '/api/public/agencies', build: async () => ({ url: '/api/public/agencies' }), allowed: 'public', status: 200, agencyScoped: false },
  { method: 'GET', route: '/api/public/time', build: async () => ({ url: '/api/public/time' }), allowed: 'public', status: 200, agencyScoped: false },
  { method: 'GET', route: '/api/public/selections', build: async () => ({ url: '/api/public/selections' }), allowed: 'public', status: 200, agencyScoped: false },
  {
    method: 'GET',
    route: '/api/public/selections/:selectionId',
    build: async (e, a) => ({ url: `/api/public/selections/${(await publishedFormasi(e, a)).selectionId}` }),
    allowed: 'public',
    status: 200,
    agencyScoped: false,
  },
  { method: 'GET', route: '/api/public/formasi', build: async () => ({ url: '/api/public/formasi?q=pranata&level=S1' }), allowed: 'public', status: 200, agencyScoped: false },
  {
    method: 'GET',
    route: '/api/public/formasi/:formasiId',
    build: async (e, a) => ({ url: `/api/public/formasi/${(await publishedFormasi(e, a)).id}` }),
    allowed: 'public',
    status: 200,
    agencyScoped: false,
  },
];
