import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithSession, createTestApp, request, type TestContext } from '../../test-support/app.js';
import { auditLog } from '../audit/audit.table.js';
import { correctResult } from '../cat-results/cat-results.service.js';
import { catAnswers, catResults } from '../cat/cat.table.js';
import { notifications, outbox } from '../notifications/notifications.table.js';
import { panelCandidates } from '../panel-scores/panel-scores.table.js';
import { CPNS_PIPELINE } from '../../../core/pipeline.js';
import { verifyRound } from './integrity.service.js';
import { sweepExpiredOffers } from './optimisation.service.js';
import { panelScoresReader } from './panel-source.js';
import { closeFinalObjectionWindow, createFinalRound, publishSkd, scorePraktik, type FinalRound } from './results.fixtures.js';
import { appointedCandidates } from './results.service.js';
import { finalObjections, finalResults, optimisationOffers } from './results.table.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({}, { sweepers: 'manual' });
}, 120_000);
afterAll(() => ctx.close());

const get = (cookie: string | null, url: string) => request(ctx, cookie, { method: 'GET', url });
const post = (cookie: string, url: string, payload: unknown = {}) => request(ctx, cookie, { method: 'POST', url, payload: payload as Record<string, unknown> });
const base = (round: FinalRound) => `/api/agencies/${round.agencyId}/selections/${round.selection.id}/final-result`;
const mine = (id: string) => `/api/applicant/applications/${id}`;
const deps = () => ({ db: ctx.database.db, database: ctx.database, config: ctx.config, panelScores: panelScoresReader });
const reason = 'Nilai yang diumumkan tidak sesuai dengan yang tercatat pada lembar jawaban saya.';

async function publish(round: FinalRound, list: 'akhir' | 'post' = 'akhir') {
  if (list === 'post') {
    await closeFinalObjectionWindow(ctx, round.selection.id);
    const response = await post(round.panel.cookie, `${base(round)}/publish-post-objection`);
    expect(response.statusCode).toBe(200);
    return response.json().result;
  }
  const response = await post(round.panel.cookie, `${base(round)}/publish`);
  expect(response.statusCode).toBe(200);
  return response.json().result;
}

/** Two candidates with the same final score and SKD: the IPK decides (B 3.5 before A 3.2); a third behind. */
async function tiedRound() {
  return createFinalRound(ctx, {
    people: [
      { skd: [100, 120, 200], skb: 80, ipk: 3.2, session: true, name: 'Ani' },
      { skd: [100, 120, 200], skb: 80, ipk: 3.5, session: true, name: 'Budi' },
      { skd: [90, 110, 190], skb: 70, session: true, name: 'Citra' },
    ],
  });
}

