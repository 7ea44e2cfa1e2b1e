import { PDFDocument } from 'pdf-lib';
import { eq } from 'drizzle-orm';
import type { Role } from '../../../core/roles.js';
import { request } from '../../test-support/app.js';
import type { MatrixEnv, MatrixRow } from '../../test-support/matrix.js';
import { createEmployeeRow } from '../employees/employees.fixtures.js';
import { employeeOfAccount } from '../employees/employees.service.js';
import { employees } from '../employees/employees.table.js';
import { storeContent } from '../files/files.service.js';
import { createDeskLinkRow, createPeriodRow, createPlanRow, behavioursAll } from './evaluation.fixtures.js';
import { evaluationEvidence, evaluationRecommendations } from './evaluation.table.js';

const admins = ['super_admin', 'admin_instansi'] as const;
/** The plan's own people: administrators, the employee (matrix pegawai) and their supervisor (matrix atasan). */
const planPeople: Role[] = ['super_admin', 'admin_instansi', 'pegawai', 'atasan'];
const db = (e: MatrixEnv) => e.ctx.database.db;
const base = (a: string) => `/api/agencies/${a}/evaluation`;

async function accountIdOf(env: MatrixEnv, role: Role): Promise<string> {
  const me = await request(env.ctx, env.cookieOf(role), { method: 'GET', url: '/api/auth/me' });
  return me.json().account.id as string;
}

/** The matrix's pegawai as an employee of the agency, supervised by the matrix's atasan (both employees there). */
async function matrixTeam(env: MatrixEnv, a: string) {
  const [staffAccount, bossAccount] = [await accountIdOf(env, 'pegawai'), await accountIdOf(env, 'atasan')];
  const boss = (await employeeOfAccount(db(env), { agencyId: a, accountId: bossAccount })) ?? (await createEmployeeRow(db(env), a, { accountId: bossAccount, name: 'Atasan Matriks' }));
  // As the training matrix makes it (a new ASN in probation), whichever module's row runs first.
  const staff =
    (await employeeOfAccount(db(env), { agencyId: a, accountId: staffAccount })) ??
    (await createEmployeeRow(db(env), a, { accountId: staffAccount, status: 'calon', employmentType: 'cpns', appointedAt: '2026-01-02' }));
  await db(env).update(employees).set({ supervisorEmployeeId: boss.id }).where(eq(employees.id, staff.id));
  return { staff, boss };
}

/** A plan of the matrix's pegawai in a period of its own. */
async function matrixPlan(env: MatrixEnv, a: string, status: 'draft' | 'submitted' | 'agreed' = 'agreed') {
  const { staff } = await matrixTeam(env, a);
  const period = await createPeriodRow(db(env), a);
  return createPlanRow(db(env), a, period.id, { employeeId: staff.id, status });
}

let periods = 0;
const newPeriod = () => {
  const n = ++periods;
  return { kind: 'triwulan', year: 2000 + (n % 100), quarter: 1 + (Math.floor(n / 100) % 4) };
};

async function evidencePdf() {
  const doc = await PDFDocument.create();
  doc.addPage([100, 100]);
  return Buffer.from(await doc.save());
}

