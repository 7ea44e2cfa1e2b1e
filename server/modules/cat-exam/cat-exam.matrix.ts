import { request } from '../../test-support/app.js';
import { createCatSetup } from '../../test-support/cat-factory.js';
import type { MatrixEnv, MatrixExempt, MatrixRow } from '../../test-support/matrix.js';

/** A fresh open session with one attempt allocated to the matrix's applicant. */
async function ownAttempt(env: MatrixEnv) {
  const cookie = env.cookieOf('pelamar');
  const me = (await request(env.ctx, cookie, { method: 'GET', url: '/api/auth/me' })).json().account;
  const setup = await createCatSetup(env.ctx, { accounts: [{ account: { id: me.id, email: me.email }, cookie }], perSubtest: 1 });
  return setup;
}

const participant = ['pelamar'] as const;
const attemptUrl = async (env: MatrixEnv, suffix = '') => `/api/cat/attempts/${(await ownAttempt(env)).people[0]!.attemptId}${suffix}`;

export const rows: MatrixRow[] = [
  { method: 'GET', route: '/api/cat/my-attempts', build: async () => ({ url: '/api/cat/my-attempts' }), allowed: participant, status: 200, agencyScoped: false },
  { method: 'POST', route: '/api/cat/attempts/:id/check-in', build: async (env) => ({ url: await attemptUrl(env, '/check-in'), payload: { pin: '246810' } }), allowed: participant, status: 200, agencyScoped: false },
  // Without the device cookie of a check-in, starting is refused (409) — for the owner; others never get that far.
  { method: 'POST', route: '/api/cat/attempts/:id/start', build: async (env) => ({ url: await attemptUrl(env, '/start') }), allowed: participant, status: 409, agencyScoped: false },
  { method: 'GET', route: '/api/cat/attempts/:id', build: async (env) => ({ url: await attemptUrl(env) }), allowed: participant, status: 200, agencyScoped: false },
  {
    method: 'POST',
    route: '/api/cat/attempts/:id/answers',
    build: async (env) => {
      const setup = await ownAttempt(env);
      return { url: `/api/cat/attempts/${setup.people[0]!.attemptId}/answers`, payload: { answers: [{ questionId: setup.questions[0]!.id, optionId: 'a', seq: 1 }] } };
    },
    allowed: participant,
    status: 200,
    agencyScoped: false,
  },
  { method: 'POST', route: '/api/cat/attempts/:id/events', build: async (env) => ({ url: await attemptUrl(env, '/events'), payload: { events: [{ kind: 'tab_hidden', at: new Date().toISOString() }] } }), allowed: participant, status: 204, agencyScoped: false },
  { method: 'POST', route: '/api/cat/attempts/:id/finish', build: async (env) => ({ url: await attemptUrl(env, '/finish') }), allowed: participant, status: 409, agencyScoped: false },
  // Not started: no image is served (404) — to the owner; others are refused first.
  { method: 'GET', route: '/api/cat/attempts/:id/images/:fileId', build: async (env) => ({ url: await attemptUrl(env, '/images/00000000-0000-4000-8000-000000000000') }), allowed: participant, status: 404, agencyScoped: false },
  { method: 'GET', route: '/api/cat/attempts/:id/result', build: async (env) => ({ url: await attemptUrl(env, '/result') }), allowed: participant, status: 200, agencyScoped: false },
  { method: 'GET', route: '/api/public/cat/board', build: async (env) => ({ url: `/api/public/cat/board?session=${(await ownAttempt(env)).session.id}` }), allowed: 'public', status: 200, agencyScoped: false },
];

export const exempt: MatrixExempt[] = [{ method: 'GET', route: '/api/public/cat/board/stream', why: 'an endless event stream for anyone (cat-exam.test.ts reads it)' }];

const skdBase = async (env: MatrixEnv, agencyId: string, own = false) => {
  const setup = await createCatSetup(env.ctx, { participants: 1, perSubtest: 1, ...(own ? { agencyId } : {}) });
  return { url: `/api/agencies/${agencyId}/selections/${setup.selection.id}/blueprints/${setup.blueprint.id}/skd-result` };
};
rows.push(
  { method: 'GET', route: '/api/agencies/:agencyId/selections/:selectionId/blueprints/:blueprintId/skd-result', build: async (env, a) => ({ url: (await skdBase(env, a, true)).url }), allowed: ['super_admin', 'admin_instansi', 'panitia', 'pengawas'], status: 200, agencyScoped: true },
  // The round belongs to another agency than the one in the path: the panel gets 404 (not found in its agency) — after the permission check that others fail.
  { method: 'POST', route: '/api/agencies/:agencyId/selections/:selectionId/blueprints/:blueprintId/skd-result/publish', build: async (env, a) => ({ url: `${(await skdBase(env, a)).url}/publish` }), allowed: ['super_admin', 'admin_instansi', 'panitia'], status: 404, agencyScoped: true },
);
