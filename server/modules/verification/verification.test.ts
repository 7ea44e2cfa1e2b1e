import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithSession, createAgencyRow, createTestApp, request, type TestContext } from '../../test-support/app.js';
import { createFormasiRow } from '../../test-support/factories.js';
import { applications } from '../applications/applications.table.js';
import { auditLog } from '../audit/audit.table.js';
import { stageResults } from '../sanggah/sanggah.table.js';
import { ALL_MS, closedSelection, staffSession, submittedApplication } from './verification.fixtures.js';
import { searchQuery } from './verification.repo.js';
import { verificationChecks } from './verification.table.js';

let ctx: TestContext;
let agencyId: string;
let otherAgencyId: string;
let verifier: Awaited<ReturnType<typeof staffSession>>;
let second: Awaited<ReturnType<typeof staffSession>>;
let panel: Awaited<ReturnType<typeof staffSession>>;
let observer: Awaited<ReturnType<typeof staffSession>>;
let foreignVerifier: Awaited<ReturnType<typeof staffSession>>;

beforeAll(async () => {
  ctx = await createTestApp();
  agencyId = (await createAgencyRow(ctx, 'Instansi Verifikasi')).id;
  otherAgencyId = (await createAgencyRow(ctx, 'Instansi Lain')).id;
  verifier = await staffSession(ctx, agencyId, 'verifikator', 'Verifikator Satu');
  second = await staffSession(ctx, agencyId, 'verifikator', 'Verifikator Dua');
  panel = await staffSession(ctx, agencyId, 'panitia', 'Panitia Seleksi');
  observer = await staffSession(ctx, agencyId, 'pengawas', 'Pengawas Eksternal');
  foreignVerifier = await staffSession(ctx, otherAgencyId, 'verifikator', 'Verifikator Instansi Lain');
});
afterAll(() => ctx.close());

const base = (agency = agencyId) => `/api/agencies/${agency}/verification`;
const get = (cookie: string, url: string) => request(ctx, cookie, { method: 'GET', url });
const post = (cookie: string, url: string, payload: object = {}) => request(ctx, cookie, { method: 'POST', url, payload });
const claim = (cookie: string, id: string, agency = agencyId) => post(cookie, `${base(agency)}/applications/${id}/claim`);
const saveChecks = (cookie: string, id: string, checks: unknown) => request(ctx, cookie, { method: 'PUT', url: `${base()}/applications/${id}/checks`, payload: { checks } });
const decide = (cookie: string, id: string, decision: string) => post(cookie, `${base()}/applications/${id}/decision`, { decision });
const row = async (id: string) => (await ctx.database.db.select().from(applications).where(eq(applications.id, id)))[0]!;
const checksOf = (id: string) => ctx.database.db.select().from(verificationChecks).where(eq(verificationChecks.applicationId, id));
const auditOf = (id: string) => ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, id)).orderBy(auditLog.seq);
const tms = (requirementKey: string, reasonCode = 'tidak_terbaca', reasonText = '') => ({ requirementKey, result: 'TMS', reasonCode, reasonText });

async function held(options: { selection?: { id: string; agencyId: string } } = {}) {
  const made = await submittedApplication(ctx, { agencyId, ...options });
  expect((await claim(verifier.cookie, made.application.id)).statusCode).toBe(200);
  return made;
}

describe('search words', () => {
  it('turns what a verifier types into word prefixes, letters and digits only', () => {
    expect(searchQuery('Budi  Sant')).toBe('budi:* & sant:*');
    expect(searchQuery('CPNS2026-KOTAMANNA-0001234')).toBe('cpns2026:* & kotamanna:* & 0001234:*');
    expect(searchQuery("o'neil & | ! :*")).toBe('o:* & neil:*');
    expect(searchQuery('%_')).toBeNull();
  });
});

