import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithSession, createAgencyRow, createTestApp, lastEmail, loginCookie, request, uniqueEmail, type TestContext } from '../../test-support/app.js';

let ctx: TestContext;
let agencyId: string;
let admin: { cookie: string; account: { id: string } };

beforeAll(async () => {
  ctx = await createTestApp();
  agencyId = (await createAgencyRow(ctx, 'Instansi Staf')).id;
  admin = await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId }] });
});
afterAll(() => ctx.close());

const invite = (email: string, roles: string[] = ['verifikator'], cookie = admin.cookie) =>
  request(ctx, cookie, { method: 'POST', url: `/api/agencies/${agencyId}/staff`, payload: { email, name: 'Staf Baru', roles } });

describe('staff invitations', () => {
  it('invites a new staff member who sets a password by the emailed link and logs in with the role — 201', async () => {
    const email = uniqueEmail('verif');
    const response = await invite(email, ['verifikator', 'penguji']);
    expect(response.statusCode).toBe(201);
    expect(response.json().staff).toMatchObject({ email, status: 'invited', roles: ['penguji', 'verifikator'] });

    const { token, message } = await lastEmail(ctx, email);
    expect(message.subject).toContain('Undangan staf');
    const described = await ctx.app.inject({ method: 'GET', url: `/api/auth/invitation?token=${token}` });
    expect(described.json()).toMatchObject({ email, roles: ['verifikator', 'penguji'], agencyName: expect.stringContaining('Instansi Staf') });

    const accepted = await ctx.app.inject({ method: 'POST', url: '/api/auth/invitation/accept', payload: { token, password: 'Verifikator-2026' } });
    expect(accepted.statusCode).toBe(200);
    const again = await ctx.app.inject({ method: 'POST', url: '/api/auth/invitation/accept', payload: { token, password: 'Lain-Lagi-2026x' } });
    expect(again.json().error.code).toBe('TOKEN_USED');

    const cookie = await loginCookie(ctx, email, 'Verifikator-2026');
    const me = await request(ctx, cookie, { method: 'GET', url: '/api/auth/me' });
    expect(me.json().account.roles.map((r: { role: string; agencyId: string }) => [r.role, r.agencyId])).toEqual([
      ['penguji', agencyId],
      ['verifikator', agencyId],
    ]);
    const list = await request(ctx, admin.cookie, { method: 'GET', url: `/api/agencies/${agencyId}/staff?q=${encodeURIComponent(email)}` });
    expect(list.json()).toMatchObject({ total: 1, items: [{ email, status: 'active' }] });
  });

  it('adds roles to an existing account without a new password, and notifies it', async () => {
    const existing = await accountWithSession(ctx, { roles: [{ role: 'pelamar', agencyId: null }] });
    const response = await invite(existing.account.email as string, ['pengawas']);
    expect(response.json().staff).toMatchObject({ status: 'active', roles: ['pengawas'] });
    const notes = await request(ctx, existing.cookie, { method: 'GET', url: '/api/notifications' });
    expect(notes.json()).toMatchObject({ unread: 1, items: [{ title: expect.stringContaining('Peran baru') }] });
  });

  it('refuses inviting someone who is already staff here — 409', async () => {
    const email = uniqueEmail();
    await invite(email);
    const second = await invite(email, ['panitia']);
    expect(second.statusCode).toBe(409);
  });

  it('changes roles with an audit record, and refuses removing its own admin role — 409', async () => {
    const email = uniqueEmail();
    const created = (await invite(email)).json().staff;
    const changed = await request(ctx, admin.cookie, { method: 'PUT', url: `/api/agencies/${agencyId}/staff/${created.accountId}/roles`, payload: { roles: ['panitia'] } });
    expect(changed.json().staff.roles).toEqual(['panitia']);
    const trail = await request(ctx, admin.cookie, { method: 'GET', url: `/api/agencies/${agencyId}/audit?action=staff.set_roles` });
    expect(trail.json().items[0]).toMatchObject({ targetId: created.accountId, summary: { before: { roles: ['verifikator'] }, after: { roles: ['panitia'] } } });
    const self = await request(ctx, admin.cookie, { method: 'PUT', url: `/api/agencies/${agencyId}/staff/${admin.account.id}/roles`, payload: { roles: ['panitia'] } });
    expect(self.statusCode).toBe(409);
  });

  it("shows a signed-in member's changed roles on their very next request (the session cache forgets them)", async () => {
    const member = await accountWithSession(ctx, { roles: [{ role: 'verifikator', agencyId }] });
    const roles = async () => (await request(ctx, member.cookie, { method: 'GET', url: '/api/auth/me' })).json().account.roles.map((r: { role: string }) => r.role);
    expect(await roles()).toEqual(['verifikator']);
    expect(await roles()).toEqual(['verifikator']);
    await request(ctx, admin.cookie, { method: 'PUT', url: `/api/agencies/${agencyId}/staff/${member.account.id}/roles`, payload: { roles: ['panitia'] } });
    expect(await roles()).toEqual(['panitia']);
  });

  it('removes a staff member: their roles here are gone at once, and they cannot remove themselves', async () => {
    const member = await accountWithSession(ctx, { roles: [{ role: 'verifikator', agencyId }] });
    expect((await request(ctx, member.cookie, { method: 'GET', url: `/api/agencies/${agencyId}` })).statusCode).toBe(200);
    const removed = await request(ctx, admin.cookie, { method: 'DELETE', url: `/api/agencies/${agencyId}/staff/${member.account.id}` });
    expect(removed.statusCode).toBe(204);
    expect((await request(ctx, member.cookie, { method: 'GET', url: `/api/agencies/${agencyId}` })).statusCode).toBe(403);
    const self = await request(ctx, admin.cookie, { method: 'DELETE', url: `/api/agencies/${agencyId}/staff/${admin.account.id}` });
    expect(self.statusCode).toBe(409);
  });

  it('paginates the staff list', async () => {
    const other = (await createAgencyRow(ctx)).id;
    const otherAdmin = await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId: other }] });
    for (let i = 0; i < 5; i++) await request(ctx, otherAdmin.cookie, { method: 'POST', url: `/api/agencies/${other}/staff`, payload: { email: uniqueEmail('hal'), name: `Staf ${i}`, roles: ['pegawai'] } });
    const page = await request(ctx, otherAdmin.cookie, { method: 'GET', url: `/api/agencies/${other}/staff?page=2&pageSize=4` });
    expect(page.json()).toMatchObject({ total: 6, page: 2, pageSize: 4 });
    expect(page.json().items).toHaveLength(2);
  });
});
