import { eq } from 'drizzle-orm';
import { request, type TestContext } from '../../test-support/app.js';
import type { MatrixEnv, MatrixRow } from '../../test-support/matrix.js';
import { createSelectionRow } from '../../test-support/factories.js';
import { quickRound } from './results.fixtures.js';
import { finalObjections, finalResults, optimisationOffers, resultDisqualifications } from './results.table.js';
import { stageResults } from '../sanggah/sanggah.table.js';

const readers = ['super_admin', 'admin_instansi', 'panitia', 'pengawas'] as const;
const panel = ['super_admin', 'admin_instansi', 'panitia'] as const;
const applicant = ['pelamar'] as const;

const round = (agencyId: string, selectionId: string) => `/api/agencies/${agencyId}/selections/${selectionId}`;

async function matrixApplicantId(env: MatrixEnv): Promise<string> {
  const me = await request(env.ctx, env.cookieOf('pelamar'), { method: 'GET', url: '/api/auth/me' });
  return me.json().account.id as string;
}

/** For GET rows the same fixture serves every caller (nothing changes it). */
function once<T>(make: (env: MatrixEnv, agencyId: string) => Promise<T>) {
  const cache = new Map<string, Promise<T>>();
  return (env: MatrixEnv, agencyId: string) => {
    if (!cache.has(agencyId)) cache.set(agencyId, make(env, agencyId));
    return cache.get(agencyId)!;
  };
}

const bareRound = once(async (env, agencyId) => createSelectionRow(env.ctx, agencyId));
const publishedRound = once(async (env, agencyId) => quickRound(env.ctx, agencyId, { publish: 'akhir' }));
const postRound = once(async (env, agencyId) => quickRound(env.ctx, agencyId, { publish: 'post' }));
const applicantPublished = once(async (env, agencyId) => quickRound(env.ctx, agencyId, { accountId: await matrixApplicantId(env), publish: 'akhir' }));

async function letterCodeOf(ctx: TestContext, applicationId: string) {
  const [line] = await ctx.database.db.select().from(finalResults).where(eq(finalResults.applicationId, applicationId));
  return line!.letterCode;
}

async function pendingObjection(ctx: TestContext, agencyId: string) {
  const made = await quickRound(ctx, agencyId, { publish: 'akhir' });
  const [stage] = await ctx.database.db.select().from(stageResults).where(eq(stageResults.selectionId, made.selection.id));
  const [row] = await ctx.database.db
    .insert(finalObjections)
    .values({ agencyId, selectionId: made.selection.id, applicationId: made.application.id, stageResultId: stage!.id, item: 'ipk', claimedValue: 3.8, publishedValue: 3.3, reason: 'IPK pada ijazah saya 3,80, bukan 3,30 seperti yang tercatat.' })
    .returning();
  return row!;
}

const objectionsOnce = once((env, agencyId) => pendingObjection(env.ctx, agencyId));

