import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithSession, createAgencyRow, createTestApp, request, type TestContext } from '../../test-support/app.js';
import { attachDocumentRow, createFormasiRow, createSelectionRow, profileFor } from '../../test-support/factories.js';
import { auditLog } from '../audit/audit.table.js';
import { verifyChain } from '../audit/audit.service.js';
import { applications } from './applications.table.js';

let ctx: TestContext;
let agency: { id: string; code: string };
beforeAll(async () => {
  ctx = await createTestApp();
  agency = await createAgencyRow(ctx);
});
afterAll(() => ctx.close());

async function applicantWithProfile(over: Record<string, unknown> = {}) {
  const session = await accountWithSession(ctx, { roles: [{ role: 'pelamar', agencyId: null }] });
  const profile = profileFor(over);
  const saved = await request(ctx, session.cookie, { method: 'PUT', url: '/api/applicant/profile', payload: profile });
  if (saved.statusCode !== 200) throw new Error(saved.body);
  return { ...session, profile };
}

async function openFormasi(selectionOver = {}, formasiOver = {}) {
  const selection = await createSelectionRow(ctx, agency.id, selectionOver);
  return { selection, formasi: await createFormasiRow(ctx, selection, formasiOver) };
}

const start = (cookie: string, formasiId: string) => request(ctx, cookie, { method: 'POST', url: '/api/applicant/applications', payload: { formasiId } });
const submit = (cookie: string, id: string) => request(ctx, cookie, { method: 'POST', url: `/api/applicant/applications/${id}/submit` });

async function readyDraft(cookie: string, formasiId: string) {
  const created = await start(cookie, formasiId);
  expect(created.statusCode).toBe(201);
  const application = created.json().application;
  const row = (await ctx.database.db.select().from(applications).where(eq(applications.id, application.id)))[0]!;
  await attachDocumentRow(ctx, row, 'ktp');
  await attachDocumentRow(ctx, row, 'ijazah');
  return application.id as string;
}

