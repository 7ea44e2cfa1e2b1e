import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKD_PASS_RULES } from '../../../core/cat-scoring.js';
import { accountWithSession, createAgencyRow, createTestApp, request, type TestContext } from '../../test-support/app.js';
import { createFormasiRow, createSelectionRow } from '../../test-support/factories.js';
import { auditLog } from '../audit/audit.table.js';
import { createActiveQuestions, createBankRow } from '../cat-banks/cat-banks.fixtures.js';
import { addPaper, createAttemptRow, createSessionRow } from '../cat-reports/cat-reports.fixtures.js';
import { catBlueprints, catQuestions } from '../cat/cat.table.js';
import { createBlueprintRow } from './cat-blueprints.fixtures.js';

let ctx: TestContext;
let agencyId: string;
let otherAgencyId: string;
let admin: string;
let panitia: string;
let pengawas: string;
/** Banks of the agency holding exactly the SKD counts of active questions (plus a few drafts). */
let skdBanks: { twk: string; tiu: string; tkp: string };

beforeAll(async () => {
  ctx = await createTestApp();
  agencyId = (await createAgencyRow(ctx, 'Kabupaten Cetak Biru')).id;
  otherAgencyId = (await createAgencyRow(ctx, 'Kabupaten Lain')).id;
  admin = (await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId }] })).cookie;
  panitia = (await accountWithSession(ctx, { roles: [{ role: 'panitia', agencyId }] })).cookie;
  pengawas = (await accountWithSession(ctx, { roles: [{ role: 'pengawas', agencyId }] })).cookie;
  const twk = await createBankRow(db(), agencyId, 'Bank TWK');
  const tiu = await createBankRow(db(), agencyId, 'Bank TIU');
  const tkp = await createBankRow(db(), null, 'Bank Nasional TKP');
  await createActiveQuestions(db(), twk, 'TWK', 30);
  await createActiveQuestions(db(), twk, 'TWK', 5, '', 'reviewed');
  await createActiveQuestions(db(), tiu, 'TIU', 35);
  await createActiveQuestions(db(), tkp, 'TKP', 45);
  skdBanks = { twk: twk.id, tiu: tiu.id, tkp: tkp.id };
  // Migrations and several argon2 logins: slow on a busy shared machine.
}, 240_000);
afterAll(() => ctx.close());

const db = () => ctx.database.db;
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const call = (cookie: string, method: Method, url: string, payload?: object) => request(ctx, cookie, { method, url, ...(payload ? { payload } : {}) });
const blueprintsOf = (selectionId: string, agency = agencyId) => `/api/agencies/${agency}/selections/${selectionId}/blueprints`;
const skdSections = () => [
  { subtest: 'TWK', count: 30, bankIds: [skdBanks.twk] },
  { subtest: 'TIU', count: 35, bankIds: [skdBanks.tiu] },
  { subtest: 'TKP', count: 45, bankIds: [skdBanks.tkp] },
];
const blueprintCount = async (selectionId: string) => (await db().select({ n: count() }).from(catBlueprints).where(eq(catBlueprints.selectionId, selectionId)))[0]!.n;

describe('options', () => {
  it('names the round’s CAT stages, the presets that fit it, and the banks it may draw from (own and national, not another agency’s) — 200', async () => {
    const selection = await createSelectionRow(ctx, agencyId);
    await createBankRow(db(), otherAgencyId, 'Bank Tetangga');
    const response = await call(panitia, 'GET', `${blueprintsOf(selection.id)}/options`);
    expect(response.statusCode).toBe(200);
    const options = response.json();
    expect(options.stages).toEqual([
      { key: 'skd', name: 'Seleksi Kompetensi Dasar (SKD)', blueprintId: null },
      { key: 'skb', name: 'Seleksi Kompetensi Bidang (SKB)', blueprintId: null },
    ]);
    expect(options.presets.map((p: { preset: string; fitsSelection: boolean }) => [p.preset, p.fitsSelection])).toEqual([
      ['skd', true],
      ['pppk', false],
      ['skb', true],
      ['custom', true],
    ]);
    expect(options.banks.map((b: { name: string; active: number; national: boolean }) => [b.name, b.active, b.national])).toEqual([
      ['Bank TIU', 35, false],
      ['Bank TWK', 30, false],
      ['Bank Nasional TKP', 45, true],
    ]);
    expect((await call(pengawas, 'GET', `${blueprintsOf(selection.id)}/options`)).statusCode).toBe(403);
  });
});

