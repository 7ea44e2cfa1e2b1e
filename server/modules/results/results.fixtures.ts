// A round ready for its final results, built as the earlier stages leave it: MS applications,
// an SKD and a CAT SKB with real question banks, papers and answer sheets, scored by the CAT
// engine's own scorer (so the integrity check can recompute every score from the sheets).
import { eq, inArray } from 'drizzle-orm';
import type { PipelineStage } from '../../../core/pipeline.js';
import { CPNS_PIPELINE, PPPK_PIPELINE } from '../../../core/pipeline.js';
import type { Role } from '../../../core/roles.js';
import { accountWithSession, createAccount, createAgencyRow, type TestContext } from '../../test-support/app.js';
import { createFormasiRow, createSelectionRow, nikFor } from '../../test-support/factories.js';
import { applications } from '../applications/applications.table.js';
import { catAttempts, catBanks, catBlueprints, catQuestions, catResults, type CatOption } from '../cat/cat.table.js';
import { createLiveHub } from '../cat-exam/live.js';
import { scoreFinishedAttempts } from '../cat-exam/scoring.js';
import { panelScoresReader } from './panel-source.js';
import { publishSkdResult } from '../cat-exam/skd-result.service.js';
import { DEFAULT_SETTINGS, presetRubric } from '../../../core/panel-scoring.js';
import { levelsAt } from '../panel-scores/panel-scores.fixtures.js';
import { publishList } from './results.service.js';

/** CPNS with SKB as CAT SKB only: a pipeline without panel components (valid: components sum to 100). */
export const CPNS_CAT_ONLY: PipelineStage[] = CPNS_PIPELINE.map((stage) =>
  stage.key === 'skb' ? { ...stage, components: [{ key: 'cat_skb', name: 'CAT SKB', kind: 'cat', weight: 100 }] } : stage,
);

export type Person = {
  /** [TWK, TIU, TKP] points; TWK/TIU multiples of 5. 'absent' = did not attend SKD. */
  skd: [number, number, number] | 'absent';
  /** CAT SKB points (multiple of 5, max 100); 'absent'; undefined = no SKB attempt. */
  skb?: number | 'absent';
  formasi?: number;
  name?: string;
  birthDate?: string;
  ipk?: number | null;
  /** Give the applicant a session (objections, letters, offers). */
  session?: boolean;
};

export type RoundOptions = {
  people: Person[];
  formations?: Array<{ count: number; kind?: string; unitName?: string; positionName?: string; programmes?: string[] }>;
  pipeline?: PipelineStage[];
  agencyId?: string;
};

const LETTERS = ['a', 'b', 'c', 'd', 'e'];
let counter = 0;

async function bank(ctx: TestContext, agencyId: string, spec: Array<{ subtest: string; count: number; weighted: boolean }>) {
  const db = ctx.database.db;
  const [row] = await db.insert(catBanks).values({ agencyId, name: `Bank ${spec.map((s) => s.subtest).join('/')}` }).returning();
  const values = spec.flatMap(({ subtest, count, weighted }) =>
    Array.from({ length: count }, (_, i) => {
      const options: CatOption[] = LETTERS.map((id, k) => ({ id, text: `Pilihan ${id.toUpperCase()}`, ...(weighted ? { points: 5 - k } : {}) }));
      return { bankId: row!.id, agencyId, subtest, type: weighted ? 'weighted' : 'single', stem: `Soal ${subtest} ${i + 1}`, options, keyOptionId: weighted ? null : 'a', status: 'active', topic: String(i).padStart(3, '0') };
    }),
  );
  const questions = await db.insert(catQuestions).values(values).returning({ id: catQuestions.id, subtest: catQuestions.subtest, topic: catQuestions.topic });
  questions.sort((a, b) => (a.subtest < b.subtest ? -1 : a.subtest > b.subtest ? 1 : a.topic < b.topic ? -1 : 1));
  return { bank: row!, questions };
}

/** Options answering `correct` single-key questions right and the rest wrong. */
const singleAnswers = (count: number, correct: number) => Array.from({ length: count }, (_, i) => (i < correct ? 'a' : 'b'));

