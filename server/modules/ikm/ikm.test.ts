import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithSession, createAgencyRow, createTestApp, request, type TestContext } from '../../test-support/app.js';
import { announcementFiles, announcements } from '../announcements/announcements.table.js';
import { auditLog } from '../audit/audit.table.js';
import { createUnitRow } from '../organisation/organisation.fixtures.js';
import { nextAddress, respond, submission, surveyRow } from './ikm.fixtures.js';
import { ikmImprovementPlans, ikmResponses, ikmSurveys } from './ikm.table.js';

let ctx: TestContext;
let agencyId: string;
let otherAgencyId: string;
let admin: { cookie: string; account: { id: string } };
let observer: { cookie: string };
let otherAdmin: { cookie: string };

const FLOOD_LIMIT = 5;

beforeAll(async () => {
  ctx = await createTestApp({ RATE_LIMIT_PUBLIC_PER_MINUTE: String(FLOOD_LIMIT) });
  agencyId = (await createAgencyRow(ctx, 'Instansi IKM')).id;
  otherAgencyId = (await createAgencyRow(ctx, 'Instansi Lain')).id;
  admin = await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId }] });
  observer = await accountWithSession(ctx, { roles: [{ role: 'pengawas', agencyId }] });
  otherAdmin = await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId: otherAgencyId }] });
}, 120_000);
afterAll(() => ctx.close());

const base = (agency = agencyId) => `/api/agencies/${agency}/ikm`;
const submit = (surveyId: string, payload: unknown, remoteAddress = nextAddress()) =>
  ctx.app.inject({ method: 'POST', url: `/api/public/ikm/surveys/${surveyId}/responses`, payload: payload as object, remoteAddress });
const responsesOf = async (surveyId: string) => (await ctx.database.db.select({ n: count() }).from(ikmResponses).where(eq(ikmResponses.surveyId, surveyId)))[0]!.n;
const detail = async (surveyId: string, cookie = admin.cookie) => request(ctx, cookie, { method: 'GET', url: `${base()}/surveys/${surveyId}` });

