import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencies } from '../modules/agencies/agencies.table.js';
import { request, type TestContext, createTestApp } from '../test-support/app.js';
import { DEMO_PASSWORD, seedDemo } from './demo.js';

// The employees and training demo a newcomer sees in every demo agency (without the Kota Manna story).
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
  [{ id: agencyId }] = (await ctx.database.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, 'palembang'))) as [{ id: string }];
}, 240_000);
afterAll(() => ctx?.close());

describe('training demo', () => {
  it('shows the supervisor their staff and the new CPNS’s request waiting for a decision', async () => {
    const cookie = await demoCookie('atasan@palembang.rekrutmen.local');
    const mine = await request(ctx, cookie, { method: 'GET', url: `/api/agencies/${agencyId}/training/my-staff` });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().staff.length).toBe(8);
    expect(mine.json().enrolments.filter((e: { status: string }) => e.status === 'requested')).toHaveLength(1);
  });

  it('gives the new CPNS a running basic training, a pending request and the new-ASN survey', async () => {
    const cookie = await demoCookie('pegawai@palembang.rekrutmen.local');
    const training = (await request(ctx, cookie, { method: 'GET', url: '/api/me/training' })).json().items as Array<{ status: string; programme: { name: string } }>;
    expect(training.map((e) => `${e.programme.name}:${e.status}`).sort()).toEqual(['Pelatihan Dasar CPNS (Latsar):enrolled', 'Teknologi Informasi untuk ASN:requested']);
    const surveys = (await request(ctx, cookie, { method: 'GET', url: '/api/me/asn-surveys' })).json().items;
    expect(surveys.map((s: { stage: string }) => s.stage)).toEqual(['appointment']);
  });

  it('has a closed public service class with completions, learning gain and reactions; its certificates verify', async () => {
    const cookie = await demoCookie('admin@palembang.rekrutmen.local');
    const programmes = (await request(ctx, cookie, { method: 'GET', url: `/api/agencies/${agencyId}/training/programmes?q=Prima` })).json().items;
    const detail = (await request(ctx, cookie, { method: 'GET', url: `/api/agencies/${agencyId}/training/programmes/${programmes[0].id}` })).json();
    expect(detail.stats.completion).toEqual({ finished: 6, completed: 4, rate: 66.67 });
    expect(detail.stats.gain.meanGain).toBeGreaterThan(0);
    expect(detail.stats.reaction.respondents).toBe(4);
    const trainer = await demoCookie('pelatih@palembang.rekrutmen.local');
    const classes = (await request(ctx, trainer, { method: 'GET', url: `/api/agencies/${agencyId}/training/sessions?mine=true` })).json();
    expect(classes.total).toBe(3);
  });

  it('changes nothing when seeded again', async () => {
    const before = await ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM training_enrolments');
    await seedDemo({ database: ctx.database, config: ctx.config, story: false });
    expect(await ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM training_enrolments')).toEqual(before);
  });
});
