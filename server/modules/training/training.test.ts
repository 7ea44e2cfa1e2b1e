import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithSession, createAccount, createAgencyRow, createTestApp, loginCookie, request, type TestContext } from '../../test-support/app.js';
import { createSelectionRow } from '../../test-support/factories.js';
import { applications } from '../applications/applications.table.js';
import { auditLog } from '../audit/audit.table.js';
import { createEmployeeRow } from '../employees/employees.fixtures.js';
import { notifications } from '../notifications/notifications.table.js';
import { submittedApplication } from '../verification/verification.fixtures.js';
import { certificateToken } from './certificates.js';
import { enrolForDevelopment, enrolmentStatus, trainingOutcomesOfEmployees } from './enrolments.service.js';
import { createEnrolmentRow, createProgrammeRow, createSessionRow } from './training.fixtures.js';
import { developmentProgrammeFor } from './training.service.js';
import { trainingEnrolments, trainingProgrammes, trainingSessions } from './training.table.js';

let ctx: TestContext;
let agencyId: string;
let otherAgencyId: string;
let admin: string;
let trainer: { id: string; cookie: string };

beforeAll(async () => {
  ctx = await createTestApp();
  agencyId = (await createAgencyRow(ctx, 'Kota Pelatihan')).id;
  otherAgencyId = (await createAgencyRow(ctx, 'Kota Lain')).id;
  admin = (await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId }] })).cookie;
  const t = await accountWithSession(ctx, { name: 'Pelatih Uji', roles: [{ role: 'pelatih', agencyId }] });
  trainer = { id: t.account.id, cookie: t.cookie };
}, 180_000);
afterAll(() => ctx.close());

const db = () => ctx.database.db;
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const api = (cookie: string | null, method: Method, path: string, payload?: object) =>
  request(ctx, cookie, { method, url: `/api/agencies/${agencyId}/training${path}`, ...(payload ? { payload } : {}) });
const HOUR = 3600_000;
const programmeBody = (over: Record<string, unknown> = {}) => ({
  code: `PP-${Date.now().toString(36)}`,
  name: 'Pelatihan Pelayanan Publik Prima',
  competencies: ['Pelayanan publik'],
  hours: 24,
  minAttendancePercent: 75,
  minPostTest: 70,
  ...over,
});
const answers = (value = 4) => ({ relevance: value, trainer: value, method: value, facility: value, overall: value });

/** An employee with an account (role pegawai) and a session cookie. */
async function employeeWithLogin(name: string, spec: Parameters<typeof createEmployeeRow>[2] = {}) {
  const account = await createAccount(ctx, { name, roles: [{ role: 'pegawai', agencyId }] });
  const employee = await createEmployeeRow(db(), agencyId, { name, accountId: account.id, ...spec });
  return { account, employee, cookie: await loginCookie(ctx, account.email) };
}

describe('programmes', () => {
  it('creates, lists by competency and changes a programme, each change audited — 201/200', async () => {
    const created = await api(admin, 'POST', '/programmes', programmeBody({ code: 'ti-dasar', name: 'Teknologi Informasi untuk ASN', competencies: ['Teknologi informasi'] }));
    expect(created.statusCode).toBe(201);
    const programme = created.json().programme;
    expect(programme).toMatchObject({ code: 'TI-DASAR', audience: 'employee', minAttendancePercent: 75, minPostTest: 70, active: true, openSessions: 0 });
    const { cookie: staff } = await employeeWithLogin('Pembaca Katalog');
    const byCompetency = await api(staff, 'GET', '/programmes?competency=teknologi%20informasi');
    expect(byCompetency.json().items.map((p: { id: string }) => p.id)).toEqual([programme.id]);
    const changed = await api(admin, 'PUT', `/programmes/${programme.id}`, programmeBody({ code: 'TI-DASAR', name: 'Teknologi Informasi', competencies: ['Teknologi informasi'], minPostTest: null }));
    expect(changed.json().programme).toMatchObject({ name: 'Teknologi Informasi', minPostTest: null });
    const audits = await db().select().from(auditLog).where(eq(auditLog.targetId, programme.id)).orderBy(auditLog.chain, auditLog.seq);
    expect(audits.map((a) => a.action).sort()).toEqual(['training.programme.create', 'training.programme.update']);
    expect((await api(admin, 'POST', '/programmes', programmeBody({ code: 'TI-DASAR' }))).statusCode).toBe(409);
  });

  it('refuses bad input naming the field — 400, nothing created', async () => {
    const before = (await db().select().from(trainingProgrammes).where(eq(trainingProgrammes.agencyId, agencyId))).length;
    for (const [payload, field] of [
      [programmeBody({ code: 'a' }), 'code'],
      [programmeBody({ code: 'ada spasi' }), 'code'],
      [programmeBody({ name: 'x' }), 'name'],
      [programmeBody({ competencies: [] }), 'competencies'],
      [programmeBody({ competencies: ['Etika', 'etika'] }), 'competencies'],
      [programmeBody({ competencies: 'Etika' }), 'competencies'],
      [programmeBody({ minAttendancePercent: 101 }), 'minAttendancePercent'],
      [programmeBody({ minAttendancePercent: 75.555 }), 'minAttendancePercent'],
      [programmeBody({ minPostTest: -1 }), 'minPostTest'],
      [programmeBody({ hours: 2.5 }), 'hours'],
      [programmeBody({ audience: 'publik' }), 'audience'],
    ] as const) {
      const response = await api(admin, 'POST', '/programmes', payload);
      expect({ payload, status: response.statusCode }).toEqual({ payload, status: 400 });
      expect(Object.keys(response.json().error.fields).some((key) => key.startsWith(field))).toBe(true);
    }
    expect((await db().select().from(trainingProgrammes).where(eq(trainingProgrammes.agencyId, agencyId))).length).toBe(before);
  });
});

