/**
 * The final ranking of a round from its pipeline (domain rules §4, §5, §7), as a pure function of
 * the recorded scores: who is still in the selection after each eliminating stage (SKD: pass mark,
 * then 3 × the formation count with ties at the cut-off, core/proceed.ts), each finalist's scores
 * integrated by the stored weights (core/integration.ts), and the order per formation with the
 * tie-break chain (core/ranking.ts). The server calls it when it previews, publishes and
 * recomputes a list, so all three follow the same rules.
 */
import { compare, roundHalfUp, toRational, type Rational } from './exact.js';
import { compileIntegration, integrateStages, type CompiledIntegration, type IntegrationPreset } from './integration.js';
import { integrationPlan, planShape, stageTree, type IntegrationPlan, type LeafScore } from './final-results.js';
import { isPlainCatStage, type PipelineStage } from './pipeline.js';
import { proceedingByColumns, SKB_PROCEED_PRESET } from './proceed.js';
import { rankFormations, RANKING_STATUSES, type DecidingCriterion, type RankingColumns, type RankingPreset, type RankingStatus, type RankingTable } from './ranking.js';
import { byText } from './text-order.js';

export type CatOutcome = { state: 'scored'; total: number; scores: Readonly<Record<string, number>>; passed: boolean } | { state: 'absent' } | { state: 'pending' };

/** An outcome's state in columns (CatColumns.state, and the ranking's own columns). */
export const SCORED = 0;
export const ABSENT = 1;
export const PENDING = 2;

/**
 * A CAT stage's outcomes as columns aligned with the input's `candidates`, instead of an object
 * per outcome (what the server hands over for a round of tens of thousands): `state` SCORED,
 * ABSENT or PENDING (also for no attempt); for a scored outcome its `total`, whether it met the
 * pass marks (`passed` 1) and the TWK, TIU and TKP subtests that break ties (0 where the test has
 * none). Equivalent to the same outcomes in a map (a differential test holds the two together).
 */
export type CatColumns = { state: Uint8Array; total: Float64Array; passed: Uint8Array; twk: Float64Array; tiu: Float64Array; tkp: Float64Array };

/**
 * A panel leaf's outcomes as columns aligned with the input's `candidates`: `state` SCORED, ABSENT
 * or PENDING (also for no row), and for a scored outcome its `score` out of `max`.
 */
export type PanelColumns = { state: Uint8Array; score: Float64Array; max: Float64Array };

/** Columns of `n` candidates without an outcome yet (all PENDING), to be filled. */
export function emptyPanelColumns(n: number): PanelColumns {
  return { state: new Uint8Array(n).fill(PENDING), score: new Float64Array(n), max: new Float64Array(n) };
}

/** A panel leaf: each application's outcome, in a map (missing = not scored yet) or in columns. */
export type PanelLeafInput = ReadonlyMap<string, PanelOutcome> | PanelColumns;

/** A CAT stage: the scale of its test and each application's outcome, in a map (missing = no attempt) or in columns. */
export type CatStageInput = { max: number; outcomes: ReadonlyMap<string, CatOutcome> } | { max: number; columns: CatColumns };
export type PanelOutcome = { state: 'scored'; score: number; max: number } | { state: 'absent' } | { state: 'pending' };

export type RankingFormationInput = { id: string; label: string; count: number };

export type FinalCandidateInput = {
  applicationId: string;
  registrationNumber: string;
  name: string;
  formasiId: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  ipk: number | null;
  disqualified: boolean;
};

/** A diploma as the applicant's profile holds it (level such as S1, GPA). */
export type Diploma = { level?: string | null; gpa?: number | null };

/** The diploma levels a formation asks for, in the form rankingIpk compares (upper case). */
export const diplomaLevels = (levels: readonly string[]): ReadonlySet<string> => new Set(levels.map((level) => level.toUpperCase()));

/**
 * The IPK that breaks ties after SKD (domain rules §5): the best GPA among the applicant's diplomas
 * of a level the formation asks for; among all of them when none is of such a level; null when no
 * diploma has a GPA.
 */
