import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemAnalysis, STATS_PRESET } from '../../../core/stats.js';
import { accountWithSession, createAgencyRow, createTestApp, request, type TestContext } from '../../test-support/app.js';
import { createFormasiRow, createSelectionRow } from '../../test-support/factories.js';
import { auditLog } from '../audit/audit.table.js';
import { createBankRow, createQuestionRow } from '../cat-banks/cat-banks.fixtures.js';
import { createBlueprintRow } from '../cat-blueprints/cat-blueprints.fixtures.js';
import type { catQuestions } from '../cat/cat.table.js';
import { addPaper, answerAll, createAttemptRow, createResultRow, createSessionRow } from './cat-reports.fixtures.js';

let ctx: TestContext;
let agencyId: string;
let otherAgencyId: string;
let admin: { cookie: string; id: string };
let panitia: string;
let pengawas: string;
let verifikator: string;
let superAdmin: string;
let otherAdmin: string;

type Question = typeof catQuestions.$inferSelect;
let selection: Awaited<ReturnType<typeof createSelectionRow>>;
let blueprint: Awaited<ReturnType<typeof createBlueprintRow>>;
let sessionClosed: { id: string };
let sessionOpen: { id: string };
let formasiUmum: { id: string; kind: string };
let formasiDisabilitas: { id: string; kind: string };
let twk: Question[];
let tkp: Question;
let nationalQuestion: Question;
/** For each finished taker of the item-analysis question: id, total, correct. */
const twk0Responses: Array<{ id: string; total: number; correct: boolean }> = [];
let itemBlueprintId: string;

const db = () => ctx.database.db;
const url = (path = '', agency = agencyId, selectionId = selection.id, blueprintId = blueprint.id) => `/api/agencies/${agency}/selections/${selectionId}/cat-reports/${blueprintId}${path}`;
const get = (cookie: string, path: string) => request(ctx, cookie, { method: 'GET', url: path });