describe('classes', () => {
  it('opens a class with a trainer and meetings; refuses a trainer who is not one, a bad link, a capacity below the seated', async () => {
    const programme = await createProgrammeRow(db(), agencyId);
    const notTrainer = await createAccount(ctx, { roles: [{ role: 'verifikator', agencyId }] });
    const bad = await api(admin, 'POST', '/sessions', { programmeId: programme.id, name: 'Angkatan I', venue: 'Aula', capacity: 2, trainerAccountId: notTrainer.id });
    expect(bad.json().error.fields).toHaveProperty('trainerAccountId');
    expect((await api(admin, 'POST', '/sessions', { programmeId: programme.id, name: 'Angkatan I', onlineUrl: 'javascript:alert(1)', capacity: 2 })).json().error.fields).toHaveProperty('onlineUrl');
    expect((await api(admin, 'POST', '/sessions', { programmeId: programme.id, name: 'Angkatan I', capacity: 2 })).json().error.fields).toHaveProperty('venue');

    const created = await api(admin, 'POST', '/sessions', { programmeId: programme.id, name: 'Angkatan I', venue: 'Aula BKPSDM', capacity: 2, trainerAccountId: trainer.id });
    expect(created.statusCode).toBe(201);
    const session = created.json().session;
    expect(session).toMatchObject({ trainer: { accountId: trainer.id, name: 'Pelatih Uji' }, seated: 0, meetings: 0, status: 'open' });
    const start = new Date(Date.now() + 24 * HOUR);
    const meeting = await api(admin, 'POST', `/sessions/${session.id}/meetings`, { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 2 * HOUR).toISOString(), topic: 'Pembukaan' });
    expect(meeting.statusCode).toBe(201);
    const backwards = await api(admin, 'POST', `/sessions/${session.id}/meetings`, { startsAt: start.toISOString(), endsAt: start.toISOString() });
    expect(backwards.json().error.fields).toHaveProperty('endsAt');
    const mine = await api(trainer.cookie, 'GET', '/sessions?mine=true');
    expect(mine.json().items.map((s: { id: string }) => s.id)).toContain(session.id);

    await createEnrolmentRow(db(), agencyId, { programmeId: programme.id, sessionId: session.id });
    await createEnrolmentRow(db(), agencyId, { programmeId: programme.id, sessionId: session.id });
    const shrink = await api(admin, 'PUT', `/sessions/${session.id}`, { name: 'Angkatan I', venue: 'Aula', capacity: 1 });
    expect(shrink.json().error.fields).toHaveProperty('capacity');
    expect((await api(admin, 'DELETE', `/sessions/${session.id}/meetings/${meeting.json().meeting.id}`)).statusCode).toBe(204);
  });

  it("does not show another agency's class or let its admin act on this one — 403/404", async () => {
    const { session } = await createSessionRow(db(), otherAgencyId);
    expect((await api(admin, 'GET', `/sessions/${session.id}`)).statusCode).toBe(404);
    expect((await api(admin, 'POST', `/sessions/${session.id}/close`)).statusCode).toBe(404);
    const foreignEmployee = await createEmployeeRow(db(), otherAgencyId);
    const programme = await createProgrammeRow(db(), agencyId);
    const enrol = await api(admin, 'POST', '/enrolments', { programmeId: programme.id, employeeId: foreignEmployee.id });
    expect(enrol.statusCode).toBe(400);
    expect(enrol.json().error.fields).toHaveProperty('employeeId');
  });
});

