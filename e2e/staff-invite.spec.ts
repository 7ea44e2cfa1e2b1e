// The agency admin of Kota Manna invites a verifikator, finds them in the staff list, and the
// invited person accepts the invitation from the email and signs in to a Verifikator dashboard.
import assert from 'node:assert/strict';
import {
  DEMO_PASSWORD,
  KOTA_MANNA_ADMIN_EMAIL,
  SUPER_ADMIN_EMAIL,
  eventually,
  logIn,
  onServer,
  readLinkFromOutbox,
  uniqueEmail,
  type Journey,
} from './harness.js';

export const journeys: Journey[] = [
  {
    name: 'admin instansi Kota Manna mengundang verifikator dan melihatnya di daftar staf',
    async run(ctx) {
      const admin = await ctx.newPage();
      const email = uniqueEmail('verifikator');
      const name = 'Budi Santoso';

      await logIn(ctx, admin, KOTA_MANNA_ADMIN_EMAIL, DEMO_PASSWORD);
      await admin.getByRole('heading', { level: 2, name: 'Admin Instansi' }).waitFor();
      await admin.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Staf', exact: true }).click();
      await ctx.settle(admin, /Staf instansi/);
      const agencyPath = new URL(admin.url()).pathname;
      assert.match(agencyPath, /^\/admin\/instansi\/[^/]+\/staf$/);

      await admin.getByRole('button', { name: 'Undang staf' }).click();
      await admin.getByRole('heading', { level: 2, name: 'Undang staf' }).waitFor();
      await ctx.checkA11y(admin, `${agencyPath} (formulir undangan)`);
      await admin.getByLabel('Nama lengkap').fill(name);
      await admin.getByLabel('Alamat email').fill(email);
      await admin.getByRole('checkbox', { name: 'Verifikator' }).check();
      await admin.getByRole('button', { name: 'Kirim undangan' }).click();
      await admin.getByText(`Undangan telah dikirim ke ${email}.`).waitFor();

      const row = admin.getByRole('row').filter({ hasText: email });
      await row.waitFor();
      await row.getByRole('cell', { name: 'Verifikator', exact: true }).waitFor();
      await row.getByText('Diundang', { exact: true }).waitFor();
      await ctx.checkA11y(admin, `${agencyPath} (setelah mengundang)`);

      // The list can be searched, and the search is part of the URL.
      await admin.getByRole('search').getByLabel('Cari staf (nama atau email)').fill(email);
      await admin.getByRole('search').getByRole('button', { name: 'Cari', exact: true }).click();
      await admin.waitForURL((url) => url.searchParams.get('q') === email);
      await ctx.settle(admin, /Staf instansi/);
      assert.equal(await admin.getByRole('row').filter({ hasText: email }).count(), 1);

      // The invited person reads the email (via the super admin's outbox) and accepts.
      const superAdmin = await ctx.newPage();
      await logIn(ctx, superAdmin, SUPER_ADMIN_EMAIL, DEMO_PASSWORD);
      const link = await readLinkFromOutbox(ctx, superAdmin, { to: email, linkPath: '/undangan?token=' });

      const invitee = await ctx.newPage({ phone: true });
      await ctx.visit(invitee, onServer(ctx, link), 'Undangan staf');
      await invitee.getByText(name, { exact: false }).first().waitFor();
      await invitee.getByRole('listitem').filter({ hasText: 'Verifikator' }).waitFor();
      const password = 'Verifikasi-Berkas-2026!';
      await invitee.getByLabel(/^Kata sandi baru/).fill(password);
      await invitee.getByLabel('Ulangi kata sandi baru').fill(password);
      await invitee.getByRole('button', { name: 'Terima undangan' }).click();
      await invitee.getByText('Undangan diterima').waitFor();
      await ctx.checkA11y(invitee, '/undangan (diterima)');

      await logIn(ctx, invitee, email, password);
      await invitee.getByRole('heading', { level: 2, name: 'Verifikator' }).waitFor();

      // Back in the staff list, the person is now active.
      await admin.reload();
      await ctx.settle(admin, /Staf instansi/);
      const staffRow = admin.getByRole('row').filter({ hasText: email });
      await staffRow.getByText('Aktif', { exact: true }).waitFor();

      // Roles can be changed…
      await staffRow.getByRole('button', { name: /^Ubah peran/ }).click();
      await admin.getByRole('heading', { level: 2, name: `Ubah peran: ${name}` }).waitFor();
      await ctx.checkA11y(admin, `${agencyPath} (ubah peran)`);
      await admin.getByRole('group', { name: `Peran ${name}` }).getByRole('checkbox', { name: 'Penguji' }).check();
      await admin.getByRole('button', { name: 'Simpan peran' }).click();
      await admin.getByText(`Peran ${name} telah diperbarui.`).waitFor();
      await staffRow.getByRole('cell', { name: 'Verifikator, Penguji' }).waitFor();

      // …and the person removed from the agency's staff.
      await staffRow.getByRole('button', { name: /^Hapus/ }).click();
      await admin.getByRole('heading', { level: 2, name: `Hapus ${name} dari staf?` }).waitFor();
      await ctx.checkA11y(admin, `${agencyPath} (konfirmasi hapus)`);
      await admin.getByRole('button', { name: 'Ya, hapus dari staf' }).click();
      await admin.getByText(`${name} telah dihapus dari staf instansi.`).waitFor();
      await eventually(async () => (await staffRow.count()) === 0, 'staf yang dihapus masih ada di daftar');
    },
  },
];