describe('surveys', () => {
  it('creates a draft survey of a unit for a period (audited), then opens it to the public', async () => {
    const unit = await createUnitRow(ctx.database.db, agencyId, { name: 'Dinas Kependudukan dan Pencatatan Sipil' });
    const created = await request(ctx, admin.cookie, {
      method: 'POST',
      url: `${base()}/surveys`,
      payload: { unitId: unit.id, serviceName: 'Penerbitan KTP elektronik', periodYear: 2026, periodKind: 'semester', periodNumber: 1, population: 500 },
    });
    expect(created.statusCode).toBe(201);
    const survey = created.json().survey;
    expect(survey).toMatchObject({
      status: 'draft',
      unit: { id: unit.id, name: 'Dinas Kependudukan dan Pencatatan Sipil' },
      period: { key: '2026-S1', label: 'Semester I 2026', start: '2026-01-01', end: '2026-06-30' },
      population: 500,
      respondents: 0,
      ikm: null,
      publicPath: `/ikm/${survey.id}`,
      publicUrl: `http://rekrutmen.test/ikm/${survey.id}`,
    });
    expect((await ctx.app.inject({ method: 'GET', url: `/api/public/ikm/surveys/${survey.id}` })).statusCode).toBe(404);
    expect((await submit(survey.id, submission([4, 4, 4, 4, 4, 4, 4, 4, 4]))).statusCode).toBe(404);

    const opened = await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/surveys/${survey.id}/open` });
    expect(opened.json().survey.status).toBe('open');
    const publicView = (await ctx.app.inject({ method: 'GET', url: `/api/public/ikm/surveys/${survey.id}` })).json().survey;
    expect(publicView).toMatchObject({ unitName: 'Dinas Kependudukan dan Pencatatan Sipil', serviceName: 'Penerbitan KTP elektronik', periodLabel: 'Semester I 2026', open: true });
    expect((await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/surveys/${survey.id}/open` })).statusCode).toBe(409);

    const trail = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, survey.id)).orderBy(auditLog.seq);
    expect(trail.map((e) => e.action)).toEqual(['ikm.survey_create', 'ikm.survey_open']);
  });

  it('refuses a second survey of the same unit and period — 409', async () => {
    const existing = await surveyRow(ctx, agencyId, { kind: 'triwulan', number: 2 });
    const again = await request(ctx, admin.cookie, {
      method: 'POST',
      url: `${base()}/surveys`,
      payload: { unitId: existing.unitId, serviceName: 'Layanan lain', periodYear: 2026, periodKind: 'triwulan', periodNumber: 2, population: 50 },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/sudah memiliki survei IKM untuk Triwulan II 2026/);
  });

  it('names the field of a bad survey and stores nothing — 400', async () => {
    const unit = await createUnitRow(ctx.database.db, agencyId);
    const foreignUnit = await createUnitRow(ctx.database.db, otherAgencyId);
    const before = (await ctx.database.db.select({ n: count() }).from(ikmSurveys))[0]!.n;
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ periodKind: 'semester', periodNumber: 3 }, 'periodNumber', /Nomor semester harus 1–2/],
      [{ periodYear: 2016 }, 'periodYear', /Tahun minimal 2017/],
      [{ population: 0 }, 'population', /Populasi minimal 1/],
      [{ population: 'seratus' }, 'population', /angka/],
      [{ serviceName: 'x'.repeat(201) }, 'serviceName', /maksimal 200/],
      [{ periodKind: 'bulanan' }, 'periodKind', /tahunan, semester atau triwulan/],
      [{ unitId: foreignUnit.id }, 'unitId', /tidak ditemukan di instansi ini/],
    ];
    for (const [over, field, message] of cases) {
      const response = await request(ctx, admin.cookie, {
        method: 'POST',
        url: `${base()}/surveys`,
        payload: { unitId: unit.id, serviceName: 'Layanan uji', periodYear: 2026, periodKind: 'tahunan', periodNumber: 1, population: 100, ...over },
      });
      expect(response.statusCode, JSON.stringify(over)).toBe(400);
      expect(response.json().error.fields[field], JSON.stringify(over)).toMatch(message);
    }
    expect((await ctx.database.db.select({ n: count() }).from(ikmSurveys))[0]!.n).toBe(before);
  });

  it('lets the observer read but not manage, and keeps other agencies out — 403/404', async () => {
    const survey = await surveyRow(ctx, agencyId);
    expect((await detail(survey.id, observer.cookie)).statusCode).toBe(200);
    expect((await request(ctx, observer.cookie, { method: 'POST', url: `${base()}/surveys/${survey.id}/close` })).statusCode).toBe(403);
    expect((await request(ctx, otherAdmin.cookie, { method: 'GET', url: `${base()}/surveys/${survey.id}` })).statusCode).toBe(403);
    // Another agency's admin asking under their own agency for our survey finds nothing, and changes nothing.
    expect((await request(ctx, otherAdmin.cookie, { method: 'GET', url: `${base(otherAgencyId)}/surveys/${survey.id}` })).statusCode).toBe(404);
    expect((await request(ctx, otherAdmin.cookie, { method: 'POST', url: `${base(otherAgencyId)}/surveys/${survey.id}/close` })).statusCode).toBe(404);
    expect((await ctx.database.db.select().from(ikmSurveys).where(eq(ikmSurveys.id, survey.id)))[0]!.status).toBe('open');
  });

  it('lists surveys with their IKM, filtered by period and searched by unit name', async () => {
    const unit = await createUnitRow(ctx.database.db, agencyId, { name: 'Rumah Sakit Umum Daerah Pencarian' });
    const survey = await surveyRow(ctx, agencyId, { unitId: unit.id, year: 2025, kind: 'triwulan', number: 4 });
    await respond(ctx, survey.id, [[4, 4, 4, 4, 4, 4, 4, 4, 4]]);
    const list = (await request(ctx, admin.cookie, { method: 'GET', url: `${base()}/surveys?periodKey=2025-T4&q=pencarian` })).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: survey.id, respondents: 1, ikm: 100, grade: { letter: 'A', label: 'Sangat Baik' } });
    const periods = (await request(ctx, admin.cookie, { method: 'GET', url: `${base()}/periods` })).json().items;
    expect(periods).toContainEqual({ key: '2025-T4', label: 'Triwulan IV 2025', surveys: 1 });
  });

  it('gives the survey link as a QR code (PNG)', async () => {
    const survey = await surveyRow(ctx, agencyId);
    const png = await request(ctx, admin.cookie, { method: 'GET', url: `${base()}/surveys/${survey.id}/qr.png` });
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
  });

  it('refuses to delete a unit that has surveys — 409', async () => {
    const survey = await surveyRow(ctx, agencyId);
    const response = await request(ctx, admin.cookie, { method: 'DELETE', url: `/api/agencies/${agencyId}/units/${survey.unitId}` });
    expect(response.json().error?.message ?? response.statusCode).toMatch(/masih dipakai/);
    expect(response.statusCode).toBe(409);
  });
});

