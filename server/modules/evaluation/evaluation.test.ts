import { and, count, eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithSession, createAccount, createAgencyRow, createTestApp, loginCookie, request, type TestContext } from '../../test-support/app.js';
import { auditLog } from '../audit/audit.table.js';
import { createEmployeeRow } from '../employees/employees.fixtures.js';
import { createUnitRow } from '../organisation/organisation.fixtures.js';
import { closeSession, recordAttendance, recordScores } from '../training/enrolments.service.js';
import { createProgrammeRow, createSessionRow } from '../training/training.fixtures.js';
import { trainingEnrolments } from '../training/training.table.js';
import { behavioursAll, createDeskLinkRow, createPeriodRow, createPlanRow } from './evaluation.fixtures.js';
import { predikatDistribution, predikatOfEmployees } from './evaluation.service.js';
import { evaluationDeskFeedback, evaluationPeriods, evaluationPlans, evaluationRecommendations } from './evaluation.table.js';

let ctx: TestContext;
let agencyId: string;
let admin: { cookie: string; account: { id: string } };

const FLOOD_LIMIT = 6;

beforeAll(async () => {
  ctx = await createTestApp({ RATE_LIMIT_PUBLIC_PER_MINUTE: String(FLOOD_LIMIT) });
  agencyId = (await createAgencyRow(ctx, 'Kota Penilaian')).id;
  admin = await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId }] });
}, 180_000);
afterAll(() => ctx.close());

const db = () => ctx.database.db;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
const api = (cookie: string | null, method: Method, path: string, payload?: object, agency = agencyId) =>
  request(ctx, cookie, { method, url: `/api/agencies/${agency}/evaluation${path}`, ...(payload ? { payload } : {}) });

let people = 0;
/** A supervisor (atasan) and their employee (pegawai), both with accounts and sessions, in one unit. */
async function team(unitId?: string) {
  const unit = unitId ?? (await createUnitRow(db(), agencyId, { name: `Bidang Uji ${++people}` })).id;
  const bossAccount = await createAccount(ctx, { name: `Atasan ${++people}`, roles: [{ role: 'atasan', agencyId }, { role: 'pegawai', agencyId }] });
  const boss = await createEmployeeRow(db(), agencyId, { name: bossAccount.name, accountId: bossAccount.id, unitId: unit });
  const staffAccount = await createAccount(ctx, { name: `Pegawai ${++people}`, roles: [{ role: 'pegawai', agencyId }] });
  const staff = await createEmployeeRow(db(), agencyId, { name: staffAccount.name, accountId: staffAccount.id, unitId: unit, supervisorEmployeeId: boss.id });
  return {
    unitId: unit,
    boss: { employee: boss, account: bossAccount, cookie: await loginCookie(ctx, bossAccount.email) },
    staff: { employee: staff, account: staffAccount, cookie: await loginCookie(ctx, staffAccount.email) },
  };
}

const planItems = {
  items: [
    { title: 'Laporan kepegawaian bulanan', indicators: [{ name: 'Laporan terkirim tepat waktu', target: 12, unit: 'laporan' }] },
    { title: 'Layanan kenaikan pangkat', indicators: [{ name: 'Usulan diproses', target: 40, unit: 'usulan' }] },
  ],
};

function ratingOf(items: Array<{ id: string }>, rating: 'di_atas' | 'sesuai' | 'di_bawah', behaviour: 'di_atas' | 'sesuai' | 'di_bawah' = 'sesuai', extra: object = {}) {
  return { items: items.map((item) => ({ itemId: item.id, rating })), resultsRating: rating, behaviours: behavioursAll(behaviour), behaviourRating: behaviour, note: '', ...extra };
}