/** TKP options giving `points`: as many 5s as fit, one option for the remainder, the rest blank. */
function weightedAnswers(count: number, points: number): Array<string | null> {
  const fives = Math.floor(points / 5);
  const rest = points - fives * 5;
  return Array.from({ length: count }, (_, i) => (i < fives ? 'a' : i === fives && rest > 0 ? LETTERS[5 - rest]! : null));
}

async function attemptWithSheet(ctx: TestContext, values: typeof catAttempts.$inferInsert, questionIds: string[], answers: Array<string | null>) {
  const [attempt] = await ctx.database.db.insert(catAttempts).values(values).returning();
  await ctx.database.query(`INSERT INTO cat_paper_items (attempt_id, question_id, position, option_order) SELECT $1, q, p, '{a,b,c,d,e}' FROM unnest($2::uuid[]) WITH ORDINALITY AS t(q, p)`, [attempt!.id, questionIds]);
  const answered = questionIds.map((q, i) => [q, answers[i]] as const).filter(([, option]) => option !== null);
  if (answered.length) {
    await ctx.database.query(`INSERT INTO cat_answers (attempt_id, question_id, option_id, seq, answered_at) SELECT $1, q, o, 1, now() FROM unnest($2::uuid[], $3::text[]) AS t(q, o)`, [
      attempt!.id,
      answered.map(([q]) => q),
      answered.map(([, o]) => o),
    ]);
  }
  return attempt!;
}

/**
 * An agency, a closed CPNS round with `pipeline` (default: SKD 40 / SKB 60 as CAT SKB only), its
 * formations, and one MS application per person with SKD and SKB answer sheets scored by the CAT
 * scorer. Returns everything a test reads, with a panel member's and an observer's session.
 */
