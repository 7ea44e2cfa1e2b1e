import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithSession, createTestApp, request, type TestContext } from '../../test-support/app.js';
import { createCatSetup, recordSkdScores } from '../../test-support/cat-factory.js';
import { announcements } from '../announcements/announcements.table.js';
import { catAttempts, catResults } from '../cat/cat.table.js';

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
  });

  it('refuses to publish while a participant is still taking the exam — 409', async () => {
    const { setup, panel, base } = await scoredRound([[100, 120, 200], [90, 110, 190]]);
    await ctx.database.db.update(catAttempts).set({ status: 'active' }).where(eq(catAttempts.id, setup.people[1]!.attemptId));
    await ctx.database.db.delete(catResults).where(eq(catResults.attemptId, setup.people[1]!.attemptId));
    const response = await request(ctx, panel.cookie, { method: 'POST', url: `${base}/publish` });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/belum selesai/);
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
