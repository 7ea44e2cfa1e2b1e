import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Predikat } from '../../../core/predikat.js';
import type { DashboardSection, DashboardView } from '../../../core/schemas/dashboards.js';
import { accountWithSession, createAgencyRow, createTestApp, request, type TestContext } from '../../test-support/app.js';
import { applications } from '../applications/applications.table.js';
import { createEmployeeRow } from '../employees/employees.fixtures.js';
import { createPeriodRow, createPlanRow } from '../evaluation/evaluation.fixtures.js';
import { respond, surveyRow } from '../ikm/ikm.fixtures.js';
import { createUnitRow } from '../organisation/organisation.fixtures.js';
import { closeFinalObjectionWindow, createFinalRound, type FinalRound } from '../results/results.fixtures.js';
import { panelScoresReader } from '../results/panel-source.js';
import { publishList } from '../results/results.service.js';
import { publishedStage } from '../sanggah/sanggah.fixtures.js';
import { sanggah } from '../sanggah/sanggah.table.js';
import { selections } from '../selections/selections.table.js';
import { buildDashboard } from './dashboards.service.js';
import type { PredikatReader } from './predikat-source.js';

let ctx: TestContext;
let round: FinalRound;
let otherAgencyId: string;
let admin: string;
let observer: string;
let superAdmin: string;
let unitId: string;
const employeeIds: string[] = [];

const DAY = 86_400_000;

beforeAll(async () => {
  ctx = await createTestApp();
  // Four MS candidates for one place each in two formations: 0 and 2 win, 1 below the SKD pass mark (TWK 60), 3 absent from SKD.
  round = await createFinalRound(ctx, {
    formations: [{ count: 1, positionName: 'Analis Kebijakan' }, { count: 1, positionName: 'Pranata Komputer' }],
    people: [
      { skd: [120, 140, 190], skb: 80, formasi: 0, name: 'Ani' },
      { skd: [60, 140, 190], skb: 90, formasi: 0, name: 'Budi' },
      { skd: [110, 130, 180], skb: 70, formasi: 1, name: 'Citra' },
      { skd: 'absent', formasi: 1, name: 'Dedi' },
    ],
  });
  const db = ctx.database.db;
  const agencyId = round.agencyId;
  otherAgencyId = (await createAgencyRow(ctx, 'Instansi Lain')).id;
  // Two more registrations in the first formation: one TMS, one still waiting for verification; and a draft that is not counted.
  for (const [i, status] of (['tms', 'submitted', 'draft'] as const).entries()) {
    const account = await accountWithSession(ctx, { roles: [{ role: 'pelamar', agencyId: null }] });
    await db.insert(applications).values({ agencyId, selectionId: round.selection.id, formasiId: round.formations[0]!.id, accountId: account.account.id, selectionType: 'cpns', selectionYear: 5000 + i, status, applicantName: `Tambahan ${i}` });
  }
  // The schedule and the administrative result with two answered objections and one pending.
  await db.update(selections).set({ schedule: { registrationOpens: '2026-01-05', registrationCloses: '2026-01-20', adminAnnouncement: '2026-01-25', objectionStart: '2026-01-25', objectionEnd: '2026-01-28', finalAnnouncement: '2026-04-01' } }).where(eq(selections.id, round.selection.id));
  const stage = await publishedStage(ctx, round.selection);
  const filed = new Date(Date.now() - 10 * DAY);
  await db.insert(sanggah).values([
    { agencyId, applicationId: round.people[0]!.application.id, stageResultId: stage.id, reason: 'Mohon diperiksa kembali ijazah saya.', requirementKeys: ['doc:ijazah'], status: 'diterima', answeredAt: new Date(filed.getTime() + 2 * DAY), createdAt: filed },
    { agencyId, applicationId: round.people[1]!.application.id, stageResultId: stage.id, reason: 'Mohon diperiksa kembali ijazah saya.', requirementKeys: ['doc:ijazah'], status: 'ditolak', answeredAt: new Date(filed.getTime() + 4 * DAY), createdAt: filed },
    { agencyId, applicationId: round.people[2]!.application.id, stageResultId: stage.id, reason: 'Mohon diperiksa kembali ijazah saya.', requirementKeys: ['doc:ijazah'], createdAt: filed },
  ]);
  // Final lists: first, then after the objection window, the post-objection list that appoints.
  const deps = { db, database: ctx.database, config: ctx.config, panelScores: panelScoresReader };
  await publishList(deps, 'akhir', { agencyId, selectionId: round.selection.id, actorId: round.panel.account.id });
  await closeFinalObjectionWindow(ctx, round.selection.id);
  await publishList(deps, 'akhir_pasca_sanggah', { agencyId, selectionId: round.selection.id, actorId: round.panel.account.id });
  // The winners become employees of one unit on 2024-07-01; one of them left after 18 months.
  unitId = (await createUnitRow(db, agencyId, { name: 'Dinas Komunikasi dan Informatika' })).id;
  for (const [i, person] of [round.people[0]!, round.people[2]!].entries()) {
    const employee = await createEmployeeRow(db, agencyId, { name: person.account.name, unitId, selectionId: round.selection.id, applicationId: person.application.id, source: 'selection', employmentType: 'cpns', status: i === 1 ? 'ended' : 'calon', appointedAt: '2024-07-01', endedAt: i === 1 ? '2025-12-31' : null });
    employeeIds.push(employee.id);
  }
  // The unit's IKM: 2023 before they joined, 2025 after.
  const before = await surveyRow(ctx, agencyId, { unitId, year: 2023 });
  await respond(ctx, before.id, [[3, 3, 3, 3, 3, 3, 3, 3, 3]]);
  const after = await surveyRow(ctx, agencyId, { unitId, year: 2025 });
  await respond(ctx, after.id, [[4, 4, 4, 4, 4, 4, 4, 4, 4]]);

  admin = (await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId }] })).cookie;
  observer = round.observer.cookie;
  superAdmin = (await accountWithSession(ctx, { roles: [{ role: 'super_admin', agencyId: null }] })).cookie;
}, 300_000);
afterAll(() => ctx.close());

