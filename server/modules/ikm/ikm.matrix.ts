import type { MatrixRow } from '../../test-support/matrix.js';
import { planRow, respond, submission, surveyRow } from './ikm.fixtures.js';

const managers = ['super_admin', 'admin_instansi'] as const;
const readers = ['super_admin', 'admin_instansi', 'pengawas'] as const;
const base = (a: string) => `/api/agencies/${a}/ikm`;

let counter = 0;
/** A survey in its own period, so rows never collide on (unit, period). */
const survey = (e: Parameters<MatrixRow['build']>[0], a: string, status: 'draft' | 'open' | 'closed' = 'open') =>
  surveyRow(e.ctx, a, { status, year: 2040 + (++counter % 50), kind: 'triwulan', number: (counter % 4) + 1 });

async function planOf(e: Parameters<MatrixRow['build']>[0], a: string) {
  const s = await survey(e, a);
  return (await planRow(e.ctx, a, s.id)).id;
}

/** A closed survey with one respondent: a period that can be published. */
async function publishablePeriod(e: Parameters<MatrixRow['build']>[0], a: string) {
  const s = await survey(e, a);
  await respond(e.ctx, s.id, [[3, 3, 3, 3, 3, 3, 3, 3, 4]]);
  await e.ctx.database.query(`UPDATE ikm_surveys SET status = 'closed' WHERE agency_id = $1 AND period_key = $2`, [a, s.periodKey]);
  return s.periodKey;
}

export const rows: MatrixRow[] = [
  { method: 'GET', route: '/api/agencies/:agencyId/ikm/surveys', build: async (_e, a) => ({ url: `${base(a)}/surveys` }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/ikm/surveys',
    build: async (e, a) => {
      const unitId = (await survey(e, a)).unitId;
      return { url: `${base(a)}/surveys`, payload: { unitId, serviceName: 'Layanan matriks', periodYear: 2030, periodKind: 'tahunan', periodNumber: 1, population: 100 } };
    },
    allowed: managers,
    status: 201,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/ikm/surveys/:surveyId', build: async (e, a) => ({ url: `${base(a)}/surveys/${(await survey(e, a)).id}` }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'PATCH',
    route: '/api/agencies/:agencyId/ikm/surveys/:surveyId',
    build: async (e, a) => ({ url: `${base(a)}/surveys/${(await survey(e, a)).id}`, payload: { population: 250 } }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  { method: 'POST', route: '/api/agencies/:agencyId/ikm/surveys/:surveyId/open', build: async (e, a) => ({ url: `${base(a)}/surveys/${(await survey(e, a, 'draft')).id}/open` }), allowed: managers, status: 200, agencyScoped: true },
  { method: 'POST', route: '/api/agencies/:agencyId/ikm/surveys/:surveyId/close', build: async (e, a) => ({ url: `${base(a)}/surveys/${(await survey(e, a)).id}/close` }), allowed: managers, status: 200, agencyScoped: true },
  { method: 'GET', route: '/api/agencies/:agencyId/ikm/surveys/:surveyId/qr.png', build: async (e, a) => ({ url: `${base(a)}/surveys/${(await survey(e, a)).id}/qr.png` }), allowed: readers, status: 200, agencyScoped: true },
  { method: 'GET', route: '/api/agencies/:agencyId/ikm/surveys/:surveyId/suggestions', build: async (e, a) => ({ url: `${base(a)}/surveys/${(await survey(e, a)).id}/suggestions` }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/ikm/surveys/:surveyId/plans',
    build: async (e, a) => ({ url: `${base(a)}/surveys/${(await survey(e, a)).id}/plans`, payload: { element: 7, action: 'Pelatihan pelayanan prima', owner: 'Kepala Seksi', dueDate: '2099-06-30' } }),
    allowed: managers,
    status: 201,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/ikm/plans', build: async (_e, a) => ({ url: `${base(a)}/plans` }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'PATCH',
    route: '/api/agencies/:agencyId/ikm/plans/:planId',
    build: async (e, a) => ({ url: `${base(a)}/plans/${await planOf(e, a)}`, payload: { status: 'in_progress' } }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/ikm/periods', build: async (_e, a) => ({ url: `${base(a)}/periods` }), allowed: readers, status: 200, agencyScoped: true },
  { method: 'GET', route: '/api/agencies/:agencyId/ikm/periods/:periodKey', build: async (e, a) => ({ url: `${base(a)}/periods/${(await survey(e, a)).periodKey}` }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/ikm/periods/:periodKey/report.pdf',
    build: async (e, a) => ({ url: `${base(a)}/periods/${(await survey(e, a)).periodKey}/report.pdf` }),
    allowed: readers,
    status: 200,
    agencyScoped: true,
  },
  { method: 'POST', route: '/api/agencies/:agencyId/ikm/periods/:periodKey/publish', build: async (e, a) => ({ url: `${base(a)}/periods/${await publishablePeriod(e, a)}/publish` }), allowed: managers, status: 201, agencyScoped: true },
  { method: 'GET', route: '/api/public/ikm/surveys/:surveyId', build: async (e, a) => ({ url: `/api/public/ikm/surveys/${(await survey(e, a)).id}` }), allowed: 'public', status: 200, agencyScoped: false },
  {
    method: 'POST',
    route: '/api/public/ikm/surveys/:surveyId/responses',
    build: async (e, a) => ({ url: `/api/public/ikm/surveys/${(await survey(e, a)).id}/responses`, payload: submission([4, 3, 4, 3, 4, 3, 4, 3, 4]) }),
    allowed: 'public',
    status: 201,
    agencyScoped: false,
  },
];
