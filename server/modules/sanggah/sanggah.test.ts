import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../core/canonical.js';
import { createAgencyRow, createTestApp, request, type TestContext } from '../../test-support/app.js';
import { createFormasiRow } from '../../test-support/factories.js';
import { announcementFiles, announcements } from '../announcements/announcements.table.js';
import { applications } from '../applications/applications.table.js';
import { auditLog } from '../audit/audit.table.js';
import { blobPath } from '../files/files.service.js';
import { files } from '../files/files.table.js';
import { notifications, outbox } from '../notifications/notifications.table.js';
import { selections } from '../selections/selections.table.js';
import { ALL_MS, closedSelection, staffSession, submittedApplication } from '../verification/verification.fixtures.js';
import { verificationChecks } from '../verification/verification.table.js';
import { sanggah, stageResults } from './sanggah.table.js';

let ctx: TestContext;
let agencyId: string;
let verifier: Awaited<ReturnType<typeof staffSession>>;
let panel: Awaited<ReturnType<typeof staffSession>>;
let observer: Awaited<ReturnType<typeof staffSession>>;

beforeAll(async () => {
  ctx = await createTestApp();
  agencyId = (await createAgencyRow(ctx, 'Instansi Sanggah')).id;
  verifier = await staffSession(ctx, agencyId, 'verifikator', 'Verifikator Sanggah');
  panel = await staffSession(ctx, agencyId, 'panitia', 'Ketua Panitia');
  observer = await staffSession(ctx, agencyId, 'pengawas', 'Pengawas Eksternal');
});
afterAll(() => ctx.close());

const get = (cookie: string, url: string) => request(ctx, cookie, { method: 'GET', url });
const post = (cookie: string, url: string, payload: object = {}) => request(ctx, cookie, { method: 'POST', url, payload });
const resultUrl = (selectionId: string, agency = agencyId) => `/api/agencies/${agency}/selections/${selectionId}/administrative-result`;
const applicantUrl = (id: string) => `/api/applicant/applications/${id}`;
const tmsCheck = (requirementKey: string, reasonCode = 'tidak_sesuai', reasonText = 'Berkas bukan ijazah') => ({ requirementKey, result: 'TMS', reasonCode, reasonText });

/** Verifies through the API: claim, checks (TMS on `tms` keys), decision. */
async function verify(applicationId: string, tms: string[] = []) {
  const base = `/api/agencies/${agencyId}/verification/applications/${applicationId}`;
  expect((await post(verifier.cookie, `${base}/claim`)).statusCode).toBe(200);
  const checks = ALL_MS.map((c) => (tms.includes(c.requirementKey) ? tmsCheck(c.requirementKey) : c));
  expect((await request(ctx, verifier.cookie, { method: 'PUT', url: `${base}/checks`, payload: { checks } })).statusCode).toBe(200);
  expect((await post(verifier.cookie, `${base}/decision`, { decision: tms.length ? 'tms' : 'ms' })).statusCode).toBe(200);
}

/** A closed round with applicants (with sessions): the first `tmsCount` found TMS (ijazah, and KTP for the second). */
async function round(options: { ms?: number; tms?: number; settings?: Record<string, unknown> } = {}) {
  const selection = await closedSelection(ctx, agencyId, options.settings ? { settings: options.settings } : {});
  const formasi = await createFormasiRow(ctx, selection, { positionName: 'Pranata Komputer' });
  const people = [];
  for (let i = 0; i < (options.tms ?? 1) + (options.ms ?? 1); i++) {
    const made = await submittedApplication(ctx, { agencyId, selection, formasi, withSession: true, name: `Pelamar ${String.fromCharCode(65 + i)}` });
    const tms = i < (options.tms ?? 1) ? (i === 1 ? ['doc:ijazah', 'doc:ktp'] : ['doc:ijazah']) : [];
    await verify(made.application.id, tms);
    people.push({ ...made, tms });
  }
  return { selection, people };
}

