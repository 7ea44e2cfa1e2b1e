import { eq } from 'drizzle-orm';
import type { Role } from '../../../core/roles.js';
import { request } from '../../test-support/app.js';
import { createSelectionRow } from '../../test-support/factories.js';
import { AGENCY_STAFF, EVERYONE, type MatrixEnv, type MatrixExempt, type MatrixRow } from '../../test-support/matrix.js';
import { applications } from '../applications/applications.table.js';
import { createEmployeeRow } from '../employees/employees.fixtures.js';
import { submittedApplication } from '../verification/verification.fixtures.js';
import { employeeOfAccount } from '../employees/employees.service.js';
import { certificateToken } from './certificates.js';
import { createEnrolmentRow, createProgrammeRow, createSessionRow } from './training.fixtures.js';

const admins = ['super_admin', 'admin_instansi'] as const;
const catalogue: Role[] = ['super_admin', ...AGENCY_STAFF];
const teachers = ['super_admin', 'admin_instansi', 'pelatih'] as const;
const db = (e: MatrixEnv) => e.ctx.database.db;
const base = (a: string) => `/api/agencies/${a}/training`;

async function accountIdOf(env: MatrixEnv, role: Role): Promise<string> {
  const me = await request(env.ctx, env.cookieOf(role), { method: 'GET', url: '/api/auth/me' });
  return me.json().account.id as string;
}

/** A class taught by the matrix's trainer (who is a trainer only in agency A), with one enrolled participant. */
async function taughtClass(env: MatrixEnv, a: string) {
  const { session, meetings } = await createSessionRow(db(env), a, { trainerAccountId: await accountIdOf(env, 'pelatih'), meetingsAt: [-2] });
  const enrolment = await createEnrolmentRow(db(env), a, { programmeId: session.programmeId, sessionId: session.id });
  return { session, meetings, enrolment };
}

/** The matrix's pegawai as an employee of agency A (a new ASN in probation). */
async function matrixEmployee(env: MatrixEnv, a: string) {
  const accountId = await accountIdOf(env, 'pegawai');
  return (await employeeOfAccount(db(env), { agencyId: a, accountId })) ?? (await createEmployeeRow(db(env), a, { accountId, status: 'calon', employmentType: 'cpns', appointedAt: '2026-01-02' }));
}

let certificates = 0;
/** A participant who completed a closed class, with a certificate number. */
async function completedEnrolment(env: MatrixEnv, a: string) {
  const { session } = await createSessionRow(db(env), a, { status: 'closed', closedAt: new Date() });
  const number = `MTX-MTX-2026-${String(++certificates).padStart(5, '0')}${Date.now() % 100000}`;
  return createEnrolmentRow(db(env), a, { programmeId: session.programmeId, sessionId: session.id, status: 'completed', completedAt: new Date(), certificateNumber: number, certificateIssuedAt: new Date() });
}

const meetingTimes = () => ({ startsAt: new Date(Date.now() + 24 * 3600_000).toISOString(), endsAt: new Date(Date.now() + 26 * 3600_000).toISOString(), topic: 'Materi matriks' });
const programmePayload = () => ({ code: `MTX-${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`, name: 'Program Matriks', competencies: ['Pelayanan publik'], hours: 10, minAttendancePercent: 80, minPostTest: 70 });

