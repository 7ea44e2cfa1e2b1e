/**
 * Small statistics for dashboards: Spearman correlation (e.g. SKD score against later SKP
 * predikat), item analysis of CAT questions, percentiles and histograms. Results never depend on
 * the order of the input: ranks and sums are computed in integers before the one final division.
 */
import { add, multiply, ratio, toNumber, toRational } from './exact.js';
import { byText } from './text-order.js';

export interface StatsPreset {
  /** Below this many pairs a correlation comes with a caution. */
  readonly smallSampleBelow: number;
  /** Share of test takers in each of the upper and lower groups of item analysis. */
  readonly itemGroupFraction: number;
}

// Common practice, not regulation: n < 30 is a small sample; Kelley's 27% groups for item analysis.
export const STATS_PRESET: StatsPreset = { smallSampleBelow: 30, itemGroupFraction: 0.27 };

/** Average ranks (1-based) doubled, so ties stay integers: values 10, 20, 20 → ranks 1, 2.5, 2.5 → 2, 5, 5. */
function doubledRanks(values: readonly number[]): bigint[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Array<bigint>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]!] === values[order[start]!]) end += 1;
    // Positions start+1 … end+1 share the average rank (start + end + 2) / 2.
    for (let k = start; k <= end; k += 1) ranks[order[k]!] = BigInt(start + end + 2);
    start = end + 1;
  }
  return ranks;
}

export interface SpearmanOptions {
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly preset: StatsPreset;
}

export interface SpearmanResult {
  /** −1 … 1; null when it cannot be computed (fewer than 2 pairs, or one side has a single value). */
  readonly rho: number | null;
  readonly n: number;
  /** Plain-language Indonesian caution, or null when the sample is large enough. */
  readonly caution: string | null;
}

/** Spearman's rho with ties: the Pearson correlation of average ranks. */
export function spearman({ x, y, preset }: SpearmanOptions): SpearmanResult {
  if (x.length !== y.length) throw new RangeError(`panjang data berbeda: ${x.length} dan ${y.length}`);
  if ([...x, ...y].some((v) => !Number.isFinite(v))) throw new RangeError('data berisi nilai yang bukan angka');
  const n = x.length;
  const rx = doubledRanks(x);
  const ry = doubledRanks(y);
  let sx = 0n;
  let sy = 0n;
  let sxx = 0n;
  let syy = 0n;
  let sxy = 0n;
  for (let i = 0; i < n; i += 1) {
    sx += rx[i]!;
    sy += ry[i]!;
    sxx += rx[i]! * rx[i]!;
    syy += ry[i]! * ry[i]!;
    sxy += rx[i]! * ry[i]!;
  }
  const N = BigInt(n);
  const covariance = N * sxy - sx * sy;
  const varianceX = N * sxx - sx * sx;
  const varianceY = N * syy - sy * sy;
  const small = n < preset.smallSampleBelow;
  const caution = small
    ? `Sampel kecil (n = ${n}, kurang dari ${preset.smallSampleBelow}): korelasi ini belum dapat diandalkan. Anggap sebagai petunjuk awal, bukan kesimpulan.`
    : null;
  if (n < 2 || varianceX === 0n || varianceY === 0n) {
    return { rho: null, n, caution: caution ?? 'Korelasi tidak dapat dihitung karena salah satu data hanya berisi satu nilai.' };
  }
  const rho = Number(covariance) / Math.sqrt(Number(varianceX)) / Math.sqrt(Number(varianceY));
  return { rho: Math.max(-1, Math.min(1, rho)), n, caution };
}

export interface ItemResponse {
  /** Stable id of the test taker; orders ties in total score at the group boundaries. */
  readonly id: string;
  /** The test taker's total score. */
  readonly total: number;
  readonly correct: boolean;
}

export interface ItemAnalysisOptions {
  readonly responses: readonly ItemResponse[];
  readonly preset: StatsPreset;
}

export interface ItemGroup {
  readonly size: number;
  readonly correct: number;
}

export interface ItemAnalysis {
  readonly n: number;
  /** Difficulty index p: share answering correctly (high p = easy item); null with no responses. */
  readonly difficulty: number | null;
  /** Upper-group share correct minus lower-group share correct, −1 … 1; null when the groups are empty. */
  readonly discrimination: number | null;
  readonly upper: ItemGroup;
  readonly lower: ItemGroup;
}

