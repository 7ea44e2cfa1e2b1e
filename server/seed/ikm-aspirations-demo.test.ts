import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginCookie, request, type TestContext } from '../test-support/app.js';
import { agencies } from '../modules/agencies/agencies.table.js';
import { aspirations, communityForums } from '../modules/aspirations/aspirations.table.js';
import { ikmResponses, ikmSurveys } from '../modules/ikm/ikm.table.js';
import { DEMO_PASSWORD, seedDemo } from './demo.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  await seedDemo({ database: ctx.database, config: ctx.config, story: false });
}, 180_000);
afterAll(() => ctx.close());

const rows = async (table: typeof ikmResponses | typeof ikmSurveys | typeof aspirations | typeof communityForums) => (await ctx.database.db.select({ n: count() }).from(table))[0]!.n;

describe('IKM and complaint demo data', () => {
  it('gives every demo agency graded surveys, an open one, complaints in every state and forums; a second run changes nothing', async () => {
    const before = await Promise.all([rows(ikmSurveys), rows(ikmResponses), rows(aspirations), rows(communityForums)]);
    await seedDemo({ database: ctx.database, config: ctx.config, story: false });
    expect(await Promise.all([rows(ikmSurveys), rows(ikmResponses), rows(aspirations), rows(communityForums)])).toEqual(before);

    const [agency] = await ctx.database.db.select().from(agencies).where(eq(agencies.code, 'kota-manna'));
    const admin = await loginCookie(ctx, 'admin@kota-manna.rekrutmen.local', DEMO_PASSWORD);
    const surveys = (await request(ctx, admin, { method: 'GET', url: `/api/agencies/${agency!.id}/ikm/surveys?pageSize=100` })).json();
    expect(surveys.total).toBe(16);
    expect(surveys.items.filter((s: { status: string }) => s.status === 'open')).toHaveLength(4);
    expect(surveys.items.every((s: { respondents: number; grade: { letter: string } | null }) => s.respondents > 0 && s.grade !== null)).toBe(true);
    const plans = (await request(ctx, admin, { method: 'GET', url: `/api/agencies/${agency!.id}/ikm/plans` })).json();
    expect(plans.total).toBe(2);

    const summary = (await request(ctx, admin, { method: 'GET', url: `/api/agencies/${agency!.id}/aspirations/summary` })).json();
    expect(summary).toMatchObject({ total: 6, closed: 2, closedOnTime: 1, overdueOpen: 1 });
    expect(summary.byStatus.map((s: { count: number }) => s.count)).toEqual([1, 2, 1, 2]);
    const past = (await ctx.app.inject({ method: 'GET', url: `/api/public/forums?agencyId=${agency!.id}&when=past` })).json();
    expect(past.items[0]).toMatchObject({ status: 'held', attendees: 64 });
    expect(past.items[0].followups.length).toBeGreaterThan(0);
  });
});
