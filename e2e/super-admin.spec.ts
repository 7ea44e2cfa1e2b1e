// The demo super admin manages agencies, verifies an audit chain, manages their own account and
// sessions; plus the not-found page and keyboard basics (skip link, focus after navigation).
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, SUPER_ADMIN_EMAIL, eventually, logIn, type Journey } from './harness.js';

export const journeys: Journey[] = [
  {
    name: 'super admin menambah dan mengubah instansi lalu memverifikasi rantai audit',
    async run(ctx) {
      const page = await ctx.newPage();
      await logIn(ctx, page, SUPER_ADMIN_EMAIL, DEMO_PASSWORD);
      await page.getByRole('heading', { level: 2, name: 'Super Admin Nasional' }).waitFor();

      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Instansi', exact: true }).click();
      await ctx.settle(page, 'Kelola instansi');
      await page.getByRole('row').nth(1).waitFor();

      const suffix = Date.now().toString(36);
      const code = `kab-uji-${suffix}`;
      await page.getByRole('button', { name: 'Tambah instansi' }).click();
      await page.getByRole('heading', { level: 2, name: 'Tambah instansi' }).waitFor();
      // An invalid code is refused by the server; its reason shows under the field.
      await page.getByLabel(/^Kode instansi/).fill('Kab Uji!');
      await page.getByLabel(/^Nama instansi/).fill('BKPSDM Kabupaten Uji');
      await page.getByLabel(/^Wilayah/).fill('Kabupaten Uji, Bengkulu');
      await page.getByLabel(/^Zona waktu/).selectOption('Asia/Makassar');
      await page.getByRole('button', { name: 'Simpan instansi' }).click();
      await page.locator('.field-error').first().waitFor();
      assert.equal(await page.getByLabel(/^Kode instansi/).getAttribute('aria-invalid'), 'true');
      await ctx.checkA11y(page, '/admin/instansi (kode salah)');

      await page.getByLabel(/^Kode instansi/).fill(code);
      await page.getByRole('button', { name: 'Simpan instansi' }).click();
      await page.getByText('Instansi BKPSDM Kabupaten Uji telah ditambahkan.').waitFor();

      await page.getByRole('search').getByLabel(/^Cari instansi/).fill(code);
      await page.getByRole('search').getByRole('button', { name: 'Cari', exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('q') === code);
      await ctx.settle(page, 'Kelola instansi');
      const row = page.getByRole('row').filter({ hasText: code });
      await row.getByText('WITA', { exact: true }).waitFor();

      await row.getByRole('button', { name: /^Ubah/ }).click();
      await page.getByRole('heading', { level: 2, name: /^Ubah instansi/ }).waitFor();
      await ctx.checkA11y(page, '/admin/instansi (formulir ubah)');
      await page.getByLabel(/^Nama instansi/).fill('BKPSDM Kabupaten Uji Coba');
      await page.getByRole('button', { name: 'Simpan perubahan' }).click();
      await page.getByText('Perubahan pada BKPSDM Kabupaten Uji Coba telah disimpan.').waitFor();
      await page.getByRole('row').filter({ hasText: 'BKPSDM Kabupaten Uji Coba' }).waitFor();

      // The new agency's audit trail verifies.
      await page.getByRole('row').filter({ hasText: code }).getByRole('link', { name: /^Audit/ }).click();
      await ctx.settle(page, /Jejak audit/);
      await page.getByRole('button', { name: 'Verifikasi rantai' }).click();
      await page.getByText(/Rantai audit (utuh|rusak)/).waitFor();
      const result = await page.getByText(/Rantai audit (utuh|rusak)/).textContent();
      assert.match(result ?? '', /Rantai audit utuh/, `hasil verifikasi: ${result}`);
      await ctx.checkA11y(page, '/admin/instansi/:id/audit (hasil verifikasi)');

      // Kota Manna has a staff history in the demo data: its chain verifies and lists entries.
      await page.getByRole('link', { name: '‹ Semua instansi' }).click();
      await ctx.settle(page, 'Kelola instansi');
      await page.getByRole('search').getByLabel(/^Cari instansi/).fill('manna');
      await page.getByRole('search').getByRole('button', { name: 'Cari', exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('q') === 'manna');
      await ctx.settle(page, 'Kelola instansi');
      await page.getByRole('row').filter({ hasText: 'Kota Manna' }).first().getByRole('link', { name: /^Audit/ }).click();
      await ctx.settle(page, /Jejak audit/);
      await page.getByRole('button', { name: 'Verifikasi rantai' }).click();
      await page.getByText('Rantai audit utuh', { exact: false }).waitFor();
      await ctx.checkA11y(page, '/admin/instansi/:id/audit (Kota Manna)');
    },
  },
  {
    name: 'super admin mengubah nama, mencabut sesi lain, membuka notifikasi dan halaman yang tidak ada',
    async run(ctx) {
      const page = await ctx.newPage();
      const other = await ctx.newPage({ phone: true });
      await logIn(ctx, other, SUPER_ADMIN_EMAIL, DEMO_PASSWORD);
      await logIn(ctx, page, SUPER_ADMIN_EMAIL, DEMO_PASSWORD);

      // Keyboard: the first Tab reaches the skip link, which moves focus to the main content.
      await ctx.visit(page, '/', 'Rekrutmen ASN yang transparan');
      await page.keyboard.press('Tab');
      assert.equal((await page.locator(':focus').textContent())?.trim(), 'Langsung ke konten utama');
      await page.keyboard.press('Enter');
      assert.equal(await page.locator(':focus').getAttribute('id'), 'konten');

      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Akun', exact: true }).click();
      await ctx.settle(page, 'Akun saya');
      // After client-side navigation focus lands on the new page's heading.
      assert.equal(await page.locator(':focus').getAttribute('id'), 'judul-halaman');

      await page.getByLabel(/^Nama lengkap/).fill('Super Admin Uji');
      await page.getByRole('button', { name: 'Simpan nama' }).click();
      await page.getByText('Nama telah disimpan.').waitFor();
      await page.getByText('Masuk sebagai').getByText('Super Admin Uji').waitFor();

      const sessions = page.locator('.session');
      await page.getByText('Sesi ini').waitFor();
      await ctx.checkA11y(page, '/akun (dengan sesi)');
      // Earlier journeys left sessions of this account too; revoke every other one, one by one.
      const revokeButtons = page.getByRole('button', { name: /^Cabut/ });
      assert.ok((await revokeButtons.count()) >= 1, 'sesi lain (ponsel) tidak terlihat');
      while ((await revokeButtons.count()) > 0) {
        const before = await sessions.count();
        await revokeButtons.first().click();
        await eventually(async () => (await sessions.count()) === before - 1, 'daftar sesi tidak berkurang');
      }
      await page.getByText('Sesi telah dicabut.').waitFor();
      assert.equal(await sessions.count(), 1);
      assert.equal((await other.request.get('/api/auth/me')).status(), 401, 'sesi yang dicabut masih berlaku');

      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: /^Notifikasi/ }).click();
      await ctx.settle(page, 'Notifikasi');

      await ctx.visit(page, '/halaman-yang-tidak-ada', 'Halaman tidak ditemukan');
      await page.getByRole('link', { name: 'Kembali ke beranda' }).click();
      await ctx.settle(page, 'Rekrutmen ASN yang transparan');

      await page.getByRole('button', { name: 'Keluar' }).click();
      await ctx.settle(page, 'Masuk');
      await page.getByText('Anda telah keluar.').waitFor();
      assert.equal((await page.request.get('/api/auth/me')).status(), 401);
    },
  },
];