export async function createFinalRound(ctx: TestContext, options: RoundOptions) {
  const db = ctx.database.db;
  const agencyId = options.agencyId ?? (await createAgencyRow(ctx)).id;
  const now = Date.now();
  const n = ++counter;
  const selection = await createSelectionRow(ctx, agencyId, {
    name: `Seleksi CPNS Hasil Akhir ${n}`,
    year: 2026,
    registrationOpensAt: new Date(now - 60 * 86_400_000),
    registrationClosesAt: new Date(now - 50 * 86_400_000),
    pipeline: options.pipeline ?? CPNS_CAT_ONLY,
  });
  const specs = options.formations ?? [{ count: 1 }];
  const formations = [];
  for (const spec of specs) {
    formations.push(
      await createFormasiRow(ctx, selection, {
        count: spec.count,
        kind: spec.kind ?? 'umum',
        ...(spec.unitName ? { unitName: spec.unitName } : {}),
        positionName: spec.positionName ?? 'Pranata Komputer Ahli Pertama',
        ...(spec.programmes ? { qualifications: [{ level: 'S1', programmes: spec.programmes }], programmes: spec.programmes.map((p) => p.toLowerCase()) } : {}),
      }),
    );
  }
  const skd = await bank(ctx, agencyId, [
    { subtest: 'TIU', count: 35, weighted: false },
    { subtest: 'TKP', count: 45, weighted: true },
    { subtest: 'TWK', count: 30, weighted: false },
  ]);
  const skbBank = await bank(ctx, agencyId, [{ subtest: 'SKB', count: 20, weighted: false }]);
  const [skdBlueprint] = await db
    .insert(catBlueprints)
    .values({ agencyId, selectionId: selection.id, stageKey: 'skd', name: 'SKD', preset: 'skd', durationMinutes: 100, sections: ['TWK', 'TIU', 'TKP'].map((subtest) => ({ subtest, count: subtest === 'TWK' ? 30 : subtest === 'TIU' ? 35 : 45, bankIds: [skd.bank.id] })) })
    .returning();
  const [skbBlueprint] = await db
    .insert(catBlueprints)
    .values({ agencyId, selectionId: selection.id, stageKey: 'skb', name: 'CAT SKB', preset: 'skb', durationMinutes: 90, sections: [{ subtest: 'SKB', count: 20, bankIds: [skbBank.bank.id] }] })
    .returning();
  const bySubtest = (subtest: string) => skd.questions.filter((q) => q.subtest === subtest).map((q) => q.id);
  const twkIds = bySubtest('TWK');
  const tiuIds = bySubtest('TIU');
  const tkpIds = bySubtest('TKP');
  const skbIds = skbBank.questions.map((q) => q.id);

  const people = [];
  const finished: string[] = [];
  for (const [p, person] of options.people.entries()) {
    const spec = { roles: [{ role: 'pelamar' as Role, agencyId: null }], name: person.name ?? `Peserta ${p + 1}` };
    const session = person.session ? await accountWithSession(ctx, spec) : { account: await createAccount(ctx, spec), cookie: '' };
    const formasi = formations[person.formasi ?? 0]!;
    const birthDate = person.birthDate ?? '1998-03-14';
    const [application] = await db
      .insert(applications)
      .values({
        agencyId,
        selectionId: selection.id,
        formasiId: formasi.id,
        accountId: session.account.id,
        nik: nikFor(birthDate, 'L', (n * 97 + p) % 9999 + 1),
        selectionType: 'cpns',
        selectionYear: 1000 + ((n * 131 + p) % 8999),
        status: 'ms',
        registrationNumber: `CPNS-AKHIR-${n}-${String(p + 1).padStart(3, '0')}-${agencyId.slice(0, 8)}`,
        profileSnapshot: { name: spec.name, birthDate, education: [{ level: 'S1', institution: 'Universitas Uji', programme: 'Informatika', gpa: person.ipk === undefined ? 3.5 : person.ipk, diplomaNumber: `U-${p}`, year: 2020 }] },
        applicantName: spec.name,
        birthDate,
        email: session.account.email,
        submittedAt: new Date(now - 55 * 86_400_000),
        decidedAt: new Date(now - 45 * 86_400_000),
      })
      .returning();
    const base = { agencyId, selectionId: selection.id, applicationId: application!.id, accountId: session.account.id, formasiId: formasi.id, formasiKind: formasi.kind };
    const ended = { startedAt: new Date(now - 30 * 86_400_000), endsAt: new Date(now - 30 * 86_400_000 + 6000_000), finishedAt: new Date(now - 30 * 86_400_000 + 5000_000), finishedBy: 'peserta' };
    let skdAttemptId: string | null = null;
    let skbAttemptId: string | null = null;
    if (person.skd === 'absent') {
      await db.insert(catAttempts).values({ ...base, blueprintId: skdBlueprint!.id, status: 'absent', durationSeconds: 6000 });
    } else {
      const [twk, tiu, tkp] = person.skd;
      const answers = [...singleAnswers(30, twk / 5), ...singleAnswers(35, tiu / 5), ...weightedAnswers(45, tkp)];
      const attempt = await attemptWithSheet(ctx, { ...base, blueprintId: skdBlueprint!.id, status: 'finished', durationSeconds: 6000, ...ended }, [...twkIds, ...tiuIds, ...tkpIds], answers);
      skdAttemptId = attempt.id;
      finished.push(attempt.id);
    }
    if (person.skb === 'absent') {
      await db.insert(catAttempts).values({ ...base, blueprintId: skbBlueprint!.id, status: 'absent', durationSeconds: 5400 });
    } else if (typeof person.skb === 'number') {
      const attempt = await attemptWithSheet(ctx, { ...base, blueprintId: skbBlueprint!.id, status: 'finished', durationSeconds: 5400, ...ended }, skbIds, singleAnswers(20, person.skb / 5));
      skbAttemptId = attempt.id;
      finished.push(attempt.id);
    }
    people.push({ ...session, application: application!, formasi, skdAttemptId, skbAttemptId });
  }
  const hub = await createLiveHub({ database: ctx.database, databaseUrl: null, redis: null });
  await scoreFinishedAttempts(ctx.database, hub, finished);
  await hub.close();
  const panel = await accountWithSession(ctx, { roles: [{ role: 'panitia', agencyId }], name: 'Ketua Panitia Hasil' });
  const observer = await accountWithSession(ctx, { roles: [{ role: 'pengawas', agencyId }], name: 'Pengawas Hasil' });
  return { agencyId, selection, formations, people, panel, observer, blueprints: { skd: skdBlueprint!, skb: skbBlueprint! } };
}

export type FinalRound = Awaited<ReturnType<typeof createFinalRound>>;