describe('creating', () => {
  it('creates the SKD preset with its defaults (100 + 30 minutes, 2024 pass marks, max 550) from enough active questions, audited — 201', async () => {
    const selection = await createSelectionRow(ctx, agencyId);
    const response = await call(admin, 'POST', blueprintsOf(selection.id), { stageKey: 'skd', name: 'SKD CPNS 2026', preset: 'skd', sections: skdSections() });
    expect(response.statusCode, response.body).toBe(201);
    const blueprint = response.json().blueprint;
    expect(blueprint).toMatchObject({
      stageKey: 'skd',
      stageName: 'Seleksi Kompetensi Dasar (SKD)',
      preset: 'skd',
      durationMinutes: 100,
      extraMinutes: { tunanetra: 30 },
      totalQuestions: 110,
      maxTotal: 550,
      lockedReason: null,
      passRules: SKD_PASS_RULES,
    });
    expect(blueprint.sections[2].banks).toEqual([{ id: skdBanks.tkp, name: 'Bank Nasional TKP', national: true }]);
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'cat.blueprint.create'), eq(auditLog.targetId, blueprint.id))).orderBy(auditLog.chain, auditLog.seq);
    expect(audit!.summary).toMatchObject({ after: { stageKey: 'skd', durationMinutes: 100, sections: [{ subtest: 'TWK', count: 30 }, { subtest: 'TIU' }, { subtest: 'TKP' }] } });

    const again = await call(admin, 'POST', blueprintsOf(selection.id), { stageKey: 'skd', name: 'SKD kedua', preset: 'skd', sections: skdSections() });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('sudah memiliki cetak biru');
  });

  it('refuses a section whose banks hold too few active questions, naming the section and the shortfall — 400, nothing saved', async () => {
    const selection = await createSelectionRow(ctx, agencyId);
    const sections = skdSections();
    sections[0]!.count = 33; // 30 active (the 5 reviewed ones do not count)
    const response = await call(admin, 'POST', blueprintsOf(selection.id), { stageKey: 'skd', name: 'SKD terlalu banyak', preset: 'skd', sections });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ 'sections.0.count': 'Soal aktif belum cukup. Bagian 1 — TWK: dibutuhkan 33 soal aktif, hanya 30 yang dapat dipakai (kurang 3).' });
    expect(await blueprintCount(selection.id)).toBe(0);
  });

  it('counts a question once when two sections of a subtest share a bank (topic sections draw first) — 400 with the shortfall', async () => {
    const selection = await createSelectionRow(ctx, agencyId);
    const bank = await createBankRow(db(), agencyId);
    await createActiveQuestions(db(), bank, 'SKB', 12, 'Keperawatan');
    await createActiveQuestions(db(), bank, 'SKB', 18, 'Umum');
    const sections = [
      { subtest: 'SKB', topic: 'Keperawatan', count: 10, bankIds: [bank.id] },
      { subtest: 'SKB', count: 25, bankIds: [bank.id] },
    ];
    const check = await call(panitia, 'POST', `${blueprintsOf(selection.id)}/check`, { sections });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toEqual({
      ok: false,
      sections: [
        { index: 0, subtest: 'SKB', topic: 'Keperawatan', required: 10, active: 12, shortfall: 0, message: null },
        { index: 1, subtest: 'SKB', topic: '', required: 25, active: 30, shortfall: 5, message: 'Bagian 2 — SKB: dibutuhkan 25 soal aktif, hanya 20 yang dapat dipakai (kurang 5).' },
      ],
    });
    sections[1]!.count = 20;
    const fits = await call(admin, 'POST', blueprintsOf(selection.id), { stageKey: 'skb', name: 'CAT SKB Perawat', preset: 'skb', sections });
    expect(fits.statusCode, fits.body).toBe(201);
    expect(fits.json().blueprint).toMatchObject({ durationMinutes: 90, totalQuestions: 30, maxTotal: 150 });
  });

  it('refuses a preset, stage or bank the round cannot use, and bad input, naming the field — 400, nothing saved', async () => {
    const selection = await createSelectionRow(ctx, agencyId);
    const foreign = await createBankRow(db(), otherAgencyId);
    await createActiveQuestions(db(), foreign, 'TWK', 30);
    const cases: Array<[object, string]> = [
      [{ stageKey: 'kompetensi', name: 'PPPK di CPNS', preset: 'pppk', sections: [] }, 'preset'],
      [{ stageKey: 'administrasi', name: 'Bukan CAT', preset: 'skd', sections: skdSections() }, 'stageKey'],
      [{ stageKey: 'skd', name: 'Bank tetangga', preset: 'skd', sections: [{ ...skdSections()[0]!, bankIds: [foreign.id] }, ...skdSections().slice(1)] }, 'sections.0.bankIds'],
      [{ stageKey: 'skd', name: 'Tanpa TKP', preset: 'skd', sections: skdSections().slice(0, 2), passRules: {} }, 'sections'],
      [{ stageKey: 'skd', name: 'Durasi teks', preset: 'skd', sections: skdSections(), durationMinutes: 'seratus' }, 'durationMinutes'],
      [{ stageKey: 'skd', name: 'Durasi nol', preset: 'skd', sections: skdSections(), durationMinutes: 0 }, 'durationMinutes'],
      [{ stageKey: 'skd', name: 'Nol soal', preset: 'skd', sections: [{ ...skdSections()[0]!, count: 0 }] }, 'sections.0.count'],
      [{ stageKey: 'skd', name: 'Subtes asing', preset: 'skd', sections: [{ subtest: 'PSIKOTES', count: 1, bankIds: [skdBanks.twk] }] }, 'sections.0.subtest'],
      [{ stageKey: 'skd', name: 'x', preset: 'skd', sections: skdSections() }, 'name'],
      [{ stageKey: 'skd', name: 'Ambang mustahil', preset: 'skd', sections: skdSections(), passRules: { umum: { marks: [{ label: 'TWK', subtests: ['TWK'], min: 200 }] } } }, 'passRules.umum.marks.0.min'],
      [{ stageKey: 'skd', name: 'Kebutuhan aneh', preset: 'skd', sections: skdSections(), extraMinutes: { tunanetra: 1_000 } }, 'extraMinutes.tunanetra'],
    ];
    for (const [body, field] of cases) {
      const response = await call(admin, 'POST', blueprintsOf(selection.id), body);
      expect({ field, status: response.statusCode }).toEqual({ field, status: 400 });
      expect(response.json().error.fields).toHaveProperty(field);
    }
    expect(await blueprintCount(selection.id)).toBe(0);

    const jpt = await createSelectionRow(ctx, agencyId, { type: 'jpt' });
    const none = await call(admin, 'POST', blueprintsOf(jpt.id), { stageKey: 'asesmen', name: 'JPT', preset: 'custom', sections: [{ subtest: 'TIU', count: 5, bankIds: [skdBanks.tiu] }] });
    expect(none.json().error.fields.stageKey).toBe('Seleksi ini tidak memiliki tahap yang diuji dengan CAT.');
  });

  it('creates the PPPK preset in a PPPK round with 150 + 15 minutes and no pass mark — 201', async () => {
    const selection = await createSelectionRow(ctx, agencyId, { type: 'pppk' });
    const bank = await createBankRow(db(), agencyId);
    for (const [subtest, n] of [['TEKNIS', 90], ['MANAJERIAL', 25], ['SOSIAL_KULTURAL', 20], ['WAWANCARA', 10]] as const) await createActiveQuestions(db(), bank, subtest, n);
    const sections = [['TEKNIS', 90], ['MANAJERIAL', 25], ['SOSIAL_KULTURAL', 20], ['WAWANCARA', 10]].map(([subtest, n]) => ({ subtest, count: n, bankIds: [bank.id] }));
    const response = await call(panitia, 'POST', blueprintsOf(selection.id), { stageKey: 'kompetensi', name: 'Seleksi Kompetensi PPPK', preset: 'pppk', sections });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().blueprint).toMatchObject({ durationMinutes: 150, extraMinutes: { tunanetra: 15 }, maxTotal: 670, passRules: { umum: { marks: [] }, disabilitas: { marks: [] } } });
  });
});

