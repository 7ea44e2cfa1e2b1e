import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presetRubric, DEFAULT_SETTINGS } from '../../../core/panel-scoring.js';
import { accountWithSession, createAgencyRow, createTestApp, lastEmail, loginCookie, request, type TestContext } from '../../test-support/app.js';
import { createCatSetup, recordSkdScores } from '../../test-support/cat-factory.js';
import { accountRoles } from '../accounts/accounts.table.js';
import { auditLog } from '../audit/audit.table.js';
import { formasi } from '../formasi/formasi.table.js';
import { notifications } from '../notifications/notifications.table.js';
import { staffSession } from '../verification/verification.fixtures.js';
import { assignmentRow, componentRow, jptRound } from './panel-scores.fixtures.js';
import { panelRows, panelStageScores } from './panel-scores.service.js';
import { panelAssignments, panelCandidates, panelComponents, panelScores } from './panel-scores.table.js';

let ctx: TestContext;
let agencyId: string;
let panel: Awaited<ReturnType<typeof staffSession>>;
let observer: Awaited<ReturnType<typeof staffSession>>;
let assessorA: Awaited<ReturnType<typeof staffSession>>;
let assessorB: Awaited<ReturnType<typeof staffSession>>;
let assessorC: Awaited<ReturnType<typeof staffSession>>;

beforeAll(async () => {
  ctx = await createTestApp();
  agencyId = (await createAgencyRow(ctx, 'Instansi Panel')).id;
  panel = await staffSession(ctx, agencyId, 'panitia', 'Ketua Panitia Seleksi');
  observer = await staffSession(ctx, agencyId, 'pengawas', 'Pengawas Ombudsman');
  assessorA = await staffSession(ctx, agencyId, 'penguji', 'Penguji Alfa');
  assessorB = await staffSession(ctx, agencyId, 'penguji', 'Penguji Beta');
  assessorC = await staffSession(ctx, agencyId, 'penguji', 'Penguji Gama');
}, 180_000);
afterAll(() => ctx.close());

const get = (cookie: string, url: string) => request(ctx, cookie, { method: 'GET', url });
const post = (cookie: string, url: string, payload: object = {}) => request(ctx, cookie, { method: 'POST', url, payload });
const put = (cookie: string, url: string, payload: object) => request(ctx, cookie, { method: 'PUT', url, payload });
const base = (agency = agencyId) => `/api/agencies/${agency}`;
const componentUrl = (id: string) => `${base()}/panel-components/${id}`;
const mineUrl = (id: string, agency = agencyId) => `${base(agency)}/my-panel-assignments/${id}`;
const interview = presetRubric('wawancara');
/** Every interview criterion at one level (wawancara: integritas 30, penalaran 25, penguasaan 25, komunikasi 20). */
const allAt = (level: number) => Object.fromEntries(interview.criteria.map((c) => [c.key, level]));
const rubricBody = (over: object = {}) => ({ criteria: interview.criteria, levels: interview.levels, settings: DEFAULT_SETTINGS, ...over });

