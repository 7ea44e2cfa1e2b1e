import { eq } from 'drizzle-orm';
import { DEFAULT_SETTINGS, presetRubric } from '../../../core/panel-scoring.js';
import { createAccount, request, uniqueEmail } from '../../test-support/app.js';
import type { MatrixEnv, MatrixRow } from '../../test-support/matrix.js';
import { assignmentRow, componentRow, jptRound, levelsAt, scoreRow } from './panel-scores.fixtures.js';
import { panelAssignments, panelCandidates, panelComponents } from './panel-scores.table.js';

const readers = ['super_admin', 'admin_instansi', 'panitia', 'pengawas'] as const;
const panel = ['super_admin', 'admin_instansi', 'panitia'] as const;
const admins = ['super_admin', 'admin_instansi'] as const;
const assessor = ['penguji'] as const;

/** The matrix's penguji account (held in agency A). */
async function matrixAssessorId(env: MatrixEnv): Promise<string> {
  const me = await request(env.ctx, env.cookieOf('penguji'), { method: 'GET', url: '/api/auth/me' });
  return me.json().account.id as string;
}

const newAssessor = async (env: MatrixEnv, agencyId: string) => (await createAccount(env.ctx, { roles: [{ role: 'penguji', agencyId }], name: 'Penguji Matriks' })).id;

/** A JPT round with its interview configured (one assessor enough) and `candidates` candidates. */
async function interview(env: MatrixEnv, agencyId: string, candidates = 1) {
  const round = await jptRound(env.ctx, agencyId, { candidates });
  const component = await componentRow(env.ctx, { agencyId, selectionId: round.selection.id, settings: { minAssessors: 1 } });
  return { ...round, component };
}

/** An assignment on a fresh interview for `assessorId` (default: a new penguji of the agency). */
async function assigned(env: MatrixEnv, agencyId: string, options: { assessorId?: string; declared?: boolean; status?: string } = {}) {
  const made = await interview(env, agencyId);
  const assessorId = options.assessorId ?? (await newAssessor(env, agencyId));
  const assignment = await assignmentRow(env.ctx, { component: made.component, applicationId: made.candidates[0]!.id, assessorId, declared: options.declared ?? true });
  return { ...made, assignment };
}

/** A candidate with a locked interview score of 4 (as the lock would have left it). */
async function lockedCandidateUrl(env: MatrixEnv, agencyId: string) {
  const made = await assigned(env, agencyId);
  await scoreRow(env.ctx, made.assignment, levelsAt('wawancara', 4));
  await env.ctx.database.db.insert(panelCandidates).values({ componentId: made.component.id, applicationId: made.candidates[0]!.id, agencyId, score: '4.00', scoreExact: '4/1' });
  await env.ctx.database.db.update(panelComponents).set({ status: 'locked', lockedAt: new Date() }).where(eq(panelComponents.id, made.component.id));
  return `${componentUrl(agencyId, made.component.id)}/candidates/${made.candidates[0]!.id}`;
}

const componentUrl = (agencyId: string, componentId: string) => `/api/agencies/${agencyId}/panel-components/${componentId}`;
const mineUrl = (agencyId: string, assignmentId: string) => `/api/agencies/${agencyId}/my-panel-assignments/${assignmentId}`;
const interviewRubric = presetRubric('wawancara');