const publish = (selectionId: string, cookie = panel.cookie, payload: object = {}) => post(cookie, `${resultUrl(selectionId)}/publish`, payload);
const object = (cookie: string, id: string, payload: object) => post(cookie, `${applicantUrl(id)}/sanggah`, payload);
const validObjection = { reason: 'Ijazah saya S1 Informatika sesuai kualifikasi, mohon diperiksa ulang.', requirementKeys: ['doc:ijazah'] };
const stageOf = async (selectionId: string, stage = 'administrasi') => (await ctx.database.db.select().from(stageResults).where(and(eq(stageResults.selectionId, selectionId), eq(stageResults.stage, stage))))[0];
const closeWindow = (selectionId: string, closesAt = new Date(Date.now() - 1000)) =>
  ctx.database.db.update(stageResults).set({ objectionClosesAt: closesAt }).where(and(eq(stageResults.selectionId, selectionId), eq(stageResults.stage, 'administrasi')));
const sanggahOf = (applicationId: string) => ctx.database.db.select().from(sanggah).where(eq(sanggah.applicationId, applicationId));

/** The text drawn in a PDF made by pdfkit (standard fonts write WinAnsi codes as hex strings in deflated streams). */
function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  let text = '';
  for (const match of source.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = source.indexOf('endstream', start);
    try {
      const content = inflateSync(pdf.subarray(start, end)).toString('latin1');
      for (const hex of content.matchAll(/<([0-9a-fA-F]+)>/g)) text += Buffer.from(hex[1]!, 'hex').toString('latin1');
      text += '\n';
    } catch {
      // not a deflated content stream (an image, a font)
    }
  }
  return text.replace(/\s+/g, ' ');
}