describe('verification queue', () => {
  it('lists submitted applications of the agency, oldest first, with filters in the query — 200', async () => {
    const selection = await closedSelection(ctx, agencyId);
    const formasiA = await createFormasiRow(ctx, selection, { positionName: 'Analis Data' });
    const formasiB = await createFormasiRow(ctx, selection, { positionName: 'Arsiparis' });
    const first = await submittedApplication(ctx, { agencyId, selection, formasi: formasiA, name: 'Budi Santoso' });
    const secondApp = await submittedApplication(ctx, { agencyId, selection, formasi: formasiB, name: 'Citra Lestari' });
    await submittedApplication(ctx, { agencyId: otherAgencyId, name: 'Budi Lain Instansi' });
    await ctx.database.db.update(applications).set({ flags: [{ kind: 'telepon', otherApplicationId: first.application.id, detail: 'Nomor HP sama' }] }).where(eq(applications.id, secondApp.application.id));

    const all = (await get(verifier.cookie, `${base()}/queue?selectionId=${selection.id}`)).json();
    expect(all).toMatchObject({ total: 2, totalCapped: false, page: 1, pageSize: 20 });
    expect(all.items.map((i: { applicantName: string }) => i.applicantName)).toEqual(['Budi Santoso', 'Citra Lestari']);
    expect(all.items[0]).toMatchObject({ status: 'submitted', formasi: { positionName: 'Analis Data' }, assignedVerifier: null, flagCount: 0 });

    const byFormasi = (await get(verifier.cookie, `${base()}/queue?formasiId=${formasiB.id}`)).json();
    expect(byFormasi.items.map((i: { id: string }) => i.id)).toEqual([secondApp.application.id]);
    const flagged = (await get(verifier.cookie, `${base()}/queue?selectionId=${selection.id}&flagged=1`)).json();
    expect(flagged.items).toEqual([expect.objectContaining({ id: secondApp.application.id, flagCount: 1 })]);
    const byName = (await get(verifier.cookie, `${base()}/queue?q=budi`)).json();
    expect(byName.items.map((i: { id: string }) => i.id)).toEqual([first.application.id]);
    const byNumber = (await get(verifier.cookie, `${base()}/queue?q=${encodeURIComponent(secondApp.application.registrationNumber!)}`)).json();
    expect(byNumber.items.map((i: { id: string }) => i.id)).toEqual([secondApp.application.id]);
    const sequence = secondApp.application.registrationNumber!.split('-').pop()!;
    expect((await get(verifier.cookie, `${base()}/queue?selectionId=${selection.id}&q=${sequence}`)).json().items.map((i: { id: string }) => i.id)).toEqual([secondApp.application.id]);
    // A whole number in the format the system issues is looked up directly, in any letter case.
    const issued = `CPNS2026-UJIVERIF-${String(Date.now() % 10_000_000).padStart(7, '0')}`;
    await ctx.database.db.update(applications).set({ registrationNumber: issued }).where(eq(applications.id, first.application.id));
    expect((await get(verifier.cookie, `${base()}/queue?q=${encodeURIComponent(` ${issued.toLowerCase()} `)}`)).json().items.map((i: { id: string }) => i.id)).toEqual([first.application.id]);
    const byPrefixes = (await get(verifier.cookie, `${base()}/queue?q=${encodeURIComponent('  BUD  sant ')}`)).json();
    expect(byPrefixes.items.map((i: { id: string }) => i.id)).toEqual([first.application.id]);
    // Punctuation alone is nothing to look for: nothing matches, rather than everything.
    expect((await get(verifier.cookie, `${base()}/queue?selectionId=${selection.id}&q=${encodeURIComponent('%')}`)).json()).toMatchObject({ total: 0, items: [] });
    const paged = (await get(verifier.cookie, `${base()}/queue?selectionId=${selection.id}&pageSize=1&page=2`)).json();
    expect(paged).toMatchObject({ total: 2, items: [{ id: secondApp.application.id }] });
    // Deep pages are not kept prepared; past the end the total still shows.
    expect((await get(verifier.cookie, `${base()}/queue?selectionId=${selection.id}&pageSize=1&page=11`)).json()).toMatchObject({ total: 2, totalCapped: false, items: [] });

    await claim(verifier.cookie, first.application.id);
    const mine = (await get(verifier.cookie, `${base()}/queue?selectionId=${selection.id}&assigned=me`)).json();
    expect(mine.items).toEqual([expect.objectContaining({ id: first.application.id, assignedVerifier: { id: verifier.account.id, name: 'Verifikator Satu' } })]);
    const unassigned = (await get(verifier.cookie, `${base()}/queue?selectionId=${selection.id}&assigned=unassigned`)).json();
    expect(unassigned.items.map((i: { id: string }) => i.id)).toEqual([secondApp.application.id]);

    const filters = (await get(observer.cookie, `${base()}/filters`)).json();
    expect(filters.selections.find((s: { id: string }) => s.id === selection.id)).toEqual({
      id: selection.id,
      name: selection.name,
      year: selection.year,
      fourEyes: false,
      formasi: [expect.objectContaining({ id: formasiA.id, positionName: 'Analis Data' }), expect.objectContaining({ id: formasiB.id, positionName: 'Arsiparis' })],
    });
    expect(JSON.stringify(filters)).not.toContain('Budi Lain Instansi');
  });

  it('refuses bad filters naming the field — 400', async () => {
    for (const [query, field] of [
      ['status=selesai', 'querystring.status'],
      ['pageSize=1000', 'querystring.pageSize'],
      ['page=0', 'querystring.page'],
      ['selectionId=bukan-uuid', 'querystring.selectionId'],
      ['flagged=mungkin', 'querystring.flagged'],
      [`q=${'x'.repeat(101)}`, 'querystring.q'],
    ] as const) {
      const response = await get(verifier.cookie, `${base()}/queue?${query}`);
      expect({ query, status: response.statusCode }).toEqual({ query, status: 400 });
      expect(response.json().error.fields).toHaveProperty([field]);
    }
  });

  it('reports progress per verifier: held, decided, MS, TMS', async () => {
    const selection = await closedSelection(ctx, agencyId);
    const decided = await held({ selection });
    await saveChecks(verifier.cookie, decided.application.id, ALL_MS);
    await decide(verifier.cookie, decided.application.id, 'ms');
    await held({ selection });
    await submittedApplication(ctx, { agencyId, selection });
    const progress = (await get(panel.cookie, `${base()}/progress?selectionId=${selection.id}`)).json();
    expect(progress.totals).toEqual({ submitted: 3, undecided: 2, unassigned: 1, ms: 1, tms: 0, awaitingConfirmation: 0 });
    expect(progress.verifiers).toEqual(
      expect.arrayContaining([
        { id: verifier.account.id, name: 'Verifikator Satu', claimed: 1, decided: 1, ms: 1, tms: 0 },
        { id: second.account.id, name: 'Verifikator Dua', claimed: 0, decided: 0, ms: 0, tms: 0 },
      ]),
    );
  });
});

