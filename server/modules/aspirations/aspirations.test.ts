import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithSession, createAgencyRow, createTestApp, request, type TestContext } from '../../test-support/app.js';
import { auditLog } from '../audit/audit.table.js';
import { makeJpeg, makePdf } from '../files/files.fixtures.js';
import { listTemporaryFiles } from '../files/files.service.js';
import { outbox } from '../notifications/notifications.table.js';
import { createUnitRow } from '../organisation/organisation.fixtures.js';
import { forumRow, submitted } from './aspirations.fixtures.js';
import { aspirationEvents, aspirationFiles, aspirations } from './aspirations.table.js';

let ctx: TestContext;
let agencyId: string;
let otherAgencyId: string;
let admin: { cookie: string; account: { id: string } };
let panitia: { cookie: string };
let observer: { cookie: string };
let otherAdmin: { cookie: string };
let address = 0;
const nextAddress = () => `10.77.${(address >> 8) & 255}.${++address & 255}`;
const LIMIT = 5;

beforeAll(async () => {
  ctx = await createTestApp({ RATE_LIMIT_PUBLIC_PER_MINUTE: String(LIMIT) });
  agencyId = (await createAgencyRow(ctx, 'Instansi Pengaduan')).id;
  otherAgencyId = (await createAgencyRow(ctx, 'Instansi Lain')).id;
  admin = await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId }] });
  panitia = await accountWithSession(ctx, { roles: [{ role: 'panitia', agencyId }] });
  observer = await accountWithSession(ctx, { roles: [{ role: 'pengawas', agencyId }] });
  otherAdmin = await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId: otherAgencyId }] });
}, 120_000);
afterAll(() => ctx.close());

type Attachment = { name: string; content: Buffer; type: string };

async function form(fields: Record<string, string>, attachments: Attachment[] = []) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  for (const file of attachments) data.append('file', new Blob([new Uint8Array(file.content)], { type: file.type }), file.name);
  const response = new Response(data);
  return { payload: Buffer.from(await response.arrayBuffer()), headers: { 'content-type': response.headers.get('content-type')! } };
}

const fields = (over: Record<string, string> = {}) => ({
  agencyId,
  category: 'perilaku_petugas',
  subject: 'Petugas loket tidak ramah',
  body: 'Pada Senin pagi petugas loket dua membentak warga lanjut usia yang bertanya tentang syarat KTP.',
  anonymous: '0',
  name: 'Sri Wahyuni',
  email: 'sri.wahyuni@contoh.id',
  phone: '0812 3456 7890',
  ...over,
});

async function submit(over: Record<string, string> = {}, attachments: Attachment[] = [], remoteAddress = nextAddress()) {
  const { payload, headers } = await form(fields(over), attachments);
  return ctx.app.inject({ method: 'POST', url: '/api/public/aspirations', payload, headers, remoteAddress });
}
const track = (code: string, remoteAddress = nextAddress()) => ctx.app.inject({ method: 'POST', url: '/api/public/aspirations/track', payload: { code }, remoteAddress });
const base = (agency = agencyId) => `/api/agencies/${agency}/aspirations`;
/** References are numbered per agency: a row is found by its agency and reference. */
async function rowOf(reference: string, agency = agencyId) {
  const [row] = await ctx.database.db.select().from(aspirations).where(and(eq(aspirations.reference, reference), eq(aspirations.agencyId, agency)));
  return row;
}
const total = async () => (await ctx.database.db.select({ n: count() }).from(aspirations))[0]!.n;

