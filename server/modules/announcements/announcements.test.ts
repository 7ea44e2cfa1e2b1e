import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithSession, createAgencyRow, createTestApp, request, type TestContext } from '../../test-support/app.js';
import { auditLog } from '../audit/audit.table.js';
import { makeJpeg, makePdf, multipart } from '../files/files.fixtures.js';
import { listTemporaryFiles } from '../files/files.service.js';
import { files } from '../files/files.table.js';
import { selections } from '../selections/selections.table.js';
import { draftAnnouncement, publishedAnnouncement } from './announcements.fixtures.js';
import { publishGeneratedAnnouncement } from './announcements.service.js';
import { announcementFiles, announcements } from './announcements.table.js';

let ctx: TestContext;
let agencyId: string;
let otherAgencyId: string;
let admin: { cookie: string; account: { id: string } };
let panitia: { cookie: string };
let pengawas: { cookie: string };
let otherAdmin: { cookie: string };

beforeAll(async () => {
  ctx = await createTestApp();
  agencyId = (await createAgencyRow(ctx, 'Instansi Pengumuman')).id;
  otherAgencyId = (await createAgencyRow(ctx, 'Instansi Lain')).id;
  admin = await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId }] });
  panitia = await accountWithSession(ctx, { roles: [{ role: 'panitia', agencyId }] });
  pengawas = await accountWithSession(ctx, { roles: [{ role: 'pengawas', agencyId }] });
  otherAdmin = await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId: otherAgencyId }] });
});
afterAll(() => ctx.close());

const base = (agency = agencyId) => `/api/agencies/${agency}/announcements`;
const sha = (content: Buffer) => createHash('sha256').update(content).digest('hex');

async function create(body: Record<string, unknown>, cookie = admin.cookie, agency = agencyId) {
  return request(ctx, cookie, { method: 'POST', url: base(agency), payload: body });
}

async function attach(announcementId: string, file: { name: string; content: Buffer }, fields: Record<string, string> = {}, cookie = admin.cookie, agency = agencyId) {
  const { payload, headers } = await multipart(fields, { ...file, type: 'application/pdf' });
  return request(ctx, cookie, { method: 'POST', url: `${base(agency)}/${announcementId}/files`, payload, headers });
}

async function snapshot() {
  const [a] = await ctx.database.db.select({ n: count() }).from(announcements);
  const [f] = await ctx.database.db.select({ n: count() }).from(files);
  const [af] = await ctx.database.db.select({ n: count() }).from(announcementFiles);
  return { announcements: a!.n, files: f!.n, attachments: af!.n, temporary: await listTemporaryFiles(ctx.config.uploadDir) };
}

async function createSelection(agency: string, name: string) {
  const [row] = await ctx.database.db.insert(selections).values({ agencyId: agency, type: 'cpns', year: 2026, name }).returning();
  return row!;
}

