/**
 * Final score integration (domain rules §5): a pipeline of weighted stages, each scaled to 0–100
 * (score ÷ max × 100) before weighting; a stage may itself be a weighted set of components (SKB).
 *
 * Rounding rule: everything is computed exactly (rationals over the decimal digits of the inputs)
 * and rounded ONCE, half up, to `preset.decimals` places (default 3) for the published final score.
 * `units` is that published value as an integer (78.123 → 78123); ranking must compare the
 * published value (or `units`), never an unrounded one, so the order matches what is announced.
 * The per-stage `scaled` and `contribution` figures are rounded the same way for display only; the
 * final is not their sum, so a reader adding the displayed contributions can be off by 0.001.
 */
import { add, compare, divide, multiply, ratio, roundHalfUp, roundHalfUpUnits, toNumber, toRational, type Rational } from './exact.js';

export interface ScoredStage {
  readonly code: string;
  /** Percent of the parent; weights of siblings must sum to preset.weightTotal. */
  readonly weight: number;
  readonly score: number;
  readonly max: number;
}

export interface CompositeStage {
  readonly code: string;
  readonly weight: number;
  /** Scaled 0–100 as the weighted sum of its components' 0–100 values. */
  readonly components: readonly Stage[];
}

export type Stage = ScoredStage | CompositeStage;

export interface IntegrationPreset {
  /** Decimals of the published score, rounded half up once. */
  readonly decimals: number;
  readonly weightTotal: number;
}

export const INTEGRATION_PRESET: IntegrationPreset = { decimals: 3, weightTotal: 100 };

export interface CpnsIntegrationPreset extends IntegrationPreset {
  readonly skdWeight: number;
  readonly skbWeight: number;
  readonly skdMax: number;
}

// Domain rules §5: final = 40% SKD + 60% SKB, SKD scaled as SKD/550 × 100.
export const CPNS_INTEGRATION_PRESET: CpnsIntegrationPreset = { ...INTEGRATION_PRESET, skdWeight: 40, skbWeight: 60, skdMax: 550 };

export interface StageOutcome {
  readonly code: string;
  readonly weight: number;
  /** The stage on 0–100, rounded for display. */
  readonly scaled: number;
  /** weight% × scaled, rounded for display. */
  readonly contribution: number;
  readonly components?: readonly StageOutcome[];
}

export interface IntegrationResult {
  /** The published score, rounded half up once to `decimals`. */
  readonly score: number;
  /** The published score as an integer count of 10^-decimals (78.123 → 78123). */
  readonly units: number;
  readonly decimals: number;
  /** The unrounded value, for audit; do not rank on it. */
  readonly exact: Rational;
  readonly stages: readonly StageOutcome[];
}

export interface ValidateStagesOptions {
  readonly stages: readonly Stage[];
  readonly preset: IntegrationPreset;
}

export class IntegrationError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`integrasi nilai tidak sah: ${issues.join('; ')}`);
    this.name = 'IntegrationError';
  }
}

const HUNDRED = ratio(100);

function isComposite(stage: Stage): stage is CompositeStage {
  return 'components' in stage;
}

function validNumber(value: number): boolean {
  return typeof value === 'number' && Number.isFinite(value);
}

function collectIssues(stages: readonly Stage[], preset: IntegrationPreset, path: string, issues: string[]): void {
  if (stages.length === 0) return void issues.push(`${path}: tidak ada tahap`);
  let sum = ratio(0);
  let weightsReadable = true;
  const codes = new Set<string>();
  stages.forEach((stage, index) => {
    const field = `${path}[${index}]`;
    if (codes.has(stage.code)) issues.push(`${field}.code: kode ${stage.code} ganda`);
    codes.add(stage.code);
    if (!validNumber(stage.weight) || stage.weight < 0) {
      issues.push(`${field}.weight: bobot harus angka ≥ 0`);
      weightsReadable = false;
    } else sum = add(sum, toRational(stage.weight));
    if (isComposite(stage)) return collectIssues(stage.components, preset, `${field}.components`, issues);
    if (!validNumber(stage.max) || stage.max <= 0) issues.push(`${field}.max: nilai maksimal harus > 0`);
    if (!validNumber(stage.score) || stage.score < 0) issues.push(`${field}.score: nilai harus angka ≥ 0`);
    else if (validNumber(stage.max) && stage.score > stage.max) issues.push(`${field}.score: nilai ${stage.score} melebihi maksimal ${stage.max}`);
  });
  if (weightsReadable && compare(sum, toRational(preset.weightTotal)) !== 0) {
    issues.push(`${path}: jumlah bobot ${toNumber(sum)}, seharusnya ${preset.weightTotal}`);
  }
}

