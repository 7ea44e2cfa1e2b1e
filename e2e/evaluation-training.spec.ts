// Performance evaluation closing the loop with training in Kota Manna: the supervisor rates the new
// CPNS's agreed plan (results below expectations, public service orientation below) → predikat
// Butuh Perbaikan, which proposes the public service programme; the administrator places the
// proposal in a running class; the trainer records attendance and the post-test and closes the
// class; the employee (on a phone) sees the recommendation completed, and the certificate's QR
// link verifies on the public page.
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, KOTA_MANNA_ADMIN_EMAIL, logIn, type Journey } from './harness.js';

const EMPLOYEE = 'Pegawai Baru Kota Manna';

export const journeys: Journey[] = [
  {
    name: 'atasan menilai pegawai; predikat rendah mengusulkan pelatihan; pegawai menyelesaikannya dan sertifikatnya terverifikasi',
    async run(ctx) {
      // ---- the supervisor rates ----
      const boss = await ctx.newPage();
      await logIn(ctx, boss, 'atasan@kota-manna.rekrutmen.local', DEMO_PASSWORD);
      await boss.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Penilaian Tim' }).click();
      await ctx.settle(boss, 'Penilaian kinerja tim');
      const team = boss.getByRole('table', { name: /^Bawahan langsung/ });
      await team.getByRole('row').filter({ hasText: 'Disepakati' }).getByRole('link', { name: EMPLOYEE }).click();
      await ctx.settle(boss, /^Penilaian kinerja Pegawai Baru/);
      const form = boss.getByRole('form', { name: 'Penilaian atasan' });
      await form.getByLabel('Penilaian: Pelayanan perekaman KTP elektronik di loket').selectOption({ label: 'Di Bawah Ekspektasi' });
      await form.getByLabel('Penilaian: Rekap harian antrean dan pengaduan loket').selectOption({ label: 'Di Bawah Ekspektasi' });
      await form.getByLabel('Berorientasi Pelayanan', { exact: true }).selectOption({ label: 'Di Bawah Ekspektasi' });
      await form.getByText('Butuh Perbaikan').waitFor();
      await form.getByLabel(/^Kompetensi yang dikembangkan/).waitFor();
      await ctx.checkA11y(boss, 'formulir penilaian atasan');
      await form.getByRole('button', { name: 'Simpan penilaian' }).click();
      await boss.getByText('Penilaian tersimpan: predikat Butuh Perbaikan.').waitFor();
      const proposals = boss.getByRole('table', { name: 'Rekomendasi pengembangan' });
      await proposals.getByText('Pelayanan Publik Prima').waitFor();
      await proposals.getByText('Menunggu jadwal kelas').waitFor();

      // ---- the administrator places the proposal in a running class ----
      const admin = await ctx.newPage();
      await logIn(ctx, admin, KOTA_MANNA_ADMIN_EMAIL, DEMO_PASSWORD);
      await admin.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pelatihan', exact: true }).click();
      await ctx.settle(admin, 'Pelatihan');
      await admin.getByRole('link', { name: 'Pelayanan Publik Prima' }).click();
      await ctx.settle(admin, 'Pelayanan Publik Prima');
      const waiting = admin.getByRole('table', { name: 'Peserta yang menunggu kelas' });
      const row = waiting.getByRole('row').filter({ hasText: EMPLOYEE });
      await row.getByLabel(`Kelas untuk ${EMPLOYEE}`).selectOption({ label: 'Kelas Pengembangan Pelayanan (0/25)' });
      await row.getByRole('button', { name: 'Tempatkan' }).click();
      await waiting.getByRole('row').filter({ hasText: EMPLOYEE }).waitFor({ state: 'detached' });

      // ---- the trainer records attendance and the post-test, then closes the class ----
      const trainer = await ctx.newPage();
      await logIn(ctx, trainer, 'pelatih@kota-manna.rekrutmen.local', DEMO_PASSWORD);
      await ctx.visit(trainer, '/pelatih', 'Kelas yang saya ampu');
      await trainer.getByRole('link', { name: 'Kelas Pengembangan Pelayanan' }).click();
      await ctx.settle(trainer, 'Kelas Pengembangan Pelayanan');
      await trainer.getByRole('radio', { name: `Hadir: ${EMPLOYEE}`, exact: true }).check();
      await trainer.getByRole('button', { name: 'Simpan presensi' }).click();
      await trainer.getByText('Presensi pertemuan 1 disimpan.').waitFor();
      await trainer.getByRole('button', { name: 'Nilai', exact: true }).click();
      await trainer.getByLabel(`Pre-test ${EMPLOYEE}`).fill('55');
      await trainer.getByLabel(`Post-test ${EMPLOYEE}`).fill('85');
      await trainer.getByRole('button', { name: 'Simpan nilai' }).click();
      await trainer.getByText('Nilai disimpan.').waitFor();
      await trainer.getByRole('button', { name: 'Tutup kelas dan tetapkan kelulusan' }).click();
      await trainer.getByRole('button', { name: 'Ya, tutup kelas' }).click();
      await trainer.getByText('Kelas ditutup: 1 lulus, 0 tidak lulus.').waitFor();

      // ---- the employee sees it completed; the certificate verifies publicly ----
      const employee = await ctx.newPage({ phone: true });
      await logIn(ctx, employee, 'pegawai@kota-manna.rekrutmen.local', DEMO_PASSWORD);
      await ctx.visit(employee, '/penilaian-kinerja', 'Penilaian kinerja saya');
      const mine = employee.getByRole('table', { name: 'Rekomendasi pengembangan' });
      const done = mine.getByRole('row').filter({ hasText: 'Pelayanan Publik Prima' });
      await done.getByText('Selesai').waitFor();
      const href = await done.getByRole('link', { name: 'Sertifikat (PDF)' }).getAttribute('href');
      assert.ok(href, 'tautan sertifikat');
      const pdf = await employee.request.get(href);
      assert.equal(pdf.status(), 200);
      assert.equal(pdf.headers()['content-type'], 'application/pdf');
      const check = /\/URI \((http[^)]+cek-sertifikat[^)]+)\)/.exec((await pdf.body()).toString('latin1'))?.[1];
      assert.ok(check, 'alamat pemeriksaan di sertifikat');
      const visitor = await ctx.newPage({ phone: true });
      await ctx.visit(visitor, new URL(check).pathname + new URL(check).search, 'Pemeriksaan sertifikat pelatihan');
      await visitor.getByText('Sertifikat asli dan berlaku.').waitFor();
      await visitor.getByText(EMPLOYEE).first().waitFor();
    },
  },
  {
    name: 'warga menilai loket lewat kode QR tanpa akun; penilaian kedua dari perangkat yang sama ditolak; atasan melihatnya sebagai masukan',
    async run(ctx) {
      const admin = await ctx.newPage();
      await logIn(ctx, admin, KOTA_MANNA_ADMIN_EMAIL, DEMO_PASSWORD);
      await admin.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Penilaian Kinerja' }).click();
      await ctx.settle(admin, 'Penilaian kinerja');
      await admin.getByRole('link', { name: 'Tautan dan kode QR penilaian loket' }).click();
      await ctx.settle(admin, 'Penilaian loket oleh masyarakat');
      const card = admin.getByRole('listitem').filter({ hasText: 'Loket Perekaman KTP-el' });
      await card.getByRole('img', { name: /^Kode QR penilaian Loket Perekaman KTP-el/ }).waitFor();
      const link = await card.getByRole('link', { name: /nilai-layanan/ }).getAttribute('href');
      assert.ok(link && link.startsWith('/nilai-layanan/'), 'tautan publik loket');

      const citizen = await ctx.newPage({ phone: true });
      await ctx.visit(citizen, link, 'Nilai pelayanan kami');
      await citizen.getByRole('radio', { name: 'Kurang baik' }).check();
      await citizen.getByLabel('Komentar (opsional)').fill('Antrean perekaman lama, petugas hanya satu.');
      await citizen.getByRole('button', { name: 'Kirim penilaian' }).click();
      await citizen.getByText('Terima kasih atas penilaian Anda.', { exact: false }).waitFor();
      await ctx.checkA11y(citizen, 'penilaian loket terkirim');
      await ctx.visit(citizen, link, 'Nilai pelayanan kami');
      await citizen.getByRole('radio', { name: 'Sangat baik' }).check();
      await citizen.getByRole('button', { name: 'Kirim penilaian' }).click();
      await citizen.getByText(/Penilaian dari perangkat ini untuk loket ini sudah kami terima/).waitFor();

      const boss = await ctx.newPage();
      await logIn(ctx, boss, 'atasan@kota-manna.rekrutmen.local', DEMO_PASSWORD);
      await ctx.visit(boss, '/atasan/penilaian', 'Penilaian kinerja tim');
      await boss.getByRole('table', { name: /^Bawahan langsung/ }).getByRole('link', { name: EMPLOYEE }).click();
      await ctx.settle(boss, /^Penilaian kinerja Pegawai Baru/);
      const input = boss.getByRole('complementary', { name: 'Masukan (bukan penilaian)' });
      await input.getByText('Indeks 50 dari 1 tanggapan', { exact: false }).waitFor();
      await input.getByText('Antrean perekaman lama, petugas hanya satu.', { exact: false }).waitFor();
    },
  },
];
