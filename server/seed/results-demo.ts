// Demo final results in BKPSDM Kota Sawahlunto, on real answer sheets scored by the CAT engine (so
// the integrity check recomputes them):
// - a closed CPNS 2025 round, run eight months before the first start (its appointees have a
//   finished evaluation quarter: server/seed/quality-demo.ts): its final list published with the
//   tie-break reasons visible, one objection answered, the post-objection list published, and now
//   an optimisation offer waiting for the demo applicant (pelamar@rekrutmen.local);
// - a CPNS 2026 round at integration: SKD announced, CAT SKB scored, work practice scored by the
//   demo assessor and an outside academic for all finalists but one, not yet locked.
// Idempotent: a round already there is left alone.
import { and, eq } from 'drizzle-orm';
import { CPNS_PIPELINE, type PipelineStage } from '../../core/pipeline.js';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { agencies } from '../modules/agencies/agencies.table.js';
import { applications } from '../modules/applications/applications.table.js';
import { catAttempts, catBanks, catBlueprints, catQuestions, type CatOption } from '../modules/cat/cat.table.js';
import { createLiveHub } from '../modules/cat-exam/live.js';
import { scoreFinishedAttempts } from '../modules/cat-exam/scoring.js';
import { publishSkdResult } from '../modules/cat-exam/skd-result.service.js';
import { formasi } from '../modules/formasi/formasi.table.js';
import { answerFinalObjection, fileFinalObjection } from '../modules/results/objections.service.js';
import { startOptimisation } from '../modules/results/optimisation.service.js';
import { panelScoresReader } from '../modules/results/panel-source.js';
import { publishList } from '../modules/results/results.service.js';
import { selections } from '../modules/selections/selections.table.js';
import { accountRoles, accounts } from '../modules/accounts/accounts.table.js';
import { hashPassword } from '../modules/accounts/accounts.service.js';
import { declare, submitScore } from '../modules/panel-scores/assessor.service.js';
import { assignAssessors } from '../modules/panel-scores/panel-actions.service.js';
import { setAssessorProfile } from '../modules/panel-scores/panel-assessors.service.js';
import { assignmentsOf } from '../modules/panel-scores/panel-scores.repo.js';
import { createComponent } from '../modules/panel-scores/panel-scores.service.js';
import { DEFAULT_SETTINGS, presetRubric } from '../../core/panel-scoring.js';
import { DEMO_PASSWORD, type DemoLogin } from './demo.js';

const AGENCY_CODE = 'sawahlunto';
const ROUND_NAME = 'Seleksi CPNS Pemerintah Kota Sawahlunto 2025';
const DAY = 86_400_000;
/** How long before the first start the 2025 round ran (its optimisation offer is sent now). */
const ROUND_2025_AGO = 240;

/** SKB here is the CAT of the formation's field only (allowed: CAT SKB ≥ 60% for regional governments, domain rules §5). */
const PIPELINE: PipelineStage[] = CPNS_PIPELINE.map((stage) => (stage.key === 'skb' ? { ...stage, components: [{ key: 'cat_skb', name: 'CAT SKB', kind: 'cat', weight: 100 }] } : stage));