export const rows: MatrixRow[] = [
  { method: 'GET', route: '/api/agencies/:agencyId/final-results', build: async (_e, a) => ({ url: `/api/agencies/${a}/final-results` }), allowed: readers, status: 200, agencyScoped: true },
  { method: 'GET', route: '/api/agencies/:agencyId/selections/:selectionId/final-result', build: async (e, a) => ({ url: `${round(a, (await bareRound(e, a)).id)}/final-result` }), allowed: readers, status: 200, agencyScoped: true },
  { method: 'GET', route: '/api/agencies/:agencyId/selections/:selectionId/final-result/ranking', build: async (e, a) => ({ url: `${round(a, (await bareRound(e, a)).id)}/final-result/ranking` }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/selections/:selectionId/final-result/publish',
    build: async (e, a) => ({ url: `${round(a, (await quickRound(e.ctx, a)).selection.id)}/final-result/publish`, payload: {} }),
    allowed: panel,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/selections/:selectionId/final-result/publish-post-objection',
    build: async (e, a) => ({ url: `${round(a, (await quickRound(e.ctx, a, { publish: 'closed' })).selection.id)}/final-result/publish-post-objection`, payload: {} }),
    allowed: panel,
    status: 200,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/selections/:selectionId/final-result/disqualifications', build: async (e, a) => ({ url: `${round(a, (await bareRound(e, a)).id)}/final-result/disqualifications` }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/selections/:selectionId/final-result/disqualifications',
    build: async (e, a) => {
      const made = await quickRound(e.ctx, a);
      return { url: `${round(a, made.selection.id)}/final-result/disqualifications`, payload: { applicationId: made.application.id, reason: 'Terbukti memalsukan ijazah.' } };
    },
    allowed: panel,
    status: 201,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/selections/:selectionId/final-result/disqualifications/:applicationId/undo',
    build: async (e, a) => {
      const made = await quickRound(e.ctx, a);
      await e.ctx.database.db.insert(resultDisqualifications).values({ agencyId: a, selectionId: made.selection.id, applicationId: made.application.id, reason: 'Dugaan joki.' });
      return { url: `${round(a, made.selection.id)}/final-result/disqualifications/${made.application.id}/undo`, payload: { reason: 'Dugaan tidak terbukti setelah diperiksa.' } };
    },
    allowed: panel,
    status: 200,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/selections/:selectionId/final-result/appointed.xlsx', build: async (e, a) => ({ url: `${round(a, (await postRound(e, a)).selection.id)}/final-result/appointed.xlsx` }), allowed: readers, status: 200, agencyScoped: true },
  { method: 'GET', route: '/api/agencies/:agencyId/selections/:selectionId/final-result/verification', build: async (e, a) => ({ url: `${round(a, (await publishedRound(e, a)).selection.id)}/final-result/verification` }), allowed: readers, status: 200, agencyScoped: true },
  { method: 'GET', route: '/api/agencies/:agencyId/selections/:selectionId/optimisation', build: async (e, a) => ({ url: `${round(a, (await bareRound(e, a)).id)}/optimisation` }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/selections/:selectionId/optimisation/start',
    build: async (e, a) => ({ url: `${round(a, (await quickRound(e.ctx, a, { places: 2, publish: 'post' })).selection.id)}/optimisation/start`, payload: { offerDays: 2 } }),
    allowed: panel,
    status: 200,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/final-objections', build: async (_e, a) => ({ url: `/api/agencies/${a}/final-objections?status=diajukan` }), allowed: readers, status: 200, agencyScoped: true },
  { method: 'GET', route: '/api/agencies/:agencyId/final-objections/:objectionId', build: async (e, a) => ({ url: `/api/agencies/${a}/final-objections/${(await objectionsOnce(e, a)).id}` }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/final-objections/:objectionId/accept',
    build: async (e, a) => ({ url: `/api/agencies/${a}/final-objections/${(await pendingObjection(e.ctx, a)).id}/accept`, payload: { answer: 'IPK pada ijazah memang 3,80.' } }),
    allowed: panel,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/final-objections/:objectionId/reject',
    build: async (e, a) => ({ url: `/api/agencies/${a}/final-objections/${(await pendingObjection(e.ctx, a)).id}/reject`, payload: { answer: 'Transkrip menunjukkan IPK 3,30.' } }),
    allowed: panel,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/applicant/applications/:id/final-result',
    build: async (e, a) => ({ url: `/api/applicant/applications/${(await applicantPublished(e, a)).application.id}/final-result` }),
    allowed: applicant,
    status: 200,
    agencyScoped: false,
  },
  {
    method: 'POST',
    route: '/api/applicant/applications/:id/final-objection',
    build: async (e, a) => ({
      url: `/api/applicant/applications/${(await quickRound(e.ctx, a, { accountId: await matrixApplicantId(e), publish: 'akhir' })).application.id}/final-objection`,
      payload: { item: 'ipk', claimedValue: 3.75, reason: 'IPK pada ijazah saya 3,75, bukan 3,30 seperti yang tercatat.' },
    }),
    allowed: applicant,
    status: 201,
    agencyScoped: false,
  },
  {
    method: 'GET',
    route: '/api/applicant/applications/:id/final-result/letter',
    build: async (e, a) => ({ url: `/api/applicant/applications/${(await applicantPublished(e, a)).application.id}/final-result/letter` }),
    allowed: applicant,
    status: 200,
    agencyScoped: false,
  },
  { method: 'GET', route: '/api/applicant/optimisation-offers', build: async () => ({ url: '/api/applicant/optimisation-offers' }), allowed: applicant, status: 200, agencyScoped: false },
  ...(['accept', 'decline'] as const).map(
    (verb): MatrixRow => ({
      method: 'POST',
      route: `/api/applicant/optimisation-offers/:offerId/${verb}`,
      build: async (e, a) => {
        const accountId = await matrixApplicantId(e);
        const made = await quickRound(e.ctx, a, { accountId });
        const [offer] = await e.ctx.database.db
          .insert(optimisationOffers)
          .values({ agencyId: a, selectionId: made.selection.id, applicationId: made.application.id, accountId, fromFormasiId: made.formasi.id, formasiId: made.formasi.id, basis: 'same_unit', offeredAt: new Date(), expiresAt: new Date(Date.now() + 86_400_000) })
          .returning();
        return { url: `/api/applicant/optimisation-offers/${offer!.id}/${verb}`, payload: {} };
      },
      allowed: applicant,
      status: 200,
      agencyScoped: false,
    }),
  ),
  {
    method: 'GET',
    route: '/api/public/final-results/:code',
    build: async (e, a) => ({ url: `/api/public/final-results/${await letterCodeOf(e.ctx, (await publishedRound(e, a)).application.id)}` }),
    allowed: 'public',
    status: 200,
    agencyScoped: false,
  },
];
