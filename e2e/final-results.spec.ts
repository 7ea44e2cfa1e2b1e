// From SKD to the final announcement, on Sawahlunto's demo rounds (server/seed/results-demo.ts):
// the 2026 round has one formation of 2 posts and 8 candidates whose SKD (announced) and CAT SKB
// were taken on real answer sheets; 6 passed the SKD pass mark and the 3 × 2 cut. Work practice is
// scored by two assessors for all of them but one.
//   1. the two assessors — the agency's assessor on a phone, an outside academic on a desktop —
//      declare no conflict and score the last candidate on the rubric;
//   2. the panel locks the work-practice scores, previews the ranking (the tie between two
//      candidates decided by TKP is named on their lines) and publishes the final result;
//   3. the demo applicant, second in the finished 2025 round, accepts the optimisation offer for a
//      place left empty in another unit before its deadline; anyone (no account) then opens the
//      public verification page of that result letter and sees it confirmed; a forged code is refused.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, logIn, type Journey, type JourneyContext } from './harness.js';

const ADMIN = 'admin@sawahlunto.rekrutmen.local';
const ASSESSORS = [
  { email: 'penguji@sawahlunto.rekrutmen.local', phone: true },
  { email: 'akademisi@sawahlunto.rekrutmen.local', phone: false },
];
const APPLICANT = 'pelamar@rekrutmen.local';
const LAST_CANDIDATE = 'Arif Rahman';
const ROUND_2026 = 'Seleksi CPNS Pemerintah Kota Sawahlunto 2026';
const ROUND_2025 = 'Seleksi CPNS Pemerintah Kota Sawahlunto 2025';

async function scoreLastCandidate(ctx: JourneyContext, email: string, phone: boolean) {
  const page = await ctx.newPage({ phone });
  await logIn(ctx, page, email, DEMO_PASSWORD);
  await page.getByRole('link', { name: /^Peserta yang saya nilai/ }).first().click();
  await ctx.settle(page, 'Penilaian saya');
  await page.getByRole('link', { name: LAST_CANDIDATE }).first().click();
  await ctx.settle(page, LAST_CANDIDATE);
  await page.getByRole('button', { name: 'Saya menyatakan tidak ada konflik kepentingan' }).click();
  await page.getByRole('status').filter({ hasText: 'Pernyataan tersimpan' }).waitFor();
  const criteria = page.getByRole('group').filter({ has: page.getByRole('radio') });
  const count = await criteria.count();
  assert.ok(count >= 3, 'rubrik praktik kerja memiliki beberapa kriteria');
  for (let i = 0; i < count; i += 1) await criteria.nth(i).getByRole('radio', { name: /^4 — Baik/ }).check();
  await page.getByText('Total Anda: 4,00 dari 5,00').waitFor();
  await page.getByRole('button', { name: 'Periksa dan kirim' }).click();
  await page.getByRole('button', { name: 'Kirim nilai' }).click();
  await page.getByRole('status').filter({ hasText: 'Nilai Anda terkirim' }).waitFor();
  await ctx.checkA11y(page, `nilai ${email} terkirim`);
}

async function assessorsScore(ctx: JourneyContext) {
  await Promise.all(ASSESSORS.map((assessor) => scoreLastCandidate(ctx, assessor.email, assessor.phone)));
}

async function openRound(ctx: JourneyContext, page: Page, name: string) {
  await page.getByRole('link', { name: /^Hasil Akhir/ }).first().click();
  await ctx.settle(page, 'Hasil akhir seleksi');
  await page.getByRole('link', { name }).click();
  await ctx.settle(page, `Hasil akhir — ${name}`);
}

async function panelLocksAndPublishes(ctx: JourneyContext) {
  const page = await ctx.newPage();
  await logIn(ctx, page, ADMIN, DEMO_PASSWORD);
  await page.getByRole('link', { name: /^Penilaian Panel/ }).first().click();
  await ctx.settle(page, 'Penilaian panel');
  await page.getByRole('link', { name: 'Buka Praktik kerja' }).click();
  await ctx.settle(page, /Praktik kerja/);
  await page.getByRole('button', { name: /^Kunci nilai/ }).click();
  await page.getByRole('button', { name: 'Ya, kunci nilai' }).click();
  await page.getByRole('status').filter({ hasText: 'dikunci' }).waitFor();

  await openRound(ctx, page, ROUND_2026);
  await page.getByText('6 peserta tahap akhir (6 dapat diberi peringkat), 2 gugur di tahap sebelumnya').waitFor();
  await page.getByRole('link', { name: 'Lihat pratinjau peringkat' }).click();
  await ctx.settle(page, 'Peringkat per formasi');
  const table = page.getByRole('table', { name: /Peringkat per formasi/ });
  const candra = table.getByRole('row').filter({ hasText: 'Candra Wijaya' });
  await candra.getByText('Nilai akhir sama dengan peserta di atasnya; urutan ditentukan oleh nilai TKP.').waitFor();
  await candra.getByText('76.745').waitFor();
  await table.getByRole('row').filter({ hasText: LAST_CANDIDATE }).getByText('Lulus').waitFor();

  await page.getByRole('link', { name: `‹ ${ROUND_2026}` }).click();
  await ctx.settle(page, `Hasil akhir — ${ROUND_2026}`);
  await page.getByRole('button', { name: 'Umumkan hasil akhir' }).click();
  await ctx.checkA11y(page, 'konfirmasi pengumuman hasil akhir');
  await page.getByRole('button', { name: 'Ya, umumkan hasil akhir' }).click();
  await page.getByText('Hasil akhir telah diumumkan; peserta diberi tahu melalui aplikasi dan email.').waitFor();
  const hash = (await page.locator('dd.hash').first().textContent())?.trim() ?? '';
  assert.match(hash, /^[0-9a-f]{64}$/, 'sidik jari daftar hasil tampil');
  await ctx.checkA11y(page, 'hasil akhir diumumkan');
}