const sectionOf = (view: DashboardView, key: string): DashboardSection => {
  const found = view.sections.find((s) => s.key === key);
  if (!found) throw new Error(`no section ${key}`);
  return found;
};
const column = (s: DashboardSection, key: string) => s.rows.map((r) => r[key]);

describe('recruitment dashboard', () => {
  it('counts the funnel per round and formation from registration to appointment — 200', async () => {
    const response = await request(ctx, observer, { method: 'GET', url: `/api/agencies/${round.agencyId}/dashboards/rekrutmen?selectionId=${round.selection.id}` });
    expect(response.statusCode).toBe(200);
    const view = response.json() as DashboardView;
    // Registered 6 (4 MS + TMS + waiting), MS 4, SKD pass mark met by 2 (Budi's TWK 60 is below 65, Dedi absent), took part in SKB 2, appointed 2.
    expect(column(sectionOf(view, 'corong'), 'jumlah')).toEqual([6, 4, 2, 2, 2]);
    expect(column(sectionOf(view, 'corong'), 'dariPendaftar')).toEqual([100, 66.7, 33.3, 33.3, 33.3]);
    const formasi = sectionOf(view, 'corong-formasi');
    expect(formasi.rows).toEqual([
      { formasi: expect.stringContaining('Analis Kebijakan'), kebutuhan: 1, mendaftar: 4, ms: 2, lulusSkd: 1, skb: 1, diangkat: 1, keterisian: 100 },
      { formasi: expect.stringContaining('Pranata Komputer'), kebutuhan: 1, mendaftar: 2, ms: 2, lulusSkd: 1, skb: 1, diangkat: 1, keterisian: 100 },
    ]);
    expect(view.options.formasi).toHaveLength(2);
    expect(view.filters.selectionId).toBe(round.selection.id);
  });

  it('narrows the funnel to one formation', async () => {
    const view = (await request(ctx, admin, { method: 'GET', url: `/api/agencies/${round.agencyId}/dashboards/rekrutmen?selectionId=${round.selection.id}&formasiId=${round.formations[1]!.id}` })).json() as DashboardView;
    expect(column(sectionOf(view, 'corong'), 'jumlah')).toEqual([2, 2, 1, 1, 1]);
  });

  it('gives the objections by outcome with the median days to answer', async () => {
    const view = (await request(ctx, admin, { method: 'GET', url: `/api/agencies/${round.agencyId}/dashboards/rekrutmen?selectionId=${round.selection.id}` })).json() as DashboardView;
    const [administrative, final, total] = sectionOf(view, 'sanggah').rows;
    expect(administrative).toEqual({ jenis: 'Sanggah hasil administrasi', diajukan: 3, diterima: 1, ditolak: 1, belumDijawab: 1, persenDiterima: 50, medianHari: 3 });
    expect(final).toMatchObject({ diajukan: 0, persenDiterima: null });
    expect(total).toMatchObject({ jenis: 'Seluruh sanggah', diajukan: 3 });
  });

  it('compares the time each stage took with the schedule', async () => {
    const view = (await request(ctx, admin, { method: 'GET', url: `/api/agencies/${round.agencyId}/dashboards/rekrutmen?selectionId=${round.selection.id}` })).json() as DashboardView;
    const stages = sectionOf(view, 'waktu-tahap');
    // 5 January 00:00 to 20 January 23:59:59.999 in the agency's zone.
    expect(stages.rows[0]).toEqual({ tahap: 'Pendaftaran', rencana: 16, realisasi: 16, selisih: 0, status: 'Selesai' });
    expect(column(stages, 'tahap')).toEqual(['Pendaftaran', 'Seleksi administrasi', 'Masa sanggah administrasi', 'SKD', 'SKB dan integrasi nilai', 'Sanggah hasil akhir', 'Pengangkatan']);
    expect(stages.rows.find((r) => r.tahap === 'Sanggah hasil akhir')!.status).toBe('Selesai');
  });

  it("refuses a round of another agency through this agency's path — 404", async () => {
    const response = await request(ctx, superAdmin, { method: 'GET', url: `/api/agencies/${otherAgencyId}/dashboards/rekrutmen?selectionId=${round.selection.id}` });
    expect(response.statusCode).toBe(404);
  });

  it("shows the national view only to the super administrator, each round named with its agency; the other agency's dashboard stays empty", async () => {
    const national = (await request(ctx, superAdmin, { method: 'GET', url: '/api/dashboards/rekrutmen' })).json() as DashboardView;
    expect(national.agency).toBeNull();
    expect(sectionOf(national, 'corong-seleksi').rows.find((r) => r.seleksi === round.selection.name)).toMatchObject({ instansi: expect.any(String), mendaftar: 6, diangkat: 2 });
    expect(national.sections.some((s) => s.key === 'corong-formasi')).toBe(false);
    expect((await request(ctx, admin, { method: 'GET', url: '/api/dashboards/rekrutmen' })).statusCode).toBe(403);
    const other = (await request(ctx, superAdmin, { method: 'GET', url: `/api/agencies/${otherAgencyId}/dashboards/rekrutmen` })).json() as DashboardView;
    expect(column(sectionOf(other, 'corong'), 'jumlah')).toEqual([0, 0, 0, 0, 0]);
    expect((await request(ctx, superAdmin, { method: 'GET', url: '/api/dashboards/kualitas-rekrutmen' })).statusCode).toBe(400);
  });

  it('exports the same tables as XLSX (a sheet per table) and as PDF', async () => {
    const xlsx = await request(ctx, admin, { method: 'GET', url: `/api/agencies/${round.agencyId}/dashboards/rekrutmen/export.xlsx?selectionId=${round.selection.id}` });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(5);
    const funnel = workbook.worksheets[0]!;
    expect(funnel.getRow(1).values).toEqual([undefined, 'Tahap', 'Jumlah', 'Dari tahap sebelumnya (%)', 'Dari pendaftar (%)']);
    expect(funnel.getRow(2).values).toEqual([undefined, 'Mendaftar', 6, undefined, 100]);
    const one = await request(ctx, admin, { method: 'GET', url: `/api/agencies/${round.agencyId}/dashboards/rekrutmen/export.pdf?selectionId=${round.selection.id}&section=sanggah` });
    expect(one.statusCode).toBe(200);
    expect(one.headers['content-type']).toBe('application/pdf');
    expect(one.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await request(ctx, admin, { method: 'GET', url: `/api/agencies/${round.agencyId}/dashboards/rekrutmen/export.pdf?section=tidak-ada` })).statusCode).toBe(404);
  });
});