beforeAll(async () => {
  ctx = await createTestApp();
  agencyId = (await createAgencyRow(ctx, 'Kota Laporan')).id;
  otherAgencyId = (await createAgencyRow(ctx, 'Kota Lain')).id;
  const login = async (role: 'admin_instansi' | 'panitia' | 'pengawas' | 'verifikator' | 'super_admin', agency: string | null = agencyId) => {
    const { account, cookie } = await accountWithSession(ctx, { roles: [{ role, agencyId: role === 'super_admin' ? null : agency }] });
    return { cookie, id: account.id };
  };
  admin = await login('admin_instansi');
  panitia = (await login('panitia')).cookie;
  pengawas = (await login('pengawas')).cookie;
  verifikator = (await login('verifikator')).cookie;
  superAdmin = (await login('super_admin')).cookie;
  otherAdmin = (await login('admin_instansi', otherAgencyId)).cookie;

  selection = await createSelectionRow(ctx, agencyId);
  blueprint = await createBlueprintRow(db(), selection);
  formasiUmum = await createFormasiRow(ctx, selection, { positionName: 'Analis Kebijakan', kind: 'umum' });
  formasiDisabilitas = await createFormasiRow(ctx, selection, { positionName: 'Pranata Komputer', kind: 'disabilitas' });
  sessionClosed = await createSessionRow(db(), selection, blueprint, { name: 'Sesi 1', startsAt: new Date(Date.now() - 4 * 3600_000), status: 'closed' });
  sessionOpen = await createSessionRow(db(), selection, blueprint, { name: 'Sesi 2', startsAt: new Date(Date.now() - 3600_000), status: 'open' });

  const bank = await createBankRow(db(), agencyId, 'Bank Kota');
  const national = await createBankRow(db(), null, 'Bank Nasional');
  twk = [await createQuestionRow(db(), bank, { subtest: 'TWK', stem: 'RAHASIA-TWK-0 Dasar negara?', status: 'active' }), await createQuestionRow(db(), bank, { subtest: 'TWK', status: 'active' })];
  tkp = await createQuestionRow(db(), bank, { subtest: 'TKP', status: 'active' });
  nationalQuestion = await createQuestionRow(db(), national, { subtest: 'TIU', stem: 'RAHASIA-NASIONAL deret?', status: 'active' });

  // Session 1 (closed): three finished, one never came. Session 2 (open): one finished, one at work, one waiting. One not yet in a session.
  const finished = async (sessionId: string, formasi: { id: string; kind: string }, scores: { TWK: number; TIU: number; TKP: number }, passed: boolean) => {
    const { attempt } = await createAttemptRow(db(), selection, blueprint, { formasi, sessionId, status: 'finished' });
    await createResultRow(db(), attempt, { scores, passed });
    return attempt;
  };
  await finished(sessionClosed.id, formasiUmum, { TWK: 100, TIU: 130, TKP: 170 }, true); // 400
  await finished(sessionClosed.id, formasiUmum, { TWK: 60, TIU: 90, TKP: 150 }, false); // 300
  await finished(sessionClosed.id, formasiDisabilitas, { TWK: 50, TIU: 60, TKP: 140 }, false); // 250
  await createAttemptRow(db(), selection, blueprint, { formasi: formasiUmum, sessionId: sessionClosed.id });
  await finished(sessionOpen.id, formasiDisabilitas, { TWK: 80, TIU: 100, TKP: 170 }, true); // 350
  await createAttemptRow(db(), selection, blueprint, { formasi: formasiUmum, sessionId: sessionOpen.id, status: 'active' });
  await createAttemptRow(db(), selection, blueprint, { formasi: formasiUmum, sessionId: sessionOpen.id });
  await createAttemptRow(db(), selection, blueprint, { formasi: formasiUmum });

  // A second blueprint (another stage) with 11 finished takers for item analysis.
  const itemBlueprint = await createBlueprintRow(db(), selection, { stageKey: 'skb', preset: 'skb', name: 'CAT SKB' });
  itemBlueprintId = itemBlueprint.id;
  for (let i = 0; i < 11; i++) {
    const { attempt } = await createAttemptRow(db(), selection, itemBlueprint, { formasi: formasiUmum, sessionId: null, status: 'finished' });
    const total = 100 + ((i * 37) % 11) * 10;
    // Stronger takers tend to answer TWK 0 right; two exceptions keep it imperfect.
    const correct = total >= 150 ? i !== 7 : i === 2;
    const twkAnswer = correct ? twk[0]!.keyOptionId! : twk[0]!.options[1]!.id;
    const papers = [twk[0]!, tkp, nationalQuestion, ...(i < 5 ? [twk[1]!] : [])];
    await addPaper(db(), attempt.id, papers);
    await answerAll(db(), attempt.id, [
      [twk[0]!.id, twkAnswer],
      [tkp.id, tkp.options[i % 5]!.id],
      ...(i % 4 === 0 ? [] : ([[nationalQuestion.id, nationalQuestion.options[0]!.id]] as Array<[string, string]>)),
    ]);
    await createResultRow(db(), attempt, { scores: { SKB: total }, passed: true });
    twk0Responses.push({ id: attempt.id, total, correct });
  }
  // Migrations and several argon2 logins: slow on a busy shared machine.
}, 240_000);
afterAll(() => ctx.close());

