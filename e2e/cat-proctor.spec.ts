// The Kota Manna admin runs a CAT session end to end, up to the moment the room gets its PIN:
//   0. through the API (signed-in browser contexts): a published round with one formation, two
//      applicants who register, upload their documents (with a pas foto) and submit, the demo
//      verifier who finds both MS, an invited panel member who reviews the admin's questions (four
//      eyes), and a blueprint for the round's SKD stage;
//   1. in the browser, the admin adds a venue and a room, schedules a session an hour from now,
//      allocates the participants (each gets a seat and a paper), opens the session from the proctor
//      console and sees the large PIN and both participants with their photos, and confirms them;
//   2. an applicant sees the session and seat on a phone and downloads the exam card, whose QR link
//      opens the public check with the name masked.
import assert from 'node:assert/strict';
import PDFDocument from 'pdfkit';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { DEMO_PASSWORD, KOTA_MANNA_ADMIN_EMAIL, SUPER_ADMIN_EMAIL, logIn, onServer, uniqueEmail, type Journey, type JourneyContext } from './harness.js';

const VERIFIER_EMAIL = 'verifikator@kota-manna.rekrutmen.local';
const PASSWORD = 'Rekrutmen-Uji-2026!';

// ---- Test data ----------------------------------------------------------------------------------

async function pdfFile(title: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A5', margin: 36, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(16).text(title);
  doc.end();
  return done;
}

const jpegFile = (colour: { r: number; g: number; b: number }) => sharp({ create: { width: 240, height: 320, channels: 3, background: colour } }).jpeg({ quality: 70 }).toBuffer();

/** Today in WIB shifted by `days`, YYYY-MM-DD. */
const wibDate = (days: number) => new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** The wall-clock time in WIB `minutes` from now, as a datetime-local value. */
const wibLocal = (minutes: number) => new Date(Date.now() + 7 * 3600_000 + minutes * 60_000).toISOString().slice(0, 16);

/** A NIK of Bengkulu Selatan for a woman born 1998-03-05 (day + 40 = 45), with a random serial. */
const nikOf = () => `170105450398${String(1 + Math.floor(Math.random() * 9998)).padStart(4, '0')}`;

// ---- API calls in a browser context (its cookies) -------------------------------------------------

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

/** The token of the newest email to `to` whose link contains `linkPath` (the super admin reads the outbox). */
async function tokenFromOutbox(superAdmin: Page, to: string, linkPath: string): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const { items } = await callApi<{ items: Array<{ to: string; text: string }> }>(superAdmin, 'GET', `/api/outbox?q=${encodeURIComponent(to)}`);
    const text = items.find((m) => m.to === to && m.text.includes(linkPath))?.text;
    const token = text ? /token=([A-Za-z0-9_-]+)/.exec(text)?.[1] : undefined;
    if (token) return token;
    await superAdmin.waitForTimeout(250);
  }
  throw new Error(`tidak ada email ${linkPath} untuk ${to}`);
}

async function signIn(page: Page, email: string, password: string) {
  await callApi(page, 'POST', '/api/auth/login', { email, password });
}

type Round = { agencyId: string; selectionId: string; formasiId: string };

