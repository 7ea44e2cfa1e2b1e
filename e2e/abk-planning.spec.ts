// The Kota Manna administrator plans staffing from the workload (ABK): adds a unit and a position
// with its tasks, reads the arithmetic and the proposed formation count, and sees an import with a
// bad row refused with the row and column named.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { DEMO_PASSWORD, KOTA_MANNA_ADMIN_EMAIL, logIn, wibDate, type Journey } from './harness.js';

async function badWorkbook(unitCode: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Unit Kerja').addRows([
    ['No', 'Kode Unit', 'Nama Unit Kerja'],
    [1, `${unitCode}-IMP`, 'Unit Impor'],
  ]);
  workbook.addWorksheet('Jabatan').addRows([
    ['No', 'Kode Unit', 'Kode Jabatan', 'Nama Jabatan', 'Jenis Jabatan', 'Bezetting', 'Pensiun'],
    [1, `${unitCode}-IMP`, 'J1', 'Jabatan Impor', 'Pelaksana', 'dua', 0],
  ]);
  workbook.addWorksheet('Uraian Tugas').addRow(['No', 'Kode Unit', 'Kode Jabatan', 'Uraian Tugas', 'Satuan Hasil', 'Volume per Tahun', 'Norma Waktu (menit)']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const journeys: Journey[] = [
  {
    name: 'admin instansi Kota Manna menyusun ABK: unit kerja, jabatan dengan uraian tugas, perhitungan dan usulan formasi',
    async run(ctx) {
      const page = await ctx.newPage();
      const stamp = Date.now().toString(36).toUpperCase();
      const unitCode = `E2E${stamp}`;
      const unitName = `Bagian Umum ${stamp}`;
      const positionName = `Pengadministrasi Perkantoran ${stamp}`;

      await logIn(ctx, page, KOTA_MANNA_ADMIN_EMAIL, DEMO_PASSWORD);
      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'ABK', exact: true }).click();
      await ctx.settle(page, 'Analisis beban kerja (ABK)');
      const abkPath = new URL(page.url()).pathname;
      assert.match(abkPath, /^\/admin\/instansi\/[^/]+\/abk$/);

      // A unit first.
      await page.getByRole('link', { name: 'unit kerja', exact: true }).click();
      await ctx.settle(page, 'Unit kerja');
      await page.getByRole('button', { name: 'Tambah unit kerja' }).click();
      await page.getByRole('heading', { level: 2, name: 'Tambah unit kerja' }).waitFor();
      await page.getByLabel('Kode unit').fill(unitCode);
      await page.getByLabel('Nama unit kerja').fill(unitName);
      await page.getByRole('button', { name: 'Tambah unit kerja' }).click();
      await page.getByText(`Unit kerja ${unitName} telah ditambahkan.`).waitFor();
      await page.getByRole('row').filter({ hasText: unitCode }).waitFor();
      await ctx.checkA11y(page, 'unit kerja (setelah menambah)');

      // A position in that unit.
      await page.getByRole('link', { name: '‹ Analisis beban kerja (ABK)' }).click();
      await ctx.settle(page, 'Analisis beban kerja (ABK)');
      await page.getByRole('button', { name: 'Tambah jabatan' }).click();
      await page.getByRole('heading', { level: 2, name: 'Tambah jabatan' }).waitFor();
      const panel = page.locator('section.panel');
      await panel.getByLabel('Cari unit kerja', { exact: true }).fill(unitCode);
      const unitSelect = panel.getByRole('combobox', { name: /^Unit kerja/ });
      await unitSelect.locator('option', { hasText: unitCode }).waitFor({ state: 'attached' });
      await unitSelect.selectOption({ label: `${unitCode} — ${unitName}` });
      await panel.getByLabel('Kode jabatan').fill('PP-01');
      await panel.getByLabel('Nama jabatan').fill(positionName);
      await panel.getByLabel(/^Bezetting/).fill('2');
      await panel.getByLabel(/^Pensiun dalam periode perencanaan/).fill('1');
      await ctx.checkA11y(page, `${abkPath} (formulir jabatan)`);
      await panel.getByRole('button', { name: 'Tambah jabatan' }).click();
      await ctx.settle(page, positionName);
      await page.getByText('Jabatan telah ditambahkan. Tambahkan uraian tugasnya.').waitFor();

      // Its tasks: 2.400 × 45 + 600 × 90 + 1.000 × 37,5 = 199.500 menit.
      const tasks: Array<[string, string, string, string]> = [
        ['Mengagendakan surat masuk dan keluar', 'surat', '2400', '45'],
        ['Menata arsip dinamis', 'berkas', '600', '90'],
        ['Melayani tamu dan informasi', 'layanan', '1000', '37,5'],
      ];
      for (const [name, outputUnit, volume, norm] of tasks) {
        await page.getByRole('button', { name: 'Tambah uraian tugas' }).click();
        await page.getByRole('heading', { level: 2, name: 'Tambah uraian tugas' }).waitFor();
        await page.getByRole('textbox', { name: /^Uraian tugas/ }).fill(name);
        await page.getByRole('textbox', { name: /^Satuan hasil/ }).fill(outputUnit);
        await page.getByRole('textbox', { name: /^Volume per tahun/ }).fill(volume);
        await page.getByRole('textbox', { name: /^Norma waktu \(menit\)/ }).fill(norm);
        await page.getByRole('button', { name: 'Tambah uraian tugas' }).click();
        await page.getByText(`Uraian tugas “${name}” telah disimpan; perhitungan diperbarui.`).waitFor();
      }

      // The arithmetic, step by step, and the proposal.
      const steps = page.getByRole('list', { name: 'Langkah perhitungan' });
      await steps.getByText('Total beban kerja = 108.000 + 54.000 + 37.500 = 199.500 menit').waitFor();
      await steps.getByText('Kebutuhan pegawai = 199.500 menit ÷ 75.000 menit = 2,66').waitFor();
      await steps.getByText('Dibulatkan (setengah ke atas): 2,66 → 3 orang').waitFor();
      await steps.getByText('Pegawai yang tersisa = 2 (bezetting) − 1 (pensiun) = 1 orang').waitFor();
      await steps.getByText('Kekurangan pegawai = 3 − 1 = 2 orang').waitFor();
      await page.getByText('Usulan formasi: 2 orang', { exact: true }).waitFor();
      await ctx.checkA11y(page, 'jabatan (perhitungan ABK)');

      // The agency's analysis lists the proposal, found by search (the search is in the URL).
      await page.getByRole('link', { name: '‹ Analisis beban kerja (ABK)' }).click();
      await ctx.settle(page, 'Analisis beban kerja (ABK)');
      await page.getByRole('search').getByLabel('Cari jabatan (kode, nama, atau unit)').fill(positionName);
      await page.getByRole('search').getByRole('button', { name: 'Cari', exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('q') === positionName);
      await ctx.settle(page, 'Analisis beban kerja (ABK)');
      const row = page.getByRole('row').filter({ hasText: positionName });
      await row.getByRole('cell', { name: '2,66 → 3' }).waitFor();
      await row.getByRole('cell', { name: '2', exact: true }).last().waitFor();

      // An import with a bad row: nothing saved, the row and column named.
      await page.getByRole('button', { name: 'Impor dari XLSX' }).click();
      await page.getByRole('heading', { level: 2, name: 'Impor unit kerja, jabatan dan uraian tugas' }).waitFor();
      await page.getByLabel('Berkas XLSX ABK').setInputFiles({
        name: 'abk-salah.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await badWorkbook(unitCode),
      });
      await page.getByRole('button', { name: 'Impor berkas' }).click();
      const problems = page.getByRole('region', { name: 'Daftar masalah pada berkas' });
      await problems.waitFor();
      const problem = problems.getByRole('row').filter({ hasText: 'Bezetting' });
      await problem.getByRole('cell', { name: 'Jabatan', exact: true }).waitFor();
      await problem.getByRole('cell', { name: '2', exact: true }).waitFor();
      await page.getByText('Tidak ada data yang disimpan', { exact: false }).first().waitFor();
      await ctx.checkA11y(page, `${abkPath} (impor ditolak)`);

      // The proposal becomes a formasi of a selection round in one step, and the round is announced.
      // The round and its schedule are created through the API here (the selections journey covers
      // the editor's fields).
      const agencyId = abkPath.split('/')[3]!;
      const selectionName = `Seleksi CPNS E2E ${stamp}`;
      const schedule = { registrationOpens: wibDate(0), registrationCloses: wibDate(20), adminAnnouncement: wibDate(24), objectionStart: wibDate(24), objectionEnd: wibDate(27), testStart: wibDate(35), testEnd: wibDate(37), finalAnnouncement: wibDate(50) };
      const created = await page.request.post(`/api/agencies/${agencyId}/selections`, { data: { type: 'cpns', year: Number(wibDate(0).slice(0, 4)), name: selectionName, schedule } });
      assert.equal(created.status(), 201, await created.text());
      const selectionId = ((await created.json()) as { selection: { id: string } }).selection.id;
      const formasiPath = `/admin/instansi/${agencyId}/seleksi/${selectionId}/formasi`;
      await ctx.visit(page, formasiPath, 'Formasi seleksi');
      await page.getByText('Belum ada formasi di seleksi ini.', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Buat dari usulan ABK' }).click();
      await page.getByRole('heading', { level: 2, name: 'Buat formasi dari usulan ABK' }).waitFor();
      const form = page.locator('section.panel');
      await form.getByLabel('Cari jabatan', { exact: true }).fill(positionName);
      const positionSelect = form.getByRole('combobox', { name: /^Jabatan/ });
      const option = positionSelect.locator('option', { hasText: positionName });
      await option.waitFor({ state: 'attached' });
      await positionSelect.selectOption({ label: (await option.textContent())!.trim() });
      await form.getByText('Usulan formasi 2 orang.', { exact: false }).waitFor();
      await form.getByRole('textbox', { name: /^Program studi/ }).fill('Administrasi Perkantoran\nManajemen Perkantoran');
      await ctx.checkA11y(page, `${formasiPath} (buat dari usulan ABK)`);
      await form.getByRole('button', { name: 'Buat formasi dari usulan ABK' }).click();
      await page.getByText(`Formasi ${positionName} di ${unitName} (2 orang) telah disimpan.`).waitFor();
      const formasiRow = page.getByRole('row').filter({ hasText: positionName });
      await formasiRow.getByText('Dari ABK: kebutuhan 3, usulan 2').waitFor();
      await formasiRow.getByRole('cell', { name: 'S1: Administrasi Perkantoran, Manajemen Perkantoran' }).waitFor();
      await formasiRow.getByText('Draf', { exact: true }).waitFor();
      await ctx.checkA11y(page, `${formasiPath} (setelah membuat formasi)`);

      // Announced from the round's page: the formasi from the ABK proposal is published with it.
      await ctx.visit(page, `/admin/instansi/${agencyId}/seleksi/${selectionId}`, new RegExp(`^${selectionName}`));
      const publish = page.getByRole('region', { name: 'Umumkan seleksi' });
      await publish.getByText('Minimal satu formasi (saat ini 1 formasi, 2 kebutuhan)', { exact: false }).waitFor();
      await publish.getByRole('button', { name: 'Umumkan seleksi…' }).click();
      await publish.getByRole('button', { name: 'Ya, umumkan sekarang' }).click();
      await page.getByText('Seleksi diumumkan', { exact: false }).first().waitFor();
      await ctx.visit(page, formasiPath, 'Formasi seleksi');
      await page.getByRole('row').filter({ hasText: positionName }).getByText('Diumumkan', { exact: true }).waitFor();

      // On a phone-sized screen, the list and the position's arithmetic are readable too.
      await page.setViewportSize({ width: 390, height: 844 });
      await ctx.visit(page, `${abkPath}?q=${encodeURIComponent(positionName)}`, 'Analisis beban kerja (ABK)');
      await page.getByRole('link', { name: positionName }).click();
      await ctx.settle(page, positionName);
      await page.getByText('Usulan formasi: 2 orang', { exact: true }).waitFor();
    },
  },
];