describe('a class from enrolment to certificate', () => {
  it('enrols by assignment, supervisor and approved request, records attendance and scores, closes by the rule, and issues verifiable certificates', async () => {
    const boss = await employeeWithLogin('Kepala Seksi', {});
    await db().insert((await import('../accounts/accounts.table.js')).accountRoles).values({ accountId: boss.account.id, role: 'atasan', agencyId });
    const bossCookie = await loginCookie(ctx, boss.account.email);
    const ani = await employeeWithLogin('Ani Wulandari', { supervisorEmployeeId: boss.employee.id });
    const budi = await employeeWithLogin('Budi Hartono', { supervisorEmployeeId: boss.employee.id });
    const citra = await employeeWithLogin('Citra Dewi');
    const dedi = await employeeWithLogin('Dedi Kurniawan');
    const stranger = await employeeWithLogin('Bukan Staf');

    const programme = (await api(admin, 'POST', '/programmes', programmeBody({ code: 'PPP-1' }))).json().programme;
    const session = (await api(admin, 'POST', '/sessions', { programmeId: programme.id, name: 'Angkatan I 2026', venue: 'Aula', capacity: 3, trainerAccountId: trainer.id })).json().session;
    const meetingIds: string[] = [];
    for (const at of [-72, -48, -24, -2]) {
      const startsAt = new Date(Date.now() + at * HOUR);
      meetingIds.push((await api(admin, 'POST', `/sessions/${session.id}/meetings`, { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + HOUR).toISOString() })).json().meeting.id);
    }

    // The supervisor assigns their own staff, not someone else's.
    const byBoss = await request(ctx, bossCookie, { method: 'POST', url: `/api/agencies/${agencyId}/training/enrolments`, payload: { programmeId: programme.id, sessionId: session.id, employeeId: ani.employee.id, reason: 'Melayani loket' } });
    expect(byBoss.statusCode).toBe(201);
    expect(byBoss.json().enrolment).toMatchObject({ status: 'enrolled', method: 'assigned', participant: { name: 'Ani Wulandari', kind: 'employee' } });
    expect((await request(ctx, bossCookie, { method: 'POST', url: `/api/agencies/${agencyId}/training/enrolments`, payload: { programmeId: programme.id, employeeId: stranger.employee.id } })).statusCode).toBe(403);
    expect((await api(admin, 'POST', '/enrolments', { programmeId: programme.id, sessionId: session.id, employeeId: ani.employee.id })).statusCode).toBe(409);

    // Budi asks; the supervisor is told and approves into the class.
    const asked = await api(budi.cookie, 'POST', '/requests', { programmeId: programme.id, sessionId: session.id, reason: 'Saya baru ditempatkan di loket pelayanan.' });
    expect(asked.json().enrolment.status).toBe('requested');
    const told = await db().select().from(notifications).where(eq(notifications.accountId, boss.account.id));
    expect(told.some((n) => n.body.includes('Budi Hartono'))).toBe(true);
    expect((await api(stranger.cookie, 'POST', `/enrolments/${asked.json().enrolment.id}/approve`, {})).statusCode).toBe(403);
    const approved = await request(ctx, bossCookie, { method: 'POST', url: `/api/agencies/${agencyId}/training/enrolments/${asked.json().enrolment.id}/approve`, payload: {} });
    expect(approved.json().enrolment).toMatchObject({ status: 'enrolled', session: { id: session.id } });
    expect((await request(ctx, bossCookie, { method: 'POST', url: `/api/agencies/${agencyId}/training/enrolments/${asked.json().enrolment.id}/approve`, payload: {} })).statusCode).toBe(409);
    const staffView = await request(ctx, bossCookie, { method: 'GET', url: `/api/agencies/${agencyId}/training/my-staff` });
    expect(staffView.json().enrolments.map((e: { participant: { name: string } }) => e.participant.name).sort()).toEqual(['Ani Wulandari', 'Budi Hartono']);

    // The administrator fills the last seat; the class is then full.
    const citraEnrolment = (await api(admin, 'POST', '/enrolments', { programmeId: programme.id, sessionId: session.id, employeeId: citra.employee.id })).json().enrolment;
    const full = await api(admin, 'POST', '/enrolments', { programmeId: programme.id, sessionId: session.id, employeeId: dedi.employee.id });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.message).toContain('penuh');
    const waiting = await api(admin, 'POST', '/enrolments', { programmeId: programme.id, employeeId: dedi.employee.id });
    expect(waiting.json().enrolment).toMatchObject({ status: 'waiting', session: null });

    // Only this class's trainer records; a future meeting cannot be filled; closing needs complete attendance.
    const otherTrainer = await accountWithSession(ctx, { roles: [{ role: 'pelatih', agencyId }] });
    const [aniId, budiId] = [byBoss.json().enrolment.id, asked.json().enrolment.id];
    const mark = (cookie: string, meetingId: string, statuses: string[]) =>
      api(cookie, 'PUT', `/sessions/${session.id}/attendance`, { meetingId, entries: [aniId, budiId, citraEnrolment.id].map((enrolmentId, i) => ({ enrolmentId, status: statuses[i] })) });
    expect((await mark(otherTrainer.cookie, meetingIds[0]!, ['present', 'present', 'present'])).statusCode).toBe(403);
    expect((await api(trainer.cookie, 'PUT', `/sessions/${session.id}/attendance`, { meetingId: meetingIds[0], entries: [{ enrolmentId: waiting.json().enrolment.id, status: 'present' }] })).statusCode).toBe(400);
    expect((await api(trainer.cookie, 'PUT', `/sessions/${session.id}/attendance`, { meetingId: meetingIds[0], entries: [{ enrolmentId: aniId, status: 'hadir' }] })).statusCode).toBe(400);
    await mark(trainer.cookie, meetingIds[0]!, ['present', 'present', 'present']);
    await mark(trainer.cookie, meetingIds[1]!, ['present', 'absent', 'present']);
    await mark(trainer.cookie, meetingIds[2]!, ['present', 'excused', 'present']);
    const early = await api(trainer.cookie, 'POST', `/sessions/${session.id}/close`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('pertemuan 4');
    await mark(trainer.cookie, meetingIds[3]!, ['absent', 'present', 'present']);

    const scores = await api(trainer.cookie, 'PUT', `/sessions/${session.id}/scores`, {
      entries: [
        { enrolmentId: aniId, preTest: 50, postTest: 80 },
        { enrolmentId: budiId, preTest: 60, postTest: 90 },
        { enrolmentId: citraEnrolment.id, preTest: 70, postTest: 69.99 },
      ],
    });
    expect(scores.statusCode).toBe(200);
    expect(scores.json().roster.map((r: { present: number }) => r.present)).toEqual([3, 2, 4]);
    expect((await api(trainer.cookie, 'PUT', `/sessions/${session.id}/scores`, { entries: [{ enrolmentId: aniId, preTest: 101, postTest: 80 }] })).json().error.fields).toHaveProperty('entries.0.preTest');

    // Ani: 3/4 = 75% and 80 → lulus; Budi: 2/4 = 50% → tidak; Citra: 100% but 69.99 < 70 → tidak.
    const closed = await api(trainer.cookie, 'POST', `/sessions/${session.id}/close`);
    expect(closed.json().result).toEqual({ participants: 3, completed: 1, notCompleted: 2 });
    const detail = (await api(admin, 'GET', `/sessions/${session.id}`)).json();
    const outcome = Object.fromEntries(detail.roster.map((r: { participant: { name: string }; status: string; outcomeNote: string }) => [r.participant.name, [r.status, r.outcomeNote]]));
    expect(outcome['Ani Wulandari']).toEqual(['completed', '']);
    expect(outcome['Budi Hartono'][0]).toBe('not_completed');
    expect(outcome['Budi Hartono'][1]).toContain('2 dari 4 pertemuan');
    expect(outcome['Citra Dewi'][1]).toContain('69,99');
    expect((await mark(trainer.cookie, meetingIds[0]!, ['present', 'present', 'present'])).statusCode).toBe(409);

    // The participant downloads the certificate; its QR link verifies; a forged code does not.
    const [aniRow] = await db().select().from(trainingEnrolments).where(eq(trainingEnrolments.id, aniId));
    expect(aniRow!.certificateNumber).toMatch(/^UJI[A-Z0-9]+-PPP1-\d{4}-00001$/);
    const pdf = await api(ani.cookie, 'GET', `/enrolments/${aniId}/certificate.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await api(budi.cookie, 'GET', `/enrolments/${aniId}/certificate.pdf`)).statusCode).toBe(403);
    expect((await request(ctx, bossCookie, { method: 'GET', url: `/api/agencies/${agencyId}/training/enrolments/${aniId}/certificate.pdf` })).statusCode).toBe(200);
    expect((await api(budi.cookie, 'GET', `/enrolments/${budiId}/certificate.pdf`)).statusCode).toBe(409);

    const number = aniRow!.certificateNumber!;
    const token = certificateToken(ctx.config.sessionSecret, number);
    const check = await request(ctx, null, { method: 'GET', url: `/api/public/training/certificates/${number}?t=${token}` });
    expect(check.json().certificate).toMatchObject({ number, valid: true, participantName: 'Ani Wulandari', programmeName: 'Pelatihan Pelayanan Publik Prima', sessionName: 'Angkatan I 2026' });
    const forged = [
      `/api/public/training/certificates/${number}?t=${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
      `/api/public/training/certificates/${number.replace(/1$/, '2')}?t=${token}`,
      `/api/public/training/certificates/${number.replace(/1$/, '2')}?t=${certificateToken('rahasia-lain-yang-cukup-panjang-sekali', number.replace(/1$/, '2'))}`,
      `/api/public/training/certificates/${number}?t=`,
    ];
    for (const url of forged) {
      const response = await request(ctx, null, { method: 'GET', url });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 404 });
      expect(response.json().error.message).toContain('Sertifikat');
    }

    // The reaction survey: once, every question 1–5.
    const badSurvey = await api(ani.cookie, 'POST', `/enrolments/${aniId}/reaction`, { answers: { ...answers(), trainer: 6 } });
    expect(badSurvey.json().error.fields).toEqual({ 'answers.trainer': 'Jawaban harus bilangan bulat 1–5' });
    expect((await api(ani.cookie, 'POST', `/enrolments/${aniId}/reaction`, { answers: { relevance: 5 } })).statusCode).toBe(400);
    expect((await api(budi.cookie, 'POST', `/enrolments/${aniId}/reaction`, { answers: answers() })).statusCode).toBe(403);
    expect((await api(ani.cookie, 'POST', `/enrolments/${aniId}/reaction`, { answers: answers(5), comment: 'Materi sangat berguna.' })).statusCode).toBe(201);
    expect((await api(ani.cookie, 'POST', `/enrolments/${aniId}/reaction`, { answers: answers(5) })).statusCode).toBe(409);
    expect((await api(budi.cookie, 'POST', `/enrolments/${budiId}/reaction`, { answers: answers(3) })).statusCode).toBe(201);

    // The programme's figures: 1 of 3 completed, mean gain ((30 + 30 − 0.01) / 3 = 19.997 → 20), reaction 4.
    const stats = (await api(admin, 'GET', `/programmes/${programme.id}`)).json().stats;
    expect(stats.completion).toEqual({ finished: 3, completed: 1, rate: 33.33 });
    expect(stats.gain).toEqual({ n: 3, meanPre: 60, meanPost: 80, meanGain: 20 });
    expect(stats.reaction).toMatchObject({ respondents: 2, overall: 4 });
    expect(stats.waiting).toBe(1);

    const mine = await request(ctx, ani.cookie, { method: 'GET', url: '/api/me/training' });
    expect(mine.json().items).toMatchObject([{ id: aniId, status: 'completed', certificateNumber: number, reactionDone: true }]);

    // Reopening for a correction suspends the certificate until the class closes again, with the same number.
    expect((await api(trainer.cookie, 'POST', `/sessions/${session.id}/reopen`, { note: 'Koreksi nilai' })).statusCode).toBe(403);
    expect((await api(admin, 'POST', `/sessions/${session.id}/reopen`, { note: 'Koreksi nilai post-test Citra' })).statusCode).toBe(200);
    expect((await request(ctx, null, { method: 'GET', url: `/api/public/training/certificates/${number}?t=${token}` })).json().certificate.valid).toBe(false);
    await api(trainer.cookie, 'PUT', `/sessions/${session.id}/scores`, { entries: [{ enrolmentId: citraEnrolment.id, preTest: 70, postTest: 72 }] });
    expect((await api(admin, 'POST', `/sessions/${session.id}/close`)).json().result).toMatchObject({ completed: 2 });
    const [again] = await db().select().from(trainingEnrolments).where(eq(trainingEnrolments.id, aniId));
    expect(again!.certificateNumber).toBe(number);
    const [citraRow] = await db().select().from(trainingEnrolments).where(eq(trainingEnrolments.id, citraEnrolment.id));
    expect(citraRow!.certificateNumber).toMatch(/-00002$/);
    expect((await request(ctx, null, { method: 'GET', url: `/api/public/training/certificates/${number}?t=${token}` })).json().certificate.valid).toBe(true);
    const closes = await db().select().from(auditLog).where(and(eq(auditLog.targetId, session.id), eq(auditLog.action, 'training.session.close'))).orderBy(auditLog.chain, auditLog.seq);
    expect(closes).toHaveLength(2);
  });

  it('numbers certificates per agency: the same programme code in two agencies issues two distinct first numbers', async () => {
    const numbers = [];
    for (const agency of [agencyId, otherAgencyId]) {
      const programme = await createProgrammeRow(db(), agency, { code: 'SAMA', minPostTest: null });
      const { session, meetings } = await createSessionRow(db(), agency, { programmeId: programme.id, meetingsAt: [-2] });
      const enrolment = await createEnrolmentRow(db(), agency, { programmeId: programme.id, sessionId: session.id });
      const cookie = agency === agencyId ? admin : (await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId: agency }] })).cookie;
      const url = (path: string) => `/api/agencies/${agency}/training/sessions/${session.id}${path}`;
      await request(ctx, cookie, { method: 'PUT', url: url('/attendance'), payload: { meetingId: meetings[0]!.id, entries: [{ enrolmentId: enrolment.id, status: 'present' }] } });
      expect((await request(ctx, cookie, { method: 'POST', url: url('/close') })).json().result.completed).toBe(1);
      numbers.push((await db().select().from(trainingEnrolments).where(eq(trainingEnrolments.id, enrolment.id)))[0]!.certificateNumber);
    }
    expect(numbers[0]).toMatch(/-SAMA-\d{4}-00001$/);
    expect(numbers[1]).toMatch(/-SAMA-\d{4}-00001$/);
    expect(numbers[0]).not.toBe(numbers[1]);
  });

  it('refuses attendance before a meeting starts and closing before the last meeting — 400/409', async () => {
    const { session, meetings } = await createSessionRow(db(), agencyId, { trainerAccountId: trainer.id, meetingsAt: [-24, 24] });
    const enrolment = await createEnrolmentRow(db(), agencyId, { programmeId: session.programmeId, sessionId: session.id });
    const future = await api(trainer.cookie, 'PUT', `/sessions/${session.id}/attendance`, { meetingId: meetings[1]!.id, entries: [{ enrolmentId: enrolment.id, status: 'present' }] });
    expect(future.json().error.fields).toHaveProperty('meetingId');
    const close = await api(trainer.cookie, 'POST', `/sessions/${session.id}/close`);
    expect(close.statusCode).toBe(409);
    expect(close.json().error.message).toContain('pertemuan terakhir');
    expect((await api(trainer.cookie, 'POST', `/enrolments/${enrolment.id}/reaction`, { answers: answers() })).statusCode).toBe(403);
  });
});