describe('periods', () => {
  it('opens a quarterly period (audited), refuses the same quarter twice — 201/409', async () => {
    const created = await api(admin.cookie, 'POST', '/periods', { kind: 'triwulan', year: 2026, quarter: 2 });
    expect(created.statusCode).toBe(201);
    expect(created.json().period).toMatchObject({ name: 'Triwulan II 2026', startsOn: '2026-04-01', endsOn: '2026-06-30', status: 'open', organisationRating: null, publicThreshold: 76.61 });
    expect((await api(admin.cookie, 'POST', '/periods', { kind: 'triwulan', year: 2026, quarter: 2 })).statusCode).toBe(409);
    const trail = await db().select().from(auditLog).where(eq(auditLog.targetId, created.json().period.id)).orderBy(auditLog.chain, auditLog.seq);
    expect(trail.map((e) => e.action)).toEqual(['evaluation.period.create']);
  });

  it('names the field of a bad period — 400', async () => {
    const response = await api(admin.cookie, 'POST', '/periods', { kind: 'triwulan', year: 2026 });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toHaveProperty('quarter');
  });
});

describe('the plan and the rating', () => {
  it('runs plan → return → agree → realisation → notes, only the supervisor acting on it, each step audited', async () => {
    const { boss, staff } = await team();
    const period = await createPeriodRow(db(), agencyId);
    const started = await api(staff.cookie, 'POST', `/periods/${period.id}/plans/mine`);
    expect(started.statusCode).toBe(201);
    const planId = started.json().plan.id as string;
    expect(started.json().viewer).toMatchObject({ role: 'pegawai', canEdit: true, canRate: false });
    expect((await api(staff.cookie, 'POST', `/periods/${period.id}/plans/mine`)).statusCode).toBe(409);

    const saved = await api(staff.cookie, 'PUT', `/plans/${planId}/items`, planItems);
    expect(saved.json().items.map((i: { title: string }) => i.title)).toEqual(['Laporan kepegawaian bulanan', 'Layanan kenaikan pangkat']);
    expect((await api(staff.cookie, 'POST', `/plans/${planId}/submit`)).json().plan.status).toBe('submitted');
    expect((await api(staff.cookie, 'PUT', `/plans/${planId}/items`, planItems)).statusCode).toBe(409);

    // Not the supervisor: another atasan, and the employee themself, are refused with the reason.
    const stranger = await team();
    const refused = await api(stranger.boss.cookie, 'POST', `/plans/${planId}/agree`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('Hanya atasan langsung pegawai ini yang dapat menyepakati rencana hasil kerjanya.');

    const returned = await api(boss.cookie, 'POST', `/plans/${planId}/return`, { note: 'Tambahkan target layanan mutasi.' });
    expect(returned.json().plan).toMatchObject({ status: 'returned', returnNote: 'Tambahkan target layanan mutasi.' });
    await api(staff.cookie, 'POST', `/plans/${planId}/submit`);
    const agreed = await api(boss.cookie, 'POST', `/plans/${planId}/agree`);
    expect(agreed.json().plan.status).toBe('agreed');
    expect(agreed.json().viewer).toMatchObject({ role: 'atasan', canRate: true });

    const indicators = agreed.json().items.flatMap((i: { indicators: Array<{ id: string }> }) => i.indicators);
    const realised = await api(staff.cookie, 'PUT', `/plans/${planId}/realisation`, { indicators: [{ indicatorId: indicators[0].id, realised: 9, note: 'Satu laporan terlambat.' }] });
    expect(realised.json().items[0].indicators[0]).toMatchObject({ realised: 9, achievementPercent: 75 });

    await api(boss.cookie, 'POST', `/plans/${planId}/notes`, { body: 'Pertahankan ketepatan waktu laporan.' });
    const withNote = await api(staff.cookie, 'POST', `/plans/${planId}/notes`, { body: 'Baik, Pak. Saya perbaiki jadwalnya.' });
    expect(withNote.json().notes.map((n: { authorRole: string; mine: boolean }) => [n.authorRole, n.mine])).toEqual([
      ['atasan', false],
      ['pegawai', true],
    ]);
    // The employee does not see peer and public input; the supervisor does.
    expect(withNote.json().input).toBeNull();
    expect((await api(boss.cookie, 'GET', `/plans/${planId}`)).json().input).toMatchObject({ peers: [], publicEmployee: { responses: 0 } });

    const trail = await db().select().from(auditLog).where(eq(auditLog.targetId, planId)).orderBy(auditLog.seq);
    expect(trail.map((e) => e.action)).toEqual([
      'evaluation.plan.create',
      'evaluation.plan.items',
      'evaluation.plan.submit',
      'evaluation.plan.return',
      'evaluation.plan.submit',
      'evaluation.plan.agree',
      'evaluation.plan.realise',
      'evaluation.note.add',
      'evaluation.note.add',
    ]);
  });

  it('stores realisation evidence through the files module and lets the supervisor download it', async () => {
    const { boss, staff } = await team();
    const period = await createPeriodRow(db(), agencyId);
    const { plan, items } = await createPlanRow(db(), agencyId, period.id, { employeeId: staff.employee.id });
    const boundary = '----bukti';
    const doc = await PDFDocument.create();
    doc.addPage([100, 100]);
    const content = Buffer.from(await doc.save());
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nDaftar hadir\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="hadir.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const uploaded = await request(ctx, staff.cookie, {
      method: 'POST',
      url: `/api/agencies/${agencyId}/evaluation/plans/${plan.id}/items/${items[0]!.item.id}/evidence`,
      payload: body,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(uploaded.statusCode).toBe(201);
    const evidence = uploaded.json().items[0].evidence[0];
    expect(evidence).toMatchObject({ title: 'Daftar hadir', fileName: 'hadir.pdf', mime: 'application/pdf' });
    const download = await request(ctx, boss.cookie, { method: 'GET', url: evidence.downloadUrl });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(content)).toBe(true);
    const stranger = await team();
    expect((await request(ctx, stranger.staff.cookie, { method: 'GET', url: evidence.downloadUrl })).statusCode).toBe(403);
  });

  it('refuses a rating by anyone but the direct supervisor — 403 with the reason, nothing changed', async () => {
    const { staff } = await team();
    const period = await createPeriodRow(db(), agencyId);
    const { plan, items } = await createPlanRow(db(), agencyId, period.id, { employeeId: staff.employee.id });
    const stranger = await team();
    for (const cookie of [stranger.boss.cookie, admin.cookie, staff.cookie]) {
      const response = await api(cookie, 'PUT', `/plans/${plan.id}/rating`, ratingOf(items.map((i) => i.item), 'di_atas'));
      expect(response.statusCode).toBe(403);
      expect(response.json().error.message).toBe('Hanya atasan langsung pegawai ini yang dapat menilai kinerjanya.');
    }
    const [after] = await db().select().from(evaluationPlans).where(eq(evaluationPlans.id, plan.id));
    expect(after!.predikat).toBeNull();
    expect(await db().select().from(auditLog).where(and(eq(auditLog.targetId, plan.id), eq(auditLog.action, 'evaluation.plan.rate'))).orderBy(auditLog.chain, auditLog.seq)).toEqual([]);
  });

  it('rates through the matrix, asks for a note when departing from the suggestion, and refuses an unagreed plan — 200/400/409', async () => {
    const { boss, staff } = await team();
    const period = await createPeriodRow(db(), agencyId);
    const { plan, items } = await createPlanRow(db(), agencyId, period.id, { employeeId: staff.employee.id, items: 2 });
    const rated = await api(boss.cookie, 'PUT', `/plans/${plan.id}/rating`, ratingOf(items.map((i) => i.item), 'di_atas', 'di_atas'));
    expect(rated.statusCode).toBe(200);
    expect(rated.json().detail.rating).toMatchObject({ resultsRating: 'di_atas', behaviourRating: 'di_atas', predikat: 'sangat_baik', final: false });
    expect(rated.json().warning).toBeNull();

    const departing = await api(boss.cookie, 'PUT', `/plans/${plan.id}/rating`, { ...ratingOf(items.map((i) => i.item), 'di_atas', 'di_atas'), resultsRating: 'sesuai' });
    expect(departing.statusCode).toBe(400);
    expect(departing.json().error.fields).toHaveProperty('note');

    const missing = await api(boss.cookie, 'PUT', `/plans/${plan.id}/rating`, ratingOf([items[0]!.item], 'sesuai'));
    expect(missing.statusCode).toBe(400);

    const draft = await createPlanRow(db(), agencyId, period.id, { status: 'submitted', employeeId: (await createEmployeeRow(db(), agencyId, { supervisorEmployeeId: boss.employee.id })).id });
    const early = await api(boss.cookie, 'PUT', `/plans/${draft.plan.id}/rating`, ratingOf(draft.items.map((i) => i.item), 'sesuai'));
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('Penilaian diberikan setelah rencana hasil kerja disepakati.');
  });
});