describe('claiming and assignment', () => {
  it('claims an application with an audit record; another verifier then gets 409 naming the holder', async () => {
    const { application } = await submittedApplication(ctx, { agencyId });
    const response = await claim(verifier.cookie, application.id);
    expect(response.statusCode).toBe(200);
    expect(response.json().workspace.application.assignedVerifier).toEqual({ id: verifier.account.id, name: 'Verifikator Satu' });
    expect((await auditOf(application.id)).map((a) => a.action)).toEqual(['verification.claim']);
    const other = await claim(second.cookie, application.id);
    expect(other.statusCode).toBe(409);
    expect(other.json().error.message).toContain('Verifikator Satu');
    expect((await claim(verifier.cookie, application.id)).statusCode).toBe(200);
    expect((await row(application.id)).assignedVerifierId).toBe(verifier.account.id);
  });

  it('gives the application to exactly one of two verifiers claiming at the same moment', async () => {
    const { application } = await submittedApplication(ctx, { agencyId });
    const responses = await Promise.all([claim(verifier.cookie, application.id), claim(second.cookie, application.id)]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = responses[0]!.statusCode === 200 ? verifier : second;
    expect((await row(application.id)).assignedVerifierId).toBe(winner.account.id);
    expect((await auditOf(application.id)).filter((a) => a.action === 'verification.claim')).toHaveLength(1);
  });

  it("refuses a verifier of another agency: 403 on this agency's path, 404 through their own; nothing changes", async () => {
    const { application } = await submittedApplication(ctx, { agencyId });
    expect((await claim(foreignVerifier.cookie, application.id)).statusCode).toBe(403);
    expect((await get(foreignVerifier.cookie, `${base()}/applications/${application.id}`)).statusCode).toBe(403);
    expect((await claim(foreignVerifier.cookie, application.id, otherAgencyId)).statusCode).toBe(404);
    expect((await get(foreignVerifier.cookie, `${base(otherAgencyId)}/applications/${application.id}`)).statusCode).toBe(404);
    expect((await get(foreignVerifier.cookie, `${base(otherAgencyId)}/applications/${application.id}/documents/ijazah`)).statusCode).toBe(404);
    expect((await row(application.id)).assignedVerifierId).toBeNull();
    expect(await auditOf(application.id)).toEqual([]);
  });

  it('lets the panel assign many to one verifier, skipping decided ones, and release them', async () => {
    const a = await submittedApplication(ctx, { agencyId });
    const b = await submittedApplication(ctx, { agencyId });
    const decided = await held();
    await saveChecks(verifier.cookie, decided.application.id, ALL_MS);
    await decide(verifier.cookie, decided.application.id, 'ms');
    const response = await post(panel.cookie, `${base()}/assign`, { applicationIds: [a.application.id, b.application.id, decided.application.id], verifierId: second.account.id });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ done: [a.application.id, b.application.id], skipped: [{ id: decided.application.id, reason: 'Sudah diputuskan MS.' }] });
    expect((await row(b.application.id)).assignedVerifierId).toBe(second.account.id);

    const notAVerifier = await post(panel.cookie, `${base()}/assign`, { applicationIds: [a.application.id], verifierId: observer.account.id });
    expect(notAVerifier.statusCode).toBe(400);
    expect(notAVerifier.json().error.fields).toHaveProperty('verifierId');
    const foreignApp = await submittedApplication(ctx, { agencyId: otherAgencyId });
    const foreign = await post(panel.cookie, `${base()}/assign`, { applicationIds: [foreignApp.application.id], verifierId: second.account.id });
    expect(foreign.json()).toEqual({ done: [], skipped: [{ id: foreignApp.application.id, reason: 'Pendaftaran tidak ditemukan di instansi ini.' }] });
    expect((await row(foreignApp.application.id)).assignedVerifierId).toBeNull();

    expect((await post(verifier.cookie, `${base()}/applications/${a.application.id}/release`)).statusCode).toBe(403);
    expect((await post(second.cookie, `${base()}/applications/${a.application.id}/release`)).statusCode).toBe(200);
    expect((await post(panel.cookie, `${base()}/applications/${b.application.id}/release`)).statusCode).toBe(200);
    expect((await row(b.application.id)).assignedVerifierId).toBeNull();
  });

  it('refuses bad assignment bodies — 400', async () => {
    for (const payload of [{}, { applicationIds: [], verifierId: null }, { applicationIds: ['x'], verifierId: null }, { applicationIds: Array(501).fill(agencyId), verifierId: null }, { applicationIds: [agencyId, agencyId], verifierId: null }]) {
      expect((await post(panel.cookie, `${base()}/assign`, payload)).statusCode).toBe(400);
    }
  });
});