describe('public submission', () => {
  it('stores a valid submission and acknowledges it — 201', async () => {
    const survey = await surveyRow(ctx, agencyId);
    const response = await submit(survey.id, submission([4, 3, 3, 4, 3, 4, 4, 3, 4], { suggestion: 'Antrean mohon dipercepat.' }));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ message: expect.stringMatching(/Terima kasih/) });
    const [row] = await ctx.database.db.select().from(ikmResponses).where(eq(ikmResponses.surveyId, survey.id));
    expect(row).toMatchObject({ u1: 4, u2: 3, u9: 4, ageGroup: '30_39', sex: 'P', education: 's1', occupation: 'swasta', suggestion: 'Antrean mohon dipercepat.', agencyId });
    // No address is kept, only a keyed fingerprint.
    expect(JSON.stringify(row)).not.toMatch(/10\.\d+\.\d+\.\d+/);
  });

  it('refuses an answer outside 1–4, naming the element, and stores nothing — 400', async () => {
    const survey = await surveyRow(ctx, agencyId);
    const cases: Array<[unknown, string, RegExp]> = [
      [5, 'answers.u3', /U3 Waktu Penyelesaian: jawaban harus 1–4/],
      [0, 'answers.u3', /jawaban harus 1–4/],
      [2.5, 'answers.u3', /bilangan bulat/],
      ['3', 'answers.u3', /jawaban harus angka 1–4/],
      [null, 'answers.u3', /U3 Waktu Penyelesaian: wajib dijawab/],
    ];
    for (const [value, field, message] of cases) {
      const body = submission([3, 3, 3, 3, 3, 3, 3, 3, 3]);
      (body.answers as Record<string, unknown>).u3 = value;
      const response = await submit(survey.id, body);
      expect(response.statusCode, String(value)).toBe(400);
      expect(response.json().error.fields[field], String(value)).toMatch(message);
    }
    expect(await responsesOf(survey.id)).toBe(0);
  });

  it('refuses a missing element, a missing profile answer and an unknown field — 400', async () => {
    const survey = await surveyRow(ctx, agencyId);
    const missing = submission([3, 3, 3, 3, 3, 3, 3, 3, 3]);
    delete (missing.answers as Record<string, unknown>).u4;
    const response = await submit(survey.id, missing);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields['answers.u4']).toBe('U4 Biaya/Tarif: wajib dijawab');

    const noProfile = submission([3, 3, 3, 3, 3, 3, 3, 3, 3], { profile: { ageGroup: '30_39', sex: 'P', education: 's1' } });
    expect((await submit(survey.id, noProfile)).json().error.fields['profile.occupation']).toBe('Pekerjaan utama wajib dipilih');
    const badProfile = submission([3, 3, 3, 3, 3, 3, 3, 3, 3], { profile: { ageGroup: '99', sex: 'P', education: 's1', occupation: 'pns' } });
    expect((await submit(survey.id, badProfile)).json().error.fields['profile.ageGroup']).toBe('Kelompok umur tidak dikenal');
    const extra = { ...submission([3, 3, 3, 3, 3, 3, 3, 3, 3]), answers: { ...submission([3, 3, 3, 3, 3, 3, 3, 3, 3]).answers, u10: 4 } };
    expect((await submit(survey.id, extra)).statusCode).toBe(400);
    expect((await submit(survey.id, { ...submission([3, 3, 3, 3, 3, 3, 3, 3, 3]), submissionId: 'bukan-uuid' })).statusCode).toBe(400);
    expect(await responsesOf(survey.id)).toBe(0);
  });

  it('refuses a submission whose hidden field was filled, and stores nothing — 400', async () => {
    const survey = await surveyRow(ctx, agencyId);
    const response = await submit(survey.id, submission([4, 4, 4, 4, 4, 4, 4, 4, 4], { website: 'http://spam.example' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe('Jawaban tidak dapat diterima.');
    expect(await responsesOf(survey.id)).toBe(0);
  });

  it('recognises a retried submission: same receipt, counted once', async () => {
    const survey = await surveyRow(ctx, agencyId);
    const body = submission([2, 3, 3, 3, 3, 3, 3, 3, 3]);
    const first = await submit(survey.id, body, '10.200.0.1');
    const retry = await submit(survey.id, body, '10.200.0.2');
    expect([first.statusCode, retry.statusCode]).toEqual([201, 201]);
    expect(retry.json().receivedAt).toBe(first.json().receivedAt);
    expect(await responsesOf(survey.id)).toBe(1);
  });

  it('refuses the same response again from the same address on the same day — 409; another address is counted', async () => {
    const survey = await surveyRow(ctx, agencyId);
    expect((await submit(survey.id, submission([1, 2, 3, 4, 1, 2, 3, 4, 1]), '10.201.0.1')).statusCode).toBe(201);
    const duplicate = await submit(survey.id, submission([1, 2, 3, 4, 1, 2, 3, 4, 1]), '10.201.0.1');
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.message).toMatch(/sudah kami terima hari ini/);
    expect((await submit(survey.id, submission([1, 2, 3, 4, 1, 2, 3, 4, 1]), '10.201.0.2')).statusCode).toBe(201);
    expect((await submit(survey.id, submission([1, 2, 3, 4, 1, 2, 3, 4, 2]), '10.201.0.1')).statusCode).toBe(201);
    expect(await responsesOf(survey.id)).toBe(3);
  });

  it('stops a flood from one address — 429, nothing more stored', async () => {
    const survey = await surveyRow(ctx, agencyId);
    const statuses: number[] = [];
    for (let i = 0; i < FLOOD_LIMIT + 3; i += 1) statuses.push((await submit(survey.id, submission([3, 3, 3, 3, 3, 3, 3, Math.floor(i / 4) + 1, (i % 4) + 1]), '10.202.0.1')).statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(FLOOD_LIMIT);
    expect(statuses.slice(FLOOD_LIMIT)).toEqual([429, 429, 429]);
    const refused = await submit(survey.id, submission([4, 4, 4, 4, 4, 4, 4, 4, 4]), '10.202.0.1');
    expect(refused.json().error).toMatchObject({ code: 'RATE_LIMITED' });
    expect(await responsesOf(survey.id)).toBe(FLOOD_LIMIT);
    // Someone else at the same moment is not affected.
    expect((await submit(survey.id, submission([4, 4, 4, 4, 4, 4, 4, 4, 4]), '10.202.0.2')).statusCode).toBe(201);
  });

  it('refuses an oversized body — 413', async () => {
    const survey = await surveyRow(ctx, agencyId);
    const response = await submit(survey.id, submission([3, 3, 3, 3, 3, 3, 3, 3, 3], { suggestion: 'a'.repeat(20_000) }));
    expect(response.statusCode).toBe(413);
    expect(await responsesOf(survey.id)).toBe(0);
  });

  it('refuses answers once the survey is closed — 409, and again after it is reopened accepts them', async () => {
    const survey = await surveyRow(ctx, agencyId);
    await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/surveys/${survey.id}/close` });
    const closed = await submit(survey.id, submission([3, 3, 3, 3, 3, 3, 3, 3, 3]));
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toMatch(/sudah ditutup/);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/public/ikm/surveys/${survey.id}` })).json().survey.open).toBe(false);
    await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/surveys/${survey.id}/open` });
    expect((await submit(survey.id, submission([3, 3, 3, 3, 3, 3, 3, 3, 3]))).statusCode).toBe(201);
  });

  it('answers 404 for a survey that does not exist', async () => {
    expect((await submit('7f0c3f7e-5d3a-4a53-9d5e-3a9d1f0b9c11', submission([3, 3, 3, 3, 3, 3, 3, 3, 3]))).statusCode).toBe(404);
  });
});

describe('results', () => {
  it('computes NRR, weighted NRR, IKM, grade, weak elements and the sample check by hand', async () => {
    // Population 3 → Krejcie–Morgan needs 3; two respondents fall one short.
    const survey = await surveyRow(ctx, agencyId, { population: 3 });
    await respond(ctx, survey.id, [
      [4, 2, 3, 4, 4, 4, 1, 4, 3],
      [4, 3, 3, 4, 4, 4, 2, 4, 3],
    ]);
    const body = (await detail(survey.id)).json();
    // Sums 8,5,6,8,8,8,3,8,6 = 60 → IKM = 25 × 60 ÷ 18 = 83.333… → 83.33 (B).
    expect(body.result).toMatchObject({ respondents: 2, ikm: 83.33, grade: { letter: 'B', label: 'Baik' }, sample: { population: 3, required: 3, sufficient: false, shortfall: 1 } });
    expect(body.result.elements.map((e: { index: number; nrr: number; convertedScore: number; grade: string; weak: boolean }) => [e.index, e.nrr, e.convertedScore, e.grade, e.weak])).toEqual([
      [1, 4, 100, 'A', false],
      [2, 2.5, 62.5, 'D', true],
      [3, 3, 75, 'C', true],
      [4, 4, 100, 'A', false],
      [5, 4, 100, 'A', false],
      [6, 4, 100, 'A', false],
      [7, 1.5, 37.5, 'D', true],
      [8, 4, 100, 'A', false],
      [9, 3, 75, 'C', true],
    ]);
    expect(body.result.elements[1].weightedNrr).toBeCloseTo(2.5 / 9, 12);
    expect(body.weakWithoutPlan).toEqual([2, 3, 7, 9]);
    expect(body.profile.sex).toEqual([
      { value: 'L', label: 'Laki-laki', count: 0 },
      { value: 'P', label: 'Perempuan', count: 2 },
    ]);
    expect(body.survey).toMatchObject({ respondents: 2, ikm: 83.33 });
  });

  it('shows the grade boundary as the regulation does: 19 respondents totalling 524 → 76.61 (B)', async () => {
    const survey = await surveyRow(ctx, agencyId);
    // 19 rows: 1 row of eights … built to total 524 (as core/ikm.test.ts does).
    const rows = Array.from({ length: 19 }, () => new Array<number>(9).fill(3));
    let extra = 524 - 27 * 19;
    for (const row of rows) for (let i = 0; i < 9 && extra > 0; i += 1, extra -= 1) row[i] = 4;
    await respond(ctx, survey.id, rows);
    expect((await detail(survey.id)).json().result).toMatchObject({ respondents: 19, ikm: 76.61, grade: { letter: 'B' } });
  });

  it('follows the unit over periods of the same kind, with the change from the previous one', async () => {
    const first = await surveyRow(ctx, agencyId, { kind: 'semester', number: 1, year: 2025 });
    const second = await surveyRow(ctx, agencyId, { unitId: first.unitId, kind: 'semester', number: 2, year: 2025 });
    await surveyRow(ctx, agencyId, { unitId: first.unitId, kind: 'tahunan', year: 2025 });
    await respond(ctx, first.id, [[3, 3, 3, 3, 3, 3, 3, 3, 3]]);
    await respond(ctx, second.id, [[4, 4, 4, 4, 4, 4, 4, 4, 4]]);
    const trend = (await detail(second.id)).json().trend;
    expect(trend.map((t: { key: string; ikm: number; change: number | null; grade: string }) => [t.key, t.ikm, t.change, t.grade])).toEqual([
      ['2025-S1', 75, null, 'C'],
      ['2025-S2', 100, 25, 'A'],
    ]);
  });

  it('lists the written suggestions, newest first', async () => {
    const survey = await surveyRow(ctx, agencyId);
    expect((await submit(survey.id, submission([3, 3, 3, 3, 3, 3, 3, 3, 3], { suggestion: 'Ruang tunggu panas.' }))).statusCode).toBe(201);
    expect((await submit(survey.id, submission([3, 3, 3, 3, 3, 3, 3, 3, 4]))).statusCode).toBe(201);
    const list = (await request(ctx, admin.cookie, { method: 'GET', url: `${base()}/surveys/${survey.id}/suggestions` })).json();
    expect(list).toMatchObject({ total: 1, items: [{ text: 'Ruang tunggu panas.' }] });
  });
});

describe('improvement plans', () => {
  it('plans an improvement of a weak element with owner and due date, tracks it to done (audited)', async () => {
    const survey = await surveyRow(ctx, agencyId);
    await respond(ctx, survey.id, [[4, 4, 4, 4, 4, 4, 1, 4, 4]]);
    const created = await request(ctx, admin.cookie, {
      method: 'POST',
      url: `${base()}/surveys/${survey.id}/plans`,
      payload: { element: 7, action: 'Pelatihan pelayanan prima bagi petugas loket', owner: 'Kepala Seksi Pelayanan', dueDate: '2099-09-30' },
    });
    expect(created.statusCode).toBe(201);
    const plan = created.json().plan;
    expect(plan).toMatchObject({ element: 7, elementName: 'Perilaku Pelaksana', status: 'planned', overdue: false, completedAt: null });
    expect((await detail(survey.id)).json().weakWithoutPlan).toEqual([]);

    const progress = await request(ctx, admin.cookie, { method: 'PATCH', url: `${base()}/plans/${plan.id}`, payload: { status: 'in_progress', progressNote: 'Angkatan pertama selesai.' } });
    expect(progress.json().plan).toMatchObject({ status: 'in_progress', progressNote: 'Angkatan pertama selesai.' });
    const done = await request(ctx, admin.cookie, { method: 'PATCH', url: `${base()}/plans/${plan.id}`, payload: { status: 'done' } });
    expect(done.json().plan.completedAt).not.toBeNull();
    const trail = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, plan.id)).orderBy(auditLog.seq);
    expect(trail.map((e) => e.action)).toEqual(['ikm.plan_create', 'ikm.plan_update', 'ikm.plan_update']);
  });

  it('flags a plan past its due date as overdue and lists overdue plans first', async () => {
    const survey = await surveyRow(ctx, agencyId);
    const late = await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/surveys/${survey.id}/plans`, payload: { element: 3, action: 'Tambah loket antrean', owner: 'Sekretaris', dueDate: '2020-01-31' } });
    await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/surveys/${survey.id}/plans`, payload: { element: 9, action: 'Perbaiki ruang tunggu', owner: 'Kasubag Umum', dueDate: '2099-12-31' } });
    expect(late.json().plan.overdue).toBe(true);
    const list = (await request(ctx, admin.cookie, { method: 'GET', url: `${base()}/plans?surveyId=${survey.id}` })).json();
    expect(list.items.map((p: { element: number; overdue: boolean }) => [p.element, p.overdue])).toEqual([
      [3, true],
      [9, false],
    ]);
    expect((await request(ctx, admin.cookie, { method: 'GET', url: `${base()}/plans?surveyId=${survey.id}&overdue=1` })).json().total).toBe(1);
  });

  it('refuses a bad plan (element 10, no owner, impossible date) and another agency’s plan — 400/404', async () => {
    const survey = await surveyRow(ctx, agencyId);
    const bad = await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/surveys/${survey.id}/plans`, payload: { element: 10, action: 'Sesuatu yang baik', owner: '', dueDate: '2026-02-30' } });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['dueDate', 'element', 'owner']);
    const foreign = await surveyRow(ctx, otherAgencyId);
    const plan = await request(ctx, otherAdmin.cookie, { method: 'POST', url: `${base(otherAgencyId)}/surveys/${foreign.id}/plans`, payload: { element: 1, action: 'Sederhanakan syarat', owner: 'Kabid', dueDate: '2026-12-31' } });
    expect((await request(ctx, admin.cookie, { method: 'PATCH', url: `${base()}/plans/${plan.json().plan.id}`, payload: { status: 'done' } })).statusCode).toBe(404);
    expect((await ctx.database.db.select().from(ikmImprovementPlans).where(eq(ikmImprovementPlans.id, plan.json().plan.id)))[0]!.status).toBe('planned');
  });
});

