// Reports of a CAT stage. The heavy parts are aggregated by the database (results and answers can
// be hundreds of thousands of rows): attendance and score statistics with GROUPING SETS, the
// distribution as counts per score, item analysis as counts per question and option with the
// upper and lower 27% groups ranked by window functions. Only counts reach the server.
import { and, eq, sql } from 'drizzle-orm';
import { catSubtest, optionLabel } from '../../../core/cat-bank.js';
import { PRESETS, sectionMaxPoints, type BlueprintPreset } from '../../../core/cat-blueprint.js';
import { DIFFICULTY_LABELS, DISCRIMINATION_LABELS, itemIndices, itemVerdict, reportBinWidth } from '../../../core/cat-report.js';
import { toRational } from '../../../core/exact.js';
import type { CatReport, ItemReport, ItemsReport, ReportGroup, ScoreDistribution, ScoreStats } from '../../../core/schemas/cat-reports.js';
import { histogram, STATS_PRESET } from '../../../core/stats.js';
import { formatInZone, isAgencyZone } from '../../../core/time.js';
import { selectRows, type Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import type { Actor } from '../../policy.js';
import { getAgency } from '../agencies/agencies.service.js';
import { catBankPolicy } from '../cat-banks/cat-banks.policy.js';
import { questionsForReport } from '../cat-banks/cat-banks.service.js';
import { catBlueprints } from '../cat/cat.table.js';
import { allFormasi } from '../formasi/formasi.service.js';

export type ReportRef = { agencyId: string; selectionId: string; blueprintId: string };
type BlueprintRow = typeof catBlueprints.$inferSelect;

async function findBlueprint(db: Db, ref: ReportRef): Promise<BlueprintRow> {
  const [row] = await db
    .select()
    .from(catBlueprints)
    .where(and(eq(catBlueprints.id, ref.blueprintId), eq(catBlueprints.agencyId, ref.agencyId), eq(catBlueprints.selectionId, ref.selectionId)));
  if (!row) throw notFound('Cetak biru');
  return row;
}

/** The blueprint's subtests in its order, with the most each can give. */
function subtestsOf(blueprint: BlueprintRow) {
  const max = new Map<string, number>();
  for (const section of blueprint.sections) max.set(section.subtest, (max.get(section.subtest) ?? 0) + sectionMaxPoints(section));
  return [...max].map(([code, maxPoints]) => ({ code, name: catSubtest(code)?.name ?? code, maxPoints }));
}

const round2 = (value: number | null) => (value === null || value === undefined ? null : Math.round(Number(value) * 100) / 100);
const stats = (row: { mean: number | null; median: number | null; min: number | null; max: number | null } | undefined): ScoreStats => ({
  mean: round2(row?.mean ?? null),
  median: round2(row?.median ?? null),
  min: row?.min === null || row?.min === undefined ? null : Number(row.min),
  max: row?.max === null || row?.max === undefined ? null : Number(row.max),
});

type GroupRow = {
  session_id: string | null;
  formasi_id: string | null;
  g_session: number;
  g_formasi: number;
  participants: number;
  present: number;
  absent: number;
  finished: number;
  passed: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
};
type SubtestRow = Omit<GroupRow, 'participants' | 'present' | 'absent' | 'finished' | 'passed'> & { code: string };

/** Which grouping a row of GROUPING SETS ((), (session), (formasi)) belongs to. */
const setOf = (row: { g_session: number; g_formasi: number }) => (Number(row.g_session) === 1 && Number(row.g_formasi) === 1 ? 'all' : Number(row.g_session) === 0 ? 'session' : 'formasi');

async function groupRows(db: Db, ref: ReportRef) {
  const groups = await selectRows<GroupRow>(
    db,
    sql`SELECT a.session_id::text AS session_id, a.formasi_id::text AS formasi_id,
               GROUPING(a.session_id) AS g_session, GROUPING(a.formasi_id) AS g_formasi,
               count(*)::int AS participants,
               count(*) FILTER (WHERE a.started_at IS NOT NULL)::int AS present,
               count(*) FILTER (WHERE a.started_at IS NULL AND (a.status = 'absent' OR s.status = 'closed'))::int AS absent,
               count(r.attempt_id)::int AS finished,
               count(*) FILTER (WHERE r.passed)::int AS passed,
               avg(r.total)::float8 AS mean,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY r.total)::float8 AS median,
               min(r.total)::float8 AS min, max(r.total)::float8 AS max
          FROM cat_attempts a
          LEFT JOIN cat_sessions s ON s.id = a.session_id
          LEFT JOIN cat_results r ON r.attempt_id = a.id
         WHERE a.agency_id = ${ref.agencyId} AND a.selection_id = ${ref.selectionId} AND a.blueprint_id = ${ref.blueprintId}
         GROUP BY GROUPING SETS ((), (a.session_id), (a.formasi_id))`,
  );
  const subtests = await selectRows<SubtestRow>(
    db,
    sql`SELECT a.session_id::text AS session_id, a.formasi_id::text AS formasi_id,
               GROUPING(a.session_id) AS g_session, GROUPING(a.formasi_id) AS g_formasi, kv.key AS code,
               avg(kv.value::numeric)::float8 AS mean,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY kv.value::numeric)::float8 AS median,
               min(kv.value::numeric)::float8 AS min, max(kv.value::numeric)::float8 AS max
          FROM cat_attempts a
          JOIN cat_results r ON r.attempt_id = a.id
          CROSS JOIN LATERAL jsonb_each_text(r.scores) kv
         WHERE a.agency_id = ${ref.agencyId} AND a.selection_id = ${ref.selectionId} AND a.blueprint_id = ${ref.blueprintId}
         GROUP BY GROUPING SETS ((kv.key), (a.session_id, kv.key), (a.formasi_id, kv.key))`,
  );
  return { groups, subtests };
}

type SessionInfo = { id: string; name: string; starts_ms: number; status: string; room: string; venue: string };

async function sessionsOf(db: Db, ref: ReportRef): Promise<SessionInfo[]> {
  return selectRows<SessionInfo>(
    db,
    sql`SELECT s.id::text AS id, s.name, (extract(epoch FROM s.starts_at) * 1000)::float8 AS starts_ms, s.status, r.name AS room, v.name AS venue
          FROM cat_sessions s JOIN cat_rooms r ON r.id = s.room_id JOIN cat_venues v ON v.id = r.venue_id
         WHERE s.agency_id = ${ref.agencyId} AND s.selection_id = ${ref.selectionId} AND s.blueprint_id = ${ref.blueprintId}
         ORDER BY s.starts_at, s.name`,
  );
}

const SESSION_STATUS: Record<string, string> = { scheduled: 'terjadwal', open: 'berlangsung', closed: 'selesai' };

export type DistributionOptions = ReportRef & { subtest?: string | undefined; sessionId?: string | undefined; formasiId?: string | undefined; binWidth?: number | undefined };

/** Counts per score, binned as core/stats histogram does (last bin closed at the maximum). */
async function distribution(db: Db, options: DistributionOptions & { max: number }): Promise<ScoreDistribution> {
  const value = options.subtest ? sql`(r.scores ->> ${options.subtest})::numeric` : sql`r.total`;
  const counts = await selectRows<{ value: number; n: number }>(
    db,
    sql`SELECT ${value}::float8 AS value, count(*)::int AS n
          FROM cat_attempts a JOIN cat_results r ON r.attempt_id = a.id
         WHERE a.agency_id = ${options.agencyId} AND a.selection_id = ${options.selectionId} AND a.blueprint_id = ${options.blueprintId}
           ${options.sessionId ? sql`AND a.session_id = ${options.sessionId}` : sql``}
           ${options.formasiId ? sql`AND a.formasi_id = ${options.formasiId}` : sql``}
           AND ${value} IS NOT NULL
         GROUP BY 1`,
  );
  const max = Math.max(1, options.max);
  const binWidth = options.binWidth ?? reportBinWidth(max);
  const values = counts.flatMap((row) => Array.from({ length: Number(row.n) }, () => Number(row.value)));
  const result = histogram({ values, min: 0, max, binWidth: Math.min(binWidth, max) });
  return { subtest: options.subtest ?? null, binWidth, max, bins: result.bins.map((bin) => ({ ...bin })) };
}

export type ReportOptions = ReportRef & Omit<DistributionOptions, keyof ReportRef>;

export async function stageReport(db: Db, options: ReportOptions): Promise<CatReport> {
  const blueprint = await findBlueprint(db, options);
  const subtests = subtestsOf(blueprint);
  const maxTotal = subtests.reduce((sum, subtest) => sum + subtest.maxPoints, 0);
  const [{ groups, subtests: subtestRows }, sessions, formasi, agency] = await Promise.all([
    groupRows(db, options),
    sessionsOf(db, options),
    allFormasi(db, { agencyId: options.agencyId, selectionId: options.selectionId }),
    getAgency(db, options.agencyId),
  ]);
  const zone = isAgencyZone(agency.timezone) ? agency.timezone : 'Asia/Jakarta';
  const subtestStats = (set: string, key: string | null) =>
    subtests.map((subtest) => ({
      code: subtest.code,
      ...stats(subtestRows.find((row) => setOf(row) === set && row.code === subtest.code && (set === 'all' || (set === 'session' ? row.session_id : row.formasi_id) === key))),
    }));
  const group = (row: GroupRow | undefined, set: string, key: string | null, name: string, detail: string): ReportGroup => {
    const participants = row?.participants ?? 0;
    const present = row?.present ?? 0;
    const absent = row?.absent ?? 0;
    const finished = row?.finished ?? 0;
    const passed = row?.passed ?? 0;
    return {
      key,
      name,
      detail,
      participants,
      present,
      absent,
      pending: participants - present - absent,
      finished,
      passed,
      passRate: finished === 0 ? null : Math.round((passed / finished) * 10_000) / 10_000,
      total: stats(row),
      subtests: subtestStats(set, key),
    };
  };

  const sessionRows = groups.filter((row) => setOf(row) === 'session');
  const bySession = sessions.map((session) =>
    group(
      sessionRows.find((row) => row.session_id === session.id),
      'session',
      session.id,
      session.name,
      `${session.venue}, ${session.room} · ${formatInZone(new Date(Number(session.starts_ms)), zone)} · ${SESSION_STATUS[session.status] ?? session.status}`,
    ),
  );
  const unscheduled = sessionRows.find((row) => row.session_id === null);
  if (unscheduled) bySession.push(group(unscheduled, 'session', null, 'Belum dibagi ke sesi', 'Peserta yang belum mendapat sesi ujian'));

  const formasiRows = groups.filter((row) => setOf(row) === 'formasi');
  const byFormasi = formasiRows
    .map((row) => {
      const found = formasi.rows.find((item) => item.id === row.formasi_id);
      return group(row, 'formasi', row.formasi_id, found?.positionName ?? 'Formasi tidak ditemukan', found ? `${found.unitName} · ${found.count} kebutuhan · jenis ${found.kind}` : '');
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'id') || a.detail.localeCompare(b.detail, 'id'));

  const subtestMax = options.subtest ? (subtests.find((subtest) => subtest.code === options.subtest)?.maxPoints ?? 0) : maxTotal;
  return {
    blueprint: { id: blueprint.id, name: blueprint.name, stageKey: blueprint.stageKey, preset: PRESETS[blueprint.preset as BlueprintPreset]?.label ?? blueprint.preset, subtests, maxTotal },
    overall: group(groups.find((row) => setOf(row) === 'all'), 'all', null, 'Seluruh peserta', blueprint.name),
    bySession,
    byFormasi,
    distribution: await distribution(db, { ...options, max: subtestMax }),
  };
}

// ---- Item analysis ---------------------------------------------------------------------------------

type OptionCountRow = { question_id: string; option_id: string | null; n: number; group_size: number; chosen: number; upper: number; lower: number };

export type ItemAnalysisOptions = ReportRef & {
  actor: Actor;
  page: number;
  pageSize: number;
  subtest?: string | undefined;
  sessionId?: string | undefined;
  review?: boolean | undefined;
};

/** Every question of the stage's papers with its indices, worst discrimination first within each subtest. */
export async function allItems(db: Db, options: Omit<ItemAnalysisOptions, 'page' | 'pageSize'>): Promise<{ items: ItemReport[]; takers: number }> {
  const blueprint = await findBlueprint(db, options);
  const fraction = toRational(STATS_PRESET.itemGroupFraction);
  const num = Number(fraction.num);
  const den = Number(fraction.den);
  const filter = options.sessionId ? sql`AND a.session_id = ${options.sessionId}` : sql``;
  // Groups per question: a paper draws from a pool, so each question has its own takers.
  const rows = await selectRows<OptionCountRow>(
    db,
    sql`WITH takers AS (
          SELECT a.id, r.total FROM cat_attempts a JOIN cat_results r ON r.attempt_id = a.id
           WHERE a.agency_id = ${options.agencyId} AND a.selection_id = ${options.selectionId} AND a.blueprint_id = ${options.blueprintId} ${filter}
        ), responses AS (
          SELECT p.question_id, ans.option_id,
                 row_number() OVER (PARTITION BY p.question_id ORDER BY t.total DESC, t.id::text COLLATE "C") AS rank,
                 count(*) OVER (PARTITION BY p.question_id) AS n
            FROM takers t
            JOIN cat_paper_items p ON p.attempt_id = t.id
            LEFT JOIN cat_answers ans ON ans.attempt_id = t.id AND ans.question_id = p.question_id
        ), sized AS (
          SELECT question_id, option_id, rank, n, LEAST(n / 2, (2 * ${num}::bigint * n + ${den}::bigint) / (2 * ${den}::bigint)) AS group_size FROM responses
        )
        SELECT question_id::text AS question_id, option_id, max(n)::int AS n, max(group_size)::int AS group_size, count(*)::int AS chosen,
               count(*) FILTER (WHERE rank <= group_size)::int AS upper,
               count(*) FILTER (WHERE rank > n - group_size)::int AS lower
          FROM sized GROUP BY question_id, option_id`,
  );
  const [takers] = await selectRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM cat_attempts a JOIN cat_results r ON r.attempt_id = a.id
         WHERE a.agency_id = ${options.agencyId} AND a.selection_id = ${options.selectionId} AND a.blueprint_id = ${options.blueprintId} ${filter}`,
  );
  const byQuestion = new Map<string, OptionCountRow[]>();
  for (const row of rows) byQuestion.set(row.question_id, [...(byQuestion.get(row.question_id) ?? []), row]);
  const questions = await questionsForReport(db, [...byQuestion.keys()]);
  const order = subtestsOf(blueprint).map((subtest) => subtest.code);

  const items = questions
    .filter((question) => !options.subtest || question.subtest === options.subtest)
    .map((question): ItemReport => {
      const counts = byQuestion.get(question.id) ?? [];
      const n = counts[0]?.n ?? 0;
      const groupSize = counts[0]?.group_size ?? 0;
      const weighted = question.type === 'weighted';
      const pointsOf = (optionId: string | null) => {
        if (optionId === null) return 0;
        const option = question.options.find((o) => o.id === optionId);
        if (!option) return 0;
        return weighted ? (option.points ?? 0) : optionId === question.keyOptionId ? 1 : 0;
      };
      const maxPoints = weighted ? Math.max(0, ...question.options.map((o) => o.points ?? 0)) : 1;
      const sum = (pick: (row: OptionCountRow) => number) => counts.reduce((total, row) => total + pick(row) * pointsOf(row.option_id), 0);
      const indices = itemIndices({ n, groupSize, maxPoints, points: sum((row) => row.chosen), upperPoints: sum((row) => row.upper), lowerPoints: sum((row) => row.lower) });
      const verdict = itemVerdict(indices);
      const manages = catBankPolicy.manage(options.actor, question.bank);
      const countFor = (optionId: string | null) => counts.find((row) => row.option_id === optionId);
      return {
        questionId: question.id,
        subtest: question.subtest,
        topic: question.topic,
        bankName: question.bank.name,
        national: question.bank.agencyId === null,
        n,
        groupSize,
        blank: countFor(null)?.chosen ?? 0,
        difficulty: indices.difficulty === null ? null : Math.round(indices.difficulty * 10_000) / 10_000,
        discrimination: indices.discrimination === null ? null : Math.round(indices.discrimination * 10_000) / 10_000,
        difficultyLabel: verdict.difficulty ? DIFFICULTY_LABELS[verdict.difficulty] : null,
        discriminationLabel: verdict.discrimination ? DISCRIMINATION_LABELS[verdict.discrimination] : null,
        review: verdict.review,
        content: manages
          ? {
              stem: question.stem,
              options: question.options.map((option, index) => ({
                label: optionLabel(index),
                text: option.text,
                isKey: option.id === question.keyOptionId,
                points: typeof option.points === 'number' ? option.points : null,
                chosen: countFor(option.id)?.chosen ?? 0,
                upper: countFor(option.id)?.upper ?? 0,
                lower: countFor(option.id)?.lower ?? 0,
              })),
            }
          : null,
      };
    })
    .filter((item) => options.review === undefined || item.review === options.review)
    .sort(
      (a, b) =>
        order.indexOf(a.subtest) - order.indexOf(b.subtest) ||
        (a.discrimination ?? Infinity) - (b.discrimination ?? Infinity) ||
        (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0),
    );
  return { items, takers: takers?.n ?? 0 };
}

export async function itemAnalysisPage(db: Db, options: ItemAnalysisOptions): Promise<ItemsReport> {
  const { items, takers } = await allItems(db, options);
  const page = items.slice((options.page - 1) * options.pageSize, options.page * options.pageSize);
  return { items: page, total: items.length, page: options.page, pageSize: options.pageSize, takers, withoutContent: items.filter((item) => item.content === null).length };
}
