// An applicant registers, verifies the email with the link from the outbox, signs in and sees the
// Pelamar section of the dashboard. The applicant uses a phone-sized screen; the super admin who
// reads the outbox (development has no mail server) uses a desktop one.
import assert from 'node:assert/strict';
import {
  DEMO_PASSWORD,
  SUPER_ADMIN_EMAIL,
  logIn,
  onServer,
  readLinkFromOutbox,
  uniqueEmail,
  type Journey,
} from './harness.js';

export const journeys: Journey[] = [
  {
    name: 'pelamar mendaftar, memverifikasi email, masuk, dan melihat dasbor Pelamar',
    async run(ctx) {
      const applicant = await ctx.newPage({ phone: true });
      const email = uniqueEmail('pelamar');
      const name = 'Siti Rahmawati';
      const password = 'Rekrutmen-Uji-2026!';

      await ctx.visit(applicant, '/', 'Rekrutmen ASN yang transparan');
      // The demo round whose registration is open is listed for anyone.
      await applicant.getByRole('link', { name: /^Seleksi PPPK Tenaga Kesehatan, Guru dan Teknis/ }).first().waitFor();

      await applicant.getByRole('main').getByRole('link', { name: 'Daftar sebagai pelamar' }).click();
      await ctx.settle(applicant, 'Daftar sebagai pelamar');
      await applicant.getByLabel('Nama lengkap').fill(name);
      await applicant.getByLabel('Alamat email').fill(email);

      // A password the server refuses: its reason appears next to the field.
      await applicant.getByLabel('Kata sandi').fill('pendek1');
      await applicant.getByRole('button', { name: 'Daftar', exact: true }).click();
      await applicant.locator('.alert-error').waitFor();
      await ctx.checkA11y(applicant, '/daftar (dengan kesalahan)');
      assert.equal(await applicant.getByLabel('Kata sandi').getAttribute('aria-invalid'), 'true', 'kolom sandi tidak ditandai salah');

      await applicant.getByLabel('Kata sandi').fill(password);
      await applicant.getByText('Kekuatan sandi').waitFor();
      await applicant.getByRole('button', { name: 'Daftar', exact: true }).click();
      await ctx.settle(applicant, 'Periksa email Anda');

      // Signing in before verifying is refused with the server's message.
      await ctx.visit(applicant, '/masuk', 'Masuk');
      await applicant.getByLabel('Alamat email').fill(email);
      await applicant.getByLabel('Kata sandi').fill(password);
      await applicant.getByRole('button', { name: 'Masuk', exact: true }).click();
      await applicant.getByText('Email belum diverifikasi', { exact: false }).first().waitFor();
      await applicant.getByRole('button', { name: 'Kirim ulang tautan verifikasi' }).waitFor();
      await ctx.checkA11y(applicant, '/masuk (email belum diverifikasi)');

      const admin = await ctx.newPage();
      await logIn(ctx, admin, SUPER_ADMIN_EMAIL, DEMO_PASSWORD);
      const link = await readLinkFromOutbox(ctx, admin, { to: email, linkPath: '/verifikasi-email?token=' });
      ctx.log(`tautan verifikasi: ${new URL(link, ctx.baseUrl).pathname}?token=…`);

      await ctx.visit(applicant, onServer(ctx, link), 'Verifikasi email');
      await applicant.getByText('Email Anda berhasil diverifikasi').waitFor();
      await applicant.getByRole('main').getByRole('link', { name: 'Masuk', exact: true }).click();
      await ctx.settle(applicant, 'Masuk');
      await applicant.getByLabel('Alamat email').fill(email);
      await applicant.getByLabel('Kata sandi').fill(password);
      await applicant.getByRole('button', { name: 'Masuk', exact: true }).click();
      await ctx.settle(applicant, 'Dasbor');

      await applicant.getByRole('heading', { level: 2, name: 'Pelamar', exact: true }).waitFor();
      await applicant.getByText(`Selamat datang, ${name}.`).waitFor();
      await applicant.getByText('Anda belum mendaftar pada seleksi mana pun.', { exact: false }).waitFor();
      // An applicant's navigation offers no admin pages.
      await applicant.getByRole('button', { name: 'Menu' }).click();
      const nav = applicant.getByRole('navigation', { name: 'Navigasi utama' });
      await nav.getByRole('link', { name: 'Akun' }).waitFor();
      assert.equal(await nav.getByRole('link', { name: 'Instansi' }).count(), 0, 'pelamar melihat menu Instansi');
      assert.equal(await nav.getByRole('link', { name: /Staf/ }).count(), 0, 'pelamar melihat menu Staf');
      await ctx.checkA11y(applicant, '/dasbor (menu terbuka)');
    },
  },
];
