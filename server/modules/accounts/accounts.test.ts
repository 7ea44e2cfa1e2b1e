import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountTokens, loginThrottle } from './accounts.table.js';
import { accountWithSession, createAccount, createTestApp, lastEmail, loginCookie, request, TEST_PASSWORD, uniqueEmail, type TestContext } from '../../test-support/app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const register = (email: string, password = 'Pelamar-Baru-2026', name = 'Rina Pelamar') =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/register', payload: { email, password, name } });
const login = (email: string, password = 'Pelamar-Baru-2026', ip?: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, ...(ip ? { remoteAddress: ip } : {}) });

describe('registration and email verification', () => {
  it('registers an applicant, refuses login until the emailed link is opened, then logs in — 201, 403, 200', async () => {
    const email = uniqueEmail('rina');
    const created = await register(email.toUpperCase());
    expect(created.statusCode).toBe(201);
    expect(created.json().account).toMatchObject({ email, emailVerified: false, roles: [{ role: 'pelamar', agencyId: null }] });

    const early = await login(email);
    expect(early.statusCode).toBe(403);
    expect(early.json().error.code).toBe('EMAIL_NOT_VERIFIED');

    const { message, token } = await lastEmail(ctx, email);
    expect(message.status).toBe('kept');
    expect(message.textBody).toContain('http://rekrutmen.test/verifikasi-email?token=');
    const verified = await ctx.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } });
    expect(verified.statusCode).toBe(200);

    const ok = await login(email);
    expect(ok.statusCode).toBe(200);
    const cookie = ok.cookies.find((c) => c.name === 'sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await request(ctx, `sid=${cookie.value}`, { method: 'GET', url: '/api/auth/me' });
    expect(me.json().account).toMatchObject({ email, emailVerified: true });
  });

  it('refuses a second registration with the same email in any case — 409', async () => {
    const email = uniqueEmail('dua');
    expect((await register(email)).statusCode).toBe(201);
    const again = await register(email.toUpperCase());
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('EMAIL_TAKEN');
  });

  it('refuses weak passwords with the reason under the field — 400', async () => {
    const response = await register(uniqueEmail(), 'pendek1');
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { password: expect.stringMatching(/minimal 10/) } });
  });

  it('refuses a reused verification link — 400 TOKEN_USED', async () => {
    const email = uniqueEmail();
    await register(email);
    const { token } = await lastEmail(ctx, email);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } })).statusCode).toBe(200);
    const reused = await ctx.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.code).toBe('TOKEN_USED');
  });

  it('refuses an expired verification link — 400 TOKEN_EXPIRED — and the account stays unverified', async () => {
    const email = uniqueEmail();
    const created = await register(email);
    const { token } = await lastEmail(ctx, email);
    await ctx.database.db.update(accountTokens).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(accountTokens.accountId, created.json().account.id));
    const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } });
    expect(response.json().error.code).toBe('TOKEN_EXPIRED');
    expect((await login(email)).json().error.code).toBe('EMAIL_NOT_VERIFIED');
  });

  it("refuses another account's link while logged in as someone else — 400 TOKEN_INVALID", async () => {
    const email = uniqueEmail();
    await register(email);
    const { token } = await lastEmail(ctx, email);
    const other = await accountWithSession(ctx);
    const response = await request(ctx, other.cookie, { method: 'POST', url: '/api/auth/verify-email', payload: { token } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('TOKEN_INVALID');
    expect((await login(email)).json().error.code).toBe('EMAIL_NOT_VERIFIED');
  });

  it('refuses a verification link used as a password reset link, and a made-up token — 400 TOKEN_INVALID', async () => {
    const email = uniqueEmail();
    await register(email);
    const { token } = await lastEmail(ctx, email);
    const misuse = await ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'Sandi-Baru-2026x' } });
    expect(misuse.json().error.code).toBe('TOKEN_INVALID');
    const forged = await ctx.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token: 'x'.repeat(43) } });
    expect(forged.json().error.code).toBe('TOKEN_INVALID');
  });

  it('answers a resend request the same way for unknown addresses — 202', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/resend-verification', payload: { email: uniqueEmail('tidak-ada') } });
    expect(response.statusCode).toBe(202);
  });
});

describe('password reset', () => {
  it('resets the password by the emailed link, revokes every session, and the link works once — 200 then TOKEN_USED', async () => {
    const { account, cookie } = await accountWithSession(ctx);
    const requested = await ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: account.email } });
    expect(requested.statusCode).toBe(202);
    const { token } = await lastEmail(ctx, account.email);
    const confirm = () => ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'Sandi-Pulih-2026' } });
    expect((await confirm()).statusCode).toBe(200);
    expect((await confirm()).json().error.code).toBe('TOKEN_USED');
    expect((await request(ctx, cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await login(account.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(account.email, 'Sandi-Pulih-2026')).statusCode).toBe(200);
  });

  it('makes an earlier reset link stop working when a newer one is issued — TOKEN_USED', async () => {
    const account = await createAccount(ctx);
    await ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: account.email } });
    const first = (await lastEmail(ctx, account.email)).token;
    await ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: account.email } });
    const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token: first, password: 'Sandi-Pulih-2026' } });
    expect(response.json().error.code).toBe('TOKEN_USED');
  });

  it('refuses an expired reset link — TOKEN_EXPIRED — and the old password still works', async () => {
    const account = await createAccount(ctx);
    await ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: account.email } });
    const { token } = await lastEmail(ctx, account.email);
    await ctx.database.db.update(accountTokens).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(accountTokens.accountId, account.id));
    const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'Sandi-Pulih-2026' } });
    expect(response.json().error.code).toBe('TOKEN_EXPIRED');
    expect((await login(account.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it("refuses a reset link of another account while logged in, and a weak new password leaves the link unused", async () => {
    const account = await createAccount(ctx);
    await ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: account.email } });
    const { token } = await lastEmail(ctx, account.email);
    const other = await accountWithSession(ctx);
    const foreign = await request(ctx, other.cookie, { method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'Sandi-Pulih-2026' } });
    expect(foreign.json().error.code).toBe('TOKEN_INVALID');
    const weak = await ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'lemah' } });
    expect(weak.statusCode).toBe(400);
    const ok = await ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'Sandi-Pulih-2026' } });
    expect(ok.statusCode).toBe(200);
  });
});

