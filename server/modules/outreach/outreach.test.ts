import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkinUrl } from '../../../core/outreach.js';
import { accountWithSession, createAgencyRow, createTestApp, request, type TestContext } from '../../test-support/app.js';
import { auditLog } from '../audit/audit.table.js';
import { makeJpeg, makePdf, multipart } from '../files/files.fixtures.js';
import { outbox } from '../notifications/notifications.table.js';
import { eventRow, registerVisitor, startedEventWithMaterial, uniqueVisitor } from './outreach.fixtures.js';
import { qrPng } from './outreach.service.js';
import { outreachEvents, outreachMaterials, outreachRegistrations } from './outreach.table.js';

let ctx: TestContext;
let agencyId: string;
let otherAgencyId: string;
let admin: { cookie: string; account: { id: string } };
let panitia: { cookie: string };
let otherAdmin: { cookie: string };

const HOUR = 3600_000;

beforeAll(async () => {
  ctx = await createTestApp();
  agencyId = (await createAgencyRow(ctx, 'Instansi Sosialisasi')).id;
  otherAgencyId = (await createAgencyRow(ctx, 'Instansi Lain')).id;
  admin = await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId }] });
  panitia = await accountWithSession(ctx, { roles: [{ role: 'panitia', agencyId }] });
  otherAdmin = await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId: otherAgencyId }] });
});
afterAll(() => ctx.close());

const base = (agency = agencyId) => `/api/agencies/${agency}/outreach-events`;

function eventBody(over: Record<string, unknown> = {}) {
  const startsAt = new Date(Date.now() + 5 * 24 * HOUR);
  return {
    title: 'Seminar Karier ASN untuk Mahasiswa',
    description: 'Mengenal seleksi CPNS dan PPPK.',
    kind: 'seminar',
    audiences: ['mahasiswa', 'umum'],
    venue: 'Aula BKPSDM Kota Manna',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3 * HOUR).toISOString(),
    capacity: 100,
    ...over,
  };
}

function registerBody(over: Record<string, unknown> = {}) {
  return { name: 'Siti Rahmawati', email: uniqueVisitor(), phone: '0812-3456-7890', audience: 'mahasiswa', institution: 'Universitas Bengkulu', ...over };
}

const registerRequest = (eventId: string, body: Record<string, unknown>) => ctx.app.inject({ method: 'POST', url: `/api/public/outreach-events/${eventId}/registrations`, payload: body });
const checkIn = (eventId: string, code: string, cookie = admin.cookie, agency = agencyId) => request(ctx, cookie, { method: 'POST', url: `${base(agency)}/${eventId}/check-in`, payload: { code } });
const ticketUrl = (path: string) => `/api/public${path.replace('/sosialisasi/tiket/', '/outreach-registrations/')}`;

