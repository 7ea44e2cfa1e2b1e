// After recruitment in Kota Manna: the supervisor approves a new CPNS's training request into a
// class; the new CPNS (on a phone) sees it and answers the new-ASN survey on the recruitment; the
// administrator reads the public service programme's figures and a participant's certificate,
// whose QR link verifies on the public page while an altered one is refused.
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, KOTA_MANNA_ADMIN_EMAIL, logIn, type Journey } from './harness.js';

export const journeys: Journey[] = [
  {
    name: 'atasan menyetujui permintaan pelatihan CPNS baru; CPNS melihatnya dan mengisi survei ASN baru di ponsel',
    async run(ctx) {
      const boss = await ctx.newPage();
      await logIn(ctx, boss, 'atasan@kota-manna.rekrutmen.local', DEMO_PASSWORD);
      await boss.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Bawahan Saya' }).click();
      await ctx.settle(boss, 'Bawahan saya');
      const requests = boss.getByRole('table', { name: 'Permintaan pelatihan bawahan' });
      const row = requests.getByRole('row').filter({ hasText: 'Teknologi Informasi untuk ASN' });
      await row.getByRole('combobox').selectOption({ label: 'Angkatan I (1/20)' });
      await row.getByRole('button', { name: /^Setujui/ }).click();
      await boss.getByText('Tidak ada permintaan yang menunggu.').waitFor();
      await ctx.checkA11y(boss, 'bawahan saya (setelah menyetujui)');

      const newcomer = await ctx.newPage({ phone: true });
      await logIn(ctx, newcomer, 'pegawai@kota-manna.rekrutmen.local', DEMO_PASSWORD);
      await ctx.visit(newcomer, '/pelatihan-saya', 'Pelatihan saya');
      const ti = newcomer.getByRole('article').filter({ hasText: 'Teknologi Informasi untuk ASN' });
      await ti.getByText('Terdaftar di kelas').waitFor();
      await newcomer.getByRole('article').filter({ hasText: 'Pelatihan Dasar CPNS (Latsar)' }).waitFor();

      await ctx.visit(newcomer, '/pegawai', 'Data kepegawaian saya');
      const survey = newcomer.getByRole('region', { name: /Survei ASN baru/ });
      await survey.getByRole('button', { name: 'Kirim survei' }).click();
      await survey.getByText('Jawab semua pertanyaan terlebih dahulu.').waitFor();
      const questions = survey.getByRole('group');
      const count = await questions.count();
      assert.equal(count, 6, 'enam pertanyaan tentang proses rekrutmen');
      for (let i = 0; i < count; i++) await questions.nth(i).getByRole('radio', { name: /^4 — Setuju/ }).check();
      await survey.getByLabel('Saran untuk proses seleksi berikutnya').fill('Jadwal SKB diumumkan lebih awal agar peserta dari luar kota bisa bersiap.');
      await survey.getByRole('button', { name: 'Kirim survei' }).click();
      await newcomer.getByText('Terima kasih, masukan Anda tersimpan.').waitFor();
      await ctx.checkA11y(newcomer, 'survei ASN baru terkirim');
    },
  },
  {
    name: 'admin membaca capaian program pelayanan publik; sertifikat peserta terverifikasi di halaman publik, kode yang diubah ditolak',
    async run(ctx) {
      const page = await ctx.newPage();
      await logIn(ctx, page, KOTA_MANNA_ADMIN_EMAIL, DEMO_PASSWORD);
      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pelatihan', exact: true }).click();
      await ctx.settle(page, 'Pelatihan');
      await page.getByRole('link', { name: 'Pelayanan Publik Prima' }).click();
      await ctx.settle(page, 'Pelayanan Publik Prima');
      // The completion rate agrees with its own counts (other journeys may have closed classes of this programme too).
      const counts = page.getByText(/^\d+ lulus dari \d+ peserta kelas yang sudah ditutup$/);
      const [, passed, total] = /^(\d+) lulus dari (\d+)/.exec(await counts.innerText()) ?? [];
      assert.ok(Number(total) >= 6, 'peserta kelas demo yang sudah ditutup');
      const rate = (Math.round((Number(passed) / Number(total)) * 10_000) / 100).toLocaleString('id-ID');
      await page.getByText(`${rate}%`, { exact: true }).waitFor();
      await page.getByRole('table', { name: /reaksi peserta per pertanyaan/i }).waitFor();

      await page.getByRole('link', { name: 'Angkatan I' }).first().click();
      await ctx.settle(page, 'Angkatan I');
      const roster = page.getByRole('table', { name: /^Peserta/ });
      const siti = roster.getByRole('row').filter({ hasText: 'Siti Rahmawati' });
      await siti.getByText('Lulus').waitFor();
      await siti.getByRole('link', { name: 'Siti Rahmawati, S.Sos.' }).click();
      await ctx.settle(page, 'Siti Rahmawati, S.Sos.');
      const certificate = page.getByRole('link', { name: /^Unduh .*-PP-\d{4}-\d{5}$/ });
      const href = await certificate.getAttribute('href');
      assert.ok(href, 'tautan sertifikat');
      const pdf = await page.request.get(href);
      assert.equal(pdf.status(), 200);
      assert.equal(pdf.headers()['content-type'], 'application/pdf');
      // The QR's address is also the PDF's link annotation (an uncompressed dictionary).
      const check = /\/URI \((http[^)]+cek-sertifikat[^)]+)\)/.exec((await pdf.body()).toString('latin1'))?.[1];
      assert.ok(check, 'alamat pemeriksaan di sertifikat');
      const path = new URL(check).pathname + new URL(check).search;

      const visitor = await ctx.newPage({ phone: true });
      await ctx.visit(visitor, path, 'Pemeriksaan sertifikat pelatihan');
      await visitor.getByText('Sertifikat asli dan berlaku.').waitFor();
      await visitor.getByText('Siti Rahmawati, S.Sos.').waitFor();
      const forged = path.replace(/t=(.)/, (_, c: string) => `t=${c === 'A' ? 'B' : 'A'}`);
      await ctx.visit(visitor, forged, 'Pemeriksaan sertifikat pelatihan');
      await visitor.getByText('Sertifikat tidak dikenal.').waitFor();
    },
  },
];