/** Moves a published list's objection window into the past (the server clock decides). */
export async function closeFinalObjectionWindow(ctx: TestContext, selectionId: string) {
  const { stageResults } = await import('../sanggah/sanggah.table.js');
  const past = new Date(Date.now() - 1000);
  const rows = await ctx.database.db.select().from(stageResults).where(eq(stageResults.selectionId, selectionId));
  const ids = rows.filter((r) => r.stage === 'akhir').map((r) => r.id);
  if (ids.length) await ctx.database.db.update(stageResults).set({ objectionOpensAt: new Date(past.getTime() - 3 * 86_400_000), objectionClosesAt: past }).where(inArray(stageResults.id, ids));
}

// ---- Cheap rounds for the role matrix (scores as stored results, no answer sheets) ----------

/** A round with one formasi of `places` and one MS candidate whose SKD and SKB results are stored; optionally published. */
export async function quickRound(ctx: TestContext, agencyId: string, options: { accountId?: string; places?: number; publish?: 'akhir' | 'closed' | 'post' } = {}) {
  const db = ctx.database.db;
  const n = ++counter;
  const selection = await createSelectionRow(ctx, agencyId, { name: `Seleksi Matriks ${n}`, registrationClosesAt: new Date(Date.now() - 86_400_000), pipeline: CPNS_CAT_ONLY });
  const formasi = await createFormasiRow(ctx, selection, { count: options.places ?? 1 });
  const accountId = options.accountId ?? (await createAccount(ctx, { roles: [{ role: 'pelamar', agencyId: null }] })).id;
  const [application] = await db
    .insert(applications)
    .values({ agencyId, selectionId: selection.id, formasiId: formasi.id, accountId, selectionType: 'cpns', selectionYear: 3000 + n, status: 'ms', registrationNumber: `CPNS-MATRIKS-${n}-${agencyId}`, applicantName: `Peserta Matriks ${n}`, birthDate: '1997-07-07', profileSnapshot: { education: [{ level: 'S1', gpa: 3.3 }] } })
    .returning();
  for (const [stageKey, preset, total, scores] of [
    ['skd', 'skd', 400, { TWK: 100, TIU: 110, TKP: 190 }],
    ['skb', 'skb', 80, { SKB: 80 }],
  ] as const) {
    const [blueprint] = await db.insert(catBlueprints).values({ agencyId, selectionId: selection.id, stageKey, name: stageKey, preset, durationMinutes: 90, sections: stageKey === 'skd' ? [{ subtest: 'TWK', count: 30, bankIds: [] }, { subtest: 'TIU', count: 35, bankIds: [] }, { subtest: 'TKP', count: 45, bankIds: [] }] : [{ subtest: 'SKB', count: 20, bankIds: [] }] }).returning();
    const [attempt] = await db.insert(catAttempts).values({ agencyId, selectionId: selection.id, blueprintId: blueprint!.id, applicationId: application!.id, accountId, formasiId: formasi.id, formasiKind: 'umum', status: 'finished', durationSeconds: 5400 }).returning();
    await db.insert(catResults).values({ attemptId: attempt!.id, agencyId, selectionId: selection.id, blueprintId: blueprint!.id, formasiId: formasi.id, registrationNumber: application!.registrationNumber!, participantName: application!.applicantName!, scores, total, passed: true, answerSheetHash: 'a'.repeat(64), resultHash: 'b'.repeat(64), scoredAt: new Date() });
  }
  if (options.publish) {
    const deps = { db, database: ctx.database, config: ctx.config, panelScores: panelScoresReader };
    const panelist = await createAccount(ctx, { roles: [{ role: 'panitia', agencyId }] });
    await publishList(deps, 'akhir', { agencyId, selectionId: selection.id, actorId: panelist.id });
    if (options.publish !== 'akhir') await closeFinalObjectionWindow(ctx, selection.id);
    if (options.publish === 'post') await publishList(deps, 'akhir_pasca_sanggah', { agencyId, selectionId: selection.id, actorId: panelist.id });
  }
  return { selection, formasi, application: application! };
}

// ---- Panel scores through the panel module's own API -----------------------------------------