async function counts(eventId: string) {
  const rows = await ctx.database.db.select({ status: outreachRegistrations.status, n: count() }).from(outreachRegistrations).where(eq(outreachRegistrations.eventId, eventId)).groupBy(outreachRegistrations.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

async function emailsTo(address: string) {
  return ctx.database.db.select().from(outbox).where(eq(outbox.toAddress, address.toLowerCase()));
}

describe('managing events', () => {
  it('creates a draft, publishes it (audited), and only then shows it to the public', async () => {
    const created = await request(ctx, panitia.cookie, { method: 'POST', url: base(), payload: eventBody() });
    expect(created.statusCode).toBe(201);
    const event = created.json().event;
    expect(event).toMatchObject({ status: 'draft', capacity: 100, audiences: ['mahasiswa', 'umum'], counts: { registered: 0, waitlisted: 0, attended: 0 }, registrationEndsAt: event.startsAt });
    expect((await ctx.app.inject({ method: 'GET', url: `/api/public/outreach-events/${event.id}` })).statusCode).toBe(404);
    expect((await registerRequest(event.id, registerBody())).statusCode).toBe(404);

    const published = await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/${event.id}/publish` });
    expect(published.json().event.status).toBe('published');
    expect((await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/${event.id}/publish` })).statusCode).toBe(409);
    const trail = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, event.id)).orderBy(auditLog.chain, auditLog.seq);
    expect(trail.map((e) => e.action)).toEqual(['outreach.create', 'outreach.publish']);

    const listed = (await ctx.app.inject({ method: 'GET', url: `/api/public/outreach-events?agencyId=${agencyId}&audience=umum` })).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toContain(event.id);
    const forPupils = (await ctx.app.inject({ method: 'GET', url: `/api/public/outreach-events?agencyId=${agencyId}&audience=pelajar` })).json();
    expect(forPupils.items.map((i: { id: string }) => i.id)).not.toContain(event.id);
  });

  it('lists upcoming events soonest first and past events newest first', async () => {
    const agency = (await createAgencyRow(ctx, 'Instansi Kalender')).id;
    const later = await eventRow(ctx, agency, { title: 'Nanti', startsAt: new Date(Date.now() + 10 * 24 * HOUR) });
    const soon = await eventRow(ctx, agency, { title: 'Segera', startsAt: new Date(Date.now() + 24 * HOUR) });
    const past = await eventRow(ctx, agency, { title: 'Lalu', startsAt: new Date(Date.now() - 10 * 24 * HOUR) });
    await eventRow(ctx, agency, { title: 'Draf tersembunyi', status: 'draft' });
    const upcoming = (await ctx.app.inject({ method: 'GET', url: `/api/public/outreach-events?agencyId=${agency}` })).json();
    expect(upcoming.items.map((i: { id: string }) => i.id)).toEqual([soon.id, later.id]);
    const before = (await ctx.app.inject({ method: 'GET', url: `/api/public/outreach-events?agencyId=${agency}&when=past` })).json();
    expect(before.items.map((i: { id: string }) => i.id)).toEqual([past.id]);
  });

  it('names the field of each bad input — 400, nothing created', async () => {
    const [before] = await ctx.database.db.select({ n: count() }).from(outreachEvents);
    const start = new Date(Date.now() + 24 * HOUR);
    const cases: Array<[Record<string, unknown>, string]> = [
      [eventBody({ capacity: 0 }), 'capacity'],
      [eventBody({ capacity: -5 }), 'capacity'],
      [eventBody({ capacity: 'banyak' }), 'capacity'],
      [eventBody({ startsAt: start.toISOString(), endsAt: new Date(start.getTime() - HOUR).toISOString() }), 'endsAt'],
      [eventBody({ venue: '', onlineUrl: null }), 'venue'],
      [eventBody({ onlineUrl: 'javascript:alert(1)' }), 'onlineUrl'],
      [eventBody({ audiences: ['dosen'] }), 'audiences.0'],
      [eventBody({ audiences: [] }), 'audiences'],
      [eventBody({ kind: 'konser' }), 'kind'],
      [eventBody({ startsAt: '2026-12-01 09:00' }), 'startsAt'],
      [eventBody({ registrationClosesAt: 'besok' }), 'registrationClosesAt'],
      [eventBody({ title: 'x'.repeat(201) }), 'title'],
      [{ ...eventBody(), title: undefined }, 'title'],
    ];
    for (const [body, field] of cases) {
      const response = await request(ctx, admin.cookie, { method: 'POST', url: base(), payload: body });
      expect({ field, status: response.statusCode }).toEqual({ field, status: 400 });
      expect(Object.keys(response.json().error.fields)).toContain(field);
    }
    const [after] = await ctx.database.db.select({ n: count() }).from(outreachEvents);
    expect(after!.n).toBe(before!.n);
  });

  it('refuses an edit that would end before it starts or drop capacity below the seats given — 400, nothing changed', async () => {
    const event = await eventRow(ctx, agencyId, { capacity: 3 });
    for (let i = 0; i < 3; i += 1) await registerVisitor(ctx, event.id);
    const shrink = await request(ctx, admin.cookie, { method: 'PATCH', url: `${base()}/${event.id}`, payload: { capacity: 2 } });
    expect(shrink.statusCode).toBe(400);
    expect(shrink.json().error.fields.capacity).toMatch(/3 peserta/);
    const backwards = await request(ctx, admin.cookie, { method: 'PATCH', url: `${base()}/${event.id}`, payload: { endsAt: new Date(event.startsAt.getTime() - HOUR).toISOString() } });
    expect(backwards.json().error.fields).toHaveProperty('endsAt');
    const [row] = await ctx.database.db.select().from(outreachEvents).where(eq(outreachEvents.id, event.id));
    expect(row).toMatchObject({ capacity: 3, endsAt: event.endsAt });
  });

  it('gives new seats to the waiting list in order when capacity grows, and emails those promoted', async () => {
    const event = await eventRow(ctx, agencyId, { capacity: 1 });
    await registerVisitor(ctx, event.id);
    const second = await registerVisitor(ctx, event.id, { email: uniqueVisitor('kedua') });
    const third = await registerVisitor(ctx, event.id, { email: uniqueVisitor('ketiga') });
    expect([second.ticket.waitlistPosition, third.ticket.waitlistPosition]).toEqual([1, 2]);
    const grown = await request(ctx, admin.cookie, { method: 'PATCH', url: `${base()}/${event.id}`, payload: { capacity: 2 } });
    expect(grown.json().event.counts).toMatchObject({ registered: 2, waitlisted: 1 });
    const promoted = (await ctx.app.inject({ method: 'GET', url: ticketUrl(second.ticketPath) })).json().ticket;
    expect(promoted).toMatchObject({ status: 'registered', waitlistPosition: null });
    const stillWaiting = (await ctx.app.inject({ method: 'GET', url: ticketUrl(third.ticketPath) })).json().ticket;
    expect(stillWaiting).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const [row] = await ctx.database.db.select().from(outreachRegistrations).where(eq(outreachRegistrations.id, second.ticket.id));
    expect((await emailsTo(row!.email)).map((m) => m.subject)).toContain(`Kursi tersedia: ${event.title}`);
  });

  it('cancels an event: everyone registered or waiting is emailed, registration and check-in stop', async () => {
    const event = await eventRow(ctx, agencyId, { capacity: 1, startsAt: new Date(Date.now() + HOUR) });
    const seated = await registerVisitor(ctx, event.id, { email: uniqueVisitor('duduk') });
    const waiting = await registerVisitor(ctx, event.id, { email: uniqueVisitor('tunggu') });
    const response = await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/${event.id}/cancel`, payload: { reason: 'Aula dipakai untuk ujian.' } });
    expect(response.json().event.status).toBe('cancelled');
    for (const person of [seated, waiting]) {
      const [row] = await ctx.database.db.select().from(outreachRegistrations).where(eq(outreachRegistrations.id, person.ticket.id));
      const mail = (await emailsTo(row!.email)).find((m) => m.subject === `Dibatalkan: ${event.title}`);
      expect(mail?.textBody).toContain('Aula dipakai untuk ujian.');
    }
    const late = await registerRequest(event.id, registerBody());
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/dibatalkan/);
    expect((await checkIn(event.id, seated.ticket.checkinUrl!)).statusCode).toBe(409);
    expect((await request(ctx, admin.cookie, { method: 'PATCH', url: `${base()}/${event.id}`, payload: { capacity: 5 } })).statusCode).toBe(409);
  });
});

describe('registration without an account', () => {
  it('registers within capacity, then puts people on the waiting list with their position', async () => {
    const event = await eventRow(ctx, agencyId, { capacity: 2 });
    const results = [];
    for (let i = 0; i < 4; i += 1) results.push(await registerRequest(event.id, registerBody({ name: `Peserta ${i + 1}` })));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    expect(results.map((r) => [r.json().ticket.status, r.json().ticket.waitlistPosition])).toEqual([
      ['registered', null],
      ['registered', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    const page = (await ctx.app.inject({ method: 'GET', url: `/api/public/outreach-events/${event.id}` })).json().event;
    expect(page.counts).toEqual({ registered: 2, waitlisted: 2, attended: 0, seatsLeft: 0 });
    expect(JSON.stringify(page)).not.toContain('Peserta 1');
  });

  it('emails a confirmation with the secret ticket link; the ticket shows the QR, and its PNG encodes the check-in URL', async () => {
    const event = await eventRow(ctx, agencyId);
    const email = uniqueVisitor('konfirmasi');
    const response = await registerRequest(event.id, registerBody({ email: email.toUpperCase() }));
    const { ticket, kunci, ticketPath } = response.json();
    expect(ticketPath).toBe(`/sosialisasi/tiket/${ticket.id}?kunci=${kunci}`);
    expect(ticket).toMatchObject({ status: 'registered', email: expect.stringMatching(/^k\*+@contoh\.test$/), checkinCode: expect.stringMatching(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/), canCancel: true });
    expect(ticket.checkinUrl).toBe(checkinUrl(ctx.config.publicUrl, ticket.checkinCode.replaceAll('-', '')));

    const [mail] = await emailsTo(email);
    expect(mail!.subject).toBe(`Pendaftaran ${event.title}`);
    expect(mail!.textBody).toContain(`${ctx.config.publicUrl}${ticketPath}`);
    expect(mail!.textBody).toContain('TERDAFTAR');

    const viewed = await ctx.app.inject({ method: 'GET', url: ticketUrl(ticketPath) });
    expect(viewed.json().ticket).toMatchObject({ id: ticket.id, checkinCode: ticket.checkinCode });
    const qr = await ctx.app.inject({ method: 'GET', url: ticket.qrUrl });
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toBe('image/png');
    expect(qr.rawPayload.equals(await qrPng(ticket.checkinUrl))).toBe(true);

    const forged = await ctx.app.inject({ method: 'GET', url: `/api/public/outreach-registrations/${ticket.id}?kunci=${'A'.repeat(32)}` });
    expect(forged.statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/public/outreach-registrations/${ticket.id}/qr.png?kunci=${'A'.repeat(32)}` })).statusCode).toBe(404);
  });

  it('refuses a second registration with the same email (any case) — 409 with a clear message', async () => {
    const event = await eventRow(ctx, agencyId);
    const email = uniqueVisitor('ganda');
    expect((await registerRequest(event.id, registerBody({ email }))).statusCode).toBe(201);
    const again = await registerRequest(event.id, registerBody({ email: email.toUpperCase(), name: 'Orang Lain' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ message: expect.stringContaining('sudah terdaftar untuk acara ini'), fields: { email: 'Sudah terdaftar untuk acara ini' } });
    expect(await counts(event.id)).toEqual({ registered: 1 });
  });

  it('keeps exactly one of two simultaneous registrations with the same email', async () => {
    const event = await eventRow(ctx, agencyId);
    const email = uniqueVisitor('serentak');
    const [a, b] = await Promise.all([registerRequest(event.id, registerBody({ email })), registerRequest(event.id, registerBody({ email }))]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect(await counts(event.id)).toEqual({ registered: 1 });
  });

  it('never gives more seats than the capacity when many register at once', async () => {
    const event = await eventRow(ctx, agencyId, { capacity: 3 });
    const responses = await Promise.all(Array.from({ length: 8 }, (_, i) => registerRequest(event.id, registerBody({ name: `Serentak ${i}` }))));
    expect(responses.every((r) => r.statusCode === 201)).toBe(true);
    expect(await counts(event.id)).toEqual({ registered: 3, waitlisted: 5 });
    const positions = responses.map((r) => r.json().ticket.waitlistPosition).filter((p) => p !== null).sort();
    expect(positions).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses a closed registration — 409, and an audience the event is not for — 400', async () => {
    const closed = await eventRow(ctx, agencyId, { registrationClosesAt: new Date(Date.now() - 1000) });
    const late = await registerRequest(closed.id, registerBody());
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'REGISTRATION_CLOSED', message: 'Pendaftaran acara ini sudah ditutup.' });
    const open = await eventRow(ctx, agencyId, { audiences: ['pelajar'] });
    const wrong = await registerRequest(open.id, registerBody({ audience: 'umum' }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toHaveProperty('audience');
    expect(await counts(closed.id)).toEqual({});
    expect(await counts(open.id)).toEqual({});
  });

  it('names the field for a missing name, a bad email or phone, an unknown audience — 400, nothing stored', async () => {
    const event = await eventRow(ctx, agencyId);
    const cases: Array<[Record<string, unknown>, string]> = [
      [registerBody({ name: undefined }), 'name'],
      [registerBody({ name: 'A' }), 'name'],
      [registerBody({ email: 'bukan-email' }), 'email'],
      [registerBody({ phone: '12345' }), 'phone'],
      [registerBody({ audience: 'dosen' }), 'audience'],
      [registerBody({ institution: 'x'.repeat(151) }), 'institution'],
      [registerBody({ extra: 'tidak dikenal' }), 'body'],
    ];
    for (const [body, field] of cases) {
      const response = await registerRequest(event.id, body);
      expect({ field, status: response.statusCode }).toEqual({ field, status: 400 });
      expect(Object.keys(response.json().error.fields).join(',')).toContain(field);
    }
    expect(await counts(event.id)).toEqual({});
  });
});