describe('checks and decisions', () => {
  it('requires holding the application before checking it — 409', async () => {
    const { application } = await submittedApplication(ctx, { agencyId });
    const response = await saveChecks(verifier.cookie, application.id, ALL_MS);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('INVALID_STATE');
    expect(await checksOf(application.id)).toEqual([]);
  });

  it('records MS for every requirement and decides MS, with the decision audited — 200', async () => {
    const { application } = await held();
    const saved = await saveChecks(verifier.cookie, application.id, ALL_MS);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().workspace.decision).toEqual({ suggested: 'ms', pendingConfirmations: [], msIssues: [], tmsIssues: [expect.any(String)] });
    const decided = await decide(verifier.cookie, application.id, 'ms');
    expect(decided.statusCode).toBe(200);
    expect(decided.json().workspace.application).toMatchObject({ status: 'ms', decidedBy: { id: verifier.account.id } });
    const audit = await auditOf(application.id);
    expect(audit.map((a) => a.action)).toEqual(['verification.claim', 'verification.check', 'verification.decide']);
    expect(audit[2]!.summary).toMatchObject({ before: { status: 'submitted' }, after: { status: 'ms', checks: expect.arrayContaining([expect.objectContaining({ key: 'doc:ktp', result: 'MS' })]) } });
    const again = await decide(verifier.cookie, application.id, 'tms');
    expect(again.statusCode).toBe(409);
    expect((await row(application.id)).status).toBe('ms');
  });

  it('refuses MS while one requirement is TMS and TMS while all are MS, naming the requirement — 409', async () => {
    const { application } = await held();
    await saveChecks(verifier.cookie, application.id, [...ALL_MS.slice(0, 3), tms('rule:education', 'ijazah_tidak_sesuai', 'Ijazah Manajemen, formasi Informatika')]);
    const ms = await decide(verifier.cookie, application.id, 'ms');
    expect(ms.statusCode).toBe(409);
    expect(ms.json().error.fields).toHaveProperty(['checklist.rule:education']);
    expect((await row(application.id)).status).toBe('submitted');
    const other = await held();
    await saveChecks(verifier.cookie, other.application.id, ALL_MS.slice(0, 2));
    const incomplete = await decide(verifier.cookie, other.application.id, 'ms');
    expect(incomplete.json().error.fields).toEqual({ 'checklist.rule:age': expect.stringContaining('belum diperiksa'), 'checklist.rule:education': expect.stringContaining('belum diperiksa') });
    await saveChecks(verifier.cookie, other.application.id, ALL_MS);
    expect((await decide(verifier.cookie, other.application.id, 'tms')).json().error.fields).toHaveProperty('decision');
    expect((await decide(verifier.cookie, application.id, 'tms')).statusCode).toBe(200);
    const workspace = (await get(verifier.cookie, `${base()}/applications/${application.id}`)).json().workspace;
    expect(workspace.checklist.find((c: { key: string }) => c.key === 'rule:education').check).toMatchObject({
      result: 'TMS',
      reasonLabel: 'Ijazah tidak sesuai kualifikasi pendidikan formasi',
      reasonText: 'Ijazah Manajemen, formasi Informatika',
      verifier: { name: 'Verifikator Satu' },
    });
  });

  it('refuses bad check input naming the field, changing nothing — 400', async () => {
    const { application } = await held();
    const cases: Array<[unknown, string]> = [
      [[tms('doc:ktp', null as unknown as string)], 'checks.0.reasonCode'],
      [[tms('doc:ktp', 'alasan_karangan')], 'checks.0.reasonCode'],
      [[{ ...ALL_MS[0], reasonCode: 'tidak_terbaca' }], 'checks.0.reasonCode'],
      [[{ ...ALL_MS[0], requirementKey: 'doc:paspor' }], 'checks.0.requirementKey'],
      [[{ ...ALL_MS[0], result: 'BAIK' }], 'checks.0.result'],
      [[{ ...ALL_MS[0], result: 1 }], 'checks.0.result'],
      [[{ ...ALL_MS[0], reasonText: 'x'.repeat(1001) }], 'checks.0.reasonText'],
      [[{ result: 'MS' }], 'checks.0.requirementKey'],
      [[], 'checks'],
      ['MS', 'checks'],
    ];
    for (const [checks, field] of cases) {
      const response = await saveChecks(verifier.cookie, application.id, checks);
      expect({ field, status: response.statusCode }).toEqual({ field, status: 400 });
      expect(response.json().error.fields).toHaveProperty([field]);
    }
    expect((await request(ctx, verifier.cookie, { method: 'PUT', url: `${base()}/applications/${application.id}/checks`, payload: {} })).statusCode).toBe(400);
    expect(await checksOf(application.id)).toEqual([]);
  });

  it('decides MS for many whose checks are all MS, skipping the others with the reason', async () => {
    const a = await held();
    const b = await held();
    const c = await held();
    await saveChecks(verifier.cookie, a.application.id, ALL_MS);
    await saveChecks(verifier.cookie, b.application.id, ALL_MS);
    await saveChecks(verifier.cookie, c.application.id, [...ALL_MS.slice(1), tms('doc:ktp')]);
    const response = await post(verifier.cookie, `${base()}/decide-ms`, { applicationIds: [a.application.id, b.application.id, c.application.id] });
    expect(response.json()).toEqual({ done: [a.application.id, b.application.id], skipped: [{ id: c.application.id, reason: expect.stringContaining('KTP berstatus TMS') }] });
    expect((await row(c.application.id)).status).toBe('submitted');
  });

  it('lets the panel reopen a decision before the result is announced, never after', async () => {
    const { application, selection } = await held();
    await saveChecks(verifier.cookie, application.id, ALL_MS);
    await decide(verifier.cookie, application.id, 'ms');
    const short = await post(panel.cookie, `${base()}/applications/${application.id}/reopen`, { reason: 'cek' });
    expect(short.json().error.fields).toHaveProperty('reason');
    expect((await post(verifier.cookie, `${base()}/applications/${application.id}/reopen`, { reason: 'Ijazah perlu dicek ulang.' })).statusCode).toBe(403);
    const reopened = await post(panel.cookie, `${base()}/applications/${application.id}/reopen`, { reason: 'Ijazah perlu dicek ulang.' });
    expect(reopened.statusCode).toBe(200);
    expect(await row(application.id)).toMatchObject({ status: 'submitted', decidedBy: null });
    await decide(verifier.cookie, application.id, 'ms');
    await ctx.database.db.insert(stageResults).values({ agencyId, selectionId: selection.id, stage: 'administrasi', resultHash: '0'.repeat(64), publishedAt: new Date() });
    const late = await post(panel.cookie, `${base()}/applications/${application.id}/reopen`, { reason: 'Ijazah perlu dicek ulang.' });
    expect(late.statusCode).toBe(409);
    expect((await row(application.id)).status).toBe('ms');
  });
});