export function rankingIpk(education: readonly Diploma[] | null | undefined, wanted: ReadonlySet<string>): number | null {
  if (!Array.isArray(education)) return null;
  // One pass, no arrays: this runs for every candidate of a round.
  let matched = false;
  let bestMatching = Number.NEGATIVE_INFINITY;
  let bestOfAll = Number.NEGATIVE_INFINITY;
  for (const diploma of education as readonly Diploma[]) {
    const { level, gpa } = diploma;
    const usable = typeof gpa === 'number' && Number.isFinite(gpa);
    if (level && (wanted.has(level as string) || wanted.has(String(level).toUpperCase()))) {
      matched = true;
      if (usable && gpa > bestMatching) bestMatching = gpa;
    }
    if (usable && gpa > bestOfAll) bestOfAll = gpa;
  }
  const best = matched ? bestMatching : bestOfAll;
  return best === Number.NEGATIVE_INFINITY ? null : best;
}

export type FinalRankingInput = {
  pipeline: readonly PipelineStage[];
  formations: readonly RankingFormationInput[];
  candidates: readonly FinalCandidateInput[];
  /** Per CAT stage key: the scale of its test and each application's outcome. */
  cat: ReadonlyMap<string, CatStageInput>;
  /** Per panel leaf key: each application's outcome. */
  panel: ReadonlyMap<string, PanelLeafInput>;
  /** Whether the panel has locked each panel stage's scores. */
  panelLocked: ReadonlyMap<string, boolean>;
  integration: IntegrationPreset;
  ranking: RankingPreset;
};

export type FinalLine = {
  applicationId: string;
  formasiId: string;
  registrationNumber: string;
  name: string;
  rank: number | null;
  /** null while a score is still missing (the line cannot be ranked yet). */
  status: RankingStatus | null;
  finalUnits: number | null;
  /** Raw score per leaf key; null when absent or missing. */
  scores: Record<string, number | null>;
  skd: { total: number; twk: number; tiu: number; tkp: number } | null;
  ipk: number | null;
  birthDate: string;
  decidedByAbove: DecidingCriterion | null;
  decidedByBelow: DecidingCriterion | null;
  /** Leaves still waiting for a score (a preview shows them; publication is refused). */
  missing: readonly string[];
};

/** The `missing` of every line that misses nothing (most of them), shared rather than one empty array each. */
const NOTHING_MISSING: readonly string[] = Object.freeze([]);

/**
 * The same number, a whole one (in 32 bits) as a small integer: a field of an object holds that
 * without a box of its own, where a number read from a Float64Array is boxed (16 bytes more each;
 * Node's V8 does not compress pointers). -0 stays -0.
 */
export function unboxed(x: number): number {
  const whole = x | 0;
  return whole === x && (whole !== 0 || 1 / x > 0) ? whole : x;
}

export type EliminatedCandidate = { applicationId: string; stageKey: string; reason: 'tidak_hadir' | 'tidak_lolos' };

export type FinalRankingResult = {
  plan: IntegrationPlan;
  /** Leaf key → scale, when known. */
  maxes: Map<string, number>;
  /** Problems that forbid publishing (Indonesian sentences); the lines are still computed where possible. */
  issues: string[];
  /** Finalists, formation by formation (by id), ranked first, then unranked, then those still missing a score. */
  lines: FinalLine[];
  /** Out of the selection at an eliminating stage (not in the final list). */
  eliminated: EliminatedCandidate[];
  formations: Array<RankingFormationInput & { places: number }>;
  /** The CAT stage whose total and subtests give the tie-break data (SKD), if any. */
  tieBreakStageKey: string | null;
};

/** The first weighted CAT stage without components (SKD, PPPK competency): its total and subtests break ties. */
export function tieBreakStage(pipeline: readonly PipelineStage[]): string | null {
  return pipeline.find(isPlainCatStage)?.key ?? null;
}

/** The CAT stages whose TWK, TIU and TKP the ranking reads: the plain ones (SKD), which break ties and choose who proceeds. */
export function subtestStages(pipeline: readonly PipelineStage[]): Set<string> {
  return new Set(pipeline.filter(isPlainCatStage).map((stage) => stage.key));
}

