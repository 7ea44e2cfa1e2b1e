// What the panel, the observers and the pages read: where a round's final result stands, a page
// of a ranking (the live preview or a published list) with the tie-break reasons.
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { FinalLine } from '../../../core/final-ranking.js';
import { FINAL_OBJECTION_DEFAULTS, formatScore, formatUnits, type FinalList } from '../../../core/final-results.js';
import type { FinalOverview, ListView, RankingLine, RankingPage } from '../../../core/schemas/results.js';
import type { Db } from '../../db/client.js';
import { accountNames } from '../verification/verification.repo.js';
import { optimisationSummary } from './optimisation.service.js';
import { rankingOf, stagesOf } from './results.repo.js';
import { finalObjections, resultDisqualifications } from './results.table.js';
import { computeList, countsOf, disqualificationsOf, postObjectionIssues, publishedPage, requireRound, type LineRow, type ResultDeps, type RoundRef } from './results.service.js';
import { selections } from '../selections/selections.table.js';
import { stageResults } from '../sanggah/sanggah.table.js';

const DAY_MS = 86_400_000;

async function publicationOf(db: Db, stage: typeof stageResults.$inferSelect | undefined, names: Map<string, string>) {
  if (!stage) return null;
  const ranking = await rankingOf(db, stage.id);
  return {
    stageResultId: stage.id,
    publishedAt: stage.publishedAt.toISOString(),
    announcementId: stage.announcementId,
    resultHash: stage.resultHash,
    objectionOpensAt: stage.objectionOpensAt?.toISOString() ?? null,
    objectionClosesAt: stage.objectionClosesAt?.toISOString() ?? null,
    answerDueAt: stage.objectionClosesAt ? new Date(stage.objectionClosesAt.getTime() + FINAL_OBJECTION_DEFAULTS.answerDays * DAY_MS).toISOString() : null,
    counts: ranking?.counts ?? {},
    publishedBy: stage.publishedBy ? (names.get(stage.publishedBy) ?? null) : null,
  };
}

export async function objectionCounts(db: Db, stageResultId: string | undefined) {
  if (!stageResultId) return { diajukan: 0, diterima: 0, ditolak: 0 };
  const rows = await db.select({ status: finalObjections.status, n: count() }).from(finalObjections).where(eq(finalObjections.stageResultId, stageResultId)).groupBy(finalObjections.status);
  const by = new Map(rows.map((r) => [r.status, r.n]));
  return { diajukan: by.get('diajukan') ?? 0, diterima: by.get('diterima') ?? 0, ditolak: by.get('ditolak') ?? 0 };
}

/** Where a round's final result stands, and what may be done next. */
export async function finalOverview(deps: ResultDeps, { agencyId, selectionId, now = new Date() }: RoundRef & { now?: Date }): Promise<FinalOverview> {
  const round = await requireRound(deps.db, { agencyId, selectionId });
  const stages = await stagesOf(deps.db, selectionId);
  const first = stages.find((s) => s.stage === 'akhir');
  const second = stages.find((s) => s.stage === 'akhir_pasca_sanggah');
  const names = await accountNames(deps.db, stages.map((s) => s.publishedBy));
  // Read once: the preview integrates with them, and the overview counts them.
  const disqualified = await disqualificationsOf(deps.db, selectionId);
  const preview = first ? null : await computeList({ deps, agencyId, selectionId, source: 'recorded', round, disqualified });
  const [objections, optimisation, postIssues] = await Promise.all([
    objectionCounts(deps.db, first?.id),
    optimisationSummary(deps.db, { agencyId, selectionId }),
    postObjectionIssues(deps.db, { selectionId, now }),
  ]);
  // The lines that would be printed (those with a status), counted without printing them.
  const printed = preview ? countsOf(preview.result.lines).candidates! : 0;
  const publishIssues = first ? ['Hasil akhir seleksi ini sudah diumumkan.'] : [...preview!.result.issues, ...(printed ? [] : ['Belum ada peserta pada tahap akhir seleksi ini.'])];
  const optimisationIssues: string[] = [];
  if (!second) optimisationIssues.push('Optimalisasi dimulai setelah hasil akhir pasca sanggah diumumkan.');
  if (optimisation.started) optimisationIssues.push('Optimalisasi seleksi ini sudah dimulai.');
  else if (second && optimisation.unfilled === 0) optimisationIssues.push('Semua formasi sudah terisi; tidak ada yang perlu dioptimalkan.');
  return {
    selection: { id: round.id, name: round.name, type: round.type, year: round.year, timezone: round.timezone },
    stages: preview?.result.plan.stages ?? (await rankingOf(deps.db, (second ?? first)!.id))?.basis.stages ?? [],
    preview: preview
      ? { issues: preview.result.issues, finalists: preview.result.lines.length, ranked: printed, eliminated: preview.result.eliminated.length }
      : { issues: [], finalists: 0, ranked: 0, eliminated: 0 },
    akhir: await publicationOf(deps.db, first, names),
    pascaSanggah: await publicationOf(deps.db, second, names),
    objections,
    disqualified: disqualified.length,
    optimisation,
    can: {
      publish: { allowed: publishIssues.length === 0, issues: publishIssues },
      publishPostObjection: { allowed: postIssues.length === 0, issues: postIssues },
      startOptimisation: { allowed: optimisationIssues.length === 0, issues: optimisationIssues },
    },
  };
}

