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
import { integrationPlan, planShape, stageTree, type IntegrationPlan, type LeafScore, type ScoreLeaf } from './final-results.js';
import { isPlainCatStage, type PipelineStage } from './pipeline.js';
import { selectForSkb, SKB_PROCEED_PRESET } from './proceed.js';
import { rankFormations, RANKING_STATUSES, type DecidingCriterion, type RankingCandidate, type RankingPreset, type RankingStatus } from './ranking.js';

export type CatOutcome = { state: 'scored'; total: number; scores: Readonly<Record<string, number>>; passed: boolean } | { state: 'absent' } | { state: 'pending' };
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

export type FinalRankingInput = {
  pipeline: readonly PipelineStage[];
  formations: readonly RankingFormationInput[];
  candidates: readonly FinalCandidateInput[];
  /** Per CAT stage key: the scale of its test and each application's outcome (missing = no attempt). */
  cat: ReadonlyMap<string, { max: number; outcomes: ReadonlyMap<string, CatOutcome> }>;
  /** Per panel leaf key: each application's outcome (missing = not scored yet). */
  panel: ReadonlyMap<string, ReadonlyMap<string, PanelOutcome>>;
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
  missing: string[];
};

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

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The first weighted CAT stage without components (SKD, PPPK competency): its total and subtests break ties. */
export function tieBreakStage(pipeline: readonly PipelineStage[]): string | null {
  return pipeline.find(isPlainCatStage)?.key ?? null;
}

/** Places the final stage fills per formation place (JPT proposes the three best). */
export function winnersPerPlace(pipeline: readonly PipelineStage[]): number {
  const last = pipeline.find((s) => s.kind === 'integrasi');
  return last?.passRule.type === 'topN' ? last.passRule.multiplier : 1;
}

type LeafOutcome = { state: 'scored'; score: number; max: number } | { state: 'absent' } | { state: 'pending' };
const PENDING: LeafOutcome = { state: 'pending' };

/** Where a leaf's outcome is read, resolved once per ranking. */
type LeafSource = (applicationId: string) => LeafOutcome;

function leafSource(input: FinalRankingInput, leaf: ScoreLeaf): LeafSource {
  if (leaf.kind === 'cat') {
    const stage = input.cat.get(leaf.stageKey);
    if (!stage) return () => PENDING;
    const { outcomes, max } = stage;
    return (id) => {
      const outcome = outcomes.get(id);
      if (!outcome) return PENDING;
      return outcome.state === 'scored' ? { state: 'scored', score: outcome.total, max } : outcome;
    };
  }
  const outcomes = input.panel.get(leaf.key);
  return outcomes ? (id) => outcomes.get(id) ?? PENDING : () => PENDING;
}

/**
 * A candidate with every leaf's outcome read once (in the plan's leaf order) and the CAT outcome of
 * the tie-break stage: each is read by several stages, the integration and the tie-break.
 */
type Finalist = { candidate: FinalCandidateInput; leaves: LeafOutcome[]; tie: CatOutcome | undefined };

function finalistsOf(input: FinalRankingInput, plan: IntegrationPlan, candidates: readonly FinalCandidateInput[], tieBreakStageKey: string | null): Finalist[] {
  const sources = plan.leaves.map((leaf) => leafSource(input, leaf));
  const tieOutcomes = tieBreakStageKey ? input.cat.get(tieBreakStageKey)?.outcomes : undefined;
  return candidates.map((candidate) => ({ candidate, leaves: sources.map((source) => source(candidate.applicationId)), tie: tieOutcomes?.get(candidate.applicationId) }));
}

type StageValue = { state: 'scored'; total: number; exact(): Rational } | { state: 'absent' } | { state: 'pending' };
const PENDING_VALUE: StageValue = { state: 'pending' };

/**
 * A stage's score, or why it cannot be computed: `total` is the raw CAT total of a plain CAT
 * stage (what SKD ranks by) or the stage on 0–100 rounded as published; `exact()` the unrounded
 * 0–100 value, computed only when a minimum-score rule needs it.
 */
type StageParts = { stage: IntegrationPlan['stages'][number] | undefined; leaves: ScoreLeaf[]; indices: number[] };
const stageParts = new WeakMap<IntegrationPlan, Map<string, StageParts>>();
function partsOf(plan: IntegrationPlan, stageKey: string): StageParts {
  let byStage = stageParts.get(plan);
  if (!byStage) stageParts.set(plan, (byStage = new Map()));
  let parts = byStage.get(stageKey);
  if (!parts) {
    const indices = plan.leaves.flatMap((leaf, index) => (leaf.stageKey === stageKey ? [index] : []));
    byStage.set(stageKey, (parts = { stage: plan.stages.find((s) => s.key === stageKey), leaves: indices.map((index) => plan.leaves[index]!), indices }));
  }
  return parts;
}

