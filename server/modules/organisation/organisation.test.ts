import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithSession, createAgencyRow, createTestApp, request, type TestContext } from '../../test-support/app.js';
import { agencies } from '../agencies/agencies.table.js';
import { auditLog } from '../audit/audit.table.js';
import { createPositionRow, createUnitRow } from './organisation.fixtures.js';
import { positionTasks, positions, units } from './organisation.table.js';

let ctx: TestContext;
let agencyId: string;
let otherAgencyId: string;
let admin: string;
let panitia: string;
let pengawas: string;

beforeAll(async () => {
  ctx = await createTestApp();
  agencyId = (await createAgencyRow(ctx, 'Kabupaten ABK')).id;
  otherAgencyId = (await createAgencyRow(ctx, 'Kabupaten Lain')).id;
  admin = (await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId }] })).cookie;
  panitia = (await accountWithSession(ctx, { roles: [{ role: 'panitia', agencyId }] })).cookie;
  pengawas = (await accountWithSession(ctx, { roles: [{ role: 'pengawas', agencyId }] })).cookie;
});
afterAll(() => ctx.close());

const db = () => ctx.database.db;
const api = (cookie: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, payload?: object) =>
  request(ctx, cookie, { method, url: `/api/agencies/${agencyId}${path}`, ...(payload ? { payload } : {}) });
const auditsOf = (action: string, targetId: string) => db().select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId))).orderBy(auditLog.chain, auditLog.seq);