describe('editing and deleting', () => {
  it('edits until a session of the stage starts, then refuses with the session named — 200/409, nothing changes', async () => {
    const selection = await createSelectionRow(ctx, agencyId);
    const blueprint = await createBlueprintRow(db(), selection, { sections: skdSections() });
    const url = `${blueprintsOf(selection.id)}/${blueprint.id}`;
    const body = { name: 'SKD diubah', preset: 'skd', durationMinutes: 110, extraMinutes: { tunanetra: 30 }, sections: skdSections(), passRules: SKD_PASS_RULES };
    const edited = await call(admin, 'PUT', url, body);
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().blueprint).toMatchObject({ name: 'SKD diubah', durationMinutes: 110 });
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'cat.blueprint.update'), eq(auditLog.targetId, blueprint.id))).orderBy(auditLog.chain, auditLog.seq);
    expect(audit!.summary).toMatchObject({ before: { durationMinutes: 100 }, after: { durationMinutes: 110 } });

    // A scheduled session in the future does not lock it…
    await createSessionRow(db(), selection, blueprint, { name: 'Sesi Besok', startsAt: new Date(Date.now() + 86_400_000) });
    expect((await call(admin, 'PUT', url, { ...body, durationMinutes: 100 })).statusCode).toBe(200);
    // …one whose start has come does.
    await createSessionRow(db(), selection, blueprint, { name: 'Sesi 1 Pagi', startsAt: new Date(Date.now() - 60_000), status: 'open' });
    const locked = await call(admin, 'PUT', url, { ...body, durationMinutes: 120 });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.message).toContain('sesi ujian "Sesi 1 Pagi" sudah dimulai');
    const detail = await call(pengawas, 'GET', url);
    expect(detail.json().blueprint).toMatchObject({ durationMinutes: 100, lockedReason: expect.stringContaining('Sesi 1 Pagi') });
    expect((await call(admin, 'DELETE', url)).statusCode).toBe(409);
  });

  it('locks a blueprint once a participant has started on it, and counts the papers already drawn', async () => {
    const selection = await createSelectionRow(ctx, agencyId);
    const blueprint = await createBlueprintRow(db(), selection, { sections: skdSections() });
    const formasi = await createFormasiRow(ctx, selection);
    const allocated = await createAttemptRow(db(), selection, blueprint, { formasi });
    const url = `${blueprintsOf(selection.id)}/${blueprint.id}`;
    expect((await call(admin, 'GET', url)).json().blueprint).toMatchObject({ lockedReason: null, papers: 0 });
    const [question] = await createActiveQuestions(db(), await createBankRow(db(), agencyId), 'TWK', 1);
    await addPaper(db(), allocated.attempt.id, [question!]);
    expect((await call(admin, 'GET', url)).json().blueprint).toMatchObject({ lockedReason: null, papers: 1 });
    await createAttemptRow(db(), selection, blueprint, { formasi, status: 'active' });
    const response = await call(admin, 'GET', url);
    expect(response.json().blueprint.lockedReason).toContain('peserta sudah mulai');
  });

  it('shows the current availability, which falls when questions are retired — 200', async () => {
    const selection = await createSelectionRow(ctx, agencyId);
    const bank = await createBankRow(db(), agencyId);
    const questions = await createActiveQuestions(db(), bank, 'SKB', 4);
    const blueprint = await createBlueprintRow(db(), selection, { preset: 'skb', sections: [{ subtest: 'SKB', count: 4, bankIds: [bank.id] }] });
    await db().update(catQuestions).set({ status: 'retired' }).where(eq(catQuestions.id, questions[0]!.id));
    const response = await call(pengawas, 'GET', `${blueprintsOf(selection.id)}/${blueprint.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().availability).toMatchObject({ ok: false, sections: [{ required: 4, active: 3, shortfall: 1 }] });
    expect(response.body).not.toContain(questions[1]!.stem);
  });

  it('deletes an unused blueprint with an audit record — 204', async () => {
    const selection = await createSelectionRow(ctx, agencyId);
    const blueprint = await createBlueprintRow(db(), selection, { sections: skdSections() });
    expect((await call(panitia, 'DELETE', `${blueprintsOf(selection.id)}/${blueprint.id}`)).statusCode).toBe(204);
    expect(await blueprintCount(selection.id)).toBe(0);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.action, 'cat.blueprint.delete'), eq(auditLog.targetId, blueprint.id))).orderBy(auditLog.chain, auditLog.seq)).toHaveLength(1);
  });
});

describe('tenant isolation', () => {
  it("answers 404 for another agency's round or blueprint through this agency's path, and changes nothing", async () => {
    const foreignSelection = await createSelectionRow(ctx, otherAgencyId);
    const foreignBlueprint = await createBlueprintRow(db(), foreignSelection, { sections: skdSections() });
    const ownSelection = await createSelectionRow(ctx, agencyId);
    const viaForeignRound = `${blueprintsOf(foreignSelection.id)}/${foreignBlueprint.id}`;
    const viaOwnRound = `${blueprintsOf(ownSelection.id)}/${foreignBlueprint.id}`;
    const body = { name: 'Diambil alih', preset: 'skd', durationMinutes: 10, extraMinutes: {}, sections: skdSections(), passRules: SKD_PASS_RULES };
    for (const [method, url, payload] of [
      ['GET', blueprintsOf(foreignSelection.id)],
      ['GET', `${blueprintsOf(foreignSelection.id)}/options`],
      ['POST', blueprintsOf(foreignSelection.id), { stageKey: 'skb', name: 'Sisipan', preset: 'skd', sections: skdSections() }],
      ['GET', viaForeignRound],
      ['PUT', viaForeignRound, body],
      ['DELETE', viaForeignRound],
      ['GET', viaOwnRound],
      ['PUT', viaOwnRound, body],
      ['DELETE', viaOwnRound],
    ] as Array<[Method, string, object | undefined]>) {
      const response = await call(admin, method, url, payload);
      expect({ method, url, status: response.statusCode }).toEqual({ method, url, status: 404 });
    }
    const [after] = await db().select().from(catBlueprints).where(eq(catBlueprints.id, foreignBlueprint.id));
    expect(after).toMatchObject({ name: foreignBlueprint.name, durationMinutes: 100 });
    expect(await blueprintCount(foreignSelection.id)).toBe(1);
  });
});