export const rows: MatrixRow[] = [
  { method: 'GET', route: '/api/agencies/:agencyId/panel-rounds', build: async (e, a) => (await interview(e, a), { url: `/api/agencies/${a}/panel-rounds` }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/selections/:selectionId/panel-components',
    build: async (e, a) => ({
      url: `/api/agencies/${a}/selections/${(await jptRound(e.ctx, a)).selection.id}/panel-components`,
      payload: { stageKey: 'wawancara', componentKey: null, ...interviewRubric, settings: DEFAULT_SETTINGS },
    }),
    allowed: panel,
    status: 201,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/panel-components/:componentId',
    build: async (e, a) => ({ url: componentUrl(a, (await interview(e, a)).component.id) }),
    allowed: readers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/panel-components/:componentId/export.xlsx',
    build: async (e, a) => ({ url: `${componentUrl(a, (await interview(e, a)).component.id)}/export.xlsx` }),
    allowed: readers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'PUT',
    route: '/api/agencies/:agencyId/panel-components/:componentId',
    build: async (e, a) => ({ url: componentUrl(a, (await interview(e, a)).component.id), payload: { ...interviewRubric, settings: { ...DEFAULT_SETTINGS, aggregation: 'median' } } }),
    allowed: panel,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/panel-components/:componentId/assignments',
    build: async (e, a) => {
      const made = await interview(e, a);
      return { url: `${componentUrl(a, made.component.id)}/assignments`, payload: { applicationIds: [made.candidates[0]!.id], assessorIds: [await newAssessor(e, a)] } };
    },
    allowed: panel,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/panel-assignments/:assignmentId/remove',
    build: async (e, a) => ({ url: `/api/agencies/${a}/panel-assignments/${(await assigned(e, a, { declared: false })).assignment.id}/remove`, payload: { reason: 'Penguji berhalangan pada jadwal ini.' } }),
    allowed: panel,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/panel-assignments/:assignmentId/replace',
    build: async (e, a) => {
      const made = await assigned(e, a);
      await e.ctx.database.db.update(panelAssignments).set({ status: 'conflict', conflictReason: 'Kerabat peserta.' }).where(eq(panelAssignments.id, made.assignment.id));
      return { url: `/api/agencies/${a}/panel-assignments/${made.assignment.id}/replace`, payload: { assessorId: await newAssessor(e, a) } };
    },
    allowed: panel,
    status: 201,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/panel-components/:componentId/candidates/:applicationId/absence',
    build: async (e, a) => {
      const made = await assigned(e, a, { assessorId: await matrixAssessorId(e) });
      return { url: `${componentUrl(a, made.component.id)}/candidates/${made.candidates[0]!.id}/absence`, payload: { absent: true, reason: 'Peserta tidak hadir pada jadwal.' } };
    },
    allowed: ['super_admin', 'admin_instansi', 'panitia', 'penguji'],
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/panel-components/:componentId/candidates/:applicationId/moderation',
    build: async (e, a) => {
      const made = await assigned(e, a);
      await scoreRow(e.ctx, made.assignment, levelsAt('wawancara', 4));
      return { url: `${componentUrl(a, made.component.id)}/candidates/${made.candidates[0]!.id}/moderation`, payload: { action: 'reopen', assignmentId: made.assignment.id, reason: 'Mohon tinjau kembali nilai kriteria integritas.' } };
    },
    allowed: panel,
    status: 201,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/panel-components/:componentId/lock',
    build: async (e, a) => {
      const made = await assigned(e, a);
      await scoreRow(e.ctx, made.assignment, levelsAt('wawancara', 4));
      return { url: `${componentUrl(a, made.component.id)}/lock` };
    },
    allowed: panel,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/panel-components/:componentId/candidates/:applicationId/corrections',
    build: async (e, a) => ({ url: `${await lockedCandidateUrl(e, a)}/corrections` }),
    allowed: readers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/panel-components/:componentId/candidates/:applicationId/correction',
    build: async (e, a) => ({ url: `${await lockedCandidateUrl(e, a)}/correction`, payload: { score: 4.5, reason: 'Berita acara: nilai salah salin dari lembar penguji.' } }),
    allowed: ['admin_instansi', 'panitia'],
    status: 200,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/panel-assessors', build: async (_e, a) => ({ url: `/api/agencies/${a}/panel-assessors` }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/panel-assessors',
    build: async (_e, a) => ({ url: `/api/agencies/${a}/panel-assessors`, payload: { email: uniqueEmail('praktisi'), name: 'Praktisi Matriks', kind: 'praktisi', institution: 'Asosiasi Profesi' } }),
    allowed: admins,
    status: 201,
    agencyScoped: true,
  },
  {
    method: 'PUT',
    route: '/api/agencies/:agencyId/panel-assessors/:accountId',
    build: async (e, a) => ({ url: `/api/agencies/${a}/panel-assessors/${await newAssessor(e, a)}`, payload: { kind: 'akademisi', institution: 'Universitas Matriks' } }),
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/my-panel-assignments', build: async (_e, a) => ({ url: `/api/agencies/${a}/my-panel-assignments` }), allowed: assessor, status: 200, agencyScoped: true },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/my-panel-assignments/:assignmentId',
    build: async (e, a) => ({ url: mineUrl(a, (await assigned(e, a, { assessorId: await matrixAssessorId(e) })).assignment.id) }),
    allowed: assessor,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/my-panel-assignments/:assignmentId/declaration',
    build: async (e, a) => ({ url: `${mineUrl(a, (await assigned(e, a, { assessorId: await matrixAssessorId(e), declared: false })).assignment.id)}/declaration`, payload: { conflict: false } }),
    allowed: assessor,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'PUT',
    route: '/api/agencies/:agencyId/my-panel-assignments/:assignmentId/score',
    build: async (e, a) => ({ url: `${mineUrl(a, (await assigned(e, a, { assessorId: await matrixAssessorId(e) })).assignment.id)}/score`, payload: { scores: levelsAt('wawancara', 4), note: '' } }),
    allowed: assessor,
    status: 200,
    agencyScoped: true,
  },
];
