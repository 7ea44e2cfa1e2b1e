// A participant takes a short CAT exam while the public live board watches:
//   0. through the API (signed-in browser contexts): a published round with one formation, an
//      applicant who registers, uploads documents and submits, the demo verifier who finds them MS,
//      an invited panel member who reviews five TWK questions (four eyes), a blueprint, a venue with
//      a room, a session half an hour from now and the allocation (seat and paper);
//   1. a visitor opens the public board of the session (empty, "Terhubung");
//   2. the Kota Manna admin opens the session from the proctor console and reads the PIN aloud;
//   3. the participant enters the PIN and waits; the admin confirms identity; the participant starts,
//      answers two questions (mouse and keyboard), flags one, the network is cut: the banner counts
//      the two answers given offline; the network comes back, the queue drains, a reload restores
//      everything from the server; the participant finishes after the confirmation;
//   4. the score appears on the board without a reload, marked new;
//   5. the panel corrects the result with a reason, the first result kept beside it;
//   6. the panel announces the SKD result from the CAT report and opens its announcement.
import assert from 'node:assert/strict';
import PDFDocument from 'pdfkit';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { DEMO_PASSWORD, KOTA_MANNA_ADMIN_EMAIL, SUPER_ADMIN_EMAIL, eventually, logIn, uniqueEmail, type Journey, type JourneyContext } from './harness.js';

const VERIFIER_EMAIL = 'verifikator@kota-manna.rekrutmen.local';
const PASSWORD = 'Rekrutmen-Uji-2026!';
const QUESTIONS = 5;

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

const signIn = (page: Page, email: string, password: string) => callApi(page, 'POST', '/api/auth/login', { email, password });

type Round = { agencyId: string; selectionId: string; formasiId: string };

async function setUpRound(ctx: JourneyContext, admin: Page): Promise<Round> {
  const { account } = await callApi<{ account: { roles: Array<{ role: string; agencyId: string | null }> } }>(admin, 'GET', '/api/auth/me');
  const agencyId = account.roles.find((grant) => grant.role === 'admin_instansi')?.agencyId;
  assert.ok(agencyId, 'admin Kota Manna tidak memiliki instansi');
  const suffix = Date.now().toString(36).toUpperCase();
  const base = `/api/agencies/${agencyId}`;
  const { unit } = await callApi<{ unit: { id: string } }>(admin, 'POST', `${base}/units`, { code: `BKD-${suffix}`, name: 'Badan Kepegawaian Daerah' });
  const { position } = await callApi<{ position: { id: string } }>(admin, 'POST', `${base}/positions`, {
    unitId: unit.id,
    code: `PRAN-${suffix}`,
    name: 'Pranata Komputer Ahli Pertama',
    jenis: 'fungsional',
    bezetting: 1,
    retiring: 0,
  });
  const { selection } = await callApi<{ selection: { id: string } }>(admin, 'POST', `${base}/selections`, {
    type: 'cpns',
    year: Number(wibDate(0).slice(0, 4)),
    name: `Seleksi CPNS Kota Manna (ujian CAT uji ${suffix})`,
    description: 'Seleksi untuk uji ujian CAT dan papan nilai.',
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
    count: 1,
    qualifications: [{ level: 'S1', programmes: ['Teknik Informatika'] }],
    kind: 'umum',
  });
  await callApi(admin, 'POST', `${base}/selections/${selection.id}/publish`, {});
  ctx.log(`seleksi ${selection.id} diumumkan`);
  return { agencyId, selectionId: selection.id, formasiId: formasi.id };
}