async function createInterview(selectionId: string, over: object = {}) {
  const response = await post(panel.cookie, `${base()}/selections/${selectionId}/panel-components`, { stageKey: 'wawancara', componentKey: null, ...rubricBody(over) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().component.id as string;
}

async function assign(componentId: string, applicationIds: string[], assessorIds: string[]) {
  const response = await post(panel.cookie, `${componentUrl(componentId)}/assignments`, { applicationIds, assessorIds });
  expect(response.statusCode, response.body).toBe(200);
}

async function assignmentOf(componentId: string, applicationId: string, assessorId: string) {
  const [row] = await ctx.database.db
    .select()
    .from(panelAssignments)
    .where(and(eq(panelAssignments.componentId, componentId), eq(panelAssignments.applicationId, applicationId), eq(panelAssignments.assessorId, assessorId), eq(panelAssignments.status, 'active')));
  return row!.id;
}

/** Declares no conflict, then submits the scores — as the assessor would. */
async function score(who: { cookie: string }, assignmentId: string, scores: Record<string, number>, note = '') {
  const declared = await post(who.cookie, `${mineUrl(assignmentId)}/declaration`, { conflict: false });
  expect([200, 409]).toContain(declared.statusCode);
  return put(who.cookie, `${mineUrl(assignmentId)}/score`, { scores, note });
}

/** A JPT round with an interview component, two candidates and assessors A and B on both. */
async function scoredSetup(settings: object = {}) {
  const round = await jptRound(ctx, agencyId, { candidates: 2 });
  const componentId = await createInterview(round.selection.id, settings ? { settings: { ...DEFAULT_SETTINGS, ...settings } } : {});
  const ids = round.candidates.map((c) => c.id);
  await assign(componentId, ids, [assessorA.account.id, assessorB.account.id]);
  const ofA = await Promise.all(ids.map((id) => assignmentOf(componentId, id, assessorA.account.id)));
  const ofB = await Promise.all(ids.map((id) => assignmentOf(componentId, id, assessorB.account.id)));
  return { ...round, componentId, ids, ofA, ofB };
}

const audits = (action: string) => ctx.database.db.select().from(auditLog).where(and(eq(auditLog.agencyId, agencyId), eq(auditLog.action, action))).orderBy(auditLog.chain, auditLog.seq);
const scoreRows = (componentId: string) => ctx.database.db.select().from(panelScores).where(eq(panelScores.componentId, componentId));

describe('rubric', () => {
  it('sets the rubric of a JPT interview: criteria weighing 100 and a 1–5 scale with descriptors — 201, audited; a second one is refused — 409', async () => {
    const round = await jptRound(ctx, agencyId);
    const componentId = await createInterview(round.selection.id);
    const detail = (await get(panel.cookie, componentUrl(componentId))).json();
    expect(detail.component).toMatchObject({ stageKey: 'wawancara', componentKey: null, name: 'Wawancara', weight: 25, min: 1, max: 5, status: 'open', rubricEditable: true });
    expect(detail.component.levels[3]).toMatchObject({ value: 4, label: 'Baik' });
    expect(detail.candidates.map((c: { name: string }) => c.name)).toEqual(round.candidates.map((c) => c.name));
    expect((await audits('panel.component.create')).some((a) => a.targetId === componentId)).toBe(true);
    const again = await post(panel.cookie, `${base()}/selections/${round.selection.id}/panel-components`, { stageKey: 'wawancara', componentKey: null, ...rubricBody() });
    expect(again.statusCode).toBe(409);
  });

  it('refuses criteria weights that do not sum to 100 — 400 naming the sum, nothing stored', async () => {
    const round = await jptRound(ctx, agencyId, { candidates: 1 });
    const criteria = interview.criteria.map((c, i) => ({ ...c, weight: i === 0 ? 29.99 : c.weight }));
    const response = await post(panel.cookie, `${base()}/selections/${round.selection.id}/panel-components`, { stageKey: 'wawancara', componentKey: null, ...rubricBody({ criteria }) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ criteria: 'Jumlah bobot kriteria harus 100; saat ini 99,99.' });
    expect(await ctx.database.db.select().from(panelComponents).where(eq(panelComponents.selectionId, round.selection.id))).toEqual([]);
  });

  it('refuses a rubric for a stage the panel does not score, wrong types and a descriptorless level — 400', async () => {
    const round = await jptRound(ctx, agencyId, { candidates: 1 });
    const url = `${base()}/selections/${round.selection.id}/panel-components`;
    expect((await post(panel.cookie, url, { stageKey: 'administrasi', componentKey: null, ...rubricBody() })).statusCode).toBe(400);
    const wrongType = await post(panel.cookie, url, { stageKey: 'wawancara', componentKey: null, ...rubricBody({ levels: 'lima' }) });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.fields).toHaveProperty('levels');
    const blank = interview.levels.map((l, i) => (i === 2 ? { ...l, descriptor: '   ' } : l));
    const noDescriptor = await post(panel.cookie, url, { stageKey: 'wawancara', componentKey: null, ...rubricBody({ levels: blank }) });
    expect(noDescriptor.statusCode).toBe(400);
    expect(noDescriptor.json().error.fields).toHaveProperty(['levels.2.descriptor']);
    const badTrim = await post(panel.cookie, url, { stageKey: 'wawancara', componentKey: null, ...rubricBody({ settings: { aggregation: 'trimmed_mean', trim: 1, spreadThreshold: 1, minAssessors: 2 } }) });
    expect(badTrim.json().error.fields).toEqual({ 'settings.minAssessors': expect.stringContaining('sedikitnya 3 penguji') });
  });

  it('keeps the rubric editable until the first score, then refuses any change — 409, unchanged', async () => {
    const { componentId, ofA } = await scoredSetup();
    const changed = rubricBody({ settings: { ...DEFAULT_SETTINGS, aggregation: 'median' } });
    expect((await put(panel.cookie, componentUrl(componentId), changed)).statusCode).toBe(200);
    expect((await score(assessorA, ofA[0]!, allAt(4))).statusCode).toBe(200);
    const refused = await put(panel.cookie, componentUrl(componentId), rubricBody());
    expect(refused.statusCode).toBe(409);
    const [row] = await ctx.database.db.select().from(panelComponents).where(eq(panelComponents.id, componentId));
    expect(row!.settings.aggregation).toBe('median');
  });
});

describe('who is scored', () => {
  it('waits for the administrative result before naming a JPT stage’s candidates, and refuses assignments meanwhile — 409', async () => {
    const round = await jptRound(ctx, agencyId, { candidates: 2, announced: false });
    const componentId = await createInterview(round.selection.id);
    const detail = (await get(panel.cookie, componentUrl(componentId))).json();
    expect(detail.waiting).toMatch(/belum diumumkan/);
    expect(detail.candidates).toEqual([]);
    const response = await post(panel.cookie, `${componentUrl(componentId)}/assignments`, { applicationIds: [round.candidates[0]!.id], assessorIds: [assessorA.account.id] });
    expect(response.statusCode).toBe(409);
  });

  it('scores CPNS work practice (SKB praktik_kerja) for exactly those who proceed from the published SKD', async () => {
    const setup = await createCatSetup(ctx, { participants: 5, perSubtest: 1 });
    const scores: Array<[number, number, number]> = [
      [100, 120, 200],
      [90, 110, 190],
      [80, 100, 180],
      [85, 105, 170],
      [60, 150, 200],
    ];
    await recordSkdScores(ctx, setup, scores);
    await ctx.database.db.update(formasi).set({ count: 1 }).where(eq(formasi.id, setup.formasi.id));
    const cpnsPanel = await accountWithSession(ctx, { roles: [{ role: 'panitia', agencyId: setup.agency.id }] });
    const cpnsBase = `/api/agencies/${setup.agency.id}`;
    const createUrl = `${cpnsBase}/selections/${setup.selection.id}/panel-components`;
    const practice = presetRubric('praktik_kerja');
    const created = await post(cpnsPanel.cookie, createUrl, { stageKey: 'skb', componentKey: 'praktik_kerja', criteria: practice.criteria, levels: practice.levels, settings: DEFAULT_SETTINGS });
    expect(created.statusCode, created.body).toBe(201);
    const componentId = created.json().component.id;
    expect((await get(cpnsPanel.cookie, `${cpnsBase}/panel-components/${componentId}`)).json().waiting).toMatch(/SKD.*belum diumumkan/);
    expect((await post(cpnsPanel.cookie, `${cpnsBase}/selections/${setup.selection.id}/blueprints/${setup.blueprint.id}/skd-result/publish`)).statusCode).toBe(200);
    const detail = (await get(cpnsPanel.cookie, `${cpnsBase}/panel-components/${componentId}`)).json();
    expect(detail.waiting).toBeNull();
    expect(detail.component).toMatchObject({ stageKey: 'skb', componentKey: 'praktik_kerja', name: 'Praktik kerja', weight: 40 });
    expect(detail.candidates.map((c: { registrationNumber: string }) => c.registrationNumber).sort()).toEqual(setup.people.slice(0, 3).map((p) => p.registrationNumber).sort());
    const contract = await panelStageScores(ctx.database.db, { agencyId: setup.agency.id, selectionId: setup.selection.id, stageKey: 'skb' });
    expect(contract.locked).toBe(false);
    expect(panelRows(contract)).toHaveLength(3);
    expect(panelRows(contract)[0]).toMatchObject({ stageKey: 'skb', componentKey: 'praktik_kerja', score: null, max: 5, absent: false });
  });
});

describe('assignments and outside assessors', () => {
  it('refuses to assign someone who is not a penguji here, or an application that is not a candidate — 400, nothing created', async () => {
    const round = await jptRound(ctx, agencyId, { candidates: 1 });
    const other = await jptRound(ctx, agencyId, { candidates: 1 });
    const componentId = await createInterview(round.selection.id);
    const url = `${componentUrl(componentId)}/assignments`;
    expect((await post(panel.cookie, url, { applicationIds: [round.candidates[0]!.id], assessorIds: [observer.account.id] })).statusCode).toBe(400);
    expect((await post(panel.cookie, url, { applicationIds: [other.candidates[0]!.id], assessorIds: [assessorA.account.id] })).statusCode).toBe(400);
    expect((await post(panel.cookie, url, { applicationIds: ['nope'], assessorIds: [assessorA.account.id] })).statusCode).toBe(400);
    expect(await ctx.database.db.select().from(panelAssignments).where(eq(panelAssignments.componentId, componentId))).toEqual([]);
  });

  it('invites an outside academic as penguji only, who then sees only the candidates assigned to them', async () => {
    const round = await jptRound(ctx, agencyId, { candidates: 2 });
    const componentId = await createInterview(round.selection.id);
    const admin = await staffSession(ctx, agencyId, 'admin_instansi');
    const email = `akademisi-${Date.now()}@unand.ac.id`;
    const invited = await post(admin.cookie, `${base()}/panel-assessors`, { email, name: 'Prof. Rina Akademisi', kind: 'akademisi', institution: 'Universitas Andalas' });
    expect(invited.statusCode, invited.body).toBe(201);
    const accountId = invited.json().assessor.accountId;
    expect(invited.json().assessor).toMatchObject({ kind: 'akademisi', institution: 'Universitas Andalas', active: false, workload: 0 });
    const { token } = await lastEmail(ctx, email);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/auth/invitation/accept', payload: { token, password: 'Akademisi-Unand-2026' } })).statusCode).toBe(200);
    expect(await ctx.database.db.select({ role: accountRoles.role }).from(accountRoles).where(eq(accountRoles.accountId, accountId))).toEqual([{ role: 'penguji' }]);
    expect((await post(panel.cookie, `${base()}/panel-assessors`, { email: `x-${Date.now()}@uji.test`, name: 'Panitia Bukan Admin', kind: 'praktisi', institution: 'Kadin' })).statusCode).toBe(403);
    expect((await post(admin.cookie, `${base()}/panel-assessors`, { email: `y-${Date.now()}@uji.test`, name: 'Tanpa Lembaga', kind: 'praktisi', institution: '' })).statusCode).toBe(400);

    await assign(componentId, [round.candidates[0]!.id], [accountId]);
    await assign(componentId, [round.candidates[1]!.id], [assessorA.account.id]);
    const outside = { cookie: await loginCookie(ctx, email, 'Akademisi-Unand-2026') };
    const mine = (await get(outside.cookie, `${base()}/my-panel-assignments`)).json().items;
    expect(mine.map((m: { candidate: { name: string } }) => m.candidate.name)).toEqual([round.candidates[0]!.name]);
    const someoneElses = await assignmentOf(componentId, round.candidates[1]!.id, assessorA.account.id);
    expect((await get(outside.cookie, mineUrl(someoneElses))).statusCode).toBe(404);
    expect((await post(outside.cookie, `${mineUrl(someoneElses)}/declaration`, { conflict: false })).statusCode).toBe(404);
    expect((await put(outside.cookie, `${mineUrl(someoneElses)}/score`, { scores: allAt(3) })).statusCode).toBe(404);
    expect((await get(outside.cookie, componentUrl(componentId))).statusCode).toBe(403);
    expect((await get(outside.cookie, `${base()}/panel-rounds`)).statusCode).toBe(403);
    expect(await scoreRows(componentId)).toEqual([]);
  });
});

describe('independent scoring', () => {
  it('an assessor cannot read another assessor’s score until they have submitted their own', async () => {
    const { componentId, ofA, ofB } = await scoredSetup();
    expect((await score(assessorA, ofA[0]!, allAt(4), 'Catatan rahasia Alfa.')).statusCode).toBe(200);
    const beforeB = (await get(assessorB.cookie, mineUrl(ofB[0]!))).json();
    expect(beforeB.others).toBeNull();
    expect(JSON.stringify(beforeB)).not.toContain('rahasia Alfa');
    const afterB = await score(assessorB, ofB[0]!, allAt(3));
    expect(afterB.json().others).toEqual([{ assessorName: 'Penguji Alfa', status: 'submitted', total: 4, scores: allAt(4) }]);

    // A panel member who also assesses a candidate sees nobody's score of that candidate before their own.
    const both = await accountWithSession(ctx, { roles: [{ role: 'panitia', agencyId }, { role: 'penguji', agencyId }] });
    await ctx.database.db.insert(panelAssignments).values({ agencyId, componentId, applicationId: (await ctx.database.db.select().from(panelAssignments).where(eq(panelAssignments.id, ofA[0]!)))[0]!.applicationId, assessorId: both.account.id });
    const view = (await get(both.cookie, componentUrl(componentId))).json();
    const first = view.candidates[0];
    expect(first).toMatchObject({ hidden: true, score: null, spread: null });
    expect(first.assignments.filter((a: { scoreHidden: boolean }) => a.scoreHidden)).toHaveLength(2);
    expect(JSON.stringify(first)).not.toContain('rahasia Alfa');
    const observed = (await get(observer.cookie, componentUrl(componentId))).json();
    expect(observed.candidates[0].assignments.map((a: { score: { total: number } | null }) => a.score?.total ?? null)).toEqual([4, 3, null]);
  });

  it('refuses an assessor scoring a candidate not assigned to them (another assessor’s assignment, or none on this component) — 404, nothing stored', async () => {
    const { componentId, ofB } = await scoredSetup();
    // A is assigned to both candidates, but ofB[0] is B's assignment; C is not on this component at all.
    for (const [who, assignmentId] of [
      [assessorA, ofB[0]!],
      [assessorC, ofB[0]!],
    ] as const) {
      expect((await post(who.cookie, `${mineUrl(assignmentId)}/declaration`, { conflict: false })).statusCode).toBe(404);
      const response = await put(who.cookie, `${mineUrl(assignmentId)}/score`, { scores: allAt(5) });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.message).toBeTruthy();
    }
    expect(await scoreRows(componentId)).toEqual([]);
    const [assignment] = await ctx.database.db.select().from(panelAssignments).where(eq(panelAssignments.id, ofB[0]!));
    expect(assignment!.declaredAt).toBeNull();
  });

  it('refuses a second submission without a reopening — 409, the first stays', async () => {
    const { componentId, ofA } = await scoredSetup();
    expect((await score(assessorA, ofA[0]!, allAt(4))).statusCode).toBe(200);
    const again = await score(assessorA, ofA[0]!, allAt(5));
    expect(again.statusCode).toBe(409);
    expect((await scoreRows(componentId))[0]!.scores).toEqual(allAt(4));
  });
});

