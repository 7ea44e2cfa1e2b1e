import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencies } from '../modules/agencies/agencies.table.js';
import { evaluationPeriods } from '../modules/evaluation/evaluation.table.js';
import { createTestApp, request, type TestContext } from '../test-support/app.js';
import { DEMO_PASSWORD, seedDemo } from './demo.js';

// The evaluation demo in Kota Manna (without the story): an open quarter, the new CPNS's agreed plan waiting for the supervisor's rating.
let ctx: TestContext;
let agencyId: string;

async function demoCookie(email: string): Promise<string> {
  const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: DEMO_PASSWORD }, headers: { origin: ctx.config.publicUrl } });
  expect(response.statusCode, response.body).toBe(200);
  const cookie = response.cookies[0]!;
  return `${cookie.name}=${cookie.value}`;
}

beforeAll(async () => {
  ctx = await createTestApp();
  await seedDemo({ database: ctx.database, config: ctx.config, story: false });
  [{ id: agencyId }] = (await ctx.database.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, 'kota-manna'))) as [{ id: string }];
}, 240_000);
afterAll(() => ctx?.close());

describe('evaluation demo', () => {
  it('gives the supervisor the new CPNS’s agreed plan to rate in an open quarter, and a public desk link', async () => {
    const boss = await demoCookie('atasan@kota-manna.rekrutmen.local');
    const team = (await request(ctx, boss, { method: 'GET', url: `/api/agencies/${agencyId}/evaluation/my-staff` })).json();
    expect(team.period).toMatchObject({ status: 'open', organisationRating: 'baik' });
    const agreed = team.staff.filter((s: { plan: { status: string } | null }) => s.plan?.status === 'agreed');
    expect(agreed).toHaveLength(1);
    const detail = (await request(ctx, boss, { method: 'GET', url: `/api/agencies/${agencyId}/evaluation/plans/${agreed[0].plan.id}` })).json();
    expect(detail.viewer.canRate).toBe(true);
    expect(detail.items).toHaveLength(2);
    const admin = await demoCookie('admin@kota-manna.rekrutmen.local');
    const links = (await request(ctx, admin, { method: 'GET', url: `/api/agencies/${agencyId}/evaluation/desk-links` })).json().items;
    expect(links).toHaveLength(1);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/public/evaluation/desks/${links[0].code}` })).statusCode).toBe(200);
  });

  it('a second run changes nothing', async () => {
    await seedDemo({ database: ctx.database, config: ctx.config, story: false });
    expect(await ctx.database.db.select().from(evaluationPeriods).where(eq(evaluationPeriods.agencyId, agencyId))).toHaveLength(1);
  });
});