describe('public submission', () => {
  it('files a complaint with attachments and gives a tracking code once — 201', async () => {
    const response = await submit({}, [
      { name: 'foto-loket.jpg', content: await makeJpeg(), type: 'image/jpeg' },
      { name: 'kronologi.pdf', content: await makePdf({ text: 'Kronologi kejadian' }), type: 'application/pdf' },
    ]);
    expect(response.statusCode).toBe(201);
    const receipt = response.json();
    expect(receipt.reference).toMatch(/^ADU-\d{4}-\d{6}$/);
    expect(receipt.trackingCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    const row = await rowOf(receipt.reference);
    expect(row).toMatchObject({ status: 'received', category: 'perilaku_petugas', anonymous: false, reporterName: 'Sri Wahyuni', reporterPhone: '081234567890' });
    // Only the hash of the code is kept.
    expect(JSON.stringify(row)).not.toContain(receipt.trackingCode.replaceAll('-', ''));
    expect(await ctx.database.db.select().from(aspirationFiles).where(eq(aspirationFiles.aspirationId, row!.id))).toHaveLength(2);
    // Due 14 days (the default service level) after the day of receipt, at the end of the local day.
    expect((row!.dueAt.getTime() - row!.createdAt.getTime()) / 86_400_000).toBeGreaterThan(14);
    expect((row!.dueAt.getTime() - row!.createdAt.getTime()) / 86_400_000).toBeLessThanOrEqual(15);
    const [mail] = await ctx.database.db.select().from(outbox).where(eq(outbox.toAddress, 'sri.wahyuni@contoh.id'));
    expect(mail!.textBody).toContain(receipt.trackingCode);
    const trail = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, row!.id)).orderBy(auditLog.chain, auditLog.seq);
    expect(trail.map((e) => e.action)).toEqual(['aspiration.submit']);
  });

  it('files an anonymous complaint without any name or contact', async () => {
    const response = await submit({ anonymous: '1', name: '', email: '', phone: '' });
    expect(response.statusCode).toBe(201);
    const row = await rowOf(response.json().reference);
    expect(row).toMatchObject({ anonymous: true, reporterName: null, reporterEmail: null, reporterPhone: null });
  });

  it('refuses bad fields, naming each, and stores nothing — 400', async () => {
    const before = await total();
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ category: 'politik' }, 'category', /Pilih kategori/],
      [{ subject: '' }, 'subject', /minimal 5/],
      [{ body: 'terlalu pendek' }, 'body', /minimal 20/],
      [{ body: 'x'.repeat(5001) }, 'body', /maksimal 5.000/],
      [{ agencyId: 'bukan-uuid' }, 'agencyId', /UUID/],
      [{ agencyId: '7f0c3f7e-5d3a-4a53-9d5e-3a9d1f0b9c11' }, 'agencyId', /Instansi tidak ditemukan/],
      [{ anonymous: '1' }, 'name', /Pengaduan anonim tidak menyertakan nama/],
      [{ name: '' }, 'name', /Nama wajib diisi, atau pilih kirim secara anonim/],
      [{ phone: '12345' }, 'phone', /Nomor ponsel tidak valid/],
      [{ email: 'bukan-email' }, 'email', /email/i],
    ];
    for (const [over, field, message] of cases) {
      const response = await submit(over);
      expect(response.statusCode, JSON.stringify(over)).toBe(400);
      expect(response.json().error.fields[field], JSON.stringify(over)).toMatch(message);
    }
    expect(await total()).toBe(before);
  });

  it('refuses a file that is not what it claims, and a fourth attachment, keeping nothing — 415/400', async () => {
    const before = await total();
    const fake = await submit({}, [{ name: 'bukti.pdf', content: Buffer.from('ini bukan PDF sama sekali'), type: 'application/pdf' }]);
    expect(fake.statusCode).toBe(415);
    const pdf = await makePdf();
    const many = await submit({}, [1, 2, 3, 4].map((i) => ({ name: `lampiran-${i}.pdf`, content: pdf, type: 'application/pdf' })));
    expect(many.statusCode).toBe(400);
    expect(many.json().error.fields.file).toMatch(/paling banyak 3/);
    expect(await total()).toBe(before);
    expect(await listTemporaryFiles(ctx.config.uploadDir)).toEqual([]);
  });

  it('refuses a filled hidden field and a body that is not multipart — 400/415', async () => {
    const before = await total();
    expect((await submit({ website: 'http://iklan.example' })).statusCode).toBe(400);
    const json = await ctx.app.inject({ method: 'POST', url: '/api/public/aspirations', payload: fields(), remoteAddress: nextAddress() });
    expect(json.statusCode).toBe(415);
    expect(await total()).toBe(before);
  });

  it('stops a flood from one address — 429, nothing more stored', async () => {
    const before = await total();
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i += 1) statuses.push((await submit({ subject: `Keluhan berulang ${i}` }, [], '10.99.0.1')).statusCode);
    expect(statuses).toEqual([...new Array(LIMIT).fill(201), 429, 429]);
    expect(await total()).toBe(before + LIMIT);
  });
});