/** The applicant registers (in `page`), fills the profile and submits an application with a pas foto. */
async function applicantApplies(page: Page, superAdmin: Page, round: Round, person: { name: string; email: string }) {
  await callApi(page, 'POST', '/api/auth/register', { email: person.email, password: PASSWORD, name: person.name });
  await callApi(page, 'POST', '/api/auth/verify-email', { token: await tokenFromOutbox(superAdmin, person.email, '/verifikasi-email') });
  await signIn(page, person.email, PASSWORD);
  await callApi(page, 'PUT', '/api/applicant/profile', {
    nik: nikOf(),
    name: person.name,
    birthPlace: 'Manna',
    birthDate: '1998-03-05',
    sex: 'P',
    address: 'Jl. Soekarno-Hatta No. 3, Kota Manna',
    phone: `0813${String(10_000_000 + Math.floor(Math.random() * 89_999_999))}`,
    education: [{ level: 'S1', institution: 'Universitas Bengkulu', programme: 'Teknik Informatika', gpa: 3.4, diplomaNumber: `UNIB/${Date.now()}`, year: 2021 }],
    disability: '',
    claims: {},
  });
  const { application } = await callApi<{ application: { id: string } }>(page, 'POST', '/api/applicant/applications', { formasiId: round.formasiId });
  const files: Record<string, { name: string; mimeType: string; buffer: Buffer }> = {
    ktp: { name: 'ktp.jpg', mimeType: 'image/jpeg', buffer: await jpegFile({ r: 30, g: 90, b: 160 }) },
    ijazah: { name: 'ijazah.pdf', mimeType: 'application/pdf', buffer: await pdfFile(`Ijazah ${person.name}`) },
    pas_foto: { name: 'pas-foto.jpg', mimeType: 'image/jpeg', buffer: await jpegFile({ r: 180, g: 60, b: 60 }) },
  };
  for (const [key, file] of Object.entries(files)) {
    const response = await page.request.fetch(`/api/applicant/applications/${application.id}/documents/${key}`, { method: 'PUT', multipart: { file } });
    assert.ok(response.ok(), `unggah ${key}: ${response.status()} ${await response.text()}`);
  }
  await callApi(page, 'POST', `/api/applicant/applications/${application.id}/submit`, {});
  return application.id;
}

async function verifyMs(verifier: Page, agencyId: string, applicationId: string) {
  const base = `/api/agencies/${agencyId}/verification/applications/${applicationId}`;
  const { workspace } = await callApi<{ workspace: { checklist: Array<{ key: string }> } }>(verifier, 'POST', `${base}/claim`, {});
  await callApi(verifier, 'PUT', `${base}/checks`, { checks: workspace.checklist.map((item) => ({ requirementKey: item.key, result: 'MS' })) });
  await callApi(verifier, 'POST', `${base}/decision`, { decision: 'ms' });
}

/** Five active TWK questions (written by the admin, reviewed by the panel member) and a 10-minute blueprint. */
async function setUpPaper(admin: Page, panitia: Page, round: Round): Promise<string> {
  const banks = `/api/agencies/${round.agencyId}/cat-banks`;
  const { bank } = await callApi<{ bank: { id: string } }>(admin, 'POST', banks, { name: 'Bank TWK ujian Kota Manna (uji)' });
  const values = ['Ketuhanan', 'Kemanusiaan', 'Persatuan', 'Kerakyatan', 'Keadilan sosial'];
  for (let n = 1; n <= QUESTIONS; n += 1) {
    const { question } = await callApi<{ question: { id: string } }>(admin, 'POST', `${banks}/${bank.id}/questions`, {
      subtest: 'TWK',
      topic: 'Pancasila',
      stem: `Soal ujian TWK nomor ${n}: nilai pokok sila ke-${n} Pancasila adalah …`,
      options: values.slice(0, 4).map((text) => ({ text })),
      keyIndex: (n - 1) % 4,
    });
    await callApi(panitia, 'POST', `${banks}/${bank.id}/questions/${question.id}/status`, { status: 'reviewed' });
    await callApi(admin, 'POST', `${banks}/${bank.id}/questions/${question.id}/status`, { status: 'active' });
  }
  const { blueprint } = await callApi<{ blueprint: { id: string } }>(admin, 'POST', `/api/agencies/${round.agencyId}/selections/${round.selectionId}/blueprints`, {
    stageKey: 'skd',
    name: 'SKD Ujian Kota Manna',
    preset: 'custom',
    durationMinutes: 10,
    extraMinutes: {},
    sections: [{ subtest: 'TWK', count: QUESTIONS, bankIds: [bank.id] }],
  });
  return blueprint.id;
}

/** A venue, a room of 10 seats, a session half an hour from now, and the allocation (seat + paper). */
async function setUpSession(admin: Page, round: Round, blueprintId: string): Promise<string> {
  const cat = `/api/agencies/${round.agencyId}/cat`;
  const { venue } = await callApi<{ venue: { id: string } }>(admin, 'POST', `${cat}/venues`, { name: `SMA Negeri 2 Manna ${Date.now().toString(36)}`, address: 'Jl. Merdeka, Kota Manna' });
  const { venue: withRoom } = await callApi<{ venue: { rooms: Array<{ id: string }> } }>(admin, 'POST', `${cat}/venues/${venue.id}/rooms`, { name: 'Lab Komputer A', seats: 10 });
  const roomId = withRoom.rooms[0]!.id;
  const startsAt = new Date(Date.now() + 30 * 60_000).toISOString();
  const { session } = await callApi<{ session: { id: string } }>(admin, 'POST', `${cat}/sessions`, { blueprintId, roomId, name: 'Sesi Uji Pagi', startsAt });
  const run = await callApi<{ placed: number }>(admin, 'POST', `${cat}/allocations/${blueprintId}`, { reset: false });
  assert.equal(run.placed, 1, 'peserta tidak mendapat kursi');
  return session.id;
}

