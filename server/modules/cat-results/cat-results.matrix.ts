import { createCatSetup, recordSkdScores } from '../../test-support/cat-factory.js';
import type { MatrixEnv, MatrixRow } from '../../test-support/matrix.js';

/** A scored participant of the agency in the path. */
async function scoredAttempt(env: MatrixEnv, agencyId: string) {
  const setup = await createCatSetup(env.ctx, { participants: 1, perSubtest: 1, agencyId });
  await recordSkdScores(env.ctx, setup, [[70, 90, 170]]);
  return `/api/agencies/${agencyId}/cat/results/${setup.people[0]!.attemptId}`;
}

export const rows: MatrixRow[] = [
  { method: 'GET', route: '/api/agencies/:agencyId/cat/results/:attemptId', build: async (env, a) => ({ url: await scoredAttempt(env, a) }), allowed: ['super_admin', 'admin_instansi', 'panitia', 'pengawas'], status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/cat/results/:attemptId/correction',
    build: async (env, a) => ({ url: `${await scoredAttempt(env, a)}/correction`, payload: { scores: { TWK: 75, TIU: 90, TKP: 170 }, reason: 'Soal TWK nomor 12 dianulir panitia karena kuncinya salah.' } }),
    allowed: ['admin_instansi', 'panitia'],
    status: 200,
    agencyScoped: true,
  },
];
