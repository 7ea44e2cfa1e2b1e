import ExcelJS from 'exceljs';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BANK_JSON_FORMAT } from '../../../core/schemas/cat-banks.js';
import { accountWithSession, createAgencyRow, createTestApp, request, type TestContext } from '../../test-support/app.js';
import { auditLog } from '../audit/audit.table.js';
import { catQuestions } from '../cat/cat.table.js';
import { multipartFile, workbookBuffer } from '../organisation/organisation.fixtures.js';
import { createBankRow, createQuestionRow } from './cat-banks.fixtures.js';

let ctx: TestContext;
let agencyId: string;
let admin: { cookie: string; id: string };

beforeAll(async () => {
  ctx = await createTestApp();
  agencyId = (await createAgencyRow(ctx, 'Kota Impor Soal')).id;
  const { account, cookie } = await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId }] });
  admin = { cookie, id: account.id };
  // Migrations and several argon2 logins: slow on a busy shared machine.
}, 240_000);
afterAll(() => ctx.close());

const db = () => ctx.database.db;
const base = () => `/api/agencies/${agencyId}/cat-banks`;
const HEADERS = ['No', 'Subtes', 'Topik', 'Teks Soal', 'Pilihan A', 'Pilihan B', 'Pilihan C', 'Pilihan D', 'Pilihan E', 'Kunci', 'Bobot A', 'Bobot B', 'Bobot C', 'Bobot D', 'Bobot E'];
const questionsIn = async (bankId: string) => db().select().from(catQuestions).where(eq(catQuestions.bankId, bankId));
const countIn = async (bankId: string) => (await db().select({ n: count() }).from(catQuestions).where(eq(catQuestions.bankId, bankId)))[0]!.n;

async function upload(bankId: string, content: Buffer, name = 'soal.xlsx', type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') {
  return request(ctx, admin.cookie, { method: 'POST', url: `${base()}/${bankId}/import`, ...(await multipartFile(content, name, type)) });
}
const sheet = (rows: unknown[][], headers: unknown[] = HEADERS) => workbookBuffer({ Soal: [headers, ...rows] });
const twkRow = (n: number, over: Record<number, unknown> = {}) => {
  const row: unknown[] = [n, 'TWK', 'Pancasila', `Soal wawasan kebangsaan nomor ${n} adalah …`, 'Satu', 'Dua', 'Tiga', 'Empat', 'Lima', 'C', null, null, null, null, null];
  for (const [index, value] of Object.entries(over)) row[Number(index)] = value;
  return row;
};
const tkpRow = (n: number, points: unknown[] = [1, 2, 3, 4, 5]) => [n, 'TKP', 'Pelayanan', `Situasi pelayanan nomor ${n}, sikap Anda …`, 'Abaikan', 'Tunda', 'Catat', 'Bantu', 'Selesaikan', null, ...points];

