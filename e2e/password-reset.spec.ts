// A person who forgot the password asks for a reset link, opens it from the email and signs in
// with the new password; the old one no longer works.
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, SUPER_ADMIN_EMAIL, logIn, onServer, readLinkFromOutbox, type Journey } from './harness.js';

const APPLICANT = 'pelamar@rekrutmen.local';

export const journeys: Journey[] = [
  {
    name: 'pelamar demo mengatur ulang kata sandi lewat tautan email',
    async run(ctx) {
      const person = await ctx.newPage({ phone: true });
      await ctx.visit(person, '/masuk', 'Masuk');
      await person.getByRole('link', { name: 'Lupa kata sandi?' }).click();
      await ctx.settle(person, 'Lupa kata sandi');
      await person.getByLabel(/^Alamat email/).fill(APPLICANT);
      await person.getByRole('button', { name: 'Kirim tautan' }).click();
      await person.getByText('kami telah mengirim tautan', { exact: false }).waitFor();
      await ctx.checkA11y(person, '/lupa-sandi (terkirim)');

      const admin = await ctx.newPage();
      await logIn(ctx, admin, SUPER_ADMIN_EMAIL, DEMO_PASSWORD);
      const link = await readLinkFromOutbox(ctx, admin, { to: APPLICANT, linkPath: '/atur-ulang-sandi?token=' });

      const newPassword = 'Sandi-Baru-Kuat-2077';
      await ctx.visit(person, onServer(ctx, link), 'Atur ulang kata sandi');
      await person.getByLabel(/^Kata sandi baru/).fill(newPassword);
      await person.getByLabel(/^Ulangi kata sandi baru/).fill(`${newPassword}x`);
      await person.getByRole('button', { name: 'Simpan kata sandi' }).click();
      await person.getByText('Kedua kata sandi tidak sama.').waitFor();
      await person.getByLabel(/^Ulangi kata sandi baru/).fill(newPassword);
      await person.getByRole('button', { name: 'Simpan kata sandi' }).click();
      await person.getByText('Kata sandi baru telah disimpan.', { exact: false }).waitFor();
      await ctx.checkA11y(person, '/atur-ulang-sandi (tersimpan)');

      await person.getByRole('main').getByRole('link', { name: 'Masuk', exact: true }).click();
      await ctx.settle(person, 'Masuk');
      await person.getByLabel(/^Alamat email/).fill(APPLICANT);
      await person.getByLabel(/^Kata sandi/).fill(DEMO_PASSWORD);
      await person.getByRole('button', { name: 'Masuk', exact: true }).click();
      await person.getByText('Email atau kata sandi salah.').waitFor();
      await person.getByLabel(/^Kata sandi/).fill(newPassword);
      await person.getByRole('button', { name: 'Masuk', exact: true }).click();
      await ctx.settle(person, 'Dasbor');
      await person.getByRole('heading', { level: 2, name: 'Pelamar', exact: true }).waitFor();
      assert.ok(person.url().endsWith('/dasbor'));
    },
  },
];
