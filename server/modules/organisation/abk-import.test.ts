import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithSession, createAgencyRow, createTestApp, request, type TestContext } from '../../test-support/app.js';
import { auditLog } from '../audit/audit.table.js';
import { ABK_HEADERS, abkWorkbook, createPositionRow, createUnitRow, multipartFile, rawXlsx, workbookBuffer, zip } from './organisation.fixtures.js';
import { positionTasks, positions, units } from './organisation.table.js';

let ctx: TestContext;
let agencyId: string;
let admin: string;

beforeAll(async () => {
  ctx = await createTestApp();
  agencyId = (await createAgencyRow(ctx, 'Kota Impor')).id;
  admin = (await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId }] })).cookie;
});
afterAll(() => ctx.close());

const db = () => ctx.database.db;

async function upload(file: Buffer, target = agencyId, name = 'abk.xlsx') {
  return request(ctx, admin, { method: 'POST', url: `/api/agencies/${target}/abk/import`, ...(await multipartFile(file, name)) });
}

/** Row counts of the agency's organisation tables: an import refused must leave them all unchanged. */
async function snapshot(target = agencyId) {
  const [u] = await db().select({ n: count() }).from(units).where(eq(units.agencyId, target));
  const [p] = await db().select({ n: count() }).from(positions).where(eq(positions.agencyId, target));
  const [t] = await db().select({ n: count() }).from(positionTasks).where(eq(positionTasks.agencyId, target));
  return { units: u!.n, positions: p!.n, tasks: t!.n };
}

type Issue = { sheet: string | null; row: number | null; column: string | null; reason: string };
const issuesOf = (response: { json(): { error: { issues: Issue[] } } }) => response.json().error.issues;

const good = {
  units: [
    [1, 'DISDIK', 'Dinas Pendidikan'],
    [2, 'DINKES', 'Dinas Kesehatan'],
  ],
  positions: [
    [1, 'DISDIK', 'GURU-MTK', 'Guru Matematika', 'Fungsional', 3, 1],
    [2, 'DINKES', 'PRW', 'Perawat Terampil', 'fungsional', 2, 0],
    [3, 'DINKES', 'ADM', 'Pengadministrasi Umum', '', 1, 0],
  ],
  tasks: [
    [1, 'DISDIK', 'GURU-MTK', 'Mengajar tatap muka', 'jam pelajaran', 720, 135],
    [2, 'DISDIK', 'GURU-MTK', 'Menilai hasil belajar', 'dokumen', '1200,5', '30'],
    [3, 'DINKES', 'PRW', 'Asuhan keperawatan', 'pasien', 3000, 50],
  ],
};

