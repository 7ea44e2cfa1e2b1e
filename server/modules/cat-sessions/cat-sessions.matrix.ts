import { request } from '../../test-support/app.js';
import type { MatrixEnv, MatrixRow } from '../../test-support/matrix.js';
import { createAttemptRow, createParticipant, createRound, createSessionRow, createVenueRow } from './cat-sessions.fixtures.js';

const readers = ['super_admin', 'admin_instansi', 'panitia', 'pengawas'] as const;
const managers = ['super_admin', 'admin_instansi', 'panitia'] as const;
// The console shows the session PIN and applicants' photos: the agency's own staff only.
const proctors = ['admin_instansi', 'panitia'] as const;
const applicantOnly = ['pelamar'] as const;

const base = (agencyId: string) => `/api/agencies/${agencyId}/cat`;
const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

/** A round with one room and one session in it (scheduled 1 h ahead, or open). */
async function roundWithSession(env: MatrixEnv, agencyId: string, status: 'scheduled' | 'open' = 'scheduled') {
  const round = await createRound(env.ctx, agencyId);
  const { rooms } = await createVenueRow(env.ctx, agencyId, [5]);
  const session = await createSessionRow(env.ctx, round, rooms[0]!.id, 1, 'Sesi Matriks', status);
  return { round, session };
}

/** A seated participant of an open session (started when `active`). */
async function seated(env: MatrixEnv, agencyId: string, options: { active?: boolean; photo?: boolean } = {}) {
  const { round, session } = await roundWithSession(env, agencyId, 'open');
  const { attempt } = await createAttemptRow(env.ctx, round, { formasiId: round.formasi.umum.id, sessionId: session.id, seat: 1, ...options });
  return { round, session, attempt };
}

/** The matrix's applicant account (national role). */
async function applicantId(env: MatrixEnv): Promise<string> {
  const me = await request(env.ctx, env.cookieOf('pelamar'), { method: 'GET', url: '/api/auth/me' });
  return me.json().account.id as string;
}