async function multipartPdf() {
  const boundary = '----matriks';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bukti.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    await evidencePdf(),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let tokens = 0;

export const rows: MatrixRow[] = [
  { method: 'GET', route: '/api/agencies/:agencyId/evaluation/periods', build: async (_e, a) => ({ url: `${base(a)}/periods` }), allowed: admins, status: 200, agencyScoped: true },
  { method: 'POST', route: '/api/agencies/:agencyId/evaluation/periods', build: async (_e, a) => ({ url: `${base(a)}/periods`, payload: newPeriod() }), allowed: admins, status: 201, agencyScoped: true },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/evaluation/periods/:periodId',
    build: async (e, a) => ({ url: `${base(a)}/periods/${(await createPeriodRow(db(e), a)).id}` }),
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'PATCH',
    route: '/api/agencies/:agencyId/evaluation/periods/:periodId',
    build: async (e, a) => ({ url: `${base(a)}/periods/${(await createPeriodRow(db(e), a)).id}`, payload: { organisationRating: 'baik' } }),
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/evaluation/periods/:periodId/finalise',
    build: async (e, a) => {
      const period = await createPeriodRow(db(e), a, { organisationRating: 'istimewa' });
      await createPlanRow(db(e), a, period.id, { predikat: 'baik' });
      return { url: `${base(a)}/periods/${period.id}/finalise` };
    },
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/evaluation/periods/:periodId/plans',
    build: async (e, a) => ({ url: `${base(a)}/periods/${(await createPeriodRow(db(e), a)).id}/plans?status=unrated` }),
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/evaluation/periods/:periodId/public-feedback',
    build: async (e, a) => ({ url: `${base(a)}/periods/${(await createPeriodRow(db(e), a)).id}/public-feedback` }),
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/evaluation/periods/:periodId/plans/mine',
    build: async (e, a) => {
      await matrixTeam(e, a);
      return { url: `${base(a)}/periods/${(await createPeriodRow(db(e), a)).id}/plans/mine` };
    },
    allowed: ['pegawai'],
    status: 201,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/evaluation/plans/:planId', build: async (e, a) => ({ url: `${base(a)}/plans/${(await matrixPlan(e, a)).plan.id}` }), allowed: planPeople, status: 200, agencyScoped: true },
  {
    method: 'PUT',
    route: '/api/agencies/:agencyId/evaluation/plans/:planId/items',
    build: async (e, a) => ({
      url: `${base(a)}/plans/${(await matrixPlan(e, a, 'draft')).plan.id}/items`,
      payload: { items: [{ title: 'Laporan matriks bulanan', indicators: [{ name: 'Laporan terkirim', target: 12, unit: 'laporan' }] }] },
    }),
    allowed: ['pegawai'],
    status: 200,
    agencyScoped: true,
  },
  { method: 'POST', route: '/api/agencies/:agencyId/evaluation/plans/:planId/submit', build: async (e, a) => ({ url: `${base(a)}/plans/${(await matrixPlan(e, a, 'draft')).plan.id}/submit` }), allowed: ['pegawai'], status: 200, agencyScoped: true },
  { method: 'POST', route: '/api/agencies/:agencyId/evaluation/plans/:planId/agree', build: async (e, a) => ({ url: `${base(a)}/plans/${(await matrixPlan(e, a, 'submitted')).plan.id}/agree` }), allowed: ['atasan'], status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/evaluation/plans/:planId/return',
    build: async (e, a) => ({ url: `${base(a)}/plans/${(await matrixPlan(e, a, 'submitted')).plan.id}/return`, payload: { note: 'Lengkapi target.' } }),
    allowed: ['atasan'],
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'PUT',
    route: '/api/agencies/:agencyId/evaluation/plans/:planId/realisation',
    build: async (e, a) => {
      const { plan, items } = await matrixPlan(e, a);
      return { url: `${base(a)}/plans/${plan.id}/realisation`, payload: { indicators: [{ indicatorId: items[0]!.indicator.id, realised: 8 }] } };
    },
    allowed: ['pegawai'],
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/evaluation/plans/:planId/items/:itemId/evidence',
    build: async (e, a) => {
      const { plan, items } = await matrixPlan(e, a);
      return { url: `${base(a)}/plans/${plan.id}/items/${items[0]!.item.id}/evidence`, ...(await multipartPdf()) };
    },
    allowed: ['pegawai'],
    status: 201,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/evaluation/plans/:planId/evidence/:evidenceId',
    build: async (e, a) => {
      const { plan, items } = await matrixPlan(e, a);
      const file = await storeContent(db(e), { uploadDir: e.ctx.config.uploadDir, content: await evidencePdf(), fileName: 'bukti.pdf', kind: 'pdf', agencyId: a, actorId: null });
      const [evidence] = await db(e).insert(evaluationEvidence).values({ agencyId: a, planId: plan.id, itemId: items[0]!.item.id, fileId: file.id, title: 'Bukti' }).returning();
      return { url: `${base(a)}/plans/${plan.id}/evidence/${evidence!.id}` };
    },
    allowed: planPeople,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'PUT',
    route: '/api/agencies/:agencyId/evaluation/plans/:planId/rating',
    build: async (e, a) => {
      const { plan, items } = await matrixPlan(e, a);
      return {
        url: `${base(a)}/plans/${plan.id}/rating`,
        payload: { items: items.map((i) => ({ itemId: i.item.id, rating: 'sesuai' })), resultsRating: 'sesuai', behaviours: behavioursAll('sesuai'), behaviourRating: 'sesuai' },
      };
    },
    allowed: ['atasan'],
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/evaluation/plans/:planId/notes',
    build: async (e, a) => ({ url: `${base(a)}/plans/${(await matrixPlan(e, a)).plan.id}/notes`, payload: { body: 'Catatan matriks.' } }),
    allowed: ['pegawai', 'atasan'],
    status: 201,
    agencyScoped: true,
  },
  {
    method: 'PUT',
    route: '/api/agencies/:agencyId/evaluation/plans/:planId/peer-feedback',
    build: async (e, a) => {
      const { staff } = await matrixTeam(e, a);
      const colleague = await createEmployeeRow(db(e), a, { name: 'Rekan Matriks', unitId: staff.unitId });
      const period = await createPeriodRow(db(e), a);
      const { plan } = await createPlanRow(db(e), a, period.id, { employeeId: colleague.id });
      return { url: `${base(a)}/plans/${plan.id}/peer-feedback`, payload: { behaviours: { Kolaboratif: 'di_atas' }, body: 'Rekan yang selalu membantu.' } };
    },
    allowed: ['pegawai'],
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/evaluation/me',
    build: async (e, a) => {
      await matrixTeam(e, a);
      return { url: `${base(a)}/me` };
    },
    allowed: ['pegawai'],
    status: 200,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/evaluation/my-staff', build: async (_e, a) => ({ url: `${base(a)}/my-staff` }), allowed: ['atasan'], status: 200, agencyScoped: true },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/evaluation/employees/:employeeId/history',
    build: async (e, a) => ({ url: `${base(a)}/employees/${(await matrixTeam(e, a)).staff.id}/history` }),
    allowed: planPeople,
    status: 200,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/evaluation/recommendations', build: async (_e, a) => ({ url: `${base(a)}/recommendations` }), allowed: admins, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/evaluation/recommendations/:recommendationId/retry',
    build: async (e, a) => {
      const period = await createPeriodRow(db(e), a);
      const employee = await createEmployeeRow(db(e), a);
      const [rec] = await db(e)
        .insert(evaluationRecommendations)
        .values({ agencyId: a, periodId: period.id, employeeId: employee.id, source: 'predikat', competency: 'Kompetensi Tanpa Program', reason: 'Predikat Butuh Perbaikan.' })
        .returning();
      return { url: `${base(a)}/recommendations/${rec!.id}/retry` };
    },
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/evaluation/desk-links', build: async (_e, a) => ({ url: `${base(a)}/desk-links` }), allowed: admins, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/evaluation/desk-links',
    build: async (e, a) => ({ url: `${base(a)}/desk-links`, payload: { unitId: (await createEmployeeRow(db(e), a)).unitId, label: 'Loket Matriks' } }),
    allowed: admins,
    status: 201,
    agencyScoped: true,
  },
  {
    method: 'PATCH',
    route: '/api/agencies/:agencyId/evaluation/desk-links/:linkId',
    build: async (e, a) => ({ url: `${base(a)}/desk-links/${(await createDeskLinkRow(db(e), a, { unitId: (await createEmployeeRow(db(e), a)).unitId! })).id}`, payload: { active: false } }),
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/evaluation/desk-links/:linkId/qr.png',
    build: async (e, a) => ({ url: `${base(a)}/desk-links/${(await createDeskLinkRow(db(e), a, { unitId: (await createEmployeeRow(db(e), a)).unitId! })).id}/qr.png` }),
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/public/evaluation/desks/:code',
    build: async (e, a) => ({ url: `/api/public/evaluation/desks/${(await createDeskLinkRow(db(e), a, { unitId: (await createEmployeeRow(db(e), a)).unitId! })).code}` }),
    allowed: 'public',
    status: 200,
    agencyScoped: false,
  },
  {
    method: 'POST',
    route: '/api/public/evaluation/desks/:code/feedback',
    build: async (e, a) => ({
      url: `/api/public/evaluation/desks/${(await createDeskLinkRow(db(e), a, { unitId: (await createEmployeeRow(db(e), a)).unitId! })).code}/feedback`,
      payload: { score: 3, clientToken: `matriks-${++tokens}` },
    }),
    allowed: 'public',
    status: 201,
    agencyScoped: false,
  },
];
