import type { MatrixRow } from '../../test-support/matrix.js';
import { makePdf, multipart } from '../files/files.fixtures.js';
import { draftAnnouncement, draftWithFile, publishedAnnouncement } from './announcements.fixtures.js';

const readers = ['super_admin', 'admin_instansi', 'panitia', 'pengawas'] as const;
const managers = ['super_admin', 'admin_instansi', 'panitia'] as const;
const base = (a: string) => `/api/agencies/${a}/announcements`;

async function pdfUpload(fields: Record<string, string> = {}) {
  const { payload, headers } = await multipart(fields, { name: 'lampiran.pdf', content: await makePdf(), type: 'application/pdf' });
  return { payload, headers };
}

export const rows: MatrixRow[] = [
  { method: 'GET', route: '/api/agencies/:agencyId/announcements', build: async (_e, a) => ({ url: base(a) }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/announcements',
    build: async (_e, a) => ({ url: base(a), payload: { title: 'Pengumuman matriks', body: 'Isi pengumuman.' } }),
    allowed: managers,
    status: 201,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/announcements/:announcementId',
    build: async (e, a) => ({ url: `${base(a)}/${(await draftAnnouncement(e.ctx, a)).id}` }),
    allowed: readers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'PATCH',
    route: '/api/agencies/:agencyId/announcements/:announcementId',
    build: async (e, a) => ({ url: `${base(a)}/${(await draftAnnouncement(e.ctx, a)).id}`, payload: { title: 'Judul diubah matriks' } }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'DELETE',
    route: '/api/agencies/:agencyId/announcements/:announcementId',
    build: async (e, a) => ({ url: `${base(a)}/${(await draftAnnouncement(e.ctx, a)).id}` }),
    allowed: managers,
    status: 204,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/announcements/:announcementId/files',
    build: async (e, a) => ({ url: `${base(a)}/${(await draftAnnouncement(e.ctx, a)).id}/files`, ...(await pdfUpload({ title: 'Lampiran matriks' })) }),
    allowed: managers,
    status: 201,
    agencyScoped: true,
  },
  {
    method: 'DELETE',
    route: '/api/agencies/:agencyId/announcements/:announcementId/files/:fileId',
    build: async (e, a) => {
      const { draft, attachmentId } = await draftWithFile(e.ctx, a);
      return { url: `${base(a)}/${draft.id}/files/${attachmentId}` };
    },
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/announcements/:announcementId/files/:fileId',
    build: async (e, a) => {
      const { announcement } = await publishedAnnouncement(e.ctx, a);
      return { url: `${base(a)}/${announcement.id}/files/${announcement.files[0]!.id}` };
    },
    allowed: readers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/announcements/:announcementId/publish',
    build: async (e, a) => ({ url: `${base(a)}/${(await draftAnnouncement(e.ctx, a)).id}/publish` }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/announcements/:announcementId/supersede',
    build: async (e, a) => ({ url: `${base(a)}/${(await publishedAnnouncement(e.ctx, a)).announcement.id}/supersede`, payload: {} }),
    allowed: managers,
    status: 201,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/public/announcements', build: async () => ({ url: '/api/public/announcements' }), allowed: 'public', status: 200, agencyScoped: false },
  { method: 'GET', route: '/api/public/announcements/verify', build: async () => ({ url: `/api/public/announcements/verify?sha256=${'ab'.repeat(32)}` }), allowed: 'public', status: 200, agencyScoped: false },
  { method: 'POST', route: '/api/public/announcements/verify', build: async () => ({ url: '/api/public/announcements/verify', ...(await pdfUpload()) }), allowed: 'public', status: 200, agencyScoped: false },
  {
    method: 'GET',
    route: '/api/public/announcements/:announcementId',
    build: async (e, a) => ({ url: `/api/public/announcements/${(await publishedAnnouncement(e.ctx, a)).announcement.id}` }),
    allowed: 'public',
    status: 200,
    agencyScoped: false,
  },
  {
    method: 'GET',
    route: '/api/public/announcements/:announcementId/files/:fileId',
    build: async (e, a) => {
      const { announcement } = await publishedAnnouncement(e.ctx, a);
      return { url: `/api/public/announcements/${announcement.id}/files/${announcement.files[0]!.id}` };
    },
    allowed: 'public',
    status: 200,
    agencyScoped: false,
  },
];