describe('ABK import', () => {
  it('imports units, positions and tasks in one go, and the analysis uses them — 200', async () => {
    const response = await upload(await abkWorkbook(good));
    expect(response.statusCode).toBe(200);
    expect(response.json().result).toEqual({ units: { created: 2, updated: 0 }, positions: { created: 3, updated: 0 }, tasks: { positions: 2, written: 3 } });
    const [guru] = await db().select().from(positions).where(and(eq(positions.agencyId, agencyId), eq(positions.code, 'GURU-MTK')));
    expect(guru).toMatchObject({ name: 'Guru Matematika', jenis: 'fungsional', bezetting: 3, retiring: 1 });
    const [adm] = await db().select().from(positions).where(and(eq(positions.agencyId, agencyId), eq(positions.code, 'ADM')));
    expect(adm?.jenis).toBe('pelaksana');
    const analysis = (await request(ctx, admin, { method: 'GET', url: `/api/agencies/${agencyId}/abk/positions/${guru!.id}` })).json();
    // 720 × 135 + 1.200,5 × 30 = 97.200 + 36.015 = 133.215 menit ÷ 75.000 = 1,7762 → 2; 3 − 1 pensiun = 2 tersisa
    expect(analysis.calculation).toMatchObject({ workloadMinutes: 133_215, roundedNeed: 2, shortfall: 0, proposedFormasi: 0 });
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'abk.import'), eq(auditLog.agencyId, agencyId))).orderBy(auditLog.chain, auditLog.seq);
    expect(audit?.summary).toMatchObject({ after: { units: { created: 2 } } });
  });

  it('updates what exists on a second import and replaces the task list of the positions it names', async () => {
    const response = await upload(
      await abkWorkbook({
        units: [[1, 'DISDIK', 'Dinas Pendidikan dan Kebudayaan']],
        positions: [[1, 'DISDIK', 'GURU-MTK', 'Guru Matematika Ahli Pertama', 'Fungsional', 4, 1]],
        tasks: [[1, 'DISDIK', 'GURU-MTK', 'Mengajar', 'jam', 900, 100]],
      }),
    );
    expect(response.json().result).toEqual({ units: { created: 0, updated: 1 }, positions: { created: 0, updated: 1 }, tasks: { positions: 1, written: 1 } });
    const [guru] = await db().select().from(positions).where(and(eq(positions.agencyId, agencyId), eq(positions.code, 'GURU-MTK')));
    expect(guru).toMatchObject({ name: 'Guru Matematika Ahli Pertama', bezetting: 4 });
    const tasks = await db().select().from(positionTasks).where(eq(positionTasks.positionId, guru!.id));
    expect(tasks.map((t) => t.name)).toEqual(['Mengajar']);
    const [prw] = await db().select().from(positions).where(and(eq(positions.agencyId, agencyId), eq(positions.code, 'PRW')));
    expect(await db().select().from(positionTasks).where(eq(positionTasks.positionId, prw!.id))).toHaveLength(1);
  });

  it('refuses the whole file when one row of many is wrong — 400 with row, column and reason, nothing saved', async () => {
    const before = await snapshot();
    const manyUnits = Array.from({ length: 40 }, (_, i) => [i + 1, `BARU-${i}`, `Unit Baru ${i}`]);
    const response = await upload(
      await abkWorkbook({
        units: manyUnits,
        positions: [[1, 'BARU-0', 'J1', 'Jabatan Baru', 'Pelaksana', 2, 'dua']],
        tasks: [],
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('Tidak ada data yang disimpan') });
    expect(issuesOf(response)).toEqual([{ sheet: 'Jabatan', row: 2, column: 'Pensiun', reason: 'Jumlah pensiun harus berupa angka (bukan "dua").' }]);
    expect(await snapshot()).toEqual(before);
  });

  it('lists every wrong type, bound and rule with its spreadsheet row', async () => {
    const before = await snapshot();
    const response = await upload(
      await abkWorkbook({
        units: [
          [1, 'ada spasi', 'Unit Spasi'],
          [2, 'OK', ''],
          [3, 'GALAT', 'Unit Galat'],
        ],
        positions: [
          [1, 'GALAT', 'J-A', 'Jabatan A', 'Honorer', 1.5, 0],
          [2, 'GALAT', 'J-B', 'Jabatan B', 'Pelaksana', 1, 2],
          [3, 'GALAT', 'J-C', 'Jabatan C', 'Pelaksana', -1, 0],
          [4, 'GALAT', 'J-D', 'Jabatan D', 'Pelaksana', 1, 0],
        ],
        tasks: [
          [1, 'GALAT', 'J-D', 'Tugas nol', '', 10, 0],
          [2, 'GALAT', 'J-D', 'Tugas desimal', '', '1.005', 10],
          [3, 'GALAT', 'J-D', 'Tugas tanggal', '', 10, new Date('2026-01-01')],
          [4, 'GALAT', 'J-D', 'Tugas teks', '', 'sepuluh', 10],
        ],
      }),
    );
    expect(response.statusCode).toBe(400);
    const issues = issuesOf(response).map((issue) => [issue.sheet, issue.row, issue.column]);
    expect(issues).toEqual([
      ['Unit Kerja', 2, 'Kode Unit'],
      ['Unit Kerja', 3, 'Nama Unit Kerja'],
      ['Jabatan', 2, 'Jenis Jabatan'],
      ['Jabatan', 2, 'Bezetting'],
      ['Jabatan', 3, 'Pensiun'],
      ['Jabatan', 4, 'Bezetting'],
      ['Uraian Tugas', 2, 'Norma Waktu (menit)'],
      ['Uraian Tugas', 3, 'Volume per Tahun'],
      ['Uraian Tugas', 4, 'Norma Waktu (menit)'],
      ['Uraian Tugas', 5, 'Volume per Tahun'],
    ]);
    expect(issuesOf(response)[4]?.reason).toBe('Jumlah pensiun (2) tidak boleh melebihi bezetting (1).');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses duplicated rows, naming the first occurrence', async () => {
    const response = await upload(
      await abkWorkbook({
        units: [
          [1, 'DUP', 'Unit Dobel'],
          [2, 'DUP', 'Unit Dobel'],
        ],
        positions: [
          [1, 'DUP', 'J', 'Jabatan', '', 1, 0],
          [2, 'DUP', 'J', 'Jabatan Lagi', '', 1, 0],
        ],
        tasks: [
          [1, 'DUP', 'J', 'Tugas sama', '', 1, 1],
          [2, 'DUP', 'J', 'tugas  SAMA', '', 2, 2],
        ],
      }),
    );
    expect(issuesOf(response)).toEqual([
      { sheet: 'Unit Kerja', row: 3, column: 'Kode Unit', reason: 'Kode unit "DUP" sudah ada di baris 2; satu unit satu baris.' },
      { sheet: 'Jabatan', row: 3, column: 'Kode Jabatan', reason: 'Jabatan "J" di unit "DUP" sudah ada di baris 2; satu jabatan satu baris.' },
      { sheet: 'Uraian Tugas', row: 3, column: 'Uraian Tugas', reason: 'Uraian tugas ini sudah ada di baris 2 untuk jabatan yang sama.' },
    ]);
    expect(await db().select().from(units).where(and(eq(units.agencyId, agencyId), eq(units.code, 'DUP')))).toEqual([]);
  });

  it("refuses references to units and positions that exist neither in the file nor in the agency (another agency's do not count)", async () => {
    const foreignAgency = await createAgencyRow(ctx, 'Agensi Asing');
    const foreignUnit = await createUnitRow(db(), foreignAgency.id, { code: 'ASING' });
    await createPositionRow(db(), foreignAgency.id, { unitId: foreignUnit.id, code: 'JA' });
    const before = await snapshot();
    const response = await upload(
      await abkWorkbook({
        positions: [[1, 'ASING', 'JX', 'Jabatan', '', 1, 0]],
        tasks: [
          [1, 'ASING', 'JA', 'Tugas', '', 1, 1],
          [2, 'DISDIK', 'TIDAK-ADA', 'Tugas', '', 1, 1],
        ],
      }),
    );
    expect(issuesOf(response)).toEqual([
      { sheet: 'Jabatan', row: 2, column: 'Kode Unit', reason: 'Unit kerja "ASING" tidak ditemukan di lembar Unit Kerja maupun di data instansi.' },
      { sheet: 'Uraian Tugas', row: 2, column: 'Kode Jabatan', reason: 'Jabatan "JA" di unit "ASING" tidak ditemukan di lembar Jabatan maupun di data instansi.' },
      { sheet: 'Uraian Tugas', row: 3, column: 'Kode Jabatan', reason: 'Jabatan "TIDAK-ADA" di unit "DISDIK" tidak ditemukan di lembar Jabatan maupun di data instansi.' },
    ]);
    expect(await snapshot()).toEqual(before);
    expect(await snapshot(foreignAgency.id)).toEqual({ units: 1, positions: 1, tasks: 0 });
  });

  it('refuses a sheet whose header lacks a column, and a file without a sheet', async () => {
    const missingColumn = await workbookBuffer({
      'Unit Kerja': [ABK_HEADERS.units],
      Jabatan: [['Kode Unit', 'Kode Jabatan', 'Nama Jabatan', 'Pensiun'], ['DISDIK', 'X', 'Jabatan X', 0]],
      'Uraian Tugas': [ABK_HEADERS.tasks],
    });
    expect(issuesOf(await upload(missingColumn))).toEqual([{ sheet: 'Jabatan', row: 1, column: 'Bezetting', reason: 'Kolom "Bezetting" tidak ada di baris judul.' }]);
    const missingSheet = await workbookBuffer({ 'Unit Kerja': [ABK_HEADERS.units, [1, 'A', 'Unit A']], Jabatan: [ABK_HEADERS.positions] });
    expect(issuesOf(await upload(missingSheet))).toEqual([{ sheet: 'Uraian Tugas', row: null, column: null, reason: 'Lembar "Uraian Tugas" tidak ada di berkas; gunakan templat yang disediakan.' }]);
  });

  it('skips the template example row, and refuses a file with no data at all', async () => {
    const fresh = await createAgencyRow(ctx, 'Kota Templat');
    const { cookie } = await accountWithSession(ctx, { roles: [{ role: 'panitia', agencyId: fresh.id }] });
    const template = await request(ctx, cookie, { method: 'GET', url: `/api/agencies/${fresh.id}/abk/template.xlsx` });
    const response = await request(ctx, cookie, { method: 'POST', url: `/api/agencies/${fresh.id}/abk/import`, ...(await multipartFile(template.rawPayload)) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe('Berkas tidak berisi data untuk diimpor (hanya judul kolom atau baris contoh). Tidak ada data yang disimpan.');
    expect(await snapshot(fresh.id)).toEqual({ units: 0, positions: 0, tasks: 0 });
  });

  it('imports its own export again (round trip) without changing the analysis', async () => {
    const before = (await request(ctx, admin, { method: 'GET', url: `/api/agencies/${agencyId}/abk` })).json();
    const exported = await request(ctx, admin, { method: 'GET', url: `/api/agencies/${agencyId}/abk/export.xlsx` });
    const response = await upload(exported.rawPayload);
    expect(response.statusCode).toBe(200);
    expect(response.json().result.units.created + response.json().result.positions.created).toBe(0);
    const after = (await request(ctx, admin, { method: 'GET', url: `/api/agencies/${agencyId}/abk` })).json();
    expect(after.totals).toEqual(before.totals);
  });

  it('refuses a file that is not XLSX by its content, whatever its name — 400, nothing saved', async () => {
    const before = await snapshot();
    const cases: Array<[Buffer, RegExp]> = [
      [Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF'), /bukan berkas XLSX/],
      [Buffer.from('Kode Unit,Nama Unit Kerja\nA,Unit A\n'), /bukan berkas XLSX/],
      [zip([{ name: 'hello.txt', data: Buffer.from('halo') }]), /tidak berisi buku kerja Excel/],
      [(await abkWorkbook(good)).subarray(0, 2_000), /rusak/],
    ];
    for (const [content, reason] of cases) {
      const response = await upload(content, agencyId, 'abk.xlsx');
      expect(response.statusCode).toBe(400);
      expect(issuesOf(response)).toEqual([{ sheet: null, row: null, column: null, reason: expect.stringMatching(reason) }]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a small file that inflates beyond the budget (a ZIP bomb) without reading it', async () => {
    const bomb = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(64 * 1024 * 1024, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(200_000);
    const response = await upload(bomb);
    expect(response.statusCode).toBe(400);
    expect(issuesOf(response)[0]?.reason).toMatch(/terlalu besar setelah diekstrak/);
  });

  it('refuses 100,000 rows of junk at the row limit, saving nothing', async () => {
    const junk = Array.from({ length: 100_000 }, (_, i) => [i, `x${i}`, 'y', 'z'.repeat(10), i, 'v', 'n']);
    const file = rawXlsx({ 'Unit Kerja': [ABK_HEADERS.units], Jabatan: [ABK_HEADERS.positions], 'Uraian Tugas': [ABK_HEADERS.tasks, ...junk] });
    const before = await snapshot();
    const response = await upload(file);
    expect(response.statusCode).toBe(400);
    expect(issuesOf(response)).toEqual([{ sheet: 'Uraian Tugas', row: 5_002, column: null, reason: 'Lembar "Uraian Tugas" melebihi batas 5.000 baris data; bagi isinya ke beberapa berkas.' }]);
    expect(await snapshot()).toEqual(before);
  }, 60_000);

  it('lists at most 200 problems and says there are more', async () => {
    const junk = Array.from({ length: 500 }, (_, i) => [i, 'DISDIK', `J${i}`, 'Jabatan', '', 'x', 'y']);
    const response = await upload(await abkWorkbook({ positions: junk }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ truncated: true, message: expect.stringContaining('lebih dari 200 masalah') });
    expect(issuesOf(response)).toHaveLength(200);
  });

  it('refuses an upload above 5 MB — 413, a request without a file — 400, and JSON — 415', async () => {
    const large = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(5 * 1024 * 1024 + 10)]);
    const tooLarge = await upload(large);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.message).toBe('Berkas melebihi batas 5 MB.');

    const form = new FormData();
    form.append('catatan', 'tanpa berkas');
    const empty = new Response(form);
    const noFile = await request(ctx, admin, {
      method: 'POST',
      url: `/api/agencies/${agencyId}/abk/import`,
      payload: Buffer.from(await empty.arrayBuffer()),
      headers: { 'content-type': empty.headers.get('content-type')! },
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.fields).toHaveProperty('file');

    const json = await request(ctx, admin, { method: 'POST', url: `/api/agencies/${agencyId}/abk/import`, payload: { units: [] } });
    expect(json.statusCode).toBe(415);
  });
});