describe('four-eyes rule', () => {
  it('holds a TMS decision until a second, different verifier confirms each TMS', async () => {
    const selection = await closedSelection(ctx, agencyId, { settings: { fourEyes: true } });
    const { application } = await held({ selection });
    await saveChecks(verifier.cookie, application.id, [...ALL_MS.slice(1), tms('doc:ktp', 'tidak_terbaca', 'Foto KTP buram')]);
    const early = await decide(verifier.cookie, application.id, 'tms');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.fields['checklist.doc:ktp']).toContain('empat mata');
    const queue = (await get(second.cookie, `${base()}/queue?awaitingConfirmation=1&selectionId=${selection.id}`)).json();
    expect(queue.items).toEqual([expect.objectContaining({ id: application.id, awaitingConfirmation: true })]);

    const self = await post(verifier.cookie, `${base()}/applications/${application.id}/confirm`, { requirementKeys: ['doc:ktp'] });
    expect(self.statusCode).toBe(403);
    const notTms = await post(second.cookie, `${base()}/applications/${application.id}/confirm`, { requirementKeys: ['doc:ijazah'] });
    expect(notTms.statusCode).toBe(409);
    const confirmed = await post(second.cookie, `${base()}/applications/${application.id}/confirm`, { requirementKeys: ['doc:ktp'] });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().workspace.checklist[0].check.confirmedBy).toEqual({ id: second.account.id, name: 'Verifikator Dua' });

    // Changing the TMS afterwards needs a new confirmation.
    await saveChecks(verifier.cookie, application.id, [tms('doc:ktp', 'tidak_sesuai', 'Bukan KTP')]);
    expect((await decide(verifier.cookie, application.id, 'tms')).statusCode).toBe(409);
    await post(second.cookie, `${base()}/applications/${application.id}/confirm`, { requirementKeys: ['doc:ktp'] });
    expect((await decide(verifier.cookie, application.id, 'tms')).statusCode).toBe(200);
    expect((await auditOf(application.id)).map((a) => a.action)).toEqual([
      'verification.claim',
      'verification.check',
      'verification.confirm',
      'verification.check',
      'verification.confirm',
      'verification.decide',
    ]);
  });

  it('refuses confirmations in a round without the four-eyes rule — 409', async () => {
    const { application } = await held();
    await saveChecks(verifier.cookie, application.id, [tms('doc:ktp')]);
    expect((await post(second.cookie, `${base()}/applications/${application.id}/confirm`, { requirementKeys: ['doc:ktp'] })).statusCode).toBe(409);
    expect((await checksOf(application.id))[0]!.confirmedBy).toBeNull();
  });
});