describe('scale bounds', () => {
  it('refuses scores outside the scale, between levels, missing or unknown criteria and wrong types — 400 naming the field, nothing stored', async () => {
    const { componentId, ofA } = await scoredSetup();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...allAt(4), integritas: 6 }, 'scores.integritas'],
      [{ ...allAt(4), penalaran: 0 }, 'scores.penalaran'],
      [{ ...allAt(4), komunikasi: 3.5 }, 'scores.komunikasi'],
      [{ integritas: 4, penalaran: 4, penguasaan: 4 }, 'scores.komunikasi'],
      [{ ...allAt(4), kerapian: 3 }, 'scores.kerapian'],
      [{ ...allAt(4), integritas: 'empat' }, 'scores.integritas'],
    ];
    for (const [scores, field] of cases) {
      const response = await score(assessorA, ofA[0]!, scores as Record<string, number>);
      expect({ field, status: response.statusCode }).toEqual({ field, status: 400 });
      expect(Object.keys(response.json().error.fields ?? {})).toContain(field);
    }
    expect(await scoreRows(componentId)).toEqual([]);
  });
});

describe('conflict of interest', () => {
  it('refuses scoring before the no-conflict declaration — 409, nothing stored', async () => {
    const { componentId, ofA } = await scoredSetup();
    const response = await put(assessorA.cookie, `${mineUrl(ofA[0]!)}/score`, { scores: allAt(4) });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/konflik kepentingan/);
    expect(await scoreRows(componentId)).toEqual([]);
  });

  it('a declared conflict removes the assessor, notifies the panel, blocks their scoring and reassigning them; a replacement takes over — audited', async () => {
    const { componentId, ids, ofA } = await scoredSetup();
    const declared = await post(assessorA.cookie, `${mineUrl(ofA[0]!)}/declaration`, { conflict: true, reason: 'Peserta adalah saudara ipar saya.' });
    expect(declared.statusCode, declared.body).toBe(200);
    expect(declared.json().assignment).toMatchObject({ status: 'conflict', conflictReason: 'Peserta adalah saudara ipar saya.' });
    expect(declared.json().can).toEqual({ declare: false, score: false, markAbsent: false });
    const blocked = await put(assessorA.cookie, `${mineUrl(ofA[0]!)}/score`, { scores: allAt(4) });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.message).toBeTruthy();
    expect(await scoreRows(componentId)).toEqual([]);
    const notices = await ctx.database.db.select().from(notifications).where(eq(notifications.accountId, panel.account.id));
    expect(notices.some((n) => n.title === 'Penguji menyatakan konflik kepentingan')).toBe(true);
    const detail = (await get(panel.cookie, componentUrl(componentId))).json();
    expect(detail.candidates[0]).toMatchObject({ status: 'unassigned' });

    const reassign = await post(panel.cookie, `${componentUrl(componentId)}/assignments`, { applicationIds: [ids[0]], assessorIds: [assessorA.account.id] });
    expect(reassign.statusCode).toBe(409);
    const back = await post(panel.cookie, `${base()}/panel-assignments/${ofA[0]}/replace`, { assessorId: assessorA.account.id });
    expect(back.statusCode).toBe(409);
    const replaced = await post(panel.cookie, `${base()}/panel-assignments/${ofA[0]}/replace`, { assessorId: assessorC.account.id });
    expect(replaced.statusCode, replaced.body).toBe(201);
    expect((await score(assessorC, replaced.json().assignment.id, allAt(4))).statusCode).toBe(200);
    expect((await post(panel.cookie, `${base()}/panel-assignments/${ofA[0]}/replace`, { assessorId: assessorB.account.id })).statusCode).toBe(409);
    expect((await audits('panel.declare.conflict')).some((a) => a.targetId === ofA[0])).toBe(true);
    expect((await audits('panel.assignment.replace')).some((a) => a.targetId === replaced.json().assignment.id)).toBe(true);
  });

  it('the panel takes an assessor off a candidate only before they scored, with a reason, and names a replacement — audited', async () => {
    const { ofA, ofB } = await scoredSetup();
    expect((await score(assessorA, ofA[0]!, allAt(4))).statusCode).toBe(200);
    const scored = await post(panel.cookie, `${base()}/panel-assignments/${ofA[0]}/remove`, { reason: 'Penguji dipindahtugaskan ke luar daerah.' });
    expect(scored.statusCode).toBe(409);
    expect(scored.json().error.message).toMatch(/moderasi/);
    expect((await post(panel.cookie, `${base()}/panel-assignments/${ofB[0]}/remove`, { reason: 'pendek' })).statusCode).toBe(400);
    expect((await post(panel.cookie, `${base()}/panel-assignments/${ofB[0]}/remove`, { reason: 'Penguji berhalangan karena sakit.' })).statusCode).toBe(200);
    expect((await get(assessorB.cookie, mineUrl(ofB[0]!))).statusCode).toBe(404);
    const replaced = await post(panel.cookie, `${base()}/panel-assignments/${ofB[0]}/replace`, { assessorId: assessorC.account.id });
    expect(replaced.statusCode).toBe(201);
    expect((await audits('panel.assignment.remove')).some((a) => a.targetId === ofB[0])).toBe(true);
  });

  it('a conflict declared after scoring takes that score out of the component', async () => {
    const { componentId, ofA, ofB } = await scoredSetup();
    expect((await score(assessorA, ofA[0]!, allAt(5))).statusCode).toBe(200);
    expect((await score(assessorB, ofB[0]!, allAt(3))).statusCode).toBe(200);
    expect((await post(assessorA.cookie, `${mineUrl(ofA[0]!)}/declaration`, { conflict: true, reason: 'Baru mengetahui peserta mantan bawahan langsung saya.' })).statusCode).toBe(200);
    const first = (await get(panel.cookie, componentUrl(componentId))).json().candidates[0];
    expect(first).toMatchObject({ status: 'unassigned', spread: null, score: null });
  });
});

