import type { Role } from '../../../core/roles.js';
import { createSelectionRow } from '../../test-support/factories.js';
import type { MatrixEnv, MatrixRow } from '../../test-support/matrix.js';
import { createBlueprintRow } from '../cat-blueprints/cat-blueprints.fixtures.js';

const readers: Role[] = ['super_admin', 'admin_instansi', 'panitia', 'pengawas'];
const planners: Role[] = ['super_admin', 'admin_instansi', 'panitia'];
const route = '/api/agencies/:agencyId/selections/:selectionId/cat-reports/:blueprintId';

async function reportUrl(e: MatrixEnv, agencyId: string) {
  const selection = await createSelectionRow(e.ctx, agencyId);
  const blueprint = await createBlueprintRow(e.ctx.database.db, selection);
  return `/api/agencies/${agencyId}/selections/${selection.id}/cat-reports/${blueprint.id}`;
}

export const rows: MatrixRow[] = [
  { method: 'GET', route, build: async (e, a) => ({ url: await reportUrl(e, a) }), allowed: readers, status: 200, agencyScoped: true },
  { method: 'GET', route: `${route}/items`, build: async (e, a) => ({ url: `${await reportUrl(e, a)}/items` }), allowed: planners, status: 200, agencyScoped: true },
  { method: 'GET', route: `${route}/export.xlsx`, build: async (e, a) => ({ url: `${await reportUrl(e, a)}/export.xlsx` }), allowed: readers, status: 200, agencyScoped: true },
];
