import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../core/canonical.js';
import { ABSENT, diplomaLevels, PENDING, rankingIpk, SCORED, type CatColumns, type Diploma } from '../../../core/final-ranking.js';
import { CPNS_PIPELINE, type PipelineStage } from '../../../core/pipeline.js';
import { seededRandom } from '../../../core/seeded-random.js';
import { selectRows } from '../../db/client.js';
import { accountWithSession, createAgencyRow, request, type TestContext } from '../../test-support/app.js';
import { createTestApp } from '../../test-support/app.js';
import { announcementFiles, announcements } from '../announcements/announcements.table.js';
import { auditLog } from '../audit/audit.table.js';
import { notifications, outbox } from '../notifications/notifications.table.js';
import { stageResults } from '../sanggah/sanggah.table.js';
import { selections } from '../selections/selections.table.js';
import { closeFinalObjectionWindow, createFinalRound, publishSkd, scorePraktik, type FinalRound } from './results.fixtures.js';
import { appointedCandidates } from './results.service.js';
import { interner, loadCandidatesWithCat, numberIn, textMemo } from './results.repo.js';
import { finalResults, resultDisqualifications } from './results.table.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
}, 120_000);
afterAll(() => ctx.close());

const get = (cookie: string, url: string) => request(ctx, cookie, { method: 'GET', url });
const post = (cookie: string, url: string, payload: unknown = {}) => request(ctx, cookie, { method: 'POST', url, payload: payload as Record<string, unknown> });
const base = (round: FinalRound, agencyId = round.agencyId) => `/api/agencies/${agencyId}/selections/${round.selection.id}/final-result`;
const stagesOf = (selectionId: string) => ctx.database.db.select().from(stageResults).where(eq(stageResults.selectionId, selectionId));

/** Two formations of the same position and education: F0 with 2 places, F1 with 1. */
async function twoFormationRound() {
  return createFinalRound(ctx, {
    formations: [{ count: 2 }, { count: 1, unitName: 'Badan Perencanaan Pembangunan Daerah' }],
    people: [
      { skd: [100, 120, 200], skb: 80, session: true }, // F0: 420 → 30.545 + 48 = 78.545
      { skd: [90, 110, 190], skb: 70 }, // F0: 390 → 70.364
      { skd: [80, 100, 180], skb: 90, session: true }, // F0: 360 → 80.182
      { skd: [60, 150, 220], skb: 100 }, // F0: TWK under 65 → out at SKD
      { skd: 'absent', formasi: 1 }, // F1: absent at SKD
      { skd: [100, 100, 200], skb: 'absent', formasi: 1, session: true }, // F1: absent at SKB
    ],
  });
}