describe('applications', () => {
  it('submits an eligible application with its documents: frozen, with a registration number — 200', async () => {
    const { cookie } = await applicantWithProfile();
    const { formasi } = await openFormasi();
    const id = await readyDraft(cookie, formasi.id);
    const response = await submit(cookie, id);
    expect(response.statusCode).toBe(200);
    expect(response.json().application).toMatchObject({ status: 'submitted', registrationNumber: expect.stringMatching(new RegExp(`^CPNS2026-${agency.code.toUpperCase().replace(/-/g, '').slice(0, 12)}-\\d{7}$`)) });
    const again = await submit(cookie, id);
    expect(again.statusCode).toBe(409);
    const change = await request(ctx, cookie, { method: 'PATCH', url: `/api/applicant/applications/${id}`, payload: { formasiId: formasi.id } });
    expect(change.json().error.code).toBe('INVALID_STATE');
  });

  it('shows the checklist: missing mandatory documents and eligibility before submission', async () => {
    const { cookie } = await applicantWithProfile();
    const { formasi } = await openFormasi();
    const created = (await start(cookie, formasi.id)).json().application;
    expect(created.missingDocuments).toEqual(['ktp', 'ijazah']);
    expect(created.eligibility).toEqual({ eligible: true, failures: [] });
    const refused = await submit(cookie, created.id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'DOCUMENTS_MISSING', fields: { 'documents.ktp': expect.any(String), 'documents.ijazah': expect.any(String) } });
  });

  it('refuses a second application to the same round — 409 — and allows changing the formation while draft', async () => {
    const { cookie } = await applicantWithProfile();
    const { selection, formasi } = await openFormasi();
    const other = await createFormasiRow(ctx, selection, { positionName: 'Analis Kebijakan' });
    const first = (await start(cookie, formasi.id)).json().application;
    expect((await start(cookie, other.id)).statusCode).toBe(409);
    const changed = await request(ctx, cookie, { method: 'PATCH', url: `/api/applicant/applications/${first.id}`, payload: { formasiId: other.id } });
    expect(changed.json().application.formasi.positionName).toBe('Analis Kebijakan');
  });

  it('refuses a second submitted application for the same NIK, type and year in another agency — 409 DUPLICATE_APPLICATION', async () => {
    const { cookie } = await applicantWithProfile();
    const first = await openFormasi();
    const otherAgency = await createAgencyRow(ctx);
    const secondSelection = await createSelectionRow(ctx, otherAgency.id);
    const secondFormasi = await createFormasiRow(ctx, secondSelection);
    const a = await readyDraft(cookie, first.formasi.id);
    const b = await readyDraft(cookie, secondFormasi.id);
    expect((await submit(cookie, a)).statusCode).toBe(200);
    const second = await submit(cookie, b);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('DUPLICATE_APPLICATION');
    expect(second.json().error.message).toMatch(/PermenPANRB 6\/2024/);
    const [row] = await ctx.database.db.select().from(applications).where(eq(applications.id, b));
    expect(row).toMatchObject({ status: 'draft', registrationNumber: null });
    // The refused submission's audit entry went with it: the other agency's chain has none.
    expect(await ctx.database.db.select().from(auditLog).where(eq(auditLog.chain, otherAgency.id))).toEqual([]);
  });

  it('leaves exactly one submitted application when two are submitted at the same instant', async () => {
    const { cookie } = await applicantWithProfile();
    const drafts = [];
    for (let i = 0; i < 2; i++) {
      const otherAgency = await createAgencyRow(ctx);
      const selection = await createSelectionRow(ctx, otherAgency.id);
      drafts.push(await readyDraft(cookie, (await createFormasiRow(ctx, selection)).id));
    }
    const responses = await Promise.all(drafts.map((id) => submit(cookie, id)));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const submitted = await Promise.all(drafts.map(async (id) => (await ctx.database.db.select().from(applications).where(eq(applications.id, id)))[0]!.status));
    expect(submitted.sort()).toEqual(['draft', 'submitted']);
  });

  it('allows a PPPK application in the same year as a CPNS one (another type)', async () => {
    const { cookie } = await applicantWithProfile();
    const cpns = await openFormasi();
    const pppk = await openFormasi({ type: 'pppk', name: 'PPPK 2026' });
    expect((await submit(cookie, await readyDraft(cookie, cpns.formasi.id))).statusCode).toBe(200);
    expect((await submit(cookie, await readyDraft(cookie, pppk.formasi.id))).statusCode).toBe(200);
  });

  it('refuses submission one second after the deadline by the server clock — 409 REGISTRATION_CLOSED, nothing changes', async () => {
    const { cookie } = await applicantWithProfile();
    const { selection, formasi } = await openFormasi();
    const id = await readyDraft(cookie, formasi.id);
    await ctx.database.db.update((await import('../selections/selections.table.js')).selections).set({ registrationClosesAt: new Date(Date.now() - 1000) }).where(eq((await import('../selections/selections.table.js')).selections.id, selection.id));
    const response = await submit(cookie, id);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'REGISTRATION_CLOSED', message: expect.stringMatching(/sudah ditutup pada .* WIB/) });
    expect((await ctx.database.db.select().from(applications).where(eq(applications.id, id)))[0]!.status).toBe('draft');
  });

  it('refuses starting an application before registration opens, and on an unpublished formation', async () => {
    const { cookie } = await applicantWithProfile();
    const future = await openFormasi({ registrationOpensAt: new Date(Date.now() + 3600_000) });
    expect((await start(cookie, future.formasi.id)).json().error.code).toBe('REGISTRATION_CLOSED');
    const draft = await openFormasi({}, { status: 'draft' });
    expect((await start(cookie, draft.formasi.id)).json().error.code).toBe('REGISTRATION_CLOSED');
  });

  it('refuses an applicant older than the maximum on the closing date, naming the rule — 422 NOT_ELIGIBLE', async () => {
    const closes = new Date(Date.now() + 7 * 24 * 3600 * 1000);
    const closingLocal = new Date(closes.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
    const [y, m, d] = closingLocal.split('-').map(Number);
    // 36th birthday on the day before closing: 36 on the closing date → too old for a 35 maximum.
    const birth = new Date(Date.UTC(y! - 36, m! - 1, d! - 1)).toISOString().slice(0, 10);
    const { cookie } = await applicantWithProfile({ birthDate: birth });
    const { formasi } = await openFormasi({ registrationClosesAt: closes });
    const id = await readyDraft(cookie, formasi.id);
    const response = await submit(cookie, id);
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'NOT_ELIGIBLE', fields: { 'eligibility.age': expect.stringMatching(/usia|Usia/) } });
  });

  it('refuses an applicant whose diploma does not match the formation (education rule)', async () => {
    const { cookie } = await applicantWithProfile({ education: [{ level: 'S1', institution: 'Univ', programme: 'Hukum', gpa: 3.5, diplomaNumber: 'X1', year: 2021 }] });
    const { formasi } = await openFormasi();
    const response = await submit(cookie, await readyDraft(cookie, formasi.id));
    expect(response.json().error.fields).toHaveProperty('eligibility.education');
  });

  it('requires a profile before submitting — 422 PROFILE_INCOMPLETE', async () => {
    const session = await accountWithSession(ctx, { roles: [{ role: 'pelamar', agencyId: null }] });
    const { formasi } = await openFormasi();
    const id = (await start(session.cookie, formasi.id)).json().application.id;
    expect((await submit(session.cookie, id)).json().error.code).toBe('PROFILE_INCOMPLETE');
  });

  it("never reveals or changes someone else's application — 404", async () => {
    const owner = await applicantWithProfile();
    const stranger = await applicantWithProfile();
    const { formasi } = await openFormasi();
    const id = await readyDraft(owner.cookie, formasi.id);
    expect((await request(ctx, stranger.cookie, { method: 'GET', url: `/api/applicant/applications/${id}` })).statusCode).toBe(404);
    expect((await submit(stranger.cookie, id)).statusCode).toBe(404);
    expect((await request(ctx, stranger.cookie, { method: 'DELETE', url: `/api/applicant/applications/${id}` })).statusCode).toBe(404);
    expect((await ctx.database.db.select().from(applications).where(eq(applications.id, id)))[0]!.status).toBe('draft');
  });

  it("appends each submission to its agency's audit chain, the agency's very first entry too, also many at once", async () => {
    // A new agency: its chain has no head yet when the first submission arrives.
    const own = await createAgencyRow(ctx, 'Instansi Rantai Baru');
    const selection = await createSelectionRow(ctx, own.id);
    const formasi = await createFormasiRow(ctx, selection);
    const applicants = await Promise.all(Array.from({ length: 6 }, () => applicantWithProfile()));
    const drafts = await Promise.all(applicants.map((a) => readyDraft(a.cookie, formasi.id)));
    expect((await submit(applicants[0]!.cookie, drafts[0]!)).statusCode).toBe(200);
    const rest = await Promise.all(drafts.slice(1).map((id, i) => submit(applicants[i + 1]!.cookie, id)));
    expect(rest.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const entries = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.chain, own.id), eq(auditLog.action, 'application.submit'))).orderBy(auditLog.seq);
    expect(entries.map((e) => e.targetId).sort()).toEqual([...drafts].sort());
    expect(entries[0]!.seq).toBe(1);
    expect(entries[0]!.summary).toMatchObject({ after: { formasiId: formasi.id, documents: expect.arrayContaining([expect.objectContaining({ key: 'ktp' }), expect.objectContaining({ key: 'ijazah' })]) } });
    expect(await verifyChain(ctx.database.db, own.id)).toMatchObject({ ok: true, entries: 6 });
    // Same name and birth date: the later ones carry flags, set in the same transaction.
    const flagged = await ctx.database.db.select({ flags: applications.flags }).from(applications).where(eq(applications.id, drafts[5]!));
    expect(flagged[0]!.flags.length).toBeGreaterThan(0);
  });

  it('flags likely duplicates for the verifier: same phone, and an identical document file', async () => {
    const phone = '081299990000';
    const first = await applicantWithProfile({ phone });
    const second = await applicantWithProfile({ phone, name: 'Rina Marlina', birthDate: '1999-09-09', sex: 'P' });
    const { formasi } = await openFormasi();
    const a = await readyDraft(first.cookie, formasi.id);
    await submit(first.cookie, a);
    const created = (await start(second.cookie, formasi.id)).json().application;
    const row = (await ctx.database.db.select().from(applications).where(eq(applications.id, created.id)))[0]!;
    await attachDocumentRow(ctx, row, 'ktp');
    await attachDocumentRow(ctx, row, 'ijazah', `${a}-ijazah`);
    expect((await submit(second.cookie, created.id)).statusCode).toBe(200);
    const [mine] = await ctx.database.db.select().from(applications).where(eq(applications.id, created.id));
    expect(mine!.flags.map((f) => f.kind).sort()).toEqual(['dokumen', 'telepon']);
    const [theirs] = await ctx.database.db.select().from(applications).where(eq(applications.id, a));
    expect(theirs!.flags.map((f) => f.otherApplicationId)).toEqual([created.id, created.id]);
  });
});