describe('development recommendations', () => {
  it('proposes the programme for the competency of a low predikat, tracks it to completion, and withdraws it when the rating is raised', async () => {
    const { boss, staff } = await team();
    const period = await createPeriodRow(db(), agencyId);
    const programme = await createProgrammeRow(db(), agencyId, { name: 'Pelayanan Prima', competencies: ['Pelayanan publik'] });
    const { plan, items } = await createPlanRow(db(), agencyId, period.id, { employeeId: staff.employee.id });
    const behaviours = { ...behavioursAll('sesuai'), 'Berorientasi Pelayanan': 'di_bawah' as const };
    const rated = await api(boss.cookie, 'PUT', `/plans/${plan.id}/rating`, { ...ratingOf(items.map((i) => i.item), 'di_bawah'), behaviours });
    expect(rated.statusCode).toBe(200);
    expect(rated.json().detail.rating.predikat).toBe('butuh_perbaikan');
    const [recommendation] = rated.json().detail.recommendations;
    expect(recommendation).toMatchObject({ source: 'predikat', competency: 'Pelayanan publik', programme: { id: programme.id }, status: 'enrolled', progress: 'Menunggu jadwal kelas' });

    // The employee completes it in a class: attendance and post-test by the trainer, the class closed.
    const [enrolment] = await db().select().from(trainingEnrolments).where(and(eq(trainingEnrolments.employeeId, staff.employee.id), eq(trainingEnrolments.programmeId, programme.id)));
    expect(enrolment).toMatchObject({ method: 'development', status: 'waiting' });
    const { session, meetings } = await createSessionRow(db(), agencyId, { programmeId: programme.id, meetingsAt: [-3] });
    await db().update(trainingEnrolments).set({ sessionId: session.id, status: 'enrolled' }).where(eq(trainingEnrolments.id, enrolment!.id));
    await recordAttendance(db(), { agencyId, sessionId: session.id, actorId: admin.account.id, meetingId: meetings[0]!.id, entries: [{ enrolmentId: enrolment!.id, status: 'present' }] });
    await recordScores(db(), { agencyId, sessionId: session.id, actorId: admin.account.id, entries: [{ enrolmentId: enrolment!.id, preTest: 50, postTest: 85 }] });
    await closeSession(db(), { agencyId, sessionId: session.id, actorId: admin.account.id });
    const mine = (await api(staff.cookie, 'GET', '/me')).json();
    expect(mine.recommendations[0]).toMatchObject({ status: 'completed', certificateUrl: expect.stringContaining('/certificate.pdf') });
    const list = (await api(admin.cookie, 'GET', `/recommendations?periodId=${period.id}`)).json();
    expect(list.items.map((r: { status: string }) => r.status)).toEqual(['completed']);

    // A second employee rated low, then raised to Baik: the waiting training is cancelled with the proposal.
    const other = await createEmployeeRow(db(), agencyId, { supervisorEmployeeId: boss.employee.id });
    const second = await createPlanRow(db(), agencyId, period.id, { employeeId: other.id });
    await api(boss.cookie, 'PUT', `/plans/${second.plan.id}/rating`, { ...ratingOf(second.items.map((i) => i.item), 'di_bawah'), behaviours });
    const raised = await api(boss.cookie, 'PUT', `/plans/${second.plan.id}/rating`, ratingOf(second.items.map((i) => i.item), 'sesuai'));
    expect(raised.json().detail.recommendations[0]).toMatchObject({ status: 'withdrawn' });
    const [cancelled] = await db().select().from(trainingEnrolments).where(eq(trainingEnrolments.employeeId, other.id));
    expect(cancelled!.status).toBe('cancelled');
  });

  it('keeps a recommendation as proposed when no programme builds the competency yet', async () => {
    const { boss, staff } = await team();
    const period = await createPeriodRow(db(), agencyId);
    const { plan, items } = await createPlanRow(db(), agencyId, period.id, { employeeId: staff.employee.id });
    const rated = await api(boss.cookie, 'PUT', `/plans/${plan.id}/rating`, { ...ratingOf(items.map((i) => i.item), 'sesuai'), behaviours: { ...behavioursAll('sesuai'), Loyal: 'di_bawah' }, behaviourRating: 'di_bawah', note: 'Pelanggaran disiplin.' });
    expect(rated.json().detail.rating.predikat).toBe('kurang');
    expect(rated.json().detail.recommendations[0]).toMatchObject({ competency: 'Wawasan kebangsaan', status: 'proposed', programme: null });
  });
});

