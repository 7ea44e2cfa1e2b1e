// Reads of the round a final list is computed from: the selection and its pipeline, its formasi,
// the applications that passed administration, the CAT blueprints and results, and this module's
// own rows. Raw SQL where many rows are read (a round may have tens of thousands of candidates).
import { and, eq, sql } from 'drizzle-orm';
import type { PipelineStage } from '../../../core/pipeline.js';
import { selectArrays, selectRows, type Db } from '../../db/client.js';
import { stageResults } from '../sanggah/sanggah.table.js';
import { finalRankings, resultDisqualifications } from './results.table.js';

export type RoundRow = {
  id: string;
  agencyId: string;
  type: 'cpns' | 'pppk' | 'jpt';
  year: number;
  name: string;
  pipeline: PipelineStage[];
  settings: Record<string, unknown>;
  agencyName: string;
  timezone: string;
};

/** The round of this agency (null when it is another agency's or does not exist); `lock` serialises publications. */
export async function loadRound(db: Db, { agencyId, selectionId, lock = false }: { agencyId: string; selectionId: string; lock?: boolean }): Promise<RoundRow | null> {
  const [row] = await selectRows<{ id: string; agency_id: string; type: RoundRow['type']; year: number; name: string; pipeline: PipelineStage[]; settings: Record<string, unknown>; agency_name: string; timezone: string }>(
    db,
    sql`SELECT s.id, s.agency_id, s.type, s.year, s.name, s.pipeline, s.settings, g.name AS agency_name, g.timezone
        FROM selections s JOIN agencies g ON g.id = s.agency_id
        WHERE s.id = ${selectionId} AND s.agency_id = ${agencyId} ${lock ? sql`FOR UPDATE OF s` : sql``}`,
  );
  if (!row) return null;
  return { id: row.id, agencyId: row.agency_id, type: row.type, year: row.year, name: row.name, pipeline: row.pipeline ?? [], settings: row.settings ?? {}, agencyName: row.agency_name, timezone: row.timezone };
}

export type FormasiRow = {
  id: string;
  agency_id: string;
  position_id: string | null;
  unit_id: string | null;
  position_name: string;
  unit_name: string;
  count: number;
  kind: string;
  qualifications: Array<{ level: string; programmes: string[] }>;
  education_levels: string[];
};

export async function loadFormations(db: Db, selectionId: string): Promise<FormasiRow[]> {
  return selectRows<FormasiRow>(
    db,
    sql`SELECT id, agency_id, position_id, unit_id, position_name, unit_name, count, kind, qualifications, education_levels
        FROM formasi WHERE selection_id = ${selectionId} AND status = 'published' ORDER BY id`,
  );
}

export type CandidateRow = {
  id: string;
  account_id: string;
  formasi_id: string;
  registration_number: string;
  name: string;
  email: string | null;
  birth_date: string | null;
  education: Array<{ level?: string; programme?: string; gpa?: number | null }> | null;
};

/** A candidate's attempt of one CAT blueprint, with its stored result (total, scores and passed null while unscored). */
export type CatAttemptRow = { status: string; total: number | null; scores: Record<string, number> | null; passed: boolean | null };

/** The candidates by application id, and for each blueprint asked for, each candidate's attempt at the candidate's index (null without one). */
export type CandidatesWithCat = { candidates: CandidateRow[]; attempts: Array<Array<CatAttemptRow | null>> };

/** Separates the values the server itself wrote (ids, numbers, JSON) in one text column: ASCII's unit separator, which none of them holds (JSON writes control characters escaped). */
const UNIT = '\x1f';

/**
 * Applications that passed administration (MS), by application id (the ranking's order), with
 * what the ranking reads from their frozen profile and, for each given CAT blueprint, their
 * attempt's status and stored result. One statement and one row per candidate (an application
 * has at most one attempt per blueprint). A round has tens of thousands of candidates, and
 * parsing sixteen values a row was a third of the time it took to read them: the values the
 * server wrote itself come joined in one text column and are split here (with the count of
 * values checked), the applicant's own (name, email, birth date) in columns of their own.
 * The round's CAT results are read once, by the round (`r`, materialised): with 4,000,000
 * results stored, the planner otherwise looked each attempt's result up by its key, two index
 * probes per candidate, and the read took twice as long.
 */