describe('cancelling a registration', () => {
  it('frees the seat for the first in the waiting list, who is emailed — and only them', async () => {
    const event = await eventRow(ctx, agencyId, { capacity: 1 });
    const first = await registerVisitor(ctx, event.id, { email: uniqueVisitor('pertama') });
    const second = await registerVisitor(ctx, event.id, { email: uniqueVisitor('kedua') });
    const third = await registerVisitor(ctx, event.id, { email: uniqueVisitor('ketiga') });
    const cancelled = await ctx.app.inject({ method: 'POST', url: `/api/public/outreach-registrations/${first.ticket.id}/cancel`, payload: { kunci: first.kunci } });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().ticket).toMatchObject({ status: 'cancelled', checkinCode: null, qrUrl: null, canCancel: false });
    expect(await counts(event.id)).toEqual({ cancelled: 1, registered: 1, waitlisted: 1 });

    const [secondRow] = await ctx.database.db.select().from(outreachRegistrations).where(eq(outreachRegistrations.id, second.ticket.id));
    const [thirdRow] = await ctx.database.db.select().from(outreachRegistrations).where(eq(outreachRegistrations.id, third.ticket.id));
    expect(secondRow).toMatchObject({ status: 'registered', promotedAt: expect.any(Date) });
    expect((await emailsTo(secondRow!.email)).map((m) => m.subject)).toContain(`Kursi tersedia: ${event.title}`);
    expect((await emailsTo(thirdRow!.email)).map((m) => m.subject)).not.toContain(`Kursi tersedia: ${event.title}`);
    expect((await ctx.app.inject({ method: 'GET', url: ticketUrl(third.ticketPath) })).json().ticket.waitlistPosition).toBe(1);

    // A second cancellation changes nothing.
    const again = await ctx.app.inject({ method: 'POST', url: `/api/public/outreach-registrations/${first.ticket.id}/cancel`, payload: { kunci: first.kunci } });
    expect(again.statusCode).toBe(409);
    expect(await counts(event.id)).toEqual({ cancelled: 1, registered: 1, waitlisted: 1 });
    // The cancelled QR no longer exists.
    expect((await ctx.app.inject({ method: 'GET', url: first.ticket.qrUrl! })).statusCode).toBe(409);
  });

  it('refuses a forged link — 404, nothing changed', async () => {
    const event = await eventRow(ctx, agencyId);
    const { ticket } = await registerVisitor(ctx, event.id);
    const forged = await ctx.app.inject({ method: 'POST', url: `/api/public/outreach-registrations/${ticket.id}/cancel`, payload: { kunci: 'x'.repeat(32) } });
    expect(forged.statusCode).toBe(404);
    expect(await counts(event.id)).toEqual({ registered: 1 });
  });

  it('refuses to cancel once the event has started — 409', async () => {
    const event = await eventRow(ctx, agencyId, { startsAt: new Date(Date.now() + HOUR) });
    const { ticket, kunci } = await registerVisitor(ctx, event.id);
    await ctx.database.db.update(outreachEvents).set({ startsAt: new Date(Date.now() - 60_000) }).where(eq(outreachEvents.id, event.id));
    const response = await ctx.app.inject({ method: 'POST', url: `/api/public/outreach-registrations/${ticket.id}/cancel`, payload: { kunci } });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/sudah dimulai/);
  });

  it('lets someone who cancelled register again, at the end of the line', async () => {
    const event = await eventRow(ctx, agencyId, { capacity: 1 });
    const email = uniqueVisitor('kembali');
    const first = await registerVisitor(ctx, event.id, { email });
    await registerVisitor(ctx, event.id);
    await ctx.app.inject({ method: 'POST', url: `/api/public/outreach-registrations/${first.ticket.id}/cancel`, payload: { kunci: first.kunci } });
    const back = await registerRequest(event.id, registerBody({ email }));
    expect(back.statusCode).toBe(201);
    expect(back.json().ticket).toMatchObject({ id: first.ticket.id, status: 'waitlisted', waitlistPosition: 1 });
    expect(back.json().ticket.checkinCode).not.toBe(first.ticket.checkinCode);
  });
});