describe('distribution and finalisation', () => {
  it('warns the supervisor beyond the bound, refuses finalisation with the reason and changes nothing, then finalises once reviewed', async () => {
    const { boss } = await team();
    const period = await createPeriodRow(db(), agencyId, { organisationRating: 'baik' });
    const plans = [];
    for (let i = 0; i < 3; i += 1) {
      const employee = await createEmployeeRow(db(), agencyId, { name: `Staf Sebaran ${i + 1}`, supervisorEmployeeId: boss.employee.id });
      plans.push(await createPlanRow(db(), agencyId, period.id, { employeeId: employee.id }));
    }
    // Organisation Baik: at most 70% of 3 → 2 Baik or better.
    const first = await api(boss.cookie, 'PUT', `/plans/${plans[0]!.plan.id}/rating`, ratingOf(plans[0]!.items.map((i) => i.item), 'sesuai'));
    expect(first.json().warning).toBeNull();
    const second = await api(boss.cookie, 'PUT', `/plans/${plans[1]!.plan.id}/rating`, ratingOf(plans[1]!.items.map((i) => i.item), 'sesuai'));
    expect(second.json().warning).toMatch(/tempat terakhir untuk predikat Baik/);
    const third = await api(boss.cookie, 'PUT', `/plans/${plans[2]!.plan.id}/rating`, ratingOf(plans[2]!.items.map((i) => i.item), 'di_atas', 'di_atas'));
    expect(third.statusCode).toBe(200);
    expect(third.json().warning).toMatch(/^Perhatian: dengan penilaian ini 3 dari 3 pegawai/);

    const detail = (await api(admin.cookie, 'GET', `/periods/${period.id}`)).json();
    expect(detail.distribution).toMatchObject({ plans: 3, rated: 3, baikOrBetter: 3, allowedBaikOrBetter: 2, withinBound: false, limitPercent: 70 });
    const refused = await api(admin.cookie, 'POST', `/periods/${period.id}/finalise`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('belum dapat difinalisasi');
    expect(refused.json().error.message).toContain('Predikat Baik atau Sangat Baik diberikan kepada 3 dari 3 pegawai');
    const [unchanged] = await db().select().from(evaluationPeriods).where(eq(evaluationPeriods.id, period.id));
    expect(unchanged).toMatchObject({ status: 'open', finalisedAt: null });
    expect(await db().select().from(auditLog).where(and(eq(auditLog.targetId, period.id), eq(auditLog.action, 'evaluation.period.finalise'))).orderBy(auditLog.chain, auditLog.seq)).toEqual([]);

    await api(boss.cookie, 'PUT', `/plans/${plans[2]!.plan.id}/rating`, ratingOf(plans[2]!.items.map((i) => i.item), 'di_bawah'));
    const finalised = await api(admin.cookie, 'POST', `/periods/${period.id}/finalise`);
    expect(finalised.statusCode).toBe(200);
    expect(finalised.json().period.status).toBe('finalised');
    const late = await api(boss.cookie, 'PUT', `/plans/${plans[2]!.plan.id}/rating`, ratingOf(plans[2]!.items.map((i) => i.item), 'sesuai'));
    expect(late.statusCode).toBe(409);
  });

  it('refuses finalisation without the organisation rating or with unrated plans', async () => {
    const period = await createPeriodRow(db(), agencyId);
    await createPlanRow(db(), agencyId, period.id);
    const refused = await api(admin.cookie, 'POST', `/periods/${period.id}/finalise`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/Predikat kinerja organisasi untuk periode ini belum diisi\. 1 pegawai belum dinilai atasannya/);
  });
});

describe('public feedback at the desk', () => {
  const rate = (code: string, payload: object, remoteAddress = '198.51.100.7') => ctx.app.inject({ method: 'POST', url: `/api/public/evaluation/desks/${code}/feedback`, payload, remoteAddress });
  const stored = async (linkId: string) => (await db().select({ n: count() }).from(evaluationDeskFeedback).where(eq(evaluationDeskFeedback.linkId, linkId)))[0]!.n;

  it('creates a desk link with its QR, takes a rating without an account and shows it to the supervisor as input', async () => {
    const { boss, staff, unitId } = await team();
    const created = await api(admin.cookie, 'POST', '/desk-links', { unitId, employeeId: staff.employee.id, label: 'Loket 2 Pelayanan Mutasi' });
    expect(created.statusCode).toBe(201);
    const link = created.json().link;
    expect(link).toMatchObject({ employee: { id: staff.employee.id }, url: `http://rekrutmen.test/nilai-layanan/${link.code}`, active: true });
    const qr = await request(ctx, admin.cookie, { method: 'GET', url: link.qrUrl });
    expect(qr.headers['content-type']).toBe('image/png');
    const desk = (await ctx.app.inject({ method: 'GET', url: `/api/public/evaluation/desks/${link.code}` })).json().desk;
    expect(desk).toMatchObject({ label: 'Loket 2 Pelayanan Mutasi', employee: { name: staff.employee.name }, active: true });
    expect(desk.employee).not.toHaveProperty('nip');

    expect((await rate(link.code, { score: 2, comment: 'Antrean lama.', clientToken: 'perangkat-satu' }, '203.0.113.5')).statusCode).toBe(201);
    const period = await createPeriodRow(db(), agencyId, { year: new Date().getUTCFullYear(), quarter: null });
    const { plan } = await createPlanRow(db(), agencyId, period.id, { employeeId: staff.employee.id });
    const seen = (await api(boss.cookie, 'GET', `/plans/${plan.id}`)).json();
    expect(seen.input.publicEmployee).toMatchObject({ responses: 1, index: 50, scores: [0, 1, 0, 0], recentComments: [{ comment: 'Antrean lama.' }] });
    expect(seen.input.publicUnit.responses).toBe(1);
    expect(seen.rating).toBeNull();
  });

  it('refuses a score outside 1–4, a filled hidden field and a second rating from the same device — nothing stored', async () => {
    const { unitId } = await team();
    const link = await createDeskLinkRow(db(), agencyId, { unitId });
    for (const [payload, status] of [
      [{ score: 5 }, 400],
      [{ score: 0 }, 400],
      [{ score: 2.5 }, 400],
      [{ score: 4, website: 'http://spam.example' }, 400],
    ] as const) {
      const response = await rate(link.code, payload, '192.0.2.10');
      expect(response.statusCode).toBe(status);
    }
    expect(await stored(link.id)).toBe(0);
    expect((await rate(link.code, { score: 4, clientToken: 'perangkat-dua' }, '192.0.2.11')).statusCode).toBe(201);
    const again = await rate(link.code, { score: 1, clientToken: 'perangkat-dua' }, '192.0.2.11');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/sudah kami terima/);
    expect(await stored(link.id)).toBe(1);
  });

  it('stops a flood from one address — 429, nothing more stored', async () => {
    const { unitId } = await team();
    const link = await createDeskLinkRow(db(), agencyId, { unitId });
    const statuses = [];
    for (let i = 0; i < FLOOD_LIMIT + 3; i += 1) statuses.push((await rate(link.code, { score: 3, clientToken: `banjir-${i}-token` }, '192.0.2.99')).statusCode);
    expect(statuses.slice(FLOOD_LIMIT)).toEqual([429, 429, 429]);
    expect(await stored(link.id)).toBe(statuses.filter((s) => s === 201).length);
  });

  it('a unit under the threshold gets public service training for its staff at finalisation', async () => {
    const { boss, staff, unitId } = await team();
    // Any active programme building public service will do (the first by name is proposed).
    await createProgrammeRow(db(), agencyId, { name: 'Pelayanan Publik Dasar', competencies: ['Pelayanan publik'] });
    const link = await createDeskLinkRow(db(), agencyId, { unitId });
    for (let i = 0; i < 3; i += 1) expect((await rate(link.code, { score: 2, clientToken: `warga-${i}-token` }, `198.18.0.${i + 1}`)).statusCode).toBe(201);
    const period = await createPeriodRow(db(), agencyId, { year: new Date().getUTCFullYear(), quarter: null, organisationRating: 'istimewa', publicMinResponses: 3 });
    const { plan, items } = await createPlanRow(db(), agencyId, period.id, { employeeId: staff.employee.id });
    await api(boss.cookie, 'PUT', `/plans/${plan.id}/rating`, ratingOf(items.map((i) => i.item), 'sesuai'));
    const report = (await api(admin.cookie, 'GET', `/periods/${period.id}/public-feedback`)).json();
    expect(report.units.find((u: { unitId: string }) => u.unitId === unitId).summary).toMatchObject({ responses: 3, index: 50, belowThreshold: true });
    expect((await api(admin.cookie, 'POST', `/periods/${period.id}/finalise`)).statusCode).toBe(200);
    const [recommendation] = await db().select().from(evaluationRecommendations).where(and(eq(evaluationRecommendations.periodId, period.id), eq(evaluationRecommendations.employeeId, staff.employee.id)));
    expect(recommendation).toMatchObject({ source: 'public_feedback', competency: 'Pelayanan publik', state: 'active' });
    expect(recommendation!.programmeId).not.toBeNull();
    expect(recommendation!.enrolmentId).not.toBeNull();
  });
});

