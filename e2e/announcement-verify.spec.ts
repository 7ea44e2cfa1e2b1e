// The Kota Manna admin publishes an announcement with a PDF; a visitor reads it with the file's
// SHA-256 fingerprint and checks, on the verification page, that the file they hold is that one —
// and that an altered copy is not.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { DEMO_PASSWORD, KOTA_MANNA_ADMIN_EMAIL, logIn, type Journey } from './harness.js';

function pdf(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(16).text(text);
    doc.end();
  });
}

export const journeys: Journey[] = [
  {
    name: 'admin Kota Manna menerbitkan pengumuman ber-PDF, pengunjung memeriksa keaslian PDF itu',
    async run(ctx) {
      const folder = await mkdtemp(path.join(tmpdir(), 'pengumuman-e2e-'));
      const stamp = Date.now().toString(36);
      const content = await pdf(`Hasil Seleksi Administrasi CPNS Kota Manna ${stamp}`);
      const original = path.join(folder, 'hasil-seleksi-administrasi.pdf');
      const altered = path.join(folder, 'hasil-diubah.pdf');
      await writeFile(original, content);
      await writeFile(altered, Buffer.concat([content, Buffer.from('\n% diubah\n')]));
      const sha256 = createHash('sha256').update(content).digest('hex');
      const title = `Pengumuman Hasil Seleksi Administrasi ${stamp}`;

      const admin = await ctx.newPage();
      await logIn(ctx, admin, KOTA_MANNA_ADMIN_EMAIL, DEMO_PASSWORD);
      await admin.getByRole('link', { name: 'Kelola pengumuman' }).first().click();
      await ctx.settle(admin, /Pengumuman/);
      await admin.getByRole('button', { name: 'Buat pengumuman' }).click();
      await admin.getByRole('heading', { level: 2, name: 'Buat draf pengumuman' }).waitFor();
      await admin.getByRole('textbox', { name: /^Judul/ }).fill(title);
      await admin.getByLabel('Jenis pengumuman').selectOption('hasil_administrasi');
      await admin.getByLabel('Isi pengumuman').fill('Berikut hasil seleksi administrasi. Sanggah dapat diajukan dalam 3 hari.');
      await ctx.checkA11y(admin, 'pengumuman (formulir)');
      await admin.getByRole('button', { name: 'Simpan draf' }).click();
      await ctx.settle(admin, title);

      await admin.getByLabel('Judul lampiran').fill('Daftar hasil seleksi administrasi');
      await admin.getByLabel('Berkas PDF').setInputFiles(original);
      await admin.getByRole('button', { name: 'Unggah lampiran' }).click();
      await admin.getByText('Lampiran ditambahkan.').waitFor();
      await admin.getByRole('heading', { level: 3, name: 'Daftar hasil seleksi administrasi' }).waitFor();
      await admin.getByRole('button', { name: 'Terbitkan pengumuman' }).click();
      await ctx.checkA11y(admin, 'pengumuman (konfirmasi terbit)');
      await admin.getByRole('button', { name: 'Ya, terbitkan sekarang' }).click();
      await admin.getByText('Pengumuman telah diterbitkan').waitFor();
      await admin.getByRole('button', { name: 'Buat pengumuman pengganti' }).waitFor();

      // A visitor reads it and sees the fingerprint.
      const visitor = await ctx.newPage({ phone: true });
      await ctx.visit(visitor, '/pengumuman', 'Pengumuman');
      await visitor.getByRole('link', { name: title }).click();
      await ctx.settle(visitor, title);
      const shown = (await visitor.locator('.fingerprint-value').first().textContent())?.replace(/\s+/g, '');
      assert.equal(shown, sha256);

      // …and verifies the file they were sent.
      await visitor.getByRole('link', { name: 'halaman pemeriksaan keaslian' }).click();
      await ctx.settle(visitor, 'Periksa keaslian berkas pengumuman');
      await visitor.getByLabel('Berkas yang akan diperiksa').setInputFiles(original);
      await visitor.getByRole('button', { name: 'Periksa berkas' }).click();
      await visitor.getByRole('heading', { name: 'Berkas ini asli: pernah diterbitkan' }).waitFor();
      const result = visitor.locator('.verification-result');
      await result.getByText('BKPSDM Kota Manna').waitFor();
      await result.getByRole('link', { name: `“${title}”` }).waitFor();
      await ctx.checkA11y(visitor, 'verifikasi (asli)');

      // An altered copy is not the published file.
      await visitor.getByLabel('Berkas yang akan diperiksa').setInputFiles(altered);
      await visitor.getByRole('button', { name: 'Periksa berkas' }).click();
      await visitor.getByRole('heading', { name: 'Tidak ditemukan' }).waitFor();

      // A pasted fingerprint gives the same answer as the file, and makes a shareable address.
      await visitor.getByRole('textbox', { name: /^Sidik jari SHA-256/ }).fill(sha256.toUpperCase());
      await visitor.getByRole('button', { name: 'Periksa sidik jari' }).click();
      await visitor.waitForURL((url) => url.searchParams.get('sha256') === sha256);
      await visitor.getByRole('heading', { name: 'Berkas ini asli: pernah diterbitkan' }).waitFor();
      await ctx.settle(visitor, 'Periksa keaslian berkas pengumuman');
    },
  },
];
