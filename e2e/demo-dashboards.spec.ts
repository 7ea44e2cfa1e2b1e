// The demo a newcomer sees after `npm start`: each demo role of Kota Manna finds its work on the
// dashboard and follows it to a working page (server/seed/demo-story.ts).
import { DEMO_PASSWORD, KOTA_MANNA_ADMIN_EMAIL, logIn, type Journey } from './harness.js';

export const journeys: Journey[] = [
  {
    name: 'demo: pelamar, verifikator dan pengawas Kota Manna melihat pekerjaannya di dasbor dan membukanya',
    async run(ctx) {
      const applicant = await ctx.newPage({ phone: true });
      await logIn(ctx, applicant, 'pelamar@rekrutmen.local', DEMO_PASSWORD);
      const mine = applicant.getByRole('list', { name: 'Pendaftaran saya' });
      await mine.getByText('3 dokumen belum diunggah', { exact: false }).waitFor();
      await mine.getByRole('link', { name: 'Hasil administrasi: Memenuhi Syarat (MS)' }).click();
      await ctx.settle(applicant, /^Hasil seleksi administrasi/);

      const verifier = await ctx.newPage();
      await logIn(ctx, verifier, 'verifikator@kota-manna.rekrutmen.local', DEMO_PASSWORD);
      const queue = verifier.getByRole('list', { name: 'Antrean verifikasi' });
      await queue.getByRole('link', { name: /^5 pendaftaran menunggu diverifikasi/ }).click();
      await ctx.settle(verifier, /^Antrean verifikasi/);
      await verifier.getByRole('row').filter({ hasText: 'Bayu Firmansyah' }).waitFor();

      const observer = await ctx.newPage();
      await logIn(ctx, observer, 'pengawas@kota-manna.rekrutmen.local', DEMO_PASSWORD);
      await observer.getByRole('list', { name: 'Sanggah' }).getByRole('link', { name: /^2 sanggah seluruhnya/ }).waitFor();
      await observer.getByRole('link', { name: 'Jejak audit instansi dan pemeriksaan rantai hash' }).click();
      await ctx.settle(observer, /^Jejak audit/);
      await observer.getByRole('button', { name: 'Verifikasi rantai' }).click();
      await observer.getByText('Rantai audit utuh', { exact: false }).waitFor();
    },
  },
  {
    name: 'demo: admin Kota Manna membuka dasbor rekrutmen dan melihat corong seleksi demo beserta kualitas hasil rekrutmen',
    async run(ctx) {
      const admin = await ctx.newPage();
      await logIn(ctx, admin, KOTA_MANNA_ADMIN_EMAIL, DEMO_PASSWORD);
      await admin.getByRole('link', { name: 'Dasbor rekrutmen, pelatihan, kinerja dan layanan' }).first().click();
      await ctx.settle(admin, /^Dasbor rekrutmen/);
      const rounds = admin.getByRole('table', { name: /corong per seleksi/i });
      await rounds.getByRole('row').filter({ hasText: 'Seleksi PPPK Tenaga Kesehatan' }).first().waitFor();
      await admin.getByRole('link', { name: 'Kualitas hasil rekrutmen' }).first().click();
      await ctx.settle(admin, /^Kualitas hasil rekrutmen/);
      await admin.getByRole('heading', { name: 'Seberapa baik nilai seleksi meramalkan kinerja' }).waitFor();
    },
  },
];