/** Places the final stage fills per formation place (JPT proposes the three best). */
export function winnersPerPlace(pipeline: readonly PipelineStage[]): number {
  const last = pipeline.find((s) => s.kind === 'integrasi');
  return last?.passRule.type === 'topN' ? last.passRule.multiplier : 1;
}

/** A leaf's outcome per candidate, as columns aligned with the candidates sorted by application id (a CAT leaf's too). */
type LeafColumn = PanelColumns;

/**
 * Every leaf's outcome of every candidate, read once (each is read again by several stages, the
 * integration and the tie-break) into typed columns rather than an object per outcome: a round
 * has tens of thousands of candidates, and objects that live through the ranking are what the
 * garbage collector spends its time on.
 */
function leafColumns(input: FinalRankingInput, plan: IntegrationPlan, sorted: SortedCandidates, catOf: Finalists['catOf']): LeafColumn[] {
  const { candidates, order } = sorted;
  const n = candidates.length;
  return plan.leaves.map((leaf) => {
    if (leaf.kind === 'cat') {
      const stage = input.cat.get(leaf.stageKey);
      const { state, total } = catOf(leaf.stageKey);
      // The stage's own columns: a CAT leaf is its stage's total, on the blueprint's scale.
      return { state, score: total, max: new Float64Array(n).fill(stage?.max ?? 0) };
    }
    const byId = input.panel.get(leaf.key);
    if (byId && !(byId instanceof Map)) {
      const given = byId as PanelColumns;
      checkLengths(given, n, leaf.key);
      return order ? columnsAt(given, order) : given;
    }
    const column = emptyPanelColumns(n);
    if (!byId) return column;
    const outcomes = alignedWith(candidates, byId as ReadonlyMap<string, PanelOutcome>);
    for (let i = 0; i < n; i += 1) {
      const outcome = outcomes[i];
      if (outcome) record(column, i, outcome.state, outcome.state === 'scored' ? outcome.score : 0, outcome.state === 'scored' ? outcome.max : 0);
    }
    return column;
  });
}

/**
 * Each candidate's entry in `byId` (undefined when it has none), aligned with the candidates
 * (sorted by application id). A Map iterates in the order its entries were added: when that is by
 * application id too (the server adds them so), the two are walked side by side, comparing ids
 * rather than hashing each one into a table of tens of thousands; otherwise each is looked up.
 */
export function alignedWith<T>(candidates: readonly FinalCandidateInput[], byId: ReadonlyMap<string, T>): Array<T | undefined> {
  const n = candidates.length;
  const aligned = new Array<T | undefined>(n).fill(undefined);
  let i = 0;
  let previous: string | undefined;
  for (const [id, value] of byId) {
    if (previous !== undefined && id <= previous) return candidates.map((c) => byId.get(c.applicationId));
    previous = id;
    while (i < n && candidates[i]!.applicationId < id) i += 1;
    for (let j = i; j < n && candidates[j]!.applicationId === id; j += 1) aligned[j] = value;
  }
  return aligned;
}

/**
 * The outcomes of the candidates at the given indices, in that order (`at[i]`: the index in
 * `columns` of the new i-th), for columns of any shape (CatColumns, PanelColumns).
 */
export function columnsAt<T extends Readonly<Record<keyof T, Uint8Array | Float64Array>>>(columns: T, at: ArrayLike<number>): T {
  const picked: Record<string, Uint8Array | Float64Array> = {};
  for (const [name, column] of Object.entries<Uint8Array | Float64Array>(columns)) {
    const copy = column instanceof Uint8Array ? new Uint8Array(at.length) : new Float64Array(at.length);
    for (let i = 0; i < at.length; i += 1) copy[i] = column[at[i]!]!;
    picked[name] = copy;
  }
  return picked as T;
}

/** Columns handed over must have one value per candidate. */
function checkLengths(columns: Readonly<Record<string, ArrayLike<number>>>, n: number, key: string) {
  for (const [name, column] of Object.entries(columns)) {
    if (column.length !== n) throw new RangeError(`kolom ${name} tahap ${key}: ${column.length} nilai untuk ${n} peserta`);
  }
}

