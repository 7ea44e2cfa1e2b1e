// Panel scoring on the demo JPT round of Kota Manna (server/seed/panel-demo.ts):
//   1. the demo assessor, on a phone, opens their candidates, declares no conflict of interest for
//      one of them, scores the interview on the rubric, and only then sees the other assessor's
//      scores;
//   2. the panel (the Kota Manna admin) sees that candidate flagged for the spread between the two
//      assessors, confirms the flagged spread on the written paper with a reason, and locks it.
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, KOTA_MANNA_ADMIN_EMAIL, logIn, type Journey, type JourneyContext } from './harness.js';

const ASSESSOR_EMAIL = 'penguji@kota-manna.rekrutmen.local';
const CANDIDATE = 'Dr. Hendra Saputra, M.Pd.';
const FLAGGED_PAPER = 'Dra. Yuliana Kartika, M.Si.';

async function assessorScores(ctx: JourneyContext) {
  const page = await ctx.newPage({ phone: true });
  await logIn(ctx, page, ASSESSOR_EMAIL, DEMO_PASSWORD);
  await page.getByRole('link', { name: /Peserta yang saya nilai/ }).click();
  await ctx.settle(page, 'Penilaian saya');
  await page.getByRole('link', { name: CANDIDATE }).first().click();
  await ctx.settle(page, CANDIDATE);
  // Before the declaration there is no rubric form, and nothing of the other assessor.
  assert.equal(await page.getByRole('radio').count(), 0);
  await page.getByText('Nilai penguji lain untuk peserta ini tampil setelah Anda mengirim nilai Anda sendiri.').waitFor();
  await page.getByRole('button', { name: 'Saya menyatakan tidak ada konflik kepentingan' }).click();
  await page.getByRole('status').filter({ hasText: 'Pernyataan tersimpan' }).waitFor();
  const criteria = page.getByRole('group').filter({ has: page.getByRole('radio') });
  const count = await criteria.count();
  assert.equal(count, 4, 'rubrik wawancara memiliki empat kriteria');
  for (let i = 0; i < count; i += 1) await criteria.nth(i).getByRole('radio', { name: /^2 — Kurang/ }).check();
  await page.getByText('Total Anda: 2,00 dari 5,00').waitFor();
  await ctx.checkA11y(page, 'formulir rubrik terisi');
  await page.getByRole('button', { name: 'Periksa dan kirim' }).click();
  await page.getByRole('button', { name: 'Kirim nilai' }).click();
  await page.getByRole('status').filter({ hasText: 'Nilai Anda terkirim' }).waitFor();
  const others = page.getByRole('table', { name: 'Nilai penguji lain' });
  await others.getByRole('row', { name: /Ahmad Fauzi/ }).getByText('4,20').waitFor();
  await ctx.checkA11y(page, 'nilai terkirim, nilai penguji lain tampil');
}

async function panelModeratesAndLocks(ctx: JourneyContext) {
  const page = await ctx.newPage();
  await logIn(ctx, page, KOTA_MANNA_ADMIN_EMAIL, DEMO_PASSWORD);
  await page.getByRole('link', { name: 'Penilaian Panel' }).first().click();
  await ctx.settle(page, 'Penilaian panel');
  await page.getByRole('link', { name: 'Buka Wawancara' }).click();
  await ctx.settle(page, /Wawancara/);
  const row = page.getByRole('row').filter({ hasText: CANDIDATE });
  await row.getByText('Perlu moderasi (selisih nilai)').waitFor();
  await row.getByText('di atas batas — perlu moderasi').waitFor();
  assert.ok((await row.getByText('2,20').count()) > 0, 'selisih 2,20 tampil');

  await page.getByRole('link', { name: '‹ Penilaian panel' }).click();
  await ctx.settle(page, 'Penilaian panel');
  await page.getByRole('link', { name: 'Buka Penulisan dan Presentasi Makalah' }).click();
  await ctx.settle(page, /Makalah/);
  await page.getByRole('button', { name: `Konfirmasi nilai ${FLAGGED_PAPER}` }).click();
  const form = page.getByRole('region', { name: /Konfirmasi nilai meski selisihnya di atas batas/ });
  await form.getByLabel('Alasan').fill('Kedua penguji menilai aspek berbeda; dibahas dalam rapat panitia dan nilai dipertahankan.');
  await ctx.checkA11y(page, 'formulir moderasi');
  await form.getByRole('button', { name: 'Simpan' }).click();
  await page.getByRole('status').filter({ hasText: 'tersimpan untuk' }).waitFor();
  await page.getByRole('table', { name: 'Setiap moderasi dengan alasannya' }).getByText('Nilai dikonfirmasi').waitFor();
  await page.getByRole('button', { name: /^Kunci nilai/ }).click();
  await page.getByRole('button', { name: 'Ya, kunci nilai' }).click();
  await page.getByRole('status').filter({ hasText: 'dikunci' }).waitFor();
  await page.getByText('Nilai hanya dapat diubah melalui koreksi beralasan yang menyimpan nilai aslinya.').waitFor();
  await ctx.checkA11y(page, 'komponen dikunci');
  assert.equal(await page.getByRole('button', { name: /Konfirmasi nilai|Tandai .* tidak hadir/ }).count(), 0, 'tidak ada tindakan setelah dikunci');

  // After locking a score changes only by a correction with a reason; the original stays beside it.
  const correction = page.getByRole('region', { name: 'Koreksi nilai setelah dikunci' });
  const candidate = correction.getByLabel('Peserta', { exact: true });
  await candidate.selectOption((await candidate.locator('option', { hasText: FLAGGED_PAPER }).getAttribute('value'))!);
  await correction.getByText('Belum pernah dikoreksi.').waitFor();
  await correction.getByLabel(/Nilai koreksi/).fill('3,33');
  await correction.getByLabel(/Alasan koreksi/).fill('Berita acara rapat panitia: satu kriteria salah salin dari lembar penilaian penguji.');
  await ctx.checkA11y(page, 'formulir koreksi nilai');
  await correction.getByRole('button', { name: 'Simpan koreksi' }).click();
  await correction.getByRole('status').filter({ hasText: 'Nilai dikoreksi menjadi 3,33' }).waitFor();
  await correction.getByRole('table', { name: 'Riwayat koreksi nilai peserta ini' }).getByText('salah salin').waitFor();
}

export const journeys: Journey[] = [
  { name: 'penguji menyatakan bebas konflik dan menilai pada rubrik', run: assessorScores },
  { name: 'panitia melihat selisih, memoderasi dan mengunci nilai', run: panelModeratesAndLocks },
];