describe('preview and publication of the final list', () => {
  it('ranks the finalists per formation by 40% SKD + 60% SKB with statuses, for the panel and the observer', async () => {
    const round = await twoFormationRound();
    for (const cookie of [round.panel.cookie, round.observer.cookie]) {
      const page = (await get(cookie, `${base(round)}/ranking`)).json();
      expect(page.issues).toEqual([]);
      expect(page.items.map((i: { name: string; rank: number | null; status: string; finalScore: string | null }) => [i.name, i.rank, i.status, i.finalScore])).toEqual(
        round.formations[0]!.id < round.formations[1]!.id
          ? [
              ['Peserta 3', 1, 'lulus', '80.182'],
              ['Peserta 1', 2, 'lulus', '78.545'],
              ['Peserta 2', 3, 'tidak_lulus', '70.364'],
              ['Peserta 6', null, 'tidak_hadir', null],
            ]
          : [
              ['Peserta 6', null, 'tidak_hadir', null],
              ['Peserta 3', 1, 'lulus', '80.182'],
              ['Peserta 1', 2, 'lulus', '78.545'],
              ['Peserta 2', 3, 'tidak_lulus', '70.364'],
            ],
      );
    }
    const overview = (await get(round.panel.cookie, base(round))).json().result;
    expect(overview).toMatchObject({ preview: { finalists: 4, ranked: 4, eliminated: 2 }, can: { publish: { allowed: true } }, stages: [{ key: 'skd', weight: 40 }, { key: 'skb', weight: 60 }] });
  });

  it('publishes once: PDF announcement, SHA-256 over the canonical list, lines with letter codes, notifications, audit', async () => {
    const round = await twoFormationRound();
    const response = await post(round.panel.cookie, `${base(round)}/publish`, { note: 'Diumumkan oleh Panitia Seleksi Daerah.' });
    expect(response.statusCode).toBe(200);
    const published = response.json().result.akhir;
    expect(published).toMatchObject({ counts: { candidates: 4, lulus: 2, tidak_lulus: 1, tidak_hadir: 1, diskualifikasi: 0 }, publishedBy: 'Ketua Panitia Hasil' });
    expect(new Date(published.objectionClosesAt).getTime() - Date.now()).toBeGreaterThan(2 * 86_400_000);

    const page = (await get(round.observer.cookie, `${base(round)}/ranking?list=akhir`)).json();
    expect(page.resultHash).toBe(published.resultHash);
    const entries = page.items
      .map((i: { formasi: string; rank: number | null; registrationNumber: string; name: string; scores: Record<string, string | null>; finalScore: string | null; status: string; decidedByAbove: string | null; decidedByBelow: string | null }) => ({
        formasi: i.formasi,
        rank: i.rank,
        registrationNumber: i.registrationNumber,
        name: i.name,
        scores: i.scores,
        finalScore: i.finalScore,
        status: i.status,
        decidedBy: i.decidedByAbove ?? i.decidedByBelow,
      }));
    expect(createHash('sha256').update(canonicalJson(entries)).digest('hex')).toBe(published.resultHash);

    const [announcement] = await ctx.database.db.select().from(announcements).where(eq(announcements.id, published.announcementId));
    expect(announcement).toMatchObject({ kind: 'hasil_akhir', status: 'published' });
    expect(announcement!.body).toContain(published.resultHash);
    expect(await ctx.database.db.select().from(announcementFiles).where(eq(announcementFiles.announcementId, announcement!.id))).toHaveLength(1);
    const lines = await ctx.database.db.select().from(finalResults).where(eq(finalResults.selectionId, round.selection.id));
    expect(lines).toHaveLength(4);
    expect(new Set(lines.map((l) => l.letterCode)).size).toBe(4);
    for (const person of round.people.slice(0, 3)) {
      const notes = await ctx.database.db.select().from(notifications).where(and(eq(notifications.accountId, person.account.id), eq(notifications.title, 'Hasil akhir seleksi diumumkan')));
      expect(notes).toHaveLength(1);
      expect(await ctx.database.db.select().from(outbox).where(eq(outbox.toAddress, person.account.email))).toHaveLength(1);
    }
    const audit = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.targetId, round.selection.id), eq(auditLog.action, 'result.akhir.publish'))).orderBy(auditLog.chain, auditLog.seq);
    expect(audit).toHaveLength(1);

    const again = await post(round.panel.cookie, `${base(round)}/publish`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('sudah diumumkan');
    expect(await ctx.database.db.select().from(finalResults).where(eq(finalResults.selectionId, round.selection.id))).toHaveLength(4);
  });

  it('refuses to publish while the weights do not sum to 100, naming the problem — 409, nothing published', async () => {
    const round = await twoFormationRound();
    const broken: PipelineStage[] = CPNS_PIPELINE.map((s) => (s.key === 'skd' ? { ...s, weight: 30 } : s.key === 'skb' ? { ...s, components: [{ key: 'cat_skb', name: 'CAT SKB', kind: 'cat', weight: 100 }] } : s));
    await ctx.database.db.update(selections).set({ pipeline: broken }).where(eq(selections.id, round.selection.id));
    const response = await post(round.panel.cookie, `${base(round)}/publish`);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain('Jumlah bobot tahap yang dinilai (CAT dan panel) harus 100; saat ini 90');
    expect(await stagesOf(round.selection.id)).toEqual([]);
    expect(await ctx.database.db.select().from(announcements).where(eq(announcements.selectionId, round.selection.id))).toEqual([]);
  });

  it('refuses to publish while a finalist has no SKB score yet — 409', async () => {
    const round = await createFinalRound(ctx, { people: [{ skd: [100, 120, 200], skb: 80 }, { skd: [90, 110, 190] }] });
    const response = await post(round.panel.cookie, `${base(round)}/publish`);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain('1 peserta belum memiliki semua nilai yang diintegrasikan');
    expect(await stagesOf(round.selection.id)).toEqual([]);
    // The preview counts as ranked only the lines that would be printed: not the finalist still waiting for a score.
    const overview = (await get(round.panel.cookie, base(round))).json().result;
    expect(overview.preview).toMatchObject({ finalists: 2, ranked: 1 });
    expect(overview.can.publish.allowed).toBe(false);
  });

  it('refuses a verifier, an observer publishing, another agency and bad input — 400/403/404, nothing changed', async () => {
    const round = await twoFormationRound();
    const verifier = await accountWithSession(ctx, { roles: [{ role: 'verifikator', agencyId: round.agencyId }] });
    expect((await get(verifier.cookie, base(round))).statusCode).toBe(403);
    expect((await post(round.observer.cookie, `${base(round)}/publish`)).statusCode).toBe(403);
    const other = (await createAgencyRow(ctx)).id;
    const otherPanel = await accountWithSession(ctx, { roles: [{ role: 'panitia', agencyId: other }] });
    expect((await post(otherPanel.cookie, `${base(round)}/publish`)).statusCode).toBe(403);
    expect((await post(otherPanel.cookie, `${base(round, other)}/publish`)).statusCode).toBe(404);
    expect((await get(otherPanel.cookie, `${base(round, other)}/ranking`)).statusCode).toBe(404);
    expect((await post(round.panel.cookie, `${base(round)}/publish`, { note: 'x'.repeat(2001) })).statusCode).toBe(400);
    expect((await post(round.panel.cookie, `${base(round)}/publish`, { judul: 'lain' })).statusCode).toBe(400);
    expect((await get(round.panel.cookie, `${base(round)}/ranking?list=semua`)).statusCode).toBe(400);
    expect((await get(round.panel.cookie, `${base(round)}/ranking?pageSize=5000`)).statusCode).toBe(400);
    expect((await get(round.panel.cookie, `/api/agencies/${round.agencyId}/selections/bukan-uuid/final-result`)).statusCode).toBe(400);
    expect(await stagesOf(round.selection.id)).toEqual([]);
  });
});

