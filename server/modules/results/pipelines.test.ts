// Issue 6: the same pipeline engine runs CPNS, PPPK and JPT rounds. CPNS is exercised by
// results.test.ts; here a PPPK and a JPT round go from their scores, through the panel module's
// scoring and lock, to the final ranking by their own pipelines' weights, publication and the
// integrity recompute.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithSession, createAgencyRow, request, type TestContext } from '../../test-support/app.js';
import { createTestApp } from '../../test-support/app.js';
import { announcements } from '../announcements/announcements.table.js';
import { catResults } from '../cat/cat.table.js';
import { jptRound } from '../panel-scores/panel-scores.fixtures.js';
import { stageResults } from '../sanggah/sanggah.table.js';
import { createPppkRound, scorePanelStage } from './results.fixtures.js';
import { finalResults } from './results.table.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
}, 120_000);
afterAll(() => ctx.close());

const get = (cookie: string, url: string) => request(ctx, cookie, { method: 'GET', url });
const post = (cookie: string, url: string, payload: unknown = {}) => request(ctx, cookie, { method: 'POST', url, payload: payload as Record<string, unknown> });

type Line = { name: string; rank: number | null; status: string; finalScore: string | null; scores: Record<string, string | null>; decidedByAbove: string | null; decidedByBelow: string | null };
const lineOf = (i: Line) => [i.name, i.rank, i.status, i.finalScore];

