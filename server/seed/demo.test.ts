import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../modules/audit/audit.table.js';
import { agencies } from '../modules/agencies/agencies.table.js';
import { applications } from '../modules/applications/applications.table.js';
import { createTestApp, loginCookie, request, type TestContext } from '../test-support/app.js';
import { DEMO_PASSWORD, seedDemo } from './demo.js';

// The demo story goes through every module's services: this test fails when a change to a module
// breaks the demo a newcomer sees after `npm start`.
let ctx: TestContext;
let agencyId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  await seedDemo({ database: ctx.database, config: ctx.config });
  [{ id: agencyId }] = (await ctx.database.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, 'kota-manna'))) as [{ id: string }];
}, 240_000);
afterAll(() => ctx?.close());

describe('demo data', () => {
  it('gives the demo applicant a CPNS application found MS with a CAT seat later today, and a PPPK draft to finish', async () => {
    const cookie = await loginCookie(ctx, 'pelamar@rekrutmen.local', DEMO_PASSWORD);
    const list = await request(ctx, cookie, { method: 'GET', url: '/api/applicant/applications' });
    const items = list.json().items as Array<{ status: string; registrationNumber: string | null; selection: { type: string }; missingDocuments: string[] }>;
    expect(items.map((a) => `${a.selection.type}:${a.status}`).sort()).toEqual(['cpns:ms', 'pppk:draft']);
    expect(items.find((a) => a.status === 'ms')!.registrationNumber).toBeTruthy();
    expect(items.find((a) => a.status === 'draft')!.missingDocuments.length).toBe(3);
    const cat = await request(ctx, cookie, { method: 'GET', url: '/api/applicant/cat' });
    expect(cat.statusCode).toBe(200);
    expect(JSON.stringify(cat.json())).toContain('Sesi 2');
  });

  it('fills the verifier queue of Kota Manna with PPPK applications still to check — 200', async () => {
    const cookie = await loginCookie(ctx, 'verifikator@kota-manna.rekrutmen.local', DEMO_PASSWORD);
    const queue = await request(ctx, cookie, { method: 'GET', url: `/api/agencies/${agencyId}/verification/queue?status=submitted` });
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.json().total).toBe(6);
  });

  it('shows last week\'s session scores on the public board, with passes and failures', async () => {
    const [selection] = await ctx.database.query<{ id: string }>(`SELECT id FROM selections WHERE agency_id = $1 AND type = 'cpns'`, [agencyId]);
    const board = await ctx.app.inject({ method: 'GET', url: `/api/public/cat/board?selection=${selection!.id}` });
    const scores = board.json().items as Array<{ passed: boolean }>;
    expect(scores).toHaveLength(10);
    expect(scores.some((s) => s.passed)).toBe(true);
    expect(scores.some((s) => !s.passed)).toBe(true);
  });

  it('lets the observer read both objections with the panel\'s answers', async () => {
    const cookie = await loginCookie(ctx, 'pengawas@kota-manna.rekrutmen.local', DEMO_PASSWORD);
    const list = await request(ctx, cookie, { method: 'GET', url: `/api/agencies/${agencyId}/sanggah` });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().total).toBe(2);
  });

  it('keeps an intact audit chain, and a second run changes nothing', async () => {
    const cookie = await loginCookie(ctx, 'admin@kota-manna.rekrutmen.local', DEMO_PASSWORD);
    const verify = await request(ctx, cookie, { method: 'GET', url: `/api/audit/verify?agencyId=${agencyId}` });
    expect(verify.json()).toMatchObject({ ok: true });
    const before = await Promise.all([ctx.database.db.select({ n: count() }).from(applications), ctx.database.db.select({ n: count() }).from(auditLog)]);
    await seedDemo({ database: ctx.database, config: ctx.config });
    const after = await Promise.all([ctx.database.db.select({ n: count() }).from(applications), ctx.database.db.select({ n: count() }).from(auditLog)]);
    expect(after).toEqual(before);
  });
});
