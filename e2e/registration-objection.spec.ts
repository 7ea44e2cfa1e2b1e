// The applicant's whole journey across three accounts, from registration to an accepted objection:
//   0. the Kota Manna admin sets up a published round with one open formation (through the API, as
//      the admin's signed-in browser context);
//   1. an applicant registers (verification link from the super admin's outbox), fills the profile,
//      opens the formation, starts an application, uploads the documents (small valid PDFs and
//      JPEGs made here; one refused upload), submits and downloads the registration card, whose QR
//      link opens the public confirmation page;
//   2. the Kota Manna verifier marks one requirement TMS with a reason and decides;
//   3. the panel (the Kota Manna admin) publishes the administrative result;
//   4. the applicant sees TMS with the reason and files an objection;
//   5. the panel accepts it; the applicant sees MS.
// The applicant uses a phone-sized screen; staff use desktop ones. The story runs as four journeys
// in order (state handed on in this module), each within the runner's per-journey time limit.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import {
  DEMO_PASSWORD,
  KOTA_MANNA_ADMIN_EMAIL,
  SUPER_ADMIN_EMAIL,
  logIn,
  onServer,
  readLinkFromOutbox,
  uniqueEmail,
  type Journey,
  type JourneyContext,
} from './harness.js';

// ---- Test data ----------------------------------------------------------------------------------

async function pdfFile(title: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A5', margin: 36, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(16).text(title);
  doc.fontSize(10).text(`Dokumen uji e2e, dibuat ${new Date().toISOString()}.`);
  doc.end();
  return done;
}

async function jpegFile(colour: { r: number; g: number; b: number }): Promise<Buffer> {
  return sharp({ create: { width: 240, height: 320, channels: 3, background: colour } }).jpeg({ quality: 70 }).toBuffer();
}