export async function loadCandidatesWithCat(db: Db, selectionId: string, blueprintIds: readonly string[]): Promise<CandidatesWithCat> {
  const attemptValues = blueprintIds.map((_, n) => `, coalesce(c${n}.status, ''), coalesce(c${n}.total::text, ''), coalesce(c${n}.scores::text, ''), coalesce(c${n}.passed::int::text, '')`).join('');
  const joins = blueprintIds
    .map((_, n) => ` LEFT JOIN (SELECT t.application_id, t.status, r.total, r.scores, r.passed FROM cat_attempts t LEFT JOIN r ON r.attempt_id = t.id WHERE t.blueprint_id = $${n + 2}) c${n} ON c${n}.application_id = a.id`)
    .join('');
  const rows = await selectArrays<string | null>(
    db,
    `${blueprintIds.length ? 'WITH r AS MATERIALIZED (SELECT attempt_id, total, scores, passed FROM cat_results WHERE selection_id = $1) ' : ''}SELECT concat_ws(E'\\x1f', a.id, a.account_id, a.formasi_id, a.registration_number, coalesce((a.profile_snapshot->'education')::text, '')${attemptValues}),
            coalesce(a.applicant_name, ''), a.email, coalesce(a.birth_date, a.profile_snapshot->>'birthDate')
       FROM applications a${joins}
      WHERE a.selection_id = $1 AND a.status = 'ms' AND a.registration_number IS NOT NULL
      ORDER BY a.id`,
    [selectionId, ...blueprintIds],
  );
  const width = 5 + 4 * blueprintIds.length;
  const candidates: CandidateRow[] = [];
  const attempts = blueprintIds.map(() => new Array<CatAttemptRow | null>(rows.length).fill(null));
  for (const [packed, name, email, birthDate] of rows) {
    const v = packed!.split(UNIT);
    if (v.length !== width) throw new Error(`Data peserta tidak terbaca: ${v.length} nilai dalam satu baris, seharusnya ${width}.`);
    const i = candidates.length;
    candidates.push({ id: v[0]!, account_id: v[1]!, formasi_id: v[2]!, registration_number: v[3]!, name: name!, email: email ?? null, birth_date: birthDate ?? null, education: v[4] ? (JSON.parse(v[4]) as CandidateRow['education']) : null });
    for (let n = 0, k = 5; n < blueprintIds.length; n += 1, k += 4) {
      if (!v[k]) continue; // no attempt
      attempts[n]![i] = { status: v[k]!, total: v[k + 1] ? Number(v[k + 1]) : null, scores: v[k + 2] ? (JSON.parse(v[k + 2]!) as Record<string, number>) : null, passed: v[k + 3] ? v[k + 3] === '1' : null };
    }
  }
  return { candidates, attempts };
}

export type BlueprintRow = { id: string; stage_key: string; preset: string; duration_minutes: number; sections: Array<{ subtest: string; count: number }>; pass_rules: Record<string, unknown> };

export async function loadBlueprints(db: Db, selectionId: string): Promise<BlueprintRow[]> {
  return selectRows<BlueprintRow>(db, sql`SELECT id, stage_key, preset, duration_minutes, sections, pass_rules FROM cat_blueprints WHERE selection_id = ${selectionId}`);
}

export type CatOutcomeRow = { application_id: string; attempt_id: string; status: string; total: number | null; scores: Record<string, number> | null; passed: boolean | null; corrected: boolean | null; registration_number: string | null };

/** Every attempt of a blueprint with its stored result (null while unscored). */
export async function loadCatOutcomes(db: Db, blueprintId: string): Promise<CatOutcomeRow[]> {
  return selectRows<CatOutcomeRow>(
    db,
    sql`SELECT a.application_id, a.id AS attempt_id, a.status, r.total, r.scores, r.passed, r.original IS NOT NULL AS corrected, r.registration_number
        FROM cat_attempts a LEFT JOIN cat_results r ON r.attempt_id = a.id
        WHERE a.blueprint_id = ${blueprintId}`,
  );
}

export async function loadDisqualifications(db: Db, selectionId: string) {
  return db.select().from(resultDisqualifications).where(eq(resultDisqualifications.selectionId, selectionId));
}

/** The stage results (publications) of a round. */
export async function stagesOf(db: Db, selectionId: string) {
  return db.select().from(stageResults).where(eq(stageResults.selectionId, selectionId));
}

export async function rankingOf(db: Db, stageResultId: string) {
  const [row] = await db.select().from(finalRankings).where(eq(finalRankings.stageResultId, stageResultId));
  return row ?? null;
}

export async function rankingsOf(db: Db, { agencyId, selectionId }: { agencyId: string; selectionId: string }) {
  return db
    .select({ ranking: finalRankings, stage: stageResults })
    .from(finalRankings)
    .innerJoin(stageResults, eq(stageResults.id, finalRankings.stageResultId))
    .where(and(eq(finalRankings.selectionId, selectionId), eq(finalRankings.agencyId, agencyId)));
}