/** A candidate's outcome of one leaf in its column: scored (points out of a maximum), absent, or pending (left as it is). */
function record(column: LeafColumn, i: number, state: 'scored' | 'absent' | 'pending', score: number, max: number) {
  if (state === 'pending') return;
  if (state === 'absent') {
    column.state[i] = ABSENT;
    return;
  }
  column.state[i] = SCORED;
  column.score[i] = score;
  column.max[i] = max;
}

/** What the ranking reads of the candidates (sorted by application id), by candidate index. */
type Finalists = {
  candidates: readonly FinalCandidateInput[];
  leaves: LeafColumn[];
  /** A CAT stage's outcomes as columns aligned with the sorted candidates (all PENDING without the stage), made once per stage. */
  catOf(stageKey: string): CatColumns;
};

/** Columns of `n` candidates without an outcome yet (all PENDING), to be filled. */
export function emptyCatColumns(n: number): CatColumns {
  return { state: new Uint8Array(n).fill(PENDING), total: new Float64Array(n), passed: new Uint8Array(n), twk: new Float64Array(n), tiu: new Float64Array(n), tkp: new Float64Array(n) };
}

/** Outcomes in a map, as columns aligned with the candidates. */
function catColumnsOf(candidates: readonly FinalCandidateInput[], outcomes: ReadonlyMap<string, CatOutcome>): CatColumns {
  const aligned = alignedWith(candidates, outcomes);
  const columns = emptyCatColumns(candidates.length);
  for (let i = 0; i < aligned.length; i += 1) {
    const outcome = aligned[i];
    if (!outcome || outcome.state === 'pending') continue;
    if (outcome.state === 'absent') {
      columns.state[i] = ABSENT;
      continue;
    }
    columns.state[i] = SCORED;
    columns.total[i] = outcome.total;
    columns.passed[i] = outcome.passed ? 1 : 0;
    columns.twk[i] = outcome.scores.TWK ?? 0;
    columns.tiu[i] = outcome.scores.TIU ?? 0;
    columns.tkp[i] = outcome.scores.TKP ?? 0;
  }
  return columns;
}

function catColumnsBy(input: FinalRankingInput, sorted: SortedCandidates): Finalists['catOf'] {
  const { candidates, order } = sorted;
  const byStage = new Map<string, CatColumns>();
  return (stageKey) => {
    let columns = byStage.get(stageKey);
    if (!columns) {
      const stage = input.cat.get(stageKey);
      if (!stage) columns = emptyCatColumns(candidates.length);
      else if ('outcomes' in stage) columns = catColumnsOf(candidates, stage.outcomes);
      else {
        checkLengths(stage.columns, candidates.length, stageKey);
        columns = order ? columnsAt(stage.columns, order) : stage.columns;
      }
      byStage.set(stageKey, columns);
    }
    return columns;
  };
}

/**
 * A stage's score for each of the given candidates, or why it cannot be computed: `state` SCORED,
 * ABSENT or PENDING; `total` the raw CAT total of a plain CAT stage (what SKD ranks by) or the
 * stage on 0–100 rounded as published; `exact(j)` the unrounded 0–100 value, computed only when a
 * rule needs it.
 */
type StageValues = { state: Uint8Array; total: Float64Array; exact(j: number): Rational };