describe('requests', () => {
  it('sends a request without a supervisor to the administrators, who may reject it with a reason', async () => {
    const { cookie, employee } = await employeeWithLogin('Tanpa Atasan');
    const programme = await createProgrammeRow(db(), agencyId);
    const asked = await api(cookie, 'POST', '/requests', { programmeId: programme.id, reason: 'Ingin memperdalam layanan.' });
    expect(asked.statusCode).toBe(201);
    expect((await api(cookie, 'POST', '/requests', { programmeId: programme.id, reason: 'Ingin memperdalam layanan lagi.' })).statusCode).toBe(409);
    expect((await api(cookie, 'POST', '/requests', { programmeId: programme.id, reason: 'pendek' })).json().error.fields).toHaveProperty('reason');
    expect((await api(admin, 'POST', `/enrolments/${asked.json().enrolment.id}/reject`, { note: '' })).statusCode).toBe(400);
    const rejected = await api(admin, 'POST', `/enrolments/${asked.json().enrolment.id}/reject`, { note: 'Kuota tahun ini penuh' });
    expect(rejected.json().enrolment).toMatchObject({ status: 'rejected', decisionNote: 'Kuota tahun ini penuh' });
    const told = await db().select().from(notifications).where(eq(notifications.accountId, employee.accountId!));
    expect(told.some((n) => n.body.includes('Kuota tahun ini penuh'))).toBe(true);
    // Rejected is not "open": a new request may follow, and the participant may withdraw it.
    const again = await api(cookie, 'POST', '/requests', { programmeId: programme.id, reason: 'Mengajukan kembali tahun depan.' });
    expect(again.statusCode).toBe(201);
    expect((await api(cookie, 'POST', `/enrolments/${again.json().enrolment.id}/cancel`, { note: 'Tidak jadi ikut' })).json().enrolment.status).toBe('cancelled');
  });

  it('refuses a request from an account that is not an employee, and for a candidates-only programme', async () => {
    const pegawaiOnly = await accountWithSession(ctx, { roles: [{ role: 'pegawai', agencyId }] });
    const programme = await createProgrammeRow(db(), agencyId);
    expect((await api(pegawaiOnly.cookie, 'POST', '/requests', { programmeId: programme.id, reason: 'Saya perlu pelatihan ini.' })).statusCode).toBe(403);
    const { cookie } = await employeeWithLogin('Pegawai Biasa');
    const forCandidates = await createProgrammeRow(db(), agencyId, { audience: 'candidate' });
    expect((await api(cookie, 'POST', '/requests', { programmeId: forCandidates.id, reason: 'Saya perlu pelatihan ini.' })).json().error.fields).toHaveProperty('programmeId');
  });
});

