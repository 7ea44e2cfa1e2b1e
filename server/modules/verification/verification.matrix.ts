import { eq } from 'drizzle-orm';
import { request } from '../../test-support/app.js';
import { staffMember, type MatrixEnv, type MatrixRow } from '../../test-support/matrix.js';
import { applications } from '../applications/applications.table.js';
import { ALL_MS, closedSelection, submittedApplication } from './verification.fixtures.js';
import { verificationChecks, verificationReasons } from './verification.table.js';

const readers = ['super_admin', 'admin_instansi', 'panitia', 'verifikator', 'pengawas'] as const;
const verifiers = ['verifikator'] as const;
const managers = ['super_admin', 'admin_instansi', 'panitia'] as const;
const staffOfAgency = ['admin_instansi', 'panitia', 'verifikator', 'pengawas'] as const;

const base = (agencyId: string) => `/api/agencies/${agencyId}/verification`;

/** The matrix's verifier account (held in agency A). */
async function matrixVerifierId(env: MatrixEnv): Promise<string> {
  const me = await request(env.ctx, env.cookieOf('verifikator'), { method: 'GET', url: '/api/auth/me' });
  return me.json().account.id as string;
}

/** A submitted application held by the matrix's verifier, optionally with every check MS. */
async function heldApplication(env: MatrixEnv, agencyId: string, options: { checked?: boolean; settings?: Record<string, unknown> } = {}) {
  const selection = options.settings ? await closedSelection(env.ctx, agencyId, { settings: options.settings }) : undefined;
  const { application } = await submittedApplication(env.ctx, { agencyId, ...(selection ? { selection } : {}) });
  const verifierId = await matrixVerifierId(env);
  await env.ctx.database.db.update(applications).set({ assignedVerifierId: verifierId, claimedAt: new Date() }).where(eq(applications.id, application.id));
  if (options.checked) {
    await env.ctx.database.db.insert(verificationChecks).values(ALL_MS.map((c) => ({ applicationId: application.id, agencyId, requirementKey: c.requirementKey, result: 'MS', verifierId })));
  }
  return application;
}

let code = 0;

export const rows: MatrixRow[] = [
  { method: 'GET', route: '/api/agencies/:agencyId/verification/queue', build: async (_e, a) => ({ url: `${base(a)}/queue?status=all&pageSize=5` }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/verification/filters',
    build: async (e, a) => {
      await submittedApplication(e.ctx, { agencyId: a });
      return { url: `${base(a)}/filters` };
    },
    allowed: readers,
    status: 200,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/verification/progress', build: async (_e, a) => ({ url: `${base(a)}/progress` }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/verification/assign',
    build: async (e, a) => ({ url: `${base(a)}/assign`, payload: { applicationIds: [(await submittedApplication(e.ctx, { agencyId: a })).application.id], verifierId: await staffMember(e, a) } }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/verification/decide-ms',
    build: async (e, a) => ({ url: `${base(a)}/decide-ms`, payload: { applicationIds: [(await heldApplication(e, a, { checked: true })).id] } }),
    allowed: verifiers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/verification/applications/:applicationId',
    build: async (e, a) => ({ url: `${base(a)}/applications/${(await submittedApplication(e.ctx, { agencyId: a })).application.id}` }),
    allowed: readers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/verification/applications/:applicationId/claim',
    build: async (e, a) => ({ url: `${base(a)}/applications/${(await submittedApplication(e.ctx, { agencyId: a })).application.id}/claim` }),
    allowed: verifiers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/verification/applications/:applicationId/release',
    build: async (e, a) => ({ url: `${base(a)}/applications/${(await heldApplication(e, a)).id}/release` }),
    allowed: [...verifiers, ...managers],
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'PUT',
    route: '/api/agencies/:agencyId/verification/applications/:applicationId/checks',
    build: async (e, a) => ({ url: `${base(a)}/applications/${(await heldApplication(e, a)).id}/checks`, payload: { checks: ALL_MS } }),
    allowed: verifiers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/verification/applications/:applicationId/confirm',
    build: async (e, a) => {
      const selection = await closedSelection(e.ctx, a, { settings: { fourEyes: true } });
      const { application } = await submittedApplication(e.ctx, { agencyId: a, selection });
      const first = await staffMember(e, a);
      await e.ctx.database.db.insert(verificationChecks).values({ applicationId: application.id, agencyId: a, requirementKey: 'doc:ktp', result: 'TMS', reasonCode: 'tidak_terbaca', verifierId: first });
      return { url: `${base(a)}/applications/${application.id}/confirm`, payload: { requirementKeys: ['doc:ktp'] } };
    },
    allowed: verifiers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/verification/applications/:applicationId/decision',
    build: async (e, a) => ({ url: `${base(a)}/applications/${(await heldApplication(e, a, { checked: true })).id}/decision`, payload: { decision: 'ms' } }),
    allowed: verifiers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/verification/applications/:applicationId/reopen',
    build: async (e, a) => {
      const application = await heldApplication(e, a, { checked: true });
      await e.ctx.database.db.update(applications).set({ status: 'ms', decidedAt: new Date(), decidedBy: application.assignedVerifierId }).where(eq(applications.id, application.id));
      return { url: `${base(a)}/applications/${application.id}/reopen`, payload: { reason: 'Ijazah perlu diperiksa ulang oleh verifikator.' } };
    },
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/verification/applications/:applicationId/documents/:key',
    build: async (e, a) => ({ url: `${base(a)}/applications/${(await submittedApplication(e.ctx, { agencyId: a })).application.id}/documents/ijazah` }),
    allowed: staffOfAgency,
    status: 200,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/verification/reasons', build: async (_e, a) => ({ url: `${base(a)}/reasons` }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/verification/reasons',
    build: async (_e, a) => ({ url: `${base(a)}/reasons`, payload: { code: `matriks_${++code}`, label: 'Alasan dari uji matriks' } }),
    allowed: managers,
    status: 201,
    agencyScoped: true,
  },
  {
    method: 'PATCH',
    route: '/api/agencies/:agencyId/verification/reasons/:reasonId',
    build: async (e, a) => {
      const [reason] = await e.ctx.database.db.insert(verificationReasons).values({ agencyId: a, code: `patch_${++code}`, label: 'Alasan untuk diubah' }).returning();
      return { url: `${base(a)}/reasons/${reason!.id}`, payload: { active: false } };
    },
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
];
