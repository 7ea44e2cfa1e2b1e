// The Kota Manna admin creates and announces a seminar; a visitor without an account registers on a
// phone and gets a ticket with a QR code; the admin checks the visitor in with the URL the QR holds,
// sees the attendance figure rise, and a second check-in of the same ticket is refused.
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, KOTA_MANNA_ADMIN_EMAIL, eventually, logIn, uniqueEmail, type Journey } from './harness.js';

/** 'YYYY-MM-DDTHH:mm' in WIB (Kota Manna's zone), for a datetime-local input. */
function wib(date: Date): string {
  return new Date(date.getTime() + 7 * 3600_000).toISOString().slice(0, 16);
}

export const journeys: Journey[] = [
  {
    name: 'admin Kota Manna membuat sosialisasi, pengunjung mendaftar dan menerima QR, admin mencatat kehadiran dengan QR',
    async run(ctx) {
      const admin = await ctx.newPage();
      const title = `Sosialisasi CPNS untuk Mahasiswa ${Date.now().toString(36)}`;
      await logIn(ctx, admin, KOTA_MANNA_ADMIN_EMAIL, DEMO_PASSWORD);
      await admin.getByRole('link', { name: 'Kelola sosialisasi' }).first().click();
      await ctx.settle(admin, /Sosialisasi/);

      await admin.getByRole('button', { name: 'Buat acara' }).click();
      await admin.getByRole('heading', { level: 2, name: 'Buat acara' }).waitFor();
      await ctx.checkA11y(admin, 'sosialisasi (formulir acara)');
      const start = new Date(Date.now() + 2 * 3600_000);
      await admin.getByLabel('Judul acara').fill(title);
      await admin.getByLabel('Jenis acara').selectOption('sosialisasi');
      await admin.getByLabel('Tempat', { exact: false }).first().fill('Aula BKPSDM Kota Manna');
      await admin.getByLabel(/^Mulai/).fill(wib(start));
      await admin.getByLabel(/^Selesai/).fill(wib(new Date(start.getTime() + 2 * 3600_000)));
      await admin.getByLabel('Kapasitas').fill('40');
      await admin.getByRole('button', { name: 'Simpan draf acara' }).click();
      await ctx.settle(admin, title);
      await admin.getByText('Draf acara disimpan').waitFor();

      await admin.getByRole('button', { name: 'Umumkan acara' }).click();
      await admin.getByText('Acara diumumkan. Pendaftaran publik dibuka.').waitFor();
      const attended = admin.getByTestId('jumlah-hadir');
      await eventually(async () => (await attended.textContent()) === '0', 'angka hadir awal bukan 0');
      await ctx.checkA11y(admin, 'sosialisasi (acara diumumkan)');

      // A visitor, without an account, on a phone.
      const visitor = await ctx.newPage({ phone: true });
      await ctx.visit(visitor, '/sosialisasi', 'Sosialisasi karier ASN');
      await visitor.getByRole('link', { name: title }).click();
      await ctx.settle(visitor, title);
      const email = uniqueEmail('mahasiswa');
      await visitor.getByLabel('Nama lengkap').fill('Rina Mahasiswi');
      await visitor.getByLabel('Alamat email').fill(email);
      await visitor.getByLabel('Nomor ponsel (opsional)').fill('0812 3456 7890');
      await visitor.getByLabel('Kelompok peserta').selectOption('mahasiswa');
      await visitor.getByLabel('Sekolah, kampus, atau instansi').fill('Universitas Bengkulu');
      await visitor.getByRole('button', { name: 'Daftar sekarang' }).click();
      await ctx.settle(visitor, /Tiket sosialisasi/);
      await visitor.getByText('Pendaftaran berhasil. Anda terdaftar sebagai peserta.').waitFor();

      const qr = visitor.getByRole('img', { name: /Kode QR presensi untuk Rina Mahasiswi/ });
      await qr.waitFor();
      const qrSrc = await qr.getAttribute('src');
      assert.ok(qrSrc, 'gambar QR tanpa alamat');
      const png = await visitor.request.get(qrSrc);
      assert.equal(png.headers()['content-type'], 'image/png');
      assert.ok((await png.body()).length > 200, 'gambar QR kosong');
      const checkinUrl = (await visitor.getByTestId('alamat-qr').textContent())?.trim() ?? '';
      assert.match(checkinUrl, /\/sosialisasi\/presensi\?kode=[0-9A-Z]{16}$/);

      // The admin checks the visitor in with the URL the QR holds.
      await admin.getByRole('link', { name: 'Buka presensi' }).click();
      await ctx.settle(admin, /Presensi/);
      await admin.getByLabel('Kode presensi atau alamat dari QR').fill(checkinUrl);
      await admin.getByRole('button', { name: 'Catat kehadiran' }).click();
      await admin.getByText(/Rina Mahasiswi\s*tercatat hadir/).waitFor();
      const figure = admin.getByTestId('jumlah-hadir');
      await eventually(async () => (await figure.textContent()) === '1', 'angka hadir tidak berubah menjadi 1');
      const studentRow = admin.getByRole('row').filter({ has: admin.getByRole('rowheader', { name: 'Mahasiswa' }) });
      assert.equal(await studentRow.getByRole('cell').nth(2).textContent(), '1');
      await ctx.checkA11y(admin, 'presensi (setelah mencatat)');

      // The same ticket again is refused, saying when.
      await admin.getByLabel('Kode presensi atau alamat dari QR').fill(checkinUrl);
      await admin.getByRole('button', { name: 'Catat kehadiran' }).click();
      await admin.getByText(/sudah tercatat hadir pada/).waitFor();
      assert.equal(await figure.textContent(), '1');

      // The visitor's ticket now says they attended.
      await visitor.reload();
      await ctx.settle(visitor, /Tiket sosialisasi/);
      await visitor.getByRole('term').filter({ hasText: 'Hadir' }).waitFor();
    },
  },
];