describe('PPPK round: administration → competency CAT → panel interview → integration', () => {
  it('names the interview candidates from the published competency result, integrates 80% CAT + 20% interview and publishes', async () => {
    // Totals 5 × right + 165: 565, 515, 465, 415; one absent. One place: the best 3 go on to the interview.
    const round = await createPppkRound(ctx, { teknis: [80, 70, 60, 50, 'absent'] });
    const [p1, p2, p3, p4] = round.people;
    const agency = `/api/agencies/${round.agencyId}`;
    const finalBase = `${agency}/selections/${round.selection.id}/final-result`;

    // The competency result is published under its own stage key, with who proceeds.
    const preview = (await get(round.panel.cookie, `${agency}/selections/${round.selection.id}/blueprints/${round.blueprint.id}/skd-result`)).json();
    expect(preview.entries.map((e: { name: string; total: number | null; keterangan: string }) => [e.name, e.total, e.keterangan])).toEqual([
      ['Peserta PPPK 1', 565, 'P'],
      ['Peserta PPPK 2', 515, 'P'],
      ['Peserta PPPK 3', 465, 'P'],
      ['Peserta PPPK 4', 415, 'L'],
      ['Peserta PPPK 5', null, 'TH'],
    ]);
    const published = await post(round.panel.cookie, `${agency}/selections/${round.selection.id}/blueprints/${round.blueprint.id}/skd-result/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ proceeding: 3, participants: 5 });
    const [announcement] = await ctx.database.db.select().from(announcements).where(eq(announcements.id, published.json().announcementId));
    expect(announcement).toMatchObject({ kind: 'hasil_kompetensi', title: expect.stringMatching(/^Hasil Seleksi Kompetensi/) });
    const stages = await ctx.database.db.select().from(stageResults).where(eq(stageResults.selectionId, round.selection.id));
    expect(stages.map((s) => s.stage)).toEqual(['kompetensi']);
    expect((await post(round.panel.cookie, `${agency}/selections/${round.selection.id}/blueprints/${round.blueprint.id}/skd-result/publish`)).statusCode).toBe(409);

    // Scores by the CAT's parts (technical, managerial, socio-cultural, interview questions) as stored.
    const [stored] = await ctx.database.db.select().from(catResults).where(eq(catResults.registrationNumber, p1!.application.registrationNumber!));
    expect(stored).toMatchObject({ scores: { TEKNIS: 400, MANAJERIAL: 75, SOSIAL_KULTURAL: 60, WAWANCARA: 30 }, total: 565, passed: true });

    // The interview panel sees exactly the three who proceed.
    const { componentId } = await scorePanelStage(ctx, {
      agencyId: round.agencyId,
      selectionId: round.selection.id,
      panelCookie: round.panel.cookie,
      stageKey: 'wawancara',
      levels: new Map([
        [p1!.application.id, 2],
        [p2!.application.id, 5],
        [p3!.application.id, 4],
      ]),
    });
    const component = (await get(round.panel.cookie, `${agency}/panel-components/${componentId}`)).json();
    expect(JSON.stringify(component)).not.toContain(p4!.application.id);

    const page = (await get(round.observer.cookie, `${finalBase}/ranking`)).json();
    expect(page.issues).toEqual([]);
    expect(page.leaves.map((l: { key: string; max: number }) => [l.key, l.max])).toEqual([
      ['kompetensi', 670],
      ['wawancara', 5],
    ]);
    // 0.8 × 515/670 × 100 + 0.2 × 5/5 × 100 = 81.493; 565 with 2 → 75.463; 465 with 4 → 71.522.
    expect(page.items.map(lineOf)).toEqual([
      ['Peserta PPPK 2', 1, 'lulus', '81.493'],
      ['Peserta PPPK 1', 2, 'tidak_lulus', '75.463'],
      ['Peserta PPPK 3', 3, 'tidak_lulus', '71.522'],
    ]);
    expect(page.items[0].scores).toMatchObject({ kompetensi: '515', wawancara: '5' });

    const publish = await post(round.panel.cookie, `${finalBase}/publish`);
    expect(publish.statusCode, publish.body).toBe(200);
    expect(publish.json().result.akhir.counts).toMatchObject({ candidates: 3, lulus: 1, tidak_lulus: 2 });
    const report = (await get(round.observer.cookie, `${finalBase}/verification`)).json().report;
    expect(report.ok).toBe(true);
  });
});

describe('JPT round: administration → assessment → written paper → interview → track record, all panel-scored', () => {
  it('integrates the four panel stages by 40/20/25/15 and names the three best for the post', async () => {
    const agencyId = (await createAgencyRow(ctx)).id;
    const round = await jptRound(ctx, agencyId, { candidates: 4 });
    const panel = await accountWithSession(ctx, { roles: [{ role: 'panitia', agencyId }], name: 'Panitia Seleksi Terbuka' });
    const observer = await accountWithSession(ctx, { roles: [{ role: 'pengawas', agencyId }], name: 'Pengawas JPT' });
    const assessors = [
      await accountWithSession(ctx, { roles: [{ role: 'penguji', agencyId }], name: 'Akademisi Universitas' }),
      await accountWithSession(ctx, { roles: [{ role: 'penguji', agencyId }], name: 'Praktisi Manajemen' }),
    ];
    const [a, b, c, d] = round.candidates;
    // Levels per stage (asesmen, makalah, wawancara, rekam_jejak). The weights decide: D's plain
    // mean (4.0) is above A's (3.75), but A's assessment weighs 40%.
    const levels = new Map<string, readonly [number, number, number, number]>([
      [a!.id, [5, 3, 4, 3]], // 40 + 12 + 20 + 9 = 81
      [b!.id, [4, 4, 4, 4]], // 80
      [c!.id, [4, 5, 4, 4]], // 32 + 20 + 20 + 12 = 84
      [d!.id, [3, 4, 4, 5]], // 24 + 16 + 20 + 15 = 75
    ]);
    const stageKeys = ['asesmen', 'makalah', 'wawancara', 'rekam_jejak'];
    for (const [index, stageKey] of stageKeys.entries()) {
      await scorePanelStage(ctx, {
        agencyId,
        selectionId: round.selection.id,
        panelCookie: panel.cookie,
        stageKey,
        assessors,
        levels: new Map([...levels].map(([id, perStage]) => [id, perStage[index]!])),
      });
    }
    const finalBase = `/api/agencies/${agencyId}/selections/${round.selection.id}/final-result`;
    const page = (await get(observer.cookie, `${finalBase}/ranking`)).json();
    expect(page.issues).toEqual([]);
    expect(page.leaves.map((l: { key: string }) => l.key)).toEqual(stageKeys);
    const names = new Map(round.candidates.map((candidate) => [candidate.name, candidate.id]));
    expect(page.items.map((i: Line) => [names.get(i.name), i.rank, i.status, i.finalScore])).toEqual([
      [c!.id, 1, 'lulus', '84.000'],
      [a!.id, 2, 'lulus', '81.000'],
      [b!.id, 3, 'lulus', '80.000'],
      [d!.id, 4, 'tidak_lulus', '75.000'],
    ]);
    const overview = (await get(panel.cookie, finalBase)).json().result;
    expect(overview.stages.map((s: { key: string; weight: number }) => [s.key, s.weight])).toEqual([
      ['asesmen', 40],
      ['makalah', 20],
      ['wawancara', 25],
      ['rekam_jejak', 15],
    ]);

    const publish = await post(panel.cookie, `${finalBase}/publish`);
    expect(publish.statusCode, publish.body).toBe(200);
    const lines = await ctx.database.db.select().from(finalResults).where(and(eq(finalResults.selectionId, round.selection.id)));
    expect(lines).toHaveLength(4);
    const report = (await get(observer.cookie, `${finalBase}/verification`)).json().report;
    expect(report.ok).toBe(true);
  });
});