function stageValue(input: FinalRankingInput, plan: IntegrationPlan, stageKey: string, finalist: Finalist): StageValue {
  const { stage, leaves, indices } = partsOf(plan, stageKey);
  if (!stage || leaves.length === 0) return PENDING_VALUE;
  const outcomes: Array<{ score: number; max: number }> = [];
  for (const index of indices) {
    const outcome = finalist.leaves[index]!;
    if (outcome.state !== 'scored') return outcome;
    outcomes.push(outcome);
  }
  let memo: Rational | undefined;
  const exact = () => {
    if (memo) return memo;
    const scores = new Map<string, LeafScore>(leaves.map((leaf, i) => [leaf.key, { score: outcomes[i]!.score, max: outcomes[i]!.max }]));
    const subPlan: IntegrationPlan = { ...plan, stages: [{ ...stage, weight: 100 }], leaves };
    return (memo = integrateStages({ stages: stageTree({ plan: subPlan, scores }), preset: input.integration }).exact);
  };
  const single = leaves.length === 1 && leaves[0]!.kind === 'cat';
  return { state: 'scored', total: single ? outcomes[0]!.score : roundHalfUp(exact(), input.integration.decimals), exact };
}

/** Candidates still in the selection after the eliminating stages, in pipeline order. */
function applyEliminations(input: FinalRankingInput, plan: IntegrationPlan, finalists: Finalist[], issues: string[]): { remaining: Finalist[]; eliminated: EliminatedCandidate[] } {
  let remaining = finalists;
  const eliminated: EliminatedCandidate[] = [];
  const counts = input.formations.map((f) => ({ id: f.id, count: f.count }));
  for (const stage of input.pipeline) {
    if (!stage.eliminates || stage.kind === 'administrasi' || stage.kind === 'integrasi') continue;
    const rule = stage.passRule;
    if (rule.type === 'none') continue;
    const catStage = isPlainCatStage(stage) ? input.cat.get(stage.key) : undefined;
    // Aligned with `remaining`: the stage's value and, for a plain CAT stage, its CAT outcome.
    const values = remaining.map((finalist) => (stage.weight > 0 || catStage ? stageValue(input, plan, stage.key, finalist) : PENDING_VALUE));
    const catOutcomes = catStage ? remaining.map((finalist) => catStage.outcomes.get(finalist.candidate.applicationId)) : [];
    const pending = values.filter((value) => value.state === 'pending').length;
    if (pending > 0) issues.push(`${pending.toLocaleString('id-ID')} peserta belum memiliki nilai ${stage.name}; peserta yang lolos tahap ini belum dapat ditentukan.`);
    const passesMarks = (index: number, among: typeof rule | undefined): boolean => {
      if (!among) return true;
      const value = values[index]!;
      if (value.state !== 'scored') return false;
      if (among.type === 'passMarksBySubtest') {
        const outcome = catOutcomes[index];
        return outcome?.state === 'scored' && outcome.passed;
      }
      if (among.type === 'minScore') return compare(value.exact(), toRational(among.min)) >= 0;
      return true;
    };
    const survives: boolean[] = Array.from({ length: remaining.length }, () => false);
    if (rule.type === 'topN') {
      const scored = remaining.flatMap((_, index) => (values[index]!.state === 'scored' ? [index] : []));
      const outcome = selectForSkb({
        formations: counts.map((f) => ({ id: f.id, count: f.count })),
        candidates: scored.map((index) => {
          const { candidate } = remaining[index]!;
          const value = values[index]! as { total: number };
          const outcome = catOutcomes[index];
          const s = outcome?.state === 'scored' ? outcome.scores : {};
          return { id: candidate.applicationId, formasiId: candidate.formasiId, metPassMark: passesMarks(index, rule.among), skd: { total: value.total, TWK: s.TWK ?? 0, TIU: s.TIU ?? 0, TKP: s.TKP ?? 0 } };
        }),
        preset: { ...SKB_PROCEED_PRESET, multiplier: rule.multiplier },
      });
      const proceeding = new Set<string>();
      for (const o of outcome.candidates) if (o.proceeds) proceeding.add(o.id);
      remaining.forEach((finalist, index) => (survives[index] = proceeding.has(finalist.candidate.applicationId)));
    } else {
      remaining.forEach((_, index) => (survives[index] = values[index]!.state === 'scored' && passesMarks(index, rule)));
    }
    const next: Finalist[] = [];
    remaining.forEach((finalist, index) => {
      const value = values[index]!;
      const applicationId = finalist.candidate.applicationId;
      if (survives[index]) next.push(finalist);
      else if (value.state === 'absent') eliminated.push({ applicationId, stageKey: stage.key, reason: 'tidak_hadir' });
      else if (value.state === 'scored') eliminated.push({ applicationId, stageKey: stage.key, reason: 'tidak_lolos' });
      // pending: neither in nor out; counted in the issues above.
    });
    remaining = next;
  }
  return { remaining, eliminated };
}