function stageValues(input: FinalRankingInput, plan: IntegrationPlan, stageKey: string, finalists: Finalists, indices: readonly number[], computed: boolean): StageValues {
  const m = indices.length;
  const state = new Uint8Array(m).fill(PENDING);
  const total = new Float64Array(m);
  const stage = plan.stages.find((s) => s.key === stageKey);
  const leafIndices = plan.leaves.flatMap((leaf, index) => (leaf.stageKey === stageKey ? [index] : []));
  const leaves = leafIndices.map((index) => plan.leaves[index]!);
  const columns = leafIndices.map((index) => finalists.leaves[index]!);
  const exacts: Array<Rational | undefined> = [];
  const exact = (j: number): Rational => {
    const known = exacts[j];
    if (known) return known;
    const i = indices[j]!;
    const scores = new Map<string, LeafScore>(leaves.map((leaf, k) => [leaf.key, { score: columns[k]!.score[i]!, max: columns[k]!.max[i]! }]));
    const subPlan: IntegrationPlan = { ...plan, stages: [{ ...stage!, weight: 100 }], leaves };
    return (exacts[j] = integrateStages({ stages: stageTree({ plan: subPlan, scores }), preset: input.integration }).exact);
  };
  if (!computed || !stage || leaves.length === 0) return { state, total, exact };
  const single = leaves.length === 1 && leaves[0]!.kind === 'cat';
  for (let j = 0; j < m; j += 1) {
    const i = indices[j]!;
    // The first leaf without a score (in the plan's order) says why the stage has none.
    let first: number = SCORED;
    for (const column of columns) {
      if (column.state[i] !== SCORED) {
        first = column.state[i]!;
        break;
      }
    }
    state[j] = first;
    if (first === SCORED) total[j] = single ? columns[0]!.score[i]! : roundHalfUp(exact(j), input.integration.decimals);
  }
  return { state, total, exact };
}

/** Candidates (indices) still in the selection after the eliminating stages, in pipeline order. */
function applyEliminations(input: FinalRankingInput, plan: IntegrationPlan, finalists: Finalists, issues: string[]): { remaining: number[]; eliminated: EliminatedCandidate[] } {
  const { candidates } = finalists;
  let remaining = Array.from({ length: candidates.length }, (_, i) => i);
  const eliminated: EliminatedCandidate[] = [];
  const counts = input.formations.map((f) => f.count);
  const formationIndex = new Map<string, number>();
  for (const [f, formation] of input.formations.entries()) {
    if (formationIndex.has(formation.id)) throw new Error(`formasi ${formation.id} ganda`);
    formationIndex.set(formation.id, f);
  }
  // Each candidate once (they are sorted by application id, so a repeated one is next to itself).
  for (let i = 1; i < candidates.length; i += 1) if (candidates[i]!.applicationId === candidates[i - 1]!.applicationId) throw new Error(`peserta ${candidates[i]!.applicationId} ganda`);
  for (const stage of input.pipeline) {
    if (!stage.eliminates || stage.kind === 'administrasi' || stage.kind === 'integrasi') continue;
    const rule = stage.passRule;
    if (rule.type === 'none') continue;
    const catStage = isPlainCatStage(stage) ? input.cat.get(stage.key) : undefined;
    // Aligned with `remaining`: the stage's value and, for a plain CAT stage, its CAT outcome.
    const values = stageValues(input, plan, stage.key, finalists, remaining, stage.weight > 0 || catStage !== undefined);
    const catColumns = catStage ? finalists.catOf(stage.key) : null;
    let pending = 0;
    for (let j = 0; j < remaining.length; j += 1) if (values.state[j] === PENDING) pending += 1;
    if (pending > 0) issues.push(`${pending.toLocaleString('id-ID')} peserta belum memiliki nilai ${stage.name}; peserta yang lolos tahap ini belum dapat ditentukan.`);
    const passesMarks = (j: number, among: typeof rule | undefined): boolean => {
      if (!among) return true;
      if (values.state[j] !== SCORED) return false;
      if (among.type === 'passMarksBySubtest') {
        const i = remaining[j]!;
        return catColumns !== null && catColumns.state[i] === SCORED && catColumns.passed[i] === 1;
      }
      if (among.type === 'minScore') return compare(values.exact(j), toRational(among.min)) >= 0;
      return true;
    };
    const survives = new Uint8Array(remaining.length);
    if (rule.type === 'topN') {
      // The competition for places in the next stage, as columns aligned with `remaining`: those
      // with the stage's value compete in their formation, ranked by it and the SKD subtests.
      const m = remaining.length;
      const formation = new Int32Array(m).fill(-1);
      const metPassMark = new Uint8Array(m);
      const total = new Float64Array(m);
      const twk = new Float64Array(m);
      const tiu = new Float64Array(m);
      const tkp = new Float64Array(m);
      for (let j = 0; j < m; j += 1) {
        if (values.state[j] !== SCORED) continue;
        const i = remaining[j]!;
        const f = formationIndex.get(candidates[i]!.formasiId);
        if (f === undefined) throw new Error(`peserta ${candidates[i]!.applicationId}: formasi ${candidates[i]!.formasiId} tidak dikenal`);
        formation[j] = f;
        metPassMark[j] = passesMarks(j, rule.among) ? 1 : 0;
        total[j] = values.total[j]!;
        if (catColumns !== null && catColumns.state[i] === SCORED) {
          twk[j] = catColumns.twk[i]!;
          tiu[j] = catColumns.tiu[i]!;
          tkp[j] = catColumns.tkp[i]!;
        }
      }
      survives.set(proceedingByColumns({ counts, formation, metPassMark, total, twk, tiu, tkp, preset: { ...SKB_PROCEED_PRESET, multiplier: rule.multiplier } }));
    } else {
      for (let j = 0; j < remaining.length; j += 1) survives[j] = values.state[j] === SCORED && passesMarks(j, rule) ? 1 : 0;
    }
    const next: number[] = [];
    for (let j = 0; j < remaining.length; j += 1) {
      const i = remaining[j]!;
      const applicationId = candidates[i]!.applicationId;
      if (survives[j]) next.push(i);
      else if (values.state[j] === ABSENT) eliminated.push({ applicationId, stageKey: stage.key, reason: 'tidak_hadir' });
      else if (values.state[j] === SCORED) eliminated.push({ applicationId, stageKey: stage.key, reason: 'tidak_lolos' });
      // pending: neither in nor out; counted in the issues above.
    }
    remaining = next;
  }
  return { remaining, eliminated };
}