/** Publishes the SKD result (who proceeds to SKB) as the CAT module does; the panel names its candidates from it. */
export async function publishSkd(ctx: TestContext, round: FinalRound) {
  await publishSkdResult({ db: ctx.database.db, config: ctx.config, agencyId: round.agencyId, selectionId: round.selection.id, blueprintId: round.blueprints.skd.id, actorId: round.panel.account.id });
}

async function call(ctx: TestContext, cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  const response = await ctx.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  if (response.statusCode >= 300) throw new Error(`${method} ${url} → ${response.statusCode} ${response.body}`);
  return response.json();
}

/**
 * Work practice (SKB's praktik_kerja) scored by two assessors through the panel module: the preset
 * rubric on its 1–5 scale, each candidate's assessors declaring no conflict and scoring every
 * criterion at `levels[index]`, 'absent' marked by the panel; then locked unless `lock` is false.
 */
export async function scorePraktik(ctx: TestContext, round: FinalRound, levels: Record<number, number | 'absent'>, { lock = true } = {}) {
  const base = `/api/agencies/${round.agencyId}`;
  const rubric = presetRubric('praktik_kerja');
  const component = await call(ctx, round.panel.cookie, 'POST', `${base}/selections/${round.selection.id}/panel-components`, { stageKey: 'skb', componentKey: 'praktik_kerja', ...rubric, settings: DEFAULT_SETTINGS });
  const componentId = (component.component?.id ?? component.id) as string;
  const assessors = [await accountWithSession(ctx, { roles: [{ role: 'penguji', agencyId: round.agencyId }], name: 'Penguji Akademisi' }), await accountWithSession(ctx, { roles: [{ role: 'penguji', agencyId: round.agencyId }], name: 'Penguji Praktisi' })];
  const indices = Object.keys(levels).map(Number);
  await call(ctx, round.panel.cookie, 'POST', `${base}/panel-components/${componentId}/assignments`, { applicationIds: indices.map((i) => round.people[i]!.application.id), assessorIds: assessors.map((a) => a.account.id) });
  for (const i of indices) {
    if (levels[i] === 'absent') await call(ctx, round.panel.cookie, 'POST', `${base}/panel-components/${componentId}/candidates/${round.people[i]!.application.id}/absence`, { absent: true, reason: 'Tidak hadir pada jadwal praktik kerja.' });
  }
  for (const assessor of assessors) {
    const mine = (await call(ctx, assessor.cookie, 'GET', `${base}/my-panel-assignments`)).items as Array<{ id: string; candidate: { applicationId: string } }>;
    for (const assignment of mine) {
      const index = round.people.findIndex((p) => p.application.id === assignment.candidate.applicationId);
      const level = levels[index];
      if (level === 'absent' || level === undefined) continue;
      await call(ctx, assessor.cookie, 'POST', `${base}/my-panel-assignments/${assignment.id}/declaration`, { conflict: false });
      await call(ctx, assessor.cookie, 'PUT', `${base}/my-panel-assignments/${assignment.id}/score`, { scores: levelsAt('praktik_kerja', level) });
    }
  }
  if (lock) await call(ctx, round.panel.cookie, 'POST', `${base}/panel-components/${componentId}/lock`);
  return { componentId, assessors };
}

// ---- PPPK and JPT rounds: the same engine, other pipelines ------------------------------------

export type PanelStageSpec = {
  agencyId: string;
  selectionId: string;
  panelCookie: string;
  stageKey: string;
  /** null when the whole stage is one panel component. */
  componentKey?: string | null;
  /** Application id → the level every assessor gives on every criterion, or 'absent'. */
  levels: ReadonlyMap<string, number | 'absent'>;
  /** Two assessors (made when not given). */
  assessors?: Array<{ account: { id: string }; cookie: string }>;
  lock?: boolean;
};

/**
 * A panel stage scored through the panel module's routes as a panel would: the preset rubric on
 * its 1–5 scale, two assessors on every candidate declaring no conflict and scoring every
 * criterion at the candidate's level, absences marked by the panel, then locked.
 */
