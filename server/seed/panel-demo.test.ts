import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginCookie, request, type TestContext } from '../test-support/app.js';
import { agencies } from '../modules/agencies/agencies.table.js';
import { auditLog } from '../modules/audit/audit.table.js';
import { panelRows, panelStageScores } from '../modules/panel-scores/panel-scores.service.js';
import { selections } from '../modules/selections/selections.table.js';
import { DEMO_PASSWORD, seedDemo } from './demo.js';
import { PANEL_DEMO_ROUND, seedPanelDemo } from './panel-demo.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  await seedDemo({ database: ctx.database, config: ctx.config, story: false });
}, 180_000);
afterAll(() => ctx.close());

describe('panel scoring demo data', () => {
  it('gives the demo assessor of Kota Manna candidates to score, a locked stage and a flagged spread; a second run changes nothing', async () => {
    const deps = { db: ctx.database.db, config: ctx.config };
    await seedPanelDemo(deps);
    const audits = async () => (await ctx.database.db.select({ n: count() }).from(auditLog))[0]!.n;
    const before = await audits();
    await seedPanelDemo(deps);
    expect(await audits()).toBe(before);

    const [agency] = await ctx.database.db.select().from(agencies).where(eq(agencies.code, 'kota-manna'));
    const [round] = await ctx.database.db.select().from(selections).where(and(eq(selections.agencyId, agency!.id), eq(selections.name, PANEL_DEMO_ROUND)));
    const assessor = await loginCookie(ctx, 'penguji@kota-manna.rekrutmen.local', DEMO_PASSWORD);
    const mine = (await request(ctx, assessor, { method: 'GET', url: `/api/agencies/${agency!.id}/my-panel-assignments` })).json().items as Array<{ component: { name: string }; declaredAt: string | null }>;
    expect(mine.filter((m) => m.component.name === 'Wawancara' && m.declaredAt === null)).toHaveLength(5);

    const asesmen = await panelStageScores(ctx.database.db, { agencyId: agency!.id, selectionId: round!.id, stageKey: 'asesmen' });
    expect(asesmen.locked).toBe(true);
    expect(panelRows(asesmen).map((r) => r.score)).not.toContain(null);
    const panel = await loginCookie(ctx, 'admin@kota-manna.rekrutmen.local', DEMO_PASSWORD);
    const rounds = (await request(ctx, panel, { method: 'GET', url: `/api/agencies/${agency!.id}/panel-rounds` })).json().items;
    const makalah = rounds[0].components.find((c: { stageKey: string }) => c.stageKey === 'makalah');
    const detail = (await request(ctx, panel, { method: 'GET', url: `/api/agencies/${agency!.id}/panel-components/${makalah.id}` })).json();
    expect(detail.counts).toMatchObject({ flagged: 1, absent: 1, all: 6 });
  });
});