describe('integration with the panel scores (CPNS preset: SKB = 60% CAT SKB + 40% work practice)', () => {
  it('waits for the panel to lock, then integrates the locked component scores; absent at work practice is tidak_hadir', async () => {
    const round = await createFinalRound(ctx, {
      pipeline: [...CPNS_PIPELINE],
      people: [
        { skd: [100, 120, 200], skb: 80 },
        { skd: [90, 110, 190], skb: 70 },
        { skd: [80, 100, 180], skb: 90 },
      ],
    });
    await publishSkd(ctx, round);
    const { componentId } = await scorePraktik(ctx, round, { 0: 4, 1: 5, 2: 'absent' }, { lock: false });
    const waiting = await post(round.panel.cookie, `${base(round)}/publish`);
    expect(waiting.statusCode).toBe(409);
    expect(waiting.json().error.message).toContain('Nilai panel Seleksi Kompetensi Bidang (SKB) — Praktik kerja belum dikunci.');
    await post(round.panel.cookie, `/api/agencies/${round.agencyId}/panel-components/${componentId}/lock`);
    const page = (await get(round.panel.cookie, `${base(round)}/ranking`)).json();
    expect(page.issues).toEqual([]);
    expect(page.leaves.map((l: { key: string; max: number }) => [l.key, l.max])).toEqual([
      ['skd', 550],
      ['skb.cat_skb', 100],
      ['skb.praktik_kerja', 5],
    ]);
    // 420 → 30.545; SKB 0.6 × 80 + 0.4 × 80 = 80 → 48: 78.545. 390 → 28.364; SKB 0.6 × 70 + 0.4 × 100 = 82 → 49.2: 77.564.
    expect(page.items.map((i: { name: string; rank: number | null; status: string; finalScore: string | null; scores: Record<string, string | null> }) => [i.name, i.rank, i.status, i.finalScore, i.scores['skb.praktik_kerja']])).toEqual([
      ['Peserta 1', 1, 'lulus', '78.545', '4'],
      ['Peserta 2', 2, 'tidak_lulus', '77.564', '5'],
      ['Peserta 3', null, 'tidak_hadir', null, null],
    ]);
    expect((await post(round.panel.cookie, `${base(round)}/publish`)).statusCode).toBe(200);
  });
});