describe('check-in at the door', () => {
  it('checks a registrant in by the scanned URL, once; attendance by group and the public count change', async () => {
    const event = await eventRow(ctx, agencyId, { startsAt: new Date(Date.now() + HOUR), audiences: ['pelajar', 'mahasiswa', 'umum'] });
    const student = await registerVisitor(ctx, event.id, { audience: 'mahasiswa', name: 'Budi Mahasiswa' });
    await registerVisitor(ctx, event.id, { audience: 'pelajar' });
    const before = (await request(ctx, admin.cookie, { method: 'GET', url: `${base()}/${event.id}/attendance` })).json();
    expect(before.byAudience.find((g: { audience: string }) => g.audience === 'mahasiswa')).toMatchObject({ registered: 1, attended: 0 });

    const response = await checkIn(event.id, student.ticket.checkinUrl!, panitia.cookie);
    expect(response.statusCode).toBe(200);
    expect(response.json().registration).toMatchObject({ id: student.ticket.id, name: 'Budi Mahasiswa', audience: 'mahasiswa', checkedInAt: expect.any(String) });

    const after = (await request(ctx, admin.cookie, { method: 'GET', url: `${base()}/${event.id}/attendance` })).json();
    expect(after).toMatchObject({
      capacity: 50,
      byAudience: [
        { audience: 'pelajar', registered: 1, waitlisted: 0, attended: 0 },
        { audience: 'mahasiswa', registered: 1, waitlisted: 0, attended: 1 },
        { audience: 'umum', registered: 0, waitlisted: 0, attended: 0 },
      ],
      total: { registered: 2, attended: 1 },
    });
    expect((await ctx.app.inject({ method: 'GET', url: `/api/public/outreach-events/${event.id}` })).json().event.counts).toMatchObject({ registered: 2, attended: 1 });
    const audit = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'outreach.check_in'), eq(auditLog.targetId, student.ticket.id))).orderBy(auditLog.chain, auditLog.seq);
    expect(audit).toHaveLength(1);

    const twice = await checkIn(event.id, student.ticket.checkinCode!.toLowerCase());
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toMatch(/sudah tercatat hadir pada \d{1,2} \w+ \d{4} \d{2}\.\d{2} WIB/);
    expect(twice.json().error.fields.code).toBe(twice.json().error.message);
  });

  it('refuses a forged code — 404, and text that is no code at all — 400', async () => {
    const event = await eventRow(ctx, agencyId, { startsAt: new Date(Date.now() + HOUR) });
    const forged = await checkIn(event.id, checkinUrl(ctx.config.publicUrl, '0000000000000000'));
    expect(forged.statusCode).toBe(404);
    expect(forged.json().error.message).toMatch(/tidak dikenal/);
    const junk = await checkIn(event.id, 'https://situs-lain.example/halo');
    expect(junk.statusCode).toBe(400);
    expect(junk.json().error.fields).toHaveProperty('code');
  });

  it("refuses another event's QR, a waitlisted and a cancelled registration — 409, nobody marked present", async () => {
    const event = await eventRow(ctx, agencyId, { capacity: 1, startsAt: new Date(Date.now() + HOUR) });
    const other = await eventRow(ctx, agencyId, { startsAt: new Date(Date.now() + HOUR) });
    const otherTicket = await registerVisitor(ctx, other.id);
    const seated = await registerVisitor(ctx, event.id);
    const waiting = await registerVisitor(ctx, event.id);
    const leaving = await registerVisitor(ctx, other.id);
    await ctx.app.inject({ method: 'POST', url: `/api/public/outreach-registrations/${leaving.ticket.id}/cancel`, payload: { kunci: leaving.kunci } });

    const wrongEvent = await checkIn(event.id, otherTicket.ticket.checkinUrl!);
    expect(wrongEvent.statusCode).toBe(409);
    expect(wrongEvent.json().error.message).toMatch(/acara lain/);
    const waitlisted = await checkIn(event.id, waiting.ticket.checkinUrl!);
    expect(waitlisted.statusCode).toBe(409);
    expect(waitlisted.json().error.message).toMatch(/daftar tunggu/);
    const cancelled = await checkIn(other.id, leaving.ticket.checkinCode!);
    expect(cancelled.statusCode).toBe(409);
    expect(cancelled.json().error.message).toMatch(/dibatalkan/);
    const present = await ctx.database.db.select().from(outreachRegistrations).where(eq(outreachRegistrations.eventId, event.id));
    expect(present.every((r) => r.checkedInAt === null)).toBe(true);
    expect((await checkIn(event.id, seated.ticket.checkinUrl!)).statusCode).toBe(200);
  });

  it('refuses check-in more than 12 hours before the event — 409', async () => {
    const event = await eventRow(ctx, agencyId, { startsAt: new Date(Date.now() + 13 * HOUR) });
    const { ticket } = await registerVisitor(ctx, event.id);
    const early = await checkIn(event.id, ticket.checkinUrl!);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/12 jam/);
  });

  it('lists registrations with search, status filter, pagination and masked phone numbers', async () => {
    const event = await eventRow(ctx, agencyId, { capacity: 2 });
    for (const name of ['Ani Pelajar', 'Bayu Pelajar', 'Citra Umum']) {
      await registerRequest(event.id, registerBody({ name, phone: '081234567890' }));
    }
    const page1 = (await request(ctx, admin.cookie, { method: 'GET', url: `${base()}/${event.id}/registrations?pageSize=2` })).json();
    expect(page1).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.items.map((r: { name: string }) => r.name)).toEqual(['Ani Pelajar', 'Bayu Pelajar']);
    expect(page1.items[0].phone).toBe('0812*****890');
    const waiting = (await request(ctx, admin.cookie, { method: 'GET', url: `${base()}/${event.id}/registrations?status=waitlisted` })).json();
    expect(waiting.items).toEqual([expect.objectContaining({ name: 'Citra Umum', waitlistPosition: 1 })]);
    const found = (await request(ctx, admin.cookie, { method: 'GET', url: `${base()}/${event.id}/registrations?q=bayu` })).json();
    expect(found).toMatchObject({ total: 1, items: [{ name: 'Bayu Pelajar' }] });
  });
});