export async function scorePanelStage(ctx: TestContext, spec: PanelStageSpec) {
  const base = `/api/agencies/${spec.agencyId}`;
  const componentKey = spec.componentKey ?? null;
  const rubricKey = componentKey ?? spec.stageKey;
  const created = await call(ctx, spec.panelCookie, 'POST', `${base}/selections/${spec.selectionId}/panel-components`, { stageKey: spec.stageKey, componentKey, ...presetRubric(rubricKey), settings: DEFAULT_SETTINGS });
  const componentId = created.component.id as string;
  const assessors = spec.assessors ?? [
    await accountWithSession(ctx, { roles: [{ role: 'penguji', agencyId: spec.agencyId }], name: 'Penguji Akademisi' }),
    await accountWithSession(ctx, { roles: [{ role: 'penguji', agencyId: spec.agencyId }], name: 'Penguji Praktisi' }),
  ];
  await call(ctx, spec.panelCookie, 'POST', `${base}/panel-components/${componentId}/assignments`, { applicationIds: [...spec.levels.keys()], assessorIds: assessors.map((a) => a.account.id) });
  for (const [applicationId, level] of spec.levels) {
    if (level === 'absent') await call(ctx, spec.panelCookie, 'POST', `${base}/panel-components/${componentId}/candidates/${applicationId}/absence`, { absent: true, reason: 'Tidak hadir pada jadwal yang ditetapkan.' });
  }
  for (const assessor of assessors) {
    const mine = (await call(ctx, assessor.cookie, 'GET', `${base}/my-panel-assignments`)).items as Array<{ id: string; status: string; component: { id: string }; candidate: { applicationId: string }; score: unknown }>;
    for (const assignment of mine) {
      const level = spec.levels.get(assignment.candidate.applicationId);
      if (level === 'absent' || level === undefined || assignment.component.id !== componentId || assignment.status !== 'active' || assignment.score) continue;
      await call(ctx, assessor.cookie, 'POST', `${base}/my-panel-assignments/${assignment.id}/declaration`, { conflict: false });
      await call(ctx, assessor.cookie, 'PUT', `${base}/my-panel-assignments/${assignment.id}/score`, { scores: levelsAt(rubricKey, level) });
    }
  }
  if (spec.lock !== false) await call(ctx, spec.panelCookie, 'POST', `${base}/panel-components/${componentId}/lock`);
  return { componentId, assessors };
}

/** PPPK preset questions: technical single-key (5 / 0), managerial, socio-cultural and interview options 4–1 (domain-rules §6). */
async function pppkBank(ctx: TestContext, agencyId: string) {
  const db = ctx.database.db;
  const [row] = await db.insert(catBanks).values({ agencyId, name: 'Bank Kompetensi PPPK' }).returning();
  const spec = [
    { subtest: 'TEKNIS', count: 90, weighted: false },
    { subtest: 'MANAJERIAL', count: 25, weighted: true },
    { subtest: 'SOSIAL_KULTURAL', count: 20, weighted: true },
    { subtest: 'WAWANCARA', count: 10, weighted: true },
  ];
  const values = spec.flatMap(({ subtest, count, weighted }) =>
    Array.from({ length: count }, (_, i) => {
      const options: CatOption[] = LETTERS.slice(0, weighted ? 4 : 5).map((id, k) => ({ id, text: `Pilihan ${id.toUpperCase()}`, ...(weighted ? { points: 4 - k } : {}) }));
      return { bankId: row!.id, agencyId, subtest, type: weighted ? 'weighted' : 'single', stem: `Soal ${subtest} ${i + 1}`, options, keyOptionId: weighted ? null : 'a', status: 'active', topic: String(i).padStart(3, '0') };
    }),
  );
  const questions = await db.insert(catQuestions).values(values).returning({ id: catQuestions.id, subtest: catQuestions.subtest, topic: catQuestions.topic });
  questions.sort((a, b) => (a.subtest < b.subtest ? -1 : a.subtest > b.subtest ? 1 : a.topic < b.topic ? -1 : 1));
  return { bank: row!, questions, spec };
}

/**
 * A closed PPPK round (administrasi → kompetensi CAT with technical, managerial, socio-cultural
 * and interview parts → wawancara by the panel → integrasi), one formation of `count` places, one
 * MS application per entry of `teknis`: that many technical questions right, every other question
 * at option b (3 points): total = 5 × teknis + 165. Answer sheets are scored by the CAT scorer.
 */
