// A citizen files a complaint about Kota Manna on a phone, with a photo, and keeps the tracking
// code; the admin routes it to a unit, answers and closes it; the citizen follows each step with
// the code, typed loosely; a guessed code finds nothing.
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { DEMO_PASSWORD, KOTA_MANNA_ADMIN_EMAIL, eventually, logIn, type Journey } from './harness.js';

export const journeys: Journey[] = [
  {
    name: 'warga mengirim pengaduan dengan lampiran, admin meneruskan, menjawab dan menyelesaikan, warga melacak dengan kodenya',
    async run(ctx) {
      const subject = `Lampu jalan depan kantor mati ${Date.now().toString(36)}`;
      const citizen = await ctx.newPage({ phone: true });
      await ctx.visit(citizen, '/pengaduan', 'Aspirasi dan pengaduan');
      await citizen.getByLabel('Instansi').selectOption({ label: 'BKPSDM Kota Manna' });
      await citizen.getByLabel('Kategori').selectOption('sarana');
      await citizen.getByLabel('Judul').fill(subject);
      await citizen.getByLabel('Uraian').fill('Sudah dua minggu lampu jalan di depan kantor pelayanan mati sehingga warga yang mengantre subuh kegelapan.');
      await citizen.getByLabel(/^Nama \(wajib\)/).fill('Rahmat Hidayat');
      const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 30, g: 30, b: 30 } } }).jpeg().toBuffer();
      await citizen.getByLabel('Lampiran 1').setInputFiles({ name: 'lampu-mati.jpg', mimeType: 'image/jpeg', buffer: photo });
      await citizen.getByRole('button', { name: 'Kirim pengaduan' }).click();
      await citizen.getByRole('heading', { name: 'Pengaduan terkirim' }).waitFor();
      await ctx.checkA11y(citizen, 'pengaduan (tanda terima)');
      const code = (await citizen.getByTestId('kode-pelacakan').textContent())?.trim() ?? '';
      assert.match(code, /^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);

      // Tracked right away: received.
      await ctx.visit(citizen, '/pengaduan/lacak', 'Lacak pengaduan');
      await citizen.getByLabel('Kode pelacakan').fill(code.toLowerCase().replaceAll('-', ' '));
      await citizen.getByRole('button', { name: 'Lacak' }).click();
      await citizen.getByTestId('status-pengaduan').filter({ hasText: 'Diterima' }).waitFor();
      await ctx.checkA11y(citizen, 'lacak (diterima)');

      // The admin handles it.
      const admin = await ctx.newPage();
      await logIn(ctx, admin, KOTA_MANNA_ADMIN_EMAIL, DEMO_PASSWORD);
      await admin.getByRole('link', { name: 'Kelola aspirasi dan pengaduan' }).click();
      await ctx.settle(admin, /Aspirasi dan pengaduan/);
      await admin.getByRole('row').filter({ hasText: subject }).getByRole('link').click();
      await ctx.settle(admin, /Pengaduan ADU-/);
      await admin.getByRole('link', { name: 'lampu-mati.jpg' }).waitFor();
      await admin.getByLabel('Cari unit kerja').fill('Kependudukan');
      const unitSelect = admin.getByLabel('Unit kerja', { exact: false }).last();
      await eventually(async () => (await unitSelect.locator('option', { hasText: 'Dinas Kependudukan' }).count()) > 0, 'unit Dukcapil tidak muncul');
      await unitSelect.selectOption((await unitSelect.locator('option', { hasText: 'Dinas Kependudukan' }).getAttribute('value'))!);
      await admin.getByRole('button', { name: 'Teruskan' }).click();
      await admin.getByTestId('status-pengaduan').filter({ hasText: 'Diproses unit' }).waitFor();
      await admin.getByLabel('Jawaban untuk pelapor').fill('Lampu jalan sudah diganti oleh petugas pada hari ini. Terima kasih atas laporannya.');
      await admin.getByRole('button', { name: 'Kirim jawaban' }).click();
      await admin.getByTestId('status-pengaduan').filter({ hasText: 'Dijawab' }).waitFor();
      await ctx.checkA11y(admin, 'pengaduan (dijawab)');
      await admin.getByRole('button', { name: 'Selesaikan' }).click();
      await admin.getByTestId('status-pengaduan').filter({ hasText: 'Selesai' }).waitFor();

      // The citizen follows it to the end.
      await citizen.getByRole('button', { name: 'Lacak' }).click();
      await citizen.getByTestId('status-pengaduan').filter({ hasText: 'Selesai' }).waitFor();
      assert.match((await citizen.getByTestId('jawaban-pengaduan').textContent()) ?? '', /Lampu jalan sudah diganti/);
      await citizen.getByText(/Diteruskan kepada Dinas Kependudukan/).waitFor();
      await ctx.checkA11y(citizen, 'lacak (selesai)');

      // A guessed code finds nothing.
      await citizen.getByLabel('Kode pelacakan').fill('ABCDE-FGHJK-MNPQR-STVWX');
      await citizen.getByRole('button', { name: 'Lacak' }).click();
      await citizen.getByText('Kode pelacakan tidak ditemukan', { exact: false }).first().waitFor();
    },
  },
];
