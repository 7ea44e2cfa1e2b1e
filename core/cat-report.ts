/**
 * Statistics of a CAT stage for its reports: a histogram width that reads well, and item analysis
 * computed from counts (the database aggregates the responses; this turns the counts into the
 * difficulty and discrimination indices of core/stats itemAnalysis, with the same 27% groups).
 */
import { toRational } from './exact.js';
import { STATS_PRESET, type StatsPreset } from './stats.js';

const NICE_WIDTHS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

/** The smallest "round" bin width giving at most `maxBins` bins from 0 to maxTotal (SKD 550 → 50). */
export function reportBinWidth(maxTotal: number, maxBins = 15): number {
  const target = Math.max(1, maxTotal) / maxBins;
  return NICE_WIDTHS.find((width) => width >= target) ?? Math.ceil(target);
}

/** Size of each of the upper and lower groups for n takers: 27% rounded half up, at most n/2 (as itemAnalysis). */
export function itemGroupSize(n: number, preset: StatsPreset = STATS_PRESET): number {
  const fraction = toRational(preset.itemGroupFraction);
  return Math.min(Math.floor(n / 2), Number((2n * fraction.num * BigInt(n) + fraction.den) / (2n * fraction.den)));
}

export type ItemCounts = {
  /** Takers who had the question in their paper and finished. */
  readonly n: number;
  readonly groupSize: number;
  /** Points scored on the question, in total and within the upper and lower groups. */
  readonly points: number;
  readonly upperPoints: number;
  readonly lowerPoints: number;
  /** What a fully right answer scores: 1 for a single-key question counted as right/wrong, or the best option's points. */
  readonly maxPoints: number;
};

export type ItemIndices = {
  /** Mean score as a share of the maximum (p; for single-key questions the share answering right). */
  readonly difficulty: number | null;
  /** Upper-group mean minus lower-group mean, as a share of the maximum (D, −1 … 1). */
  readonly discrimination: number | null;
};

export function itemIndices(counts: ItemCounts): ItemIndices {
  const { n, groupSize, maxPoints } = counts;
  if (n === 0 || maxPoints <= 0) return { difficulty: null, discrimination: null };
  return {
    difficulty: counts.points / (n * maxPoints),
    discrimination: groupSize === 0 ? null : (counts.upperPoints - counts.lowerPoints) / (groupSize * maxPoints),
  };
}

export type ItemVerdict = { difficulty: 'sukar' | 'sedang' | 'mudah' | null; discrimination: 'baik_sekali' | 'baik' | 'cukup' | 'jelek' | 'negatif' | null; review: boolean };

/**
 * Common practice, not regulation: p < 0.30 hard, > 0.70 easy; Ebel's bands for D (≥ 0.40 very
 * good, ≥ 0.30 good, ≥ 0.20 fair, below poor, negative: check the key). An item with poor or
 * negative discrimination, or that almost nobody (p < 0.10) or almost everybody (p > 0.95)
 * answers right, is flagged for review.
 */
export function itemVerdict({ difficulty, discrimination }: ItemIndices): ItemVerdict {
  const p = difficulty === null ? null : difficulty < 0.3 ? 'sukar' : difficulty > 0.7 ? 'mudah' : 'sedang';
  const d = discrimination === null ? null : discrimination < 0 ? 'negatif' : discrimination < 0.2 ? 'jelek' : discrimination < 0.3 ? 'cukup' : discrimination < 0.4 ? 'baik' : 'baik_sekali';
  const review = (d !== null && (d === 'negatif' || d === 'jelek')) || (difficulty !== null && (difficulty < 0.1 || difficulty > 0.95));
  return { difficulty: p, discrimination: d, review };
}

export const DIFFICULTY_LABELS: Record<NonNullable<ItemVerdict['difficulty']>, string> = { sukar: 'Sukar', sedang: 'Sedang', mudah: 'Mudah' };
export const DISCRIMINATION_LABELS: Record<NonNullable<ItemVerdict['discrimination']>, string> = {
  baik_sekali: 'Baik sekali',
  baik: 'Baik',
  cukup: 'Cukup',
  jelek: 'Jelek',
  negatif: 'Negatif (periksa kunci)',
};