describe('tracking', () => {
  it('follows a complaint from receipt to its answer with the code, however it is typed', async () => {
    const receipt = (await submit()).json();
    const first = await track(receipt.trackingCode.toLowerCase().replaceAll('-', ' '));
    expect(first.statusCode).toBe(200);
    expect(first.json().aspiration).toMatchObject({ reference: receipt.reference, status: 'received', answer: null, overdue: false, timeline: [{ kind: 'submitted' }] });

    const row = await rowOf(receipt.reference);
    const unit = await createUnitRow(ctx.database.db, agencyId, { name: 'Dinas Kependudukan dan Pencatatan Sipil' });
    await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/${row!.id}/route`, payload: { unitId: unit.id } });
    await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/${row!.id}/notes`, payload: { note: 'Petugas sudah dipanggil atasan.' } });
    await request(ctx, panitia.cookie, { method: 'POST', url: `${base()}/${row!.id}/answer`, payload: { answer: 'Petugas telah ditegur dan mengikuti pelatihan pelayanan prima.' } });
    const tracked = (await track(receipt.trackingCode)).json().aspiration;
    expect(tracked).toMatchObject({ status: 'answered', unitName: 'Dinas Kependudukan dan Pencatatan Sipil', answer: 'Petugas telah ditegur dan mengikuti pelatihan pelayanan prima.' });
    expect(tracked.timeline.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'routed', 'answered']);
    // The internal note stays inside.
    expect(JSON.stringify(tracked)).not.toContain('dipanggil atasan');
    const [mail] = (await ctx.database.db.select().from(outbox).where(eq(outbox.toAddress, 'sri.wahyuni@contoh.id'))).filter((m) => m.subject.includes('dijawab'));
    expect(mail!.textBody).toContain('pelatihan pelayanan prima');
  });

  it('answers 404 for a guessed code and 400 for what cannot be a code, revealing nothing', async () => {
    const guessed = await track('ABCDE-FGHJK-MNPQR-STVWX');
    expect(guessed.statusCode).toBe(404);
    expect(guessed.json().error.message).toMatch(/Kode pelacakan tidak ditemukan/);
    expect((await track('12345')).statusCode).toBe(400);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/public/aspirations/track', payload: { code: 'x'.repeat(101) }, remoteAddress: nextAddress() })).statusCode).toBe(400);
  });

  it('limits look-ups from one address — 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 1; i += 1) statuses.push((await track('ABCDE-FGHJK-MNPQR-STVW0', '10.98.0.1')).statusCode);
    expect(statuses).toEqual([...new Array(LIMIT).fill(404), 429]);
  });
});