async function setUpRound(ctx: JourneyContext, admin: Page): Promise<Round> {
  const { account } = await callApi<{ account: { roles: Array<{ role: string; agencyId: string | null }> } }>(admin, 'GET', '/api/auth/me');
  const agencyId = account.roles.find((grant) => grant.role === 'admin_instansi')?.agencyId;
  assert.ok(agencyId, 'admin Kota Manna tidak memiliki instansi');
  const suffix = Date.now().toString(36).toUpperCase();
  const base = `/api/agencies/${agencyId}`;
  const { unit } = await callApi<{ unit: { id: string } }>(admin, 'POST', `${base}/units`, { code: `BKPSDM-${suffix}`, name: 'Badan Kepegawaian dan Pengembangan SDM' });
  const { position } = await callApi<{ position: { id: string } }>(admin, 'POST', `${base}/positions`, {
    unitId: unit.id,
    code: `ANKEP-${suffix}`,
    name: 'Analis Kepegawaian Ahli Pertama',
    jenis: 'fungsional',
    bezetting: 1,
    retiring: 0,
  });
  const { selection } = await callApi<{ selection: { id: string } }>(admin, 'POST', `${base}/selections`, {
    type: 'cpns',
    year: Number(wibDate(0).slice(0, 4)),
    name: `Seleksi CPNS Kota Manna (CAT uji ${suffix})`,
    description: 'Seleksi untuk uji sesi CAT.',
    schedule: {
      registrationOpens: wibDate(-1),
      registrationCloses: wibDate(14),
      adminAnnouncement: wibDate(16),
      objectionStart: wibDate(16),
      objectionEnd: wibDate(19),
      testStart: wibDate(26),
      testEnd: wibDate(27),
      finalAnnouncement: wibDate(36),
    },
  });
  await callApi(admin, 'PATCH', `${base}/selections/${selection.id}`, {
    requiredDocuments: [
      { key: 'ktp', name: 'KTP', formats: ['jpg'], maxKb: 200, mandatory: true },
      { key: 'ijazah', name: 'Ijazah', formats: ['pdf'], maxKb: 800, mandatory: true },
      { key: 'pas_foto', name: 'Pas foto', formats: ['jpg'], maxKb: 200, mandatory: true },
    ],
  });
  const { formasi } = await callApi<{ formasi: { id: string } }>(admin, 'POST', `${base}/selections/${selection.id}/formasi`, {
    positionId: position.id,
    count: 2,
    qualifications: [{ level: 'S1', programmes: ['Psikologi'] }],
    kind: 'umum',
  });
  await callApi(admin, 'POST', `${base}/selections/${selection.id}/publish`, {});
  ctx.log(`seleksi ${selection.id} diumumkan`);
  return { agencyId, selectionId: selection.id, formasiId: formasi.id };
}

/** An applicant who registers, fills the profile and submits an application with a pas foto. */
async function applicantApplies(ctx: JourneyContext, superAdmin: Page, round: Round, person: { name: string; email: string }, colour: { r: number; g: number; b: number }) {
  const page = await ctx.newPage({ phone: true });
  await callApi(page, 'POST', '/api/auth/register', { email: person.email, password: PASSWORD, name: person.name });
  await callApi(page, 'POST', '/api/auth/verify-email', { token: await tokenFromOutbox(superAdmin, person.email, '/verifikasi-email') });
  await signIn(page, person.email, PASSWORD);
  await callApi(page, 'PUT', '/api/applicant/profile', {
    nik: nikOf(),
    name: person.name,
    birthPlace: 'Manna',
    birthDate: '1998-03-05',
    sex: 'P',
    address: 'Jl. Affan Bachsin No. 12, Pasar Manna, Kota Manna',
    phone: `0812${String(10_000_000 + Math.floor(Math.random() * 89_999_999))}`,
    education: [{ level: 'S1', institution: 'Universitas Bengkulu', programme: 'Psikologi', gpa: 3.5, diplomaNumber: `UNIB/${Date.now()}`, year: 2020 }],
    disability: '',
    claims: {},
  });
  const { application } = await callApi<{ application: { id: string } }>(page, 'POST', '/api/applicant/applications', { formasiId: round.formasiId });
  const files: Record<string, { name: string; mimeType: string; buffer: Buffer }> = {
    ktp: { name: 'ktp.jpg', mimeType: 'image/jpeg', buffer: await jpegFile({ r: 30, g: 90, b: 160 }) },
    ijazah: { name: 'ijazah.pdf', mimeType: 'application/pdf', buffer: await pdfFile(`Ijazah ${person.name}`) },
    pas_foto: { name: 'pas-foto.jpg', mimeType: 'image/jpeg', buffer: await jpegFile(colour) },
  };
  for (const [key, file] of Object.entries(files)) {
    const response = await page.request.fetch(`/api/applicant/applications/${application.id}/documents/${key}`, { method: 'PUT', multipart: { file } });
    assert.ok(response.ok(), `unggah ${key}: ${response.status()} ${await response.text()}`);
  }
  await callApi(page, 'POST', `/api/applicant/applications/${application.id}/submit`, {});
  return { page, applicationId: application.id };
}