describe('stage report', () => {
  it('counts attendance and gives score statistics overall, per session and per formation — 200', async () => {
    const response = await get(pengawas, url());
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.blueprint).toMatchObject({ stageKey: 'skd', maxTotal: 550, subtests: [{ code: 'TWK', maxPoints: 150 }, { code: 'TIU', maxPoints: 175 }, { code: 'TKP', maxPoints: 225 }] });
    expect(report.overall).toMatchObject({
      participants: 8,
      present: 5,
      absent: 1,
      pending: 2,
      finished: 4,
      passed: 2,
      passRate: 0.5,
      total: { mean: 325, median: 325, min: 250, max: 400 },
    });
    expect(report.overall.subtests).toEqual([
      { code: 'TWK', mean: 72.5, median: 70, min: 50, max: 100 },
      { code: 'TIU', mean: 95, median: 95, min: 60, max: 130 },
      { code: 'TKP', mean: 157.5, median: 160, min: 140, max: 170 },
    ]);
    expect(report.bySession.map((g: { name: string; participants: number; present: number; absent: number; pending: number; finished: number }) => [g.name, g.participants, g.present, g.absent, g.pending, g.finished])).toEqual([
      ['Sesi 1', 4, 3, 1, 0, 3],
      ['Sesi 2', 3, 2, 0, 1, 1],
      ['Belum dibagi ke sesi', 1, 0, 0, 1, 0],
    ]);
    expect(report.bySession[0].total).toEqual({ mean: 316.67, median: 300, min: 250, max: 400 });
    expect(report.bySession[0].detail).toContain('selesai');
    expect(report.byFormasi.map((g: { name: string; finished: number; passed: number; passRate: number }) => [g.name, g.finished, g.passed, g.passRate])).toEqual([
      ['Analis Kebijakan', 2, 1, 0.5],
      ['Pranata Komputer', 2, 1, 0.5],
    ]);
  });

  it('bins the distribution of totals or of one subtest, for the whole stage or one session — 200', async () => {
    const total = (await get(panitia, url())).json().distribution;
    expect(total.binWidth).toBe(50);
    expect(total.bins).toHaveLength(11);
    expect(total.bins.filter((bin: { count: number }) => bin.count > 0).map((bin: { from: number; count: number }) => [bin.from, bin.count])).toEqual([
      [250, 1],
      [300, 1],
      [350, 1],
      [400, 1],
    ]);
    const twkInSession = (await get(panitia, url(`?subtest=TWK&sessionId=${sessionClosed.id}&binWidth=25`))).json().distribution;
    expect(twkInSession).toMatchObject({ subtest: 'TWK', binWidth: 25, max: 150 });
    expect(twkInSession.bins.filter((bin: { count: number }) => bin.count > 0).map((bin: { from: number }) => bin.from)).toEqual([50, 100]);
    expect(twkInSession.bins.find((bin: { from: number }) => bin.from === 50).count).toBe(2);
    expect(twkInSession.bins.at(-1)).toEqual({ from: 125, to: 150, count: 0 });
    expect((await get(panitia, url('?binWidth=0'))).statusCode).toBe(400);
    expect((await get(panitia, url('?subtest=HILANG'))).statusCode).toBe(400);
  });

  it("refuses other roles and another agency's blueprint — 403/404", async () => {
    expect((await get(verifikator, url())).statusCode).toBe(403);
    expect((await get(otherAdmin, url())).statusCode).toBe(403);
    const foreignSelection = await createSelectionRow(ctx, otherAgencyId);
    const foreignBlueprint = await createBlueprintRow(db(), foreignSelection);
    expect((await get(admin.cookie, url('', agencyId, foreignSelection.id, foreignBlueprint.id))).statusCode).toBe(404);
    expect((await get(admin.cookie, url('', agencyId, selection.id, foreignBlueprint.id))).statusCode).toBe(404);
    expect((await get(admin.cookie, url('/items', agencyId, selection.id, foreignBlueprint.id))).statusCode).toBe(404);
  });
});