describe('materials', () => {
  it('accepts PDF materials, offers them publicly only once the event has started', async () => {
    const event = await eventRow(ctx, agencyId);
    const pdf = await makePdf({ text: 'Paparan seleksi ASN' });
    const { payload, headers } = await multipart({ title: 'Paparan seleksi' }, { name: 'paparan.pdf', content: pdf, type: 'application/pdf' });
    const uploaded = await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/${event.id}/materials`, payload, headers });
    expect(uploaded.statusCode).toBe(201);
    const material = uploaded.json().event.materials[0];
    expect(material).toMatchObject({ title: 'Paparan seleksi', fileName: 'paparan.pdf', sizeBytes: pdf.length });

    const before = (await ctx.app.inject({ method: 'GET', url: `/api/public/outreach-events/${event.id}` })).json().event;
    expect(before).toMatchObject({ materialsAvailable: false, materialCount: 1, materials: [] });
    const early = await ctx.app.inject({ method: 'GET', url: `/api/public/outreach-events/${event.id}/materials/${material.id}` });
    expect(early.statusCode).toBe(403);
    expect(early.json().error.message).toMatch(/setelah acara dimulai/);

    await ctx.database.db.update(outreachEvents).set({ startsAt: new Date(Date.now() - 60_000) }).where(eq(outreachEvents.id, event.id));
    const after = (await ctx.app.inject({ method: 'GET', url: `/api/public/outreach-events/${event.id}` })).json().event;
    expect(after.materials[0]).toMatchObject({ downloadUrl: `/api/public/outreach-events/${event.id}/materials/${material.id}` });
    const download = await ctx.app.inject({ method: 'GET', url: after.materials[0].downloadUrl });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
  });

  it('refuses a JPEG renamed .pdf as material — 415, nothing added', async () => {
    const event = await eventRow(ctx, agencyId);
    const { payload, headers } = await multipart({}, { name: 'materi.pdf', content: await makeJpeg() });
    const response = await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/${event.id}/materials`, payload, headers });
    expect(response.statusCode).toBe(415);
    expect(await ctx.database.db.select().from(outreachMaterials).where(eq(outreachMaterials.eventId, event.id))).toEqual([]);
  });

  it('does not offer a draft event material publicly — 404', async () => {
    const { event, materialId } = await startedEventWithMaterial(ctx, agencyId);
    await ctx.database.db.update(outreachEvents).set({ status: 'draft' }).where(eq(outreachEvents.id, event.id));
    expect((await ctx.app.inject({ method: 'GET', url: `/api/public/outreach-events/${event.id}/materials/${materialId}` })).statusCode).toBe(404);
  });
});