describe('import', () => {
  it('imports single-key and weighted questions as drafts, all in one audited step — 200', async () => {
    const bank = await createBankRow(db(), agencyId);
    const response = await upload(bank.id, await sheet([twkRow(1), tkpRow(2), [3, 'sosial kultural', '', 'Rekan berbeda budaya meminta bantuan …', 'A1', 'A2', 'A3', 'A4', null, null, 1, 2, 3, 4, null]]));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().result).toEqual({ created: 3, bySubtest: { TWK: 1, TKP: 1, SOSIAL_KULTURAL: 1 } });
    const stored = await questionsIn(bank.id);
    expect(stored.every((q) => q.status === 'draft' && q.createdBy === admin.id && q.editedBy === admin.id)).toBe(true);
    const twk = stored.find((q) => q.subtest === 'TWK')!;
    expect(twk.keyOptionId).toBe(twk.options[2]!.id);
    const tkp = stored.find((q) => q.subtest === 'TKP')!;
    expect(tkp.options.map((o) => o.points)).toEqual([1, 2, 3, 4, 5]);
    expect(stored.find((q) => q.subtest === 'SOSIAL_KULTURAL')!.options).toHaveLength(4);
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'cat.bank.import'), eq(auditLog.targetId, bank.id))).orderBy(auditLog.chain, auditLog.seq);
    expect(audit!.summary).toMatchObject({ after: { created: 3, format: 'xlsx', fileSha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
  });

  it('lists every bad row with its column and reason, and saves nothing — 400', async () => {
    const bank = await createBankRow(db(), agencyId);
    const existing = await createQuestionRow(db(), bank, { subtest: 'TIU', topic: 'Deret' });
    const response = await upload(
      bank.id,
      await sheet([
        twkRow(1, { 9: 'Z' }),
        twkRow(2, { 9: 'F' }),
        tkpRow(3, [1, 2, 3, 4, 6]),
        tkpRow(4, [1, 2, null, 4, 5]),
        twkRow(5, { 1: 'PSIKOTES' }),
        twkRow(6, { 6: null }),
        twkRow(7),
        twkRow(7),
        [9, existing.subtest, existing.topic, existing.stem, ...existing.options.map((o) => o.text), null, 'A'],
        twkRow(10, { 9: null }),
        tkpRow(11, [1, 2, 3, 'lima', 5]),
        twkRow(12, { 10: 5 }),
      ]),
    );
    expect(response.statusCode).toBe(400);
    const issues = response.json().error.issues as Array<{ sheet: string; row: number; column: string; reason: string }>;
    const at = (row: number) => issues.filter((issue) => issue.row === row).map((issue) => `${issue.column}: ${issue.reason}`);
    expect(at(2)).toEqual([expect.stringMatching(/^Kunci: Kunci "Z" harus huruf pilihan/)]);
    expect(at(3)).toEqual([expect.stringMatching(/^Kunci: Kunci F menunjuk pilihan yang kosong/)]);
    expect(at(4)).toEqual([expect.stringMatching(/^Bobot E: Bobot pilihan E harus bilangan bulat 1–5/)]);
    expect(at(5)).toEqual([expect.stringMatching(/^Bobot C: Bobot pilihan C wajib diisi/)]);
    expect(at(6)).toEqual([expect.stringMatching(/^Subtes: Subtes "PSIKOTES" tidak dikenal/)]);
    expect(at(7)).toEqual([expect.stringMatching(/^Pilihan C: Pilihan C kosong/)]);
    expect(at(8)).toEqual([]);
    expect(at(9)).toEqual(['Teks Soal: Soal ini sama dengan soal di baris 8.']);
    expect(at(10)).toEqual(['Teks Soal: Soal yang sama sudah ada di bank soal ini.']);
    expect(at(11)).toEqual([expect.stringMatching(/^Kunci: Pilih kunci jawaban/)]);
    expect(at(12)[0]).toMatch(/^Bobot D: Bobot D harus berupa bilangan bulat/);
    expect(at(13)).toEqual([expect.stringMatching(/^Bobot A: Soal TWK memakai satu kunci jawaban/)]);
    expect(issues.every((issue) => issue.sheet === 'Soal')).toBe(true);
    expect(response.json().error.message).toContain('Tidak ada data yang disimpan');
    expect(await countIn(bank.id)).toBe(1);
  });

  it('refuses a sheet without a required column, naming it — 400', async () => {
    const bank = await createBankRow(db(), agencyId);
    const response = await upload(bank.id, await sheet([[1, 'TWK', 'Soal tanpa kolom teks', 'A', 'B']], ['No', 'Subtes', 'Topik', 'Pilihan A', 'Pilihan B']));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues).toEqual([{ sheet: 'Soal', row: 1, column: 'Teks Soal', reason: 'Kolom "Teks Soal" tidak ada di baris judul.' }]);
    const missingSheet = await upload(bank.id, await workbookBuffer({ Lain: [HEADERS, twkRow(1)] }));
    expect(missingSheet.json().error.issues[0].reason).toContain('Lembar "Soal" tidak ada');
    expect(await countIn(bank.id)).toBe(0);
  });

  it('refuses what is not an XLSX or a bank JSON: a PDF, plain text, a ZIP without a workbook — 400', async () => {
    const bank = await createBankRow(db(), agencyId);
    const pdf = await upload(bank.id, Buffer.from('%PDF-1.4\n%%EOF\n'), 'soal.pdf', 'application/pdf');
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.message).toContain('bukan berkas XLSX atau JSON');
    const text = await upload(bank.id, Buffer.from('Subtes;Soal\nTWK;apa'), 'soal.csv', 'text/csv');
    expect(text.json().error.message).toContain('bukan berkas XLSX atau JSON');
    // A ZIP that holds no workbook: its local header says "PK", its content is not Excel.
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]);
    const notWorkbook = await upload(bank.id, zip);
    expect(notWorkbook.statusCode).toBe(400);
    expect(notWorkbook.json().error.issues[0].reason).toMatch(/Berkas ditolak: berkas XLSX rusak/);
    const wrongJson = await upload(bank.id, Buffer.from(JSON.stringify({ format: 'lain', questions: [] })), 'soal.json', 'application/json');
    expect(wrongJson.json().error.issues[0].reason).toContain(BANK_JSON_FORMAT);
    const brokenJson = await upload(bank.id, Buffer.from('{"format": "rekrutmen-asn/bank-soal", '), 'soal.json', 'application/json');
    expect(brokenJson.json().error.issues[0].reason).toContain('bukan JSON yang valid');
    expect(await countIn(bank.id)).toBe(0);
  });

  it('refuses 100,000 rows of junk at the row limit, saving nothing — 400', async () => {
    const bank = await createBankRow(db(), agencyId);
    const workbook = new ExcelJS.Workbook();
    const junk = workbook.addWorksheet('Soal');
    junk.addRow(HEADERS);
    for (let i = 0; i < 100_000; i++) junk.addRow([i, 'x', 'y', 'z', 'a', 'b']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await upload(bank.id, content);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues).toEqual([expect.objectContaining({ sheet: 'Soal', reason: expect.stringContaining('melebihi batas 5.000 baris') })]);
    expect(await countIn(bank.id)).toBe(0);
  }, 120_000);

  it('imports the JSON format, and lists bad questions by number and field — 200/400', async () => {
    const bank = await createBankRow(db(), agencyId);
    const file = (questions: unknown[]) => Buffer.from(JSON.stringify({ format: BANK_JSON_FORMAT, version: 1, questions }));
    const good = await upload(
      bank.id,
      file([
        { subtest: 'TIU', topic: 'Silogisme', stem: 'Semua A adalah B. Semua B adalah C. Maka …', options: [{ text: 'Semua A adalah C' }, { text: 'Semua C adalah A' }], key: 'A' },
        { subtest: 'WAWANCARA', stem: 'Motivasi Anda menjadi PPPK adalah …', options: [1, 2, 3, 4].map((points) => ({ text: `Jawaban ${points}`, points })) },
      ]),
      'soal.json',
      'application/json',
    );
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json().result.created).toBe(2);

    const bad = await upload(
      bank.id,
      file([
        { subtest: 'TIU', stem: 'Soal ketiga yang cukup panjang', options: [{ text: 'x' }, { text: 'y' }], key: 'C' },
        'bukan objek',
        { subtest: 'WAWANCARA', stem: 'Soal wawancara kedua', options: [{ text: 'a', points: 5 }, { text: 'b', points: 'tinggi' }] },
      ]),
      'soal.json',
      'application/json',
    );
    expect(bad.statusCode).toBe(400);
    const issues = bad.json().error.issues as Array<{ row: number; column: string | null }>;
    expect(issues.map((issue) => `${issue.row}:${issue.column}`)).toEqual(['1:key', '2:null', '3:options.1.points', '3:options.0.points', '3:options.1.points']);
    const tooMany = await upload(bank.id, file(Array.from({ length: 5_001 }, () => ({}))), 'soal.json', 'application/json');
    expect(tooMany.json().error.message).toContain('melebihi batas 5.000 soal');
    expect(await countIn(bank.id)).toBe(2);
  });

  it('refuses a file over 5 MB — 413', async () => {
    const bank = await createBankRow(db(), agencyId);
    const response = await upload(bank.id, Buffer.alloc(5 * 1024 * 1024 + 10, 0x20), 'soal.json', 'application/json');
    expect(response.statusCode).toBe(413);
  });
});