describe('administrative result', () => {
  it('refuses to publish while an application is undecided or registration is open, creating nothing — 409', async () => {
    const selection = await closedSelection(ctx, agencyId);
    const made = await submittedApplication(ctx, { agencyId, selection });
    const undecided = await publish(selection.id);
    expect(undecided.statusCode).toBe(409);
    expect(undecided.json().error.message).toContain('1 pendaftaran yang belum diputuskan');
    await verify(made.application.id);
    await ctx.database.db.update(selections).set({ registrationClosesAt: new Date(Date.now() + 3600_000) }).where(eq(selections.id, selection.id));
    expect((await publish(selection.id)).json().error.message).toContain('Pendaftaran belum ditutup');
    expect(await stageOf(selection.id)).toBeUndefined();
    expect(await ctx.database.db.select().from(announcements).where(eq(announcements.selectionId, selection.id))).toEqual([]);
    const overview = (await get(observer.cookie, resultUrl(selection.id))).json().result;
    expect(overview.publish.administrative).toEqual({ allowed: false, issues: [expect.stringContaining('Pendaftaran belum ditutup')] });
  });

  it('publishes once: hash over the canonical list, an announcement with the PDF (no NIK), the window, notifications and emails', async () => {
    const { selection, people } = await round({ tms: 2, ms: 1 });
    const before = (await get(people[0]!.cookie, `${applicantUrl(people[0]!.application.id)}/result`)).json().result;
    expect(before).toMatchObject({ published: false, administrative: null, reasons: [], currentDecision: null, canObject: false });

    const response = await publish(selection.id, panel.cookie, { note: 'Informasi lebih lanjut di kantor BKPSDM.' });
    expect(response.statusCode).toBe(200);
    const result = response.json().result;
    expect(result).toMatchObject({ counts: { total: 3, undecided: 0, ms: 1, tms: 2 }, administrative: { publishedBy: 'Ketua Panitia' }, publish: { administrative: { allowed: false } } });

    const stage = (await stageOf(selection.id))!;
    const rows = await ctx.database.db.select().from(applications).where(eq(applications.selectionId, selection.id));
    const list = rows
      .map((r) => ({ registrationNumber: r.registrationNumber!, name: r.applicantName!, formasi: 'Pranata Komputer — Dinas Komunikasi dan Informatika', result: r.status === 'ms' ? 'MS' : 'TMS' }))
      .sort((a, b) => (a.registrationNumber < b.registrationNumber ? -1 : 1));
    expect(stage.resultHash).toBe(createHash('sha256').update(canonicalJson(list)).digest('hex'));
    // Default window: to the end of the third local day after the announcement (PermenPANRB 27/2021).
    expect(stage.objectionClosesAt!.getTime() - stage.publishedAt.getTime()).toBeGreaterThan(2 * 24 * 3600_000);
    expect(stage.objectionClosesAt!.getTime() - stage.publishedAt.getTime()).toBeLessThanOrEqual(4 * 24 * 3600_000);

    const [announcement] = await ctx.database.db.select().from(announcements).where(eq(announcements.id, stage.announcementId!));
    expect(announcement).toMatchObject({ kind: 'hasil_administrasi', status: 'published', selectionId: selection.id });
    expect(announcement!.body).toContain(stage.resultHash);
    expect(announcement!.body).toContain('Informasi lebih lanjut di kantor BKPSDM.');
    const [attachment] = await ctx.database.db.select({ sha256: files.sha256 }).from(announcementFiles).innerJoin(files, eq(files.id, announcementFiles.fileId)).where(eq(announcementFiles.announcementId, announcement!.id));
    const text = pdfText(await readFile(blobPath(ctx.config.uploadDir, attachment!.sha256)));
    for (const row of rows) {
      expect(text).toContain(row.registrationNumber!);
      expect(text).toContain(row.applicantName!);
      expect(text).not.toContain(row.nik!);
    }
    expect(text).toContain(stage.resultHash);
    expect(text).toContain('TMS');

    for (const person of people) {
      const notes = await ctx.database.db.select().from(notifications).where(eq(notifications.accountId, person.account.id));
      expect(notes).toEqual([expect.objectContaining({ title: 'Hasil seleksi administrasi diumumkan', link: `/pelamar/pendaftaran/${person.application.id}/hasil` })]);
      const mail = await ctx.database.db.select().from(outbox).where(eq(outbox.toAddress, person.account.email.toLowerCase()));
      expect(mail[0]!.textBody).toContain(person.tms.length ? 'TIDAK MEMENUHI SYARAT' : 'MEMENUHI SYARAT (MS)');
    }
    const audit = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.targetId, selection.id), eq(auditLog.action, 'result.administrasi.publish'))).orderBy(auditLog.chain, auditLog.seq);
    expect(audit[0]!.summary).toMatchObject({ after: { resultHash: stage.resultHash, applications: 3, ms: 1, tms: 2 } });

    const again = await publish(selection.id);
    expect(again.statusCode).toBe(409);
    expect((await ctx.database.db.select().from(stageResults).where(eq(stageResults.selectionId, selection.id))).length).toBe(1);
  });

  it('shows the applicant their own decision and TMS reasons only after publication', async () => {
    const { selection, people } = await round({ tms: 1, ms: 1 });
    await publish(selection.id);
    const tms = (await get(people[0]!.cookie, `${applicantUrl(people[0]!.application.id)}/result`)).json().result;
    expect(tms).toMatchObject({
      published: true,
      administrative: { decision: 'tms' },
      reasons: [{ key: 'doc:ijazah', label: 'Ijazah', reasonLabel: 'Dokumen tidak sesuai dengan yang diminta', reasonText: 'Berkas bukan ijazah' }],
      objection: null,
      canObject: true,
      postObjection: null,
    });
    const ms = (await get(people[1]!.cookie, `${applicantUrl(people[1]!.application.id)}/result`)).json().result;
    expect(ms).toMatchObject({ published: true, administrative: { decision: 'ms' }, reasons: [], canObject: false, objectionRefusal: null });
    // Someone else's application is not revealed.
    expect((await get(people[1]!.cookie, `${applicantUrl(people[0]!.application.id)}/result`)).statusCode).toBe(404);
  });

  it('publishes once when two panel members publish at the same moment', async () => {
    const { selection } = await round({ tms: 0, ms: 1 });
    const other = await staffSession(ctx, agencyId, 'admin_instansi');
    const responses = await Promise.all([publish(selection.id), publish(selection.id, other.cookie)]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await ctx.database.db.select().from(announcements).where(eq(announcements.selectionId, selection.id))).toHaveLength(1);
  });

  it("refuses bad input and another agency's round — 400/404, nothing published", async () => {
    const { selection } = await round({ tms: 0, ms: 1 });
    expect((await publish(selection.id, panel.cookie, { note: 'x'.repeat(2001) })).statusCode).toBe(400);
    expect((await publish(selection.id, panel.cookie, { note: 5 })).statusCode).toBe(400);
    expect((await publish(selection.id, panel.cookie, { judul: 'lain' })).statusCode).toBe(400);
    expect((await post(panel.cookie, `/api/agencies/${agencyId}/selections/bukan-uuid/administrative-result/publish`)).statusCode).toBe(400);
    const otherAgency = (await createAgencyRow(ctx)).id;
    const foreign = await closedSelection(ctx, otherAgency);
    expect((await publish(foreign.id)).statusCode).toBe(404);
    expect((await post(panel.cookie, `${resultUrl(selection.id, otherAgency)}/publish`)).statusCode).toBe(403);
    expect(await stageOf(selection.id)).toBeUndefined();
    expect(await stageOf(foreign.id)).toBeUndefined();
  });
});

