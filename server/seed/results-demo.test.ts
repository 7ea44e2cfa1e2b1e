import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginCookie, request, type TestContext } from '../test-support/app.js';
import { agencies } from '../modules/agencies/agencies.table.js';
import { auditLog } from '../modules/audit/audit.table.js';
import { verifyRound } from '../modules/results/integrity.service.js';
import { panelScoresReader } from '../modules/results/panel-source.js';
import { selections } from '../modules/selections/selections.table.js';
import { DEMO_PASSWORD, seedDemo } from './demo.js';
import { RESULTS_DEMO, seedResultsDemo } from './results-demo.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  await seedDemo({ database: ctx.database, config: ctx.config, story: false });
}, 180_000);
afterAll(() => ctx.close());

describe('final results demo data', () => {
  it('publishes Sawahlunto’s 2025 lists that recompute equal, offers the demo applicant a place, leaves the 2026 round at the panel; a second run changes nothing', async () => {
    const deps = { database: ctx.database, config: ctx.config };
    expect(await seedResultsDemo(deps)).toEqual([expect.objectContaining({ email: 'akademisi@sawahlunto.rekrutmen.local' })]);
    const audits = async () => (await ctx.database.db.select({ n: count() }).from(auditLog))[0]!.n;
    const before = await audits();
    await seedResultsDemo(deps);
    expect(await audits()).toBe(before);

    const [agency] = await ctx.database.db.select().from(agencies).where(eq(agencies.code, RESULTS_DEMO.agencyCode));
    const [finished] = await ctx.database.db.select().from(selections).where(and(eq(selections.agencyId, agency!.id), eq(selections.name, RESULTS_DEMO.finishedRound)));
    const report = await verifyRound({ db: ctx.database.db, database: ctx.database, config: ctx.config, panelScores: panelScoresReader }, { agencyId: agency!.id, selectionId: finished!.id });
    expect(report.lists.map((l) => [l.list, l.ok, l.lines])).toEqual([
      ['akhir', true, 11],
      ['akhir_pasca_sanggah', true, 11],
    ]);

    const applicant = await loginCookie(ctx, 'pelamar@rekrutmen.local', DEMO_PASSWORD);
    const offers = (await request(ctx, applicant, { method: 'GET', url: '/api/applicant/optimisation-offers' })).json().items;
    expect(offers).toEqual([expect.objectContaining({ status: 'pending', formasi: 'Pranata Komputer Ahli Pertama — Dinas Komunikasi dan Informatika' })]);

    const admin = await loginCookie(ctx, 'admin@sawahlunto.rekrutmen.local', DEMO_PASSWORD);
    const [panelRound] = await ctx.database.db.select().from(selections).where(and(eq(selections.agencyId, agency!.id), eq(selections.name, RESULTS_DEMO.panelRound)));
    const preview = (await request(ctx, admin, { method: 'GET', url: `/api/agencies/${agency!.id}/selections/${panelRound!.id}/final-result/ranking` })).json();
    expect(preview.issues).toContain('Nilai panel Seleksi Kompetensi Bidang (SKB) — Praktik kerja belum dikunci.');
    // Until the panel locks the component no score leaves it: the six finalists wait for it.
    expect(preview.items.filter((i: { missing: string[] }) => i.missing.includes('skb.praktik_kerja'))).toHaveLength(6);
    const academic = await loginCookie(ctx, 'akademisi@sawahlunto.rekrutmen.local', DEMO_PASSWORD);
    const mine = (await request(ctx, academic, { method: 'GET', url: `/api/agencies/${agency!.id}/my-panel-assignments` })).json().items as Array<{ candidate: { name: string }; score: unknown }>;
    expect(mine.filter((m) => m.score === null).map((m) => m.candidate.name)).toEqual([RESULTS_DEMO.arif]);
  });
});
