import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithSession, createAgencyRow, createTestApp, request, type TestContext } from '../../test-support/app.js';
import { createCatSetup, recordSkdScores } from '../../test-support/cat-factory.js';
import { auditLog } from '../audit/audit.table.js';
import { catResults } from '../cat/cat.table.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
}, 180_000);
afterAll(() => ctx.close());

const REASON = 'Soal TWK nomor 12 dianulir panitia karena kunci jawabannya salah (berita acara 3/2026).';

async function scored(scores: [number, number, number] = [60, 90, 170]) {
  const setup = await createCatSetup(ctx, { participants: 1, perSubtest: 1 });
  await recordSkdScores(ctx, setup, [scores]);
  const panel = await accountWithSession(ctx, { roles: [{ role: 'panitia', agencyId: setup.agency.id }] });
  const url = `/api/agencies/${setup.agency.id}/cat/results/${setup.people[0]!.attemptId}`;
  return { setup, panel, url, attemptId: setup.people[0]!.attemptId };
}

describe('CAT result correction', () => {
  it('corrects a result with a reason: new total and pass verdict, the original kept, a new hash, audited — 200', async () => {
    const { panel, url, attemptId, setup } = await scored();
    const response = await request(ctx, panel.cookie, { method: 'POST', url: `${url}/correction`, payload: { scores: { TWK: 65, TIU: 90, TKP: 170 }, reason: REASON } });
    expect(response.statusCode, response.body).toBe(200);
    const { result } = response.json();
    expect(result).toMatchObject({ scores: { TWK: 65, TIU: 90, TKP: 170 }, total: 325, passed: true, passReasons: [] });
    expect(result.original).toMatchObject({ scores: { TWK: 60, TIU: 90, TKP: 170 }, total: 320, passed: false, resultHash: 'y'.repeat(64) });
    expect(result.resultHash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.resultHash).not.toBe('y'.repeat(64));
    const audit = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, attemptId)).orderBy(auditLog.chain, auditLog.seq);
    expect(audit.map((a) => a.action)).toEqual(['cat.result.correct']);
    expect(audit[0]!.agencyId).toBe(setup.agency.id);
    expect(JSON.stringify(audit[0])).toContain('dianulir');
    // The public board shows the corrected result.
    const board = await ctx.app.inject({ method: 'GET', url: `/api/public/cat/board?session=${setup.session.id}` });
    expect(board.json().items[0]).toMatchObject({ total: 325, passed: true });
  });

  it('keeps the first original through a second correction', async () => {
    const { panel, url } = await scored();
    await request(ctx, panel.cookie, { method: 'POST', url: `${url}/correction`, payload: { scores: { TWK: 65, TIU: 90, TKP: 170 }, reason: REASON } });
    const second = await request(ctx, panel.cookie, { method: 'POST', url: `${url}/correction`, payload: { scores: { TWK: 70, TIU: 90, TKP: 170 }, reason: `${REASON} Ditambah soal nomor 15.` } });
    expect(second.json().result).toMatchObject({ total: 330, original: { total: 320 } });
  });

  it('refuses a missing or short reason, an unknown or missing subtest and points out of range, naming the field — 400, nothing changed', async () => {
    const { panel, url, attemptId } = await scored();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ scores: { TWK: 65, TIU: 90, TKP: 170 } }, 'reason'],
      [{ scores: { TWK: 65, TIU: 90, TKP: 170 }, reason: 'kunci salah' }, 'reason'],
      [{ scores: { TWK: 65, TIU: 90, TKP: 170, TBI: 5 }, reason: REASON }, 'scores.TBI'],
      [{ scores: { TWK: 65, TIU: 90 }, reason: REASON }, 'scores.TKP'],
      [{ scores: { TWK: 151, TIU: 90, TKP: 170 }, reason: REASON }, 'scores.TWK'],
      [{ scores: { TWK: 65.5, TIU: 90, TKP: 170 }, reason: REASON }, 'scores.TWK'],
      [{ scores: { TWK: '65', TIU: 90, TKP: 170 }, reason: REASON }, 'scores.TWK'],
    ];
    for (const [payload, field] of cases) {
      const response = await request(ctx, panel.cookie, { method: 'POST', url: `${url}/correction`, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(Object.keys(response.json().error.fields ?? {})).toContain(field);
    }
    const [row] = await ctx.database.db.select().from(catResults).where(eq(catResults.attemptId, attemptId));
    expect(row).toMatchObject({ total: 320, original: null });
  });

  it('lets observers read but not correct, refuses verifiers, and does not find another agency’s result — 200/403/404', async () => {
    const { setup, url } = await scored();
    const observer = await accountWithSession(ctx, { roles: [{ role: 'pengawas', agencyId: setup.agency.id }] });
    expect((await request(ctx, observer.cookie, { method: 'GET', url })).statusCode).toBe(200);
    expect((await request(ctx, observer.cookie, { method: 'POST', url: `${url}/correction`, payload: { scores: { TWK: 65, TIU: 90, TKP: 170 }, reason: REASON } })).statusCode).toBe(403);
    const verifier = await accountWithSession(ctx, { roles: [{ role: 'verifikator', agencyId: setup.agency.id }] });
    expect((await request(ctx, verifier.cookie, { method: 'GET', url })).statusCode).toBe(403);
    const other = await createAgencyRow(ctx);
    const otherPanel = await accountWithSession(ctx, { roles: [{ role: 'panitia', agencyId: other.id }] });
    const foreign = url.replace(setup.agency.id, other.id);
    expect((await request(ctx, otherPanel.cookie, { method: 'POST', url: `${foreign}/correction`, payload: { scores: { TWK: 65, TIU: 90, TKP: 170 }, reason: REASON } })).statusCode).toBe(404);
  });

  it('refuses a direct update of a result that keeps no original, even in SQL', async () => {
    const { attemptId } = await scored();
    await expect(ctx.database.db.update(catResults).set({ total: 999 }).where(eq(catResults.attemptId, attemptId))).rejects.toThrow();
    const [row] = await ctx.database.db.select().from(catResults).where(eq(catResults.attemptId, attemptId));
    expect(row!.total).toBe(320);
  });
});