function compileFor(plan: IntegrationPlan, maxes: Map<string, number>, preset: IntegrationPreset): CompiledIntegration | null {
  const shape = planShape(plan, maxes, preset);
  if (shape.issues.length) return null;
  return compileIntegration({ stages: shape.stages, preset, scoreDecimals: 2 });
}

/** The candidates by application id, and where each came from in the input (`order` null when they already were, as the server reads them). */
type SortedCandidates = { candidates: readonly FinalCandidateInput[]; order: Int32Array | null };

function sortedById(candidates: readonly FinalCandidateInput[]): SortedCandidates {
  for (let i = 1; i < candidates.length; i += 1) {
    if (candidates[i - 1]!.applicationId > candidates[i]!.applicationId) {
      const order = Int32Array.from(candidates.keys()).sort((a, b) => byText(candidates[a]!.applicationId, candidates[b]!.applicationId));
      return { candidates: Array.from(order, (from) => candidates[from]!), order };
    }
  }
  return { candidates, order: null };
}

/** Ranks a round's finalists; deterministic: the same inputs in any order give the same lines. */
export function computeFinalRanking(input: FinalRankingInput): FinalRankingResult {
  const plan = integrationPlan(input.pipeline);
  const issues: string[] = plan.issues.map((i) => `${i.field}: ${i.message}`);
  const places = winnersPerPlace(input.pipeline);
  const formations = [...input.formations].sort((a, b) => byText(a.id, b.id)).map((f) => ({ ...f, places: f.count * places }));
  const tieBreakStageKey = tieBreakStage(input.pipeline);
  if (plan.issues.length) return { plan, maxes: new Map(), issues, lines: [], eliminated: [], formations, tieBreakStageKey };

  for (const leaf of plan.leaves) {
    if (leaf.kind === 'cat' && !input.cat.has(leaf.stageKey)) issues.push(`Tahap ${leaf.name} belum memiliki cetak biru CAT.`);
    if (leaf.kind === 'panel' && !input.panelLocked.get(leaf.stageKey)) issues.push(`Nilai panel ${leaf.name} belum dikunci.`);
  }
  const sortedCandidates = sortedById(input.candidates);
  const sorted = sortedCandidates.candidates;
  const catOf = catColumnsBy(input, sortedCandidates);
  const finalists: Finalists = { candidates: sorted, leaves: leafColumns(input, plan, sortedCandidates, catOf), catOf };
  const tie = tieBreakStageKey ? catOf(tieBreakStageKey) : null;
  const { remaining, eliminated } = applyEliminations(input, plan, finalists, issues);

  // Scales: a CAT leaf from its blueprint, a panel leaf from its scores (one scale per component).
  const maxes = new Map<string, number>();
  for (const [k, leaf] of plan.leaves.entries()) {
    if (leaf.kind === 'cat') {
      const stage = input.cat.get(leaf.stageKey);
      if (stage) maxes.set(leaf.key, stage.max);
      continue;
    }
    const seen = new Set<number>();
    const given = input.panel.get(leaf.key);
    if (given instanceof Map) {
      for (const outcome of (given as ReadonlyMap<string, PanelOutcome>).values()) if (outcome.state === 'scored') seen.add(outcome.max);
    } else {
      const column = finalists.leaves[k]!;
      for (let i = 0; i < column.state.length; i += 1) if (column.state[i] === SCORED) seen.add(column.max[i]!);
    }
    if (seen.size > 1) issues.push(`Nilai ${leaf.name} memakai skala yang berbeda (${[...seen].join(', ')}); satu komponen harus satu skala.`);
    else if (seen.size === 1) maxes.set(leaf.key, [...seen][0]!);
  }
  const compiled = compileFor(plan, maxes, input.integration);

  // What the ranking reads of each candidate to rank, as columns (no object per candidate), and the candidate's line.
  // The lists are made at their full length (and the ranked ones cut after), rather than grown a candidate at a time.
  const m = remaining.length;
  const lines = new Array<FinalLine>(m);
  const keys = {
    registrationNumber: new Array<string>(m),
    formasiId: new Array<string>(m),
    final: new Float64Array(m),
    skdTotal: new Float64Array(m),
    tkp: new Float64Array(m),
    tiu: new Float64Array(m),
    twk: new Float64Array(m),
    ipk: new Array<number | null>(m),
    birthDate: new Array<string>(m),
    absent: new Uint8Array(m),
    disqualified: new Uint8Array(m),
  };
  const rankable = new Array<FinalLine>(m);
  let ranked = 0;
  const leafCount = plan.leaves.length;
  const values = new Float64Array(leafCount);
  let missingCount = 0;
  for (let j = 0; j < m; j += 1) {
    const i = remaining[j]!;
    const candidate = sorted[i]!;
    const scores: Record<string, number | null> = {};
    let missing: string[] | null = null;
    let absent = false;
    for (let k = 0; k < leafCount; k += 1) {
      const leaf = plan.leaves[k]!;
      const column = finalists.leaves[k]!;
      const state = column.state[i];
      if (state === SCORED) {
        scores[leaf.key] = unboxed(column.score[i]!);
        values[k] = column.score[i]!;
      } else {
        scores[leaf.key] = null;
        if (state === ABSENT) absent = true;
        else (missing ??= []).push(leaf.key);
      }
    }
    const skd = tie !== null && tie.state[i] === SCORED ? { total: unboxed(tie.total[i]!), twk: unboxed(tie.twk[i]!), tiu: unboxed(tie.tiu[i]!), tkp: unboxed(tie.tkp[i]!) } : null;
    const line: FinalLine = {
      applicationId: candidate.applicationId,
      formasiId: candidate.formasiId,
      registrationNumber: candidate.registrationNumber,
      name: candidate.name,
      rank: null,
      status: null,
      finalUnits: null,
      scores,
      skd,
      ipk: candidate.ipk,
      birthDate: candidate.birthDate,
      decidedByAbove: null,
      decidedByBelow: null,
      missing: missing ?? NOTHING_MISSING,
    };
    lines[j] = line;
    // A disqualified or absent candidate is never ranked, whatever is still missing.
    if (!candidate.disqualified && !absent && missing) {
      missingCount += 1;
      continue;
    }
    let units = 0;
    if (!candidate.disqualified && !absent) {
      // Every leaf is scored here, so `values` holds this candidate's scores in the plan's order.
      units = compiled ? compiled.units(values) : Number.NaN;
      if (Number.isNaN(units)) {
        const leafScores = new Map<string, LeafScore>(plan.leaves.map((leaf, k) => [leaf.key, { score: finalists.leaves[k]!.score[i]!, max: finalists.leaves[k]!.max[i]! }]));
        units = Number(integrateStages({ stages: stageTree({ plan, scores: leafScores }), preset: input.integration }).units);
      }
      line.finalUnits = units;
    }
    const r = ranked;
    ranked += 1;
    rankable[r] = line;
    keys.registrationNumber[r] = candidate.registrationNumber;
    keys.formasiId[r] = candidate.formasiId;
    keys.final[r] = units;
    if (skd) {
      keys.skdTotal[r] = skd.total;
      keys.tkp[r] = skd.tkp;
      keys.tiu[r] = skd.tiu;
      keys.twk[r] = skd.twk;
    }
    keys.ipk[r] = candidate.ipk;
    keys.birthDate[r] = candidate.birthDate;
    keys.absent[r] = absent ? 1 : 0;
    keys.disqualified[r] = candidate.disqualified ? 1 : 0;
  }
  if (missingCount) issues.push(`${missingCount.toLocaleString('id-ID')} peserta belum memiliki semua nilai yang diintegrasikan.`);

  for (const list of [rankable, keys.registrationNumber, keys.formasiId, keys.ipk, keys.birthDate]) list.length = ranked;
  const columns: RankingColumns = {
    ...keys,
    final: keys.final.subarray(0, ranked),
    skdTotal: keys.skdTotal.subarray(0, ranked),
    tkp: keys.tkp.subarray(0, ranked),
    tiu: keys.tiu.subarray(0, ranked),
    twk: keys.twk.subarray(0, ranked),
    absent: keys.absent.subarray(0, ranked),
    disqualified: keys.disqualified.subarray(0, ranked),
  };
  const table = rankFormations({ formations: formations.map((f) => ({ id: f.id, count: f.places })), candidates: columns, preset: input.ranking });
  const criteria = table.criteria;
  for (let p = 0; p < table.length; p += 1) {
    const line = rankable[table.order[p]!]!;
    line.rank = table.rank[p]! || null;
    line.status = RANKING_STATUSES[table.status[p]!]!;
    const above = table.decidedByAbove[p]!;
    const below = table.decidedByBelow[p]!;
    line.decidedByAbove = above < 0 ? null : criteria[above]!;
    line.decidedByBelow = below < 0 ? null : criteria[below]!;
  }
  if (input.candidates.length > 0 && remaining.length === 0 && !issues.length) issues.push('Tidak ada peserta yang lolos ke tahap akhir.');
  return { plan, maxes, issues, lines: listOrder(formations, table, rankable, lines), eliminated, formations, tieBreakStageKey };
}

