// The Kota Manna admin builds a question bank: creates the bank, writes a TWK question with its
// key, invites a panel member who reviews it (four eyes: the author cannot), activates it, and
// imports a small XLSX — first a file with mistakes, listed row by row with nothing saved, then a
// correct one. The panel member then finds the bank on a phone. A second journey sets up a bank
// with an active question through the API and builds a round's blueprint on it in the browser: the
// availability check names the shortfall, a count the bank can fill is saved, the report opens.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, KOTA_MANNA_ADMIN_EMAIL, SUPER_ADMIN_EMAIL, logIn, uniqueEmail, type Journey } from './harness.js';

const HEADERS = ['No', 'Subtes', 'Topik', 'Teks Soal', 'Pilihan A', 'Pilihan B', 'Pilihan C', 'Pilihan D', 'Pilihan E', 'Kunci', 'Bobot A', 'Bobot B', 'Bobot C', 'Bobot D', 'Bobot E'];

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Soal');
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A JSON call in a signed-in browser context (its cookies). */
async function callApi<T>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await page.request.fetch(path, { method, headers: body === undefined ? undefined : { 'content-type': 'application/json' }, data: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  assert.ok(response.ok(), `${method} ${path} → ${response.status()}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The token of the newest invitation email to `email` (the super admin reads the outbox). */
async function invitationToken(superAdmin: Page, email: string): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const { items } = await callApi<{ items: Array<{ to: string; text: string }> }>(superAdmin, 'GET', `/api/outbox?q=${encodeURIComponent(email)}`);
    const token = /undangan\?token=([A-Za-z0-9_-]+)/.exec(items.find((m) => m.to === email)?.text ?? '')?.[1];
    if (token) return token;
    await superAdmin.waitForTimeout(250);
  }
  throw new Error(`tidak ada undangan untuk ${email}`);
}

/** An invited panel member who accepted (through the API), signed in on `page`. */
async function panelMember(admin: Page, superAdmin: Page, page: Page, agencyId: string): Promise<void> {
  const email = uniqueEmail('panitia-api');
  await callApi(admin, 'POST', `/api/agencies/${agencyId}/staff`, { email, name: 'Panitia Penelaah', roles: ['panitia'] });
  const token = await invitationToken(superAdmin, email);
  const password = 'Telaah-Soal-2026!';
  await callApi(page, 'POST', '/api/auth/invitation/accept', { token, password });
  await callApi(page, 'POST', '/api/auth/login', { email, password });
}

export const journeys: Journey[] = [
  {
    name: 'admin Kota Manna membuat bank soal, soal ditelaah panitia lain, diaktifkan, lalu impor XLSX',
    async run(ctx) {
      const admin = await ctx.newPage();
      await logIn(ctx, admin, KOTA_MANNA_ADMIN_EMAIL, DEMO_PASSWORD);
      await admin.getByRole('link', { name: 'Bank soal CAT' }).first().click();
      await ctx.settle(admin, /Bank soal CAT/);
      const listPath = new URL(admin.url()).pathname;
      assert.match(listPath, /^\/admin\/instansi\/[^/]+\/bank-soal$/);
      const agencyId = listPath.split('/')[3]!;

      // 1. A new bank.
      const bankName = `Bank SKD Uji ${Date.now().toString(36)}`;
      await admin.getByRole('button', { name: 'Buat bank soal' }).click();
      await admin.getByRole('heading', { level: 2, name: 'Bank soal baru' }).waitFor();
      await ctx.checkA11y(admin, `${listPath} (bank baru)`);
      await admin.getByLabel('Nama bank soal').fill(bankName);
      await admin.getByLabel('Keterangan').fill('Soal TWK, TIU dan TKP untuk SKD 2026');
      await admin.getByRole('button', { name: 'Simpan bank soal' }).click();
      await ctx.settle(admin, bankName);
      await admin.getByText('Bank soal telah dibuat.').waitFor();
      const bankPath = new URL(admin.url()).pathname;

      // 2. A TWK question with its key.
      await admin.getByRole('link', { name: 'Tambah soal' }).click();
      await ctx.settle(admin, 'Soal baru');
      await admin.getByLabel('Topik').fill('Pancasila');
      await admin.getByLabel(/^Teks soal/).fill('Sila Pancasila yang menjadi dasar musyawarah untuk mufakat adalah sila ke …');
      for (const [index, text] of ['Pertama', 'Kedua', 'Ketiga', 'Keempat', 'Kelima'].entries()) {
        await admin.getByLabel(`Teks pilihan ${String.fromCharCode(65 + index)}`).fill(text);
      }
      // Saving without a key is refused, with the field named.
      await admin.getByRole('button', { name: 'Simpan soal' }).click();
      await admin.getByRole('alert').filter({ hasText: 'Kunci jawaban' }).waitFor();
      await ctx.checkA11y(admin, `${bankPath}/soal/baru (tanpa kunci)`);
      await admin.getByLabel('Kunci: pilihan D').check();
      await admin.getByRole('button', { name: 'Simpan soal' }).click();
      await ctx.settle(admin, 'Ubah soal');
      await admin.getByText('Soal telah disimpan').waitFor();
      const questionPath = new URL(admin.url()).pathname;
      assert.match(questionPath, /\/soal\/[0-9a-f-]{36}$/);
      // The author may not review their own question.
      assert.equal(await admin.getByRole('button', { name: 'Tandai sudah ditelaah' }).isDisabled(), true);
      await admin.getByText('telaah harus dilakukan orang lain').waitFor();

      // 3. A second staff member: a panel member invited now, who accepts by email.
      const panelEmail = uniqueEmail('panitia');
      await ctx.visit(admin, `/admin/instansi/${agencyId}/staf`, /Staf instansi/);
      await admin.getByRole('button', { name: 'Undang staf' }).click();
      await admin.getByLabel('Nama lengkap').fill('Sri Wahyuni');
      await admin.getByLabel('Alamat email').fill(panelEmail);
      await admin.getByRole('checkbox', { name: 'Panitia Seleksi' }).check();
      await admin.getByRole('button', { name: 'Kirim undangan' }).click();
      await admin.getByText(`Undangan telah dikirim ke ${panelEmail}.`).waitFor();
      // The email is read from the outbox by the super admin (through the API: the outbox pages have their own journey).
      const superAdmin = await ctx.newPage();
      await callApi(superAdmin, 'POST', '/api/auth/login', { email: SUPER_ADMIN_EMAIL, password: DEMO_PASSWORD });
      const panel = await ctx.newPage();
      await ctx.visit(panel, `/undangan?token=${await invitationToken(superAdmin, panelEmail)}`, 'Undangan staf');
      const panelPassword = 'Telaah-Soal-2026!';
      await panel.getByLabel(/^Kata sandi baru/).fill(panelPassword);
      await panel.getByLabel('Ulangi kata sandi baru').fill(panelPassword);
      await panel.getByRole('button', { name: 'Terima undangan' }).click();
      await panel.getByText('Undangan diterima').waitFor();
      await logIn(ctx, panel, panelEmail, panelPassword);

      // 4. The panel member reviews; the admin activates.
      await ctx.visit(panel, questionPath, 'Ubah soal');
      await panel.getByRole('button', { name: 'Tandai sudah ditelaah' }).click();
      await panel.getByText('Status soal kini Sudah ditelaah.').waitFor();
      await panel.locator('dd', { hasText: 'Sri Wahyuni' }).waitFor();
      await ctx.checkA11y(panel, `${questionPath} (ditelaah)`);
      await admin.goto(questionPath);
      await ctx.settle(admin, 'Ubah soal');
      await admin.getByRole('button', { name: 'Aktifkan' }).click();
      await admin.getByText('Status soal kini Aktif.').waitFor();

      // 5. Import: a file with mistakes is refused row by row, nothing saved; then a correct one.
      await ctx.visit(admin, bankPath, bankName);
      await admin.getByRole('button', { name: 'Impor soal' }).click();
      await admin.getByRole('heading', { level: 2, name: 'Impor soal' }).waitFor();
      const bad = await xlsx([
        [1, 'TIU', 'Deret', 'Lanjutan deret 2, 4, 8, 16 adalah …', '24', '32', '30', null, null, 'F'],
        [2, 'TKP', 'Pelayanan', 'Warga mengeluh antrean lama. Sikap Anda …', 'Abaikan', 'Tunda', 'Catat', 'Bantu', 'Selesaikan', null, 1, 2, 3, 4, 9],
      ]);
      await admin.getByLabel('Berkas soal (XLSX atau JSON)').setInputFiles({ name: 'soal-salah.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bad });
      await admin.getByRole('button', { name: 'Impor berkas' }).click();
      const problems = admin.getByRole('region', { name: 'Daftar masalah pada berkas' });
      await problems.getByRole('row').filter({ hasText: 'Kunci F menunjuk pilihan yang kosong' }).waitFor();
      await problems.getByRole('row').filter({ hasText: 'Bobot E' }).waitFor();
      await ctx.checkA11y(admin, `${bankPath} (impor ditolak)`);
      const good = await xlsx([
        [1, 'TIU', 'Deret', 'Lanjutan deret 2, 4, 8, 16 adalah …', '24', '32', '30', null, null, 'B'],
        [2, 'TKP', 'Pelayanan', 'Warga mengeluh antrean lama. Sikap Anda …', 'Abaikan', 'Tunda', 'Catat', 'Bantu', 'Selesaikan', null, 1, 2, 3, 4, 5],
      ]);
      await admin.getByLabel('Berkas soal (XLSX atau JSON)').setInputFiles({ name: 'soal.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: good });
      await admin.getByRole('button', { name: 'Impor berkas' }).click();
      await admin.getByText('2 soal diimpor sebagai draf (TIU 1, TKP 1).').waitFor();
      const questions = admin.getByRole('region', { name: /Daftar soal/ });
      await questions.getByRole('row').filter({ hasText: 'Lanjutan deret' }).waitFor();
      await questions.getByRole('row').filter({ hasText: 'Sila Pancasila' }).getByText('Aktif', { exact: true }).waitFor();
      assert.equal(await questions.getByRole('row').filter({ hasText: 'Draf' }).count(), 2);
      await ctx.checkA11y(admin, `${bankPath} (setelah impor)`);

      // 6. The panel member finds the bank on a phone; the super admin sees no agency question.
      const phone = await ctx.newPage({ phone: true });
      await logIn(ctx, phone, panelEmail, panelPassword);
      await ctx.visit(phone, bankPath, bankName);
      await phone.getByText('Soal aktif', { exact: true }).waitFor();
      const refused = await superAdmin.request.get(`/api/agencies/${agencyId}/cat-banks/${bankPath.split('/').at(-1)}/questions`);
      assert.equal(refused.status(), 403);
    },
  },
  {
    name: 'admin Kota Manna menyusun cetak biru SKD dari bank soal dan membuka laporan tahapnya',
    async run(ctx) {
      const admin = await ctx.newPage();
      await logIn(ctx, admin, KOTA_MANNA_ADMIN_EMAIL, DEMO_PASSWORD);
      const { account } = await callApi<{ account: { roles: Array<{ role: string; agencyId: string | null }> } }>(admin, 'GET', '/api/auth/me');
      const agencyId = account.roles.find((grant) => grant.role === 'admin_instansi')!.agencyId!;
      // A bank with one active TWK question: written by the admin, reviewed by a panel member.
      const bankName = `Bank Cetak Biru ${Date.now().toString(36)}`;
      const base = `/api/agencies/${agencyId}/cat-banks`;
      const { bank } = await callApi<{ bank: { id: string } }>(admin, 'POST', base, { name: bankName });
      const { question } = await callApi<{ question: { id: string } }>(admin, 'POST', `${base}/${bank.id}/questions`, {
        subtest: 'TWK',
        topic: 'Bela negara',
        stem: 'Wujud bela negara dalam kehidupan sehari-hari adalah …',
        options: [{ text: 'Belajar sungguh-sungguh' }, { text: 'Membolos' }, { text: 'Menyebar hoaks' }, { text: 'Golput' }],
        keyIndex: 0,
      });
      const superAdmin = await ctx.newPage();
      await callApi(superAdmin, 'POST', '/api/auth/login', { email: SUPER_ADMIN_EMAIL, password: DEMO_PASSWORD });
      const reviewer = await ctx.newPage();
      await panelMember(admin, superAdmin, reviewer, agencyId);
      await callApi(reviewer, 'POST', `${base}/${bank.id}/questions/${question.id}/status`, { status: 'reviewed' });
      await callApi(admin, 'POST', `${base}/${bank.id}/questions/${question.id}/status`, { status: 'active' });

      const selectionName = `Seleksi CPNS Uji CAT ${Date.now().toString(36)}`;
      const created = await admin.request.post(`/api/agencies/${agencyId}/selections`, { data: { type: 'cpns', year: 2026, name: selectionName } });
      assert.equal(created.status(), 201, await created.text());
      await ctx.visit(admin, `/admin/instansi/${agencyId}/cat-perencanaan`, /Cetak biru dan laporan CAT/);
      await admin.getByRole('link', { name: `Cetak biru ${selectionName}` }).click();
      await ctx.settle(admin, /Cetak biru ujian CAT/);
      await admin.getByRole('button', { name: /^Buat cetak biru Seleksi Kompetensi Dasar/ }).click();
      await admin.getByRole('combobox', { name: 'Preset' }).selectOption('custom');
      await admin.getByRole('button', { name: 'Tambah bagian' }).click();
      await admin.getByLabel('Jumlah soal').fill('2');
      await admin.getByRole('checkbox', { name: new RegExp(`^${bankName} — 1 soal aktif`) }).check();
      await admin.getByRole('button', { name: 'Periksa ketersediaan soal' }).click();
      await admin.getByText('Bagian 1 — TWK: dibutuhkan 2 soal aktif, hanya 1 yang dapat dipakai (kurang 1).').waitFor();
      await ctx.checkA11y(admin, 'cetak biru (editor, kekurangan soal)');
      await admin.getByRole('button', { name: 'Simpan cetak biru' }).click();
      await admin.getByRole('alert').filter({ hasText: 'Soal aktif belum cukup' }).waitFor();
      await admin.getByLabel('Jumlah soal').fill('1');
      await admin.getByRole('button', { name: 'Simpan cetak biru' }).click();
      await admin.getByText('Cetak biru telah dibuat.').waitFor();
      await admin.getByRole('cell', { name: bankName }).waitFor();
      await ctx.checkA11y(admin, 'cetak biru (tersimpan)');
      await admin.getByRole('link', { name: 'Laporan tahap ini' }).click();
      await ctx.settle(admin, 'Laporan ujian CAT');
      await admin.getByRole('figure').first().waitFor();
      await admin.getByText('Belum ada butir yang dapat dianalisis').waitFor();

    },
  },
];
