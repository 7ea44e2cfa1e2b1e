import { request } from '../../test-support/app.js';
import type { MatrixEnv, MatrixRow } from '../../test-support/matrix.js';
import { closedSelection, submittedApplication } from '../verification/verification.fixtures.js';
import { decideDirectly, pendingSanggah, publishedStage, tmsInOpenWindow } from './sanggah.fixtures.js';

const readers = ['super_admin', 'admin_instansi', 'panitia', 'pengawas'] as const;
const panel = ['super_admin', 'admin_instansi', 'panitia'] as const;
const applicant = ['pelamar'] as const;

/** The matrix's applicant account. */
async function matrixApplicantId(env: MatrixEnv): Promise<string> {
  const me = await request(env.ctx, env.cookieOf('pelamar'), { method: 'GET', url: '/api/auth/me' });
  return me.json().account.id as string;
}

/** A round with every application decided, registration closed: ready to publish. */
async function decidedRound(env: MatrixEnv, agencyId: string) {
  const selection = await closedSelection(env.ctx, agencyId);
  const { application } = await submittedApplication(env.ctx, { agencyId, selection });
  await decideDirectly(env.ctx, application, []);
  return selection;
}

const resultUrl = (agencyId: string, selectionId: string) => `/api/agencies/${agencyId}/selections/${selectionId}/administrative-result`;

export const rows: MatrixRow[] = [
  { method: 'GET', route: '/api/agencies/:agencyId/administrative-results', build: async (_e, a) => ({ url: `/api/agencies/${a}/administrative-results` }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/selections/:selectionId/administrative-result',
    build: async (e, a) => ({ url: resultUrl(a, (await decidedRound(e, a)).id) }),
    allowed: readers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/selections/:selectionId/administrative-result/publish',
    build: async (e, a) => ({ url: `${resultUrl(a, (await decidedRound(e, a)).id)}/publish`, payload: {} }),
    allowed: panel,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/selections/:selectionId/administrative-result/publish-post-objection',
    build: async (e, a) => {
      const selection = await decidedRound(e, a);
      await publishedStage(e.ctx, selection, -1000);
      return { url: `${resultUrl(a, selection.id)}/publish-post-objection`, payload: {} };
    },
    allowed: panel,
    status: 200,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/sanggah', build: async (_e, a) => ({ url: `/api/agencies/${a}/sanggah?status=diajukan` }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/sanggah/:sanggahId',
    build: async (e, a) => ({ url: `/api/agencies/${a}/sanggah/${(await pendingSanggah(e.ctx, a)).sanggah.id}` }),
    allowed: readers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/sanggah/:sanggahId/accept',
    build: async (e, a) => ({ url: `/api/agencies/${a}/sanggah/${(await pendingSanggah(e.ctx, a)).sanggah.id}/accept`, payload: { answer: 'Ijazah sesuai kualifikasi.' } }),
    allowed: panel,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/sanggah/:sanggahId/reject',
    build: async (e, a) => ({ url: `/api/agencies/${a}/sanggah/${(await pendingSanggah(e.ctx, a)).sanggah.id}/reject`, payload: { answer: 'Ijazah tetap tidak sesuai kualifikasi formasi.' } }),
    allowed: panel,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/applicant/applications/:id/result',
    build: async (e, a) => ({ url: `/api/applicant/applications/${(await tmsInOpenWindow(e.ctx, a, await matrixApplicantId(e))).application.id}/result` }),
    allowed: applicant,
    status: 200,
    agencyScoped: false,
  },
  {
    method: 'POST',
    route: '/api/applicant/applications/:id/sanggah',
    build: async (e, a) => ({
      url: `/api/applicant/applications/${(await tmsInOpenWindow(e.ctx, a, await matrixApplicantId(e))).application.id}/sanggah`,
      payload: { reason: 'Ijazah saya S1 Informatika, sesuai kualifikasi formasi ini.', requirementKeys: ['doc:ijazah'] },
    }),
    allowed: applicant,
    status: 201,
    agencyScoped: false,
  },
];