describe('objections to the final result', () => {
  it('refuses an objection asking to raise a score that matches the record — 400, nothing filed', async () => {
    const round = await tiedRound();
    await publish(round);
    const ani = round.people[0]!;
    for (const [item, claimedValue] of [
      ['skd', 450],
      ['skb.cat_skb', 100],
    ] as const) {
      const response = await post(ani.cookie, `${mine(ani.application.id)}/final-objection`, { item, claimedValue, reason });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields.claimedValue).toContain('tidak dapat menaikkan nilai');
    }
    expect(await ctx.database.db.select().from(finalObjections).where(eq(finalObjections.applicationId, ani.application.id))).toEqual([]);
  });

  it('lets a candidate object up to the recorded score when the published one differs, never beyond', async () => {
    const round = await tiedRound();
    await publish(round);
    const citra = round.people[2]!;
    // An audited correction (cat-results) raised the SKB record from 70 to 85 after publication.
    await correctResult(ctx.database.db, { agencyId: round.agencyId, attemptId: citra.skbAttemptId!, actorId: round.panel.account.id, scores: { SKB: 85 }, reason: 'Satu soal SKB dianulir; semua peserta diberi nilai benar.' });
    const beyond = await post(citra.cookie, `${mine(citra.application.id)}/final-objection`, { item: 'skb.cat_skb', claimedValue: 90, reason });
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json().error.message).toContain('Nilai yang tercatat pada lembar jawaban/penilaian adalah 85');
    const filed = await post(citra.cookie, `${mine(citra.application.id)}/final-objection`, { item: 'skb.cat_skb', claimedValue: 85, reason });
    expect(filed.statusCode).toBe(201);
    expect(filed.json().result.objection).toMatchObject({ status: 'diajukan', item: 'skb.cat_skb', claimedValue: 85, publishedValue: 70, recordedValue: 85 });
  });

  it('files once, inside the window by the server clock, about one’s own result only', async () => {
    const round = await tiedRound();
    await publish(round);
    const [ani, budi] = round.people;
    const body = { item: 'ipk', claimedValue: 3.8, reason: 'IPK pada ijazah saya 3,80; yang tercatat 3,20 keliru dibaca dari transkrip.' };
    expect((await post(budi!.cookie, `${mine(ani!.application.id)}/final-objection`, body)).statusCode).toBe(404);
    expect((await post(ani!.cookie, `${mine(ani!.application.id)}/final-objection`, { ...body, item: 'wawancara' })).statusCode).toBe(400);
    expect((await post(ani!.cookie, `${mine(ani!.application.id)}/final-objection`, { ...body, reason: 'pendek' })).statusCode).toBe(400);
    expect((await post(ani!.cookie, `${mine(ani!.application.id)}/final-objection`, { ...body, lampiran: 'x.pdf' })).statusCode).toBe(400);
    const first = await post(ani!.cookie, `${mine(ani!.application.id)}/final-objection`, body);
    expect(first.statusCode).toBe(201);
    expect(first.json().result).toMatchObject({ canObject: false, objection: { status: 'diajukan', itemLabel: 'IPK/nilai rata-rata ijazah' } });
    expect((await post(ani!.cookie, `${mine(ani!.application.id)}/final-objection`, body)).statusCode).toBe(409);
    await closeFinalObjectionWindow(ctx, round.selection.id);
    const late = await post(budi!.cookie, `${mine(budi!.application.id)}/final-objection`, { ...body, claimedValue: 3.9 });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/Masa sanggah hasil akhir sudah berakhir pada .* WIB/);
    const audit = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'final_objection.file'), eq(auditLog.actorId, ani!.account.id))).orderBy(auditLog.chain, auditLog.seq);
    expect(audit).toHaveLength(1);
  });

  it('is answered by the panel; an accepted IPK correction changes the order in the post-objection list', async () => {
    const round = await tiedRound();
    await publish(round);
    const [ani, budi] = round.people;
    const first = (await get(ani!.cookie, `${mine(ani!.application.id)}/final-result`)).json().result;
    expect(first.line).toMatchObject({ rank: 2, status: 'tidak_lulus', decidedByAbove: 'ipk' });
    await post(ani!.cookie, `${mine(ani!.application.id)}/final-objection`, { item: 'ipk', claimedValue: 3.8, reason: 'IPK pada ijazah saya 3,80; yang tercatat 3,20 keliru dibaca dari transkrip.' });
    const desk = (await get(round.observer.cookie, `/api/agencies/${round.agencyId}/final-objections?status=diajukan`)).json();
    expect(desk).toMatchObject({ total: 1, items: [{ application: { name: 'Ani' }, publishedValue: 3.2, claimedValue: 3.8 }] });
    const id = desk.items[0].id;
    expect((await get(round.observer.cookie, `/api/agencies/${round.agencyId}/final-objections/${id}`)).json().can).toEqual({ answer: false });
    expect((await post(round.observer.cookie, `/api/agencies/${round.agencyId}/final-objections/${id}/accept`, { answer: 'Ijazah menunjukkan IPK 3,80.' })).statusCode).toBe(403);
    const pending = await post(round.panel.cookie, `${base(round)}/publish-post-objection`);
    await closeFinalObjectionWindow(ctx, round.selection.id);
    const stillPending = await post(round.panel.cookie, `${base(round)}/publish-post-objection`);
    expect([pending.statusCode, stillPending.statusCode]).toEqual([409, 409]);
    expect(stillPending.json().error.message).toContain('1 sanggah hasil akhir yang belum dijawab');
    expect((await post(round.panel.cookie, `/api/agencies/${round.agencyId}/final-objections/${id}/accept`, {})).statusCode).toBe(400);
    const accepted = await post(round.panel.cookie, `/api/agencies/${round.agencyId}/final-objections/${id}/accept`, { answer: 'Ijazah asli menunjukkan IPK 3,80; data dikoreksi.' });
    expect(accepted.json().objection).toMatchObject({ status: 'diterima', answeredBy: 'Ketua Panitia Hasil' });
    expect((await post(round.panel.cookie, `/api/agencies/${round.agencyId}/final-objections/${id}/reject`, { answer: 'Berubah pikiran, ditolak.' })).statusCode).toBe(409);
    const note = await ctx.database.db.select().from(notifications).where(and(eq(notifications.accountId, ani!.account.id), eq(notifications.title, 'Sanggah hasil akhir Anda telah dijawab')));
    expect(note).toHaveLength(1);

    await publish(round, 'post');
    const after = (await get(ani!.cookie, `${mine(ani!.application.id)}/final-result`)).json().result;
    expect(after).toMatchObject({ list: 'akhir_pasca_sanggah', line: { rank: 1, status: 'lulus', decidedByBelow: 'ipk' }, objection: { status: 'diterima' } });
    expect((await get(budi!.cookie, `${mine(budi!.application.id)}/final-result`)).json().result.line).toMatchObject({ rank: 2, status: 'tidak_lulus' });
    expect((await appointedCandidates(ctx.database.db, { agencyId: round.agencyId, selectionId: round.selection.id })).map((a) => a.name)).toEqual(['Ani']);
  });
});