describe('item analysis', () => {
  const items = (cookie: string, query = '') => get(cookie, `${url('/items', agencyId, selection.id, itemBlueprintId)}${query}`);

  it('gives each question the difficulty and discrimination of core itemAnalysis, from the 27% groups — 200', async () => {
    const response = await items(panitia, '?pageSize=100');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ takers: 11, total: 4 });
    const first = body.items.find((item: { questionId: string }) => item.questionId === twk[0]!.id);
    const expected = itemAnalysis({ responses: twk0Responses, preset: STATS_PRESET });
    expect(first).toMatchObject({ n: 11, groupSize: 3, blank: 0 });
    expect(first.difficulty).toBeCloseTo(expected.difficulty!, 4);
    expect(first.discrimination).toBeCloseTo(expected.discrimination!, 4);
    expect(first.content.stem).toContain('RAHASIA-TWK-0');
    const key = first.content.options.find((option: { isKey: boolean }) => option.isKey);
    expect(key.chosen).toBe(twk0Responses.filter((r) => r.correct).length);
    expect(key.upper).toBe(expected.upper.correct);
    expect(key.lower).toBe(expected.lower.correct);

    // Each taker chose a different TKP option in turn: weighted items are scaled by the best option.
    const weighted = body.items.find((item: { questionId: string }) => item.questionId === tkp.id);
    expect(weighted.content.options.map((o: { chosen: number }) => o.chosen)).toEqual([3, 2, 2, 2, 2]);
    const points = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].reduce((sum, i) => sum + tkp.options[i % 5]!.points!, 0);
    expect(weighted.difficulty).toBeCloseTo(points / (11 * 5), 4);
    // The second TWK question was in 5 papers and never answered.
    expect(body.items.find((item: { questionId: string }) => item.questionId === twk[1]!.id)).toMatchObject({ n: 5, blank: 5, difficulty: 0 });
  });

  it('shows content and option counts only to the bank’s managers: agency staff see their bank, the super admin the national one', async () => {
    const forPanel = (await items(panitia, '?pageSize=100')).json();
    const national = forPanel.items.find((item: { questionId: string }) => item.questionId === nationalQuestion.id);
    expect(national).toMatchObject({ national: true, content: null, n: 11, blank: 3 });
    expect(forPanel.withoutContent).toBe(1);
    expect(JSON.stringify(forPanel)).not.toContain('RAHASIA-NASIONAL');

    const forSuper = (await items(superAdmin, '?pageSize=100')).json();
    expect(forSuper.items.find((item: { questionId: string }) => item.questionId === nationalQuestion.id).content.stem).toContain('RAHASIA-NASIONAL');
    expect(forSuper.items.find((item: { questionId: string }) => item.questionId === twk[0]!.id).content).toBeNull();
    expect(JSON.stringify(forSuper)).not.toContain('RAHASIA-TWK-0');

    expect((await items(pengawas)).statusCode).toBe(403);
    expect((await items(verifikator)).statusCode).toBe(403);
  });

  it('filters by subtest and review flag, and pages — 200', async () => {
    const tkpOnly = (await items(admin.cookie, '?subtest=TKP')).json();
    expect(tkpOnly.items.map((item: { questionId: string }) => item.questionId)).toEqual([tkp.id]);
    const paged = (await items(admin.cookie, '?pageSize=1&page=2')).json();
    expect(paged).toMatchObject({ total: 4, page: 2, pageSize: 1 });
    expect(paged.items).toHaveLength(1);
    const flagged = (await items(admin.cookie, '?review=1&pageSize=100')).json();
    expect(flagged.items.every((item: { review: boolean }) => item.review)).toBe(true);
    expect(flagged.items.map((item: { questionId: string }) => item.questionId)).toContain(twk[1]!.id);
  });
});

describe('export', () => {
  async function sheets(cookie: string) {
    const response = await get(cookie, url('/export.xlsx'));
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    return { workbook, body: response.rawPayload };
  }

  it('exports the summary, subtests and distribution to every reader, the item analysis to planners only, audited — 200', async () => {
    const observer = await sheets(pengawas);
    expect(observer.workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Ringkasan', 'Per Subtes', 'Distribusi Nilai']);
    const summary = observer.workbook.getWorksheet('Ringkasan')!;
    expect(summary.getRow(2).values).toEqual(expect.arrayContaining(['Seluruh', 'Seluruh peserta', 8, 5, 1, 2, 4, 2, 50, 325, 325, 250, 400]));

    const planner = await sheets(admin.cookie);
    expect(planner.workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Ringkasan', 'Per Subtes', 'Distribusi Nilai', 'Analisis Butir']);
    const exports = await db().select().from(auditLog).where(and(eq(auditLog.action, 'cat.report.export'), eq(auditLog.targetId, blueprint.id))).orderBy(auditLog.chain, auditLog.seq);
    expect(exports.map((entry) => entry.actorId)).toContain(admin.id);
  });
});