describe('login lockout', () => {
  it('locks an account after 5 failures for 15 minutes, even with the right password — 429 LOGIN_LOCKED', async () => {
    const account = await createAccount(ctx);
    for (let i = 0; i < 5; i++) expect((await login(account.email, 'Salah-Sandi-123', `10.1.0.${i}`)).statusCode).toBe(401);
    const locked = await login(account.email, TEST_PASSWORD, '10.1.0.99');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toMatchObject({ code: 'LOGIN_LOCKED', message: expect.stringMatching(/15 menit/) });
    expect(locked.headers['retry-after']).toBe('900');
    // After the lock expires the right password works again.
    await ctx.database.db.update(loginThrottle).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(loginThrottle.key, `account:${account.email}`));
    expect((await login(account.email, TEST_PASSWORD, '10.1.0.99')).statusCode).toBe(200);
  });

  it('counts 4 failures then a success as no lock, and resets the count', async () => {
    const account = await createAccount(ctx);
    for (let i = 0; i < 4; i++) await login(account.email, 'Salah-Sandi-123', '10.2.0.1');
    expect((await login(account.email, TEST_PASSWORD, '10.2.0.1')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await login(account.email, 'Salah-Sandi-123', '10.2.0.1');
    expect((await login(account.email, TEST_PASSWORD, '10.2.0.1')).statusCode).toBe(200);
  });

  it('locks an IP address that tries many accounts — 429', async () => {
    const ip = '10.3.0.7';
    for (let i = 0; i < 30; i++) await login(uniqueEmail('tebak'), 'Salah-Sandi-123', ip);
    const account = await createAccount(ctx);
    expect((await login(account.email, TEST_PASSWORD, ip)).json().error.code).toBe('LOGIN_LOCKED');
    expect((await login(account.email, TEST_PASSWORD, '10.3.0.8')).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('logs out: the cookie stops working — 401', async () => {
    const { cookie } = await accountWithSession(ctx);
    expect((await request(ctx, cookie, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    const me = await request(ctx, cookie, { method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('lists sessions and revokes another device; a stranger cannot revoke it — 404', async () => {
    const account = await createAccount(ctx);
    const first = await loginCookie(ctx, account.email);
    const second = await loginCookie(ctx, account.email);
    const list = await request(ctx, first, { method: 'GET', url: '/api/account/sessions' });
    expect(list.json().items).toHaveLength(2);
    const other = list.json().items.find((s: { current: boolean }) => !s.current);
    const stranger = await accountWithSession(ctx);
    expect((await request(ctx, stranger.cookie, { method: 'DELETE', url: `/api/account/sessions/${other.id}` })).statusCode).toBe(404);
    expect((await request(ctx, second, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await request(ctx, first, { method: 'DELETE', url: `/api/account/sessions/${other.id}` })).statusCode).toBe(204);
    expect((await request(ctx, second, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await request(ctx, first, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('changes the password with the current one and signs out the other devices', async () => {
    const account = await createAccount(ctx);
    const here = await loginCookie(ctx, account.email);
    const elsewhere = await loginCookie(ctx, account.email);
    const wrong = await request(ctx, here, { method: 'POST', url: '/api/account/password', payload: { currentPassword: 'bukan-ini-123', newPassword: 'Sandi-Ganti-2026' } });
    expect(wrong.json().error.fields).toHaveProperty('currentPassword');
    const ok = await request(ctx, here, { method: 'POST', url: '/api/account/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'Sandi-Ganti-2026' } });
    expect(ok.statusCode).toBe(200);
    expect((await request(ctx, here, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await request(ctx, elsewhere, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('ignores a forged or oversized cookie — 401', async () => {
    expect((await request(ctx, 'sid=palsu', { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await request(ctx, `sid=${'a'.repeat(500)}`, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('updates the profile name', async () => {
    const { cookie } = await accountWithSession(ctx);
    expect((await request(ctx, cookie, { method: 'GET', url: '/api/auth/me' })).json().account.name).not.toBe('Nama Baru');
    const response = await request(ctx, cookie, { method: 'PATCH', url: '/api/account', payload: { name: 'Nama Baru' } });
    expect(response.json().account.name).toBe('Nama Baru');
    // The session resolved a moment ago is not answered from memory with the old name.
    expect((await request(ctx, cookie, { method: 'GET', url: '/api/auth/me' })).json().account.name).toBe('Nama Baru');
  });
});
