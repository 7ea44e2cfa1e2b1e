import { createServer, type Server } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithSession, createTestApp, request, type TestContext } from '../../test-support/app.js';
import { notify } from './notifications.service.js';
import { outbox } from './notifications.table.js';

/** A minimal SMTP peer that accepts every message and keeps what it received. */
function fakeSmtp(): Promise<{ port: number; received: string[]; close(): Promise<void> }> {
  const received: string[] = [];
  const server: Server = createServer((socket) => {
    let data = false;
    let buffer = '';
    socket.write('220 uji ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString();
      let index: number;
      while (!data && (index = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 uji\r\n');
        else if (verb === 'DATA') {
          data = true;
          socket.write('354 lanjut\r\n');
        } else if (verb === 'QUIT') socket.end('221 selesai\r\n');
        else socket.write('250 ok\r\n');
      }
      if (data && buffer.includes('\r\n.\r\n')) {
        const end = buffer.indexOf('\r\n.\r\n');
        received.push(buffer.slice(0, end));
        buffer = buffer.slice(end + 5);
        data = false;
        socket.write('250 diterima\r\n');
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ port: typeof address === 'object' && address ? address.port : 0, received, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('waktu tunggu habis');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('in-app notifications', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  it('lists my notifications newest first with the unread count, marks one and then all read; others cannot read mine', async () => {
    const me = await accountWithSession(ctx);
    const stranger = await accountWithSession(ctx);
    for (const title of ['Pertama', 'Kedua', 'Ketiga']) await notify(ctx.database.db, { accountId: me.account.id, title, body: 'isi' });
    const list = await request(ctx, me.cookie, { method: 'GET', url: '/api/notifications' });
    expect(list.json()).toMatchObject({ total: 3, unread: 3 });
    const first = list.json().items[0];
    expect((await request(ctx, stranger.cookie, { method: 'POST', url: `/api/notifications/${first.id}/read` })).statusCode).toBe(404);
    expect((await request(ctx, me.cookie, { method: 'POST', url: `/api/notifications/${first.id}/read` })).statusCode).toBe(204);
    expect((await request(ctx, me.cookie, { method: 'GET', url: '/api/notifications' })).json().unread).toBe(2);
    await request(ctx, me.cookie, { method: 'POST', url: '/api/notifications/read-all' });
    expect((await request(ctx, me.cookie, { method: 'GET', url: '/api/notifications' })).json().unread).toBe(0);
    expect((await request(ctx, stranger.cookie, { method: 'GET', url: '/api/notifications' })).json().total).toBe(0);
  });

  it('keeps emails in the outbox without SMTP, readable by the super admin with search', async () => {
    await ctx.app.inject({ method: 'POST', url: '/api/auth/register', payload: { email: 'kotak.keluar@uji.test', password: 'Sandi-Outbox-2026', name: 'Ani Pelamar' } });
    const superAdmin = await accountWithSession(ctx, { roles: [{ role: 'super_admin', agencyId: null }] });
    const list = await request(ctx, superAdmin.cookie, { method: 'GET', url: '/api/outbox?q=kotak.keluar' });
    expect(list.json()).toMatchObject({ total: 1, items: [{ to: 'kotak.keluar@uji.test', status: 'kept', subject: expect.stringContaining('Verifikasi') }] });
  });
});

describe('email sending through SMTP', () => {
  it('sends a queued email through SMTP and marks it sent', async () => {
    const smtp = await fakeSmtp();
    const ctx = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
    try {
      const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/register', payload: { email: 'smtp.ok@uji.test', password: 'Surel-Terkirim-2026', name: 'Ani Pelamar' } });
      expect(response.statusCode).toBe(201);
      const sent = await waitFor(async () => {
        const [row] = await ctx.database.db.select().from(outbox).where(eq(outbox.toAddress, 'smtp.ok@uji.test'));
        return row?.status === 'sent' ? row : undefined;
      });
      expect(sent.sentAt).not.toBeNull();
      // Quoted-printable: undo soft line breaks and the escaped '='.
      const body = smtp.received.join('\n').replace(/=\r?\n/g, '').replaceAll('=3D', '=');
      expect(body).toContain('http://rekrutmen.test/verifikasi-email?token=');
    } finally {
      await ctx.close();
      await smtp.close();
    }
  });

  it('does not fail the request when the mail server is down: the email waits for a retry', async () => {
    const ctx = await createTestApp({ SMTP_URL: 'smtp://127.0.0.1:1' });
    try {
      const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/register', payload: { email: 'smtp.down@uji.test', password: 'Surel-Terkirim-2026', name: 'Ani Pelamar' } });
      expect(response.statusCode).toBe(201);
      const row = await waitFor(async () => {
        const [r] = await ctx.database.db.select().from(outbox).where(eq(outbox.toAddress, 'smtp.down@uji.test'));
        return r && r.attempts >= 1 && r.status === 'pending' ? r : undefined;
      });
      expect(row.lastError).toBeTruthy();
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    } finally {
      await ctx.close();
    }
  });
});