describe('tenant isolation', () => {
  it("cannot reach another agency's event, registrations or materials through its own path — 404, nothing changed", async () => {
    const { event: foreign, materialId } = await startedEventWithMaterial(ctx, otherAgencyId);
    await ctx.database.db.update(outreachEvents).set({ startsAt: new Date(Date.now() + HOUR), endsAt: new Date(Date.now() + 3 * HOUR) }).where(eq(outreachEvents.id, foreign.id));
    const visitor = await registerVisitor(ctx, foreign.id);
    const attempts = [
      { method: 'GET' as const, url: `${base()}/${foreign.id}` },
      { method: 'PATCH' as const, url: `${base()}/${foreign.id}`, payload: { capacity: 1 } },
      { method: 'POST' as const, url: `${base()}/${foreign.id}/publish` },
      { method: 'POST' as const, url: `${base()}/${foreign.id}/cancel`, payload: {} },
      { method: 'GET' as const, url: `${base()}/${foreign.id}/registrations` },
      { method: 'GET' as const, url: `${base()}/${foreign.id}/attendance` },
      { method: 'POST' as const, url: `${base()}/${foreign.id}/check-in`, payload: { code: visitor.ticket.checkinUrl } },
      { method: 'GET' as const, url: `${base()}/${foreign.id}/materials/${materialId}` },
      { method: 'DELETE' as const, url: `${base()}/${foreign.id}/materials/${materialId}` },
    ];
    for (const attempt of attempts) {
      const response = await request(ctx, admin.cookie, attempt);
      expect({ ...attempt, status: response.statusCode }).toEqual({ ...attempt, status: 404 });
    }
    // A registrant of the other agency's event presented at this agency's own event.
    const mine = await eventRow(ctx, agencyId, { startsAt: new Date(Date.now() + HOUR) });
    expect((await checkIn(mine.id, visitor.ticket.checkinUrl!)).statusCode).toBe(409);

    const [row] = await ctx.database.db.select().from(outreachEvents).where(eq(outreachEvents.id, foreign.id));
    expect(row).toMatchObject({ status: 'published', capacity: 50 });
    const [registration] = await ctx.database.db.select().from(outreachRegistrations).where(eq(outreachRegistrations.id, visitor.ticket.id));
    expect(registration?.checkedInAt).toBeNull();
    expect(await ctx.database.db.select().from(outreachMaterials).where(eq(outreachMaterials.id, materialId))).toHaveLength(1);
    const theirs = await request(ctx, otherAdmin.cookie, { method: 'GET', url: `${base(otherAgencyId)}/${foreign.id}` });
    expect(theirs.json().event.counts.registered).toBe(1);
  });
});