describe('writing and publishing an announcement', () => {
  it('creates a draft, attaches a PDF, publishes it with an audit record, and shows it publicly with its fingerprint', async () => {
    const selection = await createSelection(agencyId, 'Seleksi CPNS 2026');
    const created = await create({ title: 'Pengumuman Hasil Seleksi Administrasi', body: 'Berikut hasil seleksi administrasi.', kind: 'hasil_administrasi', selectionId: selection.id }, panitia.cookie);
    expect(created.statusCode).toBe(201);
    const draft = created.json().announcement;
    expect(draft).toMatchObject({ status: 'draft', publishedAt: null, selectionName: 'Seleksi CPNS 2026', files: [] });

    const pdf = await makePdf({ text: 'Daftar peserta MS dan TMS', pages: 2 });
    const attached = await attach(draft.id, { name: 'Hasil Administrasi.pdf', content: pdf }, { title: 'Daftar hasil administrasi' });
    expect(attached.statusCode).toBe(201);
    expect(attached.json().announcement.files).toEqual([
      { id: expect.any(String), title: 'Daftar hasil administrasi', fileName: 'Hasil Administrasi.pdf', sizeBytes: pdf.length, mime: 'application/pdf', sha256: sha(pdf) },
    ]);

    // Not public while a draft.
    expect((await ctx.app.inject({ method: 'GET', url: `/api/public/announcements/${draft.id}` })).statusCode).toBe(404);
    const unpublished = await ctx.app.inject({ method: 'GET', url: `/api/public/announcements/verify?sha256=${sha(pdf)}` });
    expect(unpublished.json()).toMatchObject({ found: false, matches: [] });

    const published = await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/${draft.id}/publish` });
    expect(published.statusCode).toBe(200);
    expect(published.json().announcement).toMatchObject({ status: 'published', publishedAt: expect.any(String) });

    const [audit] = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, draft.id)).orderBy(auditLog.seq);
    const trail = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'announcement.publish')).orderBy(auditLog.chain, auditLog.seq);
    expect(audit).toBeDefined();
    expect(trail.find((entry) => entry.targetId === draft.id)?.summary).toMatchObject({ after: { title: draft.title, files: [{ title: 'Daftar hasil administrasi', sha256: sha(pdf) }] } });

    const page = await ctx.app.inject({ method: 'GET', url: `/api/public/announcements/${draft.id}` });
    expect(page.statusCode).toBe(200);
    const announcement = page.json().announcement;
    expect(announcement).toMatchObject({ title: draft.title, agency: { id: agencyId }, selectionName: 'Seleksi CPNS 2026', supersededBy: null });
    expect(announcement.files[0]).toMatchObject({ sha256: sha(pdf), downloadUrl: `/api/public/announcements/${draft.id}/files/${announcement.files[0].id}` });

    const download = await ctx.app.inject({ method: 'GET', url: announcement.files[0].downloadUrl });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="Hasil Administrasi.pdf"; filename*=UTF-8''Hasil%20Administrasi.pdf`);
    expect(download.headers.etag).toBe(`"${sha(pdf)}"`);
    expect(download.rawPayload.equals(pdf)).toBe(true);
  });

  it('refuses to change a published announcement in any way — 409, nothing changed', async () => {
    const { announcement } = await publishedAnnouncement(ctx, agencyId, { title: 'Pengumuman yang tidak boleh diubah' });
    const before = await snapshot();
    const patch = await request(ctx, admin.cookie, { method: 'PATCH', url: `${base()}/${announcement.id}`, payload: { title: 'Judul yang diubah diam-diam' } });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().error.message).toMatch(/pengganti/);
    expect((await attach(announcement.id, { name: 'baru.pdf', content: await makePdf({ text: 'lampiran susulan' }) })).statusCode).toBe(409);
    expect((await request(ctx, admin.cookie, { method: 'DELETE', url: `${base()}/${announcement.id}/files/${announcement.files[0]!.id}` })).statusCode).toBe(409);
    expect((await request(ctx, admin.cookie, { method: 'DELETE', url: `${base()}/${announcement.id}` })).statusCode).toBe(409);
    expect((await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/${announcement.id}/publish` })).statusCode).toBe(409);
    expect(await snapshot()).toEqual(before);
    const after = await request(ctx, pengawas.cookie, { method: 'GET', url: `${base()}/${announcement.id}` });
    expect(after.json().announcement).toMatchObject({ title: 'Pengumuman yang tidak boleh diubah', files: [{ id: announcement.files[0]!.id }] });
  });

  it('refuses even a direct database change to a published announcement or its attachments', async () => {
    const { announcement } = await publishedAnnouncement(ctx, agencyId, { title: 'Terkunci di basis data' });
    const db = ctx.database.db;
    await expect(db.update(announcements).set({ title: 'Diubah langsung' }).where(eq(announcements.id, announcement.id))).rejects.toThrow();
    await expect(db.delete(announcements).where(eq(announcements.id, announcement.id))).rejects.toThrow();
    await expect(db.delete(announcementFiles).where(eq(announcementFiles.announcementId, announcement.id))).rejects.toThrow();
    const [file] = await db.select().from(files).limit(1);
    await expect(db.insert(announcementFiles).values({ announcementId: announcement.id, agencyId, fileId: file!.id, sha256: file!.sha256, title: 'Susulan' })).rejects.toThrow();
    const [row] = await db.select().from(announcements).where(eq(announcements.id, announcement.id));
    expect(row).toMatchObject({ title: 'Terkunci di basis data', status: 'published' });
    expect(await db.select().from(announcementFiles).where(eq(announcementFiles.announcementId, announcement.id))).toHaveLength(1);
  });

  it('edits a draft, removes an attachment and deletes a draft', async () => {
    const draft = (await create({ title: 'Draf jadwal ujian', body: 'Jadwal menyusul.', kind: 'jadwal' })).json().announcement;
    const edited = await request(ctx, panitia.cookie, { method: 'PATCH', url: `${base()}/${draft.id}`, payload: { body: 'Jadwal SKD: 1 Desember.' } });
    expect(edited.json().announcement).toMatchObject({ body: 'Jadwal SKD: 1 Desember.', kind: 'jadwal' });
    const withFile = (await attach(draft.id, { name: 'jadwal.pdf', content: await makePdf({ text: 'jadwal' }) })).json().announcement;
    const removed = await request(ctx, admin.cookie, { method: 'DELETE', url: `${base()}/${draft.id}/files/${withFile.files[0].id}` });
    expect(removed.json().announcement.files).toEqual([]);
    expect((await request(ctx, admin.cookie, { method: 'DELETE', url: `${base()}/${draft.id}` })).statusCode).toBe(204);
    expect((await request(ctx, admin.cookie, { method: 'GET', url: `${base()}/${draft.id}` })).statusCode).toBe(404);
  });

  it('lists drafts and published announcements for staff, with search and status filter', async () => {
    await create({ title: 'Draf khusus pencarian staf', body: 'isi' });
    const drafts = await request(ctx, pengawas.cookie, { method: 'GET', url: `${base()}?status=draft&q=${encodeURIComponent('pencarian staf')}` });
    expect(drafts.json()).toMatchObject({ total: 1, items: [{ title: 'Draf khusus pencarian staf', status: 'draft', fileCount: 0 }] });
  });
});

describe('superseding', () => {
  it('replaces a published announcement by a new draft that says so; once published the old one shows "digantikan oleh"', async () => {
    const { announcement: old, pdf } = await publishedAnnouncement(ctx, agencyId, { title: 'Hasil SKD (salah ketik)' });
    const started = await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/${old.id}/supersede`, payload: { title: 'Hasil SKD (ralat)' } });
    expect(started.statusCode).toBe(201);
    const replacement = started.json().announcement;
    expect(replacement).toMatchObject({ status: 'draft', title: 'Hasil SKD (ralat)', supersedes: { id: old.id, title: 'Hasil SKD (salah ketik)' }, files: [{ sha256: sha(pdf) }] });

    // Until the replacement is published, the old one stands (staff see the pending draft).
    const oldForStaff = await request(ctx, admin.cookie, { method: 'GET', url: `${base()}/${old.id}` });
    expect(oldForStaff.json().announcement).toMatchObject({ supersededBy: null, replacementDraft: { id: replacement.id } });
    expect((await ctx.app.inject({ method: 'GET', url: `/api/public/announcements/${old.id}` })).json().announcement.supersededBy).toBeNull();

    // One replacement at a time; drafts are edited, not superseded.
    expect((await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/${old.id}/supersede`, payload: {} })).statusCode).toBe(409);
    expect((await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/${replacement.id}/supersede`, payload: {} })).statusCode).toBe(409);

    const fixed = await makePdf({ text: 'Hasil SKD yang benar' });
    await request(ctx, admin.cookie, { method: 'DELETE', url: `${base()}/${replacement.id}/files/${replacement.files[0].id}` });
    await attach(replacement.id, { name: 'hasil-skd-ralat.pdf', content: fixed });
    const published = await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/${replacement.id}/publish` });
    expect(published.statusCode).toBe(200);

    const oldPage = (await ctx.app.inject({ method: 'GET', url: `/api/public/announcements/${old.id}` })).json().announcement;
    expect(oldPage.supersededBy).toMatchObject({ id: replacement.id, title: 'Hasil SKD (ralat)', publishedAt: expect.any(String) });
    const newPage = (await ctx.app.inject({ method: 'GET', url: `/api/public/announcements/${replacement.id}` })).json().announcement;
    expect(newPage.supersedes).toMatchObject({ id: old.id });

    // The old file still verifies — and says it was replaced.
    const verified = (await ctx.app.inject({ method: 'GET', url: `/api/public/announcements/verify?sha256=${sha(pdf)}` })).json();
    expect(verified.matches).toEqual([expect.objectContaining({ announcement: expect.objectContaining({ id: old.id }), supersededBy: expect.objectContaining({ id: replacement.id }) })]);

    // An announcement already replaced cannot be replaced again.
    expect((await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/${old.id}/supersede`, payload: {} })).statusCode).toBe(409);
  });

  it('refuses to publish a second replacement of the same announcement — 409', async () => {
    const { announcement: old } = await publishedAnnouncement(ctx, agencyId);
    const [first] = await ctx.database.db.insert(announcements).values({ agencyId, title: 'Pengganti pertama', body: 'x', supersedesId: old.id }).returning();
    const [second] = await ctx.database.db.insert(announcements).values({ agencyId, title: 'Pengganti kedua', body: 'x', supersedesId: old.id }).returning();
    expect((await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/${first!.id}/publish` })).statusCode).toBe(200);
    const again = await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/${second!.id}/publish` });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('Pengganti pertama');
    const [row] = await ctx.database.db.select().from(announcements).where(eq(announcements.id, second!.id));
    expect(row?.status).toBe('draft');
  });
});