describe('objections (sanggah)', () => {
  async function published(options: Parameters<typeof round>[0] = { tms: 2, ms: 1 }) {
    const made = await round(options);
    expect((await publish(made.selection.id)).statusCode).toBe(200);
    return made;
  }

  it('files one objection within the window, audited, seen by the panel and the observer — 201', async () => {
    const { people } = await published();
    const applicant = people[0]!;
    const response = await object(applicant.cookie, applicant.application.id, validObjection);
    expect(response.statusCode).toBe(201);
    expect(response.json().result).toMatchObject({ canObject: false, objection: { status: 'diajukan', requirements: [{ key: 'doc:ijazah', label: 'Ijazah' }], answer: null } });
    const [row] = await sanggahOf(applicant.application.id);
    const audit = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, row!.id)).orderBy(auditLog.chain, auditLog.seq);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([['sanggah.file', applicant.account.id]]);

    for (const cookie of [panel.cookie, observer.cookie]) {
      const list = (await get(cookie, `/api/agencies/${agencyId}/sanggah?status=diajukan&q=${encodeURIComponent(applicant.application.registrationNumber!)}`)).json();
      expect(list).toMatchObject({ total: 1, items: [{ id: row!.id, reason: validObjection.reason, application: { registrationNumber: applicant.application.registrationNumber } }] });
    }
    const detail = (await get(observer.cookie, `/api/agencies/${agencyId}/sanggah/${row!.id}`)).json().detail;
    expect(detail.can).toEqual({ answer: false });
    expect(detail.checklist.find((c: { key: string }) => c.key === 'doc:ijazah')).toMatchObject({ result: 'TMS', reasonLabel: 'Dokumen tidak sesuai dengan yang diminta', verifier: 'Verifikator Sanggah' });
    expect((await post(observer.cookie, `/api/agencies/${agencyId}/sanggah/${row!.id}/accept`, {})).statusCode).toBe(403);
    expect((await sanggahOf(applicant.application.id))[0]!.status).toBe('diajukan');
  });

  it('refuses a second objection, and leaves exactly one when two are sent at once — 409', async () => {
    const { people } = await published();
    const [first, secondPerson] = people;
    expect((await object(first!.cookie, first!.application.id, validObjection)).statusCode).toBe(201);
    const second = await object(first!.cookie, first!.application.id, { ...validObjection, reason: 'Sanggah kedua dengan alasan yang berbeda dari yang pertama.' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toContain('satu kali');
    const race = await Promise.all([object(secondPerson!.cookie, secondPerson!.application.id, validObjection), object(secondPerson!.cookie, secondPerson!.application.id, validObjection)]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await sanggahOf(secondPerson!.application.id)).toHaveLength(1);
  });

  it('refuses an objection after the window by the server clock, by someone else, on an MS result, on requirements that were not TMS', async () => {
    const { selection, people } = await published();
    const [tmsPerson, otherTms, msPerson] = people;
    expect((await object(otherTms!.cookie, tmsPerson!.application.id, validObjection)).statusCode).toBe(404);
    const ms = await object(msPerson!.cookie, msPerson!.application.id, validObjection);
    expect(ms.statusCode).toBe(409);
    expect(ms.json().error.message).toContain('Tidak Memenuhi Syarat');
    const notTms = await object(tmsPerson!.cookie, tmsPerson!.application.id, { ...validObjection, requirementKeys: ['doc:ijazah', 'rule:age'] });
    expect(notTms.statusCode).toBe(400);
    expect(notTms.json().error.fields).toHaveProperty('requirementKeys');

    await closeWindow(selection.id);
    const late = await object(tmsPerson!.cookie, tmsPerson!.application.id, validObjection);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/Masa sanggah sudah berakhir pada .* WIB/);
    expect((await get(tmsPerson!.cookie, `${applicantUrl(tmsPerson!.application.id)}/result`)).json().result).toMatchObject({ canObject: false, objectionRefusal: expect.stringContaining('berakhir') });
    for (const person of people) expect(await sanggahOf(person.application.id)).toEqual([]);
  });

  it('refuses an objection before the result is announced — 409', async () => {
    const { people } = await round({ tms: 1, ms: 0 });
    const response = await object(people[0]!.cookie, people[0]!.application.id, validObjection);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain('belum diumumkan');
  });

  it('refuses bad objection input naming the field, filing nothing — 400', async () => {
    const { people } = await published({ tms: 1, ms: 0 });
    const person = people[0]!;
    const cases: Array<[object, string]> = [
      [{ requirementKeys: ['doc:ijazah'] }, 'reason'],
      [{ ...validObjection, reason: 'terlalu pendek' }, 'reason'],
      [{ ...validObjection, reason: 'x'.repeat(2001) }, 'reason'],
      [{ ...validObjection, reason: 12345 }, 'reason'],
      [{ reason: validObjection.reason }, 'requirementKeys'],
      [{ ...validObjection, requirementKeys: [] }, 'requirementKeys'],
      [{ ...validObjection, requirementKeys: 'doc:ijazah' }, 'requirementKeys'],
      [{ ...validObjection, requirementKeys: ['doc:ijazah', 'doc:ijazah'] }, 'requirementKeys'],
      [{ ...validObjection, requirementKeys: Array.from({ length: 21 }, (_, i) => `doc:${i}`) }, 'requirementKeys'],
      [{ ...validObjection, lampiran: 'ijazah.pdf' }, 'body'],
    ];
    for (const [payload, field] of cases) {
      const response = await object(person.cookie, person.application.id, payload);
      expect({ field, status: response.statusCode }).toEqual({ field, status: 400 });
      expect(Object.keys(response.json().error.fields ?? {}).join(' ')).toContain(field);
    }
    expect(await sanggahOf(person.application.id)).toEqual([]);
  });

  it('accepts an objection: the pointed requirements become MS, the application MS when no TMS remains; audited, notified', async () => {
    const { people } = await published();
    const [single, double] = people;
    await object(single!.cookie, single!.application.id, validObjection);
    await object(double!.cookie, double!.application.id, validObjection);
    const [one] = await sanggahOf(single!.application.id);
    const [two] = await sanggahOf(double!.application.id);

    const accepted = await post(panel.cookie, `/api/agencies/${agencyId}/sanggah/${one!.id}/accept`, { answer: 'Ijazah S1 Informatika sesuai kualifikasi.' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().detail).toMatchObject({ sanggah: { status: 'diterima', answeredBy: { name: 'Ketua Panitia' }, application: { status: 'ms' } }, can: { answer: false } });
    const [check] = await ctx.database.db.select().from(verificationChecks).where(and(eq(verificationChecks.applicationId, single!.application.id), eq(verificationChecks.requirementKey, 'doc:ijazah')));
    expect(check).toMatchObject({ result: 'MS', reasonCode: null, reasonText: expect.stringContaining('Semula TMS: Dokumen tidak sesuai') });
    const audit = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.targetId, one!.id), eq(auditLog.action, 'sanggah.accept'))).orderBy(auditLog.chain, auditLog.seq);
    expect(audit[0]!.summary).toMatchObject({ before: { status: 'diajukan', application: { status: 'tms' } }, after: { status: 'diterima', application: { status: 'ms' } } });
    const view = (await get(single!.cookie, `${applicantUrl(single!.application.id)}/result`)).json().result;
    expect(view).toMatchObject({ administrative: { decision: 'tms' }, currentDecision: 'ms', postObjection: null, reasons: [], objection: { status: 'diterima', answer: 'Ijazah S1 Informatika sesuai kualifikasi.' } });
    const notes = await ctx.database.db.select().from(notifications).where(and(eq(notifications.accountId, single!.account.id), eq(notifications.title, 'Sanggah Anda telah dijawab')));
    expect(notes).toHaveLength(1);

    // The second applicant was also TMS on the KTP, which the objection did not point at.
    await post(panel.cookie, `/api/agencies/${agencyId}/sanggah/${two!.id}/accept`, {});
    expect((await ctx.database.db.select().from(applications).where(eq(applications.id, double!.application.id)))[0]!.status).toBe('tms');
    const again = await post(panel.cookie, `/api/agencies/${agencyId}/sanggah/${one!.id}/reject`, { answer: 'Berubah pikiran, ditolak saja.' });
    expect(again.statusCode).toBe(409);
    expect((await sanggahOf(single!.application.id))[0]!.status).toBe('diterima');
  });

  it('rejects an objection only with an answer, leaving the application TMS', async () => {
    const { people } = await published({ tms: 1, ms: 0 });
    const person = people[0]!;
    await object(person.cookie, person.application.id, validObjection);
    const [row] = await sanggahOf(person.application.id);
    for (const payload of [{}, { answer: 'singkat' }, { answer: 'x'.repeat(2001) }, { answer: 42 }]) {
      expect((await post(panel.cookie, `/api/agencies/${agencyId}/sanggah/${row!.id}/reject`, payload)).statusCode).toBe(400);
    }
    expect((await sanggahOf(person.application.id))[0]!.status).toBe('diajukan');
    const rejected = await post(panel.cookie, `/api/agencies/${agencyId}/sanggah/${row!.id}/reject`, { answer: 'Berkas yang diunggah adalah transkrip, bukan ijazah.' });
    expect(rejected.json().detail.sanggah).toMatchObject({ status: 'ditolak', answer: 'Berkas yang diunggah adalah transkrip, bukan ijazah.' });
    expect((await ctx.database.db.select().from(applications).where(eq(applications.id, person.application.id)))[0]!.status).toBe('tms');
    expect((await post(panel.cookie, `/api/agencies/${agencyId}/sanggah/00000000-0000-4000-8000-000000000000/reject`, { answer: 'Tidak ada sanggahnya.' })).statusCode).toBe(404);
  });

  it('publishes the post-objection result only after the window closed and every objection is answered', async () => {
    const { selection, people } = await published();
    const [accepted, rejected] = people;
    await object(accepted!.cookie, accepted!.application.id, validObjection);
    await object(rejected!.cookie, rejected!.application.id, validObjection);
    const url = `${resultUrl(selection.id)}/publish-post-objection`;
    const early = await post(panel.cookie, url);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('Masa sanggah belum berakhir');
    await closeWindow(selection.id);
    const pending = await post(panel.cookie, url);
    expect(pending.json().error.message).toContain('2 sanggah yang belum dijawab');
    const [a] = await sanggahOf(accepted!.application.id);
    const [b] = await sanggahOf(rejected!.application.id);
    await post(panel.cookie, `/api/agencies/${agencyId}/sanggah/${a!.id}/accept`, { answer: 'Ijazah sesuai.' });
    await post(panel.cookie, `/api/agencies/${agencyId}/sanggah/${b!.id}/reject`, { answer: 'KTP tetap tidak terbaca, ijazah tidak sesuai.' });

    const response = await post(panel.cookie, url, {});
    expect(response.statusCode).toBe(200);
    expect(response.json().result).toMatchObject({ objections: { diajukan: 0, diterima: 1, ditolak: 1 }, postObjection: { publishedBy: 'Ketua Panitia' } });
    const post2 = (await stageOf(selection.id, 'administrasi_pasca_sanggah'))!;
    const first = (await stageOf(selection.id))!;
    expect(post2.resultHash).not.toBe(first.resultHash);
    const [announcement] = await ctx.database.db.select().from(announcements).where(eq(announcements.id, post2.announcementId!));
    expect(announcement).toMatchObject({ kind: 'hasil_sanggah', status: 'published' });
    const view = (await get(accepted!.cookie, `${applicantUrl(accepted!.application.id)}/result`)).json().result;
    expect(view).toMatchObject({ administrative: { decision: 'tms' }, postObjection: { decision: 'ms', resultHash: post2.resultHash }, objection: { status: 'diterima' } });
    const notes = await ctx.database.db.select().from(notifications).where(and(eq(notifications.accountId, rejected!.account.id), eq(notifications.title, 'Hasil pasca sanggah diumumkan')));
    expect(notes[0]!.body).toContain('DITOLAK');
    expect((await post(panel.cookie, url)).statusCode).toBe(409);
  });
});