/** Today's date in WIB (Kota Manna's zone) shifted by `days`, as YYYY-MM-DD. */
function wibDate(days: number): string {
  return new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

const KOTA_MANNA_VERIFIER_EMAIL = 'verifikator@kota-manna.rekrutmen.local';
const TMS_NOTE = 'Pindaian ijazah buram; nomor ijazah dan tanda tangan rektor tidak terbaca.';
const OBJECTION_REASON = 'Ijazah yang saya unggah adalah pindaian asli resolusi 300 dpi; nomor ijazah UNIB/FT/2020/0412 terbaca jelas pada halaman pertama.';
const ANSWER = 'Setelah diperiksa ulang pada layar penuh, nomor ijazah dan tanda tangan terbaca. Sanggah diterima.';

/** A NIK of Bengkulu Selatan for a woman born 1998-03-05 (day + 40 = 45), with a random serial. */
function applicantNik(): { nik: string; birthDate: string } {
  const serial = String(1 + Math.floor(Math.random() * 9998)).padStart(4, '0');
  return { nik: `170105450398${serial}`, birthDate: '1998-03-05' };
}

// ---- API calls made in a signed-in browser context (its cookies) ---------------------------------

async function callApi<T>(page: Page, method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, body?: unknown): Promise<T> {
  const response = await page.request.fetch(path, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok(), `${method} ${path} → ${response.status()}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

type SetUpRound = { agencyId: string; selectionId: string; selectionName: string; formasiId: string; positionName: string };

const REQUIRED_DOCUMENTS = [
  { key: 'ktp', name: 'KTP', formats: ['jpg'], maxKb: 200, mandatory: true },
  { key: 'ijazah', name: 'Ijazah', formats: ['pdf'], maxKb: 800, mandatory: true },
  { key: 'pas_foto', name: 'Pas foto', formats: ['jpg', 'png'], maxKb: 200, mandatory: true },
];

function scheduleFrom(offsets: { opens: number; closes: number; announce: number }) {
  return {
    registrationOpens: wibDate(offsets.opens),
    registrationCloses: wibDate(offsets.closes),
    adminAnnouncement: wibDate(offsets.announce),
    objectionStart: wibDate(offsets.announce),
    objectionEnd: wibDate(offsets.announce + 3),
    testStart: wibDate(offsets.announce + 10),
    testEnd: wibDate(offsets.announce + 11),
    finalAnnouncement: wibDate(offsets.announce + 20),
  };
}

/** Step 0: a published CPNS round of Kota Manna with one formation for S1 Teknik Informatika. */
async function setUpRound(ctx: JourneyContext, admin: Page): Promise<SetUpRound> {
  const { account } = await callApi<{ account: { roles: Array<{ role: string; agencyId: string | null }> } }>(admin, 'GET', '/api/auth/me');
  const agencyId = account.roles.find((grant) => grant.role === 'admin_instansi')?.agencyId;
  assert.ok(agencyId, 'admin Kota Manna tidak memiliki instansi');
  const suffix = Date.now().toString(36).toUpperCase();
  const base = `/api/agencies/${agencyId}`;

  const { unit } = await callApi<{ unit: { id: string } }>(admin, 'POST', `${base}/units`, {
    code: `DISKOMINFO-${suffix}`,
    name: 'Dinas Komunikasi dan Informatika',
  });
  const positionName = 'Pranata Komputer Ahli Pertama';
  const { position } = await callApi<{ position: { id: string } }>(admin, 'POST', `${base}/positions`, {
    unitId: unit.id,
    code: `PK-${suffix}`,
    name: positionName,
    jenis: 'fungsional',
    bezetting: 1,
    retiring: 0,
  });
  const selectionName = `Seleksi CPNS Kota Manna (uji ${suffix})`;
  const { selection } = await callApi<{ selection: { id: string } }>(admin, 'POST', `${base}/selections`, {
    type: 'cpns',
    year: Number(wibDate(0).slice(0, 4)),
    name: selectionName,
    description: 'Seleksi untuk uji perjalanan pelamar.',
    schedule: scheduleFrom({ opens: -1, closes: 14, announce: 16 }),
  });
  await callApi(admin, 'PATCH', `${base}/selections/${selection.id}`, { requiredDocuments: REQUIRED_DOCUMENTS });
  const { formasi } = await callApi<{ formasi: { id: string } }>(admin, 'POST', `${base}/selections/${selection.id}/formasi`, {
    positionId: position.id,
    count: 2,
    qualifications: [{ level: 'S1', programmes: ['Teknik Informatika'] }],
    kind: 'umum',
  });
  await callApi(admin, 'POST', `${base}/selections/${selection.id}/publish`, {});
  ctx.log(`seleksi ${selection.id} dan formasi ${formasi.id} diumumkan`);
  return { agencyId, selectionId: selection.id, selectionName, formasiId: formasi.id, positionName };
}

/** Registration closes (an audited correction of the schedule), so the result may be published. */
async function closeRegistration(admin: Page, round: SetUpRound): Promise<void> {
  await callApi(admin, 'POST', `/api/agencies/${round.agencyId}/selections/${round.selectionId}/corrections`, {
    reason: 'Uji e2e: pendaftaran ditutup lebih awal agar hasil administrasi dapat diumumkan.',
    changes: { schedule: scheduleFrom({ opens: -3, closes: -1, announce: 0 }) },
  });
}

// ---- The applicant's steps ----------------------------------------------------------------------

async function registerApplicant(ctx: JourneyContext, applicant: Page, superAdmin: Page, person: { name: string; email: string; password: string }) {
  await ctx.visit(applicant, '/daftar', 'Daftar sebagai pelamar');
  await applicant.getByLabel('Nama lengkap').fill(person.name);
  await applicant.getByLabel('Alamat email').fill(person.email);
  await applicant.getByLabel('Kata sandi').fill(person.password);
  await applicant.getByRole('button', { name: 'Daftar', exact: true }).click();
  await ctx.settle(applicant, 'Periksa email Anda');

  const link = await readLinkFromOutbox(ctx, superAdmin, { to: person.email, linkPath: '/verifikasi-email?token=' });
  await ctx.visit(applicant, onServer(ctx, link), 'Verifikasi email');
  await applicant.getByText('Email Anda berhasil diverifikasi').waitFor();
}

async function fillProfile(ctx: JourneyContext, applicant: Page, identity: { nik: string; birthDate: string }) {
  await ctx.settle(applicant, 'Profil pelamar');
  await applicant.getByText('Anda belum mengisi profil').waitFor();
  await applicant.getByLabel('NIK').fill(identity.nik);
  // The NIK is read as the server reads it: a woman born 5 March 1998.
  await applicant.getByText('Menurut NIK ini: lahir 5 Maret 1998, perempuan').waitFor();
  await applicant.getByRole('textbox', { name: /^Tempat lahir/ }).fill('Manna');
  // A birth date and sex that disagree with the NIK: the server refuses, the reason sits under each field.
  await applicant.getByLabel('Tanggal lahir').fill('1998-03-06');
  await applicant.getByLabel('Laki-laki').check();
  await applicant.getByRole('textbox', { name: /^Alamat/ }).fill('Jl. Affan Bachsin No. 12, Pasar Manna, Kota Manna');
  await applicant.getByLabel('Nomor HP').fill('081234567890');
  await applicant.getByLabel('Jenjang').selectOption('S1');
  await applicant.getByLabel('Nama sekolah/perguruan tinggi').fill('Universitas Bengkulu');
  await applicant.getByLabel('Program studi/jurusan').fill('Teknik Informatika');
  await applicant.getByLabel('IPK').fill('3,41');
  await applicant.getByLabel('Nomor ijazah').fill('UNIB/FT/2020/0412');
  await applicant.getByLabel('Tahun lulus').fill('2020');
  // A second diploma added and removed again: the form keeps the first one intact.
  await applicant.getByRole('button', { name: 'Tambah riwayat pendidikan' }).click();
  await applicant.getByRole('group', { name: 'Pendidikan 2' }).waitFor();
  await applicant.getByRole('button', { name: 'Hapus pendidikan 2' }).click();
  assert.equal(await applicant.getByLabel('Program studi/jurusan').inputValue(), 'Teknik Informatika');

  await applicant.getByRole('button', { name: 'Simpan profil' }).click();
  await applicant.locator('.alert-error').getByText('tidak sesuai dengan tanggal lahir pada NIK').first().waitFor();
  assert.equal(await applicant.getByLabel('Tanggal lahir').getAttribute('aria-invalid'), 'true', 'tanggal lahir tidak ditandai salah');
  await applicant.getByRole('group', { name: /Jenis kelamin/ }).getByText('tidak sesuai dengan NIK').waitFor();
  await ctx.checkA11y(applicant, '/pelamar/profil (NIK tidak sesuai)');

  await applicant.getByLabel('Tanggal lahir').fill(identity.birthDate);
  await applicant.getByLabel('Perempuan').check();
  await applicant.getByRole('button', { name: 'Simpan profil' }).click();
  await applicant.getByText('Profil tersimpan.').waitFor();
  // After saving, the NIK is masked; "Tampilkan NIK" shows it in full.
  const saved = applicant.getByTestId('nik-tersimpan');
  assert.equal(await saved.innerText(), `${identity.nik.slice(0, 4)}********${identity.nik.slice(-4)}`);
  await applicant.getByRole('button', { name: 'Tampilkan NIK' }).click();
  assert.equal(await saved.innerText(), identity.nik);
  await applicant.getByRole('button', { name: 'Sembunyikan NIK' }).click();
  await ctx.checkA11y(applicant, '/pelamar/profil (tersimpan)');
  await assertNoSidewaysScroll(applicant, 'profil pelamar');
}

async function uploadDocument(applicant: Page, name: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const item = applicant.getByRole('listitem').filter({ has: applicant.getByRole('heading', { level: 3, name: new RegExp(`^${name}`) }) });
  await item.getByLabel(new RegExp(`berkas ${name}$`)).setInputFiles(file);
  await item.getByRole('button', { name: new RegExp(`^Unggah.* ${name}$`) }).click();
  await item.getByText(`${name} berhasil diunggah.`).waitFor();
  const sha = (await item.locator('code.sha256').innerText()).trim();
  assert.match(sha, /^[0-9a-f]{64}$/, `sidik jari ${name} tidak tampil`);
  return sha;
}

/** Phone-first: nothing on the page makes it scroll sideways. */
async function assertNoSidewaysScroll(page: Page, what: string) {
  const { scrollWidth, clientWidth } = await page.locator('html').evaluate((root) => ({ scrollWidth: root.scrollWidth, clientWidth: root.clientWidth }));
  assert.ok(scrollWidth <= clientWidth, `${what} bergeser ke samping di layar ponsel (${scrollWidth} > ${clientWidth} px)`);
}

// ---- The journey --------------------------------------------------------------------------------

/**
 * What each part hands to the next. The journey is one story in four parts so that each stays
 * within the runner's time limit per journey on a busy machine; they run in order on one server.
 */
type Submitted = {
  round: SetUpRound;
  person: { name: string; email: string; password: string };
  identity: { nik: string; birthDate: string };
  hashes: Record<string, string>;
  applicationId: string;
  registrationNumber: string;
};
let submitted: Submitted | null = null;
let published = false;

function previousPart(): Submitted {
  assert.ok(submitted, 'bagian pertama perjalanan ini (pelamar mendaftar) harus berjalan lebih dulu: jalankan dengan filter "registration-objection"');
  return submitted;
}

export const journeys: Journey[] = [
  {
    name: 'pelamar mendaftar pada formasi Kota Manna: akun, profil, formasi dari portal, dokumen, kirim',
    async run(ctx) {
      const admin = await ctx.newPage();
      await logIn(ctx, admin, KOTA_MANNA_ADMIN_EMAIL, DEMO_PASSWORD);
      const round = await setUpRound(ctx, admin);

      // 1. The applicant registers and signs in; a protected page sends them to /masuk and back.
      const applicant = await ctx.newPage({ phone: true });
      const superAdmin = await ctx.newPage();
      await logIn(ctx, superAdmin, SUPER_ADMIN_EMAIL, DEMO_PASSWORD);
      const person = { name: 'Rahmi Oktaviani', email: uniqueEmail('pelamar-sanggah'), password: 'Rekrutmen-Uji-2026!' };
      await registerApplicant(ctx, applicant, superAdmin, person);

      // The formation is found on the public portal; applying asks for a sign-in and comes back.
      await ctx.visit(applicant, '/formasi', 'Cari formasi');
      const search = applicant.getByRole('search');
      await search.getByLabel('Jabatan atau kata kunci').fill('Pranata Komputer');
      await search.getByRole('button', { name: /^Cari/ }).first().click();
      await ctx.settle(applicant, 'Cari formasi');
      await applicant.locator(`a[href="/formasi/${round.formasiId}"]`).first().click();
      await ctx.settle(applicant, new RegExp(`^${round.positionName}`));
      await applicant.getByRole('link', { name: 'Daftar pada formasi ini' }).click();
      await ctx.settle(applicant, 'Masuk');
      assert.match(applicant.url(), /\/masuk\?lanjut=/, 'halaman pendaftaran tidak meminta masuk');
      await applicant.getByLabel('Alamat email').fill(person.email);
      await applicant.getByLabel('Kata sandi').fill(person.password);
      await applicant.getByRole('button', { name: 'Masuk', exact: true }).click();
      await ctx.settle(applicant, 'Daftar pada formasi');
      // No profile yet: the page asks for it first and comes back here afterwards.
      await applicant.getByRole('link', { name: 'Lengkapi profil pelamar' }).click();
      const identity = applicantNik();
      await fillProfile(ctx, applicant, identity);
      await applicant.getByRole('link', { name: 'Lanjutkan pendaftaran' }).click();

      // The formation as the portal shows it, then the application starts as a draft.
      await ctx.settle(applicant, 'Daftar pada formasi');
      await applicant.getByRole('heading', { level: 2, name: round.positionName }).waitFor();
      await applicant.getByRole('button', { name: 'Mulai pendaftaran' }).click();
      await applicant.getByText('Centang pernyataan ini untuk melanjutkan.').waitFor();
      await applicant.getByLabel('Saya telah membaca persyaratan formasi ini').check();
      await applicant.getByRole('button', { name: 'Mulai pendaftaran' }).click();
      await ctx.settle(applicant, /^Pendaftaran: Pranata Komputer/);
      const applicationId = new URL(applicant.url()).pathname.split('/').pop()!;
      await applicant.getByText('Memenuhi syarat', { exact: false }).first().waitFor();

      // Submitting with nothing uploaded is refused; each missing document is named under its input.
      await applicant.getByRole('button', { name: 'Kirim pendaftaran' }).click();
      await applicant.getByRole('dialog', { name: 'Kirim pendaftaran sekarang?' }).waitFor();
      await ctx.checkA11y(applicant, '/pelamar/pendaftaran/:id (dialog kirim)');
      await applicant.getByRole('dialog').getByRole('button', { name: 'Ya, kirim pendaftaran' }).click();
      await applicant.locator('.alert-error').getByText('Dokumen wajib belum diunggah').waitFor();
      assert.equal(await applicant.locator('.document-item .field-error').count(), REQUIRED_DOCUMENTS.length, 'dokumen yang kurang tidak ditandai');
      await ctx.checkA11y(applicant, '/pelamar/pendaftaran/:id (dokumen kurang)');

      // A JPEG renamed .pdf passes the browser's look at the name, not the server's look at the content.
      const photo = await jpegFile({ r: 200, g: 40, b: 40 });
      const ijazahItem = applicant.getByRole('listitem').filter({ has: applicant.getByRole('heading', { level: 3, name: /^Ijazah/ }) });
      await ijazahItem.getByLabel(/berkas Ijazah$/).setInputFiles({ name: 'ijazah.pdf', mimeType: 'application/pdf', buffer: photo });
      await ijazahItem.getByRole('button', { name: /^Unggah.* Ijazah$/ }).click();
      const refusal = ijazahItem.locator('.field-error').getByText('diperiksa dari isinya', { exact: false });
      await refusal.waitFor();
      ctx.log(`unggahan palsu ditolak: ${await refusal.innerText()}`);
      assert.equal(await ijazahItem.getByLabel(/berkas Ijazah$/).getAttribute('aria-invalid'), 'true');
      await ctx.checkA11y(applicant, '/pelamar/pendaftaran/:id (unggahan ditolak)');

      const hashes = {
        ktp: await uploadDocument(applicant, 'KTP', { name: 'ktp.jpg', mimeType: 'image/jpeg', buffer: await jpegFile({ r: 30, g: 90, b: 160 }) }),
        ijazah: await uploadDocument(applicant, 'Ijazah', { name: 'ijazah.pdf', mimeType: 'application/pdf', buffer: await pdfFile('Ijazah Sarjana Teknik Informatika') }),
        pasFoto: await uploadDocument(applicant, 'Pas foto', { name: 'pas-foto.jpg', mimeType: 'image/jpeg', buffer: photo }),
      };
      // Replacing a document while the application is a draft gives a new fingerprint.
      hashes.ijazah = await uploadDocument(applicant, 'Ijazah', { name: 'ijazah-baru.pdf', mimeType: 'application/pdf', buffer: await pdfFile('Ijazah (pindaian ulang)') });
      await applicant.getByText('Semua dokumen wajib sudah diunggah.').waitFor();
      await assertNoSidewaysScroll(applicant, 'daftar periksa dokumen');
      await ctx.checkA11y(applicant, '/pelamar/pendaftaran/:id (dokumen lengkap)');

      await applicant.getByRole('button', { name: 'Kirim pendaftaran' }).click();
      await applicant.getByRole('dialog').getByRole('button', { name: 'Ya, kirim pendaftaran' }).click();
      await applicant.getByRole('heading', { level: 2, name: 'Pendaftaran terkirim' }).waitFor();
      const registrationNumber = (await applicant.getByTestId('nomor-pendaftaran').innerText()).trim();
      assert.match(registrationNumber, /^CPNS\d{4}-KOTAMANNA-\d{7}$/);
      ctx.log(`nomor pendaftaran ${registrationNumber}`);
      assert.equal(await applicant.getByRole('button', { name: /^Unggah/ }).count(), 0, 'dokumen masih dapat diganti setelah dikirim');
      await ctx.checkA11y(applicant, '/pelamar/pendaftaran/:id (terkirim)');
      await assertNoSidewaysScroll(applicant, 'pendaftaran terkirim');

      submitted = { round, person, identity, hashes, applicationId, registrationNumber };
    },
  },
  {
    name: 'pelamar mengunduh kartu pendaftaran; kode QR-nya membuka cek publik; tautan palsu tidak ditemukan',
    async run(ctx) {
      const { round, person, identity, hashes, applicationId, registrationNumber } = previousPart();
      const applicant = await ctx.newPage({ phone: true });
      await logIn(ctx, applicant, person.email, person.password);
      await ctx.visit(applicant, '/pelamar/pendaftaran', 'Pendaftaran saya');
      await applicant.getByText(registrationNumber).waitFor();
      await applicant.getByRole('link', { name: `Lihat pendaftaran ${round.positionName}` }).click();
      await ctx.settle(applicant, /^Pendaftaran: Pranata Komputer/);
      assert.ok(applicant.url().endsWith(applicationId));

      // The card: a PDF whose QR link opens the public confirmation with the same fingerprints.
      const [download] = await Promise.all([applicant.waitForEvent('download'), applicant.getByRole('link', { name: 'Unduh kartu pendaftaran' }).click()]);
      const card = await readFile((await download.path())!);
      assert.equal(card.subarray(0, 5).toString('latin1'), '%PDF-', 'kartu pendaftaran bukan PDF');
      const checkUrl = /\/URI \((http[^)]*\/cek-pendaftaran\/[^)]*)\)/.exec(card.toString('latin1'))?.[1];
      assert.ok(checkUrl, 'kartu tidak memuat tautan cek pendaftaran');
      ctx.log(`kartu pendaftaran: ${card.length} bita`);

      const visitor = await ctx.newPage({ phone: true });
      await ctx.visit(visitor, onServer(ctx, checkUrl.replaceAll('\\', '')), 'Pendaftaran tercatat');
      await visitor.getByText(round.positionName, { exact: false }).first().waitFor();
      const publicText = await visitor.getByRole('main').innerText();
      for (const sha of Object.values(hashes)) assert.ok(publicText.includes(sha), `sidik jari ${sha} tidak tampil di halaman publik`);
      assert.ok(!publicText.includes(person.name), 'nama lengkap tampil tanpa disamarkan');
      assert.ok(!publicText.includes(identity.nik), 'NIK tampil di halaman publik');
      const forged = new URL(onServer(ctx, checkUrl.replaceAll('\\', '')), ctx.baseUrl);
      forged.searchParams.set('t', `${forged.searchParams.get('t')!.slice(0, -2)}xx`);
      await ctx.visit(visitor, `${forged.pathname}${forged.search}`, 'Pendaftaran tidak ditemukan');
    },
  },
  {
    name: 'verifikator menyatakan TMS; panitia mengumumkan hasil administrasi',
    async run(ctx) {
      const { round, person, applicationId, registrationNumber } = previousPart();
      const admin = await ctx.newPage();
      await logIn(ctx, admin, KOTA_MANNA_ADMIN_EMAIL, DEMO_PASSWORD);
      const applicant = await ctx.newPage({ phone: true });
      await logIn(ctx, applicant, person.email, person.password);

      // Registration closes (the panel publishes results only after it has).
      await closeRegistration(admin, round);

      // 2. The verifier finds the application in the queue, marks the diploma TMS with a reason, decides.
      const verifier = await ctx.newPage();
      await logIn(ctx, verifier, KOTA_MANNA_VERIFIER_EMAIL, DEMO_PASSWORD);
      await ctx.visit(verifier, `/instansi/${round.agencyId}/verifikasi`, /^Antrean verifikasi/);
      await verifier.getByRole('link', { name: registrationNumber, exact: true }).click();
      await ctx.settle(verifier, new RegExp(`^Verifikasi ${registrationNumber}`));
      await verifier.getByRole('button', { name: 'Ambil pendaftaran ini' }).click();
      await verifier.getByText('Pendaftaran ini sekarang Anda pegang.').waitFor();
      await verifier.getByRole('button', { name: /^Tandai \d+ yang belum diperiksa sebagai MS$/ }).click();
      const diploma = verifier.getByRole('group', { name: /^Ijazah/ });
      await diploma.getByLabel('TMS', { exact: true }).check();
      await diploma.getByLabel(/^Alasan TMS/).selectOption({ label: 'Dokumen tidak terbaca' });
      await diploma.getByLabel('Keterangan untuk pelamar').fill(TMS_NOTE);
      await verifier.getByRole('button', { name: /^Simpan pemeriksaan/ }).click();
      await verifier.getByText('Pemeriksaan tersimpan', { exact: false }).waitFor();
      await verifier.getByRole('button', { name: 'Putuskan TMS' }).click();
      await verifier.getByRole('button', { name: 'Ya, putuskan TMS' }).click();
      await verifier.getByText('Keputusan TMS tercatat.').waitFor();
      await ctx.checkA11y(verifier, '/instansi/:id/verifikasi/:id (TMS diputuskan)');

      // Until the result is announced, the applicant sees no decision.
      await ctx.visit(applicant, `/pelamar/pendaftaran/${applicationId}`, /^Pendaftaran: Pranata Komputer/);
      await applicant.getByText('Hasil seleksi administrasi belum diumumkan.').waitFor();
      assert.equal(await applicant.getByText('Tidak Memenuhi Syarat').count(), 0, 'keputusan tampil sebelum diumumkan');

      // 3. The panel (the Kota Manna admin) announces the administrative result.
      await ctx.visit(admin, `/instansi/${round.agencyId}/hasil-administrasi`, /^Hasil seleksi administrasi/);
      const resultCard = admin.getByRole('listitem').filter({ has: admin.getByRole('heading', { level: 2, name: new RegExp(round.selectionName.replace(/[()]/g, '\\$&')) }) });
      await resultCard.getByRole('button', { name: 'Umumkan hasil seleksi administrasi' }).click();
      await resultCard.getByRole('button', { name: 'Ya, umumkan hasil seleksi administrasi' }).click();
      await resultCard.getByText('Hasil seleksi administrasi telah diumumkan.').waitFor();
      await ctx.checkA11y(admin, '/instansi/:id/hasil-administrasi (diumumkan)');
      published = true;
    },
  },
  {
    name: 'pelamar melihat alasan TMS dan menyanggah; panitia menerima; pelamar menjadi MS',
    async run(ctx) {
      const { round, person, applicationId, registrationNumber } = previousPart();
      assert.ok(published, 'hasil administrasi belum diumumkan oleh bagian sebelumnya');
      const admin = await ctx.newPage();
      await logIn(ctx, admin, KOTA_MANNA_ADMIN_EMAIL, DEMO_PASSWORD);
      const applicant = await ctx.newPage({ phone: true });
      await logIn(ctx, applicant, person.email, person.password);

      // 4. The applicant sees TMS with the requirement and the reason, and objects.
      await ctx.visit(applicant, `/pelamar/pendaftaran/${applicationId}`, /^Pendaftaran: Pranata Komputer/);
      assert.equal((await applicant.getByTestId('hasil-administrasi').innerText()).trim(), 'Tidak Memenuhi Syarat (TMS)');
      await applicant.getByRole('link', { name: 'Hasil seleksi administrasi dan sanggah' }).click();
      await ctx.settle(applicant, /^Hasil seleksi administrasi/);
      const reasons = applicant.getByRole('region', { name: 'Persyaratan yang tidak memenuhi syarat' });
      await reasons.getByRole('heading', { level: 3, name: 'Ijazah' }).waitFor();
      await reasons.getByText('Dokumen tidak terbaca').waitFor();
      await reasons.getByText(TMS_NOTE).waitFor();
      const objectionForm = applicant.getByRole('region', { name: 'Ajukan sanggah' });
      const ijazahKey = objectionForm.getByRole('checkbox', { name: 'Ijazah' });
      if (!(await ijazahKey.isChecked())) await ijazahKey.check();
      await objectionForm.getByRole('textbox', { name: /^Alasan sanggah/ }).fill(OBJECTION_REASON);
      // By keyboard: the confirmation takes the focus; "Periksa lagi" gives it back to the button that opened it.
      const hasFocus = (locator: Locator) => locator.evaluate((element: { ownerDocument: { activeElement: unknown } }) => element.ownerDocument.activeElement === element);
      const send = objectionForm.getByRole('button', { name: 'Kirim sanggah' });
      await send.focus();
      await applicant.keyboard.press('Enter');
      const confirmation = objectionForm.getByRole('group', { name: 'Konfirmasi sanggah' });
      await confirmation.waitFor();
      assert.equal(await hasFocus(confirmation), true, 'konfirmasi sanggah mendapat fokus');
      await objectionForm.getByRole('button', { name: 'Periksa lagi' }).press('Enter');
      await send.waitFor();
      assert.equal(await hasFocus(send), true, 'fokus kembali ke tombol Kirim sanggah');
      await objectionForm.getByRole('button', { name: 'Kirim sanggah' }).click();
      await objectionForm.getByRole('button', { name: 'Ya, kirim sanggah' }).click();
      const mine = applicant.getByRole('region', { name: 'Sanggah Anda' });
      await mine.locator('.tag', { hasText: 'Diajukan' }).waitFor();
      await ctx.checkA11y(applicant, '/pelamar/pendaftaran/:id/hasil (sanggah diajukan)');

      // 5. The panel accepts the objection; the diploma becomes MS, and so does the application.
      await ctx.visit(admin, `/instansi/${round.agencyId}/sanggah`, /^Meja sanggah/);
      await admin.getByRole('link', { name: registrationNumber, exact: true }).click();
      await ctx.settle(admin, new RegExp(`^Sanggah ${registrationNumber}`));
      await admin.getByText(OBJECTION_REASON).waitFor();
      await admin.getByLabel('Terima — persyaratan yang disanggah menjadi MS').check();
      await admin.getByRole('textbox', { name: /^Jawaban untuk pelamar/ }).fill(ANSWER);
      await admin.getByRole('button', { name: 'Terima sanggah' }).click();
      await admin.getByText('Sanggah diterima oleh', { exact: false }).waitFor();
      await ctx.checkA11y(admin, '/instansi/:id/sanggah/:id (diterima)');

      await ctx.visit(applicant, `/pelamar/pendaftaran/${applicationId}/hasil`, /^Hasil seleksi administrasi/);
      await applicant.getByRole('region', { name: 'Sanggah Anda' }).locator('.tag', { hasText: 'Diterima' }).waitFor();
      await applicant.getByText(ANSWER).waitFor();
      assert.equal(await applicant.getByRole('region', { name: 'Persyaratan yang tidak memenuhi syarat' }).count(), 0, 'persyaratan TMS masih tampil');
      await ctx.visit(applicant, `/pelamar/pendaftaran/${applicationId}`, /^Pendaftaran: Pranata Komputer/);
      assert.equal((await applicant.getByTestId('hasil-setelah-sanggah').innerText()).trim(), 'Memenuhi Syarat (MS)');
      await assertNoSidewaysScroll(applicant, 'pendaftaran setelah sanggah');
    },
  },
];