// ---- The journey --------------------------------------------------------------------------------

export const journeys: Journey[] = [
  {
    name: 'peserta mengerjakan ujian CAT dengan PIN sesi, koneksi terputus lalu pulih tanpa jawaban hilang, nilainya tampil langsung di papan nilai publik, lalu panitia mengumumkan hasil SKD',
    async run(ctx) {
      const admin = await ctx.newPage();
      await logIn(ctx, admin, KOTA_MANNA_ADMIN_EMAIL, DEMO_PASSWORD);
      const superAdmin = await ctx.newPage();
      await signIn(superAdmin, SUPER_ADMIN_EMAIL, DEMO_PASSWORD);
      const round = await setUpRound(ctx, admin);

      const panitia = await ctx.newPage();
      const panitiaEmail = uniqueEmail('panitia-ujian');
      await callApi(admin, 'POST', `/api/agencies/${round.agencyId}/staff`, { email: panitiaEmail, name: 'Bayu Panitia', roles: ['panitia'] });
      await callApi(panitia, 'POST', '/api/auth/invitation/accept', { token: await tokenFromOutbox(superAdmin, panitiaEmail, '/undangan'), password: PASSWORD });
      await signIn(panitia, panitiaEmail, PASSWORD);

      const person = { name: 'Siti Rahmawati', email: uniqueEmail('peserta-ujian') };
      const participant = await ctx.newPage();
      const applicationId = await applicantApplies(participant, superAdmin, round, person);
      const verifier = await ctx.newPage();
      await signIn(verifier, VERIFIER_EMAIL, DEMO_PASSWORD);
      await verifyMs(verifier, round.agencyId, applicationId);
      const blueprintId = await setUpPaper(admin, panitia, round);
      const sessionId = await setUpSession(admin, round, blueprintId);
      ctx.log(`sesi ${sessionId} siap dengan 1 peserta dan ${QUESTIONS} soal`);

      // 1. The public board of the session, before anyone has finished.
      const board = await ctx.newPage();
      await ctx.visit(board, `/papan-nilai?sesi=${sessionId}`, 'Papan nilai CAT');
      await board.getByRole('status').filter({ hasText: 'Terhubung' }).waitFor();
      await board.getByText('Belum ada nilai.').waitFor();

      // 2. The proctor console: open the session and read the PIN.
      await ctx.visit(admin, `/admin/instansi/${round.agencyId}/cat/sesi/${sessionId}/pengawas`, /Konsol pengawas: Sesi Uji Pagi/);
      await admin.getByRole('link', { name: /Papan nilai langsung sesi ini/ }).waitFor();
      await admin.getByRole('button', { name: 'Buka sesi dan tampilkan PIN' }).click();
      const pin = (await admin.locator('.pin-digits').innerText()).replace(/\s/g, '');
      assert.match(pin, /^\d{6}$/, `PIN tidak tampil: ${pin}`);

      // 3. The participant at the venue: dashboard → exam, a wrong PIN first, then the right one.
      await ctx.visit(participant, '/dasbor', 'Dasbor');
      await participant.getByRole('link', { name: /Ikuti ujian CAT/ }).click();
      await ctx.settle(participant, 'Ujian CAT');
      const wrong = pin === '000000' ? '111111' : '000000';
      await participant.getByLabel('PIN sesi').fill(wrong);
      await participant.getByRole('button', { name: 'Masuk ke sesi' }).click();
      await participant.locator('.field-error').getByText('PIN sesi salah').waitFor();
      await participant.getByLabel('PIN sesi').fill(pin);
      await participant.getByRole('button', { name: 'Masuk ke sesi' }).click();
      await participant.getByText('Menunggu konfirmasi identitas oleh pengawas').waitFor();
      await ctx.checkA11y(participant, '/ujian (menunggu konfirmasi identitas)');

      await admin.getByRole('button', { name: /^Konfirmasi identitas semua yang hadir/ }).click();
      await admin.getByText('Identitas 1 peserta dikonfirmasi.').waitFor();

      // The waiting page moves on by itself once the proctor confirmed.
      await participant.getByRole('button', { name: 'Mulai ujian' }).waitFor({ timeout: 15_000 });
      await participant.getByRole('button', { name: 'Mulai ujian' }).click();
      await participant.waitForURL(/\/ujian\/[0-9a-f-]{36}$/);
      await ctx.settle(participant, 'Ujian CAT');
      const attemptId = /\/ujian\/([0-9a-f-]{36})$/.exec(participant.url())![1]!;
      await participant.getByRole('heading', { level: 2, name: new RegExp(`Soal 1 dari ${QUESTIONS}`) }).waitFor();
      assert.match(await participant.locator('.exam-clock time').innerText(), /^(10:00|09:[0-5]\d)$/, 'hitung mundur tidak mengikuti jam server');

      const pending = participant.locator('.question-grid .is-pending');
      const progress = participant.locator('.exam-progress');
      // Question 1 with the mouse, question 2 with the keyboard (→, then "2"), flagged with F.
      await participant.getByRole('radio').first().check();
      await participant.keyboard.press('ArrowRight');
      await participant.getByRole('heading', { level: 2, name: /Soal 2 dari/ }).waitFor();
      await participant.keyboard.press('2');
      await participant.keyboard.press('f');
      await participant.getByRole('button', { name: '⚑ Ragu-ragu', pressed: true }).waitFor();
      await eventually(async () => (await pending.count()) === 0, 'jawaban online tidak diakui server');
      await progress.getByText('2 dari 5 dijawab · 1 ditandai').waitFor();
      await ctx.checkA11y(participant, '/ujian/:id (dua jawaban tersimpan)');

      // The network is cut: two more answers wait on this device, the banner says so.
      await participant.context().setOffline(true);
      await participant.keyboard.press('ArrowRight');
      await participant.getByRole('heading', { level: 2, name: /Soal 3 dari/ }).waitFor();
      await participant.keyboard.press('a');
      await participant.getByRole('button', { name: /^Soal 4,/ }).click();
      await participant.getByRole('heading', { level: 2, name: /Soal 4 dari/ }).waitFor();
      await participant.getByRole('radio').nth(2).check();
      await participant.getByText('Koneksi terputus — 2 jawaban menunggu dikirim; jawaban Anda tetap tersimpan di perangkat ini.').waitFor();
      assert.equal(await pending.count(), 2, 'grid tidak menandai dua jawaban yang belum terkirim');
      const storage = await participant.context().storageState();
      const stored = storage.origins.flatMap((origin) => origin.localStorage).find((item) => item.name === `rekrutmen-cat:${attemptId}:answers`)?.value;
      assert.equal((JSON.parse(stored ?? '[]') as unknown[]).length, 2, 'antrean jawaban tidak tersimpan di perangkat');
      await ctx.checkA11y(participant, '/ujian/:id (koneksi terputus)');
      ctx.log('dua jawaban menunggu saat offline');

      // Back online: the queue drains and the page says so.
      await participant.context().setOffline(false);
      await participant.getByText('Koneksi tersambung kembali — semua jawaban telah terkirim').waitFor({ timeout: 20_000 });
      assert.equal(await pending.count(), 0, 'antrean tidak terkirim setelah koneksi pulih');

      // A reload (a crashed browser) restores answers and flags from the server.
      await participant.reload();
      await ctx.settle(participant, 'Ujian CAT');
      await progress.getByText('4 dari 5 dijawab · 1 ditandai').waitFor();

      // Finish: the confirmation lists what is unanswered and flagged.
      await participant.getByRole('button', { name: 'Selesai ujian' }).click();
      const dialog = participant.getByRole('dialog', { name: 'Selesaikan ujian?' });
      await dialog.getByText('soal belum dijawab').waitFor();
      assert.match(await dialog.innerText(), /1\s*soal belum dijawab[\s\S]*1\s*soal ditandai ragu-ragu/);
      await ctx.checkA11y(participant, '/ujian/:id (konfirmasi selesai)');
      await dialog.getByRole('button', { name: 'Ya, selesaikan ujian' }).click();
      await ctx.settle(participant, 'Hasil ujian CAT');
      await participant.getByRole('table', { name: 'Nilai per subtes' }).waitFor();
      const resultText = await participant.getByRole('main').innerText();
      const hash = /[0-9a-f]{64}/.exec(resultText)?.[0];
      assert.ok(hash, 'sidik lembar jawaban tidak tampil');
      const registrationNumber = /Nomor pendaftaran (\S+)/.exec(resultText)?.[1];
      assert.ok(registrationNumber, 'nomor pendaftaran tidak tampil');
      const total = (await participant.getByRole('table', { name: 'Nilai per subtes' }).locator('tfoot td').innerText()).trim();
      assert.ok(/Memenuhi nilai ambang batas|Tidak memenuhi nilai ambang batas/.test(resultText), 'hasil lulus/tidak tidak tampil');

      // 4. The board shows the score live, marked new, with the same total.
      const row = board.getByRole('row').filter({ hasText: registrationNumber });
      await row.waitFor({ timeout: 15_000 });
      await row.getByText('Baru').waitFor();
      assert.match(await row.innerText(), new RegExp(`\\b${total}\\b`), 'total di papan nilai berbeda');
      assert.match(await row.innerText(), /Memenuhi|Tidak memenuhi/);
      await ctx.checkA11y(board, '/papan-nilai (nilai baru masuk)');
      // Full screen for the projector, and back.
      await board.getByRole('button', { name: 'Layar penuh (proyektor)' }).click();
      await board.getByRole('button', { name: 'Keluar dari layar penuh', pressed: true }).click();
      await board.getByRole('button', { name: 'Layar penuh (proyektor)', pressed: false }).waitFor();
      ctx.log(`nilai ${total} tampil di papan nilai tanpa muat ulang`);

      // 5. The panel opens the result from the console and corrects it with a reason; the first
      //    result stays beside the correction.
      await ctx.visit(admin, `/admin/instansi/${round.agencyId}/cat/sesi/${sessionId}/pengawas`, /Konsol pengawas: Sesi Uji Pagi/);
      await admin.getByRole('link', { name: `Hasil ${person.name}` }).click();
      await ctx.settle(admin, `Hasil CAT: ${person.name}`);
      await admin.getByText('Hasil ini belum pernah dikoreksi.').waitFor();
      const firstScore = admin.getByRole('textbox', { name: /^Nilai / }).first();
      await firstScore.fill('0');
      await admin.getByRole('textbox', { name: /Alasan koreksi/ }).fill('terlalu singkat');
      await admin.getByRole('button', { name: 'Simpan koreksi' }).click();
      await admin.getByText('Alasan koreksi minimal 20 karakter').first().waitFor();
      await admin.getByRole('textbox', { name: /Alasan koreksi/ }).fill('Soal nomor 1 dibatalkan panitia karena kunci jawaban keliru (berita acara 12).');
      await admin.getByRole('button', { name: 'Simpan koreksi' }).click();
      await admin.getByText(/Nilai dikoreksi: total/).waitFor();
      await admin.getByRole('table', { name: /Hasil asli/ }).waitFor();
      await ctx.checkA11y(admin, '/admin/instansi/:id/cat/hasil/:attemptId (setelah koreksi)');
      ctx.log('koreksi nilai tersimpan; hasil asli tetap tampil');

      // 6. The panel announces the SKD result from the CAT report: the ranked list, with its PDF and
      //    fingerprint in a public announcement; it cannot be announced twice.
      await ctx.visit(admin, `/admin/instansi/${round.agencyId}/seleksi/${round.selectionId}/laporan-cat`, 'Laporan ujian CAT');
      const stageResult = admin.getByRole('region', { name: 'Hasil tahap dan pengumuman' });
      await stageResult.getByRole('table', { name: /^Peringkat / }).getByRole('row').filter({ hasText: registrationNumber }).waitFor();
      await stageResult.getByRole('button', { name: /^Umumkan hasil / }).click();
      await stageResult.getByRole('button', { name: /^Ya, umumkan hasil / }).click();
      const announced = stageResult.getByText(/sudah diumumkan/);
      await announced.waitFor();
      assert.match(await announced.innerText(), /[0-9a-f]{64}/, 'sidik jari daftar hasil tidak tampil');
      assert.equal(await stageResult.getByRole('button', { name: /^Umumkan hasil/ }).count(), 0, 'hasil yang sudah diumumkan tidak dapat diumumkan lagi');
      await ctx.checkA11y(admin, '/admin/instansi/:id/seleksi/:id/laporan-cat (hasil SKD diumumkan)');
      await stageResult.getByRole('link', { name: 'Buka pengumuman' }).click();
      await ctx.settle(admin, /^Hasil /);
      ctx.log('hasil SKD diumumkan dari laporan CAT');
    },
  },
];
