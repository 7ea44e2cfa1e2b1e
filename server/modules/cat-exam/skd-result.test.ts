import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithSession, createTestApp, request, type TestContext } from '../../test-support/app.js';
import { createCatSetup, recordSkdScores } from '../../test-support/cat-factory.js';
import { announcements } from '../announcements/announcements.table.js';
import { CPNS_PIPELINE } from '../../../core/pipeline.js';
import { catAttempts, catBlueprints, catResults } from '../cat/cat.table.js';
import { stageResults } from '../sanggah/sanggah.table.js';
import { selections } from '../selections/selections.table.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

/** Five participants of one formation of 1 place: scores (TWK, TIU, TKP) given, one absent. */
async function scoredRound(scores: Array<[number, number, number] | null>) {
  const setup = await createCatSetup(ctx, { participants: scores.length, perSubtest: 1 });
  await recordSkdScores(ctx, setup, scores);
  await ctx.database.db.update((await import('../formasi/formasi.table.js')).formasi).set({ count: 1 }).where(eq((await import('../formasi/formasi.table.js')).formasi.id, setup.formasi.id));
  const panel = await accountWithSession(ctx, { roles: [{ role: 'panitia', agencyId: setup.agency.id }] });
  const base = `/api/agencies/${setup.agency.id}/selections/${setup.selection.id}/blueprints/${setup.blueprint.id}/skd-result`;
  return { setup, panel, base };
}

describe('SKD result and who proceeds to SKB', () => {
  it('ranks those over the pass mark, sends 3 × 1 to SKB with the TKP tie-break at the cut-off, marks the rest', async () => {
    const { panel, base } = await scoredRound([
      [100, 120, 200], // 420
      [90, 110, 190], // 390
      [80, 100, 180], // 360, TKP 180
      [85, 105, 170], // 360, TKP 170 — left out by TKP
      [60, 150, 200], // below TWK 65
      null, // absent
    ]);
    const preview = (await request(ctx, panel.cookie, { method: 'GET', url: base })).json();
    expect(preview).toMatchObject({ stage: { key: 'skd', isSkd: true, publishable: true }, published: null });
    expect(preview.entries.map((e: { total: number | null; keterangan: string; rank: number | null }) => [e.total, e.keterangan, e.rank])).toEqual([
      [420, 'P', 1],
      [390, 'P', 2],
      [360, 'P', 3],
      [360, 'L', 4],
      [410, 'TL', null],
      [null, 'TH', null],
    ]);
    expect(preview.entries[2].decidedBy).toBe('TKP');
    const published = await request(ctx, panel.cookie, { method: 'POST', url: `${base}/publish` });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ proceeding: 3, participants: 6, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const [announcement] = await ctx.database.db.select().from(announcements).where(eq(announcements.id, published.json().announcementId));
    expect(announcement).toMatchObject({ kind: 'hasil_skd', status: 'published' });
    expect((await request(ctx, panel.cookie, { method: 'POST', url: `${base}/publish` })).statusCode).toBe(409);
    expect((await request(ctx, panel.cookie, { method: 'GET', url: base })).json().published).toEqual({ announcementId: announcement!.id, hash: published.json().hash, publishedAt: expect.any(String) });
    expect((await request(ctx, panel.cookie, { method: 'GET', url: base.replace(/blueprints\/[^/]+/, `blueprints/${crypto.randomUUID()}`) })).statusCode).toBe(404);
  });

  it('refuses to publish while a participant is still taking the exam — 409', async () => {
    const { setup, panel, base } = await scoredRound([[100, 120, 200], [90, 110, 190]]);
    await ctx.database.db.update(catAttempts).set({ status: 'active' }).where(eq(catAttempts.id, setup.people[1]!.attemptId));
    await ctx.database.db.delete(catResults).where(eq(catResults.attemptId, setup.people[1]!.attemptId));
    const response = await request(ctx, panel.cookie, { method: 'POST', url: `${base}/publish` });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/belum selesai/);
  });

  it('does not announce a CAT component of another stage (CAT SKB counts only in the final result) — 409, nothing published', async () => {
    const { setup, panel, base } = await scoredRound([[100, 120, 200], [90, 110, 190]]);
    await ctx.database.db.update(selections).set({ pipeline: [...CPNS_PIPELINE] }).where(eq(selections.id, setup.selection.id));
    await ctx.database.db.update(catBlueprints).set({ stageKey: 'skb' }).where(eq(catBlueprints.id, setup.blueprint.id));
    expect((await request(ctx, panel.cookie, { method: 'GET', url: base })).json().stage).toEqual({ key: 'skb', name: 'Seleksi Kompetensi Bidang (SKB)', isSkd: true, publishable: false });
    const refused = await request(ctx, panel.cookie, { method: 'POST', url: `${base}/publish` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('Nilai Seleksi Kompetensi Bidang (SKB) dihitung dalam hasil akhir; tahap ini tidak diumumkan tersendiri.');
    expect(await ctx.database.db.select().from(stageResults).where(eq(stageResults.selectionId, setup.selection.id))).toEqual([]);
  });

  it("is refused to a verifier (403) and to another agency's panel (403)", async () => {
    const { base } = await scoredRound([[100, 120, 200]]);
    const other = await createCatSetup(ctx, { participants: 1, perSubtest: 1 });
    const verifier = await accountWithSession(ctx, { roles: [{ role: 'verifikator', agencyId: other.agency.id }] });
    const foreignPanel = await accountWithSession(ctx, { roles: [{ role: 'panitia', agencyId: other.agency.id }] });
    expect((await request(ctx, verifier.cookie, { method: 'GET', url: base })).statusCode).toBe(403);
    expect((await request(ctx, foreignPanel.cookie, { method: 'POST', url: `${base}/publish` })).statusCode).toBe(403);
  });
});