/** `field: problem` messages for every problem found; empty when the pipeline can be integrated. */
export function validateStages({ stages, preset }: ValidateStagesOptions): string[] {
  const issues: string[] = [];
  collectIssues(stages, preset, 'stages', issues);
  return issues;
}

interface Exact {
  readonly scaled: Rational;
  readonly outcome: StageOutcome;
}

function integrateLevel(stages: readonly Stage[], preset: IntegrationPreset): { value: Rational; outcomes: StageOutcome[] } {
  let value = ratio(0);
  const outcomes = stages.map((stage) => {
    const { scaled, outcome } = integrateStage(stage, preset);
    const contribution = divide(multiply(toRational(stage.weight), scaled), toRational(preset.weightTotal));
    value = add(value, contribution);
    return { ...outcome, contribution: roundHalfUp(contribution, preset.decimals) };
  });
  return { value, outcomes };
}

function integrateStage(stage: Stage, preset: IntegrationPreset): Exact {
  if (isComposite(stage)) {
    const { value, outcomes } = integrateLevel(stage.components, preset);
    return { scaled: value, outcome: { code: stage.code, weight: stage.weight, scaled: roundHalfUp(value, preset.decimals), contribution: 0, components: outcomes } };
  }
  const scaled = multiply(divide(toRational(stage.score), toRational(stage.max)), HUNDRED);
  return { scaled, outcome: { code: stage.code, weight: stage.weight, scaled: roundHalfUp(scaled, preset.decimals), contribution: 0 } };
}

export interface IntegrateStagesOptions {
  readonly stages: readonly Stage[];
  readonly preset: IntegrationPreset;
}

/** Throws IntegrationError listing every problem when the pipeline is not valid. */
export function integrateStages({ stages, preset }: IntegrateStagesOptions): IntegrationResult {
  const issues = validateStages({ stages, preset });
  if (issues.length > 0) throw new IntegrationError(issues);
  const { value, outcomes } = integrateLevel(stages, preset);
  const units = roundHalfUpUnits(value, preset.decimals);
  return { score: roundHalfUp(value, preset.decimals), units: Number(units), decimals: preset.decimals, exact: value, stages: outcomes };
}

export interface CpnsFinalScoreOptions {
  readonly skdTotal: number;
  /** SKB components with the weights announced with the vacancy (PermenPANRB 6/2024 art. 22). */
  readonly skbComponents: readonly Stage[];
  readonly preset: CpnsIntegrationPreset;
}

/** CPNS final score: skdWeight% × SKD/skdMax × 100 + skbWeight% × SKB on 0–100. */
export function cpnsFinalScore({ skdTotal, skbComponents, preset }: CpnsFinalScoreOptions): IntegrationResult {
  return integrateStages({
    stages: [
      { code: 'SKD', weight: preset.skdWeight, score: skdTotal, max: preset.skdMax },
      { code: 'SKB', weight: preset.skbWeight, components: skbComponents },
    ],
    preset,
  });
}

// ---------------------------------------------------------------------------------------------
// Fast path for millions of candidates

export interface CompileIntegrationOptions {
  /** The pipeline's shape: every leaf's `max` is used, its `score` is ignored. */
  readonly stages: readonly Stage[];
  readonly preset: IntegrationPreset;
  /** Decimals a leaf score may carry on the fast path (panel means such as 82.25); more → exact path. */
  readonly scoreDecimals?: number;
}

export interface IntegrationLeaf {
  /** Codes from the top stage down to the leaf (['SKB', 'CAT_SKB']). */
  readonly path: readonly string[];
  readonly max: number;
}