describe('follow-up dashboard', () => {
  it('shows IKM by unit for the latest period, complaints by category, and no predikat until a period is final', async () => {
    const view = (await request(ctx, admin, { method: 'GET', url: `/api/agencies/${round.agencyId}/dashboards/pasca-rekrutmen` })).json() as DashboardView;
    expect(view.filters.periodKey).toBe('2025');
    expect(sectionOf(view, 'ikm').rows).toEqual([{ unit: 'Dinas Komunikasi dan Informatika', periode: 'Tahun 2025', responden: 1, ikm: 100, mutu: 'A' }]);
    expect(sectionOf(view, 'predikat')).toMatchObject({ rows: [], empty: 'Belum ada periode penilaian yang final.' });
    expect(column(sectionOf(view, 'pengaduan'), 'jumlah')).toEqual([0, 0, 0, 0, 0]);
    const unit = (await request(ctx, admin, { method: 'GET', url: `/api/agencies/${round.agencyId}/dashboards/pasca-rekrutmen?unitId=${unitId}` })).json() as DashboardView;
    expect(column(sectionOf(unit, 'ikm'), 'periode')).toEqual(['Tahun 2023', 'Tahun 2025']);
    expect(sectionOf(unit, 'ikm').chart?.labelKey).toBe('periode');
  });
});