describe('export and template', () => {
  it('exports XLSX and JSON with keys and points, each export audited with who took it, and both import again as drafts — 200', async () => {
    const source = await createBankRow(db(), agencyId, 'Bank Sumber');
    const twk = await createQuestionRow(db(), source, { subtest: 'TWK', status: 'active' });
    const tkp = await createQuestionRow(db(), source, { subtest: 'TKP', status: 'reviewed' });

    const xlsx = await request(ctx, admin.cookie, { method: 'GET', url: `${base()}/${source.id}/export.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toContain('bank-soal-bank-sumber-');
    const json = await request(ctx, admin.cookie, { method: 'GET', url: `${base()}/${source.id}/export.json` });
    expect(json.statusCode).toBe(200);
    const exported = json.json();
    expect(exported).toMatchObject({ format: BANK_JSON_FORMAT, version: 1, bank: { name: 'Bank Sumber' } });
    expect(exported.questions.find((q: { subtest: string }) => q.subtest === 'TWK')).toMatchObject({ stem: twk.stem, key: 'A' });
    expect(exported.questions.find((q: { subtest: string }) => q.subtest === 'TKP').options.map((o: { points: number }) => o.points)).toEqual([5, 4, 3, 2, 1]);

    const exports = await db().select().from(auditLog).where(and(eq(auditLog.action, 'cat.bank.export'), eq(auditLog.targetId, source.id))).orderBy(auditLog.chain, auditLog.seq);
    expect(exports.map((entry) => [entry.actorId, (entry.summary as { details: { format: string; questions: number } }).details])).toEqual([
      [admin.id, { format: 'xlsx', questions: 2 }],
      [admin.id, { format: 'json', questions: 2 }],
    ]);

    for (const [content, name] of [
      [xlsx.rawPayload, 'ekspor.xlsx'],
      [json.rawPayload, 'ekspor.json'],
    ] as const) {
      const target = await createBankRow(db(), agencyId);
      const imported = await upload(target.id, content, name, name.endsWith('json') ? 'application/json' : undefined);
      expect(imported.statusCode, imported.body).toBe(200);
      const copies = await questionsIn(target.id);
      expect(copies.map((q) => [q.subtest, q.stem, q.status]).sort()).toEqual([
        ['TKP', tkp.stem, 'draft'],
        ['TWK', twk.stem, 'draft'],
      ]);
      const copy = copies.find((q) => q.subtest === 'TWK')!;
      expect(copy.options.findIndex((o) => o.id === copy.keyOptionId)).toBe(0);
      expect(copies.find((q) => q.subtest === 'TKP')!.options.map((o) => o.points)).toEqual([5, 4, 3, 2, 1]);
      // Importing the same file again is refused: every question is already there.
      expect((await upload(target.id, content, name, name.endsWith('json') ? 'application/json' : undefined)).statusCode).toBe(400);
    }
  });

  it('offers a template whose example rows are not imported — 200/400', async () => {
    const template = await request(ctx, admin.cookie, { method: 'GET', url: `${base()}/template.xlsx` });
    expect(template.statusCode).toBe(200);
    const bank = await createBankRow(db(), agencyId);
    const response = await upload(bank.id, template.rawPayload);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('tidak berisi soal');
  });
});