describe('optimisation', () => {
  /** F0 (2 places) has one passer and one absent; F1 (1 place, another unit, same post and education) has three finalists; F2 another education. */
  async function unfilledRound() {
    return createFinalRound(ctx, {
      formations: [{ count: 2 }, { count: 1, unitName: 'Badan Kepegawaian Daerah' }, { count: 1, unitName: 'Dinas Pendidikan', programmes: ['Pendidikan Matematika'] }],
      people: [
        { skd: [100, 120, 200], skb: 80, name: 'Dewi' }, // F0: passes
        { skd: [95, 120, 200], skb: 'absent', name: 'Eko' }, // F0: absent at SKB
        { skd: [100, 120, 200], skb: 90, formasi: 1, name: 'Fajar' }, // F1: passes
        { skd: [95, 115, 200], skb: 85, formasi: 1, session: true, name: 'Gita' }, // F1: 2nd
        { skd: [90, 110, 190], skb: 75, formasi: 1, session: true, name: 'Hadi' }, // F1: 3rd
        { skd: [100, 120, 200], skb: 100, formasi: 2, name: 'Indah' }, // F2: passes
        { skd: [100, 120, 200], skb: 95, formasi: 2, session: true, name: 'Joko' }, // F2: 2nd, better than Gita but another education
      ],
    });
  }

  it('offers the unfilled place to the best candidate of the same post and education, enforces the deadline, moves on after an expiry and a decline', async () => {
    const round = await unfilledRound();
    await publish(round);
    const early = await post(round.panel.cookie, `/api/agencies/${round.agencyId}/selections/${round.selection.id}/optimisation/start`, { offerDays: 2 });
    expect(early.statusCode).toBe(409);
    await publish(round, 'post');
    expect((await post(round.panel.cookie, `/api/agencies/${round.agencyId}/selections/${round.selection.id}/optimisation/start`, { offerDays: 99 })).statusCode).toBe(400);
    const started = await post(round.panel.cookie, `/api/agencies/${round.agencyId}/selections/${round.selection.id}/optimisation/start`, { offerDays: 2 });
    expect(started.statusCode).toBe(200);
    const view = started.json();
    expect(view.places).toEqual([expect.objectContaining({ formasiId: round.formations[0]!.id, count: 2, filled: 1, unfilled: 1, pending: 1 })]);
    expect(view.offers).toEqual([expect.objectContaining({ name: 'Gita', status: 'pending', basis: 'other_unit', rank: 2 })]);
    expect((await post(round.panel.cookie, `/api/agencies/${round.agencyId}/selections/${round.selection.id}/optimisation/start`, { offerDays: 2 })).statusCode).toBe(409);
    const [gita, hadi, joko] = [round.people[3]!, round.people[4]!, round.people[6]!];
    expect((await get(joko.cookie, '/api/applicant/optimisation-offers')).json().items).toEqual([]);
    const offer = (await get(gita.cookie, '/api/applicant/optimisation-offers')).json().items[0];
    expect(offer).toMatchObject({ status: 'pending', basisLabel: expect.stringContaining('unit penempatan lain') });
    expect(await ctx.database.db.select().from(outbox).where(eq(outbox.toAddress, gita.account.email))).toHaveLength(3);
    expect((await post(hadi.cookie, `/api/applicant/optimisation-offers/${offer.id}/accept`)).statusCode).toBe(404);

    // The deadline passes (server clock): a late acceptance is refused and changes nothing.
    await ctx.database.db.update(optimisationOffers).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(optimisationOffers.id, offer.id));
    const late = await post(gita.cookie, `/api/applicant/optimisation-offers/${offer.id}/accept`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('Batas waktu tawaran optimalisasi sudah lewat');
    expect((await ctx.database.db.select().from(optimisationOffers).where(eq(optimisationOffers.id, offer.id)))[0]!.status).toBe('pending');
    expect(await sweepExpiredOffers(deps())).toBe(1);
    const next = (await get(round.panel.cookie, `/api/agencies/${round.agencyId}/selections/${round.selection.id}/optimisation`)).json();
    expect(next.offers.map((o: { name: string; status: string }) => [o.name, o.status])).toEqual([
      ['Gita', 'expired'],
      ['Hadi', 'pending'],
    ]);
    const hadiOffer = (await get(hadi.cookie, '/api/applicant/optimisation-offers')).json().items[0];
    const accepted = await post(hadi.cookie, `/api/applicant/optimisation-offers/${hadiOffer.id}/accept`);
    expect(accepted.json().items[0]).toMatchObject({ status: 'accepted' });
    expect((await post(hadi.cookie, `/api/applicant/optimisation-offers/${hadiOffer.id}/decline`)).statusCode).toBe(409);
    const appointed = await appointedCandidates(ctx.database.db, { agencyId: round.agencyId, selectionId: round.selection.id });
    expect(appointed.filter((a) => a.status === 'lulus_optimalisasi')).toEqual([expect.objectContaining({ name: 'Hadi', formasiId: round.formations[0]!.id, unitName: 'Dinas Komunikasi dan Informatika', rank: 3 })]);
    expect(appointed.map((a) => a.name).sort()).toEqual(['Dewi', 'Fajar', 'Hadi', 'Indah']);
    const audit = await ctx.database.db.select({ action: auditLog.action }).from(auditLog).where(sql`${auditLog.action} like 'optimisation.%'`).orderBy(auditLog.chain, auditLog.seq);
    expect(audit.map((a) => a.action)).toEqual(['optimisation.start', 'optimisation.offer.make', 'optimisation.offer.expire', 'optimisation.offer.make', 'optimisation.offer.accept']);
  });

  it('sends the next offer at once when a candidate declines', async () => {
    const round = await unfilledRound();
    await publish(round);
    await publish(round, 'post');
    await post(round.panel.cookie, `/api/agencies/${round.agencyId}/selections/${round.selection.id}/optimisation/start`, {});
    const gita = round.people[3]!;
    const offer = (await get(gita.cookie, '/api/applicant/optimisation-offers')).json().items[0];
    expect((await post(gita.cookie, `/api/applicant/optimisation-offers/${offer.id}/decline`)).json().items[0]).toMatchObject({ status: 'declined' });
    expect((await get(round.people[4]!.cookie, '/api/applicant/optimisation-offers')).json().items).toEqual([expect.objectContaining({ status: 'pending' })]);
  });
});