describe('public list and verification', () => {
  it('lists only published announcements, filtered by agency, selection and search, with pagination', async () => {
    const agency = (await createAgencyRow(ctx, 'Instansi Daftar Publik')).id;
    const selection = await createSelection(agency, 'Seleksi PPPK 2026');
    await draftAnnouncement(ctx, agency, 'Draf rahasia');
    for (let i = 1; i <= 3; i += 1) await publishedAnnouncement(ctx, agency, { title: `Pengumuman publik nomor ${i}` });
    await ctx.database.db.transaction((tx) =>
      publishGeneratedAnnouncement(tx, { uploadDir: ctx.config.uploadDir, agencyId: agency, selectionId: selection.id, kind: 'hasil_skd', title: 'Hasil SKD PPPK', body: 'Hasil terlampir.', actorId: null, files: [] }),
    );

    const all = (await ctx.app.inject({ method: 'GET', url: `/api/public/announcements?agencyId=${agency}&pageSize=2` })).json();
    expect(all).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(all.items).toHaveLength(2);
    expect(all.items[0]).toMatchObject({ title: 'Hasil SKD PPPK', agency: { id: agency }, selectionName: 'Seleksi PPPK 2026', fileCount: 0 });
    const second = (await ctx.app.inject({ method: 'GET', url: `/api/public/announcements?agencyId=${agency}&pageSize=2&page=2` })).json();
    expect(second.items.map((i: { title: string }) => i.title)).toEqual(['Pengumuman publik nomor 2', 'Pengumuman publik nomor 1']);
    expect(JSON.stringify([all, second])).not.toContain('Draf rahasia');

    const bySelection = (await ctx.app.inject({ method: 'GET', url: `/api/public/announcements?selectionId=${selection.id}` })).json();
    expect(bySelection).toMatchObject({ total: 1, items: [{ title: 'Hasil SKD PPPK' }] });
    const searched = (await ctx.app.inject({ method: 'GET', url: `/api/public/announcements?agencyId=${agency}&q=nomor%202` })).json();
    expect(searched).toMatchObject({ total: 1, items: [{ title: 'Pengumuman publik nomor 2' }] });
  });

  it('verifies an uploaded file by its hash without keeping it', async () => {
    const { announcement, pdf } = await publishedAnnouncement(ctx, agencyId, { title: 'Pengumuman untuk diverifikasi' });
    const before = await snapshot();
    const { payload, headers } = await multipart({}, { name: 'unduhan-saya.pdf', content: pdf });
    const response = await ctx.app.inject({ method: 'POST', url: '/api/public/announcements/verify', payload, headers });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      sha256: sha(pdf),
      sizeBytes: pdf.length,
      found: true,
      matches: [{ agency: { id: agencyId }, announcement: { id: announcement.id, title: 'Pengumuman untuk diverifikasi', publishedAt: announcement.publishedAt }, fileTitle: 'Lampiran', supersededBy: null }],
    });
    expect(await snapshot()).toEqual(before);

    const altered = Buffer.concat([pdf, Buffer.from('\n% diubah')]);
    const other = await multipart({}, { name: 'diubah.pdf', content: altered });
    expect((await ctx.app.inject({ method: 'POST', url: '/api/public/announcements/verify', ...other })).json()).toMatchObject({ sha256: sha(altered), found: false, matches: [] });
  });

  it('accepts a pasted fingerprint in capitals or with spaces, and refuses one that is not 64 hex characters — 400', async () => {
    const { pdf } = await publishedAnnouncement(ctx, agencyId);
    const spaced = sha(pdf).toUpperCase().replace(/(.{16})/g, '$1 ');
    const found = await ctx.app.inject({ method: 'GET', url: `/api/public/announcements/verify?sha256=${encodeURIComponent(spaced)}` });
    expect(found.json()).toMatchObject({ sha256: sha(pdf), found: true });
    for (const bad of ['abc', 'g'.repeat(64), '']) {
      const response = await ctx.app.inject({ method: 'GET', url: `/api/public/announcements/verify?sha256=${bad}` });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toHaveProperty(['querystring.sha256']);
    }
  });

  it('does not serve a draft attachment publicly — 404', async () => {
    const draft = (await create({ title: 'Draf dengan lampiran', body: 'isi' })).json().announcement;
    const attached = (await attach(draft.id, { name: 'draf.pdf', content: await makePdf({ text: 'belum terbit' }) })).json().announcement;
    const response = await ctx.app.inject({ method: 'GET', url: `/api/public/announcements/${draft.id}/files/${attached.files[0].id}` });
    expect(response.statusCode).toBe(404);
    const staff = await request(ctx, pengawas.cookie, { method: 'GET', url: `${base()}/${draft.id}/files/${attached.files[0].id}` });
    expect(staff.statusCode).toBe(200);
  });
});

