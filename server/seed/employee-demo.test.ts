import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencies } from '../modules/agencies/agencies.table.js';
import { evaluationPeriods } from '../modules/evaluation/evaluation.table.js';
import { createTestApp, loginCookie, request, type TestContext } from '../test-support/app.js';
import { DEMO_PASSWORD, seedDemo } from './demo.js';

// The employees, training and evaluation demo a newcomer sees (without the Kota Manna story): one
// seeded database for both, as seeding the demo is the slow part.
let ctx: TestContext;
let palembangId: string;
let mannaId: string;

const agencyIdOf = async (code: string) => (await ctx.database.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code)))[0]!.id;

beforeAll(async () => {
  ctx = await createTestApp();
  await seedDemo({ database: ctx.database, config: ctx.config, story: false });
  palembangId = await agencyIdOf('palembang');
  mannaId = await agencyIdOf('kota-manna');
}, 240_000);
afterAll(() => ctx?.close());

describe('training demo', () => {
  it('shows the supervisor their staff and the new CPNS’s request waiting for a decision', async () => {
    const cookie = await loginCookie(ctx, 'atasan@palembang.rekrutmen.local', DEMO_PASSWORD);
    const mine = await request(ctx, cookie, { method: 'GET', url: `/api/agencies/${palembangId}/training/my-staff` });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().staff.length).toBe(8);
    expect(mine.json().enrolments.filter((e: { status: string }) => e.status === 'requested')).toHaveLength(1);
  });

  it('gives the new CPNS a running basic training, a pending request and the new-ASN survey', async () => {
    const cookie = await loginCookie(ctx, 'pegawai@palembang.rekrutmen.local', DEMO_PASSWORD);
    const training = (await request(ctx, cookie, { method: 'GET', url: '/api/me/training' })).json().items as Array<{ status: string; programme: { name: string } }>;
    expect(training.map((e) => `${e.programme.name}:${e.status}`).sort()).toEqual(['Pelatihan Dasar CPNS (Latsar):enrolled', 'Teknologi Informasi untuk ASN:requested']);
    const surveys = (await request(ctx, cookie, { method: 'GET', url: '/api/me/asn-surveys' })).json().items;
    expect(surveys.map((s: { stage: string }) => s.stage)).toEqual(['appointment']);
  });

  it('has a closed public service class with completions, learning gain and reactions; its certificates verify', async () => {
    const cookie = await loginCookie(ctx, 'admin@palembang.rekrutmen.local', DEMO_PASSWORD);
    const programmes = (await request(ctx, cookie, { method: 'GET', url: `/api/agencies/${palembangId}/training/programmes?q=Prima` })).json().items;
    const detail = (await request(ctx, cookie, { method: 'GET', url: `/api/agencies/${palembangId}/training/programmes/${programmes[0].id}` })).json();
    expect(detail.stats.completion).toEqual({ finished: 6, completed: 4, rate: 66.67 });
    expect(detail.stats.gain.meanGain).toBeGreaterThan(0);
    expect(detail.stats.reaction.respondents).toBe(4);
    const trainer = await loginCookie(ctx, 'pelatih@palembang.rekrutmen.local', DEMO_PASSWORD);
    const classes = (await request(ctx, trainer, { method: 'GET', url: `/api/agencies/${palembangId}/training/sessions?mine=true` })).json();
    expect(classes.total).toBe(3);
  });

  it('changes nothing when seeded again', async () => {
    const before = await ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM training_enrolments');
    await seedDemo({ database: ctx.database, config: ctx.config, story: false });
    expect(await ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM training_enrolments')).toEqual(before);
  });
});

// The evaluation demo in Kota Manna: an open quarter, the new CPNS's agreed plan waiting for the supervisor's rating.
describe('evaluation demo', () => {
  it('gives the supervisor the new CPNS’s agreed plan to rate in an open quarter, and a public desk link', async () => {
    const boss = await loginCookie(ctx, 'atasan@kota-manna.rekrutmen.local', DEMO_PASSWORD);
    const team = (await request(ctx, boss, { method: 'GET', url: `/api/agencies/${mannaId}/evaluation/my-staff` })).json();
    expect(team.period).toMatchObject({ status: 'open', organisationRating: 'baik' });
    const agreed = team.staff.filter((s: { plan: { status: string } | null }) => s.plan?.status === 'agreed');
    expect(agreed).toHaveLength(1);
    const detail = (await request(ctx, boss, { method: 'GET', url: `/api/agencies/${mannaId}/evaluation/plans/${agreed[0].plan.id}` })).json();
    expect(detail.viewer.canRate).toBe(true);
    expect(detail.items).toHaveLength(2);
    const admin = await loginCookie(ctx, 'admin@kota-manna.rekrutmen.local', DEMO_PASSWORD);
    const links = (await request(ctx, admin, { method: 'GET', url: `/api/agencies/${mannaId}/evaluation/desk-links` })).json().items;
    expect(links).toHaveLength(1);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/public/evaluation/desks/${links[0].code}` })).statusCode).toBe(200);
  });

  it('a second run changes nothing', async () => {
    await seedDemo({ database: ctx.database, config: ctx.config, story: false });
    expect(await ctx.database.db.select().from(evaluationPeriods).where(eq(evaluationPeriods.agencyId, mannaId))).toHaveLength(1);
  });
});
