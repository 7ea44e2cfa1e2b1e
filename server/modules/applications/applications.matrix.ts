import { eq } from 'drizzle-orm';
import { request } from '../../test-support/app.js';
import { attachDocumentRow, createFormasiRow, createSelectionRow, profileFor } from '../../test-support/factories.js';
import type { MatrixEnv, MatrixRow } from '../../test-support/matrix.js';
import { makePdf, multipart } from '../files/files.fixtures.js';
import { applications } from './applications.table.js';

/** The matrix's applicant with a profile and a ready draft in a fresh open round of the given agency. */
async function ownDraft(env: MatrixEnv, agencyId: string) {
  const cookie = env.cookieOf('pelamar');
  const profile = await request(env.ctx, cookie, { method: 'GET', url: '/api/applicant/profile' });
  if (profile.statusCode === 404) await request(env.ctx, cookie, { method: 'PUT', url: '/api/applicant/profile', payload: profileFor() });
  const selection = await createSelectionRow(env.ctx, agencyId, { year: 2000 + Math.floor(Math.random() * 90) });
  const formasi = await createFormasiRow(env.ctx, selection);
  const created = await request(env.ctx, cookie, { method: 'POST', url: '/api/applicant/applications', payload: { formasiId: formasi.id } });
  const id = created.json().application.id as string;
  const [row] = await env.ctx.database.db.select().from(applications).where(eq(applications.id, id));
  await attachDocumentRow(env.ctx, row!, 'ktp');
  await attachDocumentRow(env.ctx, row!, 'ijazah');
  return { id, formasiId: formasi.id, selection };
}

const applicantOnly = ['pelamar'] as const;

export const rows: MatrixRow[] = [
  { method: 'PUT', route: '/api/applicant/profile', build: async () => ({ url: '/api/applicant/profile', payload: profileFor({ nik: '3273011505000999' }) }), allowed: applicantOnly, status: 200, agencyScoped: false },
  {
    method: 'GET',
    route: '/api/applicant/profile',
    build: async (env) => {
      await request(env.ctx, env.cookieOf('pelamar'), { method: 'PUT', url: '/api/applicant/profile', payload: profileFor({ nik: '3273011505000999' }) });
      return { url: '/api/applicant/profile' };
    },
    allowed: applicantOnly,
    status: 200,
    agencyScoped: false,
  },
  { method: 'GET', route: '/api/applicant/applications', build: async () => ({ url: '/api/applicant/applications' }), allowed: applicantOnly, status: 200, agencyScoped: false },
  {
    method: 'POST',
    route: '/api/applicant/applications',
    build: async (env, agencyId) => {
      const selection = await createSelectionRow(env.ctx, agencyId, { year: 2100 + Math.floor(Math.random() * 800) });
      return { url: '/api/applicant/applications', payload: { formasiId: (await createFormasiRow(env.ctx, selection)).id } };
    },
    allowed: applicantOnly,
    status: 201,
    agencyScoped: false,
  },
  { method: 'GET', route: '/api/applicant/applications/:id', build: async (env, a) => ({ url: `/api/applicant/applications/${(await ownDraft(env, a)).id}` }), allowed: applicantOnly, status: 200, agencyScoped: false },
  {
    method: 'PATCH',
    route: '/api/applicant/applications/:id',
    build: async (env, a) => {
      const draft = await ownDraft(env, a);
      return { url: `/api/applicant/applications/${draft.id}`, payload: { formasiId: (await createFormasiRow(env.ctx, draft.selection)).id } };
    },
    allowed: applicantOnly,
    status: 200,
    agencyScoped: false,
  },
  { method: 'DELETE', route: '/api/applicant/applications/:id', build: async (env, a) => ({ url: `/api/applicant/applications/${(await ownDraft(env, a)).id}` }), allowed: applicantOnly, status: 204, agencyScoped: false },
  { method: 'POST', route: '/api/applicant/applications/:id/submit', build: async (env, a) => ({ url: `/api/applicant/applications/${(await ownDraft(env, a)).id}/submit` }), allowed: applicantOnly, status: 200, agencyScoped: false },
  {
    method: 'PUT',
    route: '/api/applicant/applications/:id/documents/:key',
    build: async (env, a) => {
      const body = await multipart({}, { name: 'ijazah.pdf', content: await makePdf() });
      return { url: `/api/applicant/applications/${(await ownDraft(env, a)).id}/documents/ijazah`, payload: body.payload, headers: body.headers };
    },
    allowed: applicantOnly,
    status: 200,
    agencyScoped: false,
  },
  { method: 'DELETE', route: '/api/applicant/applications/:id/documents/:key', build: async (env, a) => ({ url: `/api/applicant/applications/${(await ownDraft(env, a)).id}/documents/ktp` }), allowed: applicantOnly, status: 204, agencyScoped: false },
  {
    method: 'GET',
    route: '/api/applicant/applications/:id/documents/:key',
    build: async (env, a) => {
      const { id } = await ownDraft(env, a);
      const body = await multipart({}, { name: 'ijazah.pdf', content: await makePdf() });
      await request(env.ctx, env.cookieOf('pelamar'), { method: 'PUT', url: `/api/applicant/applications/${id}/documents/ijazah`, payload: body.payload, headers: body.headers });
      return { url: `/api/applicant/applications/${id}/documents/ijazah` };
    },
    allowed: applicantOnly,
    status: 200,
    agencyScoped: false,
  },
  {
    method: 'GET',
    route: '/api/applicant/applications/:id/card.pdf',
    build: async (env, a) => {
      const { id } = await ownDraft(env, a);
      return { url: `/api/applicant/applications/${id}/card.pdf` };
    },
    allowed: applicantOnly,
    // A draft has no card yet: the applicant gets 409, everyone else 403 before that.
    status: 409,
    agencyScoped: false,
  },
  {
    method: 'GET',
    route: '/api/public/registrations/:number',
    build: async () => ({ url: '/api/public/registrations/CPNS2026-X-0000001?t=AAAAAAAAAAAAAAAAAAAAAA' }),
    allowed: 'public',
    status: 404,
    agencyScoped: false,
  },
];