export const rows: MatrixRow[] = [
  { method: 'GET', route: '/api/agencies/:agencyId/cat/venues', build: async (_e, a) => ({ url: `${base(a)}/venues` }), allowed: readers, status: 200, agencyScoped: true },
  { method: 'POST', route: '/api/agencies/:agencyId/cat/venues', build: async (_e, a) => ({ url: `${base(a)}/venues`, payload: { name: 'Gedung Matriks', address: '' } }), allowed: managers, status: 201, agencyScoped: true },
  {
    method: 'PUT',
    route: '/api/agencies/:agencyId/cat/venues/:venueId',
    build: async (e, a) => ({ url: `${base(a)}/venues/${(await createVenueRow(e.ctx, a)).venue.id}`, payload: { name: 'Gedung Diubah' } }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'DELETE',
    route: '/api/agencies/:agencyId/cat/venues/:venueId',
    build: async (e, a) => ({ url: `${base(a)}/venues/${(await createVenueRow(e.ctx, a)).venue.id}` }),
    allowed: managers,
    status: 204,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/cat/venues/:venueId/rooms',
    build: async (e, a) => ({ url: `${base(a)}/venues/${(await createVenueRow(e.ctx, a, [])).venue.id}/rooms`, payload: { name: 'Lab 1', seats: 30 } }),
    allowed: managers,
    status: 201,
    agencyScoped: true,
  },
  {
    method: 'PUT',
    route: '/api/agencies/:agencyId/cat/rooms/:roomId',
    build: async (e, a) => ({ url: `${base(a)}/rooms/${(await createVenueRow(e.ctx, a)).rooms[0]!.id}`, payload: { name: 'Lab 2', seats: 20 } }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'DELETE',
    route: '/api/agencies/:agencyId/cat/rooms/:roomId',
    build: async (e, a) => ({ url: `${base(a)}/rooms/${(await createVenueRow(e.ctx, a)).rooms[0]!.id}` }),
    allowed: managers,
    status: 204,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/cat/stages', build: async (_e, a) => ({ url: `${base(a)}/stages` }), allowed: readers, status: 200, agencyScoped: true },
  { method: 'GET', route: '/api/agencies/:agencyId/cat/sessions', build: async (_e, a) => ({ url: `${base(a)}/sessions` }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/cat/sessions',
    build: async (e, a) => {
      const round = await createRound(e.ctx, a);
      const { rooms } = await createVenueRow(e.ctx, a);
      return { url: `${base(a)}/sessions`, payload: { blueprintId: round.blueprint.id, roomId: rooms[0]!.id, name: 'Sesi Matriks', startsAt: inHours(24) } };
    },
    allowed: managers,
    status: 201,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/cat/sessions/:sessionId',
    build: async (e, a) => ({ url: `${base(a)}/sessions/${(await roundWithSession(e, a)).session.id}` }),
    allowed: readers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'PUT',
    route: '/api/agencies/:agencyId/cat/sessions/:sessionId',
    build: async (e, a) => {
      const { session } = await roundWithSession(e, a);
      return { url: `${base(a)}/sessions/${session.id}`, payload: { roomId: session.roomId, name: 'Sesi Diubah', startsAt: inHours(2) } };
    },
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'DELETE',
    route: '/api/agencies/:agencyId/cat/sessions/:sessionId',
    build: async (e, a) => ({ url: `${base(a)}/sessions/${(await roundWithSession(e, a)).session.id}` }),
    allowed: managers,
    status: 204,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/cat/allocations/:blueprintId',
    build: async (e, a) => ({ url: `${base(a)}/allocations/${(await roundWithSession(e, a)).round.blueprint.id}` }),
    allowed: readers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/cat/allocations/:blueprintId',
    build: async (e, a) => ({ url: `${base(a)}/allocations/${(await roundWithSession(e, a)).round.blueprint.id}`, payload: {} }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'PUT',
    route: '/api/agencies/:agencyId/cat/attempts/:attemptId/need',
    build: async (e, a) => {
      const { round, session } = await roundWithSession(e, a);
      const { attempt } = await createAttemptRow(e.ctx, round, { formasiId: round.formasi.umum.id, sessionId: session.id, seat: 1 });
      return { url: `${base(a)}/attempts/${attempt.id}/need`, payload: { need: 'tunanetra' } };
    },
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/cat/attempts/:attemptId/move',
    build: async (e, a) => {
      const { round, session } = await roundWithSession(e, a);
      const { attempt } = await createAttemptRow(e.ctx, round, { formasiId: round.formasi.umum.id, sessionId: session.id, seat: 1 });
      return { url: `${base(a)}/attempts/${attempt.id}/move`, payload: { sessionId: session.id, seat: 2, reason: 'Pindah kursi matriks' } };
    },
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/cat/sessions/:sessionId/list.pdf',
    build: async (e, a) => ({ url: `${base(a)}/sessions/${(await seated(e, a)).session.id}/list.pdf` }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/cat/sessions/:sessionId/list.xlsx',
    build: async (e, a) => ({ url: `${base(a)}/sessions/${(await seated(e, a)).session.id}/list.xlsx` }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/cat/sessions/:sessionId/console',
    build: async (e, a) => ({ url: `${base(a)}/sessions/${(await seated(e, a)).session.id}/console` }),
    allowed: proctors,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/cat/sessions/:sessionId/open',
    build: async (e, a) => ({ url: `${base(a)}/sessions/${(await roundWithSession(e, a)).session.id}/open` }),
    allowed: proctors,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/cat/sessions/:sessionId/pin',
    build: async (e, a) => ({ url: `${base(a)}/sessions/${(await roundWithSession(e, a, 'open')).session.id}/pin` }),
    allowed: proctors,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/cat/sessions/:sessionId/identity',
    build: async (e, a) => ({ url: `${base(a)}/sessions/${(await seated(e, a)).session.id}/identity`, payload: { all: true } }),
    allowed: proctors,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/cat/sessions/:sessionId/extra-time',
    build: async (e, a) => ({ url: `${base(a)}/sessions/${(await seated(e, a, { active: true })).session.id}/extra-time`, payload: { seconds: 120, reason: 'Gangguan jaringan ruang' } }),
    allowed: proctors,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/cat/sessions/:sessionId/attempts/:attemptId/device-reset',
    build: async (e, a) => {
      const { session, attempt } = await seated(e, a, { active: true });
      return { url: `${base(a)}/sessions/${session.id}/attempts/${attempt.id}/device-reset`, payload: { reason: 'Komputer rusak' } };
    },
    allowed: proctors,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/cat/sessions/:sessionId/attempts/:attemptId/events',
    build: async (e, a) => {
      const { session, attempt } = await seated(e, a);
      return { url: `${base(a)}/sessions/${session.id}/attempts/${attempt.id}/events` };
    },
    allowed: proctors,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/cat/sessions/:sessionId/attempts/:attemptId/photo',
    build: async (e, a) => {
      const { session, attempt } = await seated(e, a, { photo: true });
      return { url: `${base(a)}/sessions/${session.id}/attempts/${attempt.id}/photo` };
    },
    allowed: proctors,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/cat/sessions/:sessionId/close',
    build: async (e, a) => ({ url: `${base(a)}/sessions/${(await roundWithSession(e, a, 'open')).session.id}/close` }),
    allowed: proctors,
    status: 200,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/applicant/cat', build: async () => ({ url: '/api/applicant/cat' }), allowed: applicantOnly, status: 200, agencyScoped: false },
  {
    method: 'PUT',
    route: '/api/applicant/applications/:id/cat-venue',
    build: async (e, a) => {
      const { round } = await roundWithSession(e, a);
      const { application } = await createParticipant(e.ctx, round, { formasiId: round.formasi.umum.id, accountId: await applicantId(e) });
      return { url: `/api/applicant/applications/${application.id}/cat-venue`, payload: { venueId: null } };
    },
    allowed: applicantOnly,
    status: 204,
    agencyScoped: false,
  },
  {
    method: 'GET',
    route: '/api/applicant/cat/attempts/:attemptId/card.pdf',
    build: async (e, a) => {
      const { round, session } = await roundWithSession(e, a);
      const { attempt } = await createAttemptRow(e.ctx, round, { formasiId: round.formasi.umum.id, sessionId: session.id, seat: 1, accountId: await applicantId(e) });
      return { url: `/api/applicant/cat/attempts/${attempt.id}/card.pdf` };
    },
    allowed: applicantOnly,
    status: 200,
    agencyScoped: false,
  },
  {
    method: 'GET',
    route: '/api/public/cat-cards/:attemptId',
    build: async () => ({ url: `/api/public/cat-cards/00000000-0000-4000-8000-000000000000?t=${'A'.repeat(22)}` }),
    allowed: 'public',
    status: 404,
    agencyScoped: false,
  },
];