const FORMATIONS = [
  { key: 'A', positionName: 'Pranata Komputer Ahli Pertama', unitName: 'Dinas Komunikasi dan Informatika', count: 2, level: 'S1', programmes: ['Informatika', 'Sistem Informasi'] },
  { key: 'B', positionName: 'Pranata Komputer Ahli Pertama', unitName: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', count: 1, level: 'S1', programmes: ['Informatika', 'Sistem Informasi'] },
  { key: 'C', positionName: 'Perawat Ahli Pertama', unitName: 'Rumah Sakit Umum Daerah Sawahlunto', count: 2, level: 'Profesi', programmes: ['Ners'] },
] as const;

type DemoCandidate = { name: string; formasi: 'A' | 'B' | 'C'; skd: [number, number, number] | 'absent'; skb?: number | 'absent'; birthDate: string; ipk: number; demo?: boolean };

// Chosen so the list shows every rule: a place left empty (A), the demo applicant second in B and
// offered A's place, ties in C broken by TKP (at the cut) and by the SKD total.
const CANDIDATES: DemoCandidate[] = [
  { name: 'Rahmat Hidayat', formasi: 'A', skd: [110, 125, 190], skb: 80, birthDate: '1997-02-11', ipk: 3.52 },
  { name: 'Siti Nurhaliza', formasi: 'A', skd: [100, 120, 185], skb: 'absent', birthDate: '1998-07-23', ipk: 3.61 },
  { name: 'Yoga Pratama', formasi: 'A', skd: [60, 140, 200], birthDate: '1999-05-02', ipk: 3.2 },
  { name: 'Nadia Putri', formasi: 'A', skd: 'absent', birthDate: '2000-01-19', ipk: 3.44 },
  { name: 'Fauzan Akbar', formasi: 'B', skd: [115, 130, 195], skb: 85, birthDate: '1996-11-30', ipk: 3.48 },
  { name: 'Pelamar Demo', formasi: 'B', skd: [105, 125, 190], skb: 80, birthDate: '1998-04-05', ipk: 3.55, demo: true },
  { name: 'Dewi Lestari', formasi: 'B', skd: [95, 110, 185], skb: 70, birthDate: '1997-09-14', ipk: 3.3 },
  { name: 'Andika Saputra', formasi: 'B', skd: [90, 100, 175], birthDate: '1995-12-01', ipk: 3.12 },
  { name: 'Intan Permata', formasi: 'B', skd: [70, 75, 180], birthDate: '2001-03-08', ipk: 3.71 },
  { name: 'Muhammad Rizki', formasi: 'C', skd: [120, 140, 210], skb: 85, birthDate: '1996-06-17', ipk: 3.66 },
  { name: 'Putri Amelia', formasi: 'C', skd: [130, 150, 200], skb: 60, birthDate: '1997-10-25', ipk: 3.58 },
  { name: 'Bayu Setiawan', formasi: 'C', skd: [65, 80, 170], skb: 80, birthDate: '1994-08-09', ipk: 3.4 },
  { name: 'Ratna Sari', formasi: 'C', skd: [100, 120, 200], skb: 75, birthDate: '1998-01-28', ipk: 3.5 },
  { name: 'Hendra Gunawan', formasi: 'C', skd: [110, 130, 180], skb: 75, birthDate: '1997-03-03', ipk: 3.45 },
  { name: 'Wulan Sari', formasi: 'C', skd: [90, 110, 190], skb: 70, birthDate: '1999-12-12', ipk: 3.38 },
  { name: 'Taufik Hidayat', formasi: 'C', skd: [60, 150, 200], birthDate: '1996-02-20', ipk: 3.29 },
  { name: 'Lina Marlina', formasi: 'C', skd: [80, 75, 170], birthDate: '2000-09-09', ipk: 3.1 },
];

const LETTERS = ['a', 'b', 'c', 'd', 'e'];
const single = (count: number, correct: number) => Array.from({ length: count }, (_, i) => (i < correct ? 'a' : 'b'));
function weighted(count: number, points: number): Array<string | null> {
  const fives = Math.floor(points / 5);
  const rest = points - fives * 5;
  return Array.from({ length: count }, (_, i) => (i < fives ? 'a' : i === fives && rest > 0 ? LETTERS[5 - rest]! : null));
}

export type ResultsDemoDeps = { database: Database; config: Pick<Config, 'uploadDir' | 'publicUrl' | 'smtpUrl'> };

type RoundSpec = {
  name: string;
  year: number;
  description: string;
  pipeline: PipelineStage[];
  formations: ReadonlyArray<{ key: string; positionName: string; unitName: string; count: number; level: string; programmes: readonly string[] }>;
  candidates: readonly DemoCandidate[];
  /** Registration numbers: `${prefix}${n}`. */
  prefix: string;
  emailTag: string;
  /** Days before now: registration closed, SKD taken, SKB taken. */
  days: { closed: number; skd: number; skb: number };
};

/** A round with its formasi, MS applications, SKD and CAT SKB answer sheets, scored by the CAT engine. */
async function buildRound({ database }: ResultsDemoDeps, agencyId: string, adminId: string, demoApplicant: { id: string; email: string }, spec: RoundSpec) {
  const db = database.db;
  const now = Date.now();
  const [round] = await db
    .insert(selections)
    .values({
      agencyId,
      type: 'cpns',
      year: spec.year,
      name: spec.name,
      description: spec.description,
      status: 'published',
      schedule: {},
      registrationOpensAt: new Date(now - (spec.days.closed + 15) * DAY),
      registrationClosesAt: new Date(now - spec.days.closed * DAY),
      pipeline: spec.pipeline,
      publishedAt: new Date(now - (spec.days.closed + 20) * DAY),
      createdBy: adminId,
    })
    .returning();
  const formationIds = new Map<string, { id: string; kind: string }>();
  for (const f of spec.formations) {
    const [row] = await db
      .insert(formasi)
      .values({
        agencyId,
        selectionId: round!.id,
        positionName: f.positionName,
        unitName: f.unitName,
        count: f.count,
        qualifications: [{ level: f.level, programmes: [...f.programmes] }],
        educationLevels: [f.level],
        programmes: f.programmes.map((p) => p.toLowerCase()),
        kind: 'umum',
        status: 'published',
        searchText: `${f.positionName} ${f.unitName} ${f.programmes.join(' ')}`.toLowerCase(),
        publishedAt: new Date(now - (spec.days.closed + 20) * DAY),
      })
      .returning();
    formationIds.set(f.key, { id: row!.id, kind: row!.kind });
  }

  // Banks: SKD (TWK 30, TIU 35 single key; TKP 45 weighted 5…1) and a CAT SKB of 20 questions.
  const bank = async (name: string, bankSpec: Array<{ subtest: string; count: number; weighted: boolean }>) => {
    const [row] = await db.insert(catBanks).values({ agencyId, name, description: 'Bank soal demo.' }).returning();
    const rows = bankSpec.flatMap(({ subtest, count, weighted: isWeighted }) =>
      Array.from({ length: count }, (_, i) => ({
        bankId: row!.id,
        agencyId,
        subtest,
        topic: String(i).padStart(3, '0'),
        type: isWeighted ? 'weighted' : 'single',
        stem: `Soal demo ${subtest} nomor ${i + 1}`,
        options: LETTERS.map((id, k): CatOption => ({ id, text: `Pilihan ${id.toUpperCase()}`, ...(isWeighted ? { points: 5 - k } : {}) })),
        keyOptionId: isWeighted ? null : 'a',
        status: 'active',
      })),
    );
    const inserted = await db.insert(catQuestions).values(rows).returning({ id: catQuestions.id, subtest: catQuestions.subtest, topic: catQuestions.topic });
    return { bank: row!, ids: (subtest: string) => inserted.filter((q) => q.subtest === subtest).sort((a, b) => (a.topic < b.topic ? -1 : 1)).map((q) => q.id) };
  };
  const skdBank = await bank(`Bank SKD ${spec.year}`, [
    { subtest: 'TWK', count: 30, weighted: false },
    { subtest: 'TIU', count: 35, weighted: false },
    { subtest: 'TKP', count: 45, weighted: true },
  ]);
  const skbBank = await bank(`Bank CAT SKB ${spec.year}`, [{ subtest: 'SKB', count: 20, weighted: false }]);
  const [skd] = await db
    .insert(catBlueprints)
    .values({ agencyId, selectionId: round!.id, stageKey: 'skd', name: 'SKD', preset: 'skd', durationMinutes: 100, sections: [{ subtest: 'TWK', count: 30, bankIds: [skdBank.bank.id] }, { subtest: 'TIU', count: 35, bankIds: [skdBank.bank.id] }, { subtest: 'TKP', count: 45, bankIds: [skdBank.bank.id] }] })
    .returning();
  const [skb] = await db
    .insert(catBlueprints)
    .values({ agencyId, selectionId: round!.id, stageKey: 'skb', name: 'CAT SKB', preset: 'skb', durationMinutes: 90, sections: [{ subtest: 'SKB', count: 20, bankIds: [skbBank.bank.id] }] })
    .returning();
  const skdIds = [...skdBank.ids('TWK'), ...skdBank.ids('TIU'), ...skdBank.ids('TKP')];
  const skbIds = skbBank.ids('SKB');

  const sheet = async (values: typeof catAttempts.$inferInsert, questionIds: string[], answers: Array<string | null>, day: number) => {
    const [attempt] = await db.insert(catAttempts).values(values).returning();
    await database.query(`INSERT INTO cat_paper_items (attempt_id, question_id, position, option_order) SELECT $1, q, p, '{a,b,c,d,e}' FROM unnest($2::uuid[]) WITH ORDINALITY AS t(q, p)`, [attempt!.id, questionIds]);
    const answered = questionIds.map((q, i) => [q, answers[i] ?? null] as const).filter(([, o]) => o !== null);
    await database.query(`INSERT INTO cat_answers (attempt_id, question_id, option_id, seq, answered_at) SELECT $1, q, o, 1, $4 FROM unnest($2::uuid[], $3::text[]) AS t(q, o)`, [
      attempt!.id,
      answered.map(([q]) => q),
      answered.map(([, o]) => o),
      new Date(now - day * DAY).toISOString(),
    ]);
    return attempt!.id;
  };

  const finished: string[] = [];
  const people = new Map<string, { applicationId: string; accountId: string }>();
  for (const [index, person] of spec.candidates.entries()) {
    let accountId = demoApplicant.id;
    let email = demoApplicant.email;
    if (!person.demo) {
      email = `peserta${String(index + 1).padStart(2, '0')}.${spec.emailTag}@${AGENCY_CODE}.demo.rekrutmen.local`;
      await db.insert(accounts).values({ email, name: person.name, passwordHash: null, emailVerifiedAt: new Date(now - (spec.days.closed + 20) * DAY) }).onConflictDoNothing();
      accountId = (await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email)))[0]!.id;
    }
    const f = formationIds.get(person.formasi)!;
    const fSpec = spec.formations.find((x) => x.key === person.formasi)!;
    const [application] = await db
      .insert(applications)
      .values({
        agencyId,
        selectionId: round!.id,
        formasiId: f.id,
        accountId,
        selectionType: 'cpns',
        selectionYear: spec.year,
        status: 'ms',
        registrationNumber: `${spec.prefix}${String(index + 1).padStart(6, '0')}`,
        profileSnapshot: { name: person.name, birthDate: person.birthDate, education: [{ level: fSpec.level, institution: 'Universitas Andalas', programme: fSpec.programmes[0], gpa: person.ipk, diplomaNumber: `UNAND-${spec.year}-${index + 1}`, year: 2021 }] },
        applicantName: person.name,
        birthDate: person.birthDate,
        email,
        submittedAt: new Date(now - (spec.days.closed + 5) * DAY),
        decidedAt: new Date(now - (spec.days.closed - 5) * DAY),
      })
      .returning();
    people.set(person.name, { applicationId: application!.id, accountId });
    const base = { agencyId, selectionId: round!.id, applicationId: application!.id, accountId, formasiId: f.id, formasiKind: f.kind };
    const taken = (day: number) => ({ startedAt: new Date(now - day * DAY), endsAt: new Date(now - day * DAY + 6000_000), finishedAt: new Date(now - day * DAY + 5400_000), finishedBy: 'peserta' });
    if (person.skd === 'absent') await db.insert(catAttempts).values({ ...base, blueprintId: skd!.id, status: 'absent', durationSeconds: 6000 });
    else {
      const [twk, tiu, tkp] = person.skd;
      finished.push(await sheet({ ...base, blueprintId: skd!.id, status: 'finished', durationSeconds: 6000, ...taken(spec.days.skd) }, skdIds, [...single(30, twk / 5), ...single(35, tiu / 5), ...weighted(45, tkp)], spec.days.skd));
    }
    if (person.skb === 'absent') await db.insert(catAttempts).values({ ...base, blueprintId: skb!.id, status: 'absent', durationSeconds: 5400 });
    else if (typeof person.skb === 'number') finished.push(await sheet({ ...base, blueprintId: skb!.id, status: 'finished', durationSeconds: 5400, ...taken(spec.days.skb) }, skbIds, single(20, person.skb / 5), spec.days.skb));
  }
  const hub = await createLiveHub({ database, databaseUrl: null, redis: null });
  try {
    await scoreFinishedAttempts(database, hub, finished);
  } finally {
    await hub.close();
  }
  return { round: round!, skd: skd!, skb: skb!, people };
}