export async function createPppkRound(ctx: TestContext, { teknis, count = 1 }: { teknis: Array<number | 'absent'>; count?: number }) {
  const db = ctx.database.db;
  const agencyId = (await createAgencyRow(ctx)).id;
  const now = Date.now();
  const n = ++counter;
  const selection = await createSelectionRow(ctx, agencyId, {
    type: 'pppk',
    name: `Seleksi PPPK Hasil Akhir ${n}`,
    registrationOpensAt: new Date(now - 60 * 86_400_000),
    registrationClosesAt: new Date(now - 50 * 86_400_000),
    pipeline: structuredClone([...PPPK_PIPELINE]),
  });
  const formasi = await createFormasiRow(ctx, selection, { count, positionName: 'Guru Ahli Pertama' });
  const { bank: pppk, questions, spec } = await pppkBank(ctx, agencyId);
  const [blueprint] = await db
    .insert(catBlueprints)
    .values({ agencyId, selectionId: selection.id, stageKey: 'kompetensi', name: 'Seleksi Kompetensi PPPK', preset: 'pppk', durationMinutes: 150, sections: spec.map((s) => ({ subtest: s.subtest, count: s.count, bankIds: [pppk.id] })) })
    .returning();
  const ids = (subtest: string) => questions.filter((q) => q.subtest === subtest).map((q) => q.id);
  const order = [...ids('TEKNIS'), ...ids('MANAJERIAL'), ...ids('SOSIAL_KULTURAL'), ...ids('WAWANCARA')];
  const people = [];
  const finished: string[] = [];
  for (const [p, right] of teknis.entries()) {
    const name = `Peserta PPPK ${p + 1}`;
    const account = await createAccount(ctx, { roles: [{ role: 'pelamar', agencyId: null }], name });
    const birthDate = '1995-05-05';
    const [application] = await db
      .insert(applications)
      .values({
        agencyId,
        selectionId: selection.id,
        formasiId: formasi.id,
        accountId: account.id,
        nik: nikFor(birthDate, 'P', (n * 89 + p) % 9999 + 1),
        selectionType: 'pppk',
        selectionYear: 1000 + ((n * 137 + p) % 8999),
        status: 'ms',
        registrationNumber: `PPPK-AKHIR-${n}-${String(p + 1).padStart(3, '0')}-${agencyId.slice(0, 8)}`,
        profileSnapshot: { name, birthDate, education: [{ level: 'S1', institution: 'Universitas Uji', programme: 'Pendidikan', gpa: 3.4, diplomaNumber: `P-${p}`, year: 2018 }] },
        applicantName: name,
        birthDate,
        email: account.email,
        submittedAt: new Date(now - 55 * 86_400_000),
        decidedAt: new Date(now - 45 * 86_400_000),
      })
      .returning();
    const base = { agencyId, selectionId: selection.id, applicationId: application!.id, accountId: account.id, formasiId: formasi.id, formasiKind: formasi.kind, blueprintId: blueprint!.id, durationSeconds: 9000 };
    if (right === 'absent') {
      await db.insert(catAttempts).values({ ...base, status: 'absent' });
    } else {
      const answers = [...singleAnswers(90, right), ...Array<string>(55).fill('b')];
      const attempt = await attemptWithSheet(ctx, { ...base, status: 'finished', startedAt: new Date(now - 30 * 86_400_000), endsAt: new Date(now - 30 * 86_400_000 + 9000_000), finishedAt: new Date(now - 30 * 86_400_000 + 8000_000), finishedBy: 'peserta' }, order, answers);
      finished.push(attempt.id);
    }
    people.push({ application: application!, name });
  }
  const hub = await createLiveHub({ database: ctx.database, databaseUrl: null, redis: null });
  await scoreFinishedAttempts(ctx.database, hub, finished);
  await hub.close();
  const panel = await accountWithSession(ctx, { roles: [{ role: 'panitia', agencyId }], name: 'Ketua Panitia PPPK' });
  const observer = await accountWithSession(ctx, { roles: [{ role: 'pengawas', agencyId }], name: 'Pengawas PPPK' });
  return { agencyId, selection, formasi, blueprint: blueprint!, people, panel, observer };
}
