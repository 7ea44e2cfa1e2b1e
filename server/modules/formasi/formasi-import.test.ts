import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithSession, createAgencyRow, createTestApp, request, type TestContext } from '../../test-support/app.js';
import { auditLog } from '../audit/audit.table.js';
import { createPositionRow, createUnitRow, multipartFile, rawXlsx, workbookBuffer } from '../organisation/organisation.fixtures.js';
import { createSelectionRow } from './formasi.fixtures.js';
import { formasi } from './formasi.table.js';

let ctx: TestContext;
let agencyId: string;
let admin: string;
let guruId: string;

const HEADERS = ['No', 'Kode Unit', 'Kode Jabatan', 'Kode Unit Penempatan', 'Jumlah', 'Jenis Formasi', 'Pendidikan', 'Usia Minimal', 'Usia Maksimal', 'Syarat Tambahan'];

beforeAll(async () => {
  ctx = await createTestApp();
  agencyId = (await createAgencyRow(ctx, 'Kota Formasi')).id;
  admin = (await accountWithSession(ctx, { roles: [{ role: 'panitia', agencyId }] })).cookie;
  const disdik = await createUnitRow(ctx.database.db, agencyId, { code: 'DISDIK', name: 'Dinas Pendidikan' });
  await createUnitRow(ctx.database.db, agencyId, { code: 'SMPN1', name: 'SMP Negeri 1 Manna' });
  const dinkes = await createUnitRow(ctx.database.db, agencyId, { code: 'DINKES', name: 'Dinas Kesehatan' });
  guruId = (await createPositionRow(ctx.database.db, agencyId, { unitId: disdik.id, code: 'GURU', name: 'Guru Ahli Pertama', tasks: [{ volumePerYear: 750, normMinutes: 300 }] })).id;
  await createPositionRow(ctx.database.db, agencyId, { unitId: dinkes.id, code: 'PRW', name: 'Perawat Terampil' });
});
afterAll(() => ctx.close());

const db = () => ctx.database.db;
const base = (selectionId: string) => `/api/agencies/${agencyId}/selections/${selectionId}/formasi`;
const sheet = (rows: unknown[][]) => workbookBuffer({ Formasi: [HEADERS, ...rows] });
const upload = async (selectionId: string, file: Buffer) => request(ctx, admin, { method: 'POST', url: `${base(selectionId)}/import`, ...(await multipartFile(file, 'formasi.xlsx')) });
const rowsOf = (selectionId: string) => db().select().from(formasi).where(eq(formasi.selectionId, selectionId));
type Issue = { sheet: string | null; row: number | null; column: string | null; reason: string };

