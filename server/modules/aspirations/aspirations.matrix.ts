import { and, eq } from 'drizzle-orm';
import type { MatrixRow } from '../../test-support/matrix.js';
import { makePdf, multipart } from '../files/files.fixtures.js';
import { createUnitRow } from '../organisation/organisation.fixtures.js';
import { forumRow, submitted } from './aspirations.fixtures.js';
import { submitAspiration } from './aspirations.service.js';
import { aspirationFiles, aspirations } from './aspirations.table.js';
import { receiveUpload } from '../files/files.service.js';
import { Readable } from 'node:stream';

const managers = ['super_admin', 'admin_instansi', 'panitia'] as const;
const readers = ['super_admin', 'admin_instansi', 'panitia', 'pengawas'] as const;
const base = (a: string) => `/api/agencies/${a}/aspirations`;
type Env = Parameters<MatrixRow['build']>[0];

async function aspirationId(e: Env, a: string, status: 'received' | 'answered' = 'received') {
  const receipt = await submitted(e.ctx, a);
  const [row] = await e.ctx.database.db.select().from(aspirations).where(and(eq(aspirations.agencyId, a), eq(aspirations.reference, receipt.reference)));
  if (status === 'answered') await e.ctx.database.db.update(aspirations).set({ status, answer: 'Sudah ditindaklanjuti.', answeredAt: new Date() }).where(eq(aspirations.id, row!.id));
  return row!.id;
}

async function withAttachment(e: Env, a: string) {
  const staged = await receiveUpload({ uploadDir: e.ctx.config.uploadDir, stream: Readable.from([await makePdf()]), fileName: 'bukti.pdf', kinds: ['pdf'], maxBytes: 1_000_000 });
  const receipt = await submitAspiration(
    { db: e.ctx.database.db, config: e.ctx.config },
    { staged: [staged], fields: { agencyId: a, category: 'sarana', subject: 'Atap ruang tunggu bocor', body: 'Atap ruang tunggu bocor setiap hujan dan membasahi kursi warga.', anonymous: true, name: null, email: null, phone: null, website: '' } },
  );
  const [row] = await e.ctx.database.db.select().from(aspirations).where(and(eq(aspirations.agencyId, a), eq(aspirations.reference, receipt.reference)));
  const [file] = await e.ctx.database.db.select().from(aspirationFiles).where(eq(aspirationFiles.aspirationId, row!.id));
  return `${base(a)}/${row!.id}/files/${file!.id}`;
}

const pastForum = (e: Env, a: string) => forumRow(e.ctx, a, { scheduledAt: new Date(Date.now() - 3_600_000) });

export const rows: MatrixRow[] = [
  { method: 'GET', route: '/api/agencies/:agencyId/aspirations', build: async (_e, a) => ({ url: base(a) }), allowed: readers, status: 200, agencyScoped: true },
  { method: 'GET', route: '/api/agencies/:agencyId/aspirations/summary', build: async (_e, a) => ({ url: `${base(a)}/summary` }), allowed: readers, status: 200, agencyScoped: true },
  { method: 'GET', route: '/api/agencies/:agencyId/aspirations/:aspirationId', build: async (e, a) => ({ url: `${base(a)}/${await aspirationId(e, a)}` }), allowed: readers, status: 200, agencyScoped: true },
  { method: 'GET', route: '/api/agencies/:agencyId/aspirations/:aspirationId/files/:fileId', build: async (e, a) => ({ url: await withAttachment(e, a) }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/aspirations/:aspirationId/route',
    build: async (e, a) => ({ url: `${base(a)}/${await aspirationId(e, a)}/route`, payload: { unitId: (await createUnitRow(e.ctx.database.db, a)).id } }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/aspirations/:aspirationId/answer',
    build: async (e, a) => ({ url: `${base(a)}/${await aspirationId(e, a)}/answer`, payload: { answer: 'Terima kasih, sudah kami tindak lanjuti.' } }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/aspirations/:aspirationId/close',
    build: async (e, a) => ({ url: `${base(a)}/${await aspirationId(e, a, 'answered')}/close`, payload: {} }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/aspirations/:aspirationId/notes',
    build: async (e, a) => ({ url: `${base(a)}/${await aspirationId(e, a)}/notes`, payload: { note: 'Dicek ke lapangan.' } }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/aspiration-settings', build: async (_e, a) => ({ url: `/api/agencies/${a}/aspiration-settings` }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'PUT',
    route: '/api/agencies/:agencyId/aspiration-settings',
    build: async (_e, a) => ({ url: `/api/agencies/${a}/aspiration-settings`, payload: { slaDays: 10 } }),
    allowed: ['super_admin', 'admin_instansi'],
    status: 200,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/forums', build: async (_e, a) => ({ url: `/api/agencies/${a}/forums` }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/forums',
    build: async (_e, a) => ({ url: `/api/agencies/${a}/forums`, payload: { title: 'Forum warga matriks', venue: 'Balai desa', scheduledAt: new Date(Date.now() + 86_400_000).toISOString() } }),
    allowed: managers,
    status: 201,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/forums/:forumId', build: async (e, a) => ({ url: `/api/agencies/${a}/forums/${(await forumRow(e.ctx, a)).id}` }), allowed: readers, status: 200, agencyScoped: true },
  {
    method: 'PATCH',
    route: '/api/agencies/:agencyId/forums/:forumId',
    build: async (e, a) => ({ url: `/api/agencies/${a}/forums/${(await forumRow(e.ctx, a)).id}`, payload: { venue: 'Aula kecamatan' } }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/forums/:forumId/minutes',
    build: async (e, a) => ({ url: `/api/agencies/${a}/forums/${(await pastForum(e, a)).id}/minutes`, payload: { minutes: 'Warga mengusulkan jam layanan diperpanjang.', attendees: 25 } }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/forums/:forumId/followups',
    build: async (e, a) => ({
      url: `/api/agencies/${a}/forums/${(await pastForum(e, a)).id}/followups`,
      payload: { category: 'kualitas_layanan', subject: 'Jam layanan diperpanjang', body: 'Usulan forum: jam layanan diperpanjang sampai pukul 16.00.' },
    }),
    allowed: managers,
    status: 201,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/public/aspirations',
    build: async (_e, a) =>
      ({
        url: '/api/public/aspirations',
        ...(await multipart({ agencyId: a, category: 'lainnya', subject: 'Usulan dari matriks', body: 'Usulan agar informasi jadwal seleksi diumumkan lebih awal.', anonymous: '1' })),
      }),
    allowed: 'public',
    status: 201,
    agencyScoped: false,
  },
  {
    method: 'POST',
    route: '/api/public/aspirations/track',
    build: async (e, a) => ({ url: '/api/public/aspirations/track', payload: { code: (await submitted(e.ctx, a)).trackingCode } }),
    allowed: 'public',
    status: 200,
    agencyScoped: false,
  },
  { method: 'GET', route: '/api/public/forums', build: async () => ({ url: '/api/public/forums' }), allowed: 'public', status: 200, agencyScoped: false },
];