describe('proof of integrity', () => {
  it('recomputes every published list from the raw answer sheets and finds it equal', async () => {
    const round = await tiedRound();
    await publish(round);
    await publish(round, 'post');
    const report = (await get(round.observer.cookie, `${base(round)}/verification`)).json().report;
    expect(report.ok).toBe(true);
    expect(report.lists.map((l: { list: string; ok: boolean; lines: number; differences: unknown[] }) => [l.list, l.ok, l.lines, l.differences])).toEqual([
      ['akhir', true, 3, []],
      ['akhir_pasca_sanggah', true, 3, []],
    ]);
    expect(report.lists[0].recomputedHash).toBe(report.lists[0].announcedHash);
  });

  it('names the line whose answer sheet was changed after publication', async () => {
    const round = await tiedRound();
    await publish(round);
    const citra = round.people[2]!;
    // One correct SKB answer turned wrong straight in the database: 70 → 65.
    const [answer] = await ctx.database.db.select().from(catAnswers).where(and(eq(catAnswers.attemptId, citra.skbAttemptId!), eq(catAnswers.optionId, 'a'))).limit(1);
    await ctx.database.db.update(catAnswers).set({ optionId: 'b' }).where(and(eq(catAnswers.attemptId, answer!.attemptId), eq(catAnswers.questionId, answer!.questionId)));
    const report = await verifyRound(deps(), { agencyId: round.agencyId, selectionId: round.selection.id });
    expect(report.ok).toBe(false);
    expect(report.lists[0]!.differences).toEqual([
      expect.objectContaining({ registrationNumber: citra.application.registrationNumber, field: 'nilai akhir', published: '70.364', recomputed: '67.364' }),
      expect.objectContaining({ registrationNumber: citra.application.registrationNumber, field: 'nilai skb.cat_skb', published: '70', recomputed: '65' }),
    ]);
  });

  it('catches a score raised in the stored results before publication: the sheet says otherwise', async () => {
    const round = await tiedRound();
    // Written straight in the database past the correction trigger, leaving no original behind.
    await ctx.database.db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE cat_results DISABLE TRIGGER cat_results_corrected_only`);
      await tx.update(catResults).set({ total: 95, scores: { SKB: 95 } }).where(eq(catResults.attemptId, round.people[2]!.skbAttemptId!));
      await tx.execute(sql`ALTER TABLE cat_results ENABLE TRIGGER cat_results_corrected_only`);
    });
    await publish(round);
    const report = await verifyRound(deps(), { agencyId: round.agencyId, selectionId: round.selection.id });
    const fields = report.lists[0]!.differences.map((d) => [d.name, d.field, d.published, d.recomputed]);
    expect(fields).toContainEqual(['Citra', 'nilai skb.cat_skb', '95', '70']);
    expect(fields).toContainEqual(['Citra', 'peringkat', '1', '3']);
  });

  it('recomputes a locked panel score from the assessors’ own scores: one changed in the database before publication is named, an audited correction is kept', async () => {
    const round = await createFinalRound(ctx, {
      pipeline: [...CPNS_PIPELINE],
      people: [
        { skd: [100, 120, 200], skb: 80, name: 'Ani' },
        { skd: [90, 110, 190], skb: 70, name: 'Budi' },
        { skd: [80, 100, 180], skb: 90, name: 'Citra' },
      ],
    });
    await publishSkd(ctx, round);
    const { componentId } = await scorePraktik(ctx, round, { 0: 4, 1: 5, 2: 3 });
    // Budi's score corrected on the record (audited, original kept); Citra's raised past the lock trigger, leaving no trace.
    const corrected = await post(round.panel.cookie, `/api/agencies/${round.agencyId}/panel-components/${componentId}/candidates/${round.people[1]!.application.id}/correction`, {
      score: 4.5,
      reason: 'Berita acara pleno: satu kriteria salah salin dari lembar penguji.',
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    await ctx.database.db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE panel_candidates DISABLE TRIGGER panel_candidates_locked_immutable`);
      await tx.update(panelCandidates).set({ score: '5.00' }).where(and(eq(panelCandidates.componentId, componentId), eq(panelCandidates.applicationId, round.people[2]!.application.id)));
      await tx.execute(sql`ALTER TABLE panel_candidates ENABLE TRIGGER panel_candidates_locked_immutable`);
    });
    await publish(round);
    const report = await verifyRound(deps(), { agencyId: round.agencyId, selectionId: round.selection.id });
    expect(report.ok).toBe(false);
    const fields = report.lists[0]!.differences.map((d) => [d.name, d.field, d.published, d.recomputed]);
    expect(fields).toContainEqual(['Citra', 'nilai skb.praktik_kerja', '5', '3']);
    // The tampered score moved Ani and Budi down the published list; Budi's corrected score itself is not a difference.
    expect(fields.filter(([name, field]) => name !== 'Citra' && String(field).startsWith('nilai'))).toEqual([]);
    expect(fields).toContainEqual(['Ani', 'status', 'tidak_lulus', 'lulus']);
    expect(report.lists[0]!.notes).toContainEqual(expect.stringContaining(`Nilai panel skb.praktik_kerja peserta ${round.people[1]!.application.registrationNumber} telah dikoreksi setelah dikunci`));
  });

  it('keeps an audited CAT correction (not a tampering) and says so in the report', async () => {
    const round = await tiedRound();
    const citra = round.people[2]!;
    await correctResult(ctx.database.db, { agencyId: round.agencyId, attemptId: citra.skbAttemptId!, actorId: round.panel.account.id, scores: { SKB: 85 }, reason: 'Satu soal SKB dianulir; semua peserta diberi nilai benar.' });
    await publish(round);
    const report = await verifyRound(deps(), { agencyId: round.agencyId, selectionId: round.selection.id });
    expect(report.ok).toBe(true);
    expect(report.lists[0]!.notes).toEqual([expect.stringContaining(`peserta ${citra.application.registrationNumber} telah dikoreksi melalui koreksi yang tercatat di jejak audit`)]);
  });

  it('names a published line changed straight in the database, and the stored list no longer matches the announced hash', async () => {
    const round = await tiedRound();
    await publish(round);
    const citra = round.people[2]!;
    await ctx.database.db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE final_results DISABLE TRIGGER final_results_immutable`);
      await tx.update(finalResults).set({ status: 'lulus', rank: 1 }).where(eq(finalResults.applicationId, citra.application.id));
      await tx.execute(sql`ALTER TABLE final_results ENABLE TRIGGER final_results_immutable`);
    });
    const report = (await get(round.panel.cookie, `${base(round)}/verification`)).json().report;
    const list = report.lists[0];
    expect(list.ok).toBe(false);
    expect(list.storedHash).not.toBe(list.announcedHash);
    expect(list.recomputedHash).toBe(list.announcedHash);
    expect(list.notes[0]).toContain('tidak sama dengan daftar yang diumumkan');
    expect(list.differences).toEqual([
      expect.objectContaining({ name: 'Citra', field: 'peringkat', published: '1', recomputed: '3' }),
      expect.objectContaining({ name: 'Citra', field: 'status', published: 'lulus', recomputed: 'tidak_lulus' }),
    ]);
  });
});

describe('result letters and their public check', () => {
  it('gives each candidate a letter whose QR code leads to the public check; a forged code is refused', async () => {
    const round = await tiedRound();
    const budi = round.people[1]!;
    expect((await get(budi.cookie, `${mine(budi.application.id)}/final-result/letter`)).statusCode).toBe(409);
    await publish(round);
    const letter = await get(budi.cookie, `${mine(budi.application.id)}/final-result/letter`);
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(letter.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await get(round.people[0]!.cookie, `${mine(budi.application.id)}/final-result/letter`)).statusCode).toBe(404);
    const [line] = await ctx.database.db.select().from(finalResults).where(eq(finalResults.applicationId, budi.application.id));
    const check = await get(null, `/api/public/final-results/${line!.letterCode}`);
    expect(check.statusCode).toBe(200);
    expect(check.json().check).toMatchObject({ valid: true, current: true, name: 'Budi', rank: 1, status: 'lulus', statusLabel: 'Lulus', finalScore: '78.545', list: 'akhir' });
    const forged = await get(null, `/api/public/final-results/${randomBytes(16).toString('base64url')}`);
    expect(forged.statusCode).toBe(404);
    expect(forged.json().error.message).toContain('tidak pernah diterbitkan');
    expect((await get(null, '/api/public/final-results/bukan-kode')).statusCode).toBe(400);
    // A code altered in one character (a QR edited to point elsewhere) is refused too, and the real one still checks.
    const code = line!.letterCode;
    const altered = `${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`;
    const edited = await get(null, `/api/public/final-results/${altered}`);
    expect(edited.statusCode).toBe(404);
    expect(edited.json().error.message).toContain('tidak pernah diterbitkan');
    expect((await get(null, `/api/public/final-results/${code}`)).json().check).toMatchObject({ valid: true, name: 'Budi', status: 'lulus' });
    expect(await ctx.database.db.select().from(finalResults).where(eq(finalResults.applicationId, budi.application.id))).toEqual([line]);

    await publish(round, 'post');
    expect((await get(null, `/api/public/final-results/${line!.letterCode}`)).json().check.current).toBe(false);
  });

  it('shows the applicant nothing before publication, then the line, the weights and what may be objected to', async () => {
    const round = await tiedRound();
    const ani = round.people[0]!;
    expect((await get(ani.cookie, `${mine(ani.application.id)}/final-result`)).json().result).toMatchObject({ published: false, line: null });
    const staff = await accountWithSession(ctx, { roles: [{ role: 'panitia', agencyId: round.agencyId }] });
    expect((await get(staff.cookie, `${mine(ani.application.id)}/final-result`)).statusCode).toBe(403);
    await publish(round);
    const result = (await get(ani.cookie, `${mine(ani.application.id)}/final-result`)).json().result;
    expect(result).toMatchObject({ published: true, list: 'akhir', canObject: true, letterAvailable: true, weights: [{ key: 'skd', weight: 40 }, { key: 'skb', weight: 60 }] });
    expect(result.items.map((i: { key: string; published: unknown }) => [i.key, i.published])).toEqual([
      ['skd', 420],
      ['skb.cat_skb', 80],
      ['ipk', 3.2],
      ['birthDate', '1998-03-14'],
    ]);
  });
});