/**
 * The lines formation by formation (id), ranked best first, then unranked, then those missing a
 * score, each of the last two by registration number. The ranking table is already in that order
 * up to the lines missing a score, which are put after their formation's table lines.
 */
function listOrder(formations: ReadonlyArray<{ id: string }>, table: RankingTable, rankable: readonly FinalLine[], lines: readonly FinalLine[]): FinalLine[] {
  const formationOrder = new Map(formations.map((f, i) => [f.id, i]));
  // Lines waiting for a score, per formation (the last list: a formation that is not in the round), by registration number.
  const waiting: FinalLine[][] = Array.from({ length: formations.length + 1 }, () => []);
  for (const line of lines) if (line.status === null) waiting[formationOrder.get(line.formasiId) ?? formations.length]!.push(line);
  for (const group of waiting) if (group.length > 1) group.sort((a, b) => byText(a.registrationNumber, b.registrationNumber));
  const ordered: FinalLine[] = [];
  let p = 0;
  for (let f = 0; f < formations.length; f += 1) {
    for (; p < table.length && rankable[table.order[p]!]!.formasiId === formations[f]!.id; p += 1) ordered.push(rankable[table.order[p]!]!);
    for (const line of waiting[f]!) ordered.push(line);
  }
  for (const line of waiting[formations.length]!) ordered.push(line);
  return ordered;
}