describe('handling by staff', () => {
  it('routes, answers and closes in order, refusing out-of-order steps — 409', async () => {
    const receipt = await submitted(ctx, agencyId);
    const row = await rowOf(receipt.reference);
    const url = `${base()}/${row!.id}`;
    const early = await request(ctx, admin.cookie, { method: 'POST', url: `${url}/close`, payload: {} });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/setelah dijawab/);
    expect((await request(ctx, admin.cookie, { method: 'POST', url: `${url}/answer`, payload: { answer: 'Terima kasih, antrean daring sudah dibuka sejak hari ini.' } })).json().aspiration.status).toBe('answered');
    const closed = await request(ctx, admin.cookie, { method: 'POST', url: `${url}/close`, payload: { note: 'Pelapor menyatakan puas.' } });
    expect(closed.json().aspiration).toMatchObject({ status: 'closed', overdue: false });
    expect((await request(ctx, admin.cookie, { method: 'POST', url: `${url}/answer`, payload: { answer: 'Jawaban susulan yang terlambat.' } })).statusCode).toBe(409);
    const unit = await createUnitRow(ctx.database.db, agencyId);
    expect((await request(ctx, admin.cookie, { method: 'POST', url: `${url}/route`, payload: { unitId: unit.id } })).statusCode).toBe(409);
    const trail = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, row!.id)).orderBy(auditLog.chain, auditLog.seq);
    expect(trail.map((e) => e.action)).toEqual(['aspiration.submit', 'aspiration.answer', 'aspiration.close']);
  });

  it('refuses routing to another agency’s unit and a bad answer — 400, nothing changed', async () => {
    const receipt = await submitted(ctx, agencyId);
    const row = await rowOf(receipt.reference);
    const foreignUnit = await createUnitRow(ctx.database.db, otherAgencyId);
    const routed = await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/${row!.id}/route`, payload: { unitId: foreignUnit.id } });
    expect(routed.statusCode).toBe(400);
    expect(routed.json().error.fields.unitId).toMatch(/tidak ditemukan di instansi ini/);
    expect((await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/${row!.id}/answer`, payload: { answer: 'ok' } })).json().error.fields.answer).toMatch(/minimal 10/);
    const [after] = await ctx.database.db.select().from(aspirations).where(eq(aspirations.id, row!.id));
    expect(after).toMatchObject({ status: 'received', unitId: null, answer: null });
  });

  it('shows observers the complaint without the reporter’s contact and lets them change nothing — 403', async () => {
    const receipt = await submitted(ctx, agencyId, { email: 'warga@contoh.id' });
    const row = await rowOf(receipt.reference);
    expect((await request(ctx, admin.cookie, { method: 'GET', url: `${base()}/${row!.id}` })).json().aspiration.reporter).toMatchObject({ name: 'Budi Santoso', email: 'warga@contoh.id' });
    const seen = await request(ctx, observer.cookie, { method: 'GET', url: `${base()}/${row!.id}` });
    expect(seen.json().aspiration.reporter).toBeNull();
    expect((await request(ctx, observer.cookie, { method: 'POST', url: `${base()}/${row!.id}/answer`, payload: { answer: 'Jawaban dari pengawas.' } })).statusCode).toBe(403);
  });

  it('keeps other agencies out of complaints and attachments — 403/404', async () => {
    const response = await submit({}, [{ name: 'bukti.pdf', content: await makePdf(), type: 'application/pdf' }]);
    const row = await rowOf(response.json().reference);
    const detail = (await request(ctx, admin.cookie, { method: 'GET', url: `${base()}/${row!.id}` })).json().aspiration;
    const download = await request(ctx, admin.cookie, { method: 'GET', url: detail.files[0].downloadUrl });
    expect([download.statusCode, download.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect((await request(ctx, otherAdmin.cookie, { method: 'GET', url: `${base()}/${row!.id}` })).statusCode).toBe(403);
    expect((await request(ctx, otherAdmin.cookie, { method: 'GET', url: `${base(otherAgencyId)}/${row!.id}` })).statusCode).toBe(404);
    expect((await request(ctx, otherAdmin.cookie, { method: 'GET', url: detail.files[0].downloadUrl.replace(agencyId, otherAgencyId) })).statusCode).toBe(404);
    expect((await request(ctx, otherAdmin.cookie, { method: 'POST', url: `${base(otherAgencyId)}/${row!.id}/answer`, payload: { answer: 'Jawaban dari instansi lain.' } })).statusCode).toBe(404);
  });

  it('flags overdue complaints first, counts them, and follows the agency’s service level', async () => {
    const agency = (await createAgencyRow(ctx, 'Instansi SLA')).id;
    const head = await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId: agency }] });
    const late = await submitted(ctx, agency, { subject: 'Pengaduan yang terlambat' });
    await ctx.database.db.update(aspirations).set({ dueAt: new Date(Date.now() - 86_400_000) }).where(and(eq(aspirations.reference, late.reference), eq(aspirations.agencyId, agency)));
    expect((await request(ctx, head.cookie, { method: 'PUT', url: `/api/agencies/${agency}/aspiration-settings`, payload: { slaDays: 7 } })).json()).toEqual({ slaDays: 7 });
    expect((await request(ctx, head.cookie, { method: 'PUT', url: `/api/agencies/${agency}/aspiration-settings`, payload: { slaDays: 0 } })).statusCode).toBe(400);
    const soon = await submitted(ctx, agency, { subject: 'Pengaduan baru', category: 'rekrutmen' });
    const days = (new Date(soon.dueAt).getTime() - new Date(soon.receivedAt).getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(7);
    expect(days).toBeLessThanOrEqual(8);

    const list = (await request(ctx, head.cookie, { method: 'GET', url: `/api/agencies/${agency}/aspirations` })).json();
    expect(list.items.map((i: { reference: string; overdue: boolean }) => [i.reference, i.overdue])).toEqual([
      [late.reference, true],
      [soon.reference, false],
    ]);
    expect((await request(ctx, head.cookie, { method: 'GET', url: `/api/agencies/${agency}/aspirations?overdue=1` })).json().total).toBe(1);
    const summary = (await request(ctx, head.cookie, { method: 'GET', url: `/api/agencies/${agency}/aspirations/summary` })).json();
    expect(summary).toMatchObject({ slaDays: 7, total: 2, open: 2, overdueOpen: 1, closed: 0, medianDaysToClose: null });
    expect(summary.byCategory.find((c: { category: string }) => c.category === 'rekrutmen')).toMatchObject({ count: 1, open: 1 });
    // A panel member may handle complaints but not change the agency's service level.
    expect((await request(ctx, panitia.cookie, { method: 'PUT', url: `/api/agencies/${agencyId}/aspiration-settings`, payload: { slaDays: 10 } })).statusCode).toBe(403);
  });
});