export interface CompiledIntegration {
  /** Leaves depth first: the order of the scores `units` reads. */
  readonly leaves: readonly IntegrationLeaf[];
  /** False when the pipeline's denominators are too large for integer arithmetic (use integrateStages). */
  readonly fast: boolean;
  /**
   * The published score in units (what integrateStages returns as `units`), computed with safe
   * integers; NaN when a score has more decimals than `scoreDecimals`, lies outside 0…max, or the
   * pipeline is not `fast` — the caller then uses integrateStages, which gives the same units.
   */
  units(scores: ArrayLike<number>): number;
}

function gcdBig(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

function collectLeaves(stages: readonly Stage[], preset: IntegrationPreset, factor: Rational, path: readonly string[], out: Array<IntegrationLeaf & { coefficient: Rational }>): void {
  for (const stage of stages) {
    const share = multiply(factor, divide(toRational(stage.weight), toRational(preset.weightTotal)));
    if (isComposite(stage)) collectLeaves(stage.components, preset, share, [...path, stage.code], out);
    // final = Σ share × score / max × 100
    else out.push({ path: [...path, stage.code], max: stage.max, coefficient: divide(multiply(share, HUNDRED), toRational(stage.max)) });
  }
}

/**
 * Turns a pipeline into integer coefficients once, so each candidate's published score is a few
 * multiplications of safe integers: final = N ÷ Q with N = Σ aᵢ × scoreᵢ × 10^d. The result equals
 * integrateStages' `units` exactly (same single half-up rounding); tests check it on random inputs.
 */
export function compileIntegration({ stages, preset, scoreDecimals = 2 }: CompileIntegrationOptions): CompiledIntegration {
  const issues = validateStages({ stages, preset });
  if (issues.length > 0) throw new IntegrationError(issues);
  if (!Number.isInteger(scoreDecimals) || scoreDecimals < 0 || scoreDecimals > 6) throw new RangeError(`desimal nilai tidak sah: ${scoreDecimals}`);
  const found: Array<IntegrationLeaf & { coefficient: Rational }> = [];
  collectLeaves(stages, preset, ratio(1), [], found);
  const leaves = found.map(({ path, max }) => ({ path, max }));
  const scale = 10n ** BigInt(scoreDecimals);
  // k = coefficient ÷ 10^d as p/q; Q = lcm(q); aᵢ = pᵢ × Q ÷ qᵢ.
  const ks = found.map((leaf) => divide(leaf.coefficient, ratio(scale)));
  let q = 1n;
  for (const k of ks) q = (q / gcdBig(q, k.den)) * k.den;
  const decimalsFactor = 10n ** BigInt(preset.decimals);
  // N ≤ 100 × Q; the rounding step needs 2 × N × 10^decimals + Q to stay a safe integer.
  const fast = 2n * 100n * q * decimalsFactor + q <= BigInt(Number.MAX_SAFE_INTEGER);
  const coefficients = ks.map((k) => Number((k.num * q) / k.den));
  const Q = Number(q);
  const scaleNumber = Number(scale);
  const twiceDecimals = 2 * Number(decimalsFactor);
  const maxes = leaves.map((leaf) => leaf.max);
  const count = leaves.length;
  return {
    leaves,
    fast,
    units(scores) {
      if (!fast || scores.length !== count) return Number.NaN;
      let n = 0;
      for (let i = 0; i < count; i += 1) {
        const score = scores[i]!;
        if (!(score >= 0 && score <= maxes[i]!)) return Number.NaN;
        const units = Math.round(score * scaleNumber);
        if (units / scaleNumber !== score) return Number.NaN;
        n += coefficients[i]! * units;
      }
      // round half up of n × 10^decimals ÷ Q = floor((2n·10^decimals + Q) ÷ 2Q), corrected for float division.
      const x = n * twiceDecimals + Q;
      const y = 2 * Q;
      let result = Math.floor(x / y);
      if (result * y > x) result -= 1;
      else if ((result + 1) * y <= x) result += 1;
      return result;
    },
  };
}