export const rows: MatrixRow[] = [
  { method: 'GET', route: '/api/agencies/:agencyId/training/programmes', build: async (_e, a) => ({ url: `${base(a)}/programmes` }), allowed: catalogue, status: 200, agencyScoped: true },
  { method: 'POST', route: '/api/agencies/:agencyId/training/programmes', build: async (_e, a) => ({ url: `${base(a)}/programmes`, payload: programmePayload() }), allowed: admins, status: 201, agencyScoped: true },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/training/programmes/:programmeId',
    build: async (e, a) => ({ url: `${base(a)}/programmes/${(await createProgrammeRow(db(e), a)).id}` }),
    allowed: catalogue,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'PUT',
    route: '/api/agencies/:agencyId/training/programmes/:programmeId',
    build: async (e, a) => ({ url: `${base(a)}/programmes/${(await createProgrammeRow(db(e), a)).id}`, payload: programmePayload() }),
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/training/sessions', build: async (_e, a) => ({ url: `${base(a)}/sessions?mine=true` }), allowed: catalogue, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/training/sessions',
    build: async (e, a) => ({ url: `${base(a)}/sessions`, payload: { programmeId: (await createProgrammeRow(db(e), a)).id, name: 'Angkatan Matriks', venue: 'Aula', capacity: 20 } }),
    allowed: admins,
    status: 201,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/training/sessions/:sessionId',
    build: async (e, a) => ({ url: `${base(a)}/sessions/${(await createSessionRow(db(e), a)).session.id}` }),
    allowed: catalogue,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'PUT',
    route: '/api/agencies/:agencyId/training/sessions/:sessionId',
    build: async (e, a) => ({ url: `${base(a)}/sessions/${(await createSessionRow(db(e), a)).session.id}`, payload: { name: 'Angkatan Diubah', venue: '', onlineUrl: 'https://meet.example.id/kelas', capacity: 25 } }),
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/training/sessions/:sessionId/meetings',
    build: async (e, a) => ({ url: `${base(a)}/sessions/${(await createSessionRow(db(e), a)).session.id}/meetings`, payload: meetingTimes() }),
    allowed: admins,
    status: 201,
    agencyScoped: true,
  },
  {
    method: 'PUT',
    route: '/api/agencies/:agencyId/training/sessions/:sessionId/meetings/:meetingId',
    build: async (e, a) => {
      const { session, meetings } = await createSessionRow(db(e), a, { meetingsAt: [24] });
      return { url: `${base(a)}/sessions/${session.id}/meetings/${meetings[0]!.id}`, payload: meetingTimes() };
    },
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'DELETE',
    route: '/api/agencies/:agencyId/training/sessions/:sessionId/meetings/:meetingId',
    build: async (e, a) => {
      const { session, meetings } = await createSessionRow(db(e), a, { meetingsAt: [24] });
      return { url: `${base(a)}/sessions/${session.id}/meetings/${meetings[0]!.id}` };
    },
    allowed: admins,
    status: 204,
    agencyScoped: true,
  },
  {
    method: 'PUT',
    route: '/api/agencies/:agencyId/training/sessions/:sessionId/attendance',
    build: async (e, a) => {
      const { session, meetings, enrolment } = await taughtClass(e, a);
      return { url: `${base(a)}/sessions/${session.id}/attendance`, payload: { meetingId: meetings[0]!.id, entries: [{ enrolmentId: enrolment.id, status: 'present' }] } };
    },
    allowed: teachers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'PUT',
    route: '/api/agencies/:agencyId/training/sessions/:sessionId/scores',
    build: async (e, a) => {
      const { session, enrolment } = await taughtClass(e, a);
      return { url: `${base(a)}/sessions/${session.id}/scores`, payload: { entries: [{ enrolmentId: enrolment.id, preTest: 55, postTest: 80 }] } };
    },
    allowed: teachers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/training/sessions/:sessionId/close',
    build: async (e, a) => ({ url: `${base(a)}/sessions/${(await createSessionRow(db(e), a, { trainerAccountId: await accountIdOf(e, 'pelatih'), meetingsAt: [-2] })).session.id}/close` }),
    allowed: teachers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/training/sessions/:sessionId/reopen',
    build: async (e, a) => ({ url: `${base(a)}/sessions/${(await createSessionRow(db(e), a, { status: 'closed', closedAt: new Date() })).session.id}/reopen`, payload: { note: 'Koreksi nilai' } }),
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/training/trainers', build: async (_e, a) => ({ url: `${base(a)}/trainers` }), allowed: admins, status: 200, agencyScoped: true },
  { method: 'GET', route: '/api/agencies/:agencyId/training/enrolments', build: async (_e, a) => ({ url: `${base(a)}/enrolments?status=waiting` }), allowed: admins, status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/training/enrolments',
    build: async (e, a) => ({ url: `${base(a)}/enrolments`, payload: { programmeId: (await createProgrammeRow(db(e), a)).id, employeeId: (await createEmployeeRow(db(e), a)).id, reason: 'Penugasan' } }),
    allowed: admins,
    status: 201,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/training/enrolments/candidates',
    build: async (e, a) => {
      const selection = await createSelectionRow(e.ctx, a);
      const { application } = await submittedApplication(e.ctx, { agencyId: a, selection });
      await db(e).update(applications).set({ status: 'ms' }).where(eq(applications.id, application.id));
      return { url: `${base(a)}/enrolments/candidates`, payload: { programmeId: (await createProgrammeRow(db(e), a, { audience: 'candidate' })).id, selectionId: selection.id } };
    },
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/training/requests',
    build: async (e, a) => {
      await matrixEmployee(e, a);
      return { url: `${base(a)}/requests`, payload: { programmeId: (await createProgrammeRow(db(e), a)).id, reason: 'Saya perlu pelatihan ini untuk tugas layanan.' } };
    },
    allowed: ['pegawai'],
    status: 201,
    agencyScoped: true,
  },
  ...(['approve', 'reject'] as const).map(
    (action): MatrixRow => ({
      method: 'POST',
      route: `/api/agencies/:agencyId/training/enrolments/:enrolmentId/${action}`,
      build: async (e, a) => {
        const enrolment = await createEnrolmentRow(db(e), a, { programmeId: (await createProgrammeRow(db(e), a)).id, status: 'requested', method: 'requested' });
        return { url: `${base(a)}/enrolments/${enrolment.id}/${action}`, payload: action === 'reject' ? { note: 'Belum prioritas tahun ini' } : {} };
      },
      allowed: admins,
      status: 200,
      agencyScoped: true,
    }),
  ),
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/training/enrolments/:enrolmentId/place',
    build: async (e, a) => {
      const { session } = await createSessionRow(db(e), a);
      const enrolment = await createEnrolmentRow(db(e), a, { programmeId: session.programmeId });
      return { url: `${base(a)}/enrolments/${enrolment.id}/place`, payload: { sessionId: session.id } };
    },
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/training/enrolments/:enrolmentId/cancel',
    build: async (e, a) => ({ url: `${base(a)}/enrolments/${(await createEnrolmentRow(db(e), a, { programmeId: (await createProgrammeRow(db(e), a)).id })).id}/cancel`, payload: { note: 'Dibatalkan admin' } }),
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/training/enrolments/:enrolmentId/certificate.pdf',
    build: async (e, a) => ({ url: `${base(a)}/enrolments/${(await completedEnrolment(e, a)).id}/certificate.pdf` }),
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/training/employees/:employeeId/enrolments',
    build: async (e, a) => ({ url: `${base(a)}/employees/${(await createEmployeeRow(db(e), a)).id}/enrolments` }),
    allowed: admins,
    status: 200,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/agencies/:agencyId/training/my-staff', build: async (_e, a) => ({ url: `${base(a)}/my-staff` }), allowed: ['atasan'], status: 200, agencyScoped: true },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/asn-feedback',
    build: async (e, a) => {
      await matrixEmployee(e, a);
      const answers = { information: 4, registration: 5, verification: 4, tests: 5, objections: 3, fit: 4 };
      return { url: `/api/agencies/${a}/asn-feedback`, payload: { stage: 'appointment', answers, comment: 'Jadwal ujian diumumkan lebih awal.' } };
    },
    allowed: ['pegawai'],
    status: 201,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/selections/:selectionId/asn-feedback',
    build: async (e, a) => ({ url: `/api/agencies/${a}/selections/${(await createSelectionRow(e.ctx, a)).id}/asn-feedback` }),
    allowed: ['super_admin', 'admin_instansi', 'panitia', 'pengawas'],
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/public/training/certificates/:number',
    build: async (e, a) => {
      const enrolment = await completedEnrolment(e, a);
      return { url: `/api/public/training/certificates/${enrolment.certificateNumber}?t=${certificateToken(e.ctx.config.sessionSecret, enrolment.certificateNumber!)}` };
    },
    allowed: 'public',
    status: 200,
    agencyScoped: false,
  },
  { method: 'GET', route: '/api/me/training', build: async () => ({ url: '/api/me/training' }), allowed: EVERYONE, status: 200, agencyScoped: false },
  { method: 'GET', route: '/api/me/asn-surveys', build: async () => ({ url: '/api/me/asn-surveys' }), allowed: EVERYONE, status: 200, agencyScoped: false },
];

export const exempt: MatrixExempt[] = [
  { method: 'POST', route: '/api/agencies/:agencyId/training/enrolments/:enrolmentId/reaction', why: "the participant's own enrolment, whatever their role (training.test.ts)" },
];