async function applicantAcceptsAndPublicVerifies(ctx: JourneyContext) {
  const page = await ctx.newPage({ phone: true });
  await logIn(ctx, page, APPLICANT, DEMO_PASSWORD);
  await ctx.visit(page, '/pelamar/pendaftaran', /Pendaftaran saya/);
  const card = page.getByRole('listitem').filter({ hasText: ROUND_2025 });
  await card.getByRole('link', { name: /^Hasil akhir/ }).click();
  await ctx.settle(page, 'Hasil akhir seleksi');
  const offer = page.getByRole('region', { name: 'Tawaran optimalisasi' });
  await offer.getByText('Menunggu jawaban').waitFor();
  await offer.getByRole('button', { name: 'Terima tawaran' }).click();
  await offer.getByRole('button', { name: 'Ya, terima' }).click();
  await offer.getByText('Diterima', { exact: true }).waitFor();
  await ctx.checkA11y(page, 'tawaran diterima');
  const code = (await page.locator('span.hash').filter({ hasNotText: /^[0-9a-f]{64}$/ }).first().textContent())?.trim() ?? '';
  assert.match(code, /^[A-Za-z0-9_-]{22}$/, 'kode verifikasi surat tampil');

  const visitor = await ctx.newPage({ phone: true });
  await ctx.visit(visitor, `/verifikasi-hasil/${code}`, 'Verifikasi surat hasil seleksi');
  await visitor.getByText('SURAT SAH.').waitFor();
  await visitor.getByRole('heading', { name: 'Pelamar Demo' }).waitFor();
  await visitor.getByText('Lulus (optimalisasi)').waitFor();
  await visitor.getByText('Pranata Komputer Ahli Pertama — Dinas Komunikasi dan Informatika').waitFor();
  const forged = `${code.slice(0, 21)}${code.endsWith('A') ? 'B' : 'A'}`;
  await ctx.visit(visitor, `/verifikasi-hasil/${forged}`, 'Verifikasi surat hasil seleksi');
  await visitor.getByText('SURAT TIDAK SAH.').waitFor();
}

/** The panel finds the 2026 SKD result (who proceeds, and its announcement) on the CAT report; the CAT SKB counts only in the final result. */
async function panelReadsSkdResult(ctx: JourneyContext) {
  const page = await ctx.newPage();
  await logIn(ctx, page, ADMIN, DEMO_PASSWORD);
  const me = (await (await page.request.get('/api/auth/me')).json()) as { account: { roles: Array<{ role: string; agencyId: string | null }> } };
  const agencyId = me.account.roles.find((grant) => grant.role === 'admin_instansi')!.agencyId!;
  await ctx.visit(page, `/admin/instansi/${agencyId}/cat-perencanaan`, /Cetak biru dan laporan CAT/);
  await page.getByRole('link', { name: `Laporan ${ROUND_2026}` }).click();
  await ctx.settle(page, 'Laporan ujian CAT');
  const result = page.getByRole('region', { name: 'Hasil tahap dan pengumuman' });
  await result.getByText(/sudah diumumkan/).waitFor();
  assert.equal(await result.getByRole('button', { name: /^Umumkan hasil/ }).count(), 0, 'hasil yang sudah diumumkan tidak dapat diumumkan lagi');
  const table = result.getByRole('table', { name: /^Peringkat Seleksi Kompetensi Dasar/ });
  assert.equal(await table.locator('tbody tr').count(), 8, 'delapan peserta SKD');
  assert.equal(await table.getByRole('cell', { name: /^Lanjut/ }).count(), 6, 'enam peserta lanjut ke SKB (3 × 2 formasi)');
  await ctx.checkA11y(page, 'hasil SKD di laporan CAT');
  await page.getByRole('combobox', { name: 'Tahap' }).selectOption({ label: 'Seleksi Kompetensi Bidang (SKB) — CAT SKB' });
  await result.getByText(/tidak diumumkan tersendiri/).waitFor();
  await page.getByRole('combobox', { name: 'Tahap' }).selectOption({ index: 0 });
  await result.getByRole('link', { name: 'Buka pengumuman' }).click();
  await ctx.settle(page, /^Hasil SKD/);
}

export const journeys: Journey[] = [
  { name: 'panitia membaca hasil SKD yang sudah diumumkan beserta pengumumannya di laporan CAT', run: panelReadsSkdResult },
  { name: 'dua penguji menilai praktik kerja peserta terakhir', run: assessorsScore },
  { name: 'panitia mengunci nilai, melihat peringkat dengan alasan penentu, dan mengumumkan hasil akhir', run: panelLocksAndPublishes },
  { name: 'peserta menerima tawaran optimalisasi dan suratnya terverifikasi publik', run: applicantAcceptsAndPublicVerifies },
];
