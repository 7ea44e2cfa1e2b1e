// Reads of the round a final list is computed from: the selection and its pipeline, its formasi,
// the applications that passed administration, the CAT blueprints and results, and this module's
// own rows. Raw SQL where many rows are read (a round may have tens of thousands of candidates).
import { and, eq, sql } from 'drizzle-orm';
import { ABSENT, emptyCatColumns, SCORED, type CatColumns, type Diploma } from '../../../core/final-ranking.js';
import type { PipelineStage } from '../../../core/pipeline.js';
import { lowerBound } from '../../../core/text-order.js';
import { copyOutText, copyRowCount, copyTextValue, selectArrays, selectRows, uuidLiteral, type Db } from '../../db/client.js';
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

/**
 * The candidates of a round as columns, by application id (the ranking's order): what the ranking
 * reads of each (the applicant's own name and birth date, the diplomas of the frozen profile that
 * the IPK is taken from) and, for each CAT blueprint asked for, the attempts' outcomes aligned
 * with them (core/final-ranking CatColumns).
 */
export type RoundCandidates = {
  ids: string[];
  formasiIds: string[];
  registrationNumbers: string[];
  names: string[];
  birthDates: Array<string | null>;
  /**
   * The profile's diplomas, each with the level and GPA that rankingIpk reads (as the profile holds
   * them, whatever else a diploma holds); null when the profile's education is not a list. Candidates
   * whose diplomas read the same share one list (read only).
   */
  education: Array<readonly Diploma[] | null>;
  cat: CatColumns[];
};

/** A CAT blueprint to read the outcomes of; `subtests`: also its TWK, TIU and TKP (the stage that breaks ties). */
export type BlueprintRead = { id: string; subtests: boolean };

/** The subtests read of a blueprint asked for them, in CatColumns' order. */
const SUBTESTS = ['TWK', 'TIU', 'TKP'] as const;
const DIGIT_0 = 48;
const LETTER_T = 116;
const BACKSLASH = 92;
const LETTER_N = 78;

/**
 * Reads repeated values once: `parse` of each distinct text[from, to), kept by that text, which is
 * found again by a hash of its length and last 16 characters (where ids and the diplomas' GPAs
 * differ) and checked in place, so a value seen before is neither copied out nor parsed again. A
 * round's candidates name a few hundred formations, and many share the same diplomas' levels and GPAs.
 */
export function textMemo<T>(parse: (value: string) => T): (text: string, from: number, to: number) => T {
  const known = new Map<number, { text: string; value: T }>();
  return (text, from, to) => {
    let key = to - from;
    for (let i = Math.max(from, to - 16); i < to; i += 1) key = (key * 31 + text.charCodeAt(i)) | 0;
    const seen = known.get(key);
    if (seen !== undefined && seen.text.length === to - from && text.startsWith(seen.text, from)) return seen.value;
    const value = text.slice(from, to);
    const parsed = parse(value);
    // A different text with the same hash is parsed each time it comes.
    if (seen === undefined) known.set(key, { text: value, value: parsed });
    return parsed;
  };
}

/** The same text as one string per distinct value (textMemo): looked up again, its hash is already known. */
export const interner = () => textMemo((value) => value);

/**
 * The diplomas in applications.ranking_diplomas' form, as COPY writes it (its comment says how):
 * each diploma's level and GPA, null for an empty list (the education is not a list); `whole` when
 * the list is shorter than 1 + 2 × its count, and the diplomas must be read whole.
 */
function rankingDiplomas(value: string): { diplomas: readonly Diploma[] | null; whole: boolean } {
  const listed = JSON.parse(copyTextValue(value)) as unknown[];
  const count = listed.length ? (listed[0] as number) : null;
  if (count === null) return { diplomas: null, whole: false };
  if (listed.length !== 1 + 2 * count) return { diplomas: null, whole: true };
  const diplomas = new Array<Diploma>(count);
  for (let k = 0; k < count; k += 1) diplomas[k] = { level: listed[1 + k] as Diploma['level'], gpa: listed[1 + count + k] as Diploma['gpa'] };
  return { diplomas, whole: false };
}

/** The number written in text[from, to): 0 when empty; plain digits (with a minus) read in place, anything else through Number. */
export function numberIn(text: string, from: number, to: number): number {
  if (from >= to) return 0;
  const negative = text.charCodeAt(from) === 45;
  let value = 0;
  for (let i = negative ? from + 1 : from; i < to; i += 1) {
    const digit = text.charCodeAt(i) - DIGIT_0;
    if (digit < 0 || digit > 9 || i - from > 14) return Number(text.slice(from, to));
    value = value * 10 + digit;
  }
  return negative ? (to - from === 1 ? Number.NaN : -value) : value;
}

