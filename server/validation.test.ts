import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithSession, createAgencyRow, createTestApp, request, type TestContext } from './test-support/app.js';

/** Each route's bad input: wrong type, too long, missing — a 400 naming the field, and nothing changes. */
let ctx: TestContext;
let superCookie: string;
let agencyId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  agencyId = (await createAgencyRow(ctx)).id;
  superCookie = (await accountWithSession(ctx, { roles: [{ role: 'super_admin', agencyId: null }] })).cookie;
});
afterAll(() => ctx.close());

type Case = { name: string; method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: () => string; payload?: unknown; field: string };

const long = (n: number) => 'x'.repeat(n);
const CASES: Case[] = [
  { name: 'register: email missing', method: 'POST', url: () => '/api/auth/register', payload: { password: 'Sandi-Kuat-2026', name: 'Ani' }, field: 'email' },
  { name: 'register: email not an email', method: 'POST', url: () => '/api/auth/register', payload: { email: 'bukan-email', password: 'Sandi-Kuat-2026', name: 'Ani' }, field: 'email' },
  { name: 'register: name a number', method: 'POST', url: () => '/api/auth/register', payload: { email: 'a@b.id', password: 'Sandi-Kuat-2026', name: 42 }, field: 'name' },
  { name: 'register: name too long', method: 'POST', url: () => '/api/auth/register', payload: { email: 'a@b.id', password: 'Sandi-Kuat-2026', name: long(121) }, field: 'name' },
  { name: 'register: password too long', method: 'POST', url: () => '/api/auth/register', payload: { email: 'a@b.id', password: long(201), name: 'Ani' }, field: 'password' },
  { name: 'login: password missing', method: 'POST', url: () => '/api/auth/login', payload: { email: 'a@b.id' }, field: 'password' },
  { name: 'login: email an object', method: 'POST', url: () => '/api/auth/login', payload: { email: { $ne: '' }, password: 'x' }, field: 'email' },
  { name: 'verify-email: token missing', method: 'POST', url: () => '/api/auth/verify-email', payload: {}, field: 'token' },
  { name: 'verify-email: token too long', method: 'POST', url: () => '/api/auth/verify-email', payload: { token: long(201) }, field: 'token' },
  { name: 'reset request: email wrong type', method: 'POST', url: () => '/api/auth/password-reset/request', payload: { email: ['a@b.id'] }, field: 'email' },
  { name: 'reset confirm: password missing', method: 'POST', url: () => '/api/auth/password-reset/confirm', payload: { token: long(43) }, field: 'password' },
  { name: 'invitation: token missing', method: 'GET', url: () => '/api/auth/invitation', field: 'querystring.token' },
  { name: 'invitation accept: token wrong type', method: 'POST', url: () => '/api/auth/invitation/accept', payload: { token: 12345678901, password: 'Sandi-Kuat-2026' }, field: 'token' },
  { name: 'account: name too short', method: 'PATCH', url: () => '/api/account', payload: { name: 'A' }, field: 'name' },
  { name: 'change password: new password missing', method: 'POST', url: () => '/api/account/password', payload: { currentPassword: 'x' }, field: 'newPassword' },
  { name: 'revoke session: id not a UUID', method: 'DELETE', url: () => '/api/account/sessions/123', field: 'params.id' },
  { name: 'notification read: id not a UUID', method: 'POST', url: () => '/api/notifications/abc/read', field: 'params.id' },
  { name: 'notifications: page zero', method: 'GET', url: () => '/api/notifications?page=0', field: 'querystring.page' },
  { name: 'agencies: pageSize too big', method: 'GET', url: () => '/api/agencies?pageSize=1000', field: 'querystring.pageSize' },
  { name: 'agencies: search too long', method: 'GET', url: () => `/api/agencies?q=${long(101)}`, field: 'querystring.q' },
  { name: 'create agency: code with spaces', method: 'POST', url: () => '/api/agencies', payload: { code: 'kota manna', name: 'Kota', timezone: 'Asia/Jakarta' }, field: 'code' },
  { name: 'create agency: unknown time zone', method: 'POST', url: () => '/api/agencies', payload: { code: 'kota-x', name: 'Kota X', timezone: 'Europe/Paris' }, field: 'timezone' },
  { name: 'create agency: name missing', method: 'POST', url: () => '/api/agencies', payload: { code: 'kota-y', timezone: 'Asia/Jakarta' }, field: 'name' },
  { name: 'agency: id not a UUID', method: 'GET', url: () => '/api/agencies/kota-manna', field: 'params.agencyId' },
  { name: 'update agency: empty change', method: 'PATCH', url: () => `/api/agencies/${agencyId}`, payload: {}, field: 'body' },
  { name: 'update agency: region too long', method: 'PATCH', url: () => `/api/agencies/${agencyId}`, payload: { region: long(151) }, field: 'region' },
  { name: 'invite staff: unknown role', method: 'POST', url: () => `/api/agencies/${agencyId}/staff`, payload: { email: 'a@b.id', name: 'Ani', roles: ['raja'] }, field: 'roles.0' },
  { name: 'invite staff: national role', method: 'POST', url: () => `/api/agencies/${agencyId}/staff`, payload: { email: 'a@b.id', name: 'Ani', roles: ['super_admin'] }, field: 'roles.0' },
  { name: 'invite staff: no roles', method: 'POST', url: () => `/api/agencies/${agencyId}/staff`, payload: { email: 'a@b.id', name: 'Ani', roles: [] }, field: 'roles' },
  { name: 'invite staff: roles repeated', method: 'POST', url: () => `/api/agencies/${agencyId}/staff`, payload: { email: 'a@b.id', name: 'Ani', roles: ['panitia', 'panitia'] }, field: 'roles' },
  { name: 'set roles: roles a string', method: 'PUT', url: () => `/api/agencies/${agencyId}/staff/${agencyId}/roles`, payload: { roles: 'panitia' }, field: 'roles' },
  { name: 'audit: action too long', method: 'GET', url: () => `/api/agencies/${agencyId}/audit?action=${long(81)}`, field: 'querystring.action' },
  { name: 'audit verify: agency not a UUID', method: 'GET', url: () => '/api/audit/verify?agencyId=semua', field: 'querystring.agencyId' },
];

describe('bad input', () => {
  for (const c of CASES) {
    it(`${c.name} — 400 VALIDATION_FAILED on "${c.field}"`, async () => {
      const before = (await ctx.database.query<{ n: number }>('SELECT (SELECT count(*) FROM accounts) + (SELECT count(*) FROM agencies) + (SELECT count(*) FROM audit_log) AS n'))[0]!.n;
      const response = await request(ctx, superCookie, { method: c.method, url: c.url(), ...(c.payload !== undefined ? { payload: c.payload as object } : {}) });
      expect(response.statusCode).toBe(400);
      const { error } = response.json();
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(error.fields)).toContain(c.field);
      expect(typeof error.fields[c.field]).toBe('string');
      const after = (await ctx.database.query<{ n: number }>('SELECT (SELECT count(*) FROM accounts) + (SELECT count(*) FROM agencies) + (SELECT count(*) FROM audit_log) AS n'))[0]!.n;
      expect(Number(after)).toBe(Number(before));
    });
  }

  it('refuses a body that is not JSON — 400 BAD_REQUEST in Indonesian', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({ code: 'BAD_REQUEST', message: 'Isi permintaan bukan JSON yang valid.' });
  });
});