describe('disqualification', () => {
  it('removes a finalist from the places with the reason, audited; the next one passes', async () => {
    const round = await twoFormationRound();
    const best = round.people[2]!;
    const response = await post(round.panel.cookie, `${base(round)}/disqualifications`, { applicationId: best.application.id, reason: 'Terbukti memakai joki pada ujian SKB.' });
    expect(response.statusCode).toBe(201);
    expect(response.json().items).toMatchObject([{ applicationId: best.application.id, reason: 'Terbukti memakai joki pada ujian SKB.' }]);
    const page = (await get(round.panel.cookie, `${base(round)}/ranking?formasiId=${round.formations[0]!.id}`)).json();
    expect(page.items.map((i: { name: string; status: string }) => [i.name, i.status])).toEqual([
      ['Peserta 1', 'lulus'],
      ['Peserta 2', 'lulus'],
      ['Peserta 3', 'diskualifikasi'],
    ]);
    expect((await post(round.panel.cookie, `${base(round)}/disqualifications`, { applicationId: best.application.id, reason: 'Alasan kedua yang cukup panjang.' })).statusCode).toBe(409);
    expect((await post(round.panel.cookie, `${base(round)}/disqualifications`, { applicationId: best.application.id, reason: 'pendek' })).statusCode).toBe(400);
    expect((await post(round.observer.cookie, `${base(round)}/disqualifications`, { applicationId: round.people[0]!.application.id, reason: 'Pengawas tidak berwenang.' })).statusCode).toBe(403);
    const undo = await post(round.panel.cookie, `${base(round)}/disqualifications/${best.application.id}/undo`, { reason: 'Putusan banding membatalkan temuan.' });
    expect(undo.json().items).toEqual([]);
    const audit = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, best.application.id)).orderBy(auditLog.seq);
    expect(audit.map((a) => a.action)).toEqual(['result.disqualify', 'result.disqualify.undo']);
    expect(await ctx.database.db.select().from(resultDisqualifications).where(eq(resultDisqualifications.selectionId, round.selection.id))).toEqual([]);
  });
});