/** The agency's rounds with where their final result stands (rounds with MS applications). */
export async function finalOverviewList(db: Db, { agencyId }: { agencyId: string }) {
  const rows = await db
    .select({ id: selections.id, name: selections.name, type: selections.type, year: selections.year })
    .from(selections)
    .where(and(eq(selections.agencyId, agencyId), sql`exists (select 1 from applications a where a.selection_id = ${selections.id} and a.status = 'ms')`))
    .orderBy(desc(selections.year), desc(selections.createdAt));
  const stages = rows.length ? await db.select().from(stageResults).where(and(inArray(stageResults.selectionId, rows.map((r) => r.id)), inArray(stageResults.stage, ['akhir', 'akhir_pasca_sanggah']))) : [];
  return {
    items: rows.map((r) => {
      const mine = stages.filter((s) => s.selectionId === r.id);
      const latest = mine.find((s) => s.stage === 'akhir_pasca_sanggah') ?? mine.find((s) => s.stage === 'akhir');
      return { ...r, published: (latest?.stage ?? 'belum') as 'belum' | FinalList, publishedAt: latest?.publishedAt.toISOString() ?? null };
    }),
  };
}

// ---- Ranking pages ----------------------------------------------------------------------------

export function lineOfComputed(line: FinalLine, label: string, decimals: number, leafKeys: readonly string[]): RankingLine {
  return {
    applicationId: line.applicationId,
    registrationNumber: line.registrationNumber,
    name: line.name,
    formasiId: line.formasiId,
    formasi: label,
    rank: line.rank,
    status: line.status,
    finalScore: line.finalUnits === null ? null : formatUnits(line.finalUnits, decimals),
    scores: Object.fromEntries(leafKeys.map((key) => [key, formatScore(line.scores[key])])),
    decidedByAbove: line.decidedByAbove,
    decidedByBelow: line.decidedByBelow,
    missing: [...line.missing],
  };
}

export function lineOfRow(row: LineRow, decimals: number, leafKeys: readonly string[]): RankingLine {
  return {
    applicationId: row.applicationId,
    registrationNumber: row.registrationNumber,
    name: row.name,
    formasiId: row.formasiId,
    formasi: row.formasiLabel,
    rank: row.rank,
    status: row.status as RankingLine['status'],
    finalScore: row.finalUnits === null ? null : formatUnits(row.finalUnits, decimals),
    scores: Object.fromEntries(leafKeys.map((key) => [key, formatScore(row.scores[key])])),
    decidedByAbove: row.decidedByAbove,
    decidedByBelow: row.decidedByBelow,
    missing: [],
  };
}

export type RankingPageInput = RoundRef & { list: ListView; formasiId?: string | undefined; status?: string | undefined; q?: string | undefined; page: number; pageSize: number };

/** A page of the live preview or of a published list, per formation, with the tie-break reason on each line. */
export async function rankingPage(deps: ResultDeps, input: RankingPageInput): Promise<RankingPage> {
  const { agencyId, selectionId, list, page, pageSize } = input;
  const round = await requireRound(deps.db, { agencyId, selectionId });
  if (list === 'preview') {
    const computed = await computeList({ deps, agencyId, selectionId, source: 'recorded', round });
    const { result, inputs } = computed;
    const leafKeys = result.plan.leaves.map((l) => l.key);
    const needle = input.q?.toLowerCase();
    const lines = result.lines.filter(
      (l) =>
        (!input.formasiId || l.formasiId === input.formasiId) &&
        (!input.status || l.status === input.status) &&
        (!needle || l.name.toLowerCase().includes(needle) || l.registrationNumber.toLowerCase().includes(needle)),
    );
    return {
      list,
      resultHash: null,
      issues: result.issues,
      leaves: result.plan.leaves.map((l) => ({ key: l.key, name: l.name, max: result.maxes.get(l.key) ?? null })),
      formations: result.formations.map((f) => ({ id: f.id, label: f.label, count: f.count, places: f.places })),
      items: lines.slice((page - 1) * pageSize, page * pageSize).map((l) => lineOfComputed(l, inputs.formations.get(l.formasiId)!.label, inputs.input.integration.decimals, leafKeys)),
      total: lines.length,
      page,
      pageSize,
    };
  }
  const stage = (await stagesOf(deps.db, round.id)).find((s) => s.stage === list);
  const ranking = stage ? await rankingOf(deps.db, stage.id) : null;
  if (!stage || !ranking) return { list, resultHash: null, issues: [], leaves: [], formations: [], items: [], total: 0, page, pageSize };
  const { rows, total } = await publishedPage(deps.db, stage.id, { search: input.q, formasiId: input.formasiId, status: input.status, page, pageSize });
  const leafKeys = ranking.basis.leaves.map((l) => l.key);
  return {
    list,
    resultHash: stage.resultHash,
    issues: [],
    leaves: ranking.basis.leaves.map((l) => ({ key: l.key, name: l.name, max: l.max })),
    formations: ranking.basis.formations,
    items: rows.map((row) => lineOfRow(row, ranking.basis.decimals, leafKeys)),
    total,
    page,
    pageSize,
  };
}

export async function disqualificationList(db: Db, { agencyId, selectionId }: RoundRef) {
  await requireRound(db, { agencyId, selectionId });
  const rows = await db
    .select({ d: resultDisqualifications, registrationNumber: sql<string>`a.registration_number`, name: sql<string>`coalesce(a.applicant_name, '')` })
    .from(resultDisqualifications)
    .innerJoin(sql`applications a`, sql`a.id = ${resultDisqualifications.applicationId}`)
    .where(eq(resultDisqualifications.selectionId, selectionId))
    .orderBy(resultDisqualifications.createdAt);
  const names = await accountNames(db, rows.map((r) => r.d.createdBy));
  return {
    items: rows.map((r) => ({
      applicationId: r.d.applicationId,
      registrationNumber: r.registrationNumber,
      name: r.name,
      reason: r.d.reason,
      createdAt: r.d.createdAt.toISOString(),
      createdBy: r.d.createdBy ? (names.get(r.d.createdBy) ?? null) : null,
    })),
  };
}