/**
 * Applications that passed administration (MS), by application id, with what the ranking reads of
 * them and of their CAT attempts: one COPY in text format (copyOutText), one line per candidate,
 * parsed in place here. A round has tens of thousands of candidates: as result rows, the driver's
 * work per row and per value was a third of the read; as one text per group of candidates
 * (string_agg), PostgreSQL spent a third of the read joining the values into it (a round of
 * 8,000: 49 ms against 32 ms for the COPY). Each stage's results are read by its blueprint
 * (cat_results_blueprint_application_key) and joined by the application each names
 * (cat_results.application_id, set from its attempt by PostgreSQL), without the round's attempts;
 * the few attempts marked absent are read apart. Both reads come from indexes alone: the round's
 * applications from applications_ranking_idx and each stage's results from
 * cat_results_blueprint_application_key, which hold what is read here (migration 0028), so the
 * rows themselves, with each frozen profile, are not read (a round of 8,000: 393 pages instead of
 * 1,608). A birth date missing from its column is taken from the profile, read apart like
 * diplomas that are read whole.
 */
export async function loadCandidatesWithCat(db: Db, selectionId: string, blueprints: readonly BlueprintRead[]): Promise<RoundCandidates> {
  const resultValues = blueprints.map((b, n) => `, r${n}.total, r${n}.passed${b.subtests ? SUBTESTS.map((subtest) => `, r${n}.scores->>'${subtest}'`).join('') : ''}`).join('');
  const joins = blueprints
    .map((b, n) => ` LEFT JOIN (SELECT application_id, total, passed${b.subtests ? ', scores' : ''} FROM cat_results WHERE blueprint_id = ${uuidLiteral(b.id)}) r${n} ON r${n}.application_id = a.id`)
    .join('');
  const text = await copyOutText(
    db,
    `SELECT a.id, a.formasi_id, a.registration_number, a.ranking_diplomas, a.applicant_name, a.birth_date${resultValues}
       FROM applications a${joins}
      WHERE a.selection_id = ${uuidLiteral(selectionId)} AND a.status = 'ms' AND a.registration_number IS NOT NULL
      ORDER BY a.id`,
  );
  const n = copyRowCount(text);
  const cat = blueprints.map(() => emptyCatColumns(n));
  const round: RoundCandidates = { ids: new Array(n), formasiIds: new Array(n), registrationNumbers: new Array(n), names: new Array(n), birthDates: new Array(n), education: new Array(n), cat };
  const widthOf = (b: BlueprintRead) => (b.subtests ? 2 + SUBTESTS.length : 2);
  const width = 6 + blueprints.reduce((sum, b) => sum + widthOf(b), 0);
  // Where each value of a candidate begins (after its separator): value k is text[cut[k] + 1, cut[k + 1]).
  const cut = new Int32Array(width + 1);
  /** COPY's null, \N (a value's own backslash comes doubled). */
  const isNull = (text: string, k: number) => cut[k + 1]! - cut[k]! === 3 && text.charCodeAt(cut[k]! + 1) === BACKSLASH && text.charCodeAt(cut[k]! + 2) === LETTER_N;
  const valueOf = (text: string, k: number) => text.slice(cut[k]! + 1, cut[k + 1]);
  /** A value that may hold what COPY escapes (the applicant's own text, JSON); null for COPY's null. */
  const textOf = (text: string, k: number) => (isNull(text, k) ? null : copyTextValue(valueOf(text, k)));
  const numberAt = (text: string, k: number) => (isNull(text, k) ? 0 : numberIn(text, cut[k]! + 1, cut[k + 1]!));
  /** Candidates whose diplomas are read whole, and those whose birth date is taken from the profile. */
  const whole: number[] = [];
  const undated: number[] = [];
  // A round's formations are few, and many candidates' diplomas read the same: each is read once (textMemo).
  const formationOf = interner();
  const diplomasOf = textMemo(rankingDiplomas);
  // The values are located with indexOf and only those kept are copied out; numbers are read in place.
  for (let i = 0, start = 0; i < n; i += 1) {
    const end = text.indexOf('\n', start);
    let count = 0;
    let at = start - 1;
    do {
      if (count <= width) cut[count] = at;
      count += 1;
      at = text.indexOf('\t', at + 1);
    } while (at !== -1 && at < end);
    if (count !== width) throw new Error(`Data peserta tidak terbaca: ${count} nilai dalam satu baris, seharusnya ${width}.`);
    cut[width] = end;
    round.ids[i] = valueOf(text, 0);
    round.formasiIds[i] = formationOf(text, cut[1]! + 1, cut[2]!);
    round.registrationNumbers[i] = textOf(text, 2)!;
    // The profile's diplomas as applications.ranking_diplomas holds them, null without a profile; shared by the
    // candidates whose diplomas read the same (read only: the ranking takes the IPK from them).
    const diplomas = isNull(text, 3) ? null : diplomasOf(text, cut[3]! + 1, cut[4]!);
    round.education[i] = diplomas?.diplomas ?? null;
    if (diplomas?.whole) whole.push(i);
    round.names[i] = textOf(text, 4) ?? '';
    round.birthDates[i] = textOf(text, 5);
    if (round.birthDates[i] === null) undated.push(i);
    for (let b = 0, k = 6; b < blueprints.length; k += widthOf(blueprints[b]!), b += 1) {
      const columns = cat[b]!;
      // A stored result is a score whatever the attempt's status; without one, absent (below) or still pending (or no attempt).
      if (!isNull(text, k)) {
        columns.state[i] = SCORED;
        columns.total[i] = numberAt(text, k);
        columns.passed[i] = text.charCodeAt(cut[k + 1]! + 1) === LETTER_T && cut[k + 2]! - cut[k + 1]! === 2 ? 1 : 0;
        if (blueprints[b]!.subtests) {
          // A subtest the test does not have counts 0.
          columns.twk[i] = numberAt(text, k + 2);
          columns.tiu[i] = numberAt(text, k + 3);
          columns.tkp[i] = numberAt(text, k + 4);
        }
      }
    }
    start = end + 1;
  }
  if (blueprints.length) {
    // Attempts marked absent are few (cat_attempts_absent_idx): each is found among the ids, which are in order.
    const absent = await selectArrays<string>(db, `SELECT blueprint_id, application_id FROM cat_attempts WHERE blueprint_id = ANY($1::uuid[]) AND status = 'absent'`, [blueprints.map((b) => b.id)]);
    for (const [blueprintId, applicationId] of absent) {
      const i = lowerBound(round.ids, applicationId!);
      if (round.ids[i] !== applicationId) continue;
      for (const [b, blueprint] of blueprints.entries()) if (blueprint.id === blueprintId && cat[b]!.state[i] !== SCORED) cat[b]!.state[i] = ABSENT;
    }
  }
  if (whole.length || undated.length) {
    const fromProfile = await profileValuesOf(db, [...whole, ...undated].map((k) => round.ids[k]!));
    for (const k of whole) round.education[k] = fromProfile.get(round.ids[k]!)?.diplomas ?? null;
    for (const k of undated) round.birthDates[k] = fromProfile.get(round.ids[k]!)?.birthDate ?? null;
  }
  return round;
}