describe('candidates', () => {
  it('enrols an eligible candidate of a running round before its final stage; refuses one not MS or after the final announcement', async () => {
    const selection = await createSelectionRow(ctx, agencyId, { schedule: { finalAnnouncement: '2099-12-31' } });
    const { application } = await submittedApplication(ctx, { agencyId, selection, name: 'Calon Peserta' });
    const programme = await createProgrammeRow(db(), agencyId, { audience: 'candidate', name: 'Etika Kerja dan Pelayanan Publik bagi Calon ASN' });
    const notMs = await api(admin, 'POST', '/enrolments', { programmeId: programme.id, applicationId: application.id });
    expect(notMs.json().error.message).toContain('Memenuhi Syarat');
    await db().update(applications).set({ status: 'ms' }).where(eq(applications.id, application.id));
    const enrolled = await api(admin, 'POST', '/enrolments', { programmeId: programme.id, applicationId: application.id });
    expect(enrolled.json().enrolment).toMatchObject({ status: 'waiting', participant: { kind: 'candidate', name: 'Calon Peserta', accountId: application.accountId } });
    const forEmployees = await createProgrammeRow(db(), agencyId);
    expect((await api(admin, 'POST', '/enrolments', { programmeId: forEmployees.id, applicationId: application.id })).json().error.fields).toHaveProperty('programmeId');

    const past = await createSelectionRow(ctx, agencyId, { schedule: { finalAnnouncement: '2020-01-01' } });
    const late = await submittedApplication(ctx, { agencyId, selection: past });
    await db().update(applications).set({ status: 'ms' }).where(eq(applications.id, late.application.id));
    expect((await api(admin, 'POST', '/enrolments', { programmeId: programme.id, applicationId: late.application.id })).json().error.message).toContain('sebelum tahap akhir');
    const foreign = await submittedApplication(ctx, { agencyId: otherAgencyId });
    expect((await api(admin, 'POST', '/enrolments', { programmeId: programme.id, applicationId: foreign.application.id })).json().error.fields).toHaveProperty('applicationId');
    const panitia = (await accountWithSession(ctx, { roles: [{ role: 'atasan', agencyId }] })).cookie;
    expect((await api(panitia, 'POST', '/enrolments', { programmeId: programme.id, applicationId: application.id })).statusCode).toBe(403);
  });

  it('enrols every MS candidate of a round at once into a class, all or none by its seats, skipping those already in', async () => {
    const selection = await createSelectionRow(ctx, agencyId, { schedule: { finalAnnouncement: '2099-12-31' } });
    const made = [];
    for (const name of ['Calon A', 'Calon B', 'Calon C']) made.push((await submittedApplication(ctx, { agencyId, selection, name })).application);
    await db().update(applications).set({ status: 'ms' }).where(eq(applications.id, made[0]!.id));
    await db().update(applications).set({ status: 'ms' }).where(eq(applications.id, made[1]!.id));
    const programme = await createProgrammeRow(db(), agencyId, { audience: 'candidate' });
    const { session } = await createSessionRow(db(), agencyId, { programmeId: programme.id, capacity: 1 });
    const tooFew = await api(admin, 'POST', '/enrolments/candidates', { programmeId: programme.id, sessionId: session.id, selectionId: selection.id });
    expect(tooFew.statusCode).toBe(409);
    expect(tooFew.json().error.message).toContain('1 kursi kosong untuk 2 peserta');
    expect(await db().select().from(trainingEnrolments).where(eq(trainingEnrolments.programmeId, programme.id))).toEqual([]);
    await db().update(trainingSessions).set({ capacity: 5 }).where(eq(trainingSessions.id, session.id));
    const done = await api(admin, 'POST', '/enrolments/candidates', { programmeId: programme.id, sessionId: session.id, selectionId: selection.id });
    expect(done.json()).toEqual({ enrolled: 2, already: 0 });
    expect((await api(admin, 'POST', '/enrolments/candidates', { programmeId: programme.id, sessionId: session.id, selectionId: selection.id })).json()).toEqual({ enrolled: 0, already: 2 });
    const rows = await db().select().from(trainingEnrolments).where(eq(trainingEnrolments.programmeId, programme.id));
    expect(rows.map((r) => [r.participantName, r.status, r.sessionId]).sort()).toEqual([
      ['Calon A', 'enrolled', session.id],
      ['Calon B', 'enrolled', session.id],
    ]);
  });
});