describe('quality of hire', () => {
  it('describes the cohort, its retention and the IKM of its unit before and after; no correlation without predikat', async () => {
    const view = await buildDashboard({ db: ctx.database.db, database: ctx.database }, { agencyId: round.agencyId, dashboard: 'kualitas-rekrutmen', query: {}, now: new Date('2026-12-05T03:00:00Z') });
    expect(view.filters.selectionId).toBe(round.selection.id);
    expect(sectionOf(view, 'kohort').rows.slice(0, 2)).toEqual([
      { ukuran: 'Pegawai diangkat', nilai: 2, persen: 100 },
      { ukuran: 'Masih bekerja', nilai: 1, persen: 50 },
    ]);
    expect(sectionOf(view, 'retensi').rows).toEqual([
      { masa: '1 tahun', mencapai: 2, bertahan: 2, retensi: 100 },
      { masa: '2 tahun', mencapai: 2, bertahan: 1, retensi: 50 },
    ]);
    expect(sectionOf(view, 'ikm-unit').rows).toEqual([
      { unit: 'Dinas Komunikasi dan Informatika', pegawai: 2, masuk: '2024-07-01', periodeSebelum: 'Tahun 2023', ikmSebelum: 75, periodeSesudah: 'Tahun 2025', ikmSesudah: 100, perubahan: 25 },
    ]);
    const correlation = sectionOf(view, 'korelasi');
    expect(column(correlation, 'komponen').slice(0, 3)).toEqual(['TWK', 'TIU', 'TKP']);
    expect(correlation.rows.every((r) => r.rho === null && r.n === 0)).toBe(true);
    expect(correlation.notes.join(' ')).toContain('Belum ada periode penilaian yang final.');
    expect(sectionOf(view, 'predikat-kohort').rows).toEqual([]);
  });

  it('correlates each component with the predikat the evaluation module reports, with the small-sample caution', async () => {
    const predikats: Predikat[] = ['sangat_baik', 'baik'];
    const reader: PredikatReader = {
      ofEmployees: async (_deps, { employeeIds: ids }) => ids.map((employeeId) => ({ employeeId, predikat: predikats[employeeIds.indexOf(employeeId)] ?? null })),
      finalPeriods: async () => [
        { periodName: 'Tahunan 2025', counts: { sangat_baik: 1, baik: 3, butuh_perbaikan: 1, kurang: 0, sangat_kurang: 0 } },
        { periodName: 'Tahunan 2026', counts: { sangat_baik: 2, baik: 2, butuh_perbaikan: 0, kurang: 0, sangat_kurang: 0 } },
      ],
    };
    const view = await buildDashboard({ db: ctx.database.db, database: ctx.database }, { agencyId: round.agencyId, dashboard: 'kualitas-rekrutmen', query: { selectionId: round.selection.id } }, reader);
    const twk = sectionOf(view, 'korelasi').rows[0]!;
    // Two pairs only: no figure, and the reason in words.
    expect(twk).toMatchObject({ komponen: 'TWK', n: 2, rho: null });
    expect(twk.peringatan).toContain('terlalu sedikit');
    expect(sectionOf(view, 'predikat-kohort').rows.slice(0, 2)).toEqual([
      { predikat: 'Sangat Baik', jumlah: 1, persen: 50 },
      { predikat: 'Baik', jumlah: 1, persen: 50 },
    ]);
    const followUp = await buildDashboard({ db: ctx.database.db, database: ctx.database }, { agencyId: round.agencyId, dashboard: 'pasca-rekrutmen', query: {} }, reader);
    expect(sectionOf(followUp, 'predikat').title).toBe('Sebaran predikat kinerja — Tahunan 2026');
    expect(column(sectionOf(followUp, 'predikat'), 'jumlah')).toEqual([2, 2, 0, 0, 0]);
    expect(sectionOf(followUp, 'predikat-periode').rows.map((r) => [r.periode, r.baikKeAtas])).toEqual([
      ['Tahunan 2026', 100],
      ['Tahunan 2025', 80],
    ]);
  });
});