describe('peer input', () => {
  it('takes a colleague of the same unit, refuses someone of another unit — 200/403', async () => {
    const { boss, staff, unitId } = await team();
    const period = await createPeriodRow(db(), agencyId);
    const { plan } = await createPlanRow(db(), agencyId, period.id, { employeeId: staff.employee.id });
    const peerAccount = await createAccount(ctx, { name: 'Rekan Satu Unit', roles: [{ role: 'pegawai', agencyId }] });
    await createEmployeeRow(db(), agencyId, { name: 'Rekan Satu Unit', accountId: peerAccount.id, unitId });
    const peer = await loginCookie(ctx, peerAccount.email);
    const mine = (await api(peer, 'GET', '/me')).json();
    expect(mine.colleagues).toContainEqual({ planId: plan.id, periodName: period.name, name: staff.employee.name, given: false });
    const given = await api(peer, 'PUT', `/plans/${plan.id}/peer-feedback`, { behaviours: { Kolaboratif: 'di_atas' }, body: 'Selalu membantu rekan saat antrean ramai.' });
    expect(given.statusCode).toBe(200);
    const seen = (await api(boss.cookie, 'GET', `/plans/${plan.id}`)).json();
    expect(seen.input.peers).toMatchObject([{ authorName: 'Rekan Satu Unit', behaviours: { Kolaboratif: 'di_atas' } }]);
    const outsider = await team();
    expect((await api(outsider.staff.cookie, 'PUT', `/plans/${plan.id}/peer-feedback`, { behaviours: {}, body: 'Masukan dari unit lain.' })).statusCode).toBe(403);
    expect((await api(peer, 'GET', `/plans/${plan.id}`)).statusCode).toBe(403);
  });
});

