import type { Role } from '../../../core/roles.js';
import type { MatrixEnv, MatrixRow } from '../../test-support/matrix.js';
import { multipartFile, workbookBuffer } from '../organisation/organisation.fixtures.js';
import { createBankRow, createQuestionRow, pngImage, questionWithImages, twkBody } from './cat-banks.fixtures.js';

const planners: Role[] = ['super_admin', 'admin_instansi', 'panitia'];
const managers: Role[] = ['admin_instansi', 'panitia'];

const db = (e: MatrixEnv) => e.ctx.database.db;

let importFile: Promise<{ payload: Buffer; headers: Record<string, string> }> | undefined;
const importBody = () =>
  (importFile ??= workbookBuffer({
    Soal: [
      ['No', 'Subtes', 'Topik', 'Teks Soal', 'Pilihan A', 'Pilihan B', 'Pilihan C', 'Kunci'],
      [1, 'TIU', 'Deret', 'Lanjutan deret 2, 4, 8, 16 adalah …', '24', '32', '30', 'B'],
    ],
  }).then((buffer) => multipartFile(buffer, 'soal.xlsx')));

let image: Promise<{ payload: Buffer; headers: Record<string, string> }> | undefined;
const imageBody = () => (image ??= pngImage('#aa3300').then((png) => multipartFile(png, 'gambar.png', 'image/png')));

type Target = { base: string; agencyId: string | null };
type Spec = {
  method: MatrixRow['method'];
  path: string;
  status: number;
  /** Who may call it in an agency's scope (the national scope: the super admin only). */
  allowed: Role[];
  build: (e: MatrixEnv, target: Target) => Promise<{ url: string; payload?: unknown; headers?: Record<string, string> }>;
};

const bank = (e: MatrixEnv, t: Target) => createBankRow(db(e), t.agencyId);
const question = async (e: MatrixEnv, t: Target) => {
  const b = await bank(e, t);
  return { b, q: await createQuestionRow(db(e), b) };
};
const withImages = async (e: MatrixEnv, t: Target) => {
  const b = await bank(e, t);
  return { b, q: await questionWithImages(db(e), e.ctx.config.uploadDir, b) };
};

const specs: Spec[] = [
  { method: 'GET', path: '', status: 200, allowed: planners, build: async (_e, t) => ({ url: t.base }) },
  { method: 'POST', path: '', status: 201, allowed: managers, build: async (_e, t) => ({ url: t.base, payload: { name: 'Bank Matriks', description: '' } }) },
  { method: 'GET', path: '/template.xlsx', status: 200, allowed: planners, build: async (_e, t) => ({ url: `${t.base}/template.xlsx` }) },
  { method: 'GET', path: '/:bankId', status: 200, allowed: planners, build: async (e, t) => ({ url: `${t.base}/${(await bank(e, t)).id}` }) },
  { method: 'PUT', path: '/:bankId', status: 200, allowed: managers, build: async (e, t) => ({ url: `${t.base}/${(await bank(e, t)).id}`, payload: { name: 'Bank Diubah' } }) },
  { method: 'DELETE', path: '/:bankId', status: 204, allowed: managers, build: async (e, t) => ({ url: `${t.base}/${(await bank(e, t)).id}` }) },
  { method: 'GET', path: '/:bankId/questions', status: 200, allowed: managers, build: async (e, t) => ({ url: `${t.base}/${(await bank(e, t)).id}/questions` }) },
  { method: 'POST', path: '/:bankId/questions', status: 201, allowed: managers, build: async (e, t) => ({ url: `${t.base}/${(await bank(e, t)).id}/questions`, payload: twkBody() }) },
  {
    method: 'GET',
    path: '/:bankId/questions/:questionId',
    status: 200,
    allowed: managers,
    build: async (e, t) => {
      const { b, q } = await question(e, t);
      return { url: `${t.base}/${b.id}/questions/${q.id}` };
    },
  },
  {
    method: 'PUT',
    path: '/:bankId/questions/:questionId',
    status: 200,
    allowed: managers,
    build: async (e, t) => {
      const { b, q } = await question(e, t);
      return { url: `${t.base}/${b.id}/questions/${q.id}`, payload: twkBody() };
    },
  },
  {
    method: 'DELETE',
    path: '/:bankId/questions/:questionId',
    status: 204,
    allowed: managers,
    build: async (e, t) => {
      const { b, q } = await question(e, t);
      return { url: `${t.base}/${b.id}/questions/${q.id}` };
    },
  },
  {
    method: 'POST',
    path: '/:bankId/questions/:questionId/status',
    status: 200,
    allowed: managers,
    build: async (e, t) => {
      const { b, q } = await question(e, t);
      return { url: `${t.base}/${b.id}/questions/${q.id}/status`, payload: { status: 'retired' } };
    },
  },
  ...(['/:bankId/questions/:questionId/image', '/:bankId/questions/:questionId/options/:optionId/image'] as const).flatMap((path): Spec[] => {
    const url = (t: Target, b: { id: string }, q: { id: string; options: Array<{ id: string }> }) =>
      `${t.base}/${b.id}/questions/${q.id}${path.includes(':optionId') ? `/options/${q.options[0]!.id}` : ''}/image`;
    return [
      {
        method: 'PUT',
        path,
        status: 200,
        allowed: managers,
        build: async (e, t) => {
          const { b, q } = await question(e, t);
          return { url: url(t, b, q), ...(await imageBody()) };
        },
      },
      {
        method: 'DELETE',
        path,
        status: 200,
        allowed: managers,
        build: async (e, t) => {
          const { b, q } = await withImages(e, t);
          return { url: url(t, b, q) };
        },
      },
      {
        method: 'GET',
        path,
        status: 200,
        allowed: managers,
        build: async (e, t) => {
          const { b, q } = await withImages(e, t);
          return { url: url(t, b, q) };
        },
      },
    ];
  }),
  { method: 'POST', path: '/:bankId/import', status: 200, allowed: managers, build: async (e, t) => ({ url: `${t.base}/${(await bank(e, t)).id}/import`, ...(await importBody()) }) },
  { method: 'GET', path: '/:bankId/export.xlsx', status: 200, allowed: managers, build: async (e, t) => ({ url: `${t.base}/${(await question(e, t)).b.id}/export.xlsx` }) },
  { method: 'GET', path: '/:bankId/export.json', status: 200, allowed: managers, build: async (e, t) => ({ url: `${t.base}/${(await question(e, t)).b.id}/export.json` }) },
];

export const rows: MatrixRow[] = [
  ...specs.map(
    (spec): MatrixRow => ({
      method: spec.method,
      route: `/api/agencies/:agencyId/cat-banks${spec.path}`,
      build: (e, a) => spec.build(e, { base: `/api/agencies/${a}/cat-banks`, agencyId: a }),
      allowed: spec.allowed,
      status: spec.status,
      agencyScoped: true,
    }),
  ),
  ...specs.map(
    (spec): MatrixRow => ({
      method: spec.method,
      route: `/api/cat-banks${spec.path}`,
      build: (e) => spec.build(e, { base: '/api/cat-banks', agencyId: null }),
      allowed: ['super_admin'],
      status: spec.status,
      agencyScoped: false,
    }),
  ),
];