describe('units', () => {
  it('creates, lists with search and pages, renames and deletes a unit, each change audited — 201/200/204', async () => {
    const created = await api(panitia, 'POST', '/units', { code: 'BKPSDM', name: 'Badan Kepegawaian dan Pengembangan SDM' });
    expect(created.statusCode).toBe(201);
    const unit = created.json().unit;
    expect(unit).toMatchObject({ code: 'BKPSDM', positionCount: 0 });
    for (const n of [1, 2, 3]) await api(admin, 'POST', '/units', { code: `DINAS-${n}`, name: `Dinas Nomor ${n}` });

    const page = await api(pengawas, 'GET', '/units?q=dinas&page=2&pageSize=2');
    expect(page.json()).toMatchObject({ total: 3, page: 2, pageSize: 2, items: [{ code: 'DINAS-3' }] });

    const renamed = await api(admin, 'PUT', `/units/${unit.id}`, { code: 'BKPSDM', name: 'BKPSDM Kabupaten' });
    expect(renamed.json().unit.name).toBe('BKPSDM Kabupaten');
    expect((await auditsOf('unit.update', unit.id))[0]?.summary).toMatchObject({ before: { name: 'Badan Kepegawaian dan Pengembangan SDM' }, after: { name: 'BKPSDM Kabupaten' } });

    expect((await api(admin, 'DELETE', `/units/${unit.id}`)).statusCode).toBe(204);
    expect(await db().select().from(units).where(eq(units.id, unit.id))).toEqual([]);
    expect(await auditsOf('unit.delete', unit.id)).toHaveLength(1);
  });

  it('refuses a code already used in the agency — 409, and allows it in another agency', async () => {
    await api(admin, 'POST', '/units', { code: 'SETDA', name: 'Sekretariat Daerah' });
    const again = await api(admin, 'POST', '/units', { code: 'SETDA', name: 'Sekretariat Lain' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields).toHaveProperty('code');
    await createUnitRow(db(), otherAgencyId, { code: 'SETDA2' });
    const elsewhere = await createUnitRow(db(), otherAgencyId, { code: 'SETDA' });
    expect(elsewhere.code).toBe('SETDA');
  });

  it('refuses bad input naming the field — 400, nothing created', async () => {
    const before = await db().select().from(units).where(eq(units.agencyId, agencyId));
    for (const [payload, field] of [
      [{ code: '', name: 'Unit Kosong' }, 'code'],
      [{ code: 'ada spasi', name: 'Unit Spasi' }, 'code'],
      [{ code: 'X'.repeat(41), name: 'Unit Panjang' }, 'code'],
      [{ code: 'OK1', name: 'A' }, 'name'],
      [{ code: 'OK2', name: 'N'.repeat(201) }, 'name'],
      [{ code: 42, name: 'Unit Angka' }, 'code'],
      [{ name: 'Tanpa Kode' }, 'code'],
    ] as const) {
      const response = await api(admin, 'POST', '/units', payload);
      expect({ payload, status: response.statusCode }).toEqual({ payload, status: 400 });
      expect(response.json().error.fields).toHaveProperty(field);
    }
    expect(await db().select().from(units).where(eq(units.agencyId, agencyId))).toHaveLength(before.length);
  });

  it('refuses deleting a unit that still has positions — 409, nothing deleted', async () => {
    const position = await createPositionRow(db(), agencyId);
    const response = await api(admin, 'DELETE', `/units/${position.unitId}`);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain('masih memiliki 1 jabatan');
    expect(await db().select().from(positions).where(eq(positions.id, position.id))).toHaveLength(1);
  });

  it("answers 404 for another agency's unit through this agency's path, and changes nothing", async () => {
    const foreign = await createUnitRow(db(), otherAgencyId, { name: 'Unit Asing' });
    expect((await api(admin, 'PUT', `/units/${foreign.id}`, { code: 'X1', name: 'Dibajak' })).statusCode).toBe(404);
    expect((await api(admin, 'DELETE', `/units/${foreign.id}`)).statusCode).toBe(404);
    const [still] = await db().select().from(units).where(eq(units.id, foreign.id));
    expect(still).toMatchObject({ name: 'Unit Asing', code: foreign.code });
  });
});

describe('positions and tasks', () => {
  it('creates a position with bezetting and retiring, lists it by unit and search, edits and deletes it', async () => {
    const unit = await createUnitRow(db(), agencyId, { code: 'DINKES', name: 'Dinas Kesehatan' });
    const created = await api(panitia, 'POST', '/positions', { unitId: unit.id, code: 'PRW', name: 'Perawat Terampil', jenis: 'fungsional', bezetting: 4, retiring: 1 });
    expect(created.statusCode).toBe(201);
    const position = created.json().position;
    expect(position).toMatchObject({ unitCode: 'DINKES', unitName: 'Dinas Kesehatan', code: 'PRW', jenis: 'fungsional', bezetting: 4, retiring: 1, taskCount: 0 });
    await api(panitia, 'POST', '/positions', { unitId: unit.id, code: 'BDN', name: 'Bidan Terampil', bezetting: 2, retiring: 0 });

    const byUnit = await api(pengawas, 'GET', `/positions?unitId=${unit.id}&q=perawat`);
    expect(byUnit.json()).toMatchObject({ total: 1, items: [{ id: position.id }] });

    const otherUnit = await createUnitRow(db(), agencyId);
    const moved = await api(admin, 'PUT', `/positions/${position.id}`, { unitId: otherUnit.id, code: 'PRW', name: 'Perawat Terampil', jenis: 'fungsional', bezetting: 5, retiring: 2 });
    expect(moved.json().position).toMatchObject({ unitId: otherUnit.id, bezetting: 5, retiring: 2 });
    expect((await auditsOf('position.update', position.id))[0]?.summary).toMatchObject({ before: { bezetting: 4, unitId: unit.id }, after: { bezetting: 5, unitId: otherUnit.id } });

    expect((await api(admin, 'DELETE', `/positions/${position.id}`)).statusCode).toBe(204);
    expect((await api(admin, 'GET', `/positions/${position.id}`)).statusCode).toBe(404);
  });

  it('refuses retiring above bezetting, negative or fractional headcounts and unknown kinds — 400 naming the field', async () => {
    const unit = await createUnitRow(db(), agencyId);
    const base = { unitId: unit.id, code: 'J-X', name: 'Jabatan Salah', bezetting: 2, retiring: 0 };
    for (const [change, field] of [
      [{ retiring: 3 }, 'retiring'],
      [{ bezetting: -1 }, 'bezetting'],
      [{ bezetting: 1.5 }, 'bezetting'],
      [{ bezetting: '2' }, 'bezetting'],
      [{ bezetting: 100_001 }, 'bezetting'],
      [{ jenis: 'honorer' }, 'jenis'],
      [{ unitId: 'bukan-uuid' }, 'unitId'],
    ] as const) {
      const response = await api(admin, 'POST', '/positions', { ...base, ...change });
      expect({ change, status: response.statusCode }).toEqual({ change, status: 400 });
      expect(response.json().error.fields).toHaveProperty(field);
    }
    expect(await db().select().from(positions).where(eq(positions.unitId, unit.id))).toEqual([]);
  });

  it('refuses a code already used in the same unit — 409, but allows it in another unit', async () => {
    const unitA = await createUnitRow(db(), agencyId);
    const unitB = await createUnitRow(db(), agencyId);
    const body = { code: 'ARSIP', name: 'Arsiparis', bezetting: 1, retiring: 0 };
    expect((await api(admin, 'POST', '/positions', { ...body, unitId: unitA.id })).statusCode).toBe(201);
    expect((await api(admin, 'POST', '/positions', { ...body, unitId: unitA.id })).statusCode).toBe(409);
    expect((await api(admin, 'POST', '/positions', { ...body, unitId: unitB.id })).statusCode).toBe(201);
    const second = await createPositionRow(db(), agencyId, { unitId: unitA.id, code: 'LAIN' });
    const clash = await api(admin, 'PUT', `/positions/${second.id}`, { ...body, unitId: unitA.id });
    expect(clash.statusCode).toBe(409);
  });

  it("answers 404 for another agency's unit or position, and changes nothing", async () => {
    const foreignUnit = await createUnitRow(db(), otherAgencyId);
    const foreign = await createPositionRow(db(), otherAgencyId, { name: 'Jabatan Asing', bezetting: 3 });
    const create = await api(admin, 'POST', '/positions', { unitId: foreignUnit.id, code: 'SUSUP', name: 'Jabatan Susupan', bezetting: 1, retiring: 0 });
    expect(create.statusCode).toBe(404);
    expect(await db().select().from(positions).where(eq(positions.unitId, foreignUnit.id))).toEqual([]);
    const ownUnit = await createUnitRow(db(), agencyId);
    expect((await api(admin, 'PUT', `/positions/${foreign.id}`, { unitId: ownUnit.id, code: 'X', name: 'Dibajak', bezetting: 0, retiring: 0 })).statusCode).toBe(404);
    expect((await api(admin, 'GET', `/positions/${foreign.id}`)).statusCode).toBe(404);
    expect((await api(admin, 'GET', `/abk/positions/${foreign.id}`)).statusCode).toBe(404);
    expect((await api(admin, 'POST', `/positions/${foreign.id}/tasks`, { name: 'Tugas susupan', volumePerYear: 1, normMinutes: 1 })).statusCode).toBe(404);
    expect((await api(admin, 'DELETE', `/positions/${foreign.id}`)).statusCode).toBe(404);
    const [still] = await db().select().from(positions).where(eq(positions.id, foreign.id));
    expect(still).toMatchObject({ name: 'Jabatan Asing', bezetting: 3 });
    expect(await db().select().from(positionTasks).where(eq(positionTasks.positionId, foreign.id))).toEqual([]);
  });

  it('adds tasks in order, edits and deletes them, and refuses a task of another position — 404', async () => {
    const position = await createPositionRow(db(), agencyId);
    const first = await api(panitia, 'POST', `/positions/${position.id}/tasks`, { name: 'Menyusun laporan', outputUnit: 'laporan', volumePerYear: 12, normMinutes: 480 });
    expect(first.statusCode).toBe(201);
    const second = await api(panitia, 'POST', `/positions/${position.id}/tasks`, { name: 'Memverifikasi berkas', volumePerYear: 1500.25, normMinutes: 12.5 });
    expect(second.json().task).toMatchObject({ volumePerYear: 1500.25, normMinutes: 12.5, sortOrder: 1, outputUnit: '' });
    const list = await api(pengawas, 'GET', `/positions/${position.id}/tasks`);
    expect(list.json().items.map((t: { name: string }) => t.name)).toEqual(['Menyusun laporan', 'Memverifikasi berkas']);

    const taskId = first.json().task.id;
    const edited = await api(admin, 'PUT', `/positions/${position.id}/tasks/${taskId}`, { name: 'Menyusun laporan bulanan', outputUnit: 'laporan', volumePerYear: 12, normMinutes: 600 });
    expect(edited.json().task).toMatchObject({ name: 'Menyusun laporan bulanan', normMinutes: 600 });

    const otherPosition = await createPositionRow(db(), agencyId);
    expect((await api(admin, 'PUT', `/positions/${otherPosition.id}/tasks/${taskId}`, { name: 'Pindah', volumePerYear: 1, normMinutes: 1 })).statusCode).toBe(404);
    expect((await api(admin, 'DELETE', `/positions/${otherPosition.id}/tasks/${taskId}`)).statusCode).toBe(404);
    expect((await api(admin, 'DELETE', `/positions/${position.id}/tasks/${taskId}`)).statusCode).toBe(204);
    expect((await api(admin, 'GET', `/positions/${position.id}/tasks`)).json().total).toBe(1);
  });

  it('refuses a zero norm time, a negative volume and more than two decimals — 400, nothing added', async () => {
    const position = await createPositionRow(db(), agencyId);
    for (const [payload, field] of [
      [{ name: 'Tugas', volumePerYear: 10, normMinutes: 0 }, 'normMinutes'],
      [{ name: 'Tugas', volumePerYear: -1, normMinutes: 10 }, 'volumePerYear'],
      [{ name: 'Tugas', volumePerYear: 1.005, normMinutes: 10 }, 'volumePerYear'],
      [{ name: 'Tugas', volumePerYear: 10, normMinutes: 525_601 }, 'normMinutes'],
      [{ name: 'Tugas', volumePerYear: '10', normMinutes: 10 }, 'volumePerYear'],
      [{ name: '', volumePerYear: 10, normMinutes: 10 }, 'name'],
    ] as const) {
      const response = await api(admin, 'POST', `/positions/${position.id}/tasks`, payload);
      expect({ payload, status: response.statusCode }).toEqual({ payload, status: 400 });
      expect(response.json().error.fields).toHaveProperty(field);
    }
    expect(await db().select().from(positionTasks).where(eq(positionTasks.positionId, position.id))).toEqual([]);
  });
});

describe('ABK analysis (core/abk end to end)', () => {
  it('shows the need, shortfall and proposed formasi of a position with the Indonesian steps', async () => {
    const position = await createPositionRow(db(), agencyId, {
      name: 'Pengadministrasi Perkantoran',
      bezetting: 2,
      retiring: 1,
      tasks: [
        { name: 'Mengagendakan surat', volumePerYear: 2400, normMinutes: 45 },
        { name: 'Menyusun arsip', volumePerYear: 600, normMinutes: 90 },
        { name: 'Melayani tamu', volumePerYear: 1000, normMinutes: 37.5 },
      ],
    });
    const response = await api(pengawas, 'GET', `/abk/positions/${position.id}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.settings).toEqual({ effectiveMinutesPerYear: 75_000, effectiveHoursPerYear: 1250, rounding: 'halfUp' });
    expect(body.calculation).toMatchObject({
      workloadMinutes: 199_500,
      needExact: { numerator: 133, denominator: 50 },
      need: 2.66,
      roundedNeed: 3,
      shortfall: 2,
      proposedFormasi: 2,
    });
    expect(body.calculation.steps).toEqual([
      'Beban kerja "Mengagendakan surat" = 2.400 × 45 menit = 108.000 menit',
      'Beban kerja "Menyusun arsip" = 600 × 90 menit = 54.000 menit',
      'Beban kerja "Melayani tamu" = 1.000 × 37,5 menit = 37.500 menit',
      'Total beban kerja = 108.000 + 54.000 + 37.500 = 199.500 menit',
      'Kebutuhan pegawai = 199.500 menit ÷ 75.000 menit = 2,66',
      'Dibulatkan (setengah ke atas): 2,66 → 3 orang',
      'Pegawai yang tersisa = 2 (bezetting) − 1 (pensiun) = 1 orang',
      'Kekurangan pegawai = 3 − 1 = 2 orang',
      'Usulan formasi = 2 orang',
    ]);
    expect(body.tasks).toHaveLength(3);
  });

  it('keeps the exact fraction when the need is not a short decimal, and rounds a half up', async () => {
    const third = await createPositionRow(db(), agencyId, { tasks: [{ volumePerYear: 25_000, normMinutes: 1 }] });
    const thirdBody = (await api(admin, 'GET', `/abk/positions/${third.id}`)).json();
    expect(thirdBody.calculation).toMatchObject({ needExact: { numerator: 1, denominator: 3 }, roundedNeed: 0, proposedFormasi: 0 });
    expect(thirdBody.calculation.steps).toContain('Kebutuhan pegawai = 25.000 menit ÷ 75.000 menit = ≈ 0,3333 (tepatnya 1/3)');
    const half = await createPositionRow(db(), agencyId, { tasks: [{ volumePerYear: 37_500, normMinutes: 1 }] });
    expect((await api(admin, 'GET', `/abk/positions/${half.id}`)).json().calculation).toMatchObject({ need: 0.5, roundedNeed: 1, proposedFormasi: 1 });
  });

  it('proposes nothing for a position without tasks and counts its staff as surplus, not as an offset', async () => {
    const other = await createAgencyRow(ctx, 'Kabupaten Totals');
    const { cookie } = await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId: other.id }] });
    const unit = await createUnitRow(db(), other.id, { code: 'A' });
    await createPositionRow(db(), other.id, { unitId: unit.id, code: '1', bezetting: 2 });
    await createPositionRow(db(), other.id, { unitId: unit.id, code: '2', bezetting: 0, tasks: [{ volumePerYear: 150_000, normMinutes: 1 }] });
    const unitB = await createUnitRow(db(), other.id, { code: 'B' });
    await createPositionRow(db(), other.id, { unitId: unitB.id, code: '3', bezetting: 1, retiring: 1, tasks: [{ volumePerYear: 75_000, normMinutes: 1 }] });

    const all = (await request(ctx, cookie, { method: 'GET', url: `/api/agencies/${other.id}/abk?pageSize=2` })).json();
    expect(all.totals).toEqual({ positions: 3, withProblems: 0, roundedNeed: 3, bezetting: 3, retiring: 1, proposedFormasi: 3, surplus: 2 });
    expect(all).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(all.items.map((line: { position: { code: string }; proposedFormasi: number; shortfall: number }) => [line.position.code, line.shortfall, line.proposedFormasi])).toEqual([
      ['1', -2, 0],
      ['2', 2, 2],
    ]);
    const unitOnly = (await request(ctx, cookie, { method: 'GET', url: `/api/agencies/${other.id}/abk?unitId=${unitB.id}` })).json();
    expect(unitOnly.totals).toMatchObject({ positions: 1, proposedFormasi: 1 });
  });

  it('uses the agency’s effective working time, changed by its administrator with an audit record', async () => {
    const position = await createPositionRow(db(), agencyId, { bezetting: 1, tasks: [{ volumePerYear: 199_500, normMinutes: 1 }] });
    expect((await api(admin, 'GET', `/abk/positions/${position.id}`)).json().calculation.proposedFormasi).toBe(2);
    const changed = await api(admin, 'PUT', '/abk/settings', { effectiveMinutesPerYear: 50_000 });
    expect(changed.json().settings).toMatchObject({ effectiveMinutesPerYear: 50_000, effectiveHoursPerYear: 833.3333333333334 });
    const after = (await api(pengawas, 'GET', `/abk/positions/${position.id}`)).json().calculation;
    expect(after).toMatchObject({ effectiveMinutesPerYear: 50_000, need: 3.99, roundedNeed: 4, shortfall: 3, proposedFormasi: 3 });
    expect((await auditsOf('abk.settings', agencyId))[0]?.summary).toMatchObject({ before: { effectiveMinutesPerYear: 75_000 }, after: { effectiveMinutesPerYear: 50_000 } });
    await api(admin, 'PUT', '/abk/settings', { effectiveMinutesPerYear: 75_000 });
  });

  it('refuses an effective time that is zero, fractional, text or out of range — 400, setting unchanged', async () => {
    for (const value of [0, 999, 75_000.5, '75000', 525_601, null]) {
      const response = await api(admin, 'PUT', '/abk/settings', { effectiveMinutesPerYear: value });
      expect({ value, status: response.statusCode }).toEqual({ value, status: 400 });
      expect(response.json().error.fields).toHaveProperty('effectiveMinutesPerYear');
    }
    const [agency] = await db().select().from(agencies).where(eq(agencies.id, agencyId));
    expect(agency?.abkEffectiveMinutes).toBe(75_000);
    expect((await api(panitia, 'PUT', '/abk/settings', { effectiveMinutesPerYear: 60_000 })).statusCode).toBe(403);
  });

  it('exports the analysis as XLSX with the arithmetic and importable data sheets', async () => {
    const other = await createAgencyRow(ctx, 'Kabupaten Ekspor');
    const { cookie } = await accountWithSession(ctx, { roles: [{ role: 'pengawas', agencyId: other.id }] });
    const unit = await createUnitRow(db(), other.id, { code: 'DISDIK', name: 'Dinas Pendidikan' });
    await createPositionRow(db(), other.id, { unitId: unit.id, code: 'GURU', name: 'Guru Ahli Pertama', bezetting: 3, retiring: 1, tasks: [{ name: 'Mengajar', volumePerYear: 750, normMinutes: 300 }] });
    const response = await request(ctx, cookie, { method: 'GET', url: `/api/agencies/${other.id}/abk/export.xlsx` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="analisis-abk-/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Analisis ABK', 'Perhitungan', 'Unit Kerja', 'Jabatan', 'Uraian Tugas']);
    const analysis = workbook.getWorksheet('Analisis ABK')!;
    const header = (analysis.getRow(1).values as string[]).slice(1);
    const line = Object.fromEntries(header.map((name, index) => [name, analysis.getRow(2).getCell(index + 1).value]));
    expect(line).toMatchObject({ 'Nama Jabatan': 'Guru Ahli Pertama', 'Total Beban Kerja (menit)': 225_000, 'Kebutuhan (pecahan tepat)': '3/1', 'Kebutuhan Dibulatkan': 3, Bezetting: 3, Pensiun: 1, 'Usulan Formasi': 1 });
    const steps = workbook.getWorksheet('Perhitungan')!.getColumn(2).values.filter(Boolean);
    expect(steps).toContain('Kebutuhan pegawai = 225.000 menit ÷ 75.000 menit = 3');
  });

  it('offers the template with instructions, three sheets and an example row', async () => {
    const response = await api(pengawas, 'GET', '/abk/template.xlsx');
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Petunjuk', 'Unit Kerja', 'Jabatan', 'Uraian Tugas']);
    expect((workbook.getWorksheet('Uraian Tugas')!.getRow(1).values as string[]).slice(1)).toEqual([
      'No',
      'Kode Unit',
      'Kode Jabatan',
      'Uraian Tugas',
      'Satuan Hasil',
      'Volume per Tahun',
      'Norma Waktu (menit)',
    ]);
    expect(workbook.getWorksheet('Jabatan')!.getRow(2).getCell(1).value).toBe('Contoh');
    expect(String(workbook.getWorksheet('Petunjuk')!.getColumn(1).values.join('\n'))).toContain('Semua atau tidak sama sekali');
  });
});