describe('workspace and documents', () => {
  it('shows personal data to verifiers and administrators only; others see it masked and cannot open documents', async () => {
    const made = await submittedApplication(ctx, { agencyId });
    const other = await submittedApplication(ctx, { agencyId, selection: made.selection });
    await ctx.database.db.update(applications).set({ flags: [{ kind: 'dokumen', otherApplicationId: other.application.id, detail: 'Berkas identik' }] }).where(eq(applications.id, made.application.id));
    const nik = (made.application.profileSnapshot as { nik: string }).nik;

    const mine = (await get(verifier.cookie, `${base()}/applications/${made.application.id}`)).json().workspace;
    expect(mine.profile).toMatchObject({ masked: false, nik, address: 'Jl. Sudirman No. 5, Padang', birthDate: '1998-03-14' });
    expect(mine.documents.map((d: { key: string; previewUrl: string }) => [d.key, d.previewUrl])).toEqual([
      ['ktp', `${base()}/applications/${made.application.id}/documents/ktp`],
      ['ijazah', `${base()}/applications/${made.application.id}/documents/ijazah`],
    ]);
    expect(mine.flags).toEqual([{ kind: 'dokumen', detail: 'Berkas identik', otherApplicationId: other.application.id, otherRegistrationNumber: other.application.registrationNumber, otherStatus: 'submitted' }]);
    expect(mine.checklist.map((c: { key: string }) => c.key)).toEqual(['doc:ktp', 'doc:ijazah', 'rule:age', 'rule:education']);
    expect(mine.can).toMatchObject({ claim: true, check: false, assign: false });

    const watched = (await get(observer.cookie, `${base()}/applications/${made.application.id}`)).json().workspace;
    expect(watched.profile).toMatchObject({ masked: true, nik: `${nik.slice(0, 4)}********${nik.slice(-4)}`, address: '(disembunyikan)', birthDate: '****-**-**' });
    expect(JSON.stringify(watched)).not.toContain(nik);
    expect(watched.can).toEqual({ claim: false, check: false, decide: false, confirm: false, assign: false, reopen: false });
    expect(watched.documents[1].previewUrl).not.toBeNull();

    const superAdmin = await accountWithSession(ctx, { roles: [{ role: 'super_admin', agencyId: null }] });
    const national = await get(superAdmin.cookie, `${base()}/applications/${made.application.id}`);
    expect(national.json().workspace.profile.masked).toBe(true);
    expect(national.json().workspace.documents.every((d: { previewUrl: string | null }) => d.previewUrl === null)).toBe(true);
    expect((await get(superAdmin.cookie, `${base()}/applications/${made.application.id}/documents/ijazah`)).statusCode).toBe(403);
  });

  it('streams a document inline to staff of the agency, with a frame-friendly policy', async () => {
    const made = await submittedApplication(ctx, { agencyId });
    const response = await get(verifier.cookie, `${base()}/applications/${made.application.id}/documents/ijazah`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/^inline; filename="ijazah\.pdf"/);
    expect(response.headers['content-security-policy']).not.toContain('sandbox');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(response.rawPayload.equals(made.documents[1]!.content)).toBe(true);
    const image = await get(observer.cookie, `${base()}/applications/${made.application.id}/documents/ktp`);
    expect(image.headers['content-type']).toBe('image/png');
    expect((await get(verifier.cookie, `${base()}/applications/${made.application.id}/documents/sertifikat`)).statusCode).toBe(404);
    expect((await get(verifier.cookie, `${base()}/applications/${made.application.id}/documents/${'k'.repeat(61)}`)).statusCode).toBe(400);
  });

  it('answers 404 for a draft or an unknown application', async () => {
    const made = await submittedApplication(ctx, { agencyId });
    await ctx.database.db.update(applications).set({ status: 'draft' }).where(and(eq(applications.id, made.application.id)));
    expect((await get(verifier.cookie, `${base()}/applications/${made.application.id}`)).statusCode).toBe(404);
    expect((await get(verifier.cookie, `${base()}/applications/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    expect((await get(verifier.cookie, `${base()}/applications/bukan-uuid`)).statusCode).toBe(400);
  });
});

describe('reason catalogue', () => {
  it('is seeded with defaults on first use, and managed by the panel', async () => {
    const agency = (await createAgencyRow(ctx, 'Instansi Katalog')).id;
    const admin = await staffSession(ctx, agency, 'admin_instansi');
    const list = (await get(admin.cookie, `/api/agencies/${agency}/verification/reasons`)).json().items;
    expect(list.map((r: { label: string }) => r.label)).toEqual(expect.arrayContaining(['Dokumen tidak terbaca', 'Usia melebihi batas', 'Ijazah tidak sesuai kualifikasi pendidikan formasi']));
    const created = await post(admin.cookie, `/api/agencies/${agency}/verification/reasons`, { code: 'str_kedaluwarsa', label: 'STR sudah kedaluwarsa' });
    expect(created.statusCode).toBe(201);
    expect((await post(admin.cookie, `/api/agencies/${agency}/verification/reasons`, { code: 'str_kedaluwarsa', label: 'Lagi' })).statusCode).toBe(409);
    for (const payload of [{ code: 'Huruf Besar', label: 'Alasan' }, { code: 'ok_kode', label: 'x' }, { code: 'ok_kode', label: 'y'.repeat(201) }, { label: 'Tanpa kode' }, { code: 'ok_kode', label: 'Alasan', extra: 1 }]) {
      expect((await post(admin.cookie, `/api/agencies/${agency}/verification/reasons`, payload)).statusCode).toBe(400);
    }
    const id = created.json().reason.id;
    expect((await request(ctx, admin.cookie, { method: 'PATCH', url: `/api/agencies/${agency}/verification/reasons/${id}`, payload: {} })).statusCode).toBe(400);
    const off = await request(ctx, admin.cookie, { method: 'PATCH', url: `/api/agencies/${agency}/verification/reasons/${id}`, payload: { active: false } });
    expect(off.json().reason).toMatchObject({ code: 'str_kedaluwarsa', active: false });
    const foreign = await request(ctx, admin.cookie, { method: 'PATCH', url: `/api/agencies/${agency}/verification/reasons/${id}`.replace(agency, agencyId), payload: { active: true } });
    expect(foreign.statusCode).toBe(403);
  });

  it('refuses a deactivated reason for a new TMS — 400', async () => {
    const admin = await staffSession(ctx, agencyId, 'admin_instansi');
    const created = (await post(admin.cookie, `${base()}/reasons`, { code: 'lama_tidak_dipakai', label: 'Alasan lama' })).json().reason;
    await request(ctx, admin.cookie, { method: 'PATCH', url: `${base()}/reasons/${created.id}`, payload: { active: false } });
    const { application } = await held();
    const response = await saveChecks(verifier.cookie, application.id, [tms('doc:ktp', 'lama_tidak_dipakai')]);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields['checks.0.reasonCode']).toContain('dinonaktifkan');
  });
});