/** The demo verifier claims the application, finds every requirement MS and decides MS. */
async function verifyMs(verifier: Page, agencyId: string, applicationId: string) {
  const base = `/api/agencies/${agencyId}/verification/applications/${applicationId}`;
  const { workspace } = await callApi<{ workspace: { checklist: Array<{ key: string }> } }>(verifier, 'POST', `${base}/claim`, {});
  await callApi(verifier, 'PUT', `${base}/checks`, { checks: workspace.checklist.map((item) => ({ requirementKey: item.key, result: 'MS' })) });
  await callApi(verifier, 'POST', `${base}/decision`, { decision: 'ms' });
}

/** Three active TWK questions (written by the admin, reviewed by the panel member) and a blueprint for the round's SKD stage. */
async function setUpPaper(admin: Page, panitia: Page, round: Round) {
  const banks = `/api/agencies/${round.agencyId}/cat-banks`;
  const { bank } = await callApi<{ bank: { id: string } }>(admin, 'POST', banks, { name: 'Bank TWK Kota Manna (uji)' });
  for (let n = 1; n <= 3; n += 1) {
    const { question } = await callApi<{ question: { id: string } }>(admin, 'POST', `${banks}/${bank.id}/questions`, {
      subtest: 'TWK',
      topic: 'Pancasila',
      stem: `Soal TWK uji nomor ${n}: nilai yang terkandung dalam sila ke-${n} Pancasila adalah …`,
      options: ['Ketuhanan', 'Kemanusiaan', 'Persatuan', 'Kerakyatan'].map((text) => ({ text })),
      keyIndex: n - 1,
    });
    await callApi(panitia, 'POST', `${banks}/${bank.id}/questions/${question.id}/status`, { status: 'reviewed' });
    await callApi(admin, 'POST', `${banks}/${bank.id}/questions/${question.id}/status`, { status: 'active' });
  }
  await callApi(admin, 'POST', `/api/agencies/${round.agencyId}/selections/${round.selectionId}/blueprints`, {
    stageKey: 'skd',
    name: 'SKD Uji Kota Manna',
    preset: 'custom',
    durationMinutes: 30,
    extraMinutes: { tunanetra: 10 },
    sections: [{ subtest: 'TWK', count: 3, bankIds: [bank.id] }],
  });
}

// ---- The journey --------------------------------------------------------------------------------

