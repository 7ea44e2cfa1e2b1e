// The Kota Manna administrator creates a CPNS round from its preset, plans its schedule (a date out
// of order is refused on the spot), sees the live sum of the weights, adds a formasi on the formasi
// page and publishes the round; a visitor without an account finds the formation by search on a
// phone and reads its page: stages and weights, the timeline and a countdown on server time.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, KOTA_MANNA_ADMIN_EMAIL, logIn, wibDate, type Journey } from './harness.js';

/** The local date in WIB `days` from today (Kota Manna is in WIB). */
async function json<T>(page: Page, method: 'post', url: string, data: unknown): Promise<T> {
  const response = await page.request[method](url, { data });
  assert.ok(response.ok(), `${url}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

export const journeys: Journey[] = [
  {
    name: 'admin Kota Manna mengumumkan seleksi CPNS; pengunjung menemukan formasinya di portal dan membaca tahapan, bobot dan hitung mundur',
    async run(ctx) {
      const admin = await ctx.newPage();
      const stamp = `Zx${Date.now().toString(36)}`;
      const selectionName = `Seleksi CPNS Kota Manna ${stamp}`;
      const positionName = `Analis Kepegawaian ${stamp}`;

      await logIn(ctx, admin, KOTA_MANNA_ADMIN_EMAIL, DEMO_PASSWORD);
      await admin.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Seleksi', exact: true }).click();
      await ctx.settle(admin, /^Seleksi/);
      const listPath = new URL(admin.url()).pathname;
      assert.match(listPath, /^\/admin\/instansi\/[^/]+\/seleksi$/);
      const agencyId = listPath.split('/')[3]!;

      // A CPNS round from its preset.
      await admin.getByRole('button', { name: 'Buat seleksi' }).click();
      await admin.getByRole('heading', { level: 2, name: 'Buat seleksi' }).waitFor();
      await admin.getByLabel(/^Jenis seleksi/).selectOption('cpns');
      await admin.getByLabel(/^Tahun anggaran/).fill('2026');
      await admin.getByLabel(/^Nama seleksi/).fill(selectionName);
      await ctx.checkA11y(admin, `${listPath} (buat seleksi)`);
      await admin.getByRole('button', { name: 'Buat draf seleksi' }).click();
      await ctx.settle(admin, new RegExp(`^${selectionName}`));
      const editorPath = new URL(admin.url()).pathname;
      await admin.getByText('Draf seleksi dibuat dari preset jenisnya.', { exact: false }).waitFor();
      const stages = admin.getByRole('list').filter({ has: admin.getByRole('group', { name: /^Tahap 1: Seleksi Administrasi/ }) });
      await stages.getByRole('group', { name: /^Tahap 2: Seleksi Kompetensi Dasar \(SKD\) — bobot 40%/ }).waitFor();
      await stages.getByRole('group', { name: /^Tahap 3: Seleksi Kompetensi Bidang \(SKB\) — bobot 60%/ }).waitFor();

      // The schedule: a closing date before the opening is refused as it is typed.
      await admin.getByLabel('Pembukaan pendaftaran').fill(wibDate(0));
      await admin.getByLabel('Penutupan pendaftaran').fill(wibDate(-1));
      await admin.getByText('Penutupan pendaftaran harus sesudah pembukaan pendaftaran.').waitFor();
      await ctx.checkA11y(admin, `${editorPath} (jadwal tidak berurutan)`);
      const dates: Array<[string, number]> = [
        ['Penutupan pendaftaran', 14],
        ['Pengumuman hasil seleksi administrasi', 18],
        ['Awal masa sanggah', 18],
        ['Akhir masa sanggah', 21],
        ['Awal pelaksanaan ujian', 30],
        ['Akhir pelaksanaan ujian', 32],
        ['Pengumuman hasil akhir', 40],
      ];
      for (const [label, days] of dates) await admin.getByLabel(label, { exact: true }).fill(wibDate(days));
      assert.equal(await admin.getByText('Penutupan pendaftaran harus sesudah pembukaan pendaftaran.').count(), 0);

      // Weights: the live sum says when they do not add up to 100, and a save is refused.
      const skd = stages.getByRole('group', { name: /^Tahap 2: Seleksi Kompetensi Dasar/ });
      await skd.getByLabel('Bobot nilai akhir (%)').fill('50');
      await admin.getByRole('status').filter({ hasText: 'Jumlah bobot tahap CAT dan panel: 110%' }).getByText('harus 100% (lebih 10%)', { exact: false }).waitFor();
      await admin.getByRole('button', { name: 'Simpan perubahan' }).click();
      await admin.getByRole('alert').filter({ hasText: 'Periksa kembali isian berikut' }).getByText('Jumlah bobot tahap yang dinilai (CAT dan panel) harus 100; saat ini 110.', { exact: false }).waitFor();
      await ctx.checkA11y(admin, `${editorPath} (bobot tidak 100)`);
      await skd.getByLabel('Bobot nilai akhir (%)').fill('40');
      await admin.getByText('✓ sudah 100%', { exact: false }).waitFor();
      await admin.getByRole('button', { name: 'Simpan perubahan' }).click();
      await admin.getByText('Perubahan tersimpan (versi 2).').waitFor();

      // Not publishable yet: no formasi.
      const publish = admin.getByRole('region', { name: 'Umumkan seleksi' });
      await publish.getByText('Minimal satu formasi (saat ini 0 formasi, 0 kebutuhan)', { exact: false }).waitFor();
      assert.equal(await publish.getByRole('button', { name: 'Umumkan seleksi…' }).isDisabled(), true);

      // A formasi on the formasi page, for a position set up through the API (the ABK journey covers its pages).
      const { unit } = await json<{ unit: { id: string } }>(admin, 'post', `/api/agencies/${agencyId}/units`, { code: `U${stamp}`.slice(0, 20), name: `Badan Kepegawaian ${stamp}` });
      await json(admin, 'post', `/api/agencies/${agencyId}/positions`, { unitId: unit.id, code: `J${stamp}`.slice(0, 20), name: positionName, jenis: 'fungsional', bezetting: 0, retiring: 0 });
      await publish.getByRole('link', { name: 'Tambah formasi untuk seleksi ini' }).click();
      await ctx.settle(admin, /^Formasi seleksi/);
      await admin.getByRole('button', { name: 'Tambah formasi' }).click();
      const form = admin.locator('section.panel');
      await form.getByLabel('Cari jabatan', { exact: true }).fill(stamp);
      const positionSelect = form.getByRole('combobox', { name: /^Jabatan/ });
      const option = positionSelect.locator('option', { hasText: positionName });
      await option.waitFor({ state: 'attached' });
      await positionSelect.selectOption({ label: (await option.textContent())!.trim() });
      await form.getByRole('textbox', { name: /^Jumlah formasi/ }).fill('3');
      await form.getByRole('textbox', { name: /^Program studi/ }).fill('Psikologi\nIlmu Administrasi Negara');
      await form.getByRole('button', { name: 'Tambah formasi' }).click();
      await admin.getByText(`Formasi ${positionName}`, { exact: false }).first().waitFor();
      await admin.getByText('telah disimpan.', { exact: false }).waitFor();

      // Publication, confirmed; afterwards only a correction with a reason changes the round.
      await ctx.visit(admin, editorPath, new RegExp(`^${selectionName}`));
      await publish.getByText('Minimal satu formasi (saat ini 1 formasi, 3 kebutuhan)', { exact: false }).waitFor();
      await publish.getByRole('button', { name: 'Umumkan seleksi…' }).click();
      await publish.getByText(`Umumkan “${selectionName}” sekarang?`).waitFor();
      await ctx.checkA11y(admin, `${editorPath} (konfirmasi pengumuman)`);
      await publish.getByRole('button', { name: 'Ya, umumkan sekarang' }).click();
      await admin.getByText('Seleksi diumumkan (versi 3).', { exact: false }).waitFor();
      await admin.getByRole('button', { name: 'Ajukan koreksi…' }).click();
      await admin.getByRole('form', { name: 'Formulir koreksi seleksi' }).waitFor();
      await admin.getByRole('button', { name: 'Simpan koreksi' }).click();
      await admin.getByRole('alert').getByText('Alasan koreksi minimal 10 karakter.').waitFor();
      await ctx.checkA11y(admin, `${editorPath} (koreksi tanpa alasan)`);
      await admin.getByRole('button', { name: 'Batal' }).click();
      await admin.getByRole('region', { name: 'Riwayat perubahan' }).getByText('Diumumkan', { exact: true }).waitFor();

      // A visitor without an account, on a phone.
      const visitor = await ctx.newPage({ phone: true });
      await ctx.visit(visitor, '/', 'Rekrutmen ASN yang transparan');
      await visitor.getByRole('link', { name: selectionName, exact: true }).waitFor();
      await visitor.getByRole('link', { name: 'Cari formasi', exact: true }).first().click();
      await ctx.settle(visitor, 'Cari formasi');
      const search = visitor.getByRole('search');
      await search.getByLabel('Jabatan atau kata kunci').fill(`analis ${stamp.slice(0, -2)}`);
      await search.getByLabel('Jenjang pendidikan').selectOption('S1');
      await search.getByRole('button', { name: 'Cari formasi' }).click();
      await visitor.waitForURL((url) => url.searchParams.get('jenjang') === 'S1' && (url.searchParams.get('q') ?? '').startsWith('analis'));
      await ctx.settle(visitor, 'Cari formasi');
      await visitor.getByRole('status').filter({ hasText: '1 formasi ditemukan' }).waitFor();
      await visitor.getByRole('link', { name: positionName }).click();
      await ctx.settle(visitor, positionName);

      // The formation page: stages and weights, requirements, timeline, a countdown on server time.
      const stageList = visitor.getByRole('list', { name: 'Tahapan seleksi dan bobot nilai akhir' });
      await stageList.getByRole('listitem').filter({ hasText: 'Seleksi Kompetensi Dasar (SKD)' }).getByText('40%', { exact: true }).waitFor();
      await stageList.getByRole('listitem').filter({ hasText: 'Seleksi Kompetensi Bidang (SKB)' }).getByText('60%', { exact: true }).waitFor();
      await visitor.getByText('Nilai akhir = 40% Seleksi Kompetensi Dasar (SKD) + 60% Seleksi Kompetensi Bidang (SKB) (jumlah 100%).').waitFor();
      await visitor.getByText('Sarjana (S-1): Psikologi, Ilmu Administrasi Negara', { exact: false }).waitFor();
      await visitor.getByRole('listitem').filter({ hasText: 'Pendaftaran' }).getByText('Sedang berlangsung').waitFor();
      const timer = visitor.getByRole('timer', { name: 'Sisa waktu pendaftaran' });
      await timer.getByText('hari', { exact: false }).waitFor();
      const before = await timer.textContent();
      await visitor.waitForTimeout(1500);
      assert.notEqual(await timer.textContent(), before, 'hitung mundur tidak berjalan');
      assert.match(before ?? '', /^1[34] hari/);
      await visitor.getByRole('link', { name: 'Daftar pada formasi ini' }).waitFor();

      // The round's page with its timeline.
      await visitor.getByRole('link', { name: selectionName, exact: true }).click();
      await ctx.settle(visitor, selectionName);
      await visitor.getByRole('heading', { level: 2, name: 'Linimasa' }).waitFor();
      await visitor.getByText('Pengumuman hasil akhir', { exact: true }).waitFor();
    },
  },
];