describe('post-objection list and the appointed candidates', () => {
  it('is empty until the post-objection list is published, then lists who passed with their posts', async () => {
    const round = await twoFormationRound();
    await post(round.panel.cookie, `${base(round)}/publish`);
    expect(await appointedCandidates(ctx.database.db, { agencyId: round.agencyId, selectionId: round.selection.id })).toEqual([]);
    const early = await post(round.panel.cookie, `${base(round)}/publish-post-objection`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('Masa sanggah hasil akhir belum berakhir');
    await closeFinalObjectionWindow(ctx, round.selection.id);
    const response = await post(round.panel.cookie, `${base(round)}/publish-post-objection`);
    expect(response.statusCode).toBe(200);
    const appointed = await appointedCandidates(ctx.database.db, { agencyId: round.agencyId, selectionId: round.selection.id });
    expect(appointed).toEqual([
      expect.objectContaining({ applicationId: round.people[2]!.application.id, accountId: round.people[2]!.account.id, name: 'Peserta 3', selectionType: 'cpns', formasiId: round.formations[0]!.id, positionName: 'Pranata Komputer Ahli Pertama', unitName: 'Dinas Komunikasi dan Informatika', finalScore: 80.182, rank: 1, status: 'lulus' }),
      expect.objectContaining({ name: 'Peserta 1', finalScore: 78.545, rank: 2, status: 'lulus' }),
    ]);
    expect(await appointedCandidates(ctx.database.db, { agencyId: (await createAgencyRow(ctx)).id, selectionId: round.selection.id })).toEqual([]);
    const xlsx = await get(round.panel.cookie, `${base(round)}/appointed.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses the appointed export before the post-objection list — 409', async () => {
    const round = await twoFormationRound();
    expect((await get(round.panel.cookie, `${base(round)}/appointed.xlsx`)).statusCode).toBe(409);
  });
});

describe('the published list cannot be changed', () => {
  it('refuses an UPDATE or DELETE of a published line even straight in the database', async () => {
    const round = await createFinalRound(ctx, { people: [{ skd: [100, 120, 200], skb: 80 }] });
    await post(round.panel.cookie, `${base(round)}/publish`);
    await expect(ctx.database.db.update(finalResults).set({ rank: 2 }).where(eq(finalResults.selectionId, round.selection.id))).rejects.toThrow();
    await expect(ctx.database.db.execute(sql`DELETE FROM final_results WHERE selection_id = ${round.selection.id}`)).rejects.toThrow();
  });
});

describe('the compact read of a round’s candidates', () => {
  it('keeps names with the separator, tabs and quotes intact, and tells no attempt, absent and scored apart — on the pool and in a transaction', async () => {
    // What COPY's text format escapes (backslash, tab, newline, carriage return, \b, \f, \v) and its null's own spelling, as a name.
    const odd = ['Nama\u001fBersekat', 'Tab\tdan "kutip"; \\ garis miring', 'Ñoño 😀', '\\N', 'Baris\nbaru\r\b\f\u000b\\t\\\\'];
    const round = await createFinalRound(ctx, {
      people: [
        { skd: [100, 120, 200], skb: 80, name: odd[0] },
        { skd: 'absent', name: odd[1], ipk: null },
        { skd: [90, 110, 190], name: odd[2] }, // no SKB attempt
        { skd: [90, 110, 190], skb: 70, name: odd[3] },
        { skd: [90, 110, 190], skb: 70, name: odd[4] },
      ],
    });
    const blueprints = [{ id: round.blueprints.skd.id, subtests: true }, { id: round.blueprints.skb.id, subtests: false }];
    const viaPool = await loadCandidatesWithCat(ctx.database.db, round.selection.id, blueprints);
    const viaTransaction = await ctx.database.db.transaction((tx) => loadCandidatesWithCat(tx, round.selection.id, blueprints));
    expect(viaTransaction).toEqual(viaPool);
    const ids = round.people.map((p) => p.application.id);
    expect(viaPool.ids).toEqual([...ids].sort());
    const at = (p: number) => viaPool.ids.indexOf(ids[p]!);
    for (const [p, person] of round.people.entries()) {
      const i = at(p);
      expect(viaPool.formasiIds[i]).toBe(round.formations[0]!.id);
      expect(viaPool.registrationNumbers[i]).toBe(person.application.registrationNumber);
      expect(viaPool.names[i]).toBe(odd[p]);
      expect(viaPool.birthDates[i]).toBe('1998-03-14');
      // Only what the IPK is taken from: each diploma's level and GPA.
      expect(viaPool.education[i]).toEqual([{ level: 'S1', gpa: p === 1 ? null : 3.5 }]);
    }
    const [skd, skb] = viaPool.cat;
    const outcome = (columns: CatColumns, i: number) => ({ state: columns.state[i], total: columns.total[i], passed: columns.passed[i], twk: columns.twk[i], tiu: columns.tiu[i], tkp: columns.tkp[i] });
    expect(outcome(skd!, at(0))).toEqual({ state: SCORED, total: 420, passed: 1, twk: 100, tiu: 120, tkp: 200 });
    expect(outcome(skd!, at(1))).toEqual({ state: ABSENT, total: 0, passed: 0, twk: 0, tiu: 0, tkp: 0 });
    expect(outcome(skb!, at(0))).toEqual({ state: SCORED, total: 80, passed: 1, twk: 0, tiu: 0, tkp: 0 }); // no subtests asked for
    expect(skb!.state[at(1)]).toBe(PENDING); // no attempt
    expect(skb!.state[at(2)]).toBe(PENDING);
  });

  it('reads each result by the application PostgreSQL names on it: a result beats an absence, an unscored attempt is pending, another round’s absence is not read', async () => {
    const round = await createFinalRound(ctx, {
      people: [
        { skd: [100, 120, 200], skb: 80 },
        { skd: [90, 110, 190], skb: 'absent' },
        { skd: [95, 100, 180], skb: 70 },
      ],
    });
    const other = await createFinalRound(ctx, { people: [{ skd: 'absent', skb: 'absent' }] });
    const attemptOf = async (p: number, blueprintId: string) =>
      (await selectRows<{ id: string }>(ctx.database.db, sql`SELECT id FROM cat_attempts WHERE application_id = ${round.people[p]!.application.id} AND blueprint_id = ${blueprintId}`))[0]!.id;
    // Whatever an insert names, the result carries its attempt's application and blueprint; changing the application afterwards is refused.
    const skdOfFirst = await attemptOf(0, round.blueprints.skd.id);
    await expect(ctx.database.db.execute(sql`UPDATE cat_results SET application_id = ${round.people[2]!.application.id}, original = '{}'::jsonb WHERE attempt_id = ${skdOfFirst}`)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/koreksi/) } });
    // The same update keeping the application passes (as a correction keeping the original does).
    await ctx.database.db.execute(sql`UPDATE cat_results SET original = '{}'::jsonb WHERE attempt_id = ${skdOfFirst}`);
    const skbOfThird = await attemptOf(2, round.blueprints.skb.id);
    const [copied] = await selectRows<{ application_id: string; blueprint_id: string }>(
      ctx.database.db,
      sql`WITH moved AS (DELETE FROM cat_results WHERE attempt_id = ${skbOfThird} RETURNING *)
          INSERT INTO cat_results (attempt_id, application_id, agency_id, selection_id, blueprint_id, formasi_id, registration_number, participant_name, scores, total, passed, answer_sheet_hash, result_hash, scored_at)
          SELECT attempt_id, ${round.people[0]!.application.id}, agency_id, selection_id, ${round.blueprints.skd.id}, formasi_id, registration_number, participant_name, scores, total, passed, answer_sheet_hash, result_hash, scored_at FROM moved
          RETURNING application_id, blueprint_id`,
    );
    expect(copied).toEqual({ application_id: round.people[2]!.application.id, blueprint_id: round.blueprints.skb.id });
    const [stored] = await selectRows<{ application_id: string }>(ctx.database.db, sql`SELECT application_id FROM cat_results WHERE attempt_id = ${skdOfFirst}`);
    expect(stored!.application_id).toBe(round.people[0]!.application.id);
    // The first candidate's SKB attempt marked absent after its result was stored: the result stands. The third's SKD result removed: pending.
    await ctx.database.db.execute(sql`UPDATE cat_attempts SET status = 'absent' WHERE id = ${await attemptOf(0, round.blueprints.skb.id)}`);
    await ctx.database.db.execute(sql`DELETE FROM cat_results WHERE attempt_id = ${await attemptOf(2, round.blueprints.skd.id)}`);
    const blueprints = [{ id: round.blueprints.skd.id, subtests: true }, { id: round.blueprints.skb.id, subtests: false }, { id: other.blueprints.skb.id, subtests: false }];
    const read = await loadCandidatesWithCat(ctx.database.db, round.selection.id, blueprints);
    const at = (p: number) => read.ids.indexOf(round.people[p]!.application.id);
    const [skd, skb, otherSkb] = read.cat;
    expect([skd!.state[at(0)], skd!.state[at(1)], skd!.state[at(2)]]).toEqual([SCORED, SCORED, PENDING]);
    expect([skb!.state[at(0)], skb!.state[at(1)], skb!.state[at(2)]]).toEqual([SCORED, ABSENT, SCORED]);
    expect([skb!.total[at(0)], skb!.total[at(2)]]).toEqual([80, 70]);
    expect([...otherSkb!.state]).toEqual([PENDING, PENDING, PENDING]);
    expect(read.ids).not.toContain(other.people[0]!.application.id);
  });

  it('reads a round whose candidates come in several groups (by the first digits of their ids), in id order, and no candidate of another round', async () => {
    const people = Array.from({ length: 40 }, (_, i) => ({ skd: [60 + 5 * (i % 10), 90, 180] as [number, number, number], skb: 60 + (i % 40) }));
    const round = await createFinalRound(ctx, { people });
    const other = await createFinalRound(ctx, { people: [{ skd: [100, 120, 200], skb: 80 }] });
    const read = await loadCandidatesWithCat(ctx.database.db, round.selection.id, [{ id: round.blueprints.skd.id, subtests: true }]);
    expect(read.ids).toEqual(round.people.map((p) => p.application.id).sort());
    expect(read.ids).not.toContain(other.people[0]!.application.id);
    expect(new Set(read.cat[0]!.state)).toEqual(new Set([SCORED]));
    const byId = new Map(round.people.map((p, i) => [p.application.id, people[i]!.skd]));
    read.ids.forEach((id, i) => expect(read.cat[0]!.twk[i]).toBe(byId.get(id)![0]));
    // Every value as stored: totals, subtests and passed (failed ones too), per application.
    const stored = await selectRows<{ application_id: string; total: number; passed: boolean; twk: number; tiu: number; tkp: number }>(
      ctx.database.db,
      sql`SELECT t.application_id, r.total, r.passed, (r.scores->>'TWK')::int AS twk, (r.scores->>'TIU')::int AS tiu, (r.scores->>'TKP')::int AS tkp
          FROM cat_results r JOIN cat_attempts t ON t.id = r.attempt_id WHERE t.blueprint_id = ${round.blueprints.skd.id}`,
    );
    expect(stored.length).toBe(people.length);
    expect(new Set(stored.map((r) => r.passed))).toEqual(new Set([true, false]));
    for (const row of stored) {
      const i = read.ids.indexOf(row.application_id);
      const columns = read.cat[0]!;
      expect([columns.total[i], columns.passed[i], columns.twk[i], columns.tiu[i], columns.tkp[i]]).toEqual([row.total, row.passed ? 1 : 0, row.twk, row.tiu, row.tkp]);
    }
  });

  it('reads each diploma’s level and GPA as the profile holds them, and a profile with a diploma that is not an object with both keys whole', async () => {
    const NO_PROFILE = Symbol('no profile');
    const NOT_AN_OBJECT = Symbol('a profile that is not an object');
    const full = { institution: 'Universitas Uji', programme: 'Informatika', diplomaNumber: 'U-1', year: 2020 };
    const educations: unknown[] = [
      [{ level: 'S1', gpa: 3.5, ...full }, { level: 'SMA', gpa: null, ...full }],
      [],
      undefined, // no education in the profile
      { level: 'S1', gpa: 3.9 }, // not a list
      [{ level: 'S1', ...full }, { gpa: 3.1, ...full }], // a key missing in each: the lists would be as long, but not aligned
      [{ level: 'S1', ...full }, { level: 'S2', gpa: 3.6, ...full }], // one GPA for two levels
      [{ gpa: 3.1, ...full }, { level: 'S1', gpa: 2.9, ...full }], // two GPAs for one level
      [{ level: 's2', gpa: '3.90' }], // a GPA as text is no GPA, a level in lower case still a level
      [5, { level: 'S2', gpa: 3.2 }],
      [{ level: ['S1'], gpa: { nilai: 3 } }, { level: 'S1\u001f"\\', gpa: 3.75 }],
      [{ level: 'S1', gpa: 2.75 }, { level: 'S1', gpa: 3.25 }, { level: 'D3', gpa: 3.99 }],
      null, // education null in the profile
      NO_PROFILE,
      NOT_AN_OBJECT, // a profile that is a text
    ];
    const round = await createFinalRound(ctx, { people: educations.map(() => ({ skd: [100, 120, 200] as [number, number, number], skb: 80 })) });
    const ids = round.people.map((p) => p.application.id);
    for (const [p, education] of educations.entries()) {
      const profile = education === NO_PROFILE ? null : education === NOT_AN_OBJECT ? 'teks' : education === undefined ? { name: 'Tanpa pendidikan' } : { name: 'Peserta', education };
      await ctx.database.db.execute(sql`UPDATE applications SET profile_snapshot = ${profile === null ? null : JSON.stringify(profile)}::jsonb WHERE id = ${ids[p]!}`);
    }
    const read = await loadCandidatesWithCat(ctx.database.db, round.selection.id, []);
    const wanted = [diplomaLevels(['S1']), diplomaLevels(['S2']), diplomaLevels(['D3', 'S1']), diplomaLevels([])];
    for (const [p, education] of educations.entries()) {
      const got = read.education[read.ids.indexOf(ids[p]!)];
      const list = Array.isArray(education) ? (education as Array<Record<string, unknown>>) : null;
      const aligned = list?.every((d) => typeof d === 'object' && d !== null && !Array.isArray(d) && 'level' in d && 'gpa' in d);
      // Each diploma's level and GPA when every diploma has both; otherwise the diplomas whole.
      expect(got, JSON.stringify(education)).toEqual(list === null ? null : aligned ? list.map((d) => ({ level: d.level, gpa: d.gpa })) : list);
      // Either way the IPK is the one the whole profile gives.
      if (list?.every((d) => d !== null)) for (const levels of wanted) expect(rankingIpk(got, levels)).toBe(rankingIpk(list as Diploma[], levels));
    }
    expect(rankingIpk(read.education[read.ids.indexOf(ids[10]!)], wanted[2]!)).toBe(3.99);
    expect(rankingIpk(read.education[read.ids.indexOf(ids[7]!)], wanted[1]!)).toBe(null);
    expect(rankingIpk(read.education[read.ids.indexOf(ids[5]!)], wanted[0]!)).toBe(null);
  });

  it('reads each birth date from its column, and from the profile where the column has none', async () => {
    const round = await createFinalRound(ctx, { people: Array.from({ length: 4 }, () => ({ skd: [100, 120, 200] as [number, number, number], skb: 80 })) });
    const ids = round.people.map((p) => p.application.id);
    const set = (p: number, column: string | null, profile: string | null) =>
      ctx.database.db.execute(sql`UPDATE applications SET birth_date = ${column}, profile_snapshot = jsonb_build_object('name', 'Peserta', 'birthDate', ${profile}::text) WHERE id = ${ids[p]!}`);
    await set(0, '1991-04-05', '1980-01-01'); // the column decides, as registration froze it
    await set(1, null, '1990-02-03');
    await set(2, null, null);
    await ctx.database.db.execute(sql`UPDATE applications SET birth_date = NULL, profile_snapshot = NULL WHERE id = ${ids[3]!}`);
    const read = await loadCandidatesWithCat(ctx.database.db, round.selection.id, []);
    expect(ids.map((id) => read.birthDates[read.ids.indexOf(id)])).toEqual(['1991-04-05', '1990-02-03', null, null]);
  });

  it('reads every value as itself when values share their length and last characters (the part textMemo hashes)', () => {
    const intern = interner();
    const text = 'A0123456789abcdef|B0123456789abcdef|A0123456789abcdef|0123456789abcdef|B0123456789abcdef|';
    const values: string[] = [];
    for (let from = 0, to = text.indexOf('|'); to !== -1; from = to + 1, to = text.indexOf('|', from)) values.push(intern(text, from, to));
    expect(values).toEqual(['A0123456789abcdef', 'B0123456789abcdef', 'A0123456789abcdef', '0123456789abcdef', 'B0123456789abcdef']);
  });

  it('parses each distinct text once, and a text whose hash another text already holds each time it comes', () => {
    const parsed: string[] = [];
    const memo = textMemo((value) => {
      parsed.push(value);
      return `<${value}>`;
    });
    // "Aa" and "BB" have the same hash (31 × 65 + 97 = 31 × 66 + 66).
    const text = 'Aa|BB|Aa|BB|xyz|Aa||';
    const values: string[] = [];
    for (let from = 0, to = text.indexOf('|'); to !== -1; from = to + 1, to = text.indexOf('|', from)) values.push(memo(text, from, to));
    expect(values).toEqual(['<Aa>', '<BB>', '<Aa>', '<BB>', '<xyz>', '<Aa>', '<>']);
    expect(parsed).toEqual(['Aa', 'BB', 'BB', 'xyz', '']);
  });

  it('reads a number in place exactly as Number reads its text', () => {
    const fixed = ['', '0', '7', '007', '-0', '-', '-12', '420', ' 5', '12.5', '1e3', 'abc', '123456789012345', '1234567890123456', '9007199254740993', '-999999999999999'];
    const alphabet = '0123456789-.e ';
    const random = seededRandom('numberIn');
    const texts = [...fixed, ...Array.from({ length: 2000 }, () => Array.from({ length: random.below(18) }, () => alphabet[random.below(random.next() < 0.8 ? 10 : alphabet.length)]).join(''))];
    for (const text of texts) {
      // Inside a longer text too, as it is read.
      const line = `x\u001f${text}\u001fy`;
      expect(Object.is(numberIn(line, 2, 2 + text.length), Number(text)), JSON.stringify(text)).toBe(true);
    }
  });
});
