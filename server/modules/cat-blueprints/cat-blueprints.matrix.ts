import type { Role } from '../../../core/roles.js';
import { createSelectionRow } from '../../test-support/factories.js';
import type { MatrixEnv, MatrixRow } from '../../test-support/matrix.js';
import { createActiveQuestions, createBankRow } from '../cat-banks/cat-banks.fixtures.js';
import { createBlueprintRow } from './cat-blueprints.fixtures.js';

const readers: Role[] = ['super_admin', 'admin_instansi', 'panitia', 'pengawas'];
const managers: Role[] = ['super_admin', 'admin_instansi', 'panitia'];
const db = (e: MatrixEnv) => e.ctx.database.db;

/** A CPNS round with a bank of 3 active SKB questions; the URL base of its blueprints. */
async function round(e: MatrixEnv, agencyId: string) {
  const selection = await createSelectionRow(e.ctx, agencyId);
  const bank = await createBankRow(db(e), agencyId);
  await createActiveQuestions(db(e), bank, 'SKB', 3);
  const sections = [{ subtest: 'SKB', count: 3, bankIds: [bank.id] }];
  return { selection, sections, base: `/api/agencies/${agencyId}/selections/${selection.id}/blueprints` };
}
const withBlueprint = async (e: MatrixEnv, agencyId: string) => {
  const r = await round(e, agencyId);
  const blueprint = await createBlueprintRow(db(e), r.selection, { preset: 'skb', sections: r.sections });
  return { ...r, url: `${r.base}/${blueprint.id}` };
};
const body = (sections: unknown) => ({ name: 'CAT SKB Matriks', preset: 'skb', durationMinutes: 90, extraMinutes: { tunanetra: 30 }, sections, passRules: {} });

const route = '/api/agencies/:agencyId/selections/:selectionId/blueprints';

export const rows: MatrixRow[] = [
  { method: 'GET', route, build: async (e, a) => ({ url: (await round(e, a)).base }), allowed: readers, status: 200, agencyScoped: true },
  { method: 'GET', route: `${route}/options`, build: async (e, a) => ({ url: `${(await round(e, a)).base}/options` }), allowed: managers, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: `${route}/check`,
    build: async (e, a) => {
      const r = await round(e, a);
      return { url: `${r.base}/check`, payload: { sections: r.sections } };
    },
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route,
    build: async (e, a) => {
      const r = await round(e, a);
      return { url: r.base, payload: { ...body(r.sections), stageKey: 'skb' } };
    },
    allowed: managers,
    status: 201,
    agencyScoped: true,
  },
  { method: 'GET', route: `${route}/:blueprintId`, build: async (e, a) => ({ url: (await withBlueprint(e, a)).url }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'PUT',
    route: `${route}/:blueprintId`,
    build: async (e, a) => {
      const r = await withBlueprint(e, a);
      return { url: r.url, payload: body(r.sections) };
    },
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  { method: 'DELETE', route: `${route}/:blueprintId`, build: async (e, a) => ({ url: (await withBlueprint(e, a)).url }), allowed: managers, status: 204, agencyScoped: true },
];