export const journeys: Journey[] = [
  {
    name: 'admin Kota Manna membuat lokasi, ruang dan sesi CAT, membagi peserta, membuka sesi dan melihat PIN serta peserta',
    async run(ctx) {
      const admin = await ctx.newPage();
      await logIn(ctx, admin, KOTA_MANNA_ADMIN_EMAIL, DEMO_PASSWORD);
      const superAdmin = await ctx.newPage();
      await signIn(superAdmin, SUPER_ADMIN_EMAIL, DEMO_PASSWORD);
      const round = await setUpRound(ctx, admin);

      // The panel member who reviews the admin's questions: invited, accepts, signs in.
      const panitia = await ctx.newPage();
      const panitiaEmail = uniqueEmail('panitia-cat');
      await callApi(admin, 'POST', `/api/agencies/${round.agencyId}/staff`, { email: panitiaEmail, name: 'Dewi Panitia', roles: ['panitia'] });
      await callApi(panitia, 'POST', '/api/auth/invitation/accept', { token: await tokenFromOutbox(superAdmin, panitiaEmail, '/undangan'), password: PASSWORD });
      await signIn(panitia, panitiaEmail, PASSWORD);

      const people = [
        { name: 'Rina Marlina', email: uniqueEmail('peserta-cat') },
        { name: 'Yusuf Hidayat', email: uniqueEmail('peserta-cat') },
      ];
      const applicants = [
        await applicantApplies(ctx, superAdmin, round, people[0]!, { r: 200, g: 40, b: 40 }),
        await applicantApplies(ctx, superAdmin, round, people[1]!, { r: 40, g: 140, b: 60 }),
      ];
      const verifier = await ctx.newPage();
      await signIn(verifier, VERIFIER_EMAIL, DEMO_PASSWORD);
      for (const a of applicants) await verifyMs(verifier, round.agencyId, a.applicationId);
      await setUpPaper(admin, panitia, round);
      ctx.log('dua peserta MS, soal aktif dan cetak biru siap');

      // 1. A venue with a room of 20 seats.
      await admin.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Ujian CAT', exact: true }).click();
      await ctx.settle(admin, /Sesi ujian CAT/);
      await admin.getByRole('link', { name: 'Kelola lokasi dan ruang ujian' }).click();
      await ctx.settle(admin, /Lokasi ujian CAT/);
      await admin.getByRole('button', { name: 'Tambah lokasi', exact: true }).click();
      await admin.getByRole('heading', { level: 2, name: 'Tambah lokasi ujian' }).waitFor();
      const venueName = `SMK Negeri 1 Manna ${Date.now().toString(36)}`;
      await admin.getByLabel('Nama lokasi').fill(venueName);
      await admin.getByLabel('Alamat').fill('Jl. Affan Bachsin, Kota Manna');
      await admin.getByRole('button', { name: 'Tambah lokasi', exact: true }).click();
      await admin.getByText(`Lokasi ${venueName} telah ditambahkan.`, { exact: false }).waitFor();
      await admin.getByRole('button', { name: `Tambah ruang di ${venueName}` }).click();
      await admin.getByLabel('Nama ruang').fill('Lab Komputer 1');
      // A room without seats is refused, the reason under the field.
      await admin.getByLabel('Jumlah kursi (komputer)').fill('0');
      await admin.getByRole('button', { name: 'Tambah ruang', exact: true }).click();
      await admin.locator('.field-error').getByText('Jumlah kursi minimal 1').waitFor();
      await ctx.checkA11y(admin, '/admin/instansi/:id/cat/lokasi (kursi ditolak)');
      await admin.getByLabel('Jumlah kursi (komputer)').fill('20');
      await admin.getByRole('button', { name: 'Tambah ruang', exact: true }).click();
      await admin.getByText(`Ruang Lab Komputer 1 telah ditambahkan di ${venueName}.`).waitFor();
      await admin.getByRole('table', { name: `Ruang di ${venueName}` }).getByRole('row', { name: /Lab Komputer 1/ }).waitFor();

      // A session of the round's SKD stage, an hour from now (the proctor may open it from two hours before).
      await admin.getByRole('link', { name: 'Sesi ujian CAT' }).click();
      await ctx.settle(admin, /Sesi ujian CAT/);
      const stage = admin.getByRole('region', { name: /SKD Uji Kota Manna/ });
      await stage.getByRole('button', { name: /^Jadwalkan sesi/ }).click();
      await admin.getByRole('heading', { level: 2, name: 'Jadwalkan sesi' }).waitFor();
      await admin.getByLabel('Ruang').selectOption({ label: `${venueName} — Lab Komputer 1 (20 kursi)` });
      await admin.getByLabel('Nama sesi').fill('Sesi 1 Pagi');
      // A start in the past is refused.
      await admin.getByLabel(/^Waktu mulai/).fill(wibLocal(-60));
      await admin.getByRole('button', { name: 'Jadwalkan sesi', exact: true }).click();
      await admin.locator('.field-error').getByText('Waktu mulai sudah lewat', { exact: false }).waitFor();
      await admin.getByLabel(/^Waktu mulai/).fill(wibLocal(60));
      await admin.getByRole('button', { name: 'Jadwalkan sesi', exact: true }).click();
      await admin.getByText('Sesi “Sesi 1 Pagi” telah dijadwalkan (20 kursi).').waitFor();
      const sessionRow = admin.getByRole('row', { name: /Sesi 1 Pagi/ });
      await sessionRow.getByText('Terjadwal').waitFor();
      await ctx.checkA11y(admin, '/admin/instansi/:id/cat (sesi terjadwal)');

      // Allocation: both participants get a seat and a paper.
      await stage.getByRole('link', { name: /^Pembagian peserta/ }).click();
      await ctx.settle(admin, /Pembagian peserta ujian CAT/);
      await admin.getByRole('table', { name: 'Peserta MS yang belum mendapat sesi' }).waitFor();
      await admin.getByRole('button', { name: 'Bagi peserta yang belum mendapat kursi' }).click();
      await admin.getByText('2 peserta mendapat sesi dan kursi; 2 naskah soal dibuat.').waitFor();
      const seated = admin.getByRole('table', { name: 'Peserta Sesi 1 Pagi' });
      for (const person of people) await seated.getByRole('row', { name: new RegExp(person.name) }).waitFor();
      await ctx.checkA11y(admin, '/admin/instansi/:id/cat/tahap/:id (setelah pembagian)');

      // The proctor console: open the session, the PIN shows large, the participants with their photos.
      await admin.getByRole('link', { name: '‹ Sesi ujian CAT' }).click();
      await ctx.settle(admin, /Sesi ujian CAT/);
      await sessionRow.getByRole('link', { name: /^Konsol pengawas/ }).click();
      await ctx.settle(admin, /Konsol pengawas: Sesi 1 Pagi/);
      const grid = admin.locator('ul.participant-grid');
      for (const person of people) {
        const card = grid.getByRole('listitem').filter({ hasText: person.name });
        await card.getByRole('img', { name: `Pas foto ${person.name}` }).waitFor();
        await card.getByText('Belum dikonfirmasi').waitFor();
      }
      const photoLoaded = await grid.getByRole('img').first().evaluate((img: { complete: boolean; naturalWidth: number }) => img.complete && img.naturalWidth > 0);
      assert.ok(photoLoaded, 'pas foto peserta tidak termuat');
      await admin.getByRole('button', { name: 'Buka sesi dan tampilkan PIN' }).click();
      const pinText = (await admin.locator('.pin-digits').innerText()).replace(/\s/g, '');
      assert.match(pinText, /^\d{6}$/, `PIN tidak tampil: ${pinText}`);
      ctx.log('PIN sesi tampil (6 digit)');
      await admin.getByText('Sesi dibuka. Umumkan PIN kepada peserta di ruang ujian.').waitFor();
      await admin.getByText('Dibuka', { exact: true }).first().waitFor();
      await ctx.checkA11y(admin, '/admin/instansi/:id/cat/sesi/:id/pengawas (PIN tampil)');
      await admin.getByRole('button', { name: 'Sembunyikan PIN' }).click();
      assert.equal(await admin.locator('.pin-digits').count(), 0, 'PIN masih tampil setelah disembunyikan');
      await admin.getByRole('button', { name: /^Konfirmasi identitas semua yang hadir/ }).click();
      await admin.getByText('Identitas 2 peserta dikonfirmasi.').waitFor();
      await grid.getByText('Identitas cocok').nth(1).waitFor();

      // 2. The applicant sees the seat and downloads the exam card; its QR link opens the public check.
      const applicant = applicants[0]!.page;
      await ctx.visit(applicant, '/pelamar/ujian', 'Ujian CAT saya');
      await applicant.getByText('Sesi 1 Pagi (Belum mulai)').waitFor();
      await applicant.getByText(`${venueName}, Jl. Affan Bachsin, Kota Manna`).waitFor();
      const cardLink = applicant.getByRole('link', { name: /^Unduh kartu ujian \(PDF\)/ });
      const card = await applicant.request.get((await cardLink.getAttribute('href'))!);
      const pdf = Buffer.from(await card.body());
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', 'kartu ujian bukan PDF');
      const checkUrl = /\/URI \((http[^)]*\/cek-kartu-ujian\/[^)]*)\)/.exec(pdf.toString('latin1'))?.[1];
      assert.ok(checkUrl, 'kartu ujian tidak memuat tautan cek');
      const visitor = await ctx.newPage({ phone: true });
      await ctx.visit(visitor, onServer(ctx, checkUrl.replaceAll('\\', '')), 'Kartu ujian tercatat');
      await visitor.getByText('Sesi 1 Pagi').waitFor();
      const publicText = await visitor.getByRole('main').innerText();
      assert.ok(!publicText.includes(people[0]!.name), 'nama lengkap tampil tanpa disamarkan');
    },
  },
];