describe('community forums', () => {
  it('schedules a forum, refuses minutes before it starts, records them after, and links follow-ups', async () => {
    const created = await request(ctx, admin.cookie, {
      method: 'POST',
      url: `/api/agencies/${agencyId}/forums`,
      payload: { title: 'Forum warga Kelurahan Pasar Manna', venue: 'Balai kelurahan', agenda: 'Pelayanan kependudukan', scheduledAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(created.statusCode).toBe(201);
    const forum = created.json().forum;
    const minutesUrl = `/api/agencies/${agencyId}/forums/${forum.id}/minutes`;
    const early = await request(ctx, admin.cookie, { method: 'POST', url: minutesUrl, payload: { minutes: 'Warga meminta loket akta dibuka lebih pagi.', attendees: 40 } });
    expect(early.statusCode).toBe(409);
    await request(ctx, admin.cookie, { method: 'PATCH', url: `/api/agencies/${agencyId}/forums/${forum.id}`, payload: { scheduledAt: new Date(Date.now() - 3_600_000).toISOString() } });
    const recorded = await request(ctx, admin.cookie, { method: 'POST', url: minutesUrl, payload: { minutes: 'Warga meminta loket akta dibuka lebih pagi dan antrean daring.', attendees: 40 } });
    expect(recorded.json().forum).toMatchObject({ status: 'held', attendees: 40 });

    const unit = await createUnitRow(ctx.database.db, agencyId, { name: 'Dinas Dukcapil' });
    const followupUrl = `/api/agencies/${agencyId}/forums/${forum.id}/followups`;
    const raised = await request(ctx, panitia.cookie, {
      method: 'POST',
      url: followupUrl,
      payload: { category: 'kualitas_layanan', subject: 'Loket akta dibuka pukul 07.30', body: 'Usulan warga dalam forum: loket akta kelahiran dibuka lebih pagi.', unitId: unit.id },
    });
    expect(raised.statusCode).toBe(201);
    expect(raised.json().forum.followups).toMatchObject([{ source: 'forum', status: 'in_progress', unit: { name: 'Dinas Dukcapil' } }]);
    const existing = await submitted(ctx, agencyId, { subject: 'Antrean daring belum ada' });
    const row = await rowOf(existing.reference);
    expect((await request(ctx, admin.cookie, { method: 'POST', url: followupUrl, payload: { aspirationId: row!.id } })).json().forum.followups).toHaveLength(2);
    expect((await request(ctx, admin.cookie, { method: 'POST', url: followupUrl, payload: { aspirationId: row!.id } })).statusCode).toBe(409);
    const events = await ctx.database.db.select().from(aspirationEvents).where(eq(aspirationEvents.aspirationId, row!.id));
    expect(events.map((e) => e.kind)).toEqual(['submitted', 'forum']);
    expect((await request(ctx, admin.cookie, { method: 'GET', url: `${base()}/${row!.id}` })).json().aspiration.forums).toMatchObject([{ id: forum.id }]);

    const past = (await ctx.app.inject({ method: 'GET', url: `/api/public/forums?agencyId=${agencyId}&when=past` })).json();
    const shown = past.items.find((f: { id: string }) => f.id === forum.id);
    expect(shown).toMatchObject({ minutes: 'Warga meminta loket akta dibuka lebih pagi dan antrean daring.', attendees: 40 });
    expect(shown.followups.map((f: { subject: string }) => f.subject).sort()).toEqual(['Antrean daring belum ada', 'Loket akta dibuka pukul 07.30']);
  });

  it('refuses follow-ups of a cancelled forum and another agency’s complaint — 409/400', async () => {
    const forum = await forumRow(ctx, agencyId, { status: 'cancelled' });
    const response = await request(ctx, admin.cookie, { method: 'POST', url: `/api/agencies/${agencyId}/forums/${forum.id}/followups`, payload: { category: 'lainnya', subject: 'Usulan apa pun', body: 'Usulan dari forum yang sebenarnya dibatalkan.' } });
    expect(response.statusCode).toBe(409);
    const open = await forumRow(ctx, agencyId);
    const foreign = await submitted(ctx, otherAgencyId);
    const row = await rowOf(foreign.reference, otherAgencyId);
    const linked = await request(ctx, admin.cookie, { method: 'POST', url: `/api/agencies/${agencyId}/forums/${open.id}/followups`, payload: { aspirationId: row!.id } });
    expect(linked.statusCode).toBe(400);
    expect(linked.json().error.fields.aspirationId).toMatch(/tidak ditemukan/);
  });
});