describe('spread, moderation and locking', () => {
  it('flags a spread above the threshold, refuses to lock until moderated, reopens one score for revision, then locks and publishes the rounded mean', async () => {
    const { componentId, ids, ofA, ofB, selection } = await scoredSetup({ spreadThreshold: 1 });
    expect((await score(assessorA, ofA[0]!, allAt(5))).statusCode).toBe(200);
    expect((await score(assessorB, ofB[0]!, { integritas: 3, penalaran: 3, penguasaan: 4, komunikasi: 3 })).statusCode).toBe(200); // 3.25
    expect((await score(assessorA, ofA[1]!, allAt(4))).statusCode).toBe(200);
    expect((await score(assessorB, ofB[1]!, { integritas: 4, penalaran: 3, penguasaan: 3, komunikasi: 3 })).statusCode).toBe(200); // 3.3
    let detail = (await get(panel.cookie, componentUrl(componentId))).json();
    expect(detail.candidates.map((c: { status: string; spread: number; flagged: boolean; score: number }) => [c.status, c.spread, c.flagged, c.score])).toEqual([
      ['flagged', 1.75, true, 4.13],
      ['ready', 0.7, false, 3.65],
    ]);
    expect(detail.lock).toEqual({ allowed: false, issues: ['1 peserta: perlu moderasi (selisih nilai).'] });
    expect((await post(panel.cookie, `${componentUrl(componentId)}/lock`)).statusCode).toBe(409);

    const moderation = `${componentUrl(componentId)}/candidates/${ids[0]}/moderation`;
    expect((await post(panel.cookie, moderation, { action: 'reopen', assignmentId: ofB[0], reason: 'singkat' })).statusCode).toBe(400);
    expect((await post(panel.cookie, `${componentUrl(componentId)}/candidates/${ids[1]}/moderation`, { action: 'confirm', reason: 'Tidak ada selisih yang perlu dikonfirmasi.' })).statusCode).toBe(409);
    const reopened = await post(panel.cookie, moderation, { action: 'reopen', assignmentId: ofB[0], reason: 'Selisih 1,75 poin; mohon tinjau kembali kriteria penguasaan bidang.' });
    expect(reopened.statusCode, reopened.body).toBe(201);
    const revised = await put(assessorB.cookie, `${mineUrl(ofB[0]!)}/score`, { scores: { integritas: 4, penalaran: 4, penguasaan: 5, komunikasi: 4 }, note: 'Direvisi setelah moderasi.' }); // 4.25
    expect(revised.statusCode, revised.body).toBe(200);
    expect(revised.json().assignment.score).toMatchObject({ status: 'submitted', submissions: 2, total: 4.25 });
    detail = (await get(panel.cookie, componentUrl(componentId))).json();
    expect(detail.candidates[0]).toMatchObject({ status: 'ready', spread: 0.75, score: 4.63 });
    expect(detail.moderations).toEqual([expect.objectContaining({ action: 'reopen', assignmentId: ofB[0], spread: 1.75, applicationId: ids[0] })]);

    const locked = await post(panel.cookie, `${componentUrl(componentId)}/lock`);
    expect(locked.statusCode, locked.body).toBe(200);
    expect(locked.json()).toMatchObject({ candidates: 2, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const scores = await panelStageScores(ctx.database.db, { agencyId, selectionId: selection.id, stageKey: 'wawancara' });
    expect(scores.locked).toBe(true);
    expect(panelRows(scores).map((r) => [r.applicationId, r.score, r.max, r.absent, r.componentKey]).sort()).toEqual(
      [
        [ids[0], 4.63, 5, false, null],
        [ids[1], 3.65, 5, false, null],
      ].sort(),
    );
    const [lockAudit] = (await audits('panel.lock')).filter((a) => a.targetId === componentId);
    expect((lockAudit!.summary as { after: { candidates: Array<{ exact: string }> } }).after.candidates.map((c) => c.exact).sort()).toEqual(['37/8', '73/20']);
  });

  it('locks after a moderator confirms a flagged spread with a reason; median configured for the round', async () => {
    const { componentId, ids, ofA, ofB, selection } = await scoredSetup({ spreadThreshold: 0.5, aggregation: 'median' });
    await assign(componentId, ids, [assessorC.account.id]);
    const ofC = await Promise.all(ids.map((id) => assignmentOf(componentId, id, assessorC.account.id)));
    for (const [i, level] of [5, 2, 4].entries()) expect((await score([assessorA, assessorB, assessorC][i]!, [ofA, ofB, ofC][i]![0]!, allAt(level))).statusCode).toBe(200);
    expect((await post(panel.cookie, `${componentUrl(componentId)}/candidates/${ids[1]}/absence`, { absent: true, reason: 'Tidak hadir pada jadwal wawancara.' })).statusCode).toBe(200);
    const confirm = await post(panel.cookie, `${componentUrl(componentId)}/candidates/${ids[0]}/moderation`, { action: 'confirm', reason: 'Perbedaan wajar: penguji menilai aspek berbeda; dibahas dalam rapat panitia.' });
    expect(confirm.statusCode, confirm.body).toBe(201);
    expect((await post(panel.cookie, `${componentUrl(componentId)}/lock`)).statusCode).toBe(200);
    const scores = await panelStageScores(ctx.database.db, { agencyId, selectionId: selection.id, stageKey: 'wawancara' });
    expect(panelRows(scores).find((r) => r.applicationId === ids[0])).toMatchObject({ score: 4, absent: false });
    expect(panelRows(scores).find((r) => r.applicationId === ids[1])).toMatchObject({ score: null, absent: true });
  });

  it('exports the component to XLSX for the panel and observers, hiding nothing from them and the others’ scores from an assessor who has not submitted', async () => {
    const { componentId, ofA, ofB } = await scoredSetup();
    expect((await score(assessorA, ofA[0]!, allAt(4), 'Catatan Alfa di berkas.')).statusCode).toBe(200);
    expect((await score(assessorB, ofB[0]!, allAt(2))).statusCode).toBe(200);
    expect((await post(panel.cookie, `${componentUrl(componentId)}/candidates/${(await ctx.database.db.select().from(panelAssignments).where(eq(panelAssignments.id, ofA[0]!)))[0]!.applicationId}/moderation`, { action: 'confirm', reason: 'Selisih dibahas dan disetujui panitia.' })).statusCode).toBe(201);
    const response = await get(observer.cookie, `${componentUrl(componentId)}/export.xlsx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Nilai Peserta', 'Nilai per Penguji', 'Moderasi', 'Rubrik']);
    const first = workbook.getWorksheet('Nilai Peserta')!.getRow(2).values as unknown[];
    expect(first).toEqual(expect.arrayContaining(['Siap dikunci', 3, 2, 'Di atas batas, dikonfirmasi']));
    const perAssessor = workbook.getWorksheet('Nilai per Penguji')!;
    expect(perAssessor.getRow(2).values).toEqual(expect.arrayContaining(['Penguji Alfa', 4, 'Catatan Alfa di berkas.']));
    expect(workbook.getWorksheet('Moderasi')!.getRow(2).values).toEqual(expect.arrayContaining(['Nilai dikonfirmasi', 'Selisih dibahas dan disetujui panitia.']));
    expect((await get(assessorA.cookie, `${componentUrl(componentId)}/export.xlsx`)).statusCode).toBe(403);
  });

  it('changes nothing after locking: scores, moderation, absence, assignments and the rubric are refused — 409 — and the database refuses a direct change', async () => {
    const { componentId, ids, ofA, ofB } = await scoredSetup();
    for (const id of [...ofA, ...ofB]) expect((await score(id === ofA[0] || id === ofA[1] ? assessorA : assessorB, id, allAt(4))).statusCode).toBe(200);
    expect((await post(panel.cookie, `${componentUrl(componentId)}/lock`)).statusCode).toBe(200);
    expect((await post(panel.cookie, `${componentUrl(componentId)}/lock`)).statusCode).toBe(409);
    expect((await post(panel.cookie, `${componentUrl(componentId)}/candidates/${ids[0]}/moderation`, { action: 'reopen', assignmentId: ofA[0], reason: 'Mencoba membuka setelah dikunci.' })).statusCode).toBe(409);
    expect((await post(panel.cookie, `${componentUrl(componentId)}/candidates/${ids[0]}/absence`, { absent: true, reason: 'Mencoba menandai setelah dikunci.' })).statusCode).toBe(409);
    expect((await post(panel.cookie, `${componentUrl(componentId)}/assignments`, { applicationIds: [ids[0]], assessorIds: [assessorC.account.id] })).statusCode).toBe(409);
    expect((await put(panel.cookie, componentUrl(componentId), rubricBody())).statusCode).toBe(409);
    expect((await post(assessorA.cookie, `${mineUrl(ofA[0]!)}/declaration`, { conflict: true, reason: 'Mencoba menyatakan setelah dikunci.' })).statusCode).toBe(409);
    const detail = (await get(assessorA.cookie, mineUrl(ofA[0]!))).json();
    expect(detail.can).toEqual({ declare: false, score: false, markAbsent: false });
    await expect(ctx.database.db.update(panelScores).set({ scores: allAt(5) }).where(eq(panelScores.assignmentId, ofA[0]!))).rejects.toThrow();
    await expect(ctx.database.db.update(panelCandidates).set({ score: '5.00' }).where(eq(panelCandidates.componentId, componentId))).rejects.toThrow();
    await expect(ctx.database.db.update(panelComponents).set({ status: 'open' }).where(eq(panelComponents.id, componentId))).rejects.toThrow();
    expect((await scoreRows(componentId)).every((row) => row.scores.integritas === 4)).toBe(true);
  });

  it('refuses to lock while a candidate has too few assessors or unsubmitted scores — 409 naming them', async () => {
    const { componentId, ofA } = await scoredSetup();
    expect((await score(assessorA, ofA[0]!, allAt(4))).statusCode).toBe(200);
    const response = await post(panel.cookie, `${componentUrl(componentId)}/lock`);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain('2 peserta: belum selesai dinilai.');
  });
});

describe('correction after locking', () => {
  const REASON = 'Berita acara 7/2026: nilai kriteria integritas salah salin dari lembar penilaian penguji.';

  /** A locked interview: both candidates scored 4 by A and B. */
  async function lockedSetup() {
    const setup = await scoredSetup();
    for (const id of setup.ofA) expect((await score(assessorA, id, allAt(4))).statusCode).toBe(200);
    for (const id of setup.ofB) expect((await score(assessorB, id, allAt(4))).statusCode).toBe(200);
    expect((await post(panel.cookie, `${componentUrl(setup.componentId)}/lock`)).statusCode).toBe(200);
    return setup;
  }

  it('corrects a locked score with a reason: the integrated score changes, the locked original stays, each step audited — 200', async () => {
    const { componentId, ids, selection } = await lockedSetup();
    const url = `${componentUrl(componentId)}/candidates/${ids[0]}/correction`;
    const first = await post(panel.cookie, url, { score: 4.5, reason: REASON });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().candidate).toMatchObject({ applicationId: ids[0], originalScore: 4, score: 4.5, corrections: [{ score: 4.5, previousScore: 4, reason: REASON }] });
    const second = await post(panel.cookie, url, { score: 3.75, reason: `${REASON} Dikoreksi lagi setelah rapat pleno.` });
    expect(second.json().candidate).toMatchObject({ originalScore: 4, score: 3.75, corrections: [{ score: 4.5, previousScore: 4 }, { score: 3.75, previousScore: 4.5 }] });
    // The locked row is the original; the round integrates the latest correction.
    const [locked] = await ctx.database.db.select().from(panelCandidates).where(and(eq(panelCandidates.componentId, componentId), eq(panelCandidates.applicationId, ids[0]!)));
    expect(Number(locked!.score)).toBe(4);
    const stage = await panelStageScores(ctx.database.db, { agencyId, selectionId: selection.id, stageKey: 'wawancara' });
    expect(panelRows(stage).find((row) => row.applicationId === ids[0])).toMatchObject({ score: 3.75, max: 5 });
    expect(panelRows(stage).find((row) => row.applicationId === ids[1])).toMatchObject({ score: 4 });
    const trail = (await audits('panel.score.correct')).filter((a) => a.targetId === componentId);
    expect(trail.map((a) => [a.summary.before, a.summary.after])).toEqual([
      [{ applicationId: ids[0], score: 4, originalScore: 4 }, expect.objectContaining({ applicationId: ids[0], score: 4.5 })],
      [{ applicationId: ids[0], score: 4.5, originalScore: 4 }, expect.objectContaining({ applicationId: ids[0], score: 3.75 })],
    ]);
    expect(JSON.stringify(trail[0]!.summary)).toContain('salah salin');
    // Observers read the history; it is never changed, even in SQL.
    const read = await get(observer.cookie, `${componentUrl(componentId)}/candidates/${ids[0]}/corrections`);
    expect(read.json().candidate).toMatchObject({ originalScore: 4, score: 3.75 });
    await expect(ctx.database.query(`UPDATE panel_score_corrections SET score = 5 WHERE component_id = $1`, [componentId])).rejects.toThrow();
    await expect(ctx.database.query(`DELETE FROM panel_score_corrections WHERE component_id = $1`, [componentId])).rejects.toThrow();
  });

  it('refuses a correction before locking, outside the scale, too precise, without a reason, the same score, by an observer or an assessor — nothing changed', async () => {
    const open = await scoredSetup();
    const refusedOpen = await post(panel.cookie, `${componentUrl(open.componentId)}/candidates/${open.ids[0]}/correction`, { score: 4, reason: REASON });
    expect(refusedOpen.statusCode).toBe(409);
    expect(refusedOpen.json().error.message).toContain('belum dikunci');

    const { componentId, ids } = await lockedSetup();
    const url = `${componentUrl(componentId)}/candidates/${ids[0]}/correction`;
    const cases: Array<[object, number, string]> = [
      [{ score: 5.5, reason: REASON }, 400, 'score'],
      [{ score: 0, reason: REASON }, 400, 'score'],
      [{ score: 4.125, reason: REASON }, 400, 'score'],
      [{ score: '4.5', reason: REASON }, 400, 'score'],
      [{ score: 4.5 }, 400, 'reason'],
      [{ score: 4.5, reason: 'salah' }, 400, 'reason'],
    ];
    for (const [payload, status, field] of cases) {
      const response = await post(panel.cookie, url, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(Object.keys(response.json().error.fields ?? {})).toContain(field);
    }
    expect((await post(panel.cookie, url, { score: 4, reason: REASON })).statusCode).toBe(409);
    expect((await post(observer.cookie, url, { score: 4.5, reason: REASON })).statusCode).toBe(403);
    expect((await post(assessorA.cookie, url, { score: 4.5, reason: REASON })).statusCode).toBe(403);
    const other = await createAgencyRow(ctx);
    const otherPanel = await staffSession(ctx, other.id, 'panitia', 'Panitia Lain');
    expect((await post(otherPanel.cookie, url.replace(agencyId, other.id), { score: 4.5, reason: REASON })).statusCode).toBe(404);
    const read = await get(panel.cookie, `${componentUrl(componentId)}/candidates/${ids[0]}/corrections`);
    expect(read.json().candidate).toEqual({ applicationId: ids[0], originalScore: 4, score: 4, corrections: [] });
    expect((await audits('panel.score.correct')).filter((a) => a.targetId === componentId)).toEqual([]);
  });
});

describe('absence', () => {
  it('an assessor marks their candidate absent; then nobody scores them, only the panel withdraws the mark, and an assessor of another candidate cannot mark — 404', async () => {
    const { componentId, ids, ofA, ofB, selection } = await scoredSetup();
    const url = `${componentUrl(componentId)}/candidates/${ids[0]}/absence`;
    expect((await post(assessorA.cookie, url, { absent: true, reason: 'Peserta tidak datang sampai sesi berakhir.' })).statusCode).toBe(200);
    expect((await score(assessorB, ofB[0]!, allAt(4))).statusCode).toBe(409);
    expect((await post(assessorA.cookie, url, { absent: false, reason: 'Salah tandai, peserta ternyata hadir.' })).statusCode).toBe(403);
    const stage = await panelStageScores(ctx.database.db, { agencyId, selectionId: selection.id, stageKey: 'wawancara' });
    expect(panelRows(stage).find((r) => r.applicationId === ids[0])).toMatchObject({ absent: true, score: null });
    expect((await post(panel.cookie, url, { absent: false, reason: 'Peserta hadir terlambat dengan izin panitia.' })).statusCode).toBe(200);
    expect((await score(assessorB, ofB[0]!, allAt(4))).statusCode).toBe(200);
    expect((await post(assessorA.cookie, url, { absent: true, reason: 'Mencoba menandai peserta yang sudah dinilai.' })).statusCode).toBe(409);
    const stranger = await staffSession(ctx, agencyId, 'penguji');
    expect((await post(stranger.cookie, `${componentUrl(componentId)}/candidates/${ids[1]}/absence`, { absent: true, reason: 'Bukan peserta yang saya nilai.' })).statusCode).toBe(404);
    expect(ofA).toHaveLength(2);
  });
});

describe('observers and other agencies', () => {
  it('an observer reads everything but can change nothing — 403', async () => {
    const { componentId, ids, ofA } = await scoredSetup();
    const detail = await get(observer.cookie, componentUrl(componentId));
    expect(detail.statusCode).toBe(200);
    expect(detail.json().can).toEqual({ manage: false });
    expect(detail.json().lock.allowed).toBe(false);
    expect((await get(observer.cookie, `${base()}/panel-rounds`)).statusCode).toBe(200);
    expect((await post(observer.cookie, `${componentUrl(componentId)}/lock`)).statusCode).toBe(403);
    expect((await post(observer.cookie, `${componentUrl(componentId)}/candidates/${ids[0]}/moderation`, { action: 'reopen', assignmentId: ofA[0], reason: 'Pengawas mencoba membuka.' })).statusCode).toBe(403);
  });

  it("another agency's panel and assessors cannot reach this agency's components or assignments, even through their own agency's path", async () => {
    const { componentId, ofA } = await scoredSetup();
    const otherAgency = (await createAgencyRow(ctx, 'Instansi Lain')).id;
    const otherPanel = await staffSession(ctx, otherAgency, 'panitia');
    const otherAssessor = await staffSession(ctx, otherAgency, 'penguji');
    expect((await get(otherPanel.cookie, componentUrl(componentId))).statusCode).toBe(403);
    expect((await get(otherPanel.cookie, `/api/agencies/${otherAgency}/panel-components/${componentId}`)).statusCode).toBe(404);
    expect((await post(otherPanel.cookie, `/api/agencies/${otherAgency}/panel-components/${componentId}/lock`)).statusCode).toBe(404);
    expect((await get(otherAssessor.cookie, mineUrl(ofA[0]!))).statusCode).toBe(403);
    expect((await put(otherAssessor.cookie, `${mineUrl(ofA[0]!, otherAgency)}/score`, { scores: allAt(4) })).statusCode).toBe(404);
    expect(await scoreRows(componentId)).toEqual([]);
  });
});

describe('panelStageScores contract', () => {
  it('gives no rows and not locked before the rubric exists; rows with null scores while open; 404 for an unknown stage', async () => {
    const round = await jptRound(ctx, agencyId, { candidates: 2 });
    const ref = { agencyId, selectionId: round.selection.id };
    expect(await panelStageScores(ctx.database.db, { ...ref, stageKey: 'makalah' })).toEqual({ stageKey: 'makalah', locked: false, components: [] });
    const component = await componentRow(ctx, { ...ref, stageKey: 'makalah' });
    await assignmentRow(ctx, { component, applicationId: round.candidates[0]!.id, assessorId: assessorA.account.id });
    const open = await panelStageScores(ctx.database.db, { ...ref, stageKey: 'makalah' });
    expect(open.locked).toBe(false);
    expect(panelRows(open)).toHaveLength(2);
    expect(panelRows(open).every((r) => r.score === null && r.max === 5 && r.componentKey === null && r.stageKey === 'makalah')).toBe(true);
    expect(await panelStageScores(ctx.database.db, { ...ref, stageKey: 'administrasi' })).toEqual({ stageKey: 'administrasi', locked: true, components: [] });
    await expect(panelStageScores(ctx.database.db, { ...ref, stageKey: 'psikotes' })).rejects.toThrow('Tahap seleksi tidak ditemukan');
    await expect(panelStageScores(ctx.database.db, { agencyId: (await createAgencyRow(ctx)).id, selectionId: round.selection.id, stageKey: 'makalah' })).rejects.toThrow('Seleksi tidak ditemukan');
  });
});