describe('predikat from the evaluation module', () => {
  it('reads only finalised periods: the cohort\'s latest final predikat and the distribution of the latest final period — 200', async () => {
    const db = ctx.database.db;
    const earlier = await createPeriodRow(db, round.agencyId, { year: 2025, quarter: null, status: 'finalised' });
    await createPlanRow(db, round.agencyId, earlier.id, { employeeId: employeeIds[0]!, predikat: 'baik' });
    const latest = await createPeriodRow(db, round.agencyId, { year: 2026, quarter: null, status: 'finalised' });
    await createPlanRow(db, round.agencyId, latest.id, { employeeId: employeeIds[0]!, predikat: 'sangat_baik' });
    await createPlanRow(db, round.agencyId, latest.id, { employeeId: employeeIds[1]!, predikat: 'butuh_perbaikan' });
    // An open period may still change: it is not read.
    const open = await createPeriodRow(db, round.agencyId, { year: 2027, quarter: 1, status: 'open' });
    await createPlanRow(db, round.agencyId, open.id, { employeeId: employeeIds[1]!, predikat: 'sangat_kurang' });

    const quality = (await request(ctx, admin, { method: 'GET', url: `/api/agencies/${round.agencyId}/dashboards/kualitas-rekrutmen?selectionId=${round.selection.id}` })).json() as DashboardView;
    expect(column(sectionOf(quality, 'predikat-kohort'), 'jumlah')).toEqual([1, 0, 1, 0, 0]);
    expect(sectionOf(quality, 'korelasi').rows[0]).toMatchObject({ komponen: 'TWK', n: 2, rho: null });
    const followUp = (await request(ctx, admin, { method: 'GET', url: `/api/agencies/${round.agencyId}/dashboards/pasca-rekrutmen` })).json() as DashboardView;
    expect(sectionOf(followUp, 'predikat').title).toBe(`Sebaran predikat kinerja — ${latest.name}`);
    expect(column(sectionOf(followUp, 'predikat'), 'jumlah')).toEqual([1, 0, 1, 0, 0]);
    expect(column(sectionOf(followUp, 'predikat-periode'), 'periode')).toEqual([latest.name, earlier.name]);
  });
});