describe('development recommendations', () => {
  it('proposes an employee once per open enrolment and reports its progress until the certificate', async () => {
    const employee = await createEmployeeRow(db(), agencyId, { name: 'Perlu Pengembangan' });
    const programme = await createProgrammeRow(db(), agencyId, { competencies: ['Etika dan integritas'] });
    const actor = await createAccount(ctx, { roles: [{ role: 'atasan', agencyId }] });
    const first = await db().transaction((tx) => enrolForDevelopment(tx, { agencyId, employeeId: employee.id, programmeId: programme.id, reason: 'Predikat Butuh Perbaikan', actorId: actor.id }));
    const second = await db().transaction((tx) => enrolForDevelopment(tx, { agencyId, employeeId: employee.id, programmeId: programme.id, reason: 'Lagi', actorId: actor.id }));
    expect(first.created).toBe(true);
    expect(second).toEqual({ enrolmentId: first.enrolmentId, created: false });
    expect(await enrolmentStatus(db(), { agencyId, enrolmentId: first.enrolmentId })).toMatchObject({ status: 'waiting', progress: 'Menunggu jadwal kelas', certificateUrl: null });

    const { session, meetings } = await createSessionRow(db(), agencyId, { programmeId: programme.id, meetingsAt: [-3] });
    await api(admin, 'POST', `/enrolments/${first.enrolmentId}/place`, { sessionId: session.id });
    expect((await enrolmentStatus(db(), { agencyId, enrolmentId: first.enrolmentId })).progress).toBe(`Terdaftar di kelas ${session.name}`);
    await api(admin, 'PUT', `/sessions/${session.id}/attendance`, { meetingId: meetings[0]!.id, entries: [{ enrolmentId: first.enrolmentId, status: 'present' }] });
    await api(admin, 'PUT', `/sessions/${session.id}/scores`, { entries: [{ enrolmentId: first.enrolmentId, preTest: 40, postTest: 75 }] });
    await api(admin, 'POST', `/sessions/${session.id}/close`);
    expect(await enrolmentStatus(db(), { agencyId, enrolmentId: first.enrolmentId })).toMatchObject({
      status: 'completed',
      progress: 'Lulus',
      certificateUrl: `/api/agencies/${agencyId}/training/enrolments/${first.enrolmentId}/certificate.pdf`,
    });
    const latsar = await createProgrammeRow(db(), agencyId, { isBasic: true });
    await createEnrolmentRow(db(), agencyId, { programmeId: latsar.id, employeeId: employee.id, status: 'not_completed' });
    const untrained = await createEmployeeRow(db(), agencyId);
    expect(await trainingOutcomesOfEmployees(db(), { agencyId, employeeIds: [employee.id, untrained.id] })).toEqual([
      { employeeId: employee.id, completed: 1, notCompleted: 1, basicCompleted: false },
      { employeeId: untrained.id, completed: 0, notCompleted: 0, basicCompleted: false },
    ]);
    expect(await trainingOutcomesOfEmployees(db(), { agencyId: otherAgencyId, employeeIds: [employee.id] })).toEqual([{ employeeId: employee.id, completed: 0, notCompleted: 0, basicCompleted: false }]);
    const ended = await createEmployeeRow(db(), agencyId, { status: 'ended', endedAt: '2025-01-01', endReason: 'pensiun' });
    await expect(db().transaction((tx) => enrolForDevelopment(tx, { agencyId, employeeId: ended.id, programmeId: programme.id, reason: 'x', actorId: actor.id }))).rejects.toThrow('berhenti');
  });
  it('recommends the most focused active programme for employees that builds the competency, never the basic training', async () => {
    const competency = 'Manajemen Arsip Digital';
    const pick = (agency: string) => developmentProgrammeFor(db(), { agencyId: agency, competency: competency.toUpperCase() });
    expect(await pick(agencyId)).toBeNull();
    await createProgrammeRow(db(), agencyId, { name: 'A Latsar', isBasic: true, competencies: [competency] });
    await createProgrammeRow(db(), agencyId, { name: 'A Nonaktif', active: false, competencies: [competency] });
    await createProgrammeRow(db(), agencyId, { name: 'A Pelamar', audience: 'applicant', competencies: [competency] });
    await createProgrammeRow(db(), otherAgencyId, { name: 'A Lain', competencies: [competency] });
    expect(await pick(agencyId)).toBeNull();
    const broad = await createProgrammeRow(db(), agencyId, { name: 'A Luas', competencies: ['Pelayanan publik', competency.toLowerCase()] });
    expect(await pick(agencyId)).toEqual({ id: broad.id });
    await createProgrammeRow(db(), agencyId, { name: 'C Fokus', competencies: [competency] });
    const focused = await createProgrammeRow(db(), agencyId, { name: 'B Fokus', audience: 'both', competencies: [competency] });
    expect(await pick(agencyId)).toEqual({ id: focused.id });
  });
});