const PANEL_ROUND_NAME = 'Seleksi CPNS Pemerintah Kota Sawahlunto 2026';

// 2026: one formation of 2 posts, 8 candidates; 6 pass the SKD pass mark (3 × 2 proceed). Bella and
// Candra end equal on the final score: TKP decides. Arif's work practice is not scored yet.
const PANEL_CANDIDATES: Array<DemoCandidate & { praktik?: [number, number] }> = [
  { name: 'Arif Rahman', formasi: 'A', skd: [110, 125, 195], skb: 80, birthDate: '1998-02-02', ipk: 3.4 },
  { name: 'Bella Safitri', formasi: 'A', skd: [100, 120, 200], skb: 75, birthDate: '1999-05-15', ipk: 3.6, praktik: [4, 4] },
  { name: 'Candra Wijaya', formasi: 'A', skd: [110, 130, 180], skb: 75, birthDate: '1997-08-21', ipk: 3.7, praktik: [4, 4] },
  { name: 'Dinda Maharani', formasi: 'A', skd: [120, 135, 205], skb: 70, birthDate: '1998-11-03', ipk: 3.5, praktik: [3, 4] },
  { name: 'Eko Prasetyo', formasi: 'A', skd: [95, 110, 185], skb: 85, birthDate: '1996-04-27', ipk: 3.3, praktik: [5, 4] },
  { name: 'Fitri Handayani', formasi: 'A', skd: [90, 100, 176], skb: 60, birthDate: '2000-07-07', ipk: 3.45, praktik: [3, 3] },
  { name: 'Gilang Ramadhan', formasi: 'A', skd: [60, 140, 200], birthDate: '1999-09-09', ipk: 3.2 },
  { name: 'Hana Pertiwi', formasi: 'A', skd: [85, 75, 190], birthDate: '2001-01-01', ipk: 3.8 },
];