function compileFor(plan: IntegrationPlan, maxes: Map<string, number>, preset: IntegrationPreset): CompiledIntegration | null {
  const shape = planShape(plan, maxes, preset);
  if (shape.issues.length) return null;
  return compileIntegration({ stages: shape.stages, preset, scoreDecimals: 2 });
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
  const sorted = [...input.candidates].sort((a, b) => byText(a.applicationId, b.applicationId));
  const { remaining, eliminated } = applyEliminations(input, plan, finalistsOf(input, plan, sorted, tieBreakStageKey), issues);

  // Scales: a CAT leaf from its blueprint, a panel leaf from its scores (one scale per component).
  const maxes = new Map<string, number>();
  for (const leaf of plan.leaves) {
    if (leaf.kind === 'cat') {
      const stage = input.cat.get(leaf.stageKey);
      if (stage) maxes.set(leaf.key, stage.max);
      continue;
    }
    const seen = new Set<number>();
    for (const outcome of input.panel.get(leaf.key)?.values() ?? []) if (outcome.state === 'scored') seen.add(outcome.max);
    if (seen.size > 1) issues.push(`Nilai ${leaf.name} memakai skala yang berbeda (${[...seen].join(', ')}); satu komponen harus satu skala.`);
    else if (seen.size === 1) maxes.set(leaf.key, [...seen][0]!);
  }
  const compiled = compileFor(plan, maxes, input.integration);

  const lines: FinalLine[] = [];
  const rankable: Array<RankingCandidate & { line: FinalLine }> = [];
  let missingCount = 0;
  for (const { candidate, leaves, tie } of remaining) {
    const scores: Record<string, number | null> = {};
    const values: number[] = [];
    const missing: string[] = [];
    let absent = false;
    plan.leaves.forEach((leaf, index) => {
      const outcome = leaves[index]!;
      if (outcome.state === 'scored') {
        scores[leaf.key] = outcome.score;
        values.push(outcome.score);
      } else {
        scores[leaf.key] = null;
        if (outcome.state === 'absent') absent = true;
        else missing.push(leaf.key);
      }
    });
    const skd = tie?.state === 'scored' ? { total: tie.total, twk: tie.scores.TWK ?? 0, tiu: tie.scores.TIU ?? 0, tkp: tie.scores.TKP ?? 0 } : null;
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
      missing,
    };
    lines.push(line);
    // A disqualified or absent candidate is never ranked, whatever is still missing.
    if (!candidate.disqualified && !absent && missing.length) {
      missingCount += 1;
      continue;
    }
    let units = 0;
    if (!candidate.disqualified && !absent) {
      units = compiled ? compiled.units(values) : Number.NaN;
      if (Number.isNaN(units)) {
        const leafScores = new Map<string, LeafScore>(plan.leaves.map((leaf, index) => [leaf.key, leaves[index] as { score: number; max: number }]));
        units = Number(integrateStages({ stages: stageTree({ plan, scores: leafScores }), preset: input.integration }).units);
      }
      line.finalUnits = units;
    }
    rankable.push({
      line,
      registrationNumber: candidate.registrationNumber,
      formasiId: candidate.formasiId,
      final: units,
      skdTotal: skd?.total ?? 0,
      tkp: skd?.tkp ?? 0,
      tiu: skd?.tiu ?? 0,
      twk: skd?.twk ?? 0,
      ipk: candidate.ipk,
      birthDate: candidate.birthDate,
      absent,
      disqualified: candidate.disqualified,
    });
  }
  if (missingCount) issues.push(`${missingCount.toLocaleString('id-ID')} peserta belum memiliki semua nilai yang diintegrasikan.`);

  const table = rankFormations({ formations: formations.map((f) => ({ id: f.id, count: f.places })), candidates: rankable, preset: input.ranking });
  const criteria = table.criteria;
  for (let p = 0; p < table.length; p += 1) {
    const line = rankable[table.order[p]!]!.line;
    line.rank = table.rank[p]! || null;
    line.status = RANKING_STATUSES[table.status[p]!]!;
    const above = table.decidedByAbove[p]!;
    const below = table.decidedByBelow[p]!;
    line.decidedByAbove = above < 0 ? null : criteria[above]!;
    line.decidedByBelow = below < 0 ? null : criteria[below]!;
  }
  // Formation by formation (id), ranked best first, then unranked, then those missing a score.
  const formationOrder = new Map(formations.map((f, i) => [f.id, i]));
  const group = (l: FinalLine) => (l.rank !== null ? 0 : l.status !== null ? 1 : 2);
  const keyed = lines.map((line) => ({ line, formation: formationOrder.get(line.formasiId)!, group: group(line), rank: line.rank ?? 0 }));
  keyed.sort((a, b) => a.formation - b.formation || a.group - b.group || a.rank - b.rank || byText(a.line.registrationNumber, b.line.registrationNumber));
  const ordered = keyed.map((k) => k.line);
  if (input.candidates.length > 0 && remaining.length === 0 && !issues.length) issues.push('Tidak ada peserta yang lolos ke tahap akhir.');
  return { plan, maxes, issues, lines: ordered, eliminated, formations, tieBreakStageKey };
}