/** What these applications' profiles hold, by application id: the diplomas whole (null when the education is not a list) and the birth date. */
async function profileValuesOf(db: Db, ids: readonly string[]): Promise<Map<string, { diplomas: Diploma[] | null; birthDate: string | null }>> {
  const rows = await selectArrays<string | null>(db, `SELECT id::text, (profile_snapshot->'education')::text, profile_snapshot->>'birthDate' FROM applications WHERE id = ANY($1::uuid[])`, [ids]);
  const values = new Map<string, { diplomas: Diploma[] | null; birthDate: string | null }>();
  for (const [id, text, birthDate] of rows as Array<[string, string | null, string | null]>) {
    const education: unknown = text === null ? null : JSON.parse(text);
    values.set(id, { diplomas: Array.isArray(education) ? (education as Diploma[]) : null, birthDate });
  }
  return values;
}

/** The account and e-mail address of each application of the round (to record and notify a published list), by application id. */
export async function loadContacts(db: Db, selectionId: string): Promise<Map<string, { accountId: string; email: string | null }>> {
  const rows = await selectArrays<string | null>(db, `SELECT id, account_id, email FROM applications WHERE selection_id = $1`, [selectionId]);
  return new Map(rows.map(([id, accountId, email]) => [id!, { accountId: accountId!, email: email ?? null }]));
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