describe('the period report', () => {
  it('refuses to publish while a survey of the period is open, then publishes the PDF as an announcement and supersedes it on republication', async () => {
    const agency = (await createAgencyRow(ctx, 'Instansi Laporan')).id;
    const head = await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId: agency }] });
    const a = await surveyRow(ctx, agency, { kind: 'triwulan', number: 1, population: 2 });
    const b = await surveyRow(ctx, agency, { kind: 'triwulan', number: 1, population: 100 });
    await respond(ctx, a.id, [
      [4, 4, 4, 4, 4, 4, 4, 4, 4],
      [3, 3, 3, 3, 3, 3, 3, 3, 3],
    ]);
    await respond(ctx, b.id, [[2, 2, 2, 2, 2, 2, 2, 2, 2]]);
    const url = `/api/agencies/${agency}/ikm/periods/2026-T1`;

    const report = (await request(ctx, head.cookie, { method: 'GET', url })).json();
    // Pooled: 3 respondents, total 36 + 27 + 18 = 81 → 25 × 81 ÷ 27 = 75.00 (C).
    expect(report).toMatchObject({ periodLabel: 'Triwulan I 2026', openSurveys: 2, overall: { respondents: 3, ikm: 75, grade: { letter: 'C' } }, publications: [] });
    const refused = await request(ctx, head.cookie, { method: 'POST', url: `${url}/publish` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/Tutup dahulu survei yang masih dibuka/);

    for (const s of [a, b]) await request(ctx, head.cookie, { method: 'POST', url: `/api/agencies/${agency}/ikm/surveys/${s.id}/close` });
    const preview = await request(ctx, head.cookie, { method: 'GET', url: `${url}/report.pdf` });
    expect(preview.headers['content-type']).toBe('application/pdf');
    expect(preview.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const published = await request(ctx, head.cookie, { method: 'POST', url: `${url}/publish` });
    expect(published.statusCode).toBe(201);
    const { announcementId, resultHash } = published.json();
    expect(resultHash).toMatch(/^[0-9a-f]{64}$/);
    const [announcement] = await ctx.database.db.select().from(announcements).where(eq(announcements.id, announcementId));
    expect(announcement).toMatchObject({ kind: 'ikm', status: 'published', title: 'Indeks Kepuasan Masyarakat Triwulan I 2026' });
    expect(announcement!.body).toMatch(/IKM gabungan seluruh responden: 75,00 \(mutu C, Kurang Baik\)/);
    expect(announcement!.body).toMatch(/1 unit belum mencapai sampel minimum/);
    const files = await ctx.database.db.select().from(announcementFiles).where(eq(announcementFiles.announcementId, announcementId));
    expect(files).toHaveLength(1);
    const publicPage = await ctx.app.inject({ method: 'GET', url: `/api/public/announcements/${announcementId}` });
    expect(publicPage.statusCode).toBe(200);

    const again = await request(ctx, head.cookie, { method: 'POST', url: `${url}/publish` });
    expect(again.statusCode).toBe(201);
    const [second] = await ctx.database.db.select().from(announcements).where(eq(announcements.id, again.json().announcementId));
    expect(second!.supersedesId).toBe(announcementId);
    expect((await request(ctx, head.cookie, { method: 'GET', url })).json().publications).toHaveLength(2);
  });

  it('refuses to publish a period without surveys or respondents — 409, and a malformed period — 400', async () => {
    expect((await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/periods/2031/publish` })).statusCode).toBe(409);
    const empty = await surveyRow(ctx, agencyId, { year: 2032, status: 'closed' });
    const response = await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/periods/2032/publish` });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/Belum ada responden/);
    expect(empty.periodKey).toBe('2032');
    const malformed = await request(ctx, admin.cookie, { method: 'GET', url: `${base()}/periods/2026-S3` });
    expect(malformed.statusCode).toBe(400);
  });
});