describe('feedback from new ASN', () => {
  it('asks a new ASN about their recruitment, then their basic training, and shows the answers beside their round', async () => {
    const selection = await createSelectionRow(ctx, agencyId, { name: 'Seleksi CPNS 2025' });
    const { cookie, employee } = await employeeWithLogin('ASN Baru', { source: 'selection', selectionId: selection.id, status: 'calon', employmentType: 'cpns', appointedAt: '2026-01-02' });
    const pending = await request(ctx, cookie, { method: 'GET', url: '/api/me/asn-surveys' });
    expect(pending.json().items.map((s: { stage: string }) => s.stage)).toEqual(['appointment']);
    const post = (payload: object) => request(ctx, cookie, { method: 'POST', url: `/api/agencies/${agencyId}/asn-feedback`, payload });
    const good = { information: 4, registration: 5, verification: 3, tests: 5, objections: 4, fit: 4 };
    expect((await post({ stage: 'appointment', answers: { ...good, tests: 0 } })).json().error.fields).toHaveProperty('answers.tests');
    expect((await post({ stage: 'appointment', answers: { ...good, fit: undefined } })).json().error.fields).toHaveProperty('answers.fit');
    expect((await post({ stage: 'basic_training', answers: { preparation: 4, values: 4, organisation: 4, mentoring: 4 } })).statusCode).toBe(409);
    expect((await post({ stage: 'appointment', answers: good, comment: 'Pengumuman SKB sebaiknya lebih awal.' })).statusCode).toBe(201);
    expect((await post({ stage: 'appointment', answers: good })).statusCode).toBe(409);

    const latsar = await createProgrammeRow(db(), agencyId, { isBasic: true, name: 'Pelatihan Dasar CPNS' });
    await createEnrolmentRow(db(), agencyId, { programmeId: latsar.id, employeeId: employee.id, status: 'completed', completedAt: new Date() });
    expect((await request(ctx, cookie, { method: 'GET', url: '/api/me/asn-surveys' })).json().items.map((s: { stage: string }) => s.stage)).toEqual(['basic_training']);
    expect((await post({ stage: 'basic_training', answers: { preparation: 5, values: 4, organisation: 3, mentoring: 4 } })).statusCode).toBe(201);

    const panitia = (await accountWithSession(ctx, { roles: [{ role: 'panitia', agencyId }] })).cookie;
    const summary = await request(ctx, panitia, { method: 'GET', url: `/api/agencies/${agencyId}/selections/${selection.id}/asn-feedback` });
    expect(summary.statusCode).toBe(200);
    const [appointment, basic] = summary.json().stages;
    expect(appointment).toMatchObject({ stage: 'appointment', summary: { respondents: 1 }, comments: [{ comment: 'Pengumuman SKB sebaiknya lebih awal.' }] });
    expect(appointment.summary.questions.find((q: { key: string }) => q.key === 'tests').mean).toBe(5);
    expect(basic.summary.overall).toBe(4);
    expect(summary.json().appointed).toBe(1);
    expect(JSON.stringify(summary.json())).not.toContain('ASN Baru');
    const foreign = await createSelectionRow(ctx, otherAgencyId);
    expect((await request(ctx, panitia, { method: 'GET', url: `/api/agencies/${agencyId}/selections/${foreign.id}/asn-feedback` })).statusCode).toBe(404);
  });
});