export const RESULTS_DEMO = { agencyCode: AGENCY_CODE, finishedRound: ROUND_NAME, panelRound: PANEL_ROUND_NAME, arif: 'Arif Rahman' } as const;

async function ensureAcademic(db: Database['db'], agencyId: string, adminId: string): Promise<{ id: string; email: string }> {
  const email = `akademisi@${AGENCY_CODE}.rekrutmen.local`;
  const [existing] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
  if (existing) return { id: existing.id, email };
  await db.insert(accounts).values({ email, name: 'Dr. Rina Febriani, M.Si.', passwordHash: await hashPassword(DEMO_PASSWORD), emailVerifiedAt: new Date() }).onConflictDoNothing();
  const [row] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
  await db.insert(accountRoles).values({ accountId: row!.id, role: 'penguji', agencyId }).onConflictDoNothing();
  await setAssessorProfile(db, { agencyId, accountId: row!.id, actorId: adminId, kind: 'akademisi', institution: 'Universitas Negeri Padang' });
  return { id: row!.id, email };
}

export async function seedResultsDemo(deps: ResultsDemoDeps): Promise<DemoLogin[]> {
  const { database, config } = deps;
  const db = database.db;
  const [agency] = await db.select().from(agencies).where(eq(agencies.code, AGENCY_CODE));
  if (!agency) return [];
  const [admin] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, `admin@${AGENCY_CODE}.rekrutmen.local`));
  const [penguji] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, `penguji@${AGENCY_CODE}.rekrutmen.local`));
  const [demoApplicant] = await db.select({ id: accounts.id, email: accounts.email }).from(accounts).where(eq(accounts.email, 'pelamar@rekrutmen.local'));
  if (!admin || !penguji || !demoApplicant) return [];
  const academic = await ensureAcademic(db, agency.id, admin.id);
  const logins: DemoLogin[] = [{ email: academic.email, role: 'penguji (akademisi)', agency: agency.name }];
  const now = Date.now();
  const ref = { agencyId: agency.id, actorId: admin.id };
  const resultDeps = { db, database, config, panelScores: panelScoresReader };

  const [finished] = await db.select({ id: selections.id }).from(selections).where(and(eq(selections.agencyId, agency.id), eq(selections.name, ROUND_NAME)));
  if (!finished) {
    const built = await buildRound(deps, agency.id, admin.id, demoApplicant, {
      name: ROUND_NAME,
      year: 2025,
      description: 'Seleksi CPNS formasi teknis dan kesehatan. Contoh data demo dengan hasil akhir yang sudah diumumkan.',
      pipeline: PIPELINE,
      formations: FORMATIONS,
      candidates: CANDIDATES,
      prefix: 'CPNS2025-SAWAHLUNTO-9',
      emailTag: '2025',
      days: { closed: ROUND_2025_AGO + 75, skd: ROUND_2025_AGO + 45, skb: ROUND_2025_AGO + 25 },
    });
    const round = { ...ref, selectionId: built.round.id };
    await publishSkdResult({ db, config, ...ref, selectionId: built.round.id, blueprintId: built.skd.id, now: new Date(now - (ROUND_2025_AGO + 35) * DAY) });
    await publishList(resultDeps, 'akhir', { ...round, now: new Date(now - (ROUND_2025_AGO + 12) * DAY), note: 'Hasil akhir ini merupakan data demo.' });
    const hendra = built.people.get('Hendra Gunawan')!;
    const objection = await fileFinalObjection(resultDeps, {
      accountId: hendra.accountId,
      applicationId: hendra.applicationId,
      item: 'birthDate',
      claimedValue: '1996-03-03',
      reason: 'Tanggal lahir saya 3 Maret 1996 sesuai akta kelahiran, sehingga saya lebih tua dan seharusnya di atas peserta dengan nilai sama.',
      now: new Date(now - (ROUND_2025_AGO + 11) * DAY),
    });
    await answerFinalObjection(db, {
      agencyId: agency.id,
      objectionId: objection.id,
      actorId: admin.id,
      accept: false,
      answer: 'KTP dan ijazah yang diunggah mencantumkan 3 Maret 1997; lagi pula urutan Anda ditentukan oleh nilai TKP, bukan usia. Sanggah ditolak.',
      now: new Date(now - (ROUND_2025_AGO + 8) * DAY),
    });
    await publishList(resultDeps, 'akhir_pasca_sanggah', { ...round, now: new Date(now - (ROUND_2025_AGO + 5) * DAY) });
    await startOptimisation(resultDeps, { ...round, offerDays: 5, now: new Date(now - 3600_000) });
    await db.update(selections).set({ status: 'closed' }).where(eq(selections.id, built.round.id));
  }

  const [panelRound] = await db.select({ id: selections.id }).from(selections).where(and(eq(selections.agencyId, agency.id), eq(selections.name, PANEL_ROUND_NAME)));
  if (!panelRound) {
    const built = await buildRound(deps, agency.id, admin.id, demoApplicant, {
      name: PANEL_ROUND_NAME,
      year: 2026,
      description: 'Seleksi CPNS Analis Kebijakan. SKD dan CAT SKB selesai; praktik kerja sedang dinilai panel.',
      pipeline: [...CPNS_PIPELINE],
      formations: [{ key: 'A', positionName: 'Analis Kebijakan Ahli Pertama', unitName: 'Sekretariat Daerah Kota Sawahlunto', count: 2, level: 'S1', programmes: ['Ilmu Pemerintahan', 'Administrasi Publik'] }],
      candidates: PANEL_CANDIDATES,
      prefix: 'CPNS2026-SAWAHLUNTO-9',
      emailTag: '2026',
      days: { closed: 40, skd: 20, skb: 6 },
    });
    await publishSkdResult({ db, config, ...ref, selectionId: built.round.id, blueprintId: built.skd.id, now: new Date(now - 14 * DAY) });
    const component = await createComponent(db, { ...ref, selectionId: built.round.id, data: { stageKey: 'skb', componentKey: 'praktik_kerja', ...presetRubric('praktik_kerja'), settings: DEFAULT_SETTINGS } });
    const finalists = PANEL_CANDIDATES.filter((c) => c.skb !== undefined).map((c) => built.people.get(c.name)!.applicationId);
    const assessors = [penguji.id, academic.id];
    await assignAssessors(db, { agencyId: agency.id, componentId: component.id, actorId: admin.id, applicationIds: finalists, assessorIds: assessors });
    for (const assignment of await assignmentsOf(db, { componentId: component.id })) {
      const person = PANEL_CANDIDATES.find((c) => built.people.get(c.name)!.applicationId === assignment.applicationId)!;
      if (!person.praktik) continue;
      const level = person.praktik[assessors.indexOf(assignment.assessorId)]!;
      await declare(db, { agencyId: agency.id, assessorId: assignment.assessorId, assignmentId: assignment.id, conflict: false });
      await submitScore(db, { agencyId: agency.id, assessorId: assignment.assessorId, assignmentId: assignment.id, scores: levelsAt(level), note: '' });
    }
  }
  return logins;
}

/** Every criterion of the work-practice rubric at one level. */
const levelsAt = (level: number) => Object.fromEntries(presetRubric('praktik_kerja').criteria.map((c) => [c.key, level]));