describe('formasi import and export', () => {
  it('imports formasi with placements, kinds and qualifications, then updates the same ones on a second import', async () => {
    const selection = await createSelectionRow(db(), agencyId);
    const first = await upload(
      selection.id,
      await sheet([
        ['Contoh', 'DISDIK', 'GURU', '', 9, 'Umum', 'S1: Contoh', '', '', ''],
        [1, 'DISDIK', 'GURU', 'SMPN1', 2, 'Umum', 'S1: Pendidikan Matematika, Matematika; S2: Pendidikan Matematika', '', 38, 'Sertifikat pendidik'],
        [2, 'DISDIK', 'GURU', 'SMPN1', 1, 'Penyandang Disabilitas', 'S1: Pendidikan Matematika', '', '', ''],
        [3, 'DINKES', 'PRW', '', 3, 'cumlaude', 'D3: Keperawatan', 20, 35, ''],
      ]),
    );
    expect(first.statusCode).toBe(200);
    expect(first.json().result).toEqual({ created: 3, updated: 0 });
    const rows = await rowsOf(selection.id);
    const math = rows.find((row) => row.kind === 'umum');
    expect(math).toMatchObject({
      positionName: 'Guru Ahli Pertama',
      unitName: 'SMP Negeri 1 Manna',
      count: 2,
      maxAge: 38,
      qualifications: [
        { level: 'S1', programmes: ['Pendidikan Matematika', 'Matematika'] },
        { level: 'S2', programmes: ['Pendidikan Matematika'] },
      ],
      educationLevels: ['S1', 'S2'],
      programmes: ['pendidikanmatematika', 'matematika'],
      extraRequirements: 'Sertifikat pendidik',
      status: 'draft',
    });
    expect(rows.find((row) => row.kind === 'cumlaude')).toMatchObject({ unitName: 'Dinas Kesehatan', minAge: 20, count: 3 });

    const second = await upload(selection.id, await sheet([[1, 'DISDIK', 'GURU', 'SMPN1', 4, 'umum', 'S1: Matematika', '', '', '']]));
    expect(second.json().result).toEqual({ created: 0, updated: 1 });
    const updated = (await rowsOf(selection.id)).find((row) => row.id === math!.id);
    expect(updated).toMatchObject({ count: 4, maxAge: 35, qualifications: [{ level: 'S1', programmes: ['Matematika'] }] });
    expect(await rowsOf(selection.id)).toHaveLength(3);
  });

  it('audits each change an import makes to a published formasi, with before and after', async () => {
    const selection = await createSelectionRow(db(), agencyId, { status: 'published' });
    await upload(selection.id, await sheet([[1, 'DISDIK', 'GURU', '', 2, '', 'S1', '', '', '']]));
    const [row] = await rowsOf(selection.id);
    expect(row).toMatchObject({ status: 'published', count: 2 });
    await upload(selection.id, await sheet([[1, 'DISDIK', 'GURU', '', 5, '', 'S1', '', '', '']]));
    const [correction] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'formasi.correct'), eq(auditLog.targetId, row!.id))).orderBy(auditLog.chain, auditLog.seq);
    expect(correction?.summary).toMatchObject({ before: { count: 2 }, after: { count: 5 }, details: { via: 'import' } });
  });

  it('refuses the whole file for any bad row, listing row, column and reason — nothing saved', async () => {
    const selection = await createSelectionRow(db(), agencyId);
    const response = await upload(
      selection.id,
      await sheet([
        [1, 'DISDIK', 'GURU', '', 2, 'Umum', 'S1: Matematika', '', '', ''],
        [2, 'DISDIK', 'TIDAK-ADA', '', 1, 'Umum', 'S1', '', '', ''],
        [3, 'DINKES', 'PRW', 'ENTAH', 1, 'Umum', 'D3', '', '', ''],
        [4, 'DINKES', 'PRW', '', 0, 'Umum', 'D3', '', '', ''],
        [5, 'DINKES', 'PRW', '', 'dua', 'Honorer', 'D3', '', '', ''],
        [6, 'DINKES', 'PRW', 'SMPN1', 1, 'Umum', 'S9: Apa saja', '', '', ''],
        [7, 'DINKES', 'PRW', 'SMPN1', 1, 'Diaspora', 'D3', '', 41, ''],
        [8, 'DINKES', 'PRW', 'SMPN1', 1, 'Diaspora', '', 30, 25, ''],
        [9, 'DISDIK', 'GURU', 'DISDIK', 1, 'umum', 'S1', '', '', ''],
      ]),
    );
    expect(response.statusCode).toBe(400);
    const issues: Issue[] = response.json().error.issues;
    expect(issues.map((issue) => [issue.row, issue.column])).toEqual([
      [3, 'Kode Jabatan'],
      [4, 'Kode Unit Penempatan'],
      [5, 'Jumlah'],
      [6, 'Jumlah'],
      [6, 'Jenis Formasi'],
      [7, 'Pendidikan'],
      [8, 'Usia Maksimal'],
      [9, 'Pendidikan'],
      [10, 'Kode Jabatan'],
    ]);
    expect(issues[2]?.reason).toBe('Jumlah formasi harus minimal 1.');
    expect(issues.at(-1)?.reason).toBe('Formasi jabatan, unit penempatan dan jenis yang sama sudah ada di baris 2.');
    expect(await rowsOf(selection.id)).toEqual([]);
  });

  it('refuses a file that is not XLSX, a missing column, and more rows than the limit — 400, nothing saved', async () => {
    const selection = await createSelectionRow(db(), agencyId);
    const notXlsx = await upload(selection.id, Buffer.from('No;Kode Unit;Kode Jabatan\n1;DISDIK;GURU\n'));
    expect(notXlsx.json().error.issues[0].reason).toMatch(/bukan berkas XLSX/);
    const missing = await upload(selection.id, await workbookBuffer({ Formasi: [['Kode Unit', 'Kode Jabatan', 'Jumlah'], ['DISDIK', 'GURU', 1]] }));
    expect(missing.json().error.issues).toEqual([{ sheet: 'Formasi', row: 1, column: 'Pendidikan', reason: 'Kolom "Pendidikan" tidak ada di baris judul.' }]);
    const many = Array.from({ length: 5_001 }, (_, i) => [i + 1, 'DISDIK', 'GURU', '', 1, 'Umum', `S1: Program ${i}`, '', '', '']);
    const tooMany = await upload(selection.id, rawXlsx({ Formasi: [HEADERS, ...many] }));
    expect(tooMany.json().error.issues).toEqual([{ sheet: 'Formasi', row: 5_002, column: null, reason: 'Lembar "Formasi" melebihi batas 5.000 baris data; bagi isinya ke beberapa berkas.' }]);
    expect(await rowsOf(selection.id)).toEqual([]);
  }, 60_000);

  it('refuses importing into a closed round — 409', async () => {
    const closed = await createSelectionRow(db(), agencyId, { status: 'cancelled' });
    const response = await upload(closed.id, await sheet([[1, 'DISDIK', 'GURU', '', 1, '', 'S1', '', '', '']]));
    expect(response.statusCode).toBe(409);
    expect(await rowsOf(closed.id)).toEqual([]);
  });

  it('exports the formasi in the import columns, so the file imports again unchanged', async () => {
    const selection = await createSelectionRow(db(), agencyId, { name: 'Seleksi PPPK Guru 2026' });
    await request(ctx, admin, { method: 'POST', url: `${base(selection.id)}/from-abk`, payload: { positionId: guruId, qualifications: [{ level: 'S1', programmes: ['Pendidikan Fisika'] }], kind: 'umum' } });
    await upload(selection.id, await sheet([[1, 'DINKES', 'PRW', 'SMPN1', 1, 'Diaspora', 'D3: Keperawatan; D4', '', 40, 'Bersedia ditempatkan di UKS']]));
    const exported = await request(ctx, admin, { method: 'GET', url: `${base(selection.id)}/export.xlsx` });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('formasi-seleksi-pppk-guru-2026.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const formasiSheet = workbook.getWorksheet('Formasi')!;
    const header = (formasiSheet.getRow(1).values as string[]).slice(1);
    const lines = [2, 3].map((n) => Object.fromEntries(header.map((name, index) => [name, formasiSheet.getRow(n).getCell(index + 1).value])));
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ 'Kode Unit': 'DISDIK', 'Kode Jabatan': 'GURU', Jumlah: 3, Pendidikan: 'S1: Pendidikan Fisika', 'Sumber ABK': 'Kebutuhan 3, kekurangan 3, usulan 3' }),
        expect.objectContaining({ 'Kode Unit': 'DINKES', 'Kode Unit Penempatan': 'SMPN1', 'Jenis Formasi': 'Diaspora', Pendidikan: 'D3: Keperawatan; D4', 'Usia Maksimal': 40 }),
      ]),
    );
    const before = await rowsOf(selection.id);
    const again = await upload(selection.id, exported.rawPayload);
    expect(again.json().result).toEqual({ created: 0, updated: 2 });
    const after = await rowsOf(selection.id);
    const comparable = (rows: typeof before) => rows.map(({ updatedAt: _u, ...row }) => row).sort((a, b) => a.id.localeCompare(b.id));
    expect(comparable(after)).toEqual(comparable(before));
  });

  it('offers a template listing the agency’s positions with their ABK proposals', async () => {
    const selection = await createSelectionRow(db(), agencyId);
    const response = await request(ctx, admin, { method: 'GET', url: `${base(selection.id)}/template.xlsx` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Petunjuk', 'Formasi', 'Daftar Jabatan']);
    expect((workbook.getWorksheet('Formasi')!.getRow(1).values as string[]).slice(1)).toEqual(HEADERS);
    const positions = workbook.getWorksheet('Daftar Jabatan')!;
    expect(positions.getRow(2).values).toEqual([undefined, 'DINKES', 'Dinas Kesehatan', 'PRW', 'Perawat Terampil', 0]);
    expect(positions.getRow(3).values).toEqual([undefined, 'DISDIK', 'Dinas Pendidikan', 'GURU', 'Guru Ahli Pertama', 3]);
    // The untouched template holds only its example row: nothing to import.
    const untouched = await upload(selection.id, response.rawPayload);
    expect(untouched.statusCode).toBe(400);
    expect(untouched.json().error.message).toContain('tidak berisi formasi');
  });
});