describe('attachments: bad files change nothing', () => {
  it('refuses a JPEG renamed .pdf — 415', async () => {
    const draft = await draftAnnouncement(ctx, agencyId);
    const before = await snapshot();
    const response = await attach(draft.id, { name: 'pengumuman.pdf', content: await makeJpeg() });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.fields.file).toMatch(/bukan PDF/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an encrypted and a truncated PDF — 422', async () => {
    const draft = await draftAnnouncement(ctx, agencyId);
    const before = await snapshot();
    expect((await attach(draft.id, { name: 'kunci.pdf', content: await makePdf({ userPassword: 'x' }) })).statusCode).toBe(422);
    const whole = await makePdf({ pages: 3 });
    expect((await attach(draft.id, { name: 'potong.pdf', content: whole.subarray(0, whole.length - 200) })).statusCode).toBe(422);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a PDF over 10 MB — 413', async () => {
    const draft = await draftAnnouncement(ctx, agencyId);
    const before = await snapshot();
    const pdf = await makePdf();
    const big = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024, 0x20)]);
    const response = await attach(draft.id, { name: 'besar.pdf', content: big });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.fields.file).toContain('10 MB');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a path in the file name — 422', async () => {
    const draft = await draftAnnouncement(ctx, agencyId);
    const before = await snapshot();
    const response = await attach(draft.id, { name: '../../rahasia/hasil.pdf', content: await makePdf() });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.fields.file).toMatch(/jalur/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a request without a file — 400, and one that is not multipart — 415', async () => {
    const draft = await draftAnnouncement(ctx, agencyId);
    const empty = await multipart({ title: 'Tanpa berkas' });
    const none = await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/${draft.id}/files`, ...empty });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields).toEqual({ file: 'Pilih berkas untuk diunggah.' });
    const json = await request(ctx, admin.cookie, { method: 'POST', url: `${base()}/${draft.id}/files`, payload: { file: 'bukan berkas' } });
    expect(json.statusCode).toBe(415);
  });

  it('refuses an attachment title over 200 characters — 400 naming the field, nothing stored', async () => {
    const draft = await draftAnnouncement(ctx, agencyId);
    const before = await snapshot();
    const response = await attach(draft.id, { name: 'a.pdf', content: await makePdf() }, { title: 'x'.repeat(201) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.title).toMatch(/200/);
    expect(await snapshot()).toEqual(before);
  });

  it('leaves nothing when the client disconnects halfway through an upload', async () => {
    const draft = await draftAnnouncement(ctx, agencyId);
    const before = await snapshot();
    const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const boundary = '----batas-uji-terputus';
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="besar.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
    const pdf = await makePdf({ pages: 2 });
    const declared = head.length + 4 * 1024 * 1024;
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      `POST ${base()}/${draft.id}/files HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${admin.cookie}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${declared}\r\n\r\n`,
    );
    socket.write(head);
    socket.write(pdf);
    socket.write(Buffer.alloc(512 * 1024, 0x20));
    // Wait until the server is writing the upload to its temporary file, then cut the connection.
    const deadline = Date.now() + 5000;
    while ((await listTemporaryFiles(ctx.config.uploadDir)).length === 0) {
      if (Date.now() > deadline) throw new Error('server never started receiving the upload');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    socket.destroy();
    const cleanDeadline = Date.now() + 5000;
    while ((await listTemporaryFiles(ctx.config.uploadDir)).length > 0 && Date.now() < cleanDeadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await snapshot()).toEqual(before);
  });
});

describe('bad input and tenant isolation', () => {
  it('names the field for a short title, a wrong type, a missing body or an unknown kind — 400, nothing created', async () => {
    const before = await snapshot();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: 'abc', body: 'isi' }, 'title'],
      [{ title: 12345, body: 'isi' }, 'title'],
      [{ title: 'Judul yang cukup' }, 'body'],
      [{ title: 'Judul yang cukup', body: 'isi', kind: 'rahasia' }, 'kind'],
      [{ title: 'Judul yang cukup', body: 'isi', selectionId: 'bukan-uuid' }, 'selectionId'],
      [{ title: 'x'.repeat(201), body: 'isi' }, 'title'],
    ];
    for (const [body, field] of cases) {
      const response = await create(body);
      expect(response.statusCode).toBe(400);
      expect(Object.keys(response.json().error.fields)).toContain(field);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses another agency's selection — 400 naming selectionId", async () => {
    const foreign = await createSelection(otherAgencyId, 'Seleksi instansi lain');
    const response = await create({ title: 'Pengumuman dengan seleksi asing', body: 'isi', selectionId: foreign.id });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ selectionId: 'Seleksi tidak ditemukan di instansi ini' });
  });

  it("cannot reach another agency's announcement through its own agency's path — 404, nothing changed", async () => {
    const foreignDraft = await draftAnnouncement(ctx, otherAgencyId, 'Draf instansi lain');
    const { announcement: foreignPublished } = await publishedAnnouncement(ctx, otherAgencyId);
    const before = await snapshot();
    const attempts = [
      { method: 'GET' as const, url: `${base()}/${foreignDraft.id}` },
      { method: 'PATCH' as const, url: `${base()}/${foreignDraft.id}`, payload: { title: 'Diambil alih' } },
      { method: 'DELETE' as const, url: `${base()}/${foreignDraft.id}` },
      { method: 'POST' as const, url: `${base()}/${foreignDraft.id}/publish` },
      { method: 'POST' as const, url: `${base()}/${foreignPublished.id}/supersede`, payload: {} },
      { method: 'GET' as const, url: `${base()}/${foreignPublished.id}/files/${foreignPublished.files[0]!.id}` },
      { method: 'DELETE' as const, url: `${base()}/${foreignPublished.id}/files/${foreignPublished.files[0]!.id}` },
    ];
    for (const attempt of attempts) {
      const response = await request(ctx, admin.cookie, attempt);
      expect({ url: attempt.url, method: attempt.method, status: response.statusCode }).toEqual({ url: attempt.url, method: attempt.method, status: 404 });
    }
    expect((await attach(foreignDraft.id, { name: 'x.pdf', content: await makePdf() })).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
    const [row] = await ctx.database.db.select().from(announcements).where(eq(announcements.id, foreignDraft.id));
    expect(row).toMatchObject({ status: 'draft', title: foreignDraft.title });
    // And the other agency's own staff still see it unchanged.
    const theirs = await request(ctx, otherAdmin.cookie, { method: 'GET', url: `${base(otherAgencyId)}/${foreignDraft.id}` });
    expect(theirs.json().announcement.title).toBe(foreignDraft.title);
  });
});

describe('publishing a generated announcement from another module', () => {
  it('publishes in the caller transaction, and leaves no announcement when that transaction rolls back', async () => {
    const pdf = await makePdf({ text: 'Hasil akhir (dibuat sistem)' });
    const input = { uploadDir: ctx.config.uploadDir, agencyId, selectionId: null, kind: 'hasil_akhir' as const, title: 'Hasil akhir seleksi', body: 'Terlampir.', actorId: admin.account.id, files: [{ title: 'Hasil akhir', fileName: 'hasil-akhir.pdf', content: pdf }] };
    const rolledBack = await ctx.database.db
      .transaction(async (tx) => {
        await publishGeneratedAnnouncement(tx, { ...input, title: 'Tidak pernah terbit' });
        throw new Error('batal');
      })
      .catch((e: Error) => e.message);
    expect(rolledBack).toBe('batal');
    expect(await ctx.database.db.select().from(announcements).where(eq(announcements.title, 'Tidak pernah terbit'))).toEqual([]);

    const published = await ctx.database.db.transaction((tx) => publishGeneratedAnnouncement(tx, input));
    expect(published).toMatchObject({ status: 'published', kind: 'hasil_akhir', files: [{ title: 'Hasil akhir', fileName: 'hasil-akhir.pdf', sha256: sha(pdf) }] });
    const verified = (await ctx.app.inject({ method: 'GET', url: `/api/public/announcements/verify?sha256=${sha(pdf)}` })).json();
    expect(verified.matches.map((m: { announcement: { id: string } }) => m.announcement.id)).toContain(published.id);
    const trail = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, published.id)).orderBy(auditLog.chain, auditLog.seq);
    expect(trail.map((entry) => entry.action)).toEqual(['announcement.publish']);
  });
});