describe('helpers for dashboards and quality of hire', () => {
  it('predikatOfEmployees gives finalised periods only, ordered by the period end; predikatDistribution counts each period', async () => {
    const agency = (await createAgencyRow(ctx, 'Instansi Dasbor')).id;
    const a = await createEmployeeRow(db(), agency, { name: 'A' });
    const b = await createEmployeeRow(db(), agency, { name: 'B' });
    const later = await createPeriodRow(db(), agency, { year: 2027, quarter: null, status: 'finalised', organisationRating: 'baik' });
    const earlier = await createPeriodRow(db(), agency, { year: 2026, quarter: null, status: 'finalised', organisationRating: 'baik' });
    const open = await createPeriodRow(db(), agency, { year: 2028, quarter: 1 });
    await createPlanRow(db(), agency, later.id, { employeeId: a.id, predikat: 'baik' });
    await createPlanRow(db(), agency, earlier.id, { employeeId: a.id, predikat: 'butuh_perbaikan' });
    await createPlanRow(db(), agency, earlier.id, { employeeId: b.id, predikat: 'sangat_baik' });
    await createPlanRow(db(), agency, open.id, { employeeId: b.id, predikat: 'kurang' });
    const foreign = await createPeriodRow(db(), agencyId, { status: 'finalised' });
    await createPlanRow(db(), agencyId, foreign.id, { employeeId: (await createEmployeeRow(db(), agencyId)).id, predikat: 'baik' });

    const map = await predikatOfEmployees(db(), { agencyId: agency, employeeIds: [a.id, b.id] });
    expect(map.get(a.id)).toEqual([
      { periodId: earlier.id, periodName: earlier.name, predikat: 'butuh_perbaikan' },
      { periodId: later.id, periodName: later.name, predikat: 'baik' },
    ]);
    expect(map.get(b.id)).toEqual([{ periodId: earlier.id, periodName: earlier.name, predikat: 'sangat_baik' }]);
    expect((await predikatOfEmployees(db(), { agencyId, employeeIds: [a.id] })).size).toBe(0);

    const all = await predikatDistribution(db(), { agencyId: agency });
    expect(all.map((d) => [d.periodId, d.status, d.plans, d.baikOrBetter])).toEqual([
      [earlier.id, 'finalised', 2, 1],
      [later.id, 'finalised', 1, 1],
      [open.id, 'open', 1, 0],
    ]);
    expect(all[0]!.counts).toEqual({ sangat_baik: 1, baik: 0, butuh_perbaikan: 1, kurang: 0, sangat_kurang: 0 });
    expect(all[0]!.limitPercent).toBe(70);
    expect(await predikatDistribution(db(), { agencyId: agency, periodId: later.id })).toHaveLength(1);
    expect(await predikatDistribution(db(), { agencyId, periodId: later.id })).toEqual([]);
  });
});