/**
 * Item analysis: upper and lower groups are the top and bottom 27% by total score (group size
 * rounded half up: 100 takers → 27, 10 → 3; ties at a group boundary are split by id so the result
 * is repeatable).
 */
export function itemAnalysis({ responses, preset }: ItemAnalysisOptions): ItemAnalysis {
  const n = responses.length;
  const fraction = toRational(preset.itemGroupFraction);
  const size = Math.min(Math.floor(n / 2), Number((2n * fraction.num * BigInt(n) + fraction.den) / (2n * fraction.den)));
  const sorted = [...responses].sort((a, b) => b.total - a.total || byText(a.id, b.id));
  const correctIn = (group: readonly ItemResponse[]): number => group.filter((r) => r.correct).length;
  const upper = { size, correct: correctIn(sorted.slice(0, size)) };
  const lower = { size, correct: correctIn(sorted.slice(n - size)) };
  return {
    n,
    difficulty: n === 0 ? null : correctIn(responses) / n,
    discrimination: size === 0 ? null : (upper.correct - lower.correct) / size,
    upper,
    lower,
  };
}

function sortedFinite(values: readonly number[]): number[] {
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError('data berisi nilai yang bukan angka');
  return [...values].sort((a, b) => a - b);
}

export interface PercentilesOptions {
  readonly values: readonly number[];
  /** Each 0–100. */
  readonly ps: readonly number[];
}

/**
 * Percentiles by linear interpolation between closest ranks (position (n − 1) × p/100, as
 * Excel PERCENTILE.INC and NumPy's default); null for an empty list.
 */
export function percentiles({ values, ps }: PercentilesOptions): (number | null)[] {
  const sorted = sortedFinite(values);
  return ps.map((p) => {
    if (!(p >= 0 && p <= 100)) throw new RangeError(`persentil harus 0–100: ${p}`);
    if (sorted.length === 0) return null;
    const position = ((sorted.length - 1) * p) / 100;
    const low = Math.floor(position);
    const high = Math.min(low + 1, sorted.length - 1);
    return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
  });
}

export interface HistogramOptions {
  readonly values: readonly number[];
  readonly min: number;
  readonly max: number;
  readonly binWidth: number;
}

export interface HistogramBin {
  readonly from: number;
  /** Exclusive, except for the last bin, which includes max. */
  readonly to: number;
  readonly count: number;
}

export interface Histogram {
  readonly bins: readonly HistogramBin[];
  readonly below: number;
  readonly above: number;
}

/**
 * Bins [min, min + w), [min + w, min + 2w) … with the last bin closed at max (e.g. SKD totals 0–550
 * in bins of 50: the last bin is [500, 550]). Edges are computed exactly from the decimal inputs,
 * so 0.1-wide bins do not drift.
 */
export function histogram({ values, min, max, binWidth }: HistogramOptions): Histogram {
  if (!(binWidth > 0) || !(max > min)) throw new RangeError('histogram: lebar kelas harus > 0 dan max > min');
  const start = toRational(min);
  const width = toRational(binWidth);
  const span = add(toRational(max), { num: -start.num, den: start.den });
  const quotient = multiply(span, { num: width.den, den: width.num });
  const binCount = Number((quotient.num + quotient.den - 1n) / quotient.den);
  const edges = Array.from({ length: binCount + 1 }, (_, i) => (i === binCount ? max : toNumber(add(start, multiply(width, ratio(i))))));
  const counts = new Array<number>(binCount).fill(0);
  let below = 0;
  let above = 0;
  for (const value of values) {
    if (!Number.isFinite(value)) throw new RangeError('data berisi nilai yang bukan angka');
    if (value < min) below += 1;
    else if (value > max) above += 1;
    else {
      let bin = Math.min(binCount - 1, Math.floor((value - min) / binWidth));
      while (bin > 0 && value < edges[bin]!) bin -= 1;
      while (bin < binCount - 1 && value >= edges[bin + 1]!) bin += 1;
      counts[bin]! += 1;
    }
  }
  return { bins: counts.map((count, i) => ({ from: edges[i]!, to: edges[i + 1]!, count })), below, above };
}
